"""The MCP server: :mod:`argmap.mcp.tools` registered with the ``mcp`` SDK, served over stdio.

Every tool takes the map as ``path`` (a file under the server's roots) or ``text``
(Argdown or another format argmap reads), and returns the same JSON as the command
line's ``--json``.  A failure comes back as a tool error whose text is a JSON object:
``error``, and when known ``hint`` and ``diagnostics`` (with positions).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any

from mcp.server.mcpserver import MCPServer
from mcp_types import CallToolResult, TextContent, ToolAnnotations

from argmap import __version__
from argmap.mcp import tools
from argmap.mcp.access import Access

Answer = Annotated[CallToolResult, dict[str, Any]]
"""What every tool returns: a result whose structured content is a JSON object."""
READ_ONLY = ToolAnnotations(read_only_hint=True, open_world_hint=False)
WRITES = ToolAnnotations(read_only_hint=False, destructive_hint=True, idempotent_hint=True, open_world_hint=False)


def _answer(call: Callable[[], dict[str, Any]]) -> CallToolResult:
    """The tool's JSON as structured content (and as text, for clients that read only text);
    a failure as an error result whose text is the JSON of :meth:`ToolFailure.to_dict`."""
    try:
        data = call()
    except tools.ToolFailure as failure:
        text = json.dumps(failure.to_dict(), ensure_ascii=False)
        return CallToolResult(content=[TextContent(type="text", text=text)], is_error=True)
    text = json.dumps(data, ensure_ascii=False)
    return CallToolResult(content=[TextContent(type="text", text=text)], structured_content=data)


def build_server(access: Access) -> MCPServer:
    """The server with every tool, reading (and, if allowed, writing) under ``access``'s roots."""
    roots = ", ".join(str(r) for r in access.roots)
    server = MCPServer(
        "argmap",
        version=__version__,
        instructions=(
            "Argument maps in Argdown. Pass a map as 'path' (a file under the roots: "
            f"{roots}) or as 'text'. Start with validate; the other tools return argmap's --json shapes. "
            + ("Writes are allowed under the roots." if access.writable else "This server is read-only.")
        ),
    )

    @server.tool(annotations=READ_ONLY)
    def validate(path: str | None = None, text: str | None = None, format: str | None = None) -> Answer:
        """Check a map: every diagnostic with code, severity, message, line/column span and hint."""
        return _answer(lambda: tools.validate(access, path, text, format))

    @server.tool(annotations=READ_ONLY)
    def show(
        path: str | None = None,
        text: str | None = None,
        format: str | None = None,
        focus: str | None = None,
        depth: int | None = None,
        tag: str | None = None,
        section: str | None = None,
    ) -> Answer:
        """The map as a tree from the main conclusions down (optionally from one claim, a tag or a section)."""
        return _answer(lambda: tools.show(access, path, text, format, focus, depth, tag, section))

    @server.tool(annotations=READ_ONLY)
    def why(
        claim: str,
        path: str | None = None,
        text: str | None = None,
        format: str | None = None,
        depth: int | None = None,
    ) -> Answer:
        """Why a claim holds: the chain of reasons and attacks under it. claim: [Title], <Title> or unique text."""
        return _answer(lambda: tools.why(access, path, text, format, claim, depth))

    @server.tool(name="eval", annotations=READ_ONLY)
    def evaluate(
        path: str | None = None,
        text: str | None = None,
        format: str | None = None,
        semantics: str = "grounded",
        limit: int = 1000,
    ) -> Answer:
        """Label every claim IN, OUT or UNDEC under grounded, complete, preferred or stable semantics."""
        return _answer(lambda: tools.evaluate(access, path, text, format, semantics, limit))

    @server.tool(name="what-if", annotations=READ_ONLY)
    def what_if(
        path: str | None = None,
        text: str | None = None,
        format: str | None = None,
        reject: list[str] | None = None,
        accept: list[str] | None = None,
        semantics: str = "grounded",
    ) -> Answer:
        """Re-evaluate with claims rejected or accepted; only the labels that change."""
        return _answer(lambda: tools.what_if(access, path, text, format, reject or [], accept or [], semantics))

    @server.tool(annotations=READ_ONLY)
    def cruxes(
        claim: str, path: str | None = None, text: str | None = None, format: str | None = None, max_size: int = 3
    ) -> Answer:
        """The smallest sets of premises whose rejection would leave a claim no longer accepted (grounded)."""
        return _answer(lambda: tools.cruxes(access, path, text, format, claim, max_size))

    @server.tool(annotations=WRITES)
    def convert(
        output: str, path: str | None = None, text: str | None = None, format: str | None = None, to: str | None = None
    ) -> Answer:
        """Write the map in another format to 'output' (format from its extension, or 'to'). Needs --writable."""
        return _answer(lambda: tools.convert(access, path, text, format, output, to))

    @server.tool(annotations=WRITES)
    def render(
        output: str,
        path: str | None = None,
        text: str | None = None,
        format: str | None = None,
        focus: str | None = None,
        depth: int | None = None,
        rankdir: str = "TB",
    ) -> Answer:
        """Draw the map with Graphviz into 'output' (.svg, .png, .pdf or .dot). Needs --writable."""
        return _answer(lambda: tools.render(access, path, text, format, output, focus, depth, rankdir))

    return server


def serve(roots: list[str], writable: bool) -> None:
    """Serve over standard input and output until the client closes them."""
    build_server(Access.under(roots, writable)).run("stdio")
