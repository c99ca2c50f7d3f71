"""Argdown inside Markdown (argmap/argdown/markdown.py): a document's map is its Argdown
fences, read together in order, with every position the document's; ``fmt`` formats the
fences and keeps every other byte."""

from __future__ import annotations

import dataclasses
import io
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.argdown import parse
from argmap.argdown.fmt import RefusalReason, format_document, format_markdown
from argmap.argdown.markdown import argdown_fences, fence_language, read_markdown
from argmap.interchange.compare import differences
from argmap.interchange.formats import detect_format
from argmap.model import ArgumentMap, Span
from tests.test_cli import run
from tests.test_parser_fuzz import FRAGMENTS

NOTES = Path(__file__).resolve().parent / "fixtures" / "markdown" / "notes.md"


@pytest.fixture(autouse=True)
def _plain_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")


# -- which fences ------------------------------------------------------------------


def test_the_course_notes_are_read_from_their_argdown_fences_only() -> None:
    amap, diagnostics = argmap.load(NOTES)
    assert diagnostics == []
    assert set(amap.statements) == {"Bridge", "Commute", "Cost", "Grant", "Worth it", "Few commuters"}
    assert set(amap.arguments) == {"Shorter trips"}
    # The tilde fence adds an attack to [Cost]; the fence in a quote inside a list one to [Worth it].
    assert [r.source for r in amap.incoming("[Cost]")] == ["[Grant]"]
    assert [r.source for r in amap.incoming("[Worth it]")] == ["[Few commuters]"]


def test_argmap_show_reads_the_notes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "show", str(NOTES))
    assert (code, err) == (0, "")
    assert "[Bridge]: The city should build the bridge." in out
    assert "(2) [Worth it]" in out and "- [Few commuters]" in out
    for ignored in ("Ignored", "Also ignored", "Indented code"):
        assert ignored not in out


@pytest.mark.parametrize(
    ("info", "language"),
    [("argdown", "argdown"), ("argdown-map", "argdown-map"), ("ArgDown x=1", "argdown"), ("{.argdown}", "argdown")],
)
def test_fence_languages(info: str, language: str) -> None:
    assert fence_language(info) == language


def test_every_kind_of_fence_counts_and_other_languages_do_not() -> None:
    text = (
        "```argdown\n[A]: a\n```\n\n"
        "~~~~ argdown-map\n[B]: b\n~~~~\n\n"
        "``` {.argdown}\n[C]: c\n```\n\n"
        "```argdownx\n[X]: not argdown\n```\n\n"
        "```js\n[Y]: not argdown\n```\n\n"
        "- item\n\n  ```argdown\n  [D]: d\n  ```\n\n"
        "````argdown\n[E]: e\n```\nstill inside: a shorter fence does not close it\n````\n\n"
        "```argdown\n[F]: unclosed, runs to the end\n"
    )
    fences = argdown_fences(text)
    assert [f.lines[0] for f in fences] == [
        "[A]: a",
        "[B]: b",
        "[C]: c",
        "[D]: d",
        "[E]: e",
        "[F]: unclosed, runs to the end",
    ]
    assert [f.closed for f in fences] == [True, True, True, True, True, False]
    amap, _ = read_markdown(text, "kinds.md")
    assert {"A", "B", "C", "D", "E", "F"} <= set(amap.statements)
    assert "X" not in amap.statements and "Y" not in amap.statements


def test_fences_are_one_map_in_order_each_its_own_block() -> None:
    text = "```argdown\n[A]: a\n```\n\nProse.\n\n```argdown\n[A]\n    + [B]: b\n```\n"
    amap, _ = read_markdown(text)
    assert [r.source for r in amap.incoming("[A]")] == ["[B]"]
    # Without a blank line between the fences' lines, the second fence is still a block of its own.
    tight = "```argdown\n[A]: a\n```\n```argdown\n[C]: c\n```\n"
    assert set(read_markdown(tight)[0].statements) == {"A", "C"}


def test_a_document_without_an_argdown_fence_is_an_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    amap, diagnostics = read_markdown("# Notes\n\n```python\nx = 1\n```\n", "plain.md")
    assert not amap.statements
    assert [(d.code, d.span) for d in diagnostics] == [("AM440", Span("plain.md", 1, 1, 1, 1))]
    path = tmp_path / "plain.md"
    path.write_text("Just prose.\n", "utf-8")
    code, out, err = run(capsys, "show", str(path))
    assert code == 2 and out == ""
    assert err == f"argmap: error: {path}:1:1: no Argdown code fence in this Markdown document" + (
        " (argmap validate shows every problem)\n"
    )


def test_markdown_is_told_by_extension_and_on_standard_input_by_its_fences() -> None:
    for name in ("a.md", "b.MARKDOWN", "c.qmd"):
        assert detect_format(name, "no fences here") == "markdown"
    assert detect_format("<stdin>", "# Notes\n\n- item\n  ```argdown\n  [A]\n  ```\n") == "markdown"
    assert detect_format("<stdin>", "[A]: a\n    + [B]: b\n") == "argdown"
    assert detect_format("map.argdown", "```argdown\n") == "argdown"


