"""The command line end to end: exit codes, --json, errors as one line, golden text."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.cli import main

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SMALL = HERE / "fixtures" / "cli-small.argdown"
NASTY = HERE / "fixtures" / "cli-nasty.argdown"
GOLDEN = HERE / "golden"


@pytest.fixture(autouse=True)
def _plain_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("FORCE_COLOR", raising=False)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        main(list(args))
        code = 0
    except SystemExit as exit:
        code = exit.code if isinstance(exit.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("argmap: error: ")
    assert "Traceback" not in err


# -- show / why -----------------------------------------------------------------


def test_show_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "show", "-m", str(SMALL), "--no-labels")
    assert code == 0, err
    assert out.splitlines()[1].startswith("[Ceasefire]: The ceasefire should be extended.")
    assert "\x1b[" not in out  # NO_COLOR and not a terminal: no escape codes
    assert "├── + <Fewer deaths>" in out and "└── - <Rebels regroup>" in out


def test_show_focus_depth_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "-m", str(SMALL), "--focus", "rebels", "--depth", "1", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["roots"][0]["id"] == "<Rebels regroup>"
    assert {c["id"] for c in data["roots"][0]["children"]} == {"[Monitors]", "<Monitoring works>"}


def test_show_labels_are_wired(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("argmap.semantics", reason="semantics not installed")
    from argmap.semantics import label_map  # noqa: F401

    code, out, _ = run(capsys, "show", "-m", str(SMALL), "--json")
    assert code == 0
    labels = {n["label"] for n in _walk(json.loads(out)["roots"])}
    assert labels <= {"IN", "OUT", "UNDEC"} and labels
    code, out, _ = run(capsys, "show", "-m", str(SMALL), "--json", "--no-labels")
    assert all("label" not in n for n in _walk(json.loads(out)["roots"]))


def _walk(nodes: list[dict[str, object]]) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    stack = list(nodes)
    while stack:
        node = stack.pop()
        found.append(node)
        stack.extend(node["children"])  # type: ignore[arg-type]
    return found


def test_show_unknown_tag_or_section_lists_what_exists(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", "-m", str(SMALL), "--tag", "nothing")
    assert code == 2
    one_line_error(err)
    assert "no tag matches 'nothing'; the map has #" in err
    code, _, err = run(capsys, "show", "-m", str(SMALL), "--section", "nowhere")
    assert code == 2 and "no section matches 'nowhere'" in err


def test_show_tag_and_section_by_a_unique_piece(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "--tag", "PREDICT", "--no-labels")
    assert code == 0 and "#prediction" in out
    code, out, _ = run(capsys, "show", "--section", "thesis", "--no-labels")
    assert code == 0 and "[Only temporary]" in out


def test_empty_input_says_the_map_is_empty(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"")))
    code, _, err = run(capsys, "show", "-m", "-")
    assert code == 1 and "holds no map" in err


def test_why_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "why", "[Ceasefire]", "-m", str(SMALL), "--no-labels")
    assert code == 0
    assert "“hundreds die each week” (¶3)" in out
    assert "(2) [Stops] (implicit)" in out
    code, out, _ = run(capsys, "why", "Ceasefire", "-m", str(SMALL), "--json", "--depth", "1")
    data = json.loads(out)
    assert data["view"] == "why" and data["depth"] == 1
    assert data["roots"][0]["children"][0]["truncated"] is True


def test_why_reads_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SMALL.read_bytes())))
    code, out, _ = run(capsys, "why", "<Fewer deaths>", "-m", "-", "--json")
    assert code == 0
    assert json.loads(out)["roots"][0]["children"][0]["id"] == "[Violence]"


# -- claims on the command line ---------------------------------------------------


@pytest.mark.parametrize("claim", ["[Talks]", "Talks", "talks", "negotiations have", "GENEVA"])
def test_claim_forms(capsys: pytest.CaptureFixture[str], claim: str) -> None:
    if claim == "GENEVA":  # only in the quote: not a title or text, so no match
        code, _, err = run(capsys, "why", claim, "-m", str(SMALL))
        assert code == 2
        one_line_error(err)
        return
    code, out, _ = run(capsys, "why", claim, "-m", str(SMALL), "--json")
    assert code == 0
    assert json.loads(out)["roots"][0]["id"] == "[Talks]"


def test_ambiguous_claim_lists_candidates(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "why", "monitor", "-m", str(SMALL))
    assert code == 2 and out == ""
    assert "ambiguous" in err.splitlines()[0]
    assert "[Monitors]" in err and "<Monitoring works>" in err


def test_unknown_claim_suggests(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "why", "[Ceasfire]", "-m", str(SMALL))
    assert code == 2
    one_line_error(err)
    assert "did you mean [Ceasefire]" in err


# -- never a traceback ------------------------------------------------------------


def test_bad_inputs_give_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    binary = tmp_path / "bin.argdown"
    binary.write_bytes(b"[A]: x\x00y")
    latin1 = tmp_path / "latin1.argdown"
    latin1.write_bytes(b"[A]: caf\xe9.\n  + [B]: b.\n")
    for args in (
        ["show", "-m", str(tmp_path / "missing.argdown")],
        ["show", "-m", str(tmp_path)],
        ["why", "A", "-m", str(binary)],
        ["find", "x", "-m", str(latin1)],
        ["show", "--depth", "many", "-m", str(SMALL)],
        ["show", "--dpth", "2", "-m", str(SMALL)],
        ["render", "-o", str(tmp_path / "x.gif"), "-m", str(SMALL)],
        ["render", "-o", str(tmp_path / "no" / "such" / "dir.svg"), "-m", str(SMALL), "--format", "dot"],
        ["rules", "AM999"],
        ["frobnicate"],
    ):
        code, _, err = run(capsys, *args)
        assert code == 2, args
        one_line_error(err)


def test_misspelt_option_suggests(capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = run(capsys, "show", "--dpth", "2")
    assert "did you mean --depth?" in err


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    import argmap

    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"argmap {argmap.__version__}"
    for command in ("show", "why", "find", "list", "validate", "rules", "render"):
        code, out, _ = run(capsys, command, "--help")
        assert code == 0
        assert "Example: argmap " + command in " ".join(out.split()), command


# -- find / list ------------------------------------------------------------------


def test_find(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "find", "monitor", "-m", str(SMALL), "--json")
    assert code == 0
    assert [n["id"] for n in json.loads(out)["claims"]] == ["[Monitors]", "<Monitoring works>"]
    code, out, err = run(capsys, "find", "zebra", "-m", str(SMALL))
    assert code == 1 and out == "" and "no claim contains" in err


def test_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--premises", "-m", str(SMALL), "--json")
    assert code == 0
    assert [n["id"] for n in json.loads(out)["claims"]] == ["[Violence]", "[Stops]"]
    code, out, _ = run(capsys, "list", "--arguments", "--tag", "prediction", "-m", str(SMALL))
    assert "<Monitoring works>: Past monitoring" in out.splitlines()[0]
    assert out.split()[0] == "25"  # the line it is defined on


# -- validate / rules -------------------------------------------------------------


def test_validate_golden_and_exit_codes(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(HERE)
    code, out, _ = run(capsys, "validate", "fixtures/cli-small.argdown")
    assert code == 0  # warnings only
    golden = GOLDEN / "validate-small.txt"
    if os.environ.get("ARGMAP_UPDATE_GOLDEN"):
        golden.write_text(out, "utf-8")
    assert out == golden.read_text("utf-8")
    code, _, _ = run(capsys, "validate", "fixtures/cli-small.argdown", "--strict")
    assert code == 1


def test_validate_errors_json_github(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.argdown"
    bad.write_text("[A]: a.\n  + [Aa]\n  + [B]: b.\n    + [A]\n", "utf-8")
    code, out, _ = run(capsys, "validate", str(bad), str(SMALL), "--format", "json")
    assert code == 2
    found = json.loads(out)["diagnostics"]
    assert {d["file"] for d in found} == {str(bad), str(SMALL)}
    assert any(d["severity"] == "error" for d in found)
    code, out, _ = run(capsys, "validate", str(bad), "--format", "github")
    assert code == 2
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in out.splitlines())
    assert f"file={bad}" in out


def test_validate_missing_file_is_an_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "validate", str(tmp_path / "nope.argdown"))
    assert code == 2 and "AM000" in out


def test_validate_source(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pytest.importorskip("argmap.provenance")
    source = tmp_path / "oped.txt"
    source.write_text("Talks began in Geneva.\n\nNothing else.\n", "utf-8")
    code, out, _ = run(capsys, "validate", str(SMALL), "--source", str(source), "--format", "json")
    codes = {d["code"] for d in json.loads(out)["diagnostics"]}
    assert codes - {"AM203", "AM204"}, "the provenance check found nothing wrong with made-up quotes"
    code, _, err = run(capsys, "validate", str(SMALL), "--source", str(tmp_path / "missing.txt"))
    assert code == 2
    one_line_error(err)


def test_rules(capsys: pytest.CaptureFixture[str]) -> None:
    from argmap.rules import registered

    code, out, _ = run(capsys, "rules", "--json")
    assert code == 0
    assert [r["code"] for r in json.loads(out)["rules"]] == list(registered())
    code, out, _ = run(capsys, "rules", "am201")
    assert code == 0 and out.startswith("AM201 circular-support (error)")
    assert registered()["AM201"].explanation.split()[0] in out


# -- render -----------------------------------------------------------------------


def test_render_dot_to_stdout_and_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "render", "--format", "dot", "-m", str(SMALL), "--no-labels")
    assert code == 0 and out.startswith("digraph argmap {")
    target = tmp_path / "map.gv"
    code, _, _ = run(capsys, "render", "-o", str(target), "-m", str(SMALL), "--no-labels")
    assert code == 0 and target.read_text("utf-8") == out


def test_render_svg_by_extension_and_atomic_replace(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pytest.importorskip("pygraphviz")
    target = tmp_path / "map.svg"
    target.write_text("old", "utf-8")
    code, _, err = run(capsys, "render", "-o", str(target), "-m", str(SMALL))
    assert code == 0, err
    assert target.read_text("utf-8").lstrip().startswith("<?xml")
    assert [p.name for p in tmp_path.iterdir()] == ["map.svg"]  # no temporary file left


def test_render_failure_keeps_the_old_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "map.svg"
    target.write_text("old", "utf-8")
    code, _, err = run(capsys, "render", "-o", str(target), "-m", str(tmp_path / "missing.argdown"))
    assert code == 2
    one_line_error(err)
    assert target.read_text("utf-8") == "old"


def test_python_dash_m_and_no_traceback_in_a_real_process(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "why", "zzzz", "-m", str(SMALL)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 2
    one_line_error(done.stderr)
    if shutil.which("head"):
        # A closed pipe (argmap show | head -1) ends quietly.
        shown = subprocess.run(
            f"{sys.executable} -m argmap show -m {SMALL} | head -1",
            shell=True,
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert "Traceback" not in shown.stderr and "Error" not in shown.stderr


def test_completion_offers_titles(monkeypatch: pytest.MonkeyPatch) -> None:
    import typer

    from argmap.cli.common import complete_claim

    ctx = typer.Context(typer.main.get_command(__import__("argmap.cli", fromlist=["app"]).app))
    ctx.params["map_path"] = str(SMALL)
    # Any case, as claims are looked up; the rest escaped so that the title is one shell word.
    assert complete_claim(ctx, "Mon") == ["Monitors", "Monitoring\\ works"]
    assert complete_claim(ctx, "fewer") == ["fewer\\ deaths"]
    ctx.params["map_path"] = "/no/such/file"
    assert complete_claim(ctx, "x") == []


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("argmap why sunk", ["sunk\\ costs"]),
        ("argmap show --tag pred", ["prediction"]),
        ("argmap eval --semantics pre", ["preferred"]),
        ("argmap rules AM10", ["AM103", "AM104", "AM105", "AM106"]),
    ],
)
def test_shell_completion_in_a_real_process(words: str, expected: list[str]) -> None:
    env = {**_clean_env(), "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - 1)}
    env["_ARGMAP_COMPLETE"] = "complete_bash"
    done = subprocess.run(
        [sys.executable, "-m", "argmap"], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert done.stdout.splitlines() == expected, done.stderr


def test_show_warns_when_part_of_the_map_was_not_understood(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.argdown"
    broken.write_text("[A]: a\n  => [B]: b\n", encoding="utf-8")
    clean = tmp_path / "clean.argdown"
    clean.write_text("[A]: a\n  + [B]: b\n", encoding="utf-8")
    code, out, err = run(capsys, "show", "-m", str(broken))
    assert code == 0 and "[A]" in out
    assert "has 1 syntax error" in err and "argmap validate" in err
    code, _, err = run(capsys, "show", "-m", str(clean))
    assert code == 0 and err == ""


# -- start-up and exit (what keeps argmap why / show fast) ----------------------------


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    return {**env, "PYTHONPATH": str(ROOT), "NO_COLOR": "1", "COLUMNS": "80"}


def test_display_commands_import_neither_pydantic_nor_rich_console() -> None:
    # typer converts parameters with pydantic and printing goes through rich.console:
    # together half of the start-up time.  Plain output needs neither.
    code = (
        "import sys\n"
        "from argmap.cli import main\n"
        "for args in (['why', '[Ceasefire]', '-d', '2'], ['show', '--depth', '1', '--focus', 'talks']):\n"
        "    try:\n"
        f"        main(args + ['-m', {str(SMALL)!r}])\n"
        "    except SystemExit as done:\n"
        "        assert done.code == 0, done.code\n"
        "print('loaded:', sorted(m for m in ('pydantic', 'rich.console') if m in sys.modules), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=_clean_env(), timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "[Ceasefire]: The ceasefire should be extended." in done.stdout
    assert done.stderr.strip().splitlines()[-1] == "loaded: []"


def test_plain_coercion_is_in_effect_and_restored() -> None:
    pytest.importorskip("typer._coercion", reason="a typer that does not convert with pydantic")
    import typer.core

    from argmap.cli.typer_compat import plain_coercion

    before = typer.core.build_runtime_param  # type: ignore[attr-defined]
    with plain_coercion():
        assert typer.core.build_runtime_param is not before  # type: ignore[attr-defined]
    assert typer.core.build_runtime_param is before  # type: ignore[attr-defined]


@pytest.mark.parametrize("value", ["2", "007", "0", " 1", "+1", "1_0", "-1", "x", "", "٣", "99999999999999999999"])
def test_plain_coercion_gives_typer_results(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    import contextlib

    import argmap.cli

    commands = (
        ["show", "--depth", value, "-m", str(SMALL), "--json", "--no-labels"],
        ["why", value or "talks", "-m", str(SMALL), "--json"],
        ["eval", "-m", str(SMALL), "--json", "--limit", value],
        ["eval", "-m", str(SMALL), "--summary"],  # an int default (--limit 1000)
    )
    fast = [run(capsys, *args) for args in commands]
    monkeypatch.setattr(argmap.cli, "plain_coercion", contextlib.nullcontext)
    assert [run(capsys, *args) for args in commands] == fast


@pytest.mark.parametrize(
    "args",
    [
        ["why", "--help"],
        ["show", "-h"],
        ["render", "--help"],
        ["why"],
        ["why", "a", "b", "-m", str(SMALL)],
        ["show", "--dpth", "2"],
        ["show", "--depth", "-1"],
        ["rules", "AM201"],
        ["validate", str(SMALL), "--format", "xml"],
        ["eval", "-m", str(SMALL), "--limit", "-1"],
    ],
)
def test_one_command_app_behaves_like_the_whole_app(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    import argmap.cli

    alone = run(capsys, *args)
    monkeypatch.setattr(argmap.cli, "_app_for", lambda _args: argmap.cli.app)
    assert run(capsys, *args) == alone


def test_one_command_app_holds_only_the_command() -> None:
    import typer.main

    from argmap.cli import _app_for, app

    every = list(app.registered_commands)
    names = [info.name or typer.main.get_command_name(info.callback.__name__) for info in every if info.callback]
    assert {"show", "why", "find", "list", "validate", "rules", "render"} <= set(names)
    for name in names:
        single = _app_for([name, "--help"])
        assert single is not app
        assert [i.name or i.callback.__name__ for i in single.registered_commands if i.callback] in (
            [name],
            [name.replace("-", "_")],
            [f"{name.replace('-', '_')}_command"],
            [f"{name}_"],
        )
    for args in ([], ["--version"], ["wyh", "x"], ["-h"]):
        assert _app_for(args) is app
    assert app.registered_commands == every


@pytest.mark.parametrize(
    "env",
    [{}, {"COLUMNS": "100"}, {"COLUMNS": "abc"}, {"COLUMNS": "0"}, {"FORCE_COLOR": "1"}, {"TTY_COMPATIBLE": "1"}],
)
def test_plain_width_is_what_rich_would_do(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    from argmap.cli.output import OUT

    for name in ("COLUMNS", "FORCE_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    width = OUT.plain_width()
    if "FORCE_COLOR" in env or "TTY_COMPATIBLE" in env or env.get("COLUMNS") == "0":
        assert width is None  # rich decides
    if width is not None:
        out = OUT.console
        assert out.color_system is None and out.width == width


def test_the_program_ends_without_freeing_its_map_and_keeps_output_and_status() -> None:
    # As the program ("argmap"), the process ends at once after flushing; called by another
    # program it exits normally.  An atexit handler tells whether the interpreter's clean-up ran.
    code = (
        "import atexit, sys\n"
        "sys.argv = [sys.argv[1], *sys.argv[2:]]\n"
        "atexit.register(lambda: sys.stderr.write('clean-up ran\\n'))\n"
        "from argmap.cli import main\n"
        "main(sys.argv[1:])\n"
    )
    for args, status in (
        (["show", "-m", str(SMALL), "--no-labels"], 0),
        (["why", "[Ceasefire]", "-m", str(SMALL), "--json"], 0),
        (["find", "no such words anywhere", "-m", str(SMALL)], 1),
    ):
        fast, normal = (
            subprocess.run(
                [sys.executable, "-c", code, limit, *args],
                capture_output=True,
                text=True,
                env=_clean_env(),
                timeout=60,
                check=False,
            )
            for limit in ("argmap", "another-program")
        )
        assert fast.returncode == normal.returncode == status, (fast.stderr, normal.stderr)
        assert fast.stdout == normal.stdout
        assert bool(fast.stdout.strip()) == (status == 0)
        assert normal.stderr.endswith("clean-up ran\n")
        assert fast.stderr + "clean-up ran\n" == normal.stderr


def test_keep_holds_nothing_inside_another_program(capsys: pytest.CaptureFixture[str]) -> None:
    from argmap.cli import common

    code, _, _ = run(capsys, "show", "-m", str(SMALL))
    assert code == 0 and common._kept == []  # pytest is the program: the map is freed


@pytest.mark.parametrize("variable", ["COLUMNS", "LINES"])
def test_absurd_terminal_sizes_are_ignored(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], variable: str
) -> None:
    # Python refuses to turn thousands of digits into an int: this was an internal error.
    monkeypatch.setenv(variable, "9" * 5000)
    for colour in ("", "1"):
        monkeypatch.setenv("FORCE_COLOR", colour) if colour else monkeypatch.delenv("FORCE_COLOR", raising=False)
        code, out, err = run(capsys, "show")
        assert code == 0, err
        assert "Only temporary" in out and "error" not in err


def test_a_number_option_with_thousands_of_digits_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", "--depth", "9" * 5000)
    assert code == 2
    one_line_error(err)
    assert "--depth" in err and "internal error" not in err


def test_a_long_list_prints_as_rich_lays_it_out(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # Over LARGE_VIEW claims and no colour, list prints plain lines instead of a rich table.
    import io

    from rich.console import Console

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from gen_argdown import generate

    from argmap.api import load
    from argmap.views.listing import list_claims
    from argmap.views.text import LARGE_VIEW, render_list

    path = tmp_path / "big.argdown"
    path.write_text(generate(LARGE_VIEW // 2 + 100), "utf-8")
    code, out, _ = run(capsys, "list", "-m", str(path))
    nodes = list_claims(load(path)[0], False, False, False, None)
    assert code == 0 and len(nodes) > LARGE_VIEW
    table = io.StringIO()
    Console(file=table, width=80, no_color=True, color_system=None, force_terminal=False).print(render_list(nodes))
    assert out.splitlines() == [line.rstrip() for line in table.getvalue().splitlines()]


@pytest.mark.parametrize("command", [["list"], ["show"], ["export", "--to", "argdown-json"]])
def test_a_reader_that_goes_away_is_no_failure(tmp_path: Path, command: list[str]) -> None:
    # argmap show | head, under "set -o pipefail": click turned the broken pipe into exit 1.
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from gen_argdown import generate

    path = tmp_path / "big.argdown"
    path.write_text(generate(3000), "utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "argmap", *command, "-m", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline()  # the reader takes a line and goes away
    process.stdout.close()
    err = process.stderr.read().decode()
    assert process.wait(timeout=120) == 0, err
    assert err == ""
