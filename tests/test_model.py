"""The model built by hand, and the bulk graph build the parser uses (argmap/model.py)."""

from __future__ import annotations

import gc
import pickle
import weakref

import networkx as nx

import argmap
from argmap.model import (
    NO_DATA,
    Argument,
    ArgumentMap,
    ArgumentMember,
    RelationType,
    Span,
    Statement,
    StatementMember,
)


def span(line: int) -> Span:
    return Span("hand", line, 1, line, 5)


def test_build_by_hand() -> None:
    amap = ArgumentMap()
    amap.add_statement(Statement("C", [StatementMember("Claim.", span(1), False)]))
    amap.add_statement(Statement("C", [StatementMember("", span(3), True)]))
    amap.add_argument(Argument("R", [ArgumentMember("Reason.", span(2), False)]))
    amap.add_relation(RelationType.SUPPORT, "<R>", "[C]", span(2))
    amap.add_relation(RelationType.SUPPORT, "<R>", "[C]", span(4))
    assert len(amap.statements["C"].members) == 2
    (relation,) = amap.relations_between("<R>", "[C]")
    assert [s.line for s in relation.spans] == [2, 4]
    assert amap.label("[C]") == "C"
    assert str(span(7)) == "hand:7:1"


def test_bulk_graph_equals_graph_built_edge_by_edge() -> None:
    text = "[A]: a\n  + <R>: r\n  - [B]: b\n    >< [C]: c\n\n<R>\n\n(1) [B]\n(2) p\n----\n(3) [A]\n"
    amap, _ = argmap.loads(text)
    manual: nx.DiGraph[str] = nx.DiGraph()
    for node, attrs in amap.graph.nodes(data=True):
        manual.add_node(node, **attrs)
    for u, v, attrs in amap.graph.edges(data=True):
        manual.add_edge(u, v, **attrs)
    assert nx.utils.graphs_equal(amap.graph, manual)
    assert sorted(amap.graph.predecessors("[A]")) == sorted(manual.predecessors("[A]"))
    assert nx.is_directed_acyclic_graph(amap.graph) == nx.is_directed_acyclic_graph(manual)
    amap.add_relation(RelationType.ATTACK, "[C]", "<R>", span(9))  # the built graph stays mutable
    assert amap.graph.has_edge("[C]", "<R>") and "[C]" in amap.graph.predecessors("<R>")


def test_merged_tags_and_data_across_members() -> None:
    amap, _ = argmap.loads("[T]: one #a {x: 1}\n\n[T] #b {y: 2}\n")
    statement = amap.statements["T"]
    assert statement.tags == ["a", "b"]
    assert statement.data == {"x": 1, "y": 2}
    assert statement.text == "one #a"  # Argdown keeps tags in the text


def test_a_map_is_freed_by_reference_counting_alone() -> None:
    # After a large parse argmap freezes the survivors out of the cyclic collector's
    # reach (argmap._gc), so a map must hold no reference cycle, even once networkx's
    # views (which refer back to their graph) have been used.
    amap, _ = argmap.loads("[A]: a\n  + <R>: r\n  - [B]: b\n\n<R>\n\n(1) [B]\n----\n(2) [A]\n")
    for view in (amap.graph.nodes, amap.graph.edges, amap.graph.in_edges, amap.graph.degree):
        assert len(view) > 0
    del view
    graph = weakref.ref(amap.graph)
    collecting = gc.isenabled()
    gc.disable()
    try:
        del amap
        assert graph() is None
    finally:
        if collecting:
            gc.enable()


def test_a_map_survives_pickling() -> None:
    # Maps travel between processes by pickle (multiprocessing); members without data
    # share one read-only mapping, which must come back as that same object.
    amap, _ = argmap.loads("[A]: a #t\n  + <R>: r {k: 1}\n  - [B]: b\n\n<R>\n\n(1) [B]\n----\n(2) [A]\n")
    again = pickle.loads(pickle.dumps(amap))
    assert again.statements == amap.statements and again.arguments == amap.arguments
    assert nx.utils.graphs_equal(again.graph, amap.graph)
    assert again.statements["A"].members[0].data is NO_DATA
    assert again.arguments["R"].members[0].data == {"k": 1}


def test_edge_attributes_are_relations_keyed_by_plain_type_names() -> None:
    amap, _ = argmap.loads("[A]: a\n  + <R>: r\n  - [B]: b\n\n<R>\n\n(1) [B]\n----\n(2) [A]\n")
    amap.add_relation(RelationType.CONTRADICTION, "[A]", "[B]", span(9))
    for _, _, attrs in amap.graph.edges(data=True):
        for key, relation in attrs.items():
            # Plain str keys keep CPython's compact dict layout; they still equal the enum.
            assert type(key) is str and key == relation.type
    assert RelationType.SUPPORT in amap.graph.edges["<R>", "[A]"]
    assert amap.graph.edges["[B]", "<R>"]["premise-of"].type is RelationType.PREMISE_OF
