"""The command line: thin typer layers over the library.

``app`` is the one typer application; each module of this package registers its
commands on it (one import line each below).  Heavy modules (pygraphviz, clingo)
are imported inside the commands that need them, so ``argmap why`` starts about as
fast as ``import typer``.
"""

from __future__ import annotations

import copy
import os
import sys

import typer

from argmap.cli import core as _core  # noqa: F401  (registers commands)
from argmap.cli import diff as _diff  # noqa: F401
from argmap.cli import interchange as _interchange  # noqa: F401
from argmap.cli import lsp as _lsp  # noqa: F401
from argmap.cli import mcp as _mcp  # noqa: F401
from argmap.cli import report as _report  # noqa: F401
from argmap.cli import semantics as _semantics  # noqa: F401
from argmap.cli import strength as _strength  # noqa: F401
from argmap.cli import watch as _watch  # noqa: F401
from argmap.cli.common import app, finish
from argmap.cli.output import OUT
from argmap.cli.typer_compat import hide_argument_types, plain_coercion

hide_argument_types()


def main(argv: list[str] | None = None) -> None:
    """Run the command line; every failure ends in one line on standard error, never a traceback."""
    from typer.exceptions import TyperException

    for variable in ("COLUMNS", "LINES", "JUPYTER_COLUMNS", "JUPYTER_LINES"):
        value = os.environ.get(variable, "")
        if value.isdigit() and len(value) > 6:
            # No screen is that big, and rich would fail to turn thousands of digits
            # into a number: an absurd size counts as none.
            del os.environ[variable]
    args = sys.argv[1:] if argv is None else argv
    if not args:
        args = ["--help"]  # the usage, as --help prints it, rather than a usage error
    try:
        with plain_coercion():
            chosen = _app_for(args)
            code = chosen(args=args, prog_name="argmap", standalone_mode=False)
    except TyperException as error:  # click's usage errors (typer bundles click)
        _die(_usage_message(error), int(getattr(error, "exit_code", 2)))
    except (typer.Abort, KeyboardInterrupt):
        _die("interrupted", 130)
    except BrokenPipeError:
        # The reader went away (argmap show | head): not an error worth a message.
        # Point stdout at /dev/null so the interpreter's final flush does not complain.
        OUT.discard()
        finish(0)
    except SystemExit as ended:
        # click catches a broken pipe itself: it wraps stdout so that the last flush stays
        # quiet and exits with 1.  The reader going away is no failure (argmap show |
        # head, under "set -o pipefail"): 0, as above.
        if ended.code == 1 and type(sys.stdout).__name__ == "PacifyFlushWrapper":
            finish(0)
        raise
    except RecursionError:
        _die("the map nests too deeply for this command; try --depth N", 2)
    except MemoryError:
        _die("out of memory; try --focus CLAIM --depth N", 2)
    except Exception as error:
        _die(f"internal error: {type(error).__name__}: {error} (please report this)", 70)
    finish(code if isinstance(code, int) else 0)


def _app_for(args: list[str]) -> typer.Typer:
    """The application to run ``args``: when they start with a command's name, a copy of
    :data:`app` that has only that command.

    typer builds the click command of every registered command on each run, reading
    their signatures and evaluating their annotations, a noticeable part of what
    ``argmap why`` adds to ``import typer, rich, networkx``.  The command
    behaves the same in the copy (same group, options, help and errors); anything else
    (no command, an option first, a misspelt command, shell completion) gets the whole app."""
    if not args:
        return app
    for info in app.registered_commands:
        callback = info.callback
        name = info.name or (typer.main.get_command_name(callback.__name__) if callback else None)
        if name == args[0]:
            single = copy.copy(app)
            single.registered_commands = [info]
            return single
    return app


def _usage_message(error: Exception) -> str:
    """One line for a bad command line: the problem, a suggestion, where the help is."""
    format_message = getattr(error, "format_message", None)
    message = str(format_message() if callable(format_message) else error).strip()
    possibilities = getattr(error, "possibilities", None)
    if possibilities:
        message = message.split(" (Possible options", 1)[0].split(" Did you mean", 1)[0].rstrip(".?")
        shown = [p for p in sorted(possibilities) if p != "--help"] or sorted(possibilities)
        message += f"; did you mean {', '.join(shown)}?"
    ctx = getattr(error, "ctx", None)
    where = getattr(ctx, "command_path", None) or "argmap"
    return f"{' '.join(message.split())} (see {where} --help)"


def _die(message: str, code: int) -> None:
    OUT.error(message)
    finish(code)


__all__ = ["app", "main"]
