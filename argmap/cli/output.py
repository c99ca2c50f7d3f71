"""The command line's one channel to the user: :data:`OUT`.

Results go to standard output as plain lines, rich renderables, JSON or bytes;
messages (errors, warnings, notes, diagnostics) go to standard error.  Every command
prints through this object, so that how argmap writes (colour, width, chunking, the
``argmap:`` prefix of messages) is decided in one place.

Rich is imported only when something is rendered with it: piped output of ``show``
and ``why`` goes out as plain lines (the same text), and a process that never needs
rich does not pay for importing it.
"""

from __future__ import annotations

import builtins
import os
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console, RenderableType


class Output:
    """Standard output and standard error, as argmap writes them."""

    color: str = "auto"
    """``auto`` (colour on a terminal, unless ``NO_COLOR`` is set or ``FORCE_COLOR``
    asks for it anyway), ``always`` or ``never``: the ``--color`` option."""

    # -- results, on standard output ----------------------------------------

    def lines(self, lines: Iterable[str]) -> None:
        """Plain lines, written in chunks (one write per line is slow on long outputs)."""
        write = sys.stdout.write
        chunk: list[str] = []
        for line in lines:
            chunk.append(line)
            if len(chunk) >= 4096:
                chunk.append("")
                write("\n".join(chunk))
                chunk.clear()
        if chunk:
            chunk.append("")
            write("\n".join(chunk))

    def text(self, text: str) -> None:
        """One line (or several joined by newlines) of plain text."""
        sys.stdout.write(text + "\n")

    def render(self, renderable: RenderableType, soft_wrap: bool = False) -> None:
        """A rich renderable (a tree, a table, styled text), wrapped to the console's width.

        Without colour (piped or redirected), the lines are written without the padding
        rich adds to fill the width: a pipe gets no trailing spaces."""
        console = self.console
        if console.color_system is not None or console.is_terminal:
            console.print(renderable, soft_wrap=soft_wrap)
            return
        with console.capture() as captured:
            console.print(renderable, soft_wrap=soft_wrap)
        self.lines(line.rstrip() for line in captured.get().splitlines())

    def json(self, data: Any) -> None:
        """``data`` as indented JSON (deep trees included: see :func:`argmap.views.tree.to_json`)."""
        from argmap.views.tree import to_json

        sys.stdout.write(to_json(data) + "\n")

    def document(self, text: str) -> None:
        """A whole document (an export) as it is, flushed; a failed write raises :class:`OSError`."""
        sys.stdout.write(text)
        sys.stdout.flush()

    def binary(self, data: bytes) -> None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()

    # -- messages, on standard error -----------------------------------------

    def error(self, message: str) -> None:
        sys.stderr.write(f"argmap: error: {message}\n")

    def warning(self, message: str) -> None:
        sys.stderr.write(f"argmap: warning: {message}\n")

    def note(self, message: str) -> None:
        sys.stderr.write(f"argmap: note: {message}\n")

    def message(self, text: str) -> None:
        """A line on standard error as it is (a diagnostic, a progress line, a tool's own message)."""
        sys.stderr.write(text + "\n")
        sys.stderr.flush()

    # -- how -----------------------------------------------------------------

    @property
    def console(self) -> Console:
        """A rich console on standard output: wraps to the terminal (80 columns when piped),
        honours NO_COLOR.  Made at each use, so it follows the streams and environment of
        the moment (a test runner swaps them between commands)."""
        from rich.console import Console

        if self.color == "always":
            return Console(highlight=False, soft_wrap=False, force_terminal=True, no_color=False)
        if self.color == "never":
            return Console(highlight=False, soft_wrap=False, color_system=None)
        return Console(highlight=False, soft_wrap=False)

    def plain_width(self) -> int | None:
        """The width :attr:`console` would wrap to, when it would certainly print without
        colour; None when it might colour (then ask :attr:`console`).

        Deciding this without rich saves importing it when the output goes to a pipe or
        a file.  It follows rich's own rules for a console on standard output: no colour
        unless standard output is a terminal, or the environment sets ``FORCE_COLOR`` or
        ``TTY_COMPATIBLE``, or this is Jupyter; the width is ``COLUMNS``, else that of the
        first terminal among standard input, output and error, else 80.  Anything unusual
        (Windows, ``COLUMNS=0``) is left to rich."""
        if self.color == "always":
            return None
        if self.color == "never":
            return self._width()
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
        return self._width()

    def _width(self) -> int | None:
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

    def flush(self) -> None:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()

    def discard(self) -> None:
        """Point standard output at /dev/null after a failed write (or a reader that went
        away), so that the interpreter's final flush of what is still buffered neither
        fails again nor prints a second error."""
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(devnull, sys.stdout.fileno())
            finally:
                os.close(devnull)
        except (OSError, ValueError, AttributeError):  # not a real file (a test's capture): nothing to lose
            pass


def env_width() -> int | None:
    """``COLUMNS`` when set (tests and scripts pin the width with it)."""
    value = os.environ.get("COLUMNS", "")
    # Six digits at most: Python refuses to convert thousands, and no screen is wider.
    return int(value) if value.isascii() and value.isdigit() and len(value) <= 6 else None


OUT = Output()
"""The one channel every command prints through."""

__all__ = ["OUT", "Output", "env_width"]
