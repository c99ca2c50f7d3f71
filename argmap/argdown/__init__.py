"""The Argdown format, read and written side by side.

This package owns everything about Argdown text:

* its line patterns and relation symbols (:mod:`~argmap.argdown.patterns`), inline
  text (:mod:`~argmap.argdown.inline`), comments (:mod:`~argmap.argdown.comments`) and
  YAML data (:mod:`~argmap.argdown.data`), which reading and writing share;
* the reader: elements (:mod:`~argmap.argdown.elements`), relation trees and lists
  (:mod:`~argmap.argdown.trees`), the block loop with headings and PCSs
  (:mod:`~argmap.argdown.blocks`) and the entry points (:mod:`~argmap.argdown.reader`);
* the writer: the canonical layout (:mod:`~argmap.argdown.layout`), escaping
  (:mod:`~argmap.argdown.escaping`), comments kept (:mod:`~argmap.argdown.comment_plan`)
  and the entry points (:mod:`~argmap.argdown.writer`);
* ``argmap fmt`` as a library function (:mod:`~argmap.argdown.fmt`).

The writer reads Argdown with the reader's own patterns, so the two cannot drift apart.
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
