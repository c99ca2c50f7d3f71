"""``argmap fmt`` as a library function (argmap/argdown/fmt.py): the formatted text, whether
it changed, and each reason to refuse, decided by diagnostic code."""

from __future__ import annotations

import pytest

import argmap.argdown.fmt as fmt_module
from argmap.argdown import FormatResult, RefusalReason, format_text
from argmap.argdown.writer import Formatted

UNDERCUT = "<a>\n\n(1) s1\n(2) s2\n----\n(3) s3\n    // about b\n    <_ <b>\n    +> <c> // about c\n"


def test_a_formatted_text_is_returned_with_whether_it_changed() -> None:
    result = format_text("[A]:   a\n  + [B]: b\n", "f.argdown")
    assert result == FormatResult("[A]: a\n    + [B]: b\n", True, None)
    again = format_text(result.text, "f.argdown")
    assert again == FormatResult(result.text, False, None)


def test_errors_in_the_file_refuse_it_with_the_errors() -> None:
    text = "[A]: a {x: 1\n\n[B]: b\n"
    result = format_text(text, "broken.argdown")
    assert (result.text, result.changed) == (text, False)
    refusal = result.refusal
    assert refusal is not None and refusal.reason is RefusalReason.ERRORS
    assert [d.code for d in refusal.diagnostics] == ["AM011"]
    assert refusal.line == 1
    assert refusal.message == "broken.argdown has 1 error; not formatted"


def test_map_rules_do_not_refuse_a_file() -> None:
    # An unknown argument referred to is a map rule's finding, not a reading error.
    result = format_text("[A]: a\n  + <Nowhere>\n")
    assert result.refusal is None


def test_the_missing_empty_line_after_front_matter_is_repaired_not_refused() -> None:
    # Decided by its code (AM019), which the parser reports for exactly this.
    from argmap.argdown import parse

    text = "===\ntitle: t\n===\n[A]: a\n"
    assert [d.code for d in parse(text)[1]] == ["AM019"]
    result = format_text(text)
    assert result == FormatResult("===\ntitle: t\n===\n\n[A]: a\n", True, None)


def test_front_matter_with_nothing_after_it_is_still_refused() -> None:
    result = format_text("===\ntitle: t\n===\n")
    assert result.refusal is not None and result.refusal.reason is RefusalReason.ERRORS
    assert [d.code for d in result.refusal.diagnostics] == ["AM015"]


def test_a_comment_that_cannot_be_kept_refuses_the_file_and_names_its_line() -> None:
    result = format_text(UNDERCUT, "undercut.argdown")
    refusal = result.refusal
    assert refusal is not None and refusal.reason is RefusalReason.COMMENT_MISPLACED
    assert refusal.line == 7
    assert refusal.message.startswith("undercut.argdown:7: argmap fmt cannot keep the comment")
    assert (result.text, result.changed) == (UNDERCUT, False)


def test_an_output_that_loses_a_comment_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # A writer defect, simulated: the comment is left out of the output.
    monkeypatch.setattr(fmt_module, "format_argdown", lambda amap, text: Formatted("[A]: a\n", []))
    result = format_text("// note\n[A]: a\n", "lost.argdown")
    refusal = result.refusal
    assert refusal is not None and refusal.reason is RefusalReason.COMMENT_LOST
    assert refusal.line == 1
    assert refusal.message == (
        "lost.argdown:1: argmap fmt would lose or change this comment; not formatted (please report this)"
    )
    assert result.text == "// note\n[A]: a\n"


def test_an_output_that_means_something_else_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # A writer defect, simulated: the output drops a relation.
    monkeypatch.setattr(fmt_module, "format_argdown", lambda amap, text: Formatted("[A]: a\n\n[B]: b\n", []))
    text = "[A]: a\n  + [B]: b\n"
    result = format_text(text, "changed.argdown")
    refusal = result.refusal
    assert refusal is not None and refusal.reason is RefusalReason.MEANING_CHANGED
    assert refusal.differences
    assert refusal.message.startswith("changed.argdown: formatting would change the map (")
    assert (result.text, result.changed) == (text, False)
