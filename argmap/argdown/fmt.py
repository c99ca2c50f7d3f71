"""``argmap fmt`` as a library function: :func:`format_text` takes Argdown text and
returns it in the canonical layout, or says why it will not.

Every decision of the command is here (as Black keeps ``format_file_contents`` and its
equivalence check out of its command line): a text that was not read completely is
refused, and so is one whose comments cannot all be kept in their order, and the
output is read again and compared with the input's map before it is returned.  The
command only reads files, calls :func:`format_text`, prints and writes.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from argmap._gc import paused_gc
from argmap.argdown.comment_plan import first_lost_comment
from argmap.argdown.inline import normal_newlines
from argmap.argdown.reader import parse
from argmap.argdown.writer import format_argdown
from argmap.diagnostics import Diagnostic, Severity, sort_diagnostics
from argmap.rules.syntax import AM019
from argmap.views.words import plural

FIXED_BY_FORMATTING = frozenset({AM019.code})
"""Codes of the errors the canonical layout itself repairs (a missing empty line after
the front matter): they do not stop :func:`format_text`."""


class RefusalReason(enum.Enum):
    """Why :func:`format_text` left a text as it was."""

    ERRORS = "errors"
    """The text has errors that mean it was not read completely (see :func:`reading_errors`)."""
    COMMENT_MISPLACED = "comment-misplaced"
    """A comment cannot be kept in its place: the layout moves the text around it."""
    COMMENT_LOST = "comment-lost"
    """The output would lose or change a comment (a defect of the writer)."""
    MEANING_CHANGED = "meaning-changed"
    """The output reads as a different map (a defect of the writer)."""


@dataclass(frozen=True, slots=True)
class Refusal:
    """A refusal: the reason, a message for the user, and what it is about."""

    reason: RefusalReason
    message: str
    """What to tell the user, starting with the name (and line) concerned."""
    line: int | None = None
    """The line of the input concerned, when there is one."""
    diagnostics: tuple[Diagnostic, ...] = ()
    """For :attr:`RefusalReason.ERRORS`: the errors."""
    differences: tuple[str, ...] = ()
    """For :attr:`RefusalReason.MEANING_CHANGED`: how the map would change."""


@dataclass(frozen=True, slots=True)
class FormatResult:
    """What :func:`format_text` made of a text."""

    text: str
    """The text in the canonical layout; the input itself when refused."""
    changed: bool
    """Whether :attr:`text` differs from the input (never when refused)."""
    refusal: Refusal | None = None
    """Why the text was not formatted; None when it was."""


def reading_errors(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The errors that mean the input was not read completely: syntax and reader errors.

    Map rules (a circular support, an unknown reference...) are about what the map
    says, not about reading it; they do not stop a conversion or formatting
    (``argmap validate`` reports them)."""
    from argmap.rules import registered  # here: commands that only display a map never import the rules

    rules = registered()
    return [
        d for d in diagnostics if d.severity is Severity.ERROR and (d.code not in rules or rules[d.code].check is None)
    ]


def format_text(text: str, name: str = "<text>") -> FormatResult:
    """``text`` (Argdown, named ``name`` in diagnostics and messages) in argmap's canonical
    layout, keeping its comments (see :func:`~argmap.argdown.writer.format_argdown`).

    Refused, with the text returned as it was: a text with reading errors (other than
    those the layout repairs, :data:`FIXED_BY_FORMATTING`), one with a comment that
    cannot be kept in its place, and (a defect, never expected) an output that loses a
    comment or reads as a different map."""
    from argmap.interchange.compare import differences

    with paused_gc():
        amap, diagnostics = parse(text, name)
    refused = _refused_for_errors(text, name, diagnostics)
    if refused is not None:
        return refused
    result = format_argdown(amap, text)
    formatted = result.text
    if result.misplaced:
        where = result.misplaced[0].line
        message = (
            f"{name}:{where}: argmap fmt cannot keep the comment that starts on this line in its place "
            "(the canonical layout moves the text around it); not formatted"
        )
        return _refused(text, Refusal(RefusalReason.COMMENT_MISPLACED, message, where))
    lost = first_lost_comment(text, formatted)
    if lost is not None:
        message = f"{name}:{lost}: argmap fmt would lose or change this comment; not formatted (please report this)"
        return _refused(text, Refusal(RefusalReason.COMMENT_LOST, message, lost))
    with paused_gc():
        again, _ = parse(formatted, name)
    return _refused_if_changed(text, name, differences(amap, again)) or FormatResult(formatted, formatted != text)


