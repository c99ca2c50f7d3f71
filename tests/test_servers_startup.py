"""The servers' libraries stay out of every other command's start-up, and their commands
say what to install when the extra is missing."""

from __future__ import annotations

import subprocess
import sys

SERVER_MODULES = (
    "pygls",
    "lsprotocol",
    "mcp",
    "mcp_types",
    "pydantic",
    "starlette",
    "anyio",
    "argmap.lsp",
    "argmap.mcp",
)


def test_why_imports_no_server_library() -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "argmap", "why", "No military solution", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert "argmap.cli.lsp" in imported  # the commands are registered...
    leaked = sorted(m for m in imported if m.split(".")[0] in SERVER_MODULES or m.startswith(SERVER_MODULES))
    assert leaked == []  # ...without their libraries


def test_commands_name_the_extra_when_it_is_missing() -> None:
    # A stand-in module that fails to import, as a missing package does.
    script = (
        "import sys\n"
        "sys.modules['pygls'] = None\n"
        "sys.modules['mcp'] = None\n"
        "from argmap.cli import main\n"
        "main(sys.argv[1:])\n"
    )
    for command, extra in (("lsp", "argmap[lsp]"), ("mcp", "argmap[mcp]")):
        done = subprocess.run([sys.executable, "-c", script, command], capture_output=True, text=True, timeout=60)
        assert done.returncode == 2
        assert extra in done.stderr, done.stderr
