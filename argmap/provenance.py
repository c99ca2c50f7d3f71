"""Provenance: check that a map's quotes really are in the text it claims to map.

A statement (or argument description) records where it comes from with two data
keys, ``{quote: "...", para: N}``: a verbatim excerpt of the source and the number
of the paragraph that holds it.  :func:`check_provenance` looks every quote up in
the source and reports, as diagnostics:

* ``AM301`` a quote that is in no paragraph of the source (with the closest
  paragraph as a hint, when one is close);
* ``AM302`` a quote that is in the source, but not in the paragraph its ``para``
  names;
* ``AM303`` inconsistent provenance data: a quote without a usable ``para``, a
  ``para`` without a quote, a quote that is not text, or an ``#implicit``
  statement that nevertheless carries a quote;
* ``AM304`` (warning) a statement that is defined, not tagged ``#implicit``, and
  has no quote in any of its members.

**Paragraphs.**  The source is split on blank lines: a line that holds nothing, or
nothing but white space (spaces, tabs, no-break spaces...), ends a paragraph.  Every
other line belongs to a paragraph, even one that *starts* with white space (so a
line like ``"\\u00a0Also read: ..."`` is a paragraph of its own when blank lines
surround it).  Paragraphs are numbered from 1 in reading order; headings, captions
and one-line links count like any other paragraph.

**Matching.**  Quote and paragraph are both normalised with :func:`normalize`: runs
of white space (including line breaks and no-break spaces) become one space, and
typographic quotation marks become ASCII ones (``‘ ’ ‚ ‛`` to ``'`` and ``“ ” „ ‟``
to ``"``).  Nothing else is changed: case, dashes (``-`` ``–`` ``—``), ellipses and
all other characters must match exactly, because an analyst's quote is verbatim.
A quote must lie inside one paragraph.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from argmap.diagnostics import Diagnostic
from argmap.model import ArgumentMap, Span
from argmap.rules.provenance import AM301, AM302, AM303, AM304
from argmap.rules.syntax import AM000

PROVENANCE_CODES = tuple(rule.code for rule in (AM301, AM302, AM303, AM304))
"""The diagnostic codes :func:`check_provenance` can report."""

IMPLICIT_TAG = "implicit"
"""Statements with this tag are the analyst's reconstruction and carry no quote."""

_QUOTE_MARKS = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
    }
)


def normalize(text: str) -> str:
    """Fold white space to single spaces and typographic quotes to ASCII ones.

    >>> normalize("the so-called \\u201cmoderate\\u201d\\n  opposition")
    'the so-called "moderate" opposition'
    """
    return " ".join(text.translate(_QUOTE_MARKS).split())


def paragraphs(text: str) -> list[str]:
    """The non-empty paragraphs of ``text``, in order, as written (not normalised).

    A paragraph is a run of lines that are not blank; a blank line is one that is
    empty or holds only white space.  Line breaks inside a paragraph are kept.

    >>> paragraphs("One.\\n\\n\\u00a0Two,\\nstill two.\\n \\nThree.")
    ['One.', '\\xa0Two,\\nstill two.', 'Three.']
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    found: list[str] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            current.append(line)
        elif current:
            found.append("\n".join(current))
            current = []
    if current:
        found.append("\n".join(current))
    return found


def locate(quote: str, paras: Sequence[str]) -> list[int]:
    """The 1-based numbers of the paragraphs that contain ``quote`` (after normalising both)."""
    return SourceText(paras).locate(quote)


def closest_paragraph(quote: str, paras: Sequence[str]) -> tuple[int, str] | None:
    """The paragraph that shares the longest run of characters with ``quote``, and
    the stretch of it aligned with the quote, or ``None`` when nothing is close.

    "Close" means a shared run of at least a third of the quote (and at least
    eight characters): enough to point at a typo, not at a common word."""
    return SourceText(paras).closest(quote)


class SourceText:
    """A source's paragraphs, normalised once, for the look-ups of many quotes.

    Normalising every paragraph for every quote and comparing each quote with every
    paragraph through difflib is quadratic on long sources; this normalises once and
    compares a quote only with the paragraphs that can be close to it
    (``benchmarks/provenance_bench.py`` measures both)."""

    def __init__(self, paras: Sequence[str]) -> None:
        self.normal = [normalize(para) for para in paras]
        # One text to search, paragraphs joined by a character normalize never leaves
        # in a paragraph, with the offset where each starts.
        self.joined = "\n".join(self.normal)
        self.starts: list[int] = []
        offset = 0
        for text in self.normal:
            self.starts.append(offset)
            offset += len(text) + 1

    def _containing(self, needle: str) -> Iterable[int]:
        """The 0-based indices of the paragraphs where ``needle`` occurs, in order, once each."""
        joined, starts = self.joined, self.starts
        last = -1
        at = joined.find(needle)
        while at != -1:
            index = bisect.bisect_right(starts, at) - 1
            if index != last:
                yield index
                last = index
            # On to the next paragraph: one hit is enough to name this one.
            following = starts[index + 1] if index + 1 < len(starts) else len(joined)
            at = joined.find(needle, following)

    def locate(self, quote: str) -> list[int]:
        """The 1-based numbers of the paragraphs that contain ``quote``."""
        wanted = normalize(quote)
        if not wanted:
            return []
        return [index + 1 for index in self._containing(wanted)]

    def closest(self, quote: str) -> tuple[int, str] | None:
        """See :func:`closest_paragraph`."""
        wanted = normalize(quote)
        if not wanted:
            return None
        least = max(8, len(wanted) // 3)
        if len(wanted) < least:
            return None
        # A shared run of ``least`` characters holds one of these pieces of the quote
        # (each ``least - step + 1`` long, starting every ``step``): paragraphs with none
        # of them cannot be close, and are not compared.
        step = max(1, least // 2)
        width = least - step + 1
        candidates: set[int] = set()
        for begin in range(0, len(wanted) - width + 1, step):
            candidates.update(self._containing(wanted[begin : begin + width]))
        best: tuple[int, int, str] | None = None  # (shared length, paragraph number, excerpt)
        for index in sorted(candidates):
            text = self.normal[index]
            # Only a longer run than the best so far can change the answer.
            match = _longest_common(wanted, text, least if best is None else best[0] + 1)
            if match is None:
                continue
            size, i, j = match
            start = max(0, j - i)
            best = (size, index + 1, text[start : start + len(wanted)])
        if best is None:
            return None
        return best[1], best[2]


def _longest_common(a: str, b: str, at_least: int) -> tuple[int, int, int] | None:
    """The longest run ``a[i:i+size] == b[j:j+size]`` with ``size >= at_least``, as
    ``(size, i, j)`` with the smallest ``i`` and then the smallest ``j`` (what
    :meth:`difflib.SequenceMatcher.find_longest_match` gives without junk); None if
    there is none.  A binary search on the length with C-level substring search: many
    times faster than difflib's matcher, which compared every pair of positions."""

    def first(size: int) -> int:
        """The smallest i whose run of ``size`` characters is in b, or -1."""
        for i in range(len(a) - size + 1):
            if a[i : i + size] in b:
                return i
        return -1

    low, high = at_least, min(len(a), len(b))
    if low > high or first(low) == -1:
        return None
    while low < high:  # a run of ``low`` exists; find the longest
        middle = (low + high + 1) // 2
        if first(middle) != -1:
            low = middle
        else:
            high = middle - 1
    i = first(low)
    return low, i, b.find(a[i : i + low])


