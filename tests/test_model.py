"""The model built by hand, and the bulk graph build the parser uses (argmap/model.py)."""

from __future__ import annotations

import gc
import pickle
import subprocess
import sys
import weakref

import networkx as nx

import argmap
from argmap.model import (
    NO_DATA,
    Argument,
    ArgumentMap,
    ArgumentMember,
    MapGraph,
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


def test_reading_a_map_does_not_import_networkx() -> None:
    # The graph is made on first use: reading (and what works through the adjacency
    # accessors) leaves networkx, a large import, unloaded.
    code = (
        "import sys, argmap\n"
        "amap, _ = argmap.loads('[A]: a\\n  + <R>: r\\n\\n<R>\\n\\n(1) [B]\\n----\\n(2) [A]\\n')\n"
        "assert list(amap.relations_into('[A]')) == ['<R>'] and len(list(amap.relations())) == 3\n"
        "print('networkx' in sys.modules, type(amap.graph).__name__, 'networkx' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "MapGraph", "True"]


def test_the_graph_and_the_accessors_share_one_adjacency() -> None:
    amap, _ = argmap.loads("[A]: a\n  + <R>: r\n")
    graph = amap.graph
    assert amap.graph is graph and isinstance(graph, MapGraph)
    graph.add_edge("[A]", "[New]")  # a change through networkx ...
    assert "[New]" in amap.relations_from("[A]") and "[New]" in amap.in_adjacency()
    amap.add_relation(RelationType.ATTACK, "[A]", "<R>", span(3))  # ... and one through the map
    assert graph.edges["[A]", "<R>"]["attack"].span == span(3)
    amap.add_statement(Statement("C"))
    assert graph.nodes["[C]"]["record"] is amap.statements["C"] and "[C]" in graph.pred
    again = pickle.loads(pickle.dumps(amap))
    again.add_relation(RelationType.SUPPORT, "[C]", "[A]")
    assert again.graph.has_edge("[C]", "[A]") and not graph.has_edge("[C]", "[A]")
