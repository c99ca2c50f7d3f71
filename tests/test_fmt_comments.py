"""``argmap fmt`` keeps comments: between blocks, inside relation trees and PCSs, at the
end of an element's line, in every comment syntax; the output means the same, holds
every comment in its order, and formats to itself."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import SHARED, shared_path

import argmap
from argmap.argdown import RefusalReason, format_text, to_argdown
from argmap.argdown.comment_plan import comment_texts, first_lost_comment
from argmap.argdown.fmt import reading_errors
from argmap.argdown.writer import format_argdown
from argmap.cli.common import app
from argmap.interchange.compare import differences

CORPUS_INPUTS = SHARED / "corpus" / "argdown" / "inputs"
runner = CliRunner()


def formatted(text: str) -> str:
    """fmt's output for ``text`` (:func:`format_text`, which refuses a text whose output
    loses a comment or means something else), after checking what else fmt promises."""
    result = format_text(text)
    assert result.refusal is None, result.refusal
    assert reading_errors(argmap.loads(result.text, name="<formatted>")[1]) == [], result.text
    assert comment_texts(result.text) == comment_texts(text), result.text
    assert result.changed == (result.text != text)
    again = format_text(result.text)
    assert (again.text, again.changed, again.refusal) == (result.text, False, None)  # idempotent
    assert to_argdown(argmap.loads(text)[0], text, keep_comments=True) == result.text
    return result.text


# -- where each comment goes ----------------------------------------------------------


def test_own_line_comment_in_a_relation_tree_goes_before_its_line_at_its_indentation() -> None:
    text = "[A]: a\n// about B\n  + [B]: b\n      /* about C */\n    - [C]: c\n  <!-- about D -->\n  + [D]: d\n"
    assert formatted(text) == (
        "[A]: a\n"
        "    // about B\n"
        "    + [B]: b\n"
        "        /* about C */\n"
        "        - [C]: c\n"
        "    <!-- about D -->\n"
        "    + [D]: d\n"
    )


def test_own_line_comments_in_a_pcs() -> None:
    text = (
        "<Arg>\n\n"
        "(1) [P]: p\n"
        "// before premise 2\n"
        "(2)   q\n"
        "  // inside the tree of premise 2\n"
        "  - [R]: r\n"
        "/* before the inference */\n"
        "-- modus ponens --\n"
        "<!-- before the conclusion -->\n"
        "(3) c\n"
    )
    assert formatted(text) == (
        "<Arg>\n\n"
        "(1) [P]: p\n"
        "// before premise 2\n"
        "(2) q\n"
        "    // inside the tree of premise 2\n"
        "    - [R]: r\n"
        "/* before the inference */\n"
        "-- modus ponens --\n"
        "<!-- before the conclusion -->\n"
        "(3) c\n"
    )


def test_trailing_comments_stay_at_the_end_of_their_line() -> None:
    text = (
        "# Heading   // about the section\n\n"
        "[A]:   a   // about A\n"
        "  + <B>:  b {k: v}   /* about B */\n"
        "  - [C] <!-- about C -->\n\n"
        "<X>\n\n"
        "(1) p // about p\n"
        "-- rule -- // about the inference\n"
        "(2) c\n"
    )
    assert formatted(text) == (
        "# Heading // about the section\n\n"
        "[A]: a // about A\n"
        "    + <B>: b {k: v} /* about B */\n"
        "    - [C] <!-- about C -->\n\n"
        "<X>\n\n"
        "(1) p // about p\n"
        "-- rule -- // about the inference\n"
        "(2) c\n"
    )


def test_multi_line_block_comments_keep_their_inner_lines() -> None:
    text = (
        "[Slogan] /*\nsources:\n    - Nietzsche\n*/\n\n"
        "[A]: a\n    <!--\n      a note\n      on two lines -->\n    + [B]: b\n"
    )
    assert formatted(text) == (
        "[Slogan] /*\nsources:\n    - Nietzsche\n*/\n\n"
        "[A]: a\n    <!--\n      a note\n      on two lines -->\n    + [B]: b\n"
    )


def test_html_comments() -> None:
    text = "<!-- heading note -->\n[A]: a <!-- trailing -->\n    <!-- own line -->\n    + Some <!-- inner --> text\n"
    assert formatted(text) == (
        "<!-- heading note -->\n\n[A]: a <!-- trailing -->\n    <!-- own line -->\n    + Some text <!-- inner -->\n"
    )


def test_comments_inside_an_element_go_to_the_end_of_its_line() -> None:
    # Inside the text, before it, inside a data block, between the lines of a long statement.
    text = (
        "<a>: <!-- comments may appear\nanywhere --> Now comes\nthe description.\n\n"
        "/* lead */ [B]: b {x: 1, /* in data */ y: 2}\n\n"
        "[C]: first line // about the first line\nsecond line /* and another */\n"
    )
    assert formatted(text) == (
        "<a>: Now comes the description. <!-- comments may appear\nanywhere -->\n\n"
        "[B]: b {x: 1, y: 2} /* lead */ /* in data */\n\n"
        # Nothing can follow a // comment on its line: the next comment gets a line of its own.
        "[C]: first line second line // about the first line\n\n"
        "/* and another */\n"
    )


def test_comments_between_blocks_and_at_the_end() -> None:
    text = "/* one */\n\n\n/* two */\n[A]: a\n  + [B]: b\n  // end of the tree\n\n[C]: c\n// the end\n"
    assert formatted(text) == (
        "/* one */\n\n/* two */\n\n[A]: a\n    + [B]: b\n\n// end of the tree\n\n[C]: c\n\n// the end\n"
    )


def test_front_matter_with_comments_is_kept_as_written() -> None:
    text = "// first\n===\ntitle: a title\n/* inside the front matter */\nkey: 1\n===\n\n[A]: a\n"
    assert formatted(text) == (
        "// first\n\n===\ntitle: a title\n/* inside the front matter */\nkey: 1\n===\n\n[A]: a\n"
    )
    # A comment that starts on the closing fence is kept with the front matter.
    fence = "===\ntitle: x\n=== /* from the fence\n   on */\n\n[A]: a\n"
    assert formatted(fence) == fence
    # Without comments, the front matter is normalised as before.
    assert formatted("===\ntitle:    x\n===\n\n[A]: a // c\n") == "===\ntitle: x\n===\n\n[A]: a // c\n"


def test_windows_newlines_and_byte_order_mark() -> None:
    assert formatted("\ufeff// note\r\n[A]: a\r\n  // inside\r\n  + [B]: b\r\n") == (
        "// note\n\n[A]: a\n    // inside\n    + [B]: b\n"
    )


def test_a_comment_whose_text_moves_elsewhere_is_reported_with_its_line() -> None:
    # The layout writes an undercut below its argument, not below the conclusion, so the
    # first comment would come after the second one.
    text = "<a>\n\n(1) s1\n(2) s2\n----\n(3) s3\n    // about b\n    <_ <b>\n    +> <c> // about c\n"
    result = format_argdown(argmap.loads(text)[0], text)
    assert [c.line for c in result.misplaced] == [7]
    assert first_lost_comment(text, result.text) == 7
    refusal = format_text(text, "undercut.argdown").refusal
    assert refusal is not None and refusal.reason is RefusalReason.COMMENT_MISPLACED and refusal.line == 7
    # One comment alone moves with its relation.
    single = text.replace(" // about c", "")
    assert formatted(single).endswith("<a>\n    // about b\n    _ <b>\n")


# -- the command -----------------------------------------------------------------------


def test_fmt_command_keeps_comments_inside_blocks(tmp_path: Path) -> None:
    target = tmp_path / "notes.argdown"
    target.write_text("[A]:  a  // why A\n  /* B next */\n  + [B]:   b\n", "utf-8")
    result = runner.invoke(app, ["fmt", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text("utf-8") == "[A]: a // why A\n    /* B next */\n    + [B]: b\n"
    assert runner.invoke(app, ["fmt", str(target), "--check"]).exit_code == 0


def test_fmt_command_refuses_a_misplaced_comment_and_names_its_line(tmp_path: Path) -> None:
    target = tmp_path / "undercut.argdown"
    original = "<a>\n\n(1) s1\n(2) s2\n----\n(3) s3\n    // about b\n    <_ <b>\n    +> <c> // about c\n"
    target.write_text(original, "utf-8")
    for args in (["fmt", str(target)], ["fmt", str(target), "--check"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2
        assert f"{target}:7: argmap fmt cannot keep the comment that starts on this line" in result.output
    assert target.read_text("utf-8") == original


# -- any comment, anywhere -------------------------------------------------------------

MAPS = [
    "[A]: a\n    + [B]: b\n        - <C>: c\n    -> [D]: d\n\n[E]: e #tag {k: v}\n",
    "# Part\n\n<Arg>: description\n\n(1) [P]: p\n    - [Q]: q\n(2) r\n-- rule {uses: [1, 2]} --\n(3) [Z]: z\n",
    "===\ntitle: x\n===\n\n[Long]: a statement\nthat runs over\nthree lines\n    + <Reason>\n",
]
COMMENTS = ["// c", "/* c */", "<!-- c -->", "/* c\n   c */", "<!--\nc\n-->"]


INSERTS = st.lists(st.tuples(st.integers(0, 1000), st.integers(0, len(COMMENTS) - 1), st.integers(0, 2)), max_size=4)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(MAPS), INSERTS)
def test_comments_anywhere_are_kept_or_reported(base: str, inserts: list[tuple[int, int, int]]) -> None:
    lines = base.rstrip("\n").split("\n")
    for number, (where, kind, mode) in enumerate(inserts):
        comment = COMMENTS[kind].replace("c", f"c{number}")
        at = where % len(lines)
        line = lines[at]
        if mode == 0:  # a line of its own, at the indentation of the next line
            lines.insert(at, line[: len(line) - len(line.lstrip())] + comment)
        elif mode == 1 and line.strip():  # at the end of the line
            lines[at] = line + " " + comment
        elif mode == 2 and "//" not in comment and " " in line.strip():  # inside the line
            cut = line.index(" ", len(line) - len(line.lstrip()) + 1)
            lines[at] = line[:cut] + " " + comment + line[cut:]
    text = "\n".join(lines) + "\n"
    amap, diagnostics = argmap.loads(text)
    original = argmap.loads(base)[0]
    if reading_errors(diagnostics) or differences(original, amap):
        return  # the comment changed what the text says (e.g. it hid the rest of a line)
    refusal = format_text(text).refusal
    if refusal is not None:
        assert refusal.reason is RefusalReason.COMMENT_MISPLACED
        assert first_lost_comment(text, format_argdown(amap, text).text) is not None
        return
    formatted(text)


@pytest.mark.parametrize(
    "text",
    [
        "[A]: a<!-- e -->// c\n",  # "// c" follows the comment, not a space: it is text
        "[A]: x/* c */// d\n",
        "/**///\n\n[A]: a\n",
        "[A]: see http://x.y\n",
        "[E]: e\n\n[E] #x\n",  # a reference that tags the statement
        "[E]: e\n\n[E] {a: 1}\n",
        "[A]: q{x: 1}m\n",  # data glued to both words: the text is "qm"
        "[Q]: q\n  + <C>\n  + <C>\n  - [I]\n",  # a relation line written twice
        "#q\n  _> <C>\n  _> <C>\n  - i\n",  # ... below an untitled statement
        "[Q]: q\n  + <C>\n    - [Z]\n  + <C>\n",
    ],
)
def test_fmt_keeps_texts_that_its_layout_used_to_change(text: str) -> None:
    # These were refused ("formatting would change the map") or lost a tag in convert.
    formatted(text)


def test_fmt_keeps_a_relation_line_written_twice_in_its_block() -> None:
    # The second line used to become a top-level <C> block, and the lines after it a new
    # "[Q]" block (for an untitled statement, a second statement).
    assert formatted("[Q]: q\n  + <C>\n  + <C>\n  - [I]\n") == "[Q]: q\n    + <C>\n    + <C>\n    - [I]\n"


FRAGMENTS = [
    "[A]: a", "[B]: b #x", "<C>: c", "<D>", "[E]", "\n", "\n\n", "  + ", "  - ", "  +> ", "  -> ", "  >< ", "    + ",
    "(1) [P]", "(2) [Q]: q", "\n----\n", "\n-- r --\n", "# H\n\n", "{x: 1}", " #main", "@[A]", "// c\n",
    "/* d */", "<!-- e -->", "* [L]: l\n", "1. [M]: m\n", "[T]: x\n    more text\n", "[U]: *em* **strong** _u_\n",
    "[V]: a \\[b\\]\n", "http://x", "q{y: 2}m",
]  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=30).map("".join))
def test_fmt_of_any_readable_text_means_the_same_and_formats_to_itself(text: str) -> None:
    refusal = format_text(text).refusal
    if refusal is not None:
        assert refusal.reason in (RefusalReason.ERRORS, RefusalReason.COMMENT_MISPLACED), refusal
        return  # fmt refuses these, saying why
    formatted(text)


# -- the corpus ------------------------------------------------------------------------


def corpus_files_with_comments() -> list[str]:
    if not CORPUS_INPUTS.is_dir():
        return ["<corpus missing>"]
    return sorted(p.name for p in CORPUS_INPUTS.glob("*.argdown") if comment_texts(p.read_text("utf-8")))


@pytest.mark.parametrize("name", corpus_files_with_comments())
def test_corpus_files_with_comments_round_trip(name: str, tmp_path: Path) -> None:
    """Every corpus file with comments that fmt accepts keeps its model and its comments
    and is formatted to itself; fmt refuses none of them for their comments."""
    path = shared_path("corpus", "argdown", "inputs", name)
    text = path.read_text("utf-8")
    target = tmp_path / name
    target.write_text(text, "utf-8")
    result = runner.invoke(app, ["fmt", str(target)])
    refusal = format_text(text, name).refusal
    if refusal is not None and refusal.reason is RefusalReason.ERRORS:
        assert result.exit_code == 2 and "; not formatted" in result.output
        return
    assert result.exit_code == 0, result.output
    once = target.read_text("utf-8")
    assert differences(argmap.loads(text)[0], argmap.loads(once)[0]) == []
    assert comment_texts(once) == comment_texts(text)
    assert formatted(text) == once
    assert runner.invoke(app, ["fmt", str(target), "--check"]).exit_code == 0


def test_corpus_figure() -> None:
    """The figure in the README: 30 of the corpus's 31 files with comments are formatted
    (the other one has syntax errors)."""
    inputs = shared_path("corpus", "argdown", "inputs")
    with_comments = [p for p in sorted(inputs.glob("*.argdown")) if comment_texts(p.read_text("utf-8"))]
    accepted = []
    for path in with_comments:
        text = path.read_text("utf-8")
        if format_text(text, path.name).refusal is None:
            accepted.append(path.stem)
    assert (len(accepted), len(with_comments)) == (30, 31)
