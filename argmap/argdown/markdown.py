"""Argdown inside Markdown: the map of a document is its Argdown code fences, in order.

A fence counts when its language (the first word of the info string; ``{.argdown}``
as Quarto and Pandoc write it) is ``argdown`` or ``argdown-map``, the two names
Argdown's own Markdown plugin renders.  The fences are found by a CommonMark parser
(markdown-it-py), so backtick and tilde fences, fences inside list items and block
quotes, and unclosed fences are what CommonMark says they are.

The reader gets the document with every line outside the fences' contents blanked: a
fence's content sits on its own lines, so every line number the reader reports is the
document's, and fences are separate blocks (the fence lines between them are empty).
CommonMark removes a container's prefix (``> ``, a list item's indentation) and up to
the fence's own indentation from each content line; the reader reads exactly that
content, and :func:`read_markdown` then moves every column of the map and of the
diagnostics on such a line back by what was removed, so columns are the document's too.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass

from argmap.argdown.inline import normal_newlines
from argmap.diagnostics import Diagnostic
from argmap.model import ArgumentMap, Span
from argmap.rules.interchange import AM440

LANGUAGES = frozenset({"argdown", "argdown-map"})
"""Fence languages read as Argdown (lower case)."""
NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Fence:
    """One Argdown fence of a document."""

    opening: int
    """The 1-based line of the opening fence."""
    first: int
    """The 1-based line of the first content line (``opening + 1``)."""
    lines: tuple[str, ...]
    """The content, line by line, as CommonMark reads it (prefix and fence indentation removed)."""
    closed: bool
    """Whether a closing fence ends it (an unclosed fence runs to the end of its container)."""
    prefix: str
    """What goes before a content line written back into the document: the container's
    prefix and the fence's indentation (``> ``, a list item's spaces)."""


def fence_language(info: str) -> str:
    """The language of a fence's info string: its first word, or the first class of a
    ``{.lang ...}`` attribute block, in lower case.

    >>> fence_language("argdown-map title"), fence_language("{.argdown #id}"), fence_language("")
    ('argdown-map', 'argdown', '')
    """
    info = info.strip()
    if info.startswith("{"):
        info = info[1:].rstrip("}").strip().lstrip(".")
    word = info.split(None, 1)[0] if info.split() else ""
    return word.rstrip("}").lower()


def argdown_fences(text: str) -> list[Fence]:
    """The Argdown fences of the Markdown ``text`` (newlines normalised), in document order."""
    from markdown_it import MarkdownIt  # only documents pay for the Markdown parser

    lines = text.split("\n")
    fences: list[Fence] = []
    for token in MarkdownIt("commonmark").parse(text):
        if token.type != "fence" or token.map is None or fence_language(token.info) not in LANGUAGES:
            continue
        start, end = token.map
        content = token.content.split("\n")[:-1] if token.content else []
        closed = end - start - 1 > len(content)
        opening = lines[start]
        marker = opening.find(token.markup[:3])
        prefix = re.sub(r"[^\s>]", " ", opening[: max(marker, 0)])
        fences.append(Fence(start + 1, start + 2, tuple(content), closed, prefix))
    return fences


ColumnMove = tuple[int, int]
"""For a content line: (pivot, shift): a column ``c`` of the reader is the document's
``max(c, pivot) + shift`` (the pivot covers indentation CommonMark made of a tab)."""


def column_moves(text: str, fences: list[Fence]) -> dict[int, ColumnMove]:
    """For each content line whose columns differ from the document's: its :data:`ColumnMove`."""
    lines = text.split("\n")
    moves: dict[int, ColumnMove] = {}
    for fence in fences:
        for offset, content in enumerate(fence.lines):
            number = fence.first + offset
            raw = lines[number - 1]
            if raw.endswith(content):
                pivot, shift = 0, len(raw) - len(content)
            else:  # a tab in the removed indentation became spaces: align the rest
                common = _common_suffix(raw, content)
                pivot, shift = len(content) - common, len(raw) - len(content)
            if shift or pivot:
                moves[number] = (pivot, shift)
    return moves


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def extracted(text: str, fences: list[Fence]) -> str:
    """The Argdown the reader reads: the fences' contents on their own lines, every other line empty."""
    out = [""] * (text.count("\n") + 1)
    for fence in fences:
        out[fence.first - 1 : fence.first - 1 + len(fence.lines)] = fence.lines
    return "\n".join(out)


