"""Pausing Python's cyclic garbage collector around bulk work.

Parsing and linting a large map creates millions of small objects that all stay
alive.  Each time the collector runs it rescans every one of them, looking for
unreachable cycles that do not exist, which on a large map costs more than the work
itself (``benchmarks/parse_bench.py``).  Reference counting still frees
everything as usual while the collector is paused.

Turning the collector back on is not free either: every object made while it was
off sits in the youngest generation, and the first collection after that scans all
of them.  So after bulk work the
survivors are moved to the permanent generation (:func:`gc.freeze`), which the
collector never scans.  A map holds no reference cycle (its graph is a
:class:`~argmap.map_graph.MapGraph` for that reason; a test checks it), so reference
counting still frees a map, frozen or not, once nothing refers to it.  What else the
host program had alive at that moment is frozen too: a program that needs the cyclic
collector to reclaim those objects later can call :func:`gc.unfreeze`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            if gc.get_count()[0] > FREEZE_AFTER:
                gc.freeze()
            gc.enable()


FREEZE_AFTER = 50_000
"""Objects made while paused above which the survivors are frozen rather than scanned."""
