"""Printing diagnostics like a compiler (argmap/diagnostics.py)."""

from __future__ import annotations

import json

from argmap.diagnostics import (
    Diagnostic,
    Severity,
    diagnostics_json,
    format_diagnostic,
    format_github,
)
from argmap.model import Span

D = Diagnostic(
    "AM103",
    Severity.ERROR,
    "unknown statement [Foo]; did you mean [Fool]?",
    Span("map.argdown", 2, 5, 2, 9),
    "define it",
)


def test_compiler_style_with_source_line_and_caret() -> None:
    text = "[Fool]: x\n  + [Foo]\n"
    assert format_diagnostic(D, text).splitlines() == [
        "map.argdown:2:5: error[AM103] unknown statement [Foo]; did you mean [Fool]?",
        "  |",
        "2 |   + [Foo]",
        "  |     ^^^^^",
        "  = hint: define it",
    ]


def test_long_lines_are_windowed() -> None:
    text = "x" * 5000 + "[Foo]"
    d = Diagnostic("AM103", Severity.ERROR, "m", Span("f", 1, 5001, 1, 5005))
    shown = format_diagnostic(d, text).splitlines()
    assert len(shown[2]) < 200 and shown[2].endswith("[Foo]")
    assert shown[3].index("^") == shown[2].index("[")


def test_github_annotation() -> None:
    assert format_github(D) == (
        "::error file=map.argdown,line=2,col=5,endColumn=9,title=AM103::"
        "unknown statement [Foo]; did you mean [Fool]? (define it)"
    )


def test_github_annotation_escapes_property_values_and_message() -> None:
    # GitHub ends a property value at "," and the properties at "::"; a single ":" in a
    # file name (C:\maps, a:b.argdown) was left as it was.
    odd = Diagnostic("AM103", Severity.ERROR, "50% sure\nsecond line", Span("C:\\maps,\n%a.argdown", 1, 2, 1, 3))
    assert format_github(odd) == (
        "::error file=C%3A\\maps%2C%0A%25a.argdown,line=1,col=2,endColumn=3,title=AM103::50%25 sure%0Asecond line"
    )


def test_json() -> None:
    (record,) = json.loads(diagnostics_json([D]))
    assert record == {
        "code": "AM103",
        "severity": "error",
        "message": D.message,
        "file": "map.argdown",
        "line": 2,
        "col": 5,
        "end_line": 2,
        "end_col": 9,
        "hint": "define it",
    }