def check_provenance(amap: ArgumentMap, source_text: str, source_name: str = "<source>") -> list[Diagnostic]:
    """Check every ``quote``/``para`` of ``amap`` against ``source_text``.

    Looks at the data of every statement member (definitions and references) and of
    every argument member.  Returns the diagnostics in map order; an empty list means
    every quote is where its ``para`` says and every stated claim is quoted.
    """
    paras = SourceText(paragraphs(source_text))
    out: list[Diagnostic] = []
    for statement in amap.statements.values():
        implicit = IMPLICIT_TAG in statement.tags
        for member in statement.members:
            out.extend(_check_member(member.data, member.span, f"[{statement.title}]", implicit, paras, source_name))
        if statement.is_defined and not implicit and not any("quote" in m.data for m in statement.members):
            out.append(
                AM304(
                    f"statement [{statement.title}] has no quote from {source_name}",
                    statement.span,
                    'add {quote: "...", para: N}, or tag it #implicit if the source leaves it unstated',
                )
            )
    for argument in amap.arguments.values():
        implicit = IMPLICIT_TAG in argument.tags
        for arg_member in argument.members:
            out.extend(
                _check_member(arg_member.data, arg_member.span, f"<{argument.title}>", implicit, paras, source_name)
            )
    return out


def check_provenance_file(amap: ArgumentMap, path: str | Path) -> list[Diagnostic]:
    """:func:`check_provenance` against a source file; an unreadable file is an AM000 diagnostic."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8", "replace")
    except OSError as error:
        reason = error.strerror or str(error)
        return [AM000(f"cannot read source {path}: {reason}")]
    return check_provenance(amap, text, str(path))


def _check_member(
    data: Mapping[str, Any],
    span: Span,
    label: str,
    implicit: bool,
    paras: SourceText,
    source_name: str,
) -> Iterable[Diagnostic]:
    has_quote = "quote" in data
    has_para = "para" in data
    if not has_quote:
        if has_para:
            yield AM303(f"{label} has a para but no quote", span, "add the quote, or remove para")
        return
    quote = data["quote"]
    if implicit:
        yield AM303(
            f"{label} is tagged #implicit but carries a quote",
            span,
            "an implicit statement is not in the source: drop the quote or the #implicit tag",
        )
    if not isinstance(quote, str) or not quote.strip():
        yield AM303(f"{label} has an empty or non-text quote", span, 'write it as {quote: "..."}')
        return
    para = _para_number(data.get("para"))
    found = paras.locate(quote)
    if not has_para:
        where = f"; it is in paragraph {_numbers(found)}" if found else ""
        yield AM303(f"{label} has a quote but no para{where}", span, "add para: N (1-based paragraph number)")
    elif para is None or not 1 <= para <= len(paras.normal):
        yield AM303(
            f"{label} has para {data.get('para')!r}, not a paragraph of {source_name} (1 to {len(paras.normal)})",
            span,
            f"it is in paragraph {_numbers(found)}" if found else None,
        )
    if not found:
        close = paras.closest(quote)
        hint = f'closest match is in paragraph {close[0]}: "{close[1]}"' if close else None
        yield AM301(f'quote of {label} not found in {source_name}: "{_short(quote)}"', span, hint)
    elif para is not None and 1 <= para <= len(paras.normal) and para not in found:
        yield AM302(
            f"quote of {label} is in paragraph {_numbers(found)} of {source_name}, not in paragraph {para}",
            span,
            f"set para: {found[0]}",
        )


def _para_number(value: object) -> int | None:
    """``para`` as an int; anything else (text, a float, a boolean, a list) is invalid."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return None


def _numbers(found: Sequence[int]) -> str:
    return " and ".join(str(n) for n in found) if len(found) <= 3 else f"{found[0]} (and {len(found) - 1} more)"


def _short(text: str, limit: int = 60) -> str:
    text = normalize(text)
    return text if len(text) <= limit else text[: limit - 3] + "..."
