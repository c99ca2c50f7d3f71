"""Comments in Argdown text: ``// line``, ``/* block */`` and ``<!-- html -->``.

One scanner finds them: the reader blanks them out before it reads a line, the writer
(``argmap fmt``) keeps them, and escapes what would open one in the text it writes.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterator

from argmap.argdown.inline import LINK, TAG

_LINE_COMMENT_AT = r"(?:(?<=\s)|^)"
"""Where "//" opens a line comment: at the start of a line or after white space."""
LINE_COMMENT_SLASH = _LINE_COMMENT_AT + "/(?=/)"
"""The first "/" of a "//" that opens a line comment: at the start or after white space."""
COMMENT_START = re.compile(r"/\*|<!--|" + _LINE_COMMENT_AT + "//", re.MULTILINE)
"""What opens a comment (a search for it also tells whether a string would hold one)."""
_INNER_SLASHES = re.compile(r"(?<=[^\s\\])//")
"""A "//" after a character that is neither white space nor an escape."""
COMMENT_OPENER_CHAR = re.compile(LINE_COMMENT_SLASH + r"|/(?=\*)|<(?=!--)")
"""The first character of each comment opener: what the writer escapes to break one up."""


def comments(text: str, unclosed: list[int] | None = None) -> Iterator[tuple[int, int, str, bool]]:
    """Every comment (``//``, ``/* */``, ``<!-- -->``) as (start, end, opening token, closed).

    The one scanner for comments: the parser blanks them out, the Argdown writer keeps
    them.  A ``/*`` or ``<!--`` with no closer after it is text, as in Argdown (whose
    lexer finds no comment token there); its offset is added to ``unclosed``."""
    pos = 0
    n = len(text)
    while pos < n:
        m = COMMENT_START.search(text, pos)
        if m is None:
            return
        start = m.start()
        token = m.group(0)
        if start and text[start - 1] == "\\" and _escaped(text, start):
            # "\<!--" and "\/*" are escaped characters, not comments (as in Argdown, whose
            # lexer reads an escape before it can see a comment): how argmap writes text
            # that holds a comment opener.
            pos = start + 1
            continue
        closed = True
        if token == "//":
            end = text.find("\n", start)
            end = n if end == -1 else end
        else:
            closer = "*/" if token == "/*" else "-->"
            close = text.find(closer, start + len(token))
            if close == -1:
                if unclosed is not None:
                    unclosed.append(start)
                pos = start + 1
                continue
            end = close + len(closer)
        yield start, end, token, closed
        pos = end


def _escaped(text: str, index: int) -> bool:
    """Whether ``text[index]`` follows an odd number of backslashes (is escaped)."""
    k = index
    while k and text[k - 1] == "\\":
        k -= 1
    return (index - k) % 2 == 1


def comment_regions(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of every comment in ``text``."""
    return [(start, end) for start, end, _, _ in comments(text)]


def strip_comments(text: str, report: Callable[[int, int, str], None]) -> str:
    """Blank out comments, keeping every newline so positions stay true; ``report(line,
    column, message)`` is called for each unclosed opener (which is text)."""
    if "/" not in text and "<!--" not in text:
        return text
    out: list[str] = []
    pos = 0
    unclosed: list[int] = []
    for start, end, _, _ in comments(text, unclosed):
        out.append(text[pos:start])
        chunk = text[start:end]
        out.append(re.sub(r"[^\n]", " ", chunk) if "\n" in chunk else " " * len(chunk))
        pos = end
    out.append(text[pos:])
    for start in unclosed:
        line = text.count("\n", 0, start) + 1
        col = start - text.rfind("\n", 0, start)
        token = "/*" if text.startswith("/*", start) else "<!--"
        closer = "*/" if token == "/*" else "-->"
        report(line, col, f"'{token}' has no closing '{closer}': read as text, as Argdown does")
    return "".join(out)


def inner_comment_slashes(line: str) -> Iterator[int]:
    """Offsets of each ``//`` inside a word of ``line`` (comments already blanked) where
    Argdown starts a comment but argmap reads text: not escaped, and not in a link, a
    ``{data}`` block or a ``#(tag)``, which Argdown reads as one token."""
    shielded: list[tuple[int, int]] = [m.span() for m in LINK.finditer(line)] if "](" in line else []
    if "#(" in line:
        shielded += [m.span() for m in TAG.finditer(line)]
    brace = line.find("{")
    if brace != -1:
        shielded.append((brace, len(line)))
    # Each match is looked up among the spans by bisection: a line of thousands of links
    # and slashes costs no more than its length times a logarithm.
    shielded.sort()
    starts = [a for a, _ in shielded]
    reach = list(itertools.accumulate((b for _, b in shielded), max))
    for m in _INNER_SLASHES.finditer(line):
        k = bisect.bisect_right(starts, m.start()) - 1
        if k < 0 or reach[k] <= m.start():
            yield m.start()
