"""Every example in every help text runs as written, on the shipped map, in an empty folder."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import typer
from conftest import argmap_on_path

from argmap.cli import app

EXAMPLE = re.compile(r"^\s*Example: (argmap .+|printf .+)$", re.MULTILINE)


def _help_texts() -> dict[str, str]:
    command = typer.main.get_command(app)
    texts = {"argmap": command.get_help(typer.Context(command, info_name="argmap"))}
    for name, sub in command.commands.items():  # type: ignore[attr-defined]
        context = typer.Context(sub, info_name=name, parent=typer.Context(command, info_name="argmap"))
        texts[name] = sub.get_help(context)
    return texts


EXAMPLES = [(name, example) for name, text in _help_texts().items() for example in EXAMPLE.findall(text)]


def test_every_command_has_an_example() -> None:
    assert {name for name, _ in EXAMPLES} == set(_help_texts())


@pytest.mark.parametrize(("command", "example"), EXAMPLES, ids=[e for _, e in EXAMPLES])
def test_example_runs_as_written(command: str, example: str, tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    env = {**argmap_on_path(tmp_path / "bin"), "NO_COLOR": "1"}
    done = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {example}"], cwd=work, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, f"{example}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    assert done.stdout.strip() or any(work.iterdir()), "the example printed and wrote nothing"