def test_markdown_on_standard_input(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(NOTES.read_bytes())))
    code, out, _ = run(capsys, "list", "-")
    assert code == 0 and "[Few commuters]" in out and "Ignored" not in out


# -- positions -----------------------------------------------------------------------


def test_diagnostics_point_into_the_document(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = "# T\n\n1. item\n\n   ```argdown\n   [A]: x\n       + [B\n   ```\n\n"
    text += "> ```argdown\n> [C]: y\n>     + [Nope]\n> ```\n"
    path = tmp_path / "bad.md"
    path.write_text(text, "utf-8")
    _, diagnostics = argmap.load(path)
    found = {(d.code, d.span.line, d.span.col) for d in diagnostics if d.span is not None}
    # [B is at line 7, column 10 of the document (column 7 of the fence's content).
    assert ("AM011", 7, 10) in found
    # The lint rules report at the model's spans, which are the document's too.
    assert ("AM106", 12, 9) in found
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 2
    assert f"{path}:7:10: error[AM011]" in out and "7 |        + [B" in out


def spans_of(value: Any, found: list[Span], seen: set[int]) -> list[Span]:
    """Every Span reachable from ``value`` through dataclass fields, lists, dicts and tuples."""
    if isinstance(value, Span):
        found.append(value)
    elif id(value) in seen or isinstance(value, str | int | float | bool | type(None)):
        return found
    elif dataclasses.is_dataclass(value):
        seen.add(id(value))
        for f in dataclasses.fields(value):
            spans_of(getattr(value, f.name), found, seen)
    elif isinstance(value, dict):
        seen.add(id(value))
        for item in value.values():
            spans_of(item, found, seen)
    elif isinstance(value, list | tuple):
        seen.add(id(value))
        for item in value:
            spans_of(item, found, seen)
    return found


def every_span(amap: ArgumentMap) -> list[Span]:
    records = [*amap.statements.values(), *amap.arguments.values(), *amap.sections.values()]
    return spans_of([records, list(amap.relations()), amap.mentions], [], set())


SAMPLE = (
    "# Part\n\n[A]: The claim. #tag {k: 1}\n    + [B]: A reason, see @[A].\n    - <C>\n\n"
    "<C>: An objection.\n\n(1) [P]: Premise.\n-- {uses: [x]} --\n(2) [Q]: Conclusion.\n    _> <C>\n"
)


@pytest.mark.parametrize(
    ("opening", "prefix", "closing"),
    [("```argdown", "", "```"), ("1. ```argdown", "   ", "   ```"), ("> - ~~~argdown", ">   ", ">   ~~~")],
)
def test_every_span_of_the_map_is_the_documents(opening: str, prefix: str, closing: str) -> None:
    # The same Argdown, read alone and from a fence three lines down behind a prefix:
    # every span of the model moves by exactly that, wherever the model keeps spans.
    body = "".join((prefix + line if line else prefix.rstrip()) + "\n" for line in SAMPLE.split("\n")[:-1])
    document = "Intro.\n\n" + opening + "\n" + body + closing + "\n"
    alone, _ = parse(SAMPLE, "m")
    inside, _ = read_markdown(document, "m")
    assert differences(alone, inside) == []
    expected = [s._replace(line=s.line + 3, end_line=s.end_line + 3) for s in every_span(alone)]
    expected = [s._replace(col=s.col + len(prefix), end_col=s.end_col + len(prefix)) for s in expected]
    assert every_span(inside) == expected
    assert len(expected) > 10


# -- properties (hypothesis) ---------------------------------------------------------

SAFE_PROSE = st.text(alphabet="abc XYZ.,:;!?*_#+-=[]()0123456789éü", max_size=40)
CONTENT = st.lists(st.sampled_from([f for f in FRAGMENTS if "\t" not in f]), max_size=30).map("".join)
CONTAINERS = st.sampled_from([("", "```argdown"), ("   ", "1. ```argdown"), ("> ", "> ~~~ argdown-map")])


def fenced(content: str, prefix: str, opening: str) -> str:
    lines = content.split("\n")
    body = "".join((prefix + line if line.strip() else prefix.rstrip()) + "\n" for line in lines)
    closing = prefix + ("~~~" if "~" in opening else "```")
    return f"{opening}\n{body}{closing}\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(SAFE_PROSE, min_size=2, max_size=4), CONTENT, CONTENT, CONTAINERS)
def test_prose_around_the_fences_never_changes_the_map(
    prose: list[str], first: str, second: str, container: tuple[str, str]
) -> None:
    prefix, opening = container
    document = prose[0] + "\n\n" + fenced(first, prefix, opening) + "\n" + "\n\n".join(prose[1:]) + "\n\n"
    document += fenced(second, prefix, opening) + "\n" + prose[-1] + "\n"
    blank = lambda text: "\n".join(line if line.strip() else "" for line in text.split("\n"))  # noqa: E731
    # What CommonMark reads as the fences' contents, read as Argdown on its own.
    alone, alone_diagnostics = parse(blank(first) + "\n\n\n" + blank(second), "m")
    inside, inside_diagnostics = read_markdown(document, "m")
    assert differences(alone, inside) == []
    assert [d.code for d in alone_diagnostics] == [d.code for d in inside_diagnostics]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(CONTENT, st.sampled_from(["", "   ", "> "]))
def test_diagnostics_move_with_the_fence(content: str, prefix: str) -> None:
    opening = {"": "```argdown", "   ": "1. ```argdown", "> ": "> ```argdown"}[prefix]
    document = "Prose.\n\n" + fenced(content, prefix, opening)
    blanked = "\n".join(line if line.strip() else "" for line in content.split("\n"))
    _, alone = parse(blanked, "m")
    _, inside = read_markdown(document, "m")
    moved = [
        (d.code, d.span.line + 3, d.span.col + len(prefix) if d.span.line <= blanked.count("\n") + 1 else d.span.col)
        for d in alone
        if d.span is not None
    ]
    assert [(d.code, d.span.line, d.span.col) for d in inside if d.span is not None] == moved


# -- fmt -----------------------------------------------------------------------------


def test_fmt_formats_the_fences_and_keeps_every_other_byte() -> None:
    formatted = NOTES.read_text("utf-8")
    messy = formatted.replace("[Cost]\n    - [Grant]", "[Cost]\n  -   [Grant]")
    messy = messy.replace("   >     - [Few", "   >  - [Few").replace("(1) [Commute]", "(1)    [Commute]")
    messy = messy.replace("\n", "\r\n")  # Windows newlines stay Windows newlines
    assert messy != formatted.replace("\n", "\r\n")
    result = format_markdown(messy, "notes.md")
    assert result.refusal is None and result.changed
    assert result.text == formatted.replace("\n", "\r\n")
    assert format_markdown(result.text, "notes.md") == type(result)(result.text, False, None)


def test_fmt_refuses_a_document_with_errors_at_the_documents_lines() -> None:
    text = "Prose.\n\n- item\n\n  ```argdown\n  [A]: a {x: 1\n  ```\n"
    result = format_markdown(text, "bad.md")
    assert result.text == text and result.refusal is not None
    assert result.refusal.reason is RefusalReason.ERRORS and result.refusal.line == 6
    alone = [(d.code, d.span.line + 5, d.span.col + 2) for d in parse("[A]: a {x: 1\n")[1] if d.span]
    assert [(d.code, d.span.line, d.span.col) for d in result.refusal.diagnostics if d.span] == alone
    assert [code for code, _, _ in alone] == ["AM011"]
    assert format_markdown("prose\n", "none.md").refusal is not None


def test_fmt_chooses_markdown_by_name() -> None:
    text = "```argdown\n[A]:   a\n```\n"
    assert format_document(text, "x.md").text == "```argdown\n[A]: a\n```\n"
    assert format_document("[A]:   a\n", "x.argdown").text == "[A]: a\n"


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(SAFE_PROSE, min_size=2, max_size=3), CONTENT, CONTAINERS)
def test_fmt_never_touches_the_prose(prose: list[str], content: str, container: tuple[str, str]) -> None:
    prefix, opening = container
    document = prose[0] + "\n\n" + fenced(content, prefix, opening) + "\n" + prose[1] + "\n"
    result = format_markdown(document, "p.md")
    if result.refusal is not None:
        assert result.text == document
        return
    before, after = document.split("\n"), result.text.split("\n")
    assert before[:2] == after[:2] and before[-3:] == after[-3:]
    assert differences(read_markdown(document)[0], read_markdown(result.text)[0]) == []


def test_fmt_command_reads_standard_input_and_diffs(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    messy = "Notes.\n\n```argdown\n[A]:   a\n  + [B]: b\n```\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(messy.encode())))
    code, out, _ = run(capsys, "fmt", "-")
    assert (code, out) == (0, "Notes.\n\n```argdown\n[A]: a\n    + [B]: b\n```\n")
    path = tmp_path / "n.md"
    path.write_text(messy, "utf-8")
    code, out, _ = run(capsys, "fmt", "--diff", str(path))
    assert code == 1
    assert out.splitlines() == [
        f"--- {path}",
        f"+++ {path} (formatted)",
        "@@ -1,6 +1,6 @@",
        " Notes.",
        " ",
        " ```argdown",
        "-[A]:   a",
        "-  + [B]: b",
        "+[A]: a",
        "+    + [B]: b",
        " ```",
    ]
    assert path.read_text("utf-8") == messy
    code, out, _ = run(capsys, "fmt", str(path))
    assert code == 0 and path.read_text("utf-8") == "Notes.\n\n```argdown\n[A]: a\n    + [B]: b\n```\n"
    code, out, _ = run(capsys, "fmt", "--diff", str(path))
    assert (code, out) == (0, "")
