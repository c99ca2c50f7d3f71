"""What every command shares: the app, reading the map, resolving a CLAIM argument,
printing, and the one-line error that replaces every traceback."""

from __future__ import annotations

import builtins
import gc
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from argmap import __version__
from argmap.api import default_map_path, load
from argmap.argdown import parse_bytes, parse_file
from argmap.diagnostics import Diagnostic, Severity, closest
from argmap.model import ArgumentMap

if TYPE_CHECKING:
    from rich.console import Console

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
        loaded = LoadedMap(amap, diagnostics, stdin_text=data.decode("utf-8", "replace"))
    else:
        path = Path(map_path) if map_path else default_map_path()
        amap, diagnostics = load(path) if lint else parse_file(path)
        loaded = LoadedMap(amap, diagnostics, path=path)
    # The map lives until the process ends: take its objects out of the collector's
    # sight, or every later collection rescans them all (the parser already does so
    # after a large parse; this covers every map).
    gc.freeze()
    keep(loaded)
    return loaded


LARGE_MAP = 10_000
"""Nodes above which the command line ends without freeing the map (see :func:`finish`)."""

_kept: list[object] = []


def keep(*objects: object) -> None:
    """Keep ``objects`` (a map, its labels, a view) alive until :func:`finish` ends the process.

    Only when argmap is the program (``argmap ...`` or ``python -m argmap ...``): a test
    or another program calling the commands frees them as usual."""
    if is_program():
        _kept.extend(objects)


def finish(code: int) -> NoReturn:
    """End the command line with exit status ``code``.

    Freeing a large map object by object at exit takes about a second at 100,000
    statements, and the operating system reclaims the memory at once anyway: so when
    :func:`keep` holds a map of more than :data:`LARGE_MAP` nodes, the output is flushed
    and the process ends here (``os._exit``, which skips the interpreter's clean-up)."""
    large = any(isinstance(o, LoadedMap) and len(o.amap.graph) > LARGE_MAP for o in _kept)
    if large:
        try:
            sys.stdout.flush()
        except BrokenPipeError:  # the reader went away: not an error (see argmap.cli.main)
            code = 0
        try:
            sys.stderr.flush()
        finally:
            os._exit(code)
    _kept.clear()
    raise SystemExit(code)


def is_program() -> bool:
    """Whether argmap's command line is this process's program, not a library call."""
    main = sys.modules.get("__main__")
    spec = getattr(main, "__spec__", None)
    return (spec is not None and spec.name == "argmap.__main__") or Path(sys.argv[0]).name == "argmap"


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


_TYPER_HOOK = "build_runtime_param"
"""The function in ``typer.core`` that makes a parameter's converter (typer 0.2x)."""


@contextmanager
def plain_coercion() -> Iterator[None]:
    """While the command line runs, convert ``str``, ``int`` and flag values without pydantic.

    typer 0.2x checks every parameter value with a pydantic ``TypeAdapter``, and
    importing pydantic takes about half of the start-up time of ``argmap why`` (0.07 s,
    against 0.14 s for ``import typer, rich, networkx``).  Every parameter of ``show`` and
    ``why`` is a string, an integer or a flag: for those this returns what pydantic
    returns for the everyday values (any string; an integer in plain digits within its
    bounds, or an int default; a flag's bool) and hands every other value to typer's own
    conversion, so results and error messages stay typer's.  It replaces typer's internal
    ``typer.core.build_runtime_param`` for the duration; with a typer that has no such
    function it changes nothing."""
    try:
        from typer import _coercion
        from typer import core as typer_core
    except ImportError:  # a typer that does not use pydantic
        original = None
    else:
        original = getattr(typer_core, _TYPER_HOOK, None)
        if original is None or original is not getattr(_coercion, _TYPER_HOOK, None) or not _known_runtime_param():
            original = None
    if original is None:
        yield
        return
    setattr(typer_core, _TYPER_HOOK, _plain_converters())
    try:
        yield
    finally:
        setattr(typer_core, _TYPER_HOOK, original)


