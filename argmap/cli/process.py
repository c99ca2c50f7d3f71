"""What belongs to the process, not the library: file descriptor 2 while Graphviz draws."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def captured_stderr() -> Iterator[list[str]]:
    """Capture what C code (Graphviz) writes to file descriptor 2 while the block runs;
    the lines are in the yielded list once it ends.  Where descriptor 2 cannot be
    duplicated (an embedding host without one), nothing is captured."""
    messages: list[str] = []
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):
        yield messages
        return
    with tempfile.TemporaryFile() as capture:
        os.dup2(capture.fileno(), 2)
        try:
            yield messages
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            capture.seek(0)
            messages.extend(capture.read().decode("utf-8", "replace").splitlines())
