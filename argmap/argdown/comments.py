"""Comments in Argdown text: ``// line``, ``/* block */`` and ``<!-- html -->``.

One scanner finds them: the reader blanks them out before it reads a line, the writer
(``argmap fmt``) keeps them, and escapes what would open one in the text it writes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

_LINE_COMMENT_AT = r"(?:(?<=\s)|^)"
"""Where "//" opens a line comment: at the start of a line or after white space."""
LINE_COMMENT_SLASH = _LINE_COMMENT_AT + "/(?=/)"
"""The first "/" of a "//" that opens a line comment: at the start or after white space."""
COMMENT_START = re.compile(r"/\*|<!--|" + _LINE_COMMENT_AT + "//", re.MULTILINE)
"""What opens a comment (a search for it also tells whether a string would hold one)."""
COMMENT_OPENER_CHAR = re.compile(LINE_COMMENT_SLASH + r"|/(?=\*)|<(?=!--)")
"""The first character of each comment opener: what the writer escapes to break one up."""


def comments(text: str) -> Iterator[tuple[int, int, str, bool]]:
    """Every comment (``//``, ``/* */``, ``<!-- -->``) as (start, end, opening token, closed).

    The one scanner for comments: the parser blanks them out, the Argdown writer keeps
    them.  An unclosed block comment runs to the end of the text."""
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
            closed = close != -1
            end = close + len(closer) if closed else n
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
    column, message)`` is called for each unclosed one."""
    if "/" not in text and "<!--" not in text:
        return text
    out: list[str] = []
    pos = 0
    for start, end, token, closed in comments(text):
        if not closed:
            line = text.count("\n", 0, start) + 1
            col = start - text.rfind("\n", 0, start)
            closer = "*/" if token == "/*" else "-->"
            report(line, col, f"unclosed comment: '{token}' has no closing '{closer}'")
        out.append(text[pos:start])
        chunk = text[start:end]
        out.append(re.sub(r"[^\n]", " ", chunk) if "\n" in chunk else " " * len(chunk))
        pos = end
    out.append(text[pos:])
    return "".join(out)