def _refused(text: str, refusal: Refusal) -> FormatResult:
    return FormatResult(text, False, refusal)


def _refused_for_errors(text: str, name: str, diagnostics: list[Diagnostic]) -> FormatResult | None:
    """The refusal of a text with reading errors (see :func:`reading_errors`), or None."""
    errors = [d for d in reading_errors(sort_diagnostics(diagnostics)) if d.code not in FIXED_BY_FORMATTING]
    if not errors:
        return None
    first = errors[0].span.line if errors[0].span is not None else None
    message = f"{name} has {plural(len(errors), 'error')}; not formatted"
    return _refused(text, Refusal(RefusalReason.ERRORS, message, first, diagnostics=tuple(errors)))


def _refused_if_changed(text: str, name: str, changed_meaning: list[str]) -> FormatResult | None:
    """The refusal of a formatting that would change the map (a defect of the writer), or None."""
    if not changed_meaning:
        return None
    what = "; ".join(changed_meaning)
    message = f"{name}: formatting would change the map ({what}); not formatted (please report this)"
    return _refused(text, Refusal(RefusalReason.MEANING_CHANGED, message, differences=tuple(changed_meaning)))


def format_markdown(text: str, name: str = "<markdown>") -> FormatResult:
    """The Markdown document ``text`` with each of its Argdown fences in the canonical
    layout (:func:`format_text`); every byte outside the fences' contents is kept.

    Refused, with the text returned as it was, for the reasons of :func:`format_text`
    (lines are the document's), and when the document has no Argdown fence, when the
    fences would not read back as written, or when the map of the whole document would
    change (fences are read together: a formatted fence must mean the same beside the
    others)."""
    from argmap.argdown.markdown import argdown_fences, read_markdown, replace_contents
    from argmap.interchange.compare import differences

    amap, diagnostics = read_markdown(text, name)
    refused = _refused_for_errors(text, name, diagnostics)
    if refused is not None:
        return refused
    fences = argdown_fences(normal_newlines(text))
    contents: list[list[str]] = []
    for fence in fences:
        if not fence.lines:
            contents.append([])
            continue
        # Empty lines before the content: the lines format_text names are the document's.
        result = format_text("\n" * (fence.first - 1) + "\n".join(fence.lines) + "\n", name)
        if result.refusal is not None:
            return _refused(text, result.refusal)
        contents.append(result.text.split("\n")[:-1] if result.text.endswith("\n") else result.text.split("\n"))
    formatted = replace_contents(text, fences, contents)
    again = argdown_fences(normal_newlines(formatted))
    if [f.lines for f in again] != [tuple(c) for c in contents]:
        message = f"{name}: the formatted fences would not read back as written; not formatted (please report this)"
        return _refused(text, Refusal(RefusalReason.MEANING_CHANGED, message))
    changed_meaning = differences(amap, read_markdown(formatted, name)[0])
    return _refused_if_changed(text, name, changed_meaning) or FormatResult(formatted, formatted != text)


def format_document(text: str, name: str) -> FormatResult:
    """:func:`format_markdown` for a Markdown document (told from ``name``, or from the
    text when the name has no known extension), :func:`format_text` for anything else."""
    from argmap.interchange.formats import detect_format

    if detect_format(name, text[:4096]) == "markdown":
        return format_markdown(text, name)
    return format_text(text, name)
