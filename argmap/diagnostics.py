"""Diagnostics are data: a code, a severity, a message, a span and an optional hint.

Every stage (parser, lints, provenance check, importers) appends
:class:`Diagnostic` records to a list; nothing is thrown at the user.  The CLI
prints them like a compiler does::

    map.argdown:12:5: error[AM103] unknown statement [Foo]; did you mean [Fool]?
       |
    12 |     + [Foo]
       |       ^^^^^
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from argmap.model import Span


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    severity: Severity
    message: str
    span: Span | None = None
    hint: str | None = None

    def __str__(self) -> str:
        return format_diagnostic(self)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
        }
        if self.span is not None:
            out.update(
                file=self.span.file,
                line=self.span.line,
                col=self.span.col,
                end_line=self.span.end_line,
                end_col=self.span.end_col,
            )
        if self.hint:
            out["hint"] = self.hint
        return out


def format_diagnostic(diagnostic: Diagnostic, source: str | None = None) -> str:
    """``file:line:col: severity[CODE] message``, plus the source line and a caret when given the text."""
    where = f"{diagnostic.span}: " if diagnostic.span is not None else ""
    head = f"{where}{diagnostic.severity}[{diagnostic.code}] {diagnostic.message}"
    lines = [head]
    span = diagnostic.span
    if source is not None and span is not None:
        text_lines = source.splitlines()
        if 1 <= span.line <= len(text_lines):
            line_text = text_lines[span.line - 1].expandtabs(1)
            if len(line_text) > 200:
                # Keep a window around the column so a 1 MB line prints as one screen line.
                start = max(0, span.col - 80)
                shown = line_text[start : start + 160]
                caret_col = span.col - start
            else:
                shown = line_text
                caret_col = span.col
            width = 1
            if span.end_line == span.line and span.end_col >= span.col:
                width = min(span.end_col - span.col + 1, max(1, len(shown) - caret_col + 1))
            gutter = " " * len(str(span.line))
            lines.append(f"{gutter} |")
            lines.append(f"{span.line} | {shown}")
            lines.append(f"{gutter} | {' ' * (caret_col - 1)}{'^' * width}")
    if diagnostic.hint:
        lines.append(f"  = hint: {diagnostic.hint}")
    return "\n".join(lines)


def format_github(diagnostic: Diagnostic) -> str:
    """A GitHub Actions workflow command, so diagnostics show as annotations in CI."""
    level = {"error": "error", "warning": "warning", "info": "notice"}[diagnostic.severity.value]
    params: list[tuple[str, object]] = []
    if diagnostic.span is not None:
        params += [("file", diagnostic.span.file), ("line", diagnostic.span.line), ("col", diagnostic.span.col)]
        if diagnostic.span.end_line == diagnostic.span.line:
            params.append(("endColumn", diagnostic.span.end_col))
    params.append(("title", diagnostic.code))
    message = diagnostic.message
    if diagnostic.hint:
        message += f" ({diagnostic.hint})"
    # GitHub's escaping: "%", CR and LF in the message; those and ":" and "," in a
    # property's value, where they would end the value or the properties.
    values = ",".join(f"{key}={_github_property(str(value))}" for key, value in params)
    return f"::{level} {values}::{_github_escape(message)}"


def _github_escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(value: str) -> str:
    return _github_escape(value).replace(":", "%3A").replace(",", "%2C")


def diagnostics_json(diagnostics: Iterable[Diagnostic]) -> str:
    return json.dumps([d.to_dict() for d in diagnostics], indent=2, ensure_ascii=False)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    def key(d: Diagnostic) -> tuple[str, int, int, str]:
        if d.span is None:
            return ("", 0, 0, d.code)
        return (d.span.file, d.span.line, d.span.col, d.code)

    return sorted(diagnostics, key=key)


def did_you_mean(name: str, candidates: Sequence[str], brackets: str = "[]") -> str:
    """``"; did you mean [Fool]?"`` for the closest candidate title, or ``""``."""
    close = closest(name, candidates)
    if not close:
        return ""
    return f"; did you mean {brackets[0]}{close[0]}{brackets[1]}?"


def closest(name: str, candidates: Sequence[str], n: int = 1) -> list[str]:
    if len(candidates) > 20000:
        # difflib is quadratic-ish; on huge maps only compare titles of similar length.
        candidates = [c for c in candidates if abs(len(c) - len(name)) <= 3]
    lowered = {c.lower(): c for c in candidates}
    matches = difflib.get_close_matches(name.lower(), list(lowered), n=n, cutoff=0.6)
    return [lowered[m] for m in matches]


def diagnostics_record(files: Sequence[str], diagnostics: Sequence[Diagnostic]) -> dict[str, Any]:
    """What ``validate --json`` prints (``argmap:diagnostics``): the files read, every diagnostic, the counts."""
    from argmap.schemas import stamped

    counts = {"error": 0, "warning": 0, "info": 0}
    for d in diagnostics:
        counts[d.severity.value] += 1
    return stamped(
        "diagnostics", {"files": list(files), "diagnostics": [d.to_dict() for d in diagnostics], "counts": counts}
    )
