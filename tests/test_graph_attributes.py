"""The attributes of nodes and edges (argmap.graph_attributes) read, change and compare
exactly as the dicts they replace, ``{"kind": ..., "record": ...}`` for a node and
``{type name: Relation}`` for an edge: on their own, and in the graphs the parser builds."""

from __future__ import annotations

import pickle
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import networkx as nx
import pytest
from conftest import ROOT, shared_path
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.argdown import blocks, elements
from argmap.graph_attributes import EdgeRelations, NodeAttributes, relations_of
from argmap.interchange.argmap_json import to_argmap_json
from argmap.model import Argument, Relation, RelationType, Span, Statement
from argmap.rules import lint
from argmap.semantics.direct import grounded_claim_labels

sys.path.insert(0, str(ROOT / "benchmarks"))
from gen_argdown import generate

TYPES = list(RelationType)
KEYS = [t.value for t in TYPES] + ["weight"]


def relation(rtype: RelationType, line: int = 1) -> Relation:
    return Relation(rtype, "[A]", "<B>", Span("f", line, 1, line, 2))


def looked_up(relations: Any, key: str) -> Any:
    try:
        return relations[key]
    except KeyError as error:
        return ("KeyError", error.args)


def readings(attributes: Any, keys: list[Any]) -> dict[str, Any]:
    """Everything a reader can ask of a node's or an edge's attributes, about ``keys``."""
    return {
        "len": len(attributes),
        "iter": list(attributes),
        "keys": list(attributes.keys()),
        "values": list(attributes.values()),
        "relations_of": list(relations_of(attributes)),  # the model's fast path: the same values
        "items": list(attributes.items()),
        "in": [key in attributes for key in [*keys, 3]],
        "get": [attributes.get(key) for key in keys],
        "get default": attributes.get("nothing", "default"),
        "[]": [looked_up(attributes, key) for key in keys],
        "copy": attributes.copy(),
        "dict": dict(attributes),
        "**": {**attributes},
        "disjoint": [frozenset([key]).isdisjoint(attributes) for key in keys],
    }


EDGE_KEYS = [*KEYS, *TYPES]


def delete_from_both(made: EdgeRelations | NodeAttributes, model: dict[str, Any], key: str) -> None:
    if key in model:
        del made[key], model[key]
    else:
        with pytest.raises(KeyError):
            del made[key]


def assert_same(made: EdgeRelations | NodeAttributes, model: dict[str, Any], keys: list[Any]) -> None:
    """``made`` reads, compares, copies, pickles and prints as the dict ``model``."""
    assert readings(made, keys) == readings(model, keys)
    assert made == model and model == made and made != {**model, "extra": 1}
    assert type(made.copy()) is dict and made.copy() is not made.copy()
    again = pickle.loads(pickle.dumps(made))
    assert type(again) is type(made) and readings(again, keys) == readings(made, keys)
    assert repr(made) == f"{type(made).__name__}({model!r})"


operation = st.one_of(
    st.tuples(st.just("set"), st.sampled_from(TYPES), st.integers(1, 3)),
    st.tuples(st.just("set other"), st.just("weight"), st.integers(1, 3)),
    st.tuples(st.just("delete"), st.sampled_from(KEYS), st.just(0)),
    st.tuples(st.just("update"), st.sampled_from(TYPES), st.integers(1, 3)),
)


@given(first=st.sampled_from(TYPES), operations=st.lists(operation, max_size=6))
def test_edge_relations_behave_as_the_dict_they_replace(first: RelationType, operations: list[Any]) -> None:
    made = relation(first)
    edge = EdgeRelations(made)
    model: dict[str, Any] = {first.value: made}
    for name, key, line in operations:
        if name == "set":
            value: Any = relation(key, line)
            edge[key.value] = model[key.value] = value
        elif name == "set other":
            edge[key] = model[key] = line
        elif name == "update":
            value = relation(key, line)
            edge.update({key.value: value})
            model.update({key.value: value})
        else:
            delete_from_both(edge, model, key)
        assert_same(edge, model, EDGE_KEYS)
        assert edge == EdgeRelations(dict(model))


def test_keys_are_plain_str_as_in_a_dict() -> None:
    edge = EdgeRelations(relation(RelationType.SUPPORT))
    assert [type(key) for key in edge] == [str] and [type(key) for key, _ in edge.items()] == [str]
    assert edge[RelationType.SUPPORT] is edge["support"]
    with pytest.raises(KeyError):
        edge["attack"]


NODE_KEYS = ["kind", "record", "colour"]


@given(
    statement=st.booleans(),
    operations=st.lists(st.tuples(st.sampled_from(["set", "delete"]), st.sampled_from(NODE_KEYS)), max_size=5),
)
def test_node_attributes_behave_as_the_dict_they_replace(statement: bool, operations: list[Any]) -> None:
    record: Statement | Argument = Statement("T") if statement else Argument("T")
    attributes = NodeAttributes(record)
    model: dict[str, Any] = {"kind": "statement" if statement else "argument", "record": record}
    for step, (name, key) in enumerate(operations):
        if name == "set":
            attributes[key] = model[key] = step
        else:
            delete_from_both(attributes, model, key)
        assert_same(attributes, model, NODE_KEYS)
    fresh = {"kind": "statement" if statement else "argument", "record": record}
    assert readings(NodeAttributes(record), NODE_KEYS) == readings(fresh, NODE_KEYS)


