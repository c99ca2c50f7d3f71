"""``argmap mcp``: the Model Context Protocol server for AI agents (library in :mod:`argmap.mcp`)."""

from __future__ import annotations

from typing import Annotated

import typer

from argmap.cli.common import app, fail


@app.command()
def mcp(
    root: Annotated[
        list[str] | None,
        typer.Option(
            "--root",
            help="A folder whose maps the tools may read (repeatable). Default: the working folder.",
            metavar="DIR",
        ),
    ] = None,
    writable: Annotated[
        bool, typer.Option("--writable", help="Let convert and render write files under the roots.")
    ] = False,
) -> None:
    """Run a Model Context Protocol server over standard input and output (for AI agents).

    Tools: validate, show, why, eval, what-if, cruxes, convert and render, each taking a
    map as a path or as text and returning the JSON of the matching --json.  Read-only
    and confined to the roots unless --writable; docs/mcp.md shows client set-up.
    Needs the extra: pip install 'argmap[mcp]'.

    \b
    Example: argmap mcp --help
    """
    from pathlib import Path

    for folder in root or []:
        if not Path(folder).is_dir():
            fail(f"--root {folder}: no such folder")
    try:
        from argmap.mcp.server import serve
    except ImportError as missing:
        fail(f"argmap mcp needs the mcp SDK ({missing.name} is missing); pip install 'argmap[mcp]'")
    serve(root or [], writable)
