"""Pausing the garbage collector around bulk work (argmap/_gc.py)."""

from __future__ import annotations

import gc

from argmap._gc import FREEZE_AFTER, paused_gc


def test_the_collector_is_off_inside_and_back_on_after() -> None:
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_survivors_of_a_large_bulk_job_are_frozen() -> None:
    gc.unfreeze()
    try:
        with paused_gc():
            kept = [[i] for i in range(FREEZE_AFTER + 1)]
        assert gc.get_freeze_count() >= len(kept)
    finally:
        gc.unfreeze()


def test_a_small_job_freezes_nothing() -> None:
    gc.unfreeze()
    gc.collect()
    with paused_gc():
        kept = [[i] for i in range(100)]
    assert gc.get_freeze_count() == 0 and len(kept) == 100
