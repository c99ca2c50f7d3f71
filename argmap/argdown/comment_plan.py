"""Keeping comments when ``argmap fmt`` rewrites a text: where each comment of the
source goes in the output, and which cannot be kept in their order.

The writer notes, for each output line, the source lines it was written from; then
:func:`place_comments` puts each comment before the output line of the next source line
(a comment on lines of its own) or at the end of the output line of its own source line
(a comment beside Argdown text), and reports the comments this would take out of their
order.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from argmap.argdown.comments import comment_regions, comments
from argmap.argdown.inline import normal_newlines
from argmap.argdown.patterns import FRONTMATTER_FENCE


def comment_texts(text: str) -> list[str]:
    """The text of every comment, in order (what ``argmap fmt`` must keep), read as the
    parser reads the text: without a byte order mark, with ``\\n`` newlines."""
    text = normal_newlines(text)
    return [text[a:b].strip() for a, b in comment_regions(text)]


def first_lost_comment(source: str, formatted: str) -> int | None:
    """The line of ``source`` where the first comment that ``formatted`` does not have (in
    order, with the same text) starts; None when every comment is there and no other."""
    text = normal_newlines(source)
    kept = comment_texts(formatted)
    regions = comment_regions(text)
    for k, (start, end) in enumerate(regions):
        if k >= len(kept) or kept[k] != text[start:end].strip():
            return text.count("\n", 0, start) + 1
    return None if len(kept) == len(regions) else text.count("\n") + 1


@dataclass(frozen=True, slots=True)
class SourceComment:
    """A comment of the source, or several comments on the same lines with nothing else there."""

    text: str
    """As written, from the first opening to the last closing (inner lines untouched)."""
    line: int
    """1-based line of its start."""
    end_line: int
    host: int | None
    """The line of the Argdown text it shares a line with (None: it has its lines to itself)."""
    line_comment: bool
    """It ends with a ``//`` comment: nothing can follow it on its line."""
    blank_before: bool
    """An empty line stands directly above it."""


@dataclass(frozen=True, slots=True)
class CommentPlan:
    """The comments of a source and where its front matter is."""

    comments: list[SourceComment]
    """The comments outside the front matter, in order."""
    frontmatter: tuple[int, int] | None
    """1-based first and last line (the two fences) of the front matter, if any."""
    verbatim_until: int
    """When the front matter holds comments: the last line to write as it is (the closing
    fence, or the end of a comment that starts on it); else 0."""
    unkeepable: list[SourceComment]
    """Comments that cannot be kept in their place."""


def plan_comments(text: str, stripped: list[str]) -> CommentPlan:
    """The comments of ``text`` (with ``\\n`` newlines), given its lines with comments blanked out.

    A comment sharing its line(s) with Argdown text is *attached* (written at the end of
    that text's output line); one with a line to itself is *own-line* (written before the
    next line of text)."""
    original = text.split("\n")
    starts = [0]
    for line in original:
        starts.append(starts[-1] + len(line) + 1)
    frontmatter: tuple[int, int] | None = None
    i = 0
    while i < len(stripped) and not stripped[i].strip():
        i += 1
    if i < len(stripped) and FRONTMATTER_FENCE.match(stripped[i]):
        j = i + 1
        while j < len(stripped) and not FRONTMATTER_FENCE.match(stripped[j]):
            j += 1
        if j < len(stripped):
            frontmatter = (i + 1, j + 1)
    out: list[SourceComment] = []
    opened: list[int] = []
    """Offset where each comment of ``out`` starts."""
    verbatim_until = 0
    unkeepable: list[SourceComment] = []
    for start, end, token, _ in comments(text):
        first = bisect.bisect_right(starts, start) - 1
        last = bisect.bisect_right(starts, max(start, end - 1)) - 1
        after = stripped[last][end - starts[last] :].strip()
        if frontmatter is not None and frontmatter[0] <= first + 1 <= max(frontmatter[1], verbatim_until):
            # Inside the front matter: fmt writes the front matter as it is.
            verbatim_until = max(verbatim_until, frontmatter[1], last + 1)
            if last + 1 > frontmatter[1] and after:
                # A comment from the closing fence into Argdown text: that text would be
                # written twice.
                unkeepable.append(SourceComment(text[start:end], first + 1, last + 1, None, False, False))
            continue
        before = stripped[first][: start - starts[first]].strip()
        previous = out[-1] if out else None
        host = first + 1 if before else last + 1 if after else None
        if host is None and previous is not None and previous.end_line == first + 1:
            if previous.host is None:
                # Another comment on the same line: one piece, spacing kept.
                out[-1] = SourceComment(
                    text[opened[-1] : end], previous.line, last + 1, None, token == "//", previous.blank_before
                )
                continue
            host = previous.host  # after a comment that ended here, beside the same text
        blank_before = first > 0 and not original[first - 1].strip()
        out.append(SourceComment(text[start:end], first + 1, last + 1, host, token == "//", blank_before))
        opened.append(start)
    return CommentPlan(out, frontmatter, verbatim_until, unkeepable)


