"""``argmap convert``, ``argmap export`` and ``argmap fmt``: other formats in and out."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from argmap.cli.common import JsonOption, MapOption, app, fail, print_json
from argmap.diagnostics import Diagnostic, format_diagnostic
from argmap.interchange.formats import READ_FORMATS, WRITE_FORMATS
from argmap.model import ArgumentMap

FromOption = Annotated[
    str | None,
    typer.Option("--from", "-f", help=f"Input format ({', '.join(READ_FORMATS)}); default: from the extension."),
]
ToOption = Annotated[
    str | None,
    typer.Option("--to", "-t", help=f"Output format ({', '.join(WRITE_FORMATS)}); default: from the extension."),
]


def _print_diagnostics(diagnostics: list[Diagnostic], text: str, limit: int = 20) -> None:
    for d in diagnostics[:limit]:
        sys.stderr.write(format_diagnostic(d, text or None) + "\n")
    if len(diagnostics) > limit:
        sys.stderr.write(f"... and {len(diagnostics) - limit} more\n")


def _read(path: str, fmt: str | None) -> tuple[Any, list[Diagnostic], str]:
    from argmap.interchange.formats import FormatError, read_path, read_text

    try:
        if path == "-":
            data = sys.stdin.buffer.read().decode("utf-8", "replace")
            amap, diagnostics = read_text(data, fmt or "argdown", "<stdin>")
            return amap, diagnostics, data
        return read_path(Path(path), fmt)
    except FormatError as problem:
        fail(str(problem))


def _render(amap: Any, fmt: str) -> str:
    from argmap._gc import paused_gc
    from argmap.interchange.formats import FormatError, writer

    try:
        render = writer(fmt)
    except FormatError as problem:
        fail(str(problem))
    with paused_gc():  # millions of small objects that all stay alive: see argmap._gc
        return render(amap)


@app.command()
def convert(
    source: Annotated[str, typer.Argument(help="The map to read ('-' for standard input).", show_default=False)],
    target: Annotated[str, typer.Argument(help="The file to write ('-' for standard output).", show_default=False)],
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

    Example: argmap convert debate.aif.json debate.argdown
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
        print_json(
            {
                "input": source,
                "output": target,
                "to": out_format,
                "statements": len(amap.statements),
                "arguments": len(amap.arguments),
                "warnings": [d.to_dict() for d in diagnostics],
            }
        )
    elif target != "-":
        sys.stderr.write(
            f"wrote {target} ({out_format}: {len(amap.statements)} statements, {len(amap.arguments)} arguments)\n"
        )
    _finish_fast()


@app.command()
def export(
    to_format: Annotated[
        str, typer.Option("--to", "-t", help=f"Output format: {', '.join(WRITE_FORMATS)}.", show_default=False)
    ],
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="Write to this file instead of standard output.")
    ] = None,
    map_path: MapOption = None,
    from_format: FromOption = None,
) -> None:
    """Export the map (the shipped one, or --map FILE) to another format, on standard output.

    Refuses a map with errors (exit 1) rather than exporting half of it.

    Example: argmap export --to argdown-json -m debate.argdown > debate.json
    """
    from argmap.api import default_map_path
    from argmap.interchange.formats import FormatError, check_format

    try:
        check_format(to_format, True)
    except FormatError as problem:
        fail(str(problem))
    path = map_path if map_path is not None else str(default_map_path())
    amap, _ = _read_without_errors(path, from_format, "nothing exported")
    _emit(_render(amap, to_format), output)
    _finish_fast()


def _read_without_errors(path: str, from_format: str | None, refusal: str) -> tuple[ArgumentMap, list[Diagnostic]]:
    """Read a map; on errors print them and exit 1, so nothing half-read is written."""
    from argmap.argdown.fmt import reading_errors

    amap, diagnostics, text = _read(path, from_format)
    errors = reading_errors(diagnostics)
    if errors:
        _print_diagnostics(errors, text)
        fail(f"{path} has {len(errors)} error(s); {refusal}", 1)
    return amap, diagnostics


def _emit(text: str, target: str | None) -> None:
    """Write to standard output (None or ``-``) or atomically to the file ``target``.

    A failed write is an error (exit 2), not a quiet half-written success: on standard
    output that is a reader that went away (``argmap export ... | head``) or a full disk,
    which would otherwise surface as a broken pipe or "internal error" after the write."""
    from argmap.interchange.formats import write_atomic

    if target is None or target == "-":
        stream = sys.stdout
        if stream is None:  # started with standard output closed
            fail("cannot write to standard output: it is closed")
        try:
            stream.write(text)
            stream.flush()
        except OSError as problem:
            _discard_stdout()
            reason = "the reader closed the pipe" if isinstance(problem, BrokenPipeError) else problem.strerror
            fail(f"cannot write to standard output: {reason or problem}; the output is incomplete")
        return
    try:
        write_atomic(Path(target), text)
    except OSError as problem:
        fail(f"cannot write {target}: {problem.strerror or problem}")


def _discard_stdout() -> None:
    """Point standard output at /dev/null after a failed write, so that the interpreter's
    final flush of what is still buffered neither fails again nor prints a second error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, sys.stdout.fileno())
        finally:
            os.close(devnull)
    except (OSError, ValueError, AttributeError):  # not a real file (a test's capture): nothing buffered to lose
        pass


