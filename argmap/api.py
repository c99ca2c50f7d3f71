"""The library's front door: read a map from a path or from text, validate it.

``load`` reads a path and ``loads`` reads text, as :mod:`json` and :mod:`tomllib` split
them: a string given to ``loads`` is always map text, never the name of a file.  Both
tell the format (Argdown, argmap JSON, AIF/xAIF, Kialo text) from the extension and the
content unless told, lint the map, and never raise for bad input: what is wrong comes
back as diagnostics.

>>> amap, diagnostics = loads("[A]: Claim.\\n  + [B]: Reason.")
>>> sorted(amap.statements), diagnostics
(['A', 'B'], [])
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from argmap._gc import paused_gc
from argmap.diagnostics import Diagnostic, sort_diagnostics
from argmap.interchange.formats import read_bytes, read_file
from argmap.model import ArgumentMap

DEFAULT_MAP = "syria-ceasefire-2016.argdown"
"""File name of the shipped default map (package data in ``argmap/data``)."""


def default_map_path() -> Path:
    """Path of the shipped default map, wherever argmap is installed.

    Installed, the map is package data of ``argmap.data``; in a source checkout that
    package is the top-level ``data/`` folder beside ``argmap/``."""
    try:
        installed = Path(str(resources.files("argmap.data").joinpath(DEFAULT_MAP)))
        if installed.is_file():
            return installed
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parent.parent / "data" / DEFAULT_MAP


def load(
    path: str | os.PathLike[str], *, format: str | None = None, lint: bool = True
) -> tuple[ArgumentMap, list[Diagnostic]]:
    """Read the map in the file at ``path`` and lint it.

    ``format`` is one of :data:`~argmap.interchange.formats.READ_FORMATS`; by default
    it is told from the extension and the content.  Returns the map and every
    diagnostic, sorted by position.  ``lint=False`` returns only what the reader
    reported (commands that only display a map use it: the rules cost as much as
    reading on a large map)."""
    with paused_gc():
        amap, diagnostics = read_file(Path(path), format)
        return _linted(amap, diagnostics, lint)


def loads(
    text: str | bytes, name: str = "<text>", *, format: str | None = None, lint: bool = True
) -> tuple[ArgumentMap, list[Diagnostic]]:
    """Read a map from ``text`` (``bytes`` are decoded as UTF-8) and lint it.

    ``name`` is the file name diagnostics give.  Without ``format``, JSON text is read
    as argmap JSON or AIF, a Kialo export as Kialo, and anything else as Argdown."""
    if not isinstance(text, str | bytes):
        raise TypeError(f"loads() reads map text, not {type(text).__name__}; argmap.load(path) reads a file")
    data = text.encode("utf-8") if isinstance(text, str) else text
    with paused_gc():
        amap, diagnostics = read_bytes(data, name, format)
        return _linted(amap, diagnostics, lint)


def _linted(amap: ArgumentMap, diagnostics: list[Diagnostic], lint: bool) -> tuple[ArgumentMap, list[Diagnostic]]:
    if lint and (amap.statements or amap.arguments):
        from argmap.rules import lint as run_rules  # here: the display commands never lint

        diagnostics = diagnostics + run_rules(amap)
    return amap, sort_diagnostics(diagnostics)


def load_default() -> tuple[ArgumentMap, list[Diagnostic]]:
    """The shipped map of the 2016 Syria ceasefire op-ed."""
    return load(default_map_path())


def validate(path: str | os.PathLike[str]) -> list[Diagnostic]:
    """Only the diagnostics of :func:`load`."""
    return load(path)[1]