@contextmanager
def dict_attributes() -> Iterator[None]:
    """The parser gives each node and each new edge a dict, as it did before."""
    saved = elements.EdgeRelations, blocks.EdgeRelations, elements.NodeAttributes

    def edge_dict(made: Relation) -> Any:
        return {made.type.value: made}

    def node_dict(record: Statement | Argument) -> Any:
        return {"kind": "statement" if isinstance(record, Statement) else "argument", "record": record}

    try:
        elements.EdgeRelations = blocks.EdgeRelations = edge_dict  # type: ignore[misc,assignment]
        elements.NodeAttributes = node_dict  # type: ignore[misc,assignment]
        yield
    finally:
        elements.EdgeRelations, blocks.EdgeRelations, elements.NodeAttributes = saved  # type: ignore[misc]


def texts() -> list[tuple[str, str]]:
    corpus = shared_path("corpus", "argdown", "inputs")
    found = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(corpus.glob("*.argdown"))]
    found += [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "tests" / "fixtures").rglob("*.argdown"))]
    return [*found, ("synthetic-300", generate(300)), ("strict", "===\nmodel:\n  mode: strict\n===\n\n" + generate(40))]


def edge_list(graph: nx.DiGraph[str]) -> list[tuple[str, str, list[tuple[str, Relation]]]]:
    return [(u, v, list(d.items())) for u, v, d in graph.edges(data=True)]


def node_list(graph: nx.DiGraph[str]) -> list[tuple[str, list[tuple[str, Any]]]]:
    return [(node, list(d.items())) for node, d in graph.nodes(data=True)]


def test_parsed_graphs_read_back_as_with_dicts() -> None:
    checked = 0
    for name, text in texts():
        amap, diagnostics = argmap.loads(text, name=name)
        with dict_attributes():
            before, before_diagnostics = argmap.loads(text, name=name)
        assert all(type(d) is dict for _, _, d in before.graph.edges(data=True))
        assert all(type(d) is dict for _, d in before.graph.nodes(data=True))
        assert all(type(d) is EdgeRelations for _, _, d in amap.graph.edges(data=True)), name
        assert all(type(d) is NodeAttributes for _, d in amap.graph.nodes(data=True)), name
        checked += amap.graph.number_of_edges()
        assert edge_list(amap.graph) == edge_list(before.graph), name
        assert node_list(amap.graph) == node_list(before.graph), name
        assert [amap.record(n) for n in amap.graph] == [before.record(n) for n in before.graph], name
        assert nx.utils.graphs_equal(amap.graph, before.graph), name
        assert list(amap.relations()) == list(before.relations()), name
        assert to_argmap_json(amap) == to_argmap_json(before), name
        assert diagnostics == before_diagnostics and lint(amap) == lint(before), name
        assert grounded_claim_labels(amap) == grounded_claim_labels(before), name
        # networkx's own copies, views and conversions
        graph, old = amap.graph, before.graph
        for made, expected in [
            (graph.copy(), old.copy()),
            (graph.reverse(copy=True), old.reverse(copy=True)),
            (nx.DiGraph(graph), nx.DiGraph(old)),
            (graph.subgraph(list(graph)[::2]).copy(), old.subgraph(list(old)[::2]).copy()),
            (graph.to_undirected(), old.to_undirected()),
            (pickle.loads(pickle.dumps(graph)), old),
        ]:
            assert edge_list(made) == edge_list(expected) and node_list(made) == node_list(expected), name
        assert nx.node_link_data(graph, edges="edges") == nx.node_link_data(old, edges="edges"), name
    assert checked > 1000


def test_a_parsed_graph_takes_further_attributes_as_networkx_allows() -> None:
    amap, _ = argmap.loads("[A]: a\n  + <R>: r\n  - [B]: b\n")
    graph = amap.graph
    graph.add_node("[A]", colour="red")
    nx.set_node_attributes(graph, {"<R>": 3}, "weight")
    assert dict(graph.nodes["[A]"]) == {"kind": "statement", "record": amap.statements["A"], "colour": "red"}
    assert graph.nodes["<R>"]["weight"] == 3 and amap.record("<R>") is amap.arguments["R"]
    graph.add_edge("<R>", "[A]", weight=2)
    nx.set_edge_attributes(graph, {("[B]", "[A]"): "red"}, "colour")
    assert graph.edges["<R>", "[A]"]["weight"] == 2 and graph.edges["[B]", "[A]"]["colour"] == "red"
    assert graph.edges["<R>", "[A]"]["support"].type is RelationType.SUPPORT
    assert list(graph.edges["<R>", "[A]"]) == ["support", "weight"]
    # add_relation joins a second type to an edge (both directions see it)
    amap.add_relation(RelationType.CONTRADICTION, "[B]", "[A]")
    assert set(amap.relations_from("[B]")["[A]"]) == {"attack", "colour", "contradiction"}
    assert amap.relations_into("[A]")["[B]"] is amap.relations_from("[B]")["[A]"]
