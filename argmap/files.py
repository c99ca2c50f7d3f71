"""Writing output files safely: one atomic write for every command that writes, of bytes
whole or in pieces (and text made into pieces of a few hundred lines)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import suppress
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def write_atomic(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write ``data`` (bytes, or pieces of bytes written as they come, so that a large
    output need not be whole in memory) to a temporary file beside ``path`` and rename it over ``path``:
    ``path`` is either untouched or completely replaced.  An existing file keeps its
    permissions; a new one gets the usual ones (0666 less the umask), not mkstemp's 0600.
    Raises :class:`OSError`."""
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, bytes | bytearray):
                handle.write(data)
            else:
                for piece in data:
                    handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            with suppress(OSError):
                os.chmod(tmp, path.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


LINES_PER_PIECE = 500
"""Lines of text joined into one piece by :func:`pieces_of_lines`: a piece per line would make
writing slow (a call, an encode and a write each), a whole document would have to be in memory."""


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last one shorter).

    >>> list(batches("abcde", 2))
    [['a', 'b'], ['c', 'd'], ['e']]
    """
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def pieces_of_lines(lines: Iterable[str], per_piece: int = LINES_PER_PIECE) -> Iterator[str]:
    """The text of ``lines``, each ended by a line break, in pieces of ``per_piece`` lines.

    >>> list(pieces_of_lines(["a", "b", "c"], per_piece=2))
    ['a\\nb\\n', 'c\\n']
    """
    return ("\n".join(batch) + "\n" for batch in batches(lines, per_piece))
