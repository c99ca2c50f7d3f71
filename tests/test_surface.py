"""The surface a newcomer meets: help, flags, widths, colours, pipes and what commands say they did."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import typer
from conftest import argmap_on_path
from rich.console import Console

from argmap.cli import app
from argmap.views.text import render_tree, tree_lines
from argmap.views.tree import show_view, why_view

HERE = Path(__file__).resolve().parent
SMALL = str(HERE / "fixtures" / "cli-small.argdown")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
MARKS = ("✔ IN", "✘ OUT", "? UNDEC")


def argmap_run(
    *args: str, env: dict[str, str] | None = None, shell: str | None = None
) -> subprocess.CompletedProcess[str]:
    shell_env = argmap_on_path(Path(tempfile.gettempdir()) / f"argmap-test-bin-{os.getpid()}") if shell else None
    base = {k: v for k, v in (shell_env or os.environ).items() if k not in ("FORCE_COLOR", "NO_COLOR", "COLUMNS")}
    base.update(env or {})
    command = ["bash", "-c", f"set -o pipefail; {shell}"] if shell else [sys.executable, "-m", "argmap", *args]
    return subprocess.run(command, capture_output=True, text=True, env=base, timeout=120, check=False)


# -- first contact -------------------------------------------------------------------


def test_argmap_alone_prints_the_help_as_help_does() -> None:
    alone, helped = argmap_run(), argmap_run("--help")
    assert alone.returncode == helped.returncode == 0
    assert alone.stdout == helped.stdout and alone.stdout.startswith("Usage: argmap")
    assert alone.stderr == ""


def _commands() -> dict[str, typer.main.click.Command]:
    group = typer.main.get_command(app)
    return dict(group.commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", sorted(_commands()))
def test_help_shows_no_python_types(name: str) -> None:
    text = argmap_run(name, "--help").stdout
    for python_type in ("<str>", "<int", "<list", "list[", "<Path", "{claim}", "[[", "int range"):
        assert python_type not in text, f"{name} --help shows {python_type}"
    assert re.search(r"^Usage: argmap \S+ .*\{", text, re.MULTILINE) is None


def test_one_meaning_per_short_flag() -> None:
    meanings: dict[str, set[str]] = {}
    for command in _commands().values():
        for param in command.params:
            longs = [o for o in param.opts if o.startswith("--")]
            for short in (o for o in param.opts if len(o) == 2 and o.startswith("-")):
                meanings.setdefault(short, set()).update(longs)
    clashes = {short: longs for short, longs in meanings.items() if len(longs) > 1}
    assert clashes == {}


# -- output that fits ----------------------------------------------------------------


@pytest.mark.parametrize("width", [36, 44, 60, 80, 100, 120])
def test_a_label_never_parts_from_its_mark(width: int) -> None:
    import argmap

    amap = argmap.load_default()[0]
    from argmap.semantics import label_map

    labels = label_map(amap)
    views = [show_view(amap, labels=labels), why_view(amap, "[Back to the table]", labels=labels)]
    for view in views:
        console = Console(width=width, color_system=None, file=open(os.devnull, "w"))  # noqa: SIM115
        with console.capture() as captured:
            console.print(render_tree(view))
        for lines in (captured.get().splitlines(), list(tree_lines(view, width))):
            for line in lines:
                stripped = line.rstrip()
                assert not stripped.endswith(("✔", "✘", " ?")), line
                assert not re.search(r"(^|[│ ])(IN|OUT|UNDEC)$", stripped) or stripped.endswith(MARKS), line


@pytest.mark.parametrize("width", [60, 120, 220])
@pytest.mark.parametrize(
    "args",
    [["eval"], ["what-if", "--reject", "No military solution"], ["cruxes", "Back to the table"]],
    ids=["eval", "what-if", "cruxes"],
)
def test_evaluations_fit_the_width_without_breaking_words(width: int, args: list[str]) -> None:
    done = argmap_run(*args, env={"COLUMNS": str(width)})
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines and all(len(line) <= width for line in lines)
    assert "..." not in done.stdout
    # Wrapping moves words to the next line; it never cuts one: the words read the same as
    # on a screen wide enough for every line.
    wide = argmap_run(*args, env={"COLUMNS": "1000"})
    assert done.stdout.split() == wide.stdout.split()


def test_piped_output_has_no_trailing_spaces() -> None:
    for args in (["list"], ["rules"], ["eval"], ["show"], ["why", "Back to the table"], ["cruxes", "Only temporary"]):
        out = argmap_run(*args).stdout
        assert out and all(line == line.rstrip() for line in out.splitlines()), args


def test_a_reader_that_goes_away_is_no_failure() -> None:
    for command in ("argmap rules | head -3", "argmap show | head -3", "argmap list | head -1"):
        done = argmap_run(shell=command)
        assert done.returncode == 0, (command, done.stderr)
        assert done.stderr == ""


# -- colour ---------------------------------------------------------------------------


def test_color_always_never_and_the_environment() -> None:
    assert ANSI.search(argmap_run("--color", "always", "show").stdout)
    assert not ANSI.search(argmap_run("--color", "never", "show", env={"FORCE_COLOR": "1"}).stdout)
    assert ANSI.search(argmap_run("show", env={"FORCE_COLOR": "1"}).stdout)
    assert not ANSI.search(argmap_run("show").stdout)  # piped: no colour
    assert argmap_run("--color", "sometimes", "show").returncode == 2


def test_no_yellow_or_cyan_in_the_palette() -> None:
    out = argmap_run("--color", "always", "show").stdout + argmap_run("--color", "always", "eval").stdout
    codes = {int(c) for seq in re.findall(r"\x1b\[([0-9;]*)m", out) for c in seq.split(";") if c}
    assert not codes & {33, 36, 93, 96, 34}  # yellow, cyan, bright yellow/cyan, dark blue


# -- binary, formats and what was written ---------------------------------------------


def test_binary_never_goes_to_a_terminal() -> None:
    def run_in_a_terminal() -> tuple[int, str]:
        pid, fd = pty.fork()
        if pid == 0:  # the child: standard output is the terminal
            os.execv(sys.executable, [sys.executable, "-m", "argmap", "render", "--format", "png"])
        chunks = []
        while True:
            try:
                data = os.read(fd, 4096)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        _, status = os.waitpid(pid, 0)
        return os.waitstatus_to_exitcode(status), b"".join(chunks).decode("utf-8", "replace")

    code, said = run_in_a_terminal()
    assert code == 2 and "binary" in said and "-o" in said and "\x89PNG" not in said


def test_a_format_that_contradicts_the_file_name_is_an_error(tmp_path: Path) -> None:
    done = argmap_run("render", "--format", "pdf", "-o", str(tmp_path / "x.png"))
    assert done.returncode == 2 and "contradicts" in done.stderr
    assert not (tmp_path / "x.png").exists()
    done = argmap_run("export", "--to", "png")
    assert done.returncode == 2 and "argmap render --format png" in done.stderr


def test_writing_commands_say_what_they_wrote_alike(tmp_path: Path) -> None:
    said = []
    for args in (
        ["render", "-o", str(tmp_path / "m.svg")],
        ["export", "--to", "aif", "-o", str(tmp_path / "m.aif.json")],
        ["convert", SMALL, str(tmp_path / "m.argdown")],
    ):
        done = argmap_run(*args)
        assert done.returncode == 0, done.stderr
        said.append(done.stderr.strip())
    for line, name in zip(said, ("m.svg", "m.aif.json", "m.argdown"), strict=True):
        assert re.fullmatch(rf"wrote \S*{re.escape(name)} \([\w-]+: [\d,]+ \w+, [\d,]+ \w+\)", line), line


def test_counts_are_words() -> None:
    done = argmap_run("what-if", "--reject", "[Talks]", "-m", SMALL)
    assert "(s)" not in done.stdout + done.stderr
    assert re.search(r": 1 claim changes|: \d+ claims change|changes no label", done.stdout), done.stdout
