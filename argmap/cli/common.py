"""What every command shares: the app, reading the map, resolving a CLAIM argument,
printing, and the one-line error that replaces every traceback."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from argmap import __version__
from argmap.api import default_map_path, load, loads
from argmap.cli.output import OUT
from argmap.diagnostics import Diagnostic, Severity
from argmap.model import ArgumentMap
from argmap.rules import FATAL_CODES
from argmap.rules.syntax import AM000

if TYPE_CHECKING:
    from argmap.views.tree import TreeView

app = typer.Typer(
    name="argmap",
    help=(
        "Argument maps in Argdown: show, question, validate and render them.\n\n"
        "Every command reads the shipped map unless given a MAP (or --map MAP; - is standard input).\n\n"
        "Example: argmap why 'back to the table'"
    ),
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        OUT.text(f"argmap {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", help="Print the version and exit.", callback=_version, is_eager=True),
    ] = False,
    color: Annotated[
        str,
        typer.Option(
            "--color",
            help="Colour: auto (on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it), always or never.",
            metavar="WHEN",
        ),
    ] = "auto",
) -> None:
    """Argument maps in Argdown: show, question, validate and render them."""
    # A plain string rather than an enum: typer converts enums with pydantic, whose import
    # costs every command's start-up.
    if color not in ("auto", "always", "never"):
        raise typer.BadParameter(f"'{color}' is not auto, always or never", param_hint="--color")
    OUT.color = color


MapOption = Annotated[
    str | None,
    typer.Option(
        "--map",
        "-m",
        help="The map to read, in any format argmap reads ('-' for standard input). Default: the shipped map.",
        metavar="PATH",
    ),
]


MapArgument = Annotated[
    str | None,
    typer.Argument(help="The map to read, as with --map.", metavar="MAP", show_default=False),
]
FromOption = Annotated[
    str | None,
    typer.Option(
        "--from",
        help="Format of the map: argdown, argmap-json, aif, kialo or markdown. Default: told from the file.",
        metavar="FORMAT",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts instead of text.")]
NoLabelsOption = Annotated[
    bool, typer.Option("--no-labels", help="Do not evaluate the map or mark claims ✔ IN / ✘ OUT / ? UNDEC.")
]

StrengthOption = Annotated[
    str | None,
    typer.Option(
        "--strength",
        help="Show each claim's score under this gradual semantics: dfquad, quadratic-energy, euler or "
        "h-categorizer (see argmap strength).",
        metavar="SEMANTICS",
    ),
]


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


def read_map(map_path: str | None, lint: bool = True, fmt: str | None = None) -> LoadedMap:
    """Load ``--map`` (``-`` is standard input, None the shipped map) in the format
    ``fmt`` (None: told from the file).

    ``lint=False`` only reads: the commands that show a map do not need the lint
    rules, which cost as much time as reading on a large map."""
    from argmap.interchange.formats import FormatError

    try:
        if map_path == "-":
            data = sys.stdin.buffer.read()
            amap, diagnostics = loads(data, "<stdin>", format=fmt, lint=lint)
            loaded = LoadedMap(amap, diagnostics, stdin_text=data.decode("utf-8", "replace"))
        else:
            path = Path(map_path) if map_path else default_map_path()
            amap, diagnostics = load(path, format=fmt, lint=lint)
            loaded = LoadedMap(amap, diagnostics, path=path)
    except FormatError as problem:
        fail(str(problem))
    keep(loaded)
    return loaded


def map_source(option: str | None, positional: str | None) -> str | None:
    """The map a command reads: given as MAP or with ``--map`` (not both), or None for the shipped one."""
    if option is not None and positional is not None and option != positional:
        fail("give the map once: as MAP or with --map, not both")
    return positional if positional is not None else option


_kept: list[object] = []


def keep(*objects: object) -> None:
    """Keep ``objects`` (a map, its labels, a view) alive until :func:`finish` ends the process.

    Only when argmap is the program (``argmap ...`` or ``python -m argmap ...``): a test
    or another program calling the commands frees them as usual."""
    if is_program():
        _kept.extend(objects)


def finish(code: int) -> NoReturn:
    """End the command line with exit status ``code``: the one way argmap's process ends.

    When argmap is the program and a command kept a map (:func:`keep`), the output is
    flushed and the process ends here (``os._exit``): the interpreter's normal exit
    would free the map object by object, which takes seconds on a large map, and the
    operating system reclaims the memory at once.  A reader that went away is no
    failure (exit 0); a flush that fails otherwise (a full disk) is an error (exit 2)."""
    if _kept and is_program():
        try:
            OUT.flush()
        except BrokenPipeError:  # the reader went away: see argmap.cli.main
            OUT.discard()
            code = 0
        except OSError as problem:
            OUT.discard()
            OUT.error(f"cannot write to standard output: {problem.strerror or problem}; the output is incomplete")
            code = 2
        os._exit(code)
    _kept.clear()
    raise SystemExit(code)


def is_program() -> bool:
    """Whether argmap's command line is this process's program, not a library call."""
    main = sys.modules.get("__main__")
    spec = getattr(main, "__spec__", None)
    return (spec is not None and spec.name == "argmap.__main__") or Path(sys.argv[0]).name == "argmap"


def open_map(map_path: str | None, fmt: str | None = None) -> LoadedMap:
    """:func:`read_map` for the commands that show a map: unreadable input ends the command
    with one line on standard error and exit status 2."""
    if map_path is None and not default_map_path().is_file():
        fail(f"the shipped map {default_map_path().name} is missing; pass --map FILE")
    loaded = read_map(map_path, lint=False, fmt=fmt)
    for d in loaded.diagnostics:
        if d.code in FATAL_CODES:
            where = f"{d.span}: " if d.span is not None else ""
            more = "" if d.code == AM000.code else " (argmap validate shows every problem)"
            fail(f"{where}{d.message}{more}")
    if not loaded.amap.statements and not loaded.amap.arguments:
        first_error = next((d for d in loaded.diagnostics if d.severity is Severity.ERROR), None)
        if first_error is not None:  # nothing was read because the input could not be (a wrong --from, say)
            where = f"{first_error.span}: " if first_error.span is not None else ""
            fail(f"{where}{first_error.message} (argmap validate shows every problem)")
        fail(f"{loaded.amap.source_name} holds no map: no statements and no arguments", 1)
    errors = sum(1 for d in loaded.diagnostics if d.severity is Severity.ERROR)
    if errors:
        # The map is still shown, but never silently: part of the file was not understood.
        name = loaded.amap.source_name
        plural = "error" if errors == 1 else "errors"
        OUT.warning(
            f"{name} has {errors} syntax {plural}; the map may be incomplete (argmap validate -m {name} shows them)"
        )
    return loaded


def fail(message: str, code: int = 2) -> NoReturn:
    """Print ``argmap: error: message`` on standard error and exit with ``code``."""
    OUT.error(message)
    raise typer.Exit(code)


def wrote(target: str, fmt: str, contents: str) -> None:
    """The one line every command that writes a file says: ``wrote map.svg (svg: 12 nodes, 14 edges)``."""
    OUT.message(f"wrote {target} ({fmt}: {contents})")


def map_size(amap: ArgumentMap) -> str:
    """``81 statements, 14 arguments``."""
    from argmap.views.words import plural

    return f"{plural(len(amap.statements), 'statement')}, {plural(len(amap.arguments), 'argument')}"


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
        OUT.note(f"claims are shown without labels ({error})")
        return None
    keep(labels)
    return labels


def gradual_or_fail(semantics: str) -> str:
    """The gradual semantics named (any case), or the error line and exit status 2."""
    from argmap.semantics.strength import GRADUAL

    name = semantics.strip().lower()
    if name not in GRADUAL:
        fail(f"unknown gradual semantics '{semantics}'; choose {', '.join(GRADUAL)}")
    return name


def strength_in(view: TreeView, amap: ArgumentMap, semantics: str | None) -> None:
    """Give every node of ``view`` its score under the gradual ``semantics``, when asked
    (:func:`argmap.views.annotate.strength_in`), saying when the scores did not settle."""
    if semantics is None:
        return
    from argmap.views import annotate

    name = gradual_or_fail(semantics)
    try:
        result = annotate.strength_in(view, amap, name)
    except ValueError as error:
        fail(str(error))
    if not result.converged:
        OUT.warning(f"the {name} scores did not settle within {result.iterations} iterations")


def claim_or_fail(amap: ArgumentMap, claim: str) -> str:
    """:func:`resolve_claim`, turning an :class:`~argmap.queries.Unresolved` into the error line (and the
    candidates of an ambiguous claim, one per line) and exit status 2."""
    from argmap.queries import Unresolved, resolve_claim

    try:
        return resolve_claim(amap, claim)
    except Unresolved as error:
        message = str(error)
        if error.ambiguous:
            shown = error.candidates[:20]
            more = len(error.candidates) - len(shown)
            lines = "".join(f"  {c}\n" for c in shown)
            if more:
                lines += f"  ... and {more} more\n"
            OUT.error(f"{message}; say which:\n{lines.rstrip()}")
            raise typer.Exit(2) from None
        fail(message)


def name_or_fail(resolve: Callable[[ArgumentMap, str], str], amap: ArgumentMap, name: str | None) -> str | None:
    """A tag or section named on the command line, resolved (see :func:`argmap.queries.resolve_tag`), or None."""
    from argmap.queries import Unresolved

    if name is None:
        return None
    try:
        return resolve(amap, name)
    except Unresolved as error:
        if error.ambiguous:
            fail(f"{error}: {', '.join(error.candidates)}")
        fail(str(error))


def _completion_map(ctx: typer.Context) -> ArgumentMap | None:
    """The map a command line being completed names (``--map`` or MAP), or the shipped one; None if unreadable."""
    try:
        given = ctx.params.get("map_path") or ctx.params.get("file")
        path = Path(given) if isinstance(given, str) and given != "-" else default_map_path()
        if not path.is_file():
            return None
        return load(path, lint=False)[0]  # no lint: completion must be quick
    except Exception:
        return None


def completions(names: list[str], incomplete: str) -> list[str]:
    """The names that start with ``incomplete``, in any case as lookups match, each as the
    typed part followed by the rest of the name with the shell's special characters
    escaped: ``argmap why sunk<TAB>`` becomes ``argmap why sunk\\ costs``, one word that
    names the claim.  (typer keeps only completions that start with what was typed.)"""
    lowered = incomplete.lower()
    return [
        incomplete + _SHELL_SPECIAL.sub(r"\\\g<0>", n[len(incomplete) :])
        for n in names
        if n.lower().startswith(lowered)
    ]


_SHELL_SPECIAL = re.compile(r"[\s'\"\\$`!&;()<>|*?\[\]#~{}]")


def complete_claim(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion for CLAIM: the titles of the map being read."""
    amap = _completion_map(ctx)
    if amap is None:
        return []
    return completions(list(amap.statements) + list(amap.arguments), incomplete)


ClaimArgument = Annotated[
    str,
    typer.Argument(
        help="The claim: [Title], <Title>, a title or a unique piece of its text (any case).",
        metavar="CLAIM",
        autocompletion=complete_claim,
        show_default=False,
    ),
]


def complete_tag(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion for --tag: the tags of the map being read."""
    from argmap.queries import tags

    amap = _completion_map(ctx)
    return [] if amap is None else completions(tags(amap), incomplete)


def complete_section(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion for --section: the section titles of the map being read."""
    amap = _completion_map(ctx)
    return [] if amap is None else completions(list(dict.fromkeys(s.title for s in amap.sections.values())), incomplete)


def complete_semantics(incomplete: str) -> list[str]:
    from argmap.semantics.evaluation import SEMANTICS

    return completions(list(SEMANTICS), incomplete)


def complete_rule(incomplete: str) -> list[str]:
    from argmap.rules import registered

    return completions(list(registered()), incomplete)
