"""What every reader and writer shares: diagnostics with places, JSON loading, spans."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from argmap.diagnostics import Diagnostic, Severity
from argmap.files import batches
from argmap.model import Span
from argmap.rules.interchange import AM400
from argmap.rules.registry import Rule

_KEY_LINE = re.compile(r'"(nodeID|edgeID|id)"\s*:\s*"?([^",}\s]+)')


def span_at(name: str, line: int, col: int = 1) -> Span:
    return Span(name, line, col, line, col)


def at(
    rule: Rule, message: str, name: str, line: int | None = None, col: int = 1, hint: str | None = None
) -> Diagnostic:
    """A diagnostic of ``rule`` at a line (and column) of the file ``name``, or of the whole file."""
    return rule(message, span_at(name, line, col) if line is not None else None, hint)


def load_json(text: str, name: str, code: Rule = AM400) -> tuple[Any, list[Diagnostic]]:
    """Parse JSON; a syntax error becomes one diagnostic at its line and column."""
    try:
        return json.loads(text), []
    except json.JSONDecodeError as problem:
        return None, [at(code, f"malformed JSON: {problem.msg}", name, problem.lineno, problem.colno)]
    except RecursionError:
        return None, [at(code, "malformed JSON: nested too deeply", name, 1)]
    except ValueError as problem:  # a number of thousands of digits, which Python will not convert
        return None, [at(code, f"unreadable JSON: {str(problem).split(';')[0]}", name, 1)]


def id_lines(text: str) -> dict[str, int]:
    """Line of the first ``"nodeID": X`` / ``"edgeID": X`` / ``"id": X`` for each X, for diagnostics."""
    lines: dict[str, int] = {}
    line = 1
    pos = 0
    for match in _KEY_LINE.finditer(text):
        line += text.count("\n", pos, match.start())
        pos = match.start()
        lines.setdefault(f"{match.group(1)}:{match.group(2)}", line)
    return lines


def has_errors(diagnostics: list[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)


ITEMS_PER_PIECE = 500
"""Items of a streamed JSON array encoded together, as one piece of :func:`indented_json_pieces`:
json's indenting encoder makes a cycle of closures on every call, garbage that only the
cycle collector frees (paused while writers run), so items are not encoded one by one."""


def indented_json_pieces(
    fields: Iterable[tuple[str, Any]], items: Callable[[list[Any]], str] | None = None
) -> Iterator[str]:
    """The text of ``json.dumps(dict(fields), indent=2, ensure_ascii=False)`` and a line
    break, in pieces: a value that is an iterator (a generator of items) is written as an
    array a batch of items at a time, so that the whole array is never in memory.  (A
    JSON string holds no raw line break, so every line break of the text is indentation.)
    ``items`` writes a batch as :func:`array_items` does, faster for the items it knows."""
    items = items or array_items
    opened = False
    for key, value in fields:
        head = ("{\n  " if not opened else ",\n  ") + json.dumps(key, ensure_ascii=False) + ": "
        opened = True
        if not isinstance(value, Iterator):
            yield head + json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n  ")
            continue
        written = False
        for batch in batches(value, ITEMS_PER_PIECE):
            yield head + ("[" if not written else ",") + items(batch)
            head, written = "", True
        yield head + ("\n  ]" if written else "[]")
    yield "\n}\n" if opened else "{}\n"


def document_pieces(document: dict[str, Any]) -> Iterator[str]:
    """``json.dumps(document, indent=2, ensure_ascii=False)`` and a line break, in pieces:
    the document is whole, but its text never is (its top-level arrays are written a
    batch of items at a time)."""
    return indented_json_pieces(
        (key, iter(value) if isinstance(value, list) else value) for key, value in document.items()
    )


def array_items(batch: list[Any]) -> str:
    """The items of ``batch`` as they are written inside an array that is the value of a
    top-level key: each on its own line, indented, separated by commas."""
    text = json.dumps(batch, indent=2, ensure_ascii=False)  # "[\n  item,\n  item\n]"
    return text[1:-2].replace("\n", "\n  ")
