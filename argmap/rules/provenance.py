"""Provenance rules (AM3xx): reported by :func:`argmap.provenance.check_provenance`
when a map is checked against its source text."""

from __future__ import annotations

from argmap.diagnostics import Severity
from argmap.rules.registry import reported

AM301 = reported(
    "AM301",
    "quote-not-found",
    Severity.ERROR,
    """A `quote` in a statement's or argument's data is not in the source text.

    With `{quote: "...", para: N}` a map says which words of the source a claim comes
    from.  The quote is looked up in every paragraph of the source after folding white
    space and typographic quotation marks (‘’“” count as '"); everything else, case and
    dashes included, must match exactly, and a quote may not run across paragraphs.
    The hint names the paragraph with the closest match, which usually shows the typo.
    Reported only when a source is given to check against.""",
)
AM302 = reported(
    "AM302",
    "quote-in-other-paragraph",
    Severity.ERROR,
    """A quote is in the source, but not in the paragraph that its `para` names.

    Paragraphs are the non-empty blocks of the source separated by blank lines (lines
    holding only white space count as blank), numbered from 1, captions and one-line
    links included.  The message says which paragraph holds the quote.""",
)
AM303 = reported(
    "AM303",
    "bad-provenance-data",
    Severity.ERROR,
    """Provenance data is incomplete or inconsistent.

    A `quote` needs a `para` (a whole number from 1 to the number of paragraphs of
    the source) and a `para` needs a `quote`; a quote must be non-empty text.  A
    statement tagged `#implicit` is the analyst's reconstruction, not something the
    source says, so it carries no quote.""",
)
AM304 = reported(
    "AM304",
    "unquoted-statement",
    Severity.WARNING,
    """A stated claim has no quote: the statement is defined, not tagged `#implicit`, and no member has a `quote`.

    In a map that is checked against its source, every claim either comes from the
    text (and says where, with `{quote: "...", para: N}`) or is an unstated premise the
    analyst added (and is tagged `#implicit`).  Only reported when provenance checking
    is requested.""",
)
