"""The command line: thin typer layers over the library.

``app`` is the one typer application; each module of this package registers its
commands on it.  Heavy modules (pygraphviz, clingo) are imported inside the
commands that need them, so ``argmap why`` starts as fast as ``import typer``.
"""

from __future__ import annotations

from argmap.cli import core as _core  # noqa: F401  (registers commands)
from argmap.cli.common import app


def main() -> None:
    app()


__all__ = ["app", "main"]
