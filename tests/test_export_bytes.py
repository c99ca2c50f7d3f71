"""Every writer writes the same bytes as the release before it: a digest of each export
of the shipped map, the fixtures, the corpus and a generated map, in every format, is kept
in ``tests/golden/export-digests.json``.  A writer made to stream (or made faster) must not
change a byte; a change that is meant is written with ``ARGMAP_UPDATE_GOLDEN=1``, and the
golden file's diff then shows which exports changed."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import ROOT, SHARED

import argmap
from argmap.api import default_map_path
from argmap.interchange.formats import WRITE_FORMATS, read_bytes, write_text
from argmap.model import ArgumentMap

GOLDEN = Path(__file__).resolve().parent / "golden" / "export-digests.json"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS_INPUTS = SHARED / "corpus" / "argdown" / "inputs"


def inputs() -> dict[str, Path]:
    """The maps exported, by a name that does not depend on where the checkout is (the
    name is read into the map, and argmap JSON writes it)."""
    found = {f"data/{default_map_path().name}": default_map_path()}
    for pattern in ("*.argdown", "interchange/*.argdown", "interchange/*.txt", "interchange/*.aif.json"):
        for path in sorted(FIXTURES.glob(pattern)):
            found[f"fixtures/{path.relative_to(FIXTURES)}"] = path
    for path in sorted((FIXTURES / "real-argdown").glob("*.argdown")):
        found[f"fixtures/real-argdown/{path.name}"] = path
    for path in sorted(CORPUS_INPUTS.glob("*.argdown")) if CORPUS_INPUTS.is_dir() else []:
        found[f"corpus/{path.name}"] = path
    return found


def generated(statements: int) -> ArgumentMap:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from gen_argdown import generate

    amap, _ = argmap.loads(generate(statements), name="synthetic.argdown")
    return amap


def digest(amap: ArgumentMap, fmt: str) -> str:
    return hashlib.sha256(write_text(amap, fmt).encode("utf-8")).hexdigest()


def digests() -> dict[str, dict[str, str]]:
    maps = {name: read_bytes(path.read_bytes(), name)[0] for name, path in inputs().items()}
    maps["generated-400"] = generated(400)
    return {name: {fmt: digest(amap, fmt) for fmt in WRITE_FORMATS} for name, amap in maps.items()}


def test_every_export_is_byte_for_byte_what_it_was() -> None:
    found = digests()
    if os.environ.get("ARGMAP_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", "utf-8")
    expected = json.loads(GOLDEN.read_text("utf-8"))
    if not CORPUS_INPUTS.is_dir():
        expected = {name: value for name, value in expected.items() if not name.startswith("corpus/")}
    changed = [
        f"{name} as {fmt}"
        for name in sorted(expected.keys() | found.keys())
        for fmt in WRITE_FORMATS
        if expected.get(name, {}).get(fmt) != found.get(name, {}).get(fmt)
    ]
    assert not changed, f"{len(changed)} exports changed, first: {changed[:5]}"


def test_the_digests_cover_every_format_and_the_corpus() -> None:
    expected = json.loads(GOLDEN.read_text("utf-8"))
    assert all(set(formats) == set(WRITE_FORMATS) for formats in expected.values())
    assert sum(name.startswith("corpus/") for name in expected) > 100
    if not CORPUS_INPUTS.is_dir():
        pytest.skip("../shared is not beside this checkout")
