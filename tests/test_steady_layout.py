"""``dot`` steadied on maps above STEADY_MAP nodes: only the edges that go one level down
(breadth first below the top claims) set the ranks, so a tangled map is laid out in a few
ranks (its levels) instead of one rank per link of its longest chain of reasons; smaller
maps are written as before (the golden DOT files), larger ones get the fast layout."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import ROOT

import argmap
from argmap.model import ArgumentMap
from argmap.views import graphviz
from argmap.views.graphviz import LARGE_MAP, STEADY_MAP, build_drawing
from argmap.views.layered import levels

EDGE = re.compile(r"^  (n\d+) -> (n\d+) \[(.*)\];$", re.MULTILINE)


def generated(statements: int) -> ArgumentMap:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from gen_argdown import generate

    amap, _ = argmap.loads(generate(statements), name="synthetic.argdown")
    return amap


def test_the_sizes_are_in_order() -> None:
    assert STEADY_MAP < 2500 < LARGE_MAP


def test_only_edges_one_level_down_set_the_ranks() -> None:
    amap = generated(300)  # 600 nodes
    drawing = build_drawing(amap)
    assert drawing.nodes > STEADY_MAP and not drawing.fast
    layer = levels(amap, list(drawing.names))[0]
    node_of = {name: node for node, name in drawing.names.items()}
    loose = tight = 0
    for upper, lower, attributes in EDGE.findall(drawing.dot):
        one_down = layer[node_of[lower]] == layer[node_of[upper]] + 1
        assert ("constraint=false" not in attributes) == one_down, (upper, lower)
        loose += not one_down
        tight += one_down
    assert loose and tight
    assert f"nslimit={graphviz.STEADY_NSLIMIT}" in drawing.dot
    assert "subgraph cluster_" in drawing.dot  # sections stay


def test_a_small_map_is_not_steadied() -> None:
    amap = generated(100)
    drawing = build_drawing(amap)
    assert drawing.nodes <= STEADY_MAP
    assert "constraint=false" not in drawing.dot and "nslimit" not in drawing.dot


def test_a_map_beyond_large_map_gets_the_fast_layout() -> None:
    amap = generated(LARGE_MAP // 2 + 1)
    assert build_drawing(amap, fast=None).fast


def test_the_steadied_layout_has_one_rank_per_level() -> None:
    pytest.importorskip("pygraphviz")
    import pygraphviz

    amap = generated(300)
    drawing = build_drawing(amap, legend=False)
    graph = pygraphviz.AGraph(string=drawing.dot)
    graph.layout(prog="dot")
    heights = {round(float(graph.get_node(name).attr["pos"].split(",")[1])) for name in drawing.names.values()}
    layers = set(levels(amap, list(drawing.names))[0].values())
    # Unsteadied, the ranks follow this map's longest chain of reasons, far more than its levels.
    assert len(heights) <= 2 * len(layers) < 50
    assert "splines=false" not in drawing.dot  # curved edges, as for any dot layout