def _known_runtime_param() -> bool:
    """Whether typer's ``RuntimeParam`` has the shape :func:`_plain_converters` was written
    for (typer 0.29): another typer keeps its own conversion rather than risk a wrong one."""
    import inspect

    from typer._coercion import RuntimeParam

    try:
        coerce = list(inspect.signature(RuntimeParam._coerce_value).parameters)
        init = list(inspect.signature(RuntimeParam.__init__).parameters)
    except (AttributeError, TypeError, ValueError):
        return False
    return coerce == ["self", "value", "param", "ctx"] and init == ["self", "parameter_info", "annotation"]


@lru_cache(maxsize=1)
def _plain_converters() -> Callable[[Any], Any]:
    """A replacement for ``typer._coercion.build_runtime_param`` (see :func:`plain_coercion`)."""
    from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param

    class PlainParam(RuntimeParam):
        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            if type(value) is self.annotation is not int:  # a string, or a flag's True / False
                return value
            # (At most 18 digits: longer ones go to typer, which reports them.)
            plain_digits = type(value) is str and value.isascii() and value.isdigit() and len(value) <= 18
            if self.annotation is int and (type(value) is int or plain_digits):
                number = int(value)  # an int default, or plain digits
                info = self.parameter_info
                if (info.min is None or number >= info.min) and (info.max is None or number <= info.max):
                    return number
            # Anything else (a sign, spaces, out of bounds, not a number): typer's own
            # conversion, so the value or the error message is exactly typer's.
            return build_runtime_param(param.type_descriptor)._coerce_value(value, param=param, ctx=ctx)

    def build(descriptor: TypeDescriptor) -> RuntimeParam:
        info = descriptor.parameter_info
        if (
            descriptor.annotation in (str, int, bool)
            and descriptor.file_annotation is None
            and info.parser is None
            and not info.clamp
        ):
            return PlainParam(parameter_info=info, annotation=descriptor.annotation)
        return build_runtime_param(descriptor)

    return build


def fail(message: str, code: int = 2) -> NoReturn:
    """Print ``argmap: error: message`` on standard error and exit with ``code``."""
    sys.stderr.write(f"argmap: error: {message}\n")
    raise typer.Exit(code)


def console(stderr: bool = False) -> Console:
    """A console that wraps to the terminal (80 columns when piped) and honours NO_COLOR."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def plain_width() -> int | None:
    """The width :func:`console` would wrap standard output to, when it would certainly
    print without colour; None when it might colour (then ask :func:`console`).

    Deciding this without rich saves importing it (a tenth of ``argmap why``'s start-up)
    when the output goes to a pipe or a file.  It follows rich's own rules for a console
    on standard output: no colour unless standard output is a terminal, or the
    environment sets ``FORCE_COLOR`` or ``TTY_COMPATIBLE``, or this is Jupyter; the width
    is ``COLUMNS``, else that of the first terminal among standard input, output and
    error, else 80.  Anything unusual (Windows, ``COLUMNS=0``) is left to rich."""
    if sys.platform == "win32" or "FORCE_COLOR" in os.environ or "TTY_COMPATIBLE" in os.environ:
        return None
    if hasattr(builtins, "get_ipython"):
        return None
    isatty = getattr(sys.stdout, "isatty", None)
    try:
        if isatty is None or isatty():
            return None
    except ValueError:  # a closed stream
        return None
    columns = env_width()
    if columns is not None:
        return columns or None
    for fd in (0, 1, 2):
        try:
            width = os.get_terminal_size(fd).columns
        except (AttributeError, ValueError, OSError):
            continue
        return width or 80
    return 80


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
    keep(labels)
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
    # Six digits at most: Python refuses to convert thousands, and no screen is wider.
    return int(value) if value.isascii() and value.isdigit() and len(value) <= 6 else None
