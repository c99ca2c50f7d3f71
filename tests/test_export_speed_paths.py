"""The fast paths of ``argmap export --to argdown-json``.

:func:`argmap.interchange.argdown_json_text.dumps` writes the JSON text straight from the model
instead of encoding :func:`to_argdown_json`'s document; it must write exactly what
``json.dumps(doc, indent=2, ensure_ascii=False)`` writes (so it parses to the same value),
for every corpus file, the shipped map, a synthetic map, hostile texts and hand-made maps.
The command must report a failed write (closed pipe, full disk) instead of ending quietly.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import ROOT, SHARED

import argmap
from argmap.api import default_map_path
from argmap.cli.common import app
from argmap.interchange.argdown_json import to_argdown_json
from argmap.interchange.argdown_json_text import dumps
from argmap.model import (
    Argument,
    ArgumentMap,
    ArgumentMember,
    Inference,
    PcsStep,
    RelationType,
    Section,
    Span,
    Statement,
    StatementMember,
)

CORPUS_INPUTS = SHARED / "corpus" / "argdown" / "inputs"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
runner = CliRunner()


def reference(amap: ArgumentMap) -> str:
    """What the export wrote before the fast path: the document, encoded by json."""
    return json.dumps(to_argdown_json(amap), indent=2, ensure_ascii=False) + "\n"


def assert_same(amap: ArgumentMap) -> None:
    fast = dumps(amap)
    expected = reference(amap)
    assert json.loads(fast) == json.loads(expected)
    assert fast == expected  # the same text, whitespace included


def corpus_files() -> list[str]:
    if not CORPUS_INPUTS.is_dir():
        return []
    return sorted(p.name for p in CORPUS_INPUTS.glob("*.argdown"))


def test_the_corpus_is_there_to_compare() -> None:
    if not CORPUS_INPUTS.is_dir():
        pytest.skip("../shared is not beside this checkout")
    assert len(corpus_files()) > 100


@pytest.mark.parametrize("name", corpus_files())
def test_corpus_file(name: str) -> None:
    amap, _ = argmap.load(CORPUS_INPUTS / name)
    assert_same(amap)


@pytest.mark.parametrize(
    "path",
    [default_map_path(), *sorted(FIXTURES.rglob("*.argdown"))],
    ids=lambda p: Path(p).name,
)
def test_shipped_map_and_fixtures(path: Path) -> None:
    amap, _ = argmap.load(path)
    assert len(amap) > 0
    assert_same(amap)


def test_synthetic_map() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from gen_argdown import generate

    amap, _ = argmap.loads(generate(300), name="synthetic.argdown")
    assert len(amap.statements) == 300 and len(amap.arguments) == 300
    assert_same(amap)


HOSTILE = [
    'quote " and \\" escaped',
    "back\\slash \\\\ and \\n (not a line break)",
    "unicode: é ü 日本語 עברית 🙂 \u200b zero width",
    "separators \u2028 line \u2029 paragraph",
    "controls \x01 \x07 \x0b \x0c \x1b \x1f \x7f",
    "tab\tinside",
    "slash / and </script>",
    "",
]


def test_hostile_texts_in_argdown() -> None:
    lines = ["===", "title: 'Hostile \"map\" \\\\ é'", "===", "", '# Part "one" é #tag\\x {k: \'v"\'}', ""]
    for i, text in enumerate(HOSTILE):
        flat = text.replace("\n", " ")
        lines.append(f'[T{i} "q" é]: {flat} #t{i} #(two "words") {{note: \'{i} é "\', list: [1, 2.5, null, true]}}')
        lines.append(f"    + <A{i} \\ é>: {flat}")
        lines.append("")
        lines.append(f"<A{i} \\ é>")
        lines.append("")
        lines.append(f"(1) [P{i}]: {flat}")
        lines.append(f'(2) [T{i} "q" é]')
        lines.append("-- Modus ponens, \"rule\" é {uses: [1, 2], 'k\"': 'v\\\\'} --")
        lines.append(f"(3) [C{i}]: {flat}")
        lines.append("")
    amap, _ = argmap.loads("\n".join(lines), name="hostile.argdown")
    assert len(amap.statements) >= 3 * len(HOSTILE)
    assert any('"' in t for t in amap.statements)
    assert_same(amap)


def span(line: int) -> Span:
    return Span("hand.argdown", line, 1, line, 9)


def hand_made_map() -> ArgumentMap:
    """A map built through the model, with what the parser never makes: control characters
    and quotes in titles, unusual data, tags in a list, an inference rule that is not a string."""
    amap = ArgumentMap("hand.argdown")
    amap.sections["s1"] = Section("s1", 'Sec "1"\x00', 1, span(1), tags=["é"], data={"k": {"n": [1, {}]}})
    amap.sections["s2"] = Section("s2", "Sub\\", 2, span(2), parent="s1")
    amap.sections["s1"].children.append("s2")
    for i, text in enumerate(HOSTILE):
        title = f"T{i} {text}"
        amap.add_statement(
            Statement(
                title,
                [
                    StatementMember(
                        text + "\x00",
                        span(10 + i),
                        False,
                        section="s1",
                        tags=["list", "é"],  # a list: not hashable
                        data={1: "int key", 2.5: None, False: [text], None: "", "nested": {"a": [], "b": {}}},
                    ),
                    StatementMember("", span(40 + i), True, tags=("é", "list") if i == 0 else ()),
                ],
            )
        )
    amap.add_statement(Statement("Empty"))  # no member at all
    amap.add_statement(Statement("P", [StatementMember("p", span(60), False, role="premise", argument="Arg")]))
    amap.add_statement(Statement("C", [StatementMember("c", span(62), False, role="main-conclusion", argument="Arg")]))
    amap.add_argument(
        Argument(
            "Arg",
            [ArgumentMember('desc "x"', span(58), False, section="s2", tags=("a",), data={"d": "\\"})],
            [
                PcsStep(1, "P", "premise", span(60)),
                PcsStep(2, "C", "main-conclusion", span(62), Inference(span(61), ("r\x01", 'q"', 3), {"uses": [1]})),
            ],
        )
    )
    amap.add_argument(Argument("No members"))
    amap.add_relation(RelationType.SUPPORT, "[T0 " + HOSTILE[0] + "]", "[T1 " + HOSTILE[1] + "]", span(10))
    amap.add_relation(RelationType.ATTACK, "<Arg>", "[T2 " + HOSTILE[2] + "]", span(58))
    amap.add_relation(RelationType.UNDERCUT, "[T3 " + HOSTILE[3] + "]", "<Arg>", span(13))
    amap.add_relation(RelationType.CONTRADICTION, "[Empty]", "[P]")
    return amap


def test_hand_made_map() -> None:
    assert_same(hand_made_map())


@pytest.mark.parametrize("setting", ["removeTagsFromText", "explodeArguments"])
def test_model_settings_that_rewrite_the_document(setting: str) -> None:
    text = (
        f"===\nmodel:\n  {setting}: true\n===\n\n[A]: One #t.\n\n<R>: Reason #u.\n\n"
        "(1) [P]: Premise #v.\n-- r --\n(2) [Q]: Step.\n-- s --\n(3) [A]\n"
    )
    amap, _ = argmap.loads(text)
    assert_same(amap)


def test_compact_output_is_the_same_value() -> None:
    amap, _ = argmap.load(default_map_path())
    compact = dumps(amap, pretty=False)
    assert compact.count("\n") == 1
    assert json.loads(compact) == json.loads(dumps(amap))


FRAGMENTS = [
    "[A]",
    "[A]: ",
    '[B "c"]: text',
    "<Arg>",
    "<Arg \\>: ",
    "(1) ",
    "(2) ",
    "(3) ",
    "----",
    "-- rule --",
    "\n",
    "\n\n",
    "    ",
    "+ ",
    "- ",
    "_ ",
    "<+ ",
    "+> ",
    "-> ",
    ">< ",
    "#tag",
    "#(two words)",
    "# Heading",
    "## Sub",
    "{a: 1}",
    "{b: [x, 2]}",
    "{'q\"': '\\\\'}",
    '"',
    "\\",
    "\x01",
    "\x1f",
    "\t",
    "\u2028",
    "é",
    "🙂",
    "word",
]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=50).map("".join))
def test_argdown_shaped_text(text: str) -> None:
    amap, _ = argmap.loads(text, name="fuzz.argdown")
    try:
        expected = reference(amap)
    except TypeError:  # a YAML value JSON cannot hold (a date): both paths refuse it
        with pytest.raises(TypeError):
            dumps(amap)
        return
    assert dumps(amap) == expected


# -- the command ------------------------------------------------------------------------


def test_export_writes_the_fast_text(tmp_path: Path) -> None:
    source = FIXTURES / "interchange" / "messy.argdown"
    amap, _ = argmap.load(source)
    result = runner.invoke(app, ["export", "--to", "argdown-json", "-m", str(source)])
    assert result.exit_code == 0, result.output
    assert result.stdout == dumps(amap)
    out = tmp_path / "messy.argdown.json"
    result = runner.invoke(app, ["export", "--to", "argdown-json", "-m", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text("utf-8") == dumps(amap)


class FailingStream(io.StringIO):
    def __init__(self, problem: OSError) -> None:
        super().__init__()
        self.problem = problem

    def write(self, text: str) -> int:
        raise self.problem


@pytest.mark.parametrize(
    ("problem", "reason"),
    [
        (BrokenPipeError(32, "Broken pipe"), "the reader closed the pipe"),
        (OSError(28, "No space left on device"), "No space left on device"),
    ],
)
def test_a_failed_write_to_standard_output_is_an_error(
    problem: OSError, reason: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from argmap.cli.interchange import _emit

    monkeypatch.setattr(sys, "stdout", FailingStream(problem))
    with pytest.raises(typer.Exit) as raised:
        _emit("{}\n", None)
    assert raised.value.exit_code == 2
    message = f"argmap: error: cannot write to standard output: {reason}; the output is incomplete\n"
    assert capsys.readouterr().err == message


def environment() -> dict[str, str]:
    """The environment of a real run: standard output buffered as usual (PYTHONUNBUFFERED,
    set in some development shells, would hide an output lost in the buffer)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    return {**env, "PYTHONPATH": str(ROOT)}