def place_comments(
    out: list[str], origin: dict[int, tuple[int, int]], plan: list[SourceComment]
) -> tuple[list[str], list[SourceComment]]:
    """Put the comments into the written lines ``out``; ``origin`` maps an output line to
    the source lines it was written from.  Returns the lines and the comments that could
    not be kept in their order (their neighbours were written elsewhere).

    An own-line comment goes before the output line of the next source line that was
    written: as a block of its own (blank lines around it) before a block, at the line's
    indentation inside a block, or at the end of the line when it sat inside that line's
    element.  An attached comment goes at the end of its line's output line."""
    line_to_out: dict[int, int] = {}
    for index in sorted(origin):
        first, last = origin[index]
        for number in range(first, last + 1):
            line_to_out.setdefault(number, index)
    written = sorted(line_to_out)
    before: dict[int, list[SourceComment]] = {}
    trailing: dict[int, list[SourceComment]] = {}
    closed: set[int] = set()
    """Output lines that end in a ``//`` comment: what follows goes before the next line."""
    at_end: list[SourceComment] = []
    keys: list[tuple[int, int]] = []

    def next_line(index: int) -> int | None:
        for j in range(index + 1, len(out)):
            if out[j]:
                return j
        return None

    for comment in plan:
        target = line_to_out.get(comment.host) if comment.host is not None else None
        if target is None:
            k = bisect.bisect_left(written, comment.end_line + 1)
            if k == len(written):
                at_end.append(comment)
                keys.append((len(out), 0))
                continue
            target = line_to_out[written[k]]
            if origin[target][0] == written[k]:
                before.setdefault(target, []).append(comment)
                keys.append((target, 0))
                continue
        if target in closed:
            following = next_line(target)
            if following is None:
                at_end.append(comment)
                keys.append((len(out), 0))
            else:
                before.setdefault(following, []).append(comment)
                keys.append((following, 0))
            continue
        trailing.setdefault(target, []).append(comment)
        keys.append((target, 1))
        if comment.line_comment:
            closed.add(target)
    lost = [plan[k] for k in _out_of_order(keys)]
    result: list[str] = []
    for index, line in enumerate(out):
        if index in before:
            if index == 0 or not out[index - 1]:
                _comment_block(result, before[index])
            else:
                indent = line[: len(line) - len(line.lstrip())]
                result.extend(indent + c.text for c in before[index])
        for comment in trailing.get(index, []):
            line += " " + comment.text
        result.append(line)
    if at_end:
        while result and not result[-1]:
            result.pop()
        _comment_block(result, at_end)
    return result, lost


def _out_of_order(keys: list[tuple[int, int]]) -> list[int]:
    """The indices of ``keys`` outside one longest non-decreasing run through them: the
    comments that moved, rather than the ones that stayed in order around them."""
    tails: list[tuple[int, int]] = []
    tail_index: list[int] = []
    parent: list[int] = []
    for k, key in enumerate(keys):
        at = bisect.bisect_right(tails, key)
        parent.append(tail_index[at - 1] if at else -1)
        if at == len(tails):
            tails.append(key)
            tail_index.append(k)
        else:
            tails[at] = key
            tail_index[at] = k
    keep: set[int] = set()
    k = tail_index[-1] if tail_index else -1
    while k != -1:
        keep.add(k)
        k = parent[k]
    return [k for k in range(len(keys)) if k not in keep]


def _comment_block(result: list[str], block: list[SourceComment]) -> None:
    """Comments between blocks: an empty line before and after, and between two comments
    that had one between them."""
    if result and result[-1]:
        result.append("")
    for k, comment in enumerate(block):
        if k and comment.blank_before:
            result.append("")
        result.append(comment.text)
    result.append("")
