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

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from argmap.argdown.reader import decode, parse, parse_bytes, parse_file

if TYPE_CHECKING:
    from argmap.argdown.fmt import FormatResult, Refusal, RefusalReason, format_text
    from argmap.argdown.writer import format_argdown, to_argdown

_WRITING = {
    "FormatResult": "argmap.argdown.fmt",
    "Refusal": "argmap.argdown.fmt",
    "RefusalReason": "argmap.argdown.fmt",
    "format_text": "argmap.argdown.fmt",
    "format_argdown": "argmap.argdown.writer",
    "to_argdown": "argmap.argdown.writer",
}
"""The writer's names, by the module that owns them: imported on first use, so that
the commands that only read a map (most of them) do not load the writer at start-up."""


def __getattr__(name: str) -> Any:
    module = _WRITING.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


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
