"""``argmap mcp`` as a real process, driven by the mcp SDK's client over stdio.

Each tool's answer is compared with what the command line's ``--json`` prints for the
same request: the server promises the same shapes."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import require_module

require_module("mcp", "mcp")

from mcp import Client, StdioServerParameters  # noqa: E402

MAP = """\
# Costs

[Alpha]: Taxes should fall. #policy
  + [Beta]: Growth follows. #economy
  - <Gamma>: Deficits grow.
  + [Bet]

<Gamma>

(1) [Delta]: Deficits matter.
(2) [Eps]: Deficits follow cuts.
----
(3) [Zeta]: Cuts harm.
"""
"""A small map with one error: [Bet], a typo of [Beta] (AM103, line 6, columns 5-9)."""

TOOLS = {"validate", "show", "why", "eval", "what-if", "cruxes", "convert", "render"}


def drive(root: Path, *options: str) -> Callable[[Callable[[Client], Awaitable[None]]], None]:
    """Run ``scenario(client)`` against ``argmap mcp --root ROOT OPTIONS`` started for it."""

    def run(scenario: Callable[[Client], Awaitable[None]]) -> None:
        server = StdioServerParameters(
            command=sys.executable, args=["-m", "argmap", "mcp", "--root", str(root), *options], cwd=str(root)
        )

        async def session() -> None:
            async with Client(server, read_timeout_seconds=60) as client:
                await scenario(client)

        asyncio.run(asyncio.wait_for(session(), 120))

    return run


def cli_json(*args: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-m", "argmap", *args, "--json"], capture_output=True, text=True, timeout=60)
    data: dict[str, Any] = json.loads(done.stdout)
    return data


async def call(client: Client, tool: str, arguments: dict[str, Any]) -> dict[str, Any]:
    result = await client.call_tool(tool, arguments)
    assert not result.is_error, result.content
    assert result.structured_content is not None
    return result.structured_content


async def failure(client: Client, tool: str, arguments: dict[str, Any]) -> dict[str, Any]:
    result = await client.call_tool(tool, arguments)
    assert result.is_error
    text = result.content[0].text  # type: ignore[union-attr]
    data: dict[str, Any] = json.loads(text)
    return data


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "map.argdown").write_text(MAP, "utf-8")
    return tmp_path


def test_tools_answer_as_the_command_line_does(folder: Path) -> None:
    path = str(folder / "map.argdown")

    async def scenario(client: Client) -> None:
        listed = await client.list_tools()
        assert {tool.name for tool in listed.tools} == TOOLS
        by_path = {"path": path}
        assert await call(client, "validate", by_path) == cli_json("validate", path)
        assert await call(client, "show", by_path) == cli_json("show", "-m", path)
        assert await call(client, "why", {**by_path, "claim": "Alpha", "depth": 2}) == cli_json(
            "why", "Alpha", "-m", path, "--depth", "2"
        )
        assert await call(client, "eval", {**by_path, "semantics": "preferred"}) == cli_json(
            "eval", "-m", path, "--semantics", "preferred"
        )
        assert await call(client, "what-if", {**by_path, "reject": ["Delta"]}) == cli_json(
            "what-if", "-m", path, "--reject", "Delta"
        )
        assert await call(client, "cruxes", {**by_path, "claim": "Gamma"}) == cli_json("cruxes", "Gamma", "-m", path)
        # The same map given as text, and a relative path (under the root).
        as_text = await call(client, "why", {"text": MAP, "claim": "Alpha"})
        assert as_text["roots"][0]["id"] == "[Alpha]"
        relative = await call(client, "validate", {"path": "map.argdown"})
        assert relative["counts"] == {"error": 1, "warning": 0, "info": 0}

    drive(folder)(scenario)


def test_errors_carry_positions_and_hints(folder: Path) -> None:
    async def scenario(client: Client) -> None:
        found = await call(client, "validate", {"text": MAP})
        (typo,) = found["diagnostics"]
        assert (typo["code"], typo["line"], typo["col"], typo["end_col"]) == ("AM103", 6, 5, 9)
        assert typo["message"].endswith("did you mean [Beta]?")
        unknown = await failure(client, "why", {"text": MAP, "claim": "Alphx"})
        assert "Alphx" in unknown["error"]
        assert "Alpha" in unknown["hint"]
        neither = await failure(client, "show", {})
        assert "either as 'path' or as 'text'" in neither["error"]
        unreadable = await failure(client, "show", {"text": "\x00\x01 binary"})
        assert unreadable["diagnostics"][0]["code"] in {"AM001", "AM002"}

    drive(folder)(scenario)


def test_refuses_paths_outside_the_root_and_writes_when_read_only(folder: Path, tmp_path_factory: Any) -> None:
    outside = tmp_path_factory.mktemp("outside") / "secret.argdown"
    outside.write_text(MAP, "utf-8")
    (folder / "link.argdown").symlink_to(outside)

    async def scenario(client: Client) -> None:
        for path in (str(outside), "../" + outside.parent.name + "/secret.argdown", "link.argdown"):
            refused = await failure(client, "validate", {"path": path})
            assert "outside the allowed roots" in refused["error"], path
        read_only = await failure(client, "render", {"text": MAP, "output": "map.dot"})
        assert "read-only" in read_only["error"]
        assert not (folder / "map.dot").exists()

    drive(folder)(scenario)


def test_writable_server_converts_and_renders_under_its_root(folder: Path) -> None:
    async def scenario(client: Client) -> None:
        converted = await call(client, "convert", {"path": "map.argdown", "output": "map.aif.json"})
        assert converted["schema"] == "argmap:conversion/1"
        # Statements Alpha, Beta, Bet, Delta, Eps, Zeta; the argument Gamma.
        assert (converted["to"], converted["statements"], converted["arguments"]) == ("aif", 6, 1)
        assert json.loads((folder / "map.aif.json").read_text("utf-8"))["nodes"]
        drawn = await call(client, "render", {"path": "map.argdown", "output": "map.dot"})
        assert drawn["format"] == "dot"
        assert (folder / "map.dot").read_text("utf-8").startswith("digraph")
        refused = await failure(client, "render", {"path": "map.argdown", "output": "/tmp/../etc/argmap.dot"})
        assert "outside the allowed roots" in refused["error"]

    drive(folder, "--writable")(scenario)
