"""The library's front door: load a map, validate it."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from argmap._gc import paused_gc
from argmap.argdown import parse, parse_bytes, parse_file
from argmap.diagnostics import Diagnostic, sort_diagnostics
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
    source: str | bytes | Path, name: str | None = None, *, lint: bool = True
) -> tuple[ArgumentMap, list[Diagnostic]]:
    """Parse a map from a path or from Argdown text, and lint it.

    ``source`` is read as a file when it is a :class:`~pathlib.Path`, or a string
    without line breaks that names an existing file; otherwise it is Argdown text
    (``bytes`` are decoded as UTF-8).  Returns the map and every diagnostic, sorted by
    position; it never raises for bad input.  ``lint=False`` skips the map rules and
    returns only what the parser reported (commands that only display a map use it:
    on a 100,000-statement map the rules cost seconds).
    """
    with paused_gc():
        return _load(source, name, lint)


def _load(source: str | bytes | Path, name: str | None, run_lints: bool) -> tuple[ArgumentMap, list[Diagnostic]]:
    if isinstance(source, bytes):
        amap, diagnostics = parse_bytes(source, name or "<bytes>")
    elif isinstance(source, Path) or ("\n" not in source and _is_file(source)):
        amap, diagnostics = parse_file(source)
    else:
        amap, diagnostics = parse(source, name or "<text>")
    if run_lints and (amap.statements or amap.arguments):
        from argmap.rules import lint  # here: the display commands never lint, nor import the rules

        diagnostics = diagnostics + lint(amap)
    return amap, sort_diagnostics(diagnostics)


def load_default() -> tuple[ArgumentMap, list[Diagnostic]]:
    """The shipped map of the 2016 Syria ceasefire op-ed."""
    return load(default_map_path())


def validate(source: str | bytes | Path) -> list[Diagnostic]:
    """Only the diagnostics of :func:`load`."""
    return load(source)[1]


def _is_file(text: str) -> bool:
    if not text or len(text) > 4096:
        return False
    try:
        return Path(text).is_file()
    except (OSError, ValueError):
        return False
