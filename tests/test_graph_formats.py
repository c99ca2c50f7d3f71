"""GraphML and node-link JSON are written straight from the map, in pieces
(:mod:`argmap.interchange.graphs`), and must be exactly what networkx writes for the flat
graph: ``nx.generate_graphml`` (ElementTree's US-ASCII text with numeric references, its
escapes and pretty print, split into lines by ``str.splitlines``) and ``nx.node_link_data``
encoded by json.  Checked on the corpus, the shipped map, a generated map and maps whose
titles and texts hold XML specials, control characters, line separators and astral
characters.  Mermaid and DOT come in pieces too; a large map's pieces are many and small.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import ROOT, SHARED

import argmap
from argmap.api import default_map_path
from argmap.interchange.graphs import (
    flat_graph,
    graphml_chunks,
    mermaid_chunks,
    node_link_chunks,
    node_link_dumps,
    to_graphml,
    to_mermaid,
    to_node_link,
)
from argmap.model import Argument, ArgumentMap, ArgumentMember, RelationType, Span, Statement, StatementMember
from argmap.views.graphviz import dot_chunks, to_dot

CORPUS_INPUTS = SHARED / "corpus" / "argdown" / "inputs"
SPAN = Span("nasty", 1, 1, 1, 2)


def graphml_reference(amap: ArgumentMap) -> str:
    return "\n".join(nx.generate_graphml(flat_graph(amap), prettyprint=True)) + "\n"


def node_link_reference(amap: ArgumentMap) -> str:
    return json.dumps(nx.node_link_data(flat_graph(amap), edges="links"), indent=2, ensure_ascii=False) + "\n"


def assert_as_networkx_writes(amap: ArgumentMap) -> None:
    assert "".join(graphml_chunks(amap)) == graphml_reference(amap)
    assert "".join(node_link_chunks(amap)) == node_link_reference(amap)
    assert to_node_link(amap) == nx.node_link_data(flat_graph(amap), edges="links")


def corpus_files() -> list[Path]:
    return sorted(CORPUS_INPUTS.glob("*.argdown")) if CORPUS_INPUTS.is_dir() else []


def generated(statements: int) -> ArgumentMap:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from gen_argdown import generate

    amap, _ = argmap.loads(generate(statements), name="synthetic.argdown")
    return amap


def test_on_the_corpus() -> None:
    if not CORPUS_INPUTS.is_dir():
        pytest.skip("../shared is not beside this checkout")
    assert len(corpus_files()) > 100
    for path in corpus_files():
        amap, _ = argmap.load(path)
        assert_as_networkx_writes(amap)


def test_on_the_shipped_map_and_a_generated_one() -> None:
    assert_as_networkx_writes(argmap.load(default_map_path())[0])
    assert_as_networkx_writes(generated(300))


def test_on_an_empty_map_and_one_without_relations() -> None:
    amap = ArgumentMap("empty")
    assert_as_networkx_writes(amap)
    amap.add_statement(Statement("Alone", [StatementMember("", SPAN, False)]))
    assert_as_networkx_writes(amap)


NASTY = "&<>\"' \t\r\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029\x00\x7f é 😀 \U0010fffd]#`"
"""XML's specials, every character ``str.splitlines`` breaks at, others it does not, non-ASCII."""

PIECES = [*NASTY, "\r\n", "\n\r", "&amp;", "&#233;", "]]>", "<!--"]
texts = st.lists(st.sampled_from(PIECES) | st.characters(codec="utf-8"), max_size=10).map("".join)


@st.composite
def nasty_maps(draw: st.DrawFn) -> ArgumentMap:
    amap = ArgumentMap("nasty")
    for title in draw(st.lists(texts, max_size=5, unique=True)):
        members = [
            StatementMember(text, SPAN, False, tags=draw(st.lists(texts, max_size=2)))
            for text in draw(st.lists(texts, max_size=2))
        ]
        amap.add_statement(Statement(title, members, draw(st.booleans())))
    for title in draw(st.lists(texts, max_size=3, unique=True)):
        members = [ArgumentMember(text, SPAN, False) for text in draw(st.lists(texts, max_size=2))]
        amap.add_argument(Argument(title, members))
    nodes = list(amap.graph.nodes)
    if nodes:
        pairs = st.tuples(
            st.sampled_from(list(RelationType)), st.sampled_from(nodes), st.sampled_from(nodes), st.booleans()
        )
        for rtype, source, target, derived in draw(st.lists(pairs, max_size=10)):
            amap.add_relation(rtype, source, target, SPAN, derived)
    return amap


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(nasty_maps())
def test_on_maps_of_nasty_texts(amap: ArgumentMap) -> None:
    assert_as_networkx_writes(amap)
    # Mermaid reads a statement per line: every node and relation keeps to its own line.
    lines = "".join(mermaid_chunks(amap)).splitlines()
    arguments = 1 if amap.arguments else 0
    assert len(lines) == 2 + len(amap.graph.nodes) + sum(1 for _ in amap.relations()) + arguments
    assert "".join(dot_chunks(amap)) == to_dot(amap)


def test_every_nasty_character_in_one_map() -> None:
    amap = ArgumentMap("nasty")
    amap.add_statement(Statement(NASTY, [StatementMember(NASTY + "x", SPAN, False, tags=[NASTY])]))
    amap.add_argument(Argument("<" + NASTY, [ArgumentMember(NASTY, SPAN, False)]))
    amap.add_relation(RelationType.ATTACK, f"<<{NASTY}>", f"[{NASTY}]", SPAN)
    assert_as_networkx_writes(amap)
    graphml = to_graphml(amap)
    assert graphml.isascii() and "&#128512;" in graphml and "&lt;&lt;&amp;" in graphml
    # Written as it is: the statement's title, text, tags and id, the argument's title, text
    # and id, the link's two ends.
    assert node_link_dumps(amap).count("😀") == 9


Writer = Callable[[ArgumentMap], Iterator[str]]


@pytest.mark.parametrize(
    ("chunks", "whole"),
    [
        (graphml_chunks, graphml_reference),
        (node_link_chunks, node_link_reference),
        (mermaid_chunks, to_mermaid),
        (dot_chunks, to_dot),
    ],
    ids=["graphml", "node-link", "mermaid", "dot"],
)
def test_a_large_map_comes_in_many_small_pieces(chunks: Writer, whole: Callable[[ArgumentMap], str]) -> None:
    amap = generated(3000)
    pieces = list(chunks(amap))
    text = "".join(pieces)
    assert text == whole(amap)
    assert len(pieces) > 10
    assert max(len(piece) for piece in pieces) < len(text) / 10
