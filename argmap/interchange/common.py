"""What every reader and writer shares: diagnostics with places, JSON loading, spans."""

from __future__ import annotations

import json
import re
from typing import Any

from argmap.diagnostics import Diagnostic, Severity
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
