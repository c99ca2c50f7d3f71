"""The Argdown format, read and written side by side.

This package owns everything about Argdown text: its line patterns and relation
symbols (:mod:`~argmap.argdown.patterns`), inline text (:mod:`~argmap.argdown.inline`),
comments (:mod:`~argmap.argdown.comments`), YAML data (:mod:`~argmap.argdown.data`),
the block reader (:mod:`~argmap.argdown.elements`, :mod:`~argmap.argdown.trees`,
:mod:`~argmap.argdown.blocks`) and its entry points (:mod:`~argmap.argdown.reader`),
the writer (:mod:`~argmap.argdown.writer`, :mod:`~argmap.argdown.escaping`,
:mod:`~argmap.argdown.comment_plan`) and ``argmap fmt`` as a library function
(:mod:`~argmap.argdown.fmt`).  The writer reads Argdown with the reader's own
patterns, so the two cannot drift apart.
"""

from argmap.argdown.fmt import FormatResult, Refusal, RefusalReason, format_text
from argmap.argdown.reader import decode, parse, parse_bytes, parse_file
from argmap.argdown.writer import format_argdown, to_argdown

__all__ = [
    "FormatResult",
    "Refusal",
    "RefusalReason",
    "decode",
    "format_argdown",
    "format_text",
    "parse",
    "parse_bytes",
    "parse_file",
    "to_argdown",
]