def run_export(stdout: Any, *extra: str) -> subprocess.CompletedProcess[str]:
    env = environment()
    return subprocess.run(
        [sys.executable, "-m", "argmap", "export", "--to", "argdown-json", *extra],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def test_a_closed_pipe_in_a_real_process() -> None:
    read, write = os.pipe()
    os.close(read)  # the reader is gone before argmap writes anything
    try:
        done = run_export(write)
    finally:
        os.close(write)
    assert done.returncode == 2
    assert done.stderr == (
        "argmap: error: cannot write to standard output: the reader closed the pipe; the output is incomplete\n"
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_full_disk_in_a_real_process() -> None:
    with open("/dev/full", "w") as full:
        done = run_export(full)
    assert done.returncode == 2
    assert "cannot write to standard output: No space left on device" in done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr


@pytest.mark.parametrize("size", ["tiny", "shipped"])
def test_a_real_process_writes_everything_before_it_ends(size: str, tmp_path: Path) -> None:
    """The process ends with os._exit: standard output must have been flushed first (a
    small output stays in Python's buffer until then; a large one is written at once)."""
    source = default_map_path()
    if size == "tiny":
        source = tmp_path / "tiny.argdown"
        source.write_text("[A]: One.\n    + [B]: Two.\n", "utf-8")
    out = tmp_path / "out.json"
    with out.open("w") as handle:
        done = run_export(handle, "-m", str(source))
    assert done.returncode == 0, done.stderr
    amap, _ = argmap.load(source)
    assert out.read_text("utf-8") == dumps(amap)


def test_convert_json_summary_is_flushed_too(tmp_path: Path) -> None:
    env = environment()
    target = tmp_path / "out.argdown.json"
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "convert", str(default_map_path()), str(target), "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["to"] == "argdown-json"
    assert target.read_text("utf-8") == dumps(argmap.load(default_map_path())[0])


def test_an_unwritable_output_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--to", "argdown-json", "-o", str(tmp_path / "no" / "such" / "dir.json")])
    assert result.exit_code == 2
    assert "cannot write" in result.output
