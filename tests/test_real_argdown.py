"""Real Argdown files from public repositories (tests/fixtures/real-argdown, sources in its
README), each with the Argdown CLI 2.0.0's JSON export: argmap's export must say the same.

A file the CLI rejects has no JSON: argmap must then report an error, or warn with the
code of the deliberate difference that makes it read the file (docs/argdown.md).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap.diagnostics import Severity
from argmap.interchange.argdown_json import to_argdown_json
from argmap.interchange.compare import normalise

REAL = Path(__file__).resolve().parent / "fixtures" / "real-argdown"

DELIBERATE_CODES = {"AM026"}
"""Warnings of deliberate differences: argmap reads what Argdown rejects, and says so."""


@pytest.mark.parametrize("path", sorted(REAL.glob("*.argdown")), ids=lambda p: p.stem)
def test_real_file_reads_as_argdown_reads_it(path: Path) -> None:
    amap, diagnostics = argmap.load(path, lint=False)
    errors = [str(d) for d in diagnostics if d.severity is Severity.ERROR]
    reference = path.with_suffix(".json")
    if not reference.exists():
        assert errors or DELIBERATE_CODES & {d.code for d in diagnostics}
        return
    assert not errors
    ours = normalise(to_argdown_json(amap))
    theirs = normalise(json.loads(reference.read_text("utf-8")))
    assert ours == theirs


def test_there_are_real_files() -> None:
    assert len(list(REAL.glob("*.argdown"))) >= 6