def read_markdown(text: str, name: str = "<markdown>") -> tuple[ArgumentMap, list[Diagnostic]]:
    """The map of the Argdown fences of the Markdown ``text``, with every position the
    document's.  Never raises; a document without an Argdown fence is an AM440 error."""
    from argmap.argdown.reader import parse

    if "\x00" in text:
        return parse(text, name)  # reports the binary input (AM002) at its place
    text = normal_newlines(text)
    fences = argdown_fences(text)
    if not fences:
        return ArgumentMap(name), [
            AM440(
                "no Argdown code fence in this Markdown document",
                Span(name, 1, 1, 1, 1),
                "mark the map's code blocks ```argdown (or read the file as Argdown with --from argdown)",
            )
        ]
    amap, diagnostics = parse(extracted(text, fences), name)
    moves = column_moves(text, fences)
    if moves:
        diagnostics = move_columns(amap, diagnostics, moves)
    return amap, diagnostics


def move_columns(amap: ArgumentMap, diagnostics: list[Diagnostic], moves: dict[int, ColumnMove]) -> list[Diagnostic]:
    """Move every span of ``amap`` and ``diagnostics`` on a line of ``moves`` to the document's columns."""

    def column(line: int, col: int) -> int:
        move = moves.get(line)
        return col if move is None else max(1, max(col, move[0]) + move[1])

    def moved(span: Span) -> Span:
        return span._replace(col=column(span.line, span.col), end_col=column(span.end_line, span.end_col))

    _move_map(amap, moved)
    return [d if d.span is None else dataclasses.replace(d, span=moved(d.span)) for d in diagnostics]


def _move_map(amap: ArgumentMap, moved: Callable[[Span], Span]) -> None:
    for statement in amap.statements.values():
        for member in statement.members:
            member.span = moved(member.span)
    for argument in amap.arguments.values():
        for argument_member in argument.members:
            argument_member.span = moved(argument_member.span)
        for step in argument.pcs:
            step.span = moved(step.span)
            if step.inference is not None:
                step.inference.span = moved(step.inference.span)
        if argument.pcs_span is not None:
            argument.pcs_span = moved(argument.pcs_span)
    for relation in amap.relations():
        if relation.span is not None:
            relation.span = moved(relation.span)
        if relation.later_spans is not None:
            relation.later_spans = [moved(s) for s in relation.later_spans]
    for section in amap.sections.values():
        section.span = moved(section.span)
    amap.mentions = [(node, moved(span)) for node, span in amap.mentions]


def lines_with_ends(text: str) -> list[str]:
    """``text`` cut into lines as CommonMark counts them (``\\r\\n``, ``\\r``, ``\\n``), each with its newline."""
    out: list[str] = []
    start = 0
    for match in NEWLINE.finditer(text):
        out.append(text[start : match.end()])
        start = match.end()
    out.append(text[start:])
    return out


def replace_contents(text: str, fences: list[Fence], contents: list[list[str]]) -> str:
    """``text`` with the content of each fence replaced by the lines of ``contents``
    (one list per fence), each behind the fence's prefix; every other byte as it was."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    lines = lines_with_ends(text[len(bom) :])
    out: list[str] = []
    done = 0
    for fence, new in zip(fences, contents, strict=True):
        start = fence.first - 1
        out.extend(lines[done:start])
        newline = _ending(lines[fence.opening - 1]) or "\n"
        stop = start + len(fence.lines)
        last = lines[stop - 1] if fence.lines else ""
        for k, line in enumerate(new):
            at_end = k == len(new) - 1 and stop == len(lines) and not _ending(last)
            written = fence.prefix + line if line else fence.prefix.rstrip()
            out.append(written + ("" if at_end else newline))
        done = stop
    out.extend(lines[done:])
    return bom + "".join(out)


def _ending(line: str) -> str:
    return line[len(line.rstrip("\r\n")) :]