def _finish_fast() -> None:
    """End the process at once, now that the output is written and flushed, when argmap
    itself is the program (not a test runner or another program that called the command).

    Kept because it measurably helps: the interpreter's normal exit frees the map object
    by object (0.06 s at 10,000 statements) and tears the interpreter down; the whole
    export takes 0.95 s with this and 1.04 s without (medians of 7 runs, 2026-11-26).  The
    operating system reclaims the memory at once.  Only called after everything was
    written: _emit has flushed standard output and turned a failed write into an error,
    and this flushes both streams again (the --json summary) before leaving."""
    main = sys.modules.get("__main__")
    spec = getattr(main, "__spec__", None)
    is_argmap = (spec is not None and spec.name == "argmap.__main__") or Path(sys.argv[0]).name == "argmap"
    if not is_argmap:
        return
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
        if sys.stderr is not None:
            sys.stderr.flush()
    except OSError as problem:  # e.g. the --json summary no longer fits on the disk
        _discard_stdout()
        fail(f"cannot write to standard output: {problem.strerror or problem}; the output is incomplete")
    os._exit(0)


@app.command()
def fmt(
    files: Annotated[list[Path], typer.Argument(help="Argdown files to format in place.", show_default=False)],
    check: Annotated[bool, typer.Option("--check", help="Change nothing; exit 1 if a file is not formatted.")] = False,
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
    (the line is named).

    Example: argmap fmt debate.argdown --check
    """
    from argmap.argdown.fmt import format_text
    from argmap.interchange.formats import write_atomic

    results: list[dict[str, Any]] = []
    failed = False
    for path in files:
        try:
            text = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as problem:
            fail(f"cannot read {path}: {getattr(problem, 'strerror', None) or problem}")
        result = format_text(text, str(path))
        if result.refusal is not None:
            if result.refusal.diagnostics:
                _print_diagnostics(list(result.refusal.diagnostics), text)
            fail(result.refusal.message)
        formatted, changed = result.text, result.changed
        results.append({"file": str(path), "changed": changed})
        if check:
            if changed:
                failed = True
                if not as_json:
                    sys.stdout.write(f"would reformat {path}\n")
            continue
        if changed:
            try:
                write_atomic(path, formatted)
            except OSError as problem:
                fail(f"cannot write {path}: {problem.strerror or problem}")
            if not as_json:
                sys.stdout.write(f"reformatted {path}\n")
    if as_json:
        print_json({"check": check, "files": results})
    if failed:
        raise typer.Exit(1)
