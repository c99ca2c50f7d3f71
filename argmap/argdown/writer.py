"""Write a map as Argdown in argmap's canonical layout (:mod:`argmap.argdown.layout`):
:func:`to_argdown`, and :func:`format_argdown` (``argmap fmt``), which also keeps the
source's comments, placed by :mod:`argmap.argdown.comment_plan`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from argmap.argdown.comment_plan import SourceComment, place_comments, plan_comments
from argmap.argdown.comments import strip_comments
from argmap.argdown.inline import normal_newlines
from argmap.argdown.layout import Writer
from argmap.model import ArgumentMap, Span


def to_argdown(amap: ArgumentMap, source: str | None = None, keep_comments: bool = False) -> str:
    """The map as Argdown text in argmap's canonical layout (see the module docs).

    ``source``: the text ``amap`` was parsed from; its element texts are kept as written.
    ``keep_comments``: also keep the source's comments, each next to the text it was
    written next to (see :func:`format_argdown`, which also says which could not be kept)."""
    if source is not None and keep_comments:
        return format_argdown(amap, source).text
    return "".join(argdown_pieces(amap, source))


def argdown_pieces(amap: ArgumentMap, source: str | None = None) -> Iterator[str]:
    """The text of :func:`to_argdown` (without comments) in pieces, made as they are
    asked for: ``argmap export --to argdown`` writes each before the next is made."""
    lines = None
    if source is not None:
        lines = strip_comments(normal_newlines(source), lambda *_: None).split("\n")
    return Writer(amap, lines).pieces()


class Formatted(NamedTuple):
    """What :func:`format_argdown` made of a source."""

    text: str
    """The canonical layout, with the comments."""
    misplaced: list[SourceComment]
    """Comments that could not be kept in their place, by line: out of their order in
    ``text`` because the text around them is written elsewhere, or left out (a comment
    running from the front matter's closing fence into Argdown text).  ``argmap fmt``
    refuses such a file."""


def format_argdown(amap: ArgumentMap, source: str) -> Formatted:
    """``source`` (which ``amap`` was parsed from) in the canonical layout, keeping every
    comment next to the text it was written next to:

    * a comment on lines of its own goes before the line that followed it in the
      source: between blocks as a block of its own, inside a relation tree or PCS on a
      line of its own at the indentation of that line;
    * a comment that shares a line with Argdown text (after it, before it, or inside an
      element that runs over several lines) goes at the end of that element's line;
      what would follow a ``//`` comment there goes on the next line;
    * front matter that holds comments is written as it is."""
    text = normal_newlines(source)
    stripped = strip_comments(text, lambda *_: None).split("\n")
    plan = plan_comments(text, stripped)
    writer = Writer(amap, stripped)
    if plan.comments:
        writer.origin = {}
    if plan.frontmatter is not None:
        first = plan.frontmatter[0]
        writer.frontmatter_span = Span("", first, 1, first, 1)
        if plan.verbatim_until:
            writer.verbatim_frontmatter = text.split("\n")[first - 1 : plan.verbatim_until]
    lines, misplaced = place_comments(writer.write(), writer.origin or {}, plan.comments)
    while lines and not lines[-1]:
        lines.pop()
    misplaced = sorted([*plan.unkeepable, *misplaced], key=lambda c: c.line)
    return Formatted("\n".join(lines) + "\n", misplaced)
