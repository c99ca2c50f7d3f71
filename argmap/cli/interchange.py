"""``argmap convert``, ``argmap export`` and ``argmap fmt``: other formats in and out."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from argmap.cli.common import (
    FromOption,
    JsonOption,
    MapArgument,
    MapOption,
    app,
    fail,
    map_size,
    map_source,
    read_map,
    wrote,
)
from argmap.cli.output import OUT
from argmap.diagnostics import Diagnostic, format_diagnostic
from argmap.interchange.formats import WRITE_FORMATS
from argmap.model import ArgumentMap
from argmap.rules import FATAL_CODES
from argmap.schemas import stamped
from argmap.views.words import plural

ToOption = Annotated[
    str | None,
    typer.Option(
        "--to", help=f"Output format ({', '.join(WRITE_FORMATS)}); default: from the extension.", metavar="FORMAT"
    ),
]


def _print_diagnostics(diagnostics: list[Diagnostic], text: str, limit: int = 20) -> None:
    for d in diagnostics[:limit]:
        OUT.message(format_diagnostic(d, text or None))
    if len(diagnostics) > limit:
        OUT.message(f"... and {len(diagnostics) - limit} more")


def _render(amap: ArgumentMap, fmt: str) -> Iterator[str]:
    """The map as text in ``fmt``, in pieces made as they are written (see ``write_chunks``)."""
    from argmap.interchange.formats import FormatError, write_chunks

    try:
        return write_chunks(amap, fmt)
    except FormatError as problem:
        fail(str(problem))


@app.command()
def convert(
    source: Annotated[
        str, typer.Argument(help="The map to read ('-' for standard input).", show_default=False, metavar="SOURCE")
    ],
    target: Annotated[
        str, typer.Argument(help="The file to write ('-' for standard output).", show_default=False, metavar="TARGET")
    ],
    from_format: FromOption = None,
    to_format: ToOption = None,
    as_json: JsonOption = False,
) -> None:
    """Convert a map between formats, picked from the file extensions.

    Reads Argdown (.argdown), AIF JSON (.aif, .aif.json or sniffed .json), Kialo text
    exports (.txt) and argmap JSON (.json); writes Argdown, Argdown JSON
    (.argdown.json), AIF, argmap JSON, GraphML (.graphml), node-link JSON
    (.nodelink.json), Mermaid (.mmd) and DOT (.dot).  When the input has errors, the
    errors are printed and nothing is written (exit 1).

    \b
    Example: argmap export --to aif -o map.aif.json && argmap convert map.aif.json map.argdown
    """
    from argmap.interchange.formats import FormatError, check_format, format_of

    try:
        out_format = (
            check_format(to_format, True)
            if to_format
            else format_of(target, writing=True)
            if target != "-"
            else "argdown"
        )
        if from_format:
            check_format(from_format, False)
    except FormatError as problem:
        fail(str(problem))
    amap, diagnostics = _read_without_errors(source, from_format, "nothing written")
    _emit(_render(amap, out_format), target)
    if as_json:
        from argmap.interchange.formats import conversion_record

        OUT.json(conversion_record(source, target, out_format, amap, diagnostics))
    elif target != "-":
        wrote(target, out_format, map_size(amap))


@app.command()
def export(
    to_format: Annotated[
        str,
        typer.Option("--to", help=f"Output format: {', '.join(WRITE_FORMATS)}.", show_default=False, metavar="FORMAT"),
    ],
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Write to this file instead of standard output.", metavar="FILE"),
    ] = None,
    file: MapArgument = None,
    map_path: MapOption = None,
    from_format: FromOption = None,
) -> None:
    """Export the map (the shipped one, or --map FILE) to another format, on standard output.

    Refuses a map with errors (exit 1) rather than exporting half of it.

    \b
    Example: argmap export --to argdown-json > map.json
    """
    from argmap.api import default_map_path
    from argmap.interchange.formats import FormatError, check_format

    try:
        check_format(to_format, True)
    except FormatError as problem:
        fail(str(problem))
    chosen = map_source(map_path, file)
    path = chosen if chosen is not None else str(default_map_path())
    amap, _ = _read_without_errors(path, from_format, "nothing exported")
    _emit(_render(amap, to_format), output)
    if output is not None and output != "-":
        wrote(output, to_format, map_size(amap))


def _read_without_errors(path: str, from_format: str | None, refusal: str) -> tuple[ArgumentMap, list[Diagnostic]]:
    """Read a map; on errors print them and exit 1, so nothing half-read is written."""
    from argmap.argdown.fmt import reading_errors

    loaded = read_map(path, lint=False, fmt=from_format)
    amap, diagnostics = loaded.amap, loaded.diagnostics
    for d in diagnostics:
        if d.code in FATAL_CODES:  # unreadable or not a map: one line and exit 2, as every command says it
            fail(f"{d.span}: {d.message}" if d.span is not None else d.message)
    errors = reading_errors(diagnostics)
    if errors:
        _print_diagnostics(errors, loaded.text)
        fail(f"{path} has {plural(len(errors), 'error')}; {refusal}", 1)
    return amap, diagnostics


def _emit(text: Iterable[str], target: str | None) -> None:
    """Write to standard output (None or ``-``) or atomically to the file ``target``.

    The pieces are written as they are made, so the whole document need not be in memory.
    A failed write is an error (exit 2), not a quiet half-written success: on standard
    output that is a reader that was gone before the output started, or a full disk, which
    would otherwise surface as a broken pipe or "internal error" after the write.  A reader
    that goes away after taking some of the output (``argmap export ... | head``) is no
    failure, as for every command: the first line is written alone, to tell the two apart."""
    from argmap.interchange.formats import write_atomic_chunks

    if target is None or target == "-":
        if sys.stdout is None:  # started with standard output closed
            fail("cannot write to standard output: it is closed")
        started = False
        try:
            for piece in text:
                if not started:
                    head, newline, piece = piece.partition("\n")
                    OUT.document(head + newline)
                    started = True
                OUT.document(piece)
        except OSError as problem:
            OUT.discard()
            if started and isinstance(problem, BrokenPipeError):
                return  # the reader took what it wanted and went away
            reason = "the reader closed the pipe" if isinstance(problem, BrokenPipeError) else problem.strerror
            fail(f"cannot write to standard output: {reason or problem}; the output is incomplete")
        return
    try:
        write_atomic_chunks(Path(target), text)
    except OSError as problem:
        fail(f"cannot write {target}: {problem.strerror or problem}")


@app.command()
def fmt(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Argdown or Markdown files to format in place ('-': standard input to standard output).",
            show_default=False,
            metavar="FILE...",
        ),
    ],
    check: Annotated[bool, typer.Option("--check", help="Change nothing; exit 1 if a file is not formatted.")] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Change nothing; print what would change as a unified diff (exit 1 if any).")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Rewrite Argdown files in argmap's canonical layout, without changing their meaning.

    Relations indented four spaces per level with the short symbols (+ - _ +> -> _> ><),
    one blank line between blocks, one element per line, data blocks as {key: value}.
    The new text is parsed and compared with the old map before anything is written; a
    file is replaced atomically, and left untouched on any error.  Comments are kept:
    one on a line of its own before the line that followed it (at its indentation inside
    a relation tree or PCS), one beside Argdown text at the end of its element's line.
    Refused: files with errors, and the rare comment that would move out of its order
    (the line is named).  In a Markdown file (.md, .markdown, .qmd) only the Argdown
    code fences are formatted; every other byte stays as it is.

    \b
    Example: argmap export --to argdown -o map.argdown && argmap fmt --check map.argdown
    """
    from argmap.argdown.fmt import format_document
    from argmap.interchange.formats import write_atomic

    if diff and as_json:
        fail("--diff prints a diff and --json prints JSON: choose one")
    if sum(str(path) == "-" for path in files) > 1:
        fail("standard input can be formatted once: give '-' once")
    results: list[dict[str, Any]] = []
    failed = False
    for path in files:
        name = "<stdin>" if str(path) == "-" else str(path)
        try:
            data = sys.stdin.buffer.read() if str(path) == "-" else path.read_bytes()
            text = data.decode("utf-8")
        except (OSError, UnicodeDecodeError) as problem:
            fail(f"cannot read {name}: {getattr(problem, 'strerror', None) or problem}")
        result = format_document(text, name)
        if result.refusal is not None:
            if result.refusal.diagnostics:
                _print_diagnostics(list(result.refusal.diagnostics), text)
            fail(result.refusal.message)
        formatted, changed = result.text, result.changed
        results.append({"file": str(path), "changed": changed})
        if diff and changed:
            OUT.lines(_unified_diff(text, formatted, name))
        if check or diff:
            if changed:
                failed = True
                if not as_json and not diff:
                    OUT.text(f"would reformat {name}")
            continue
        if str(path) == "-":
            if not as_json:
                _emit(formatted, "-")
            continue
        if changed:
            try:
                write_atomic(path, formatted)
            except OSError as problem:
                fail(f"cannot write {path}: {problem.strerror or problem}")
            if not as_json:
                OUT.text(f"reformatted {path}")
    if as_json:
        OUT.json(stamped("formatting", {"check": check, "files": results}))
    if failed:
        raise typer.Exit(1)


def _unified_diff(old: str, new: str, name: str) -> list[str]:
    """The change from ``old`` to ``new`` as unified diff lines, as ``diff -u`` prints them."""
    import difflib

    lines = difflib.unified_diff(old.splitlines(), new.splitlines(), name, f"{name} (formatted)", lineterm="")
    return list(lines)
