"""clingo's crux search gives exactly what trying every subset gives, on random maps and
on the shipped map."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.model import ArgumentMap
from argmap.semantics.whatif import cruxes, cruxes_by_subsets

sys.path.insert(0, str(Path(__file__).parent))
from test_semantics_map_properties import maps


@settings(max_examples=200, deadline=None)
@given(maps(), st.integers(1, 4), st.data())
def test_solver_and_subsets_agree_on_random_maps(amap: ArgumentMap, k: int, data: st.DataObject) -> None:
    claim = data.draw(st.sampled_from(list(amap.graph.nodes)))
    assert cruxes(amap, claim, k) == cruxes_by_subsets(amap, claim, k)


def test_solver_and_subsets_agree_on_the_shipped_map() -> None:
    amap, _ = argmap.load(Path(__file__).parent.parent / "data" / "syria-ceasefire-2016.argdown")
    for claim in ("[Back to the table]", "[Only temporary]", "[No military solution]", "[Eventually back]"):
        assert cruxes(amap, claim, 3) == cruxes_by_subsets(amap, claim, 3), claim
