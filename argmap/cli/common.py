"""What every command shares: the app, reading the map, resolving a CLAIM argument,
printing, and the one-line error that replaces every traceback."""

from __future__ import annotations

import gc
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console

from argmap import __version__
from argmap.api import default_map_path, load
from argmap.diagnostics import Diagnostic, Severity, closest
from argmap.model import ArgumentMap
from argmap.parser import parse_bytes, parse_file

app = typer.Typer(
    name="argmap",
    help=(
        "Argument maps in Argdown: show, question, validate and render them.\n\n"
        "Every command reads the shipped map unless given --map FILE (or --map - for standard input).\n\n"
        "Example: argmap why 'ceasefire' -m debate.argdown"
    ),
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"argmap {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", help="Print the version and exit.", callback=_version, is_eager=True),
    ] = False,
) -> None:
    """Argument maps in Argdown: show, question, validate and render them.

    Every command reads the shipped map unless given --map FILE (or --map - for
    standard input).  Example: argmap why ceasefire -m debate.argdown
    """


MapOption = Annotated[
    str | None,
    typer.Option(
        "--map",
        "-m",
        help="Argdown file to read ('-' for standard input). Default: the shipped map.",
        metavar="PATH",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts instead of text.")]
NoLabelsOption = Annotated[
    bool, typer.Option("--no-labels", help="Do not evaluate the map or mark claims ✔ IN / ✘ OUT / ? UNDEC.")
]

FATAL_CODES = frozenset({"AM000", "AM001", "AM002"})
"""Diagnostics after which a map is not worth showing: unreadable, undecodable or binary input."""


@dataclass
class LoadedMap:
    amap: ArgumentMap
    diagnostics: list[Diagnostic]
    path: Path | None = None
    stdin_text: str | None = None

    @property
    def text(self) -> str:
        """The source text, for printing diagnostics with the offending line.

        Read again only when asked (validate does, the display commands never do), so
        showing a large map does not read its file twice."""
        if self.stdin_text is not None:
            return self.stdin_text
        try:
            return self.path.read_text("utf-8", "replace") if self.path and self.path.is_file() else ""
        except OSError:
            return ""


def read_map(map_path: str | None, lint: bool = True) -> LoadedMap:
    """Load ``--map`` (``-`` is standard input, None the shipped map).

    ``lint=False`` only parses: the commands that show a map do not need the lint
    rules, which cost as much time as parsing on a large map."""
    if map_path == "-":
        data = sys.stdin.buffer.read()
        amap, diagnostics = load(data, name="<stdin>") if lint else parse_bytes(data, "<stdin>")
        gc.freeze()
        return LoadedMap(amap, diagnostics, stdin_text=data.decode("utf-8", "replace"))
    path = Path(map_path) if map_path else default_map_path()
    amap, diagnostics = load(path) if lint else parse_file(path)
    # The map lives until the process ends: take its millions of objects out of the
    # collector's sight, or every later collection rescans them all.
    gc.freeze()
    return LoadedMap(amap, diagnostics, path=path)


def open_map(map_path: str | None) -> LoadedMap:
    """:func:`read_map` for the commands that show a map: unreadable input ends the command
    with one line on standard error and exit status 2."""
    if map_path is None and not default_map_path().is_file():
        fail(f"the shipped map {default_map_path().name} is missing; pass --map FILE")
    loaded = read_map(map_path, lint=False)
    for d in loaded.diagnostics:
        if d.code in FATAL_CODES:
            where = f"{d.span}: " if d.span is not None else ""
            more = "" if d.code == "AM000" else " (argmap validate shows every problem)"
            fail(f"{where}{d.message}{more}")
    errors = sum(1 for d in loaded.diagnostics if d.severity is Severity.ERROR)
    if errors:
        # The map is still shown, but never silently: part of the file was not understood.
        name = loaded.amap.source_name
        plural = "error" if errors == 1 else "errors"
        sys.stderr.write(
            f"argmap: warning: {name} has {errors} syntax {plural}; the map may be incomplete "
            f"(argmap validate -m {name} shows them)\n"
        )
    return loaded


def fail(message: str, code: int = 2) -> NoReturn:
    """Print ``argmap: error: message`` on standard error and exit with ``code``."""
    sys.stderr.write(f"argmap: error: {message}\n")
    raise typer.Exit(code)


def console(stderr: bool = False) -> Console:
    """A console that wraps to the terminal (80 columns when piped) and honours NO_COLOR."""
    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def print_json(data: Any) -> None:
    from argmap.views.tree import to_json

    sys.stdout.write(to_json(data) + "\n")


def labels_for(amap: ArgumentMap, enabled: bool = True) -> dict[str, str] | None:
    """The grounded labels of every node, when the semantics module is installed and wanted."""
    if not enabled or not len(amap):
        return None
    try:
        from argmap.semantics import label_map
    except ImportError:
        return None
    try:
        labels: dict[str, str] = label_map(amap)
    except Exception as error:  # a failing analysis must not stop the view
        sys.stderr.write(f"argmap: note: claims are shown without labels ({error})\n")
        return None
    return labels


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
    if not text:
        raise ClaimError("the claim is empty", [])
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


def claim_or_fail(amap: ArgumentMap, claim: str) -> str:
    """:func:`resolve_claim`, turning a :class:`ClaimError` into the error line (and the
    candidates of an ambiguous claim, one per line) and exit status 2."""
    try:
        return resolve_claim(amap, claim)
    except ClaimError as error:
        message = str(error)
        if error.candidates and "ambiguous" in message:
            shown = error.candidates[:20]
            more = len(error.candidates) - len(shown)
            lines = "".join(f"  {c}\n" for c in shown)
            if more:
                lines += f"  ... and {more} more\n"
            sys.stderr.write(f"argmap: error: {message}; say which:\n{lines}")
            raise typer.Exit(2) from None
        fail(message)


def complete_claim(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion for CLAIM: the titles in the map given by ``--map`` (or the shipped one)."""
    try:
        map_path = ctx.params.get("map_path")
        path = Path(map_path) if isinstance(map_path, str) and map_path != "-" else default_map_path()
        if not path.is_file():
            return []
        amap, _ = parse_file(path)  # no lint: completion must be quick
    except Exception:
        return []
    lowered = incomplete.lstrip("[<").lower()
    titles = list(amap.statements) + list(amap.arguments)
    starts = [t for t in titles if t.lower().startswith(lowered)]
    return starts or [t for t in titles if lowered in t.lower()]


def env_width() -> int | None:
    """``COLUMNS`` when set (tests and scripts pin the width with it)."""
    value = os.environ.get("COLUMNS", "")
    return int(value) if value.isdigit() else None
