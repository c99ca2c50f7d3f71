"""What every command shares: the app, reading the map, resolving a CLAIM argument."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from argmap.api import default_map_path, load
from argmap.diagnostics import Diagnostic, closest
from argmap.model import ArgumentMap

app = typer.Typer(
    name="argmap",
    help="Argument maps in Argdown: show, question, validate and render them.",
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode=None,
)

MapOption = Annotated[
    str | None,
    typer.Option("--map", "-m", help="Argdown file to read ('-' for standard input). Default: the shipped map."),
]


@dataclass
class LoadedMap:
    amap: ArgumentMap
    diagnostics: list[Diagnostic]
    text: str
    """The source text, for printing diagnostics with the offending line."""


def read_map(map_path: str | None) -> LoadedMap:
    """Load ``--map`` (``-`` is standard input, None the shipped map)."""
    if map_path == "-":
        data = sys.stdin.buffer.read()
        amap, diagnostics = load(data, name="<stdin>")
        return LoadedMap(amap, diagnostics, data.decode("utf-8", "replace"))
    path = Path(map_path) if map_path else default_map_path()
    amap, diagnostics = load(path)
    try:
        text = path.read_text("utf-8", "replace")
    except OSError:
        text = ""
    return LoadedMap(amap, diagnostics, text)


class ClaimError(Exception):
    """A CLAIM on the command line that names nothing, or more than one thing."""

    def __init__(self, message: str, candidates: list[str]) -> None:
        super().__init__(message)
        self.candidates = candidates


def resolve_claim(amap: ArgumentMap, claim: str) -> str:
    """Turn ``[Title]``, ``<Title>``, a bare title, or a unique case-insensitive
    substring of a title or text into a node id.  Raises :class:`ClaimError`."""
    text = claim.strip()
    if text.startswith("[") and text.endswith("]"):
        if text[1:-1] in amap.statements:
            return text
        return _none(amap, text[1:-1])
    if text.startswith("<") and text.endswith(">"):
        if text[1:-1] in amap.arguments:
            return text
        return _none(amap, text[1:-1])
    if text in amap.statements:
        return f"[{text}]"
    if text in amap.arguments:
        return f"<{text}>"
    lowered = text.lower()
    exact = [f"[{t}]" for t in amap.statements if t.lower() == lowered]
    exact += [f"<{t}>" for t in amap.arguments if t.lower() == lowered]
    if len(exact) == 1:
        return exact[0]
    found: list[str] = []
    for title, statement in amap.statements.items():
        if lowered in title.lower() or any(lowered in t.lower() for t in statement.texts):
            found.append(f"[{title}]")
    for title, argument in amap.arguments.items():
        if lowered in title.lower() or any(lowered in d.lower() for d in argument.descriptions):
            found.append(f"<{title}>")
    if len(found) == 1:
        return found[0]
    if found:
        raise ClaimError(f"'{claim}' is ambiguous: it matches {len(found)} claims", found)
    return _none(amap, text)


def _none(amap: ArgumentMap, text: str) -> str:
    titles = list(amap.statements) + list(amap.arguments)
    near = closest(text, titles, n=3)
    shown = [f"[{t}]" if t in amap.statements else f"<{t}>" for t in near]
    message = f"no claim matches '{text}'"
    if shown:
        message += "; did you mean " + ", ".join(shown) + "?"
    raise ClaimError(message, shown)
