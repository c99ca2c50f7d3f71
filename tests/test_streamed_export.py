"""Exports written in pieces as they are made (``write_chunks``) are the same text as the
whole document (``write_text``), for every format, on the corpus, the shipped map and
generated maps; Argdown JSON of a large map really comes in many pieces, so the whole
document is never in memory; the command writes the same bytes to a file and to
standard output."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import ROOT, SHARED

import argmap
from argmap.api import default_map_path
from argmap.argdown.layout import Writer
from argmap.cli.common import app
from argmap.interchange.aif_writer import to_aif
from argmap.interchange.argdown_json import to_argdown_json
from argmap.interchange.argmap_json import to_argmap_json
from argmap.interchange.formats import WRITE_FORMATS, write_chunks, write_text
from argmap.model import ArgumentMap

CORPUS_INPUTS = SHARED / "corpus" / "argdown" / "inputs"
runner = CliRunner()


def generated(statements: int) -> ArgumentMap:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from gen_argdown import generate

    amap, _ = argmap.loads(generate(statements), name="synthetic.argdown")
    assert len(amap.statements) == statements
    return amap


def corpus_files() -> list[Path]:
    return sorted(CORPUS_INPUTS.glob("*.argdown")) if CORPUS_INPUTS.is_dir() else []


def test_the_corpus_is_there() -> None:
    if not CORPUS_INPUTS.is_dir():
        pytest.skip("../shared is not beside this checkout")
    assert len(corpus_files()) > 100


def json_reference(document: Callable[[ArgumentMap], object]) -> Callable[[ArgumentMap], str]:
    """The text of a JSON format, from its document, encoded by json at once."""
    return lambda amap: json.dumps(document(amap), indent=2, ensure_ascii=False) + "\n"


def argdown_reference(amap: ArgumentMap) -> str:
    """The Argdown layout, its lines all kept until the end (the path ``argmap fmt`` takes)."""
    return "\n".join(Writer(amap, None).write()) + "\n"


REFERENCES: dict[str, Callable[[ArgumentMap], str]] = {
    "argdown": argdown_reference,
    "argdown-json": json_reference(to_argdown_json),
    "argmap-json": json_reference(to_argmap_json),
    "aif": json_reference(to_aif),
}
"""Each streamed format's text made another way: the whole document at once."""

STREAMED = ("argdown", "argdown-json", "argmap-json", "aif", "kialo")


@pytest.mark.parametrize("fmt", sorted(REFERENCES))
def test_pieces_make_the_whole_document_on_the_corpus(fmt: str) -> None:
    for path in [default_map_path(), *corpus_files()]:
        amap, _ = argmap.load(path)
        assert "".join(write_chunks(amap, fmt)) == REFERENCES[fmt](amap), path.name


@pytest.mark.parametrize("fmt", sorted(REFERENCES))
def test_pieces_make_the_whole_document_on_a_generated_map(fmt: str) -> None:
    amap = generated(3000)
    assert "".join(write_chunks(amap, fmt)) == REFERENCES[fmt](amap)


@pytest.mark.parametrize("fmt", STREAMED)
def test_a_large_map_comes_in_many_pieces(fmt: str) -> None:
    amap = generated(3000)
    pieces = list(write_chunks(amap, fmt))
    text = "".join(pieces)
    assert text == write_text(amap, fmt)
    assert len(pieces) > 5
    assert max(len(piece) for piece in pieces) < len(text) / 5


@pytest.mark.parametrize("fmt", WRITE_FORMATS)
def test_every_format_writes_an_empty_map(fmt: str) -> None:
    assert write_text(ArgumentMap("empty"), fmt) == "".join(write_chunks(ArgumentMap("empty"), fmt))
    assert write_text(ArgumentMap("empty"), fmt).endswith("\n")


def test_a_bad_format_fails_before_any_piece() -> None:
    from argmap.interchange.formats import FormatError

    with pytest.raises(FormatError):
        write_chunks(ArgumentMap("empty"), "svg")


def test_the_command_writes_the_same_bytes_to_a_file_and_to_standard_output(tmp_path: Path) -> None:
    source = tmp_path / "synthetic.argdown"
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from gen_argdown import generate

    source.write_text(generate(2000), "utf-8")
    amap, _ = argmap.load(source)
    expected = write_text(amap, "argdown-json").encode("utf-8")
    out = tmp_path / "map.argdown.json"
    result = runner.invoke(app, ["export", "--to", "argdown-json", "-m", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == expected
    process = subprocess.run(
        [sys.executable, "-m", "argmap", "export", "--to", "argdown-json", "-m", str(source)],
        capture_output=True,
        check=False,
    )
    assert process.returncode == 0, process.stderr
    assert process.stdout == expected


def test_indented_json_pieces_on_edge_cases() -> None:
    from argmap.interchange.common import indented_json_pieces

    fields = [("empty", iter([])), ("one", iter([{"a": [1, {"b": "x\\ny"}]}])), ("n", iter(range(2500))), ("d", {})]
    expected = {"empty": [], "one": [{"a": [1, {"b": "x\\ny"}]}], "n": list(range(2500)), "d": {}}
    fields_again = [("empty", iter([])), ("one", iter(expected["one"])), ("n", iter(range(2500))), ("d", {})]
    assert "".join(indented_json_pieces(fields)) == json.dumps(expected, indent=2, ensure_ascii=False) + "\n"
    assert len(list(indented_json_pieces(fields_again))) > 3
    assert "".join(indented_json_pieces([])) == json.dumps({}, indent=2) + "\n"
