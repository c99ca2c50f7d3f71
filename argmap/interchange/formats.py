"""The format registry: which formats argmap reads and writes, picked by name or file name.

| name          | read | write | extensions                          |
|---------------|------|-------|-------------------------------------|
| argdown       | yes  | yes   | .argdown .ad                        |
| argmap-json   | yes  | yes   | .json (argmap's own, sniffed)       |
| aif           | yes  | yes   | .aif .aif.json (and sniffed .json)  |
| kialo         | yes  | no    | .txt .kialo                         |
| argdown-json  | no   | yes   | .argdown.json                       |
| graphml       | no   | yes   | .graphml                            |
| node-link     | no   | yes   | .nodelink.json .node-link.json      |
| mermaid       | no   | yes   | .mmd .mermaid                       |
| dot           | no   | yes   | .dot .gv                            |
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from argmap import files
from argmap.diagnostics import Diagnostic
from argmap.interchange.common import error, has_errors
from argmap.model import ArgumentMap

READ_FORMATS = ("argdown", "argmap-json", "aif", "kialo")
WRITE_FORMATS = ("argdown", "argdown-json", "argmap-json", "aif", "graphml", "node-link", "mermaid", "dot")

_EXTENSIONS: list[tuple[str, str]] = [
    # Longest suffixes first.
    (".argdown.json", "argdown-json"),
    (".nodelink.json", "node-link"),
    (".node-link.json", "node-link"),
    (".aif.json", "aif"),
    (".argmap.json", "argmap-json"),
    (".argdown", "argdown"),
    (".ad", "argdown"),
    (".aif", "aif"),
    (".txt", "kialo"),
    (".kialo", "kialo"),
    (".graphml", "graphml"),
    (".mmd", "mermaid"),
    (".mermaid", "mermaid"),
    (".dot", "dot"),
    (".gv", "dot"),
    (".json", "json"),
]


class FormatError(Exception):
    """An unknown format, or a file name that does not tell the format."""


def format_of(path: str, writing: bool) -> str:
    """The format a file name implies (``json`` is sniffed when reading, argmap-json when writing)."""
    lowered = path.lower()
    for suffix, name in _EXTENSIONS:
        if lowered.endswith(suffix):
            if name == "json":
                return "argmap-json" if writing else "json"
            return name
    kind = "--to" if writing else "--from"
    raise FormatError(f"cannot tell the format of '{path}' from its extension; pass {kind} FORMAT")


def sniff_json(text: str) -> str:
    """``argmap-json`` or ``aif`` for a JSON document, from its first keys."""
    head = text[:4096]
    if '"format"' in head and '"argmap"' in head:
        return "argmap-json"
    return "aif"


def check_format(name: str, writing: bool) -> str:
    allowed = WRITE_FORMATS if writing else READ_FORMATS
    if name not in allowed:
        kind = "write" if writing else "read"
        raise FormatError(f"argmap cannot {kind} '{name}'; it {kind}s {', '.join(allowed)}")
    return name


def read_text(text: str, fmt: str, name: str) -> tuple[ArgumentMap, list[Diagnostic]]:
    """Read ``text`` in format ``fmt`` (``json`` is sniffed).  Never raises for bad input."""
    if fmt == "json":
        fmt = sniff_json(text)
    if fmt == "argdown":
        from argmap.argdown import parse

        return parse(text, name)
    if fmt == "aif":
        from argmap.interchange.aif import read_aif

        return read_aif(text, name)
    if fmt == "kialo":
        from argmap.interchange.kialo import read_kialo

        return read_kialo(text, name)
    if fmt == "argmap-json":
        from argmap.interchange.argmap_json import read_argmap_json

        return read_argmap_json(text, name)
    raise FormatError(f"argmap cannot read '{fmt}'; it reads {', '.join(READ_FORMATS)}")


def read_path(path: Path, fmt: str | None = None) -> tuple[ArgumentMap, list[Diagnostic], str]:
    """Read a file; returns the map, the diagnostics and the text (empty if unreadable)."""
    name = str(path)
    chosen = fmt or format_of(name, writing=False)
    if chosen != "json":
        check_format(chosen, writing=False)
    try:
        data = path.read_bytes()
    except OSError as problem:
        return ArgumentMap(name), [error("AM000", f"cannot read {name}: {problem.strerror or problem}", name)], ""
    if chosen == "argdown":
        # The parser only: conversion needs the map as written, not the map rules' verdicts
        # (argmap validate reports those), and skipping them halves the time on large maps.
        from argmap._gc import paused_gc
        from argmap.argdown import parse_bytes

        with paused_gc():
            amap, diagnostics = parse_bytes(data, name)
        return amap, diagnostics, data.decode("utf-8", "replace")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        return ArgumentMap(name), [error("AM001", f"invalid UTF-8 at byte {problem.start}", name, 1)], ""
    amap, diagnostics = read_text(text, chosen, name)
    return amap, diagnostics, text


def writer(fmt: str) -> Callable[[ArgumentMap], str]:
    """The function that renders a map in ``fmt`` as text."""
    check_format(fmt, writing=True)
    if fmt == "argdown":
        from argmap.argdown import to_argdown

        return to_argdown
    if fmt == "argdown-json":
        from argmap.interchange import argdown_json

        return argdown_json.dumps
    if fmt == "aif":
        from argmap.interchange import aif

        return aif.dumps
    if fmt == "argmap-json":
        from argmap.interchange import argmap_json

        return argmap_json.dumps
    if fmt == "graphml":
        from argmap.interchange.argmap_json import to_graphml

        return to_graphml
    if fmt == "node-link":
        from argmap.interchange.argmap_json import node_link_dumps

        return node_link_dumps
    if fmt == "mermaid":
        from argmap.interchange.argmap_json import to_mermaid

        return to_mermaid
    return _dot


def _dot(amap: ArgumentMap) -> str:
    """DOT from the Graphviz view (argmap.views.graphviz), the same drawing ``argmap render`` makes."""
    from argmap.views import graphviz

    return graphviz.to_dot(amap)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 with :func:`argmap.files.write_atomic`.  Raises OSError."""
    files.write_atomic(path, text.encode("utf-8"))


__all__ = [
    "READ_FORMATS",
    "WRITE_FORMATS",
    "FormatError",
    "check_format",
    "format_of",
    "has_errors",
    "read_path",
    "read_text",
    "write_atomic",
    "writer",
]
