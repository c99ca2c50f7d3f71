"""Graphviz drawings: user texts come out exactly as written, SVG structure, PNG, large maps."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import argmap
from argmap.model import (
    Argument,
    ArgumentMap,
    ArgumentMember,
    RelationType,
    Span,
    Statement,
    StatementMember,
)
from argmap.views.dot_labels import GREEN, RED
from argmap.views.graphviz import (
    HUGE_MAP,
    Drawing,
    RenderError,
    build_drawing,
    layout,
    render_to,
    write_atomic,
)

pygraphviz = pytest.importorskip("pygraphviz")

SVG = "{http://www.w3.org/2000/svg}"
HERE = Path(__file__).resolve().parent

NASTY = {
    "Quotes": "She said \"stop\" and 'go' & left.",
    "Backslash": r"A backslash \ and \n and \l and \" stay as written.",
    "Angles": "x < y > z and <b>not bold</b> <script>alert(1)</script>",
    "Braces": "Record syntax { a | b } and {x} | y stays text.",
    "Entities": "&amp; is not & and &lt; is not <, nor &#38;.",
    "Long": "Pneumonoultramicroscopicsilicovolcanoconiosis" * 2,
    "Cyrillic": "Прекращение огня должно продолжаться.",
    "Chinese": "停火协议必须延长。",
    "Arabic": "وقف إطلاق النار يجب أن يستمر",
    "DOT": 'digraph { a -> b [label="x"] } // -- ]]> <!-- -->',
}


def nasty_map() -> ArgumentMap:
    amap = ArgumentMap("nasty.argdown")
    span = Span("nasty.argdown", 1, 1, 1, 1)
    for title, text in NASTY.items():
        amap.add_statement(Statement(title, [StatementMember(text, span, False)]))
    amap.add_argument(Argument('Arg "<&>"', [ArgumentMember("An argument about {|} & <tags>.", span, False)]))
    titles = list(NASTY)
    for title in titles[1:]:
        kind = RelationType.SUPPORT if len(title) % 2 else RelationType.ATTACK
        amap.add_relation(kind, f"[{title}]", "[Quotes]", span)
    amap.add_relation(RelationType.SUPPORT, '<Arg "<&>">', "[Quotes]", span)
    amap.add_relation(RelationType.UNDERCUT, "[Long]", '<Arg "<&>">', span)
    return amap


def svg_nodes(svg: bytes) -> dict[str, tuple[str, str]]:
    """title-less view of the SVG: node class -> (joined text, element id) keyed by the first text."""
    root = ET.fromstring(svg)
    found: dict[str, tuple[str, str]] = {}
    for group in root.iter(f"{SVG}g"):
        classes = group.get("class", "").split()
        if "node" not in classes or "legend" in classes:
            continue
        texts = [t.text or "" for t in group.iter(f"{SVG}text")]
        found[group.get("id", "")] = (" ".join(classes), "".join(texts))
    return found


def squash(text: str) -> str:
    return "".join(text.split())


def test_nasty_texts_come_out_exactly_in_svg() -> None:
    amap = nasty_map()
    data, _ = layout(build_drawing(amap), "svg")
    nodes = svg_nodes(data)  # also: the SVG is well-formed XML
    assert len(nodes) == len(NASTY) + 1
    shown = {squash(text) for _, text in nodes.values()}
    for title, text in NASTY.items():
        assert squash(f"[{title}]{text}") in shown, title
    assert squash('<Arg "<&>">An argument about {|} & <tags>.') in shown


def test_nasty_texts_in_dot_survive_a_dot_parser() -> None:
    drawing = build_drawing(nasty_map())
    graph = pygraphviz.AGraph(string=drawing.dot)
    labels = [graph.get_node(f"n{i}").attr["label"] for i in range(len(NASTY))]
    for (title, text), label in zip(NASTY.items(), labels, strict=True):
        unescaped = re.sub(r"<[^>]+>", "", label)  # the label's own markup: <B>, <BR/>
        for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&amp;", "&")):
            unescaped = unescaped.replace(entity, char)
        assert squash(unescaped) == squash(f"[{title}]{text}"), title


def test_nasty_texts_from_a_file_render_to_png(tmp_path: Path) -> None:
    amap, _ = argmap.load(HERE / "fixtures" / "cli-nasty.argdown")
    target = tmp_path / "nasty.png"
    render_to(build_drawing(amap), "png", target)
    data = target.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 5000
    svg, _ = layout(build_drawing(amap), "svg")
    shown = {squash(text) for _, text in svg_nodes(svg).values()}
    assert squash("[Html]Tags like <b>bold</b> and <script>alert(1)</script> & &amp; stay text.") in shown
    assert squash("[Scripts]Прекращение огня — 停火协议 — وقف إطلاق النار — 休戦 ✔ ✘.") in shown


def test_svg_structure_of_the_small_map() -> None:
    amap, _ = argmap.load(HERE / "fixtures" / "cli-small.argdown")
    data, notice = layout(build_drawing(amap), "svg")
    assert notice is None
    root = ET.fromstring(data)
    groups = list(root.iter(f"{SVG}g"))
    node_classes = [g.get("class", "").split() for g in groups if "node" in g.get("class", "").split()]
    assert sum("statement" in c for c in node_classes) == len(amap.statements)
    assert sum("argument" in c for c in node_classes) == len(amap.arguments)
    strokes: dict[str, set[str]] = {}
    for group in groups:
        classes = group.get("class", "").split()
        if "edge" not in classes:
            continue
        path = group.find(f"{SVG}path")
        assert path is not None
        kind = next(c for c in classes if c != "edge")
        strokes.setdefault(kind, set()).add(path.get("stroke", ""))
        if kind == "undercut":
            assert path.get("stroke-dasharray"), "undercuts are dashed"
    assert strokes["support"] == {GREEN}
    assert strokes["attack"] == {RED} and strokes["undercut"] == {RED}
    clusters = [g for g in groups if "cluster" in g.get("class", "").split()]
    assert len(clusters) == 3  # three sections; the legend is the graph's label


def test_labels_show_in_the_drawing() -> None:
    amap, _ = argmap.load(HERE / "fixtures" / "cli-small.argdown")
    labels = dict.fromkeys(amap.graph.nodes, "UNDEC") | {"[Ceasefire]": "IN", "<Rebels regroup>": "OUT"}
    data, _ = layout(build_drawing(amap, labels=labels), "svg")
    texts = [text for _, text in svg_nodes(data).values()]
    assert any(t.endswith("✔ IN") and "[Ceasefire]" in t for t in texts)
    assert any(t.endswith("✘ OUT") and "<Rebels regroup>" in t for t in texts)


def test_fast_layout_draws_every_node() -> None:
    amap = nasty_map()
    drawing = build_drawing(amap, fast=True)
    data, notice = layout(drawing, "svg")
    assert notice is not None and "--focus" in notice
    assert len(svg_nodes(data)) == len(amap)


def test_huge_maps_are_refused_with_advice() -> None:
    with pytest.raises(RenderError, match="--focus"):
        layout(Drawing("digraph {}", HUGE_MAP + 1, 0), "svg")


def test_write_atomic_replaces_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "out.svg"
    target.write_bytes(b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    with pytest.raises(RenderError):
        write_atomic(tmp_path / "missing" / "x.svg", b"x")
    with pytest.raises(RenderError):
        write_atomic(tmp_path, b"x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.svg"]


def test_an_untitled_statement_of_tags_alone_keeps_its_label() -> None:
    # Its bold title line was an empty <B></B>, which Graphviz rejects (a syntax error);
    # the node then lost its label.
    amap, _ = argmap.loads("[A]: a\n  + #(two words) #x\n")
    data, warnings = layout(build_drawing(amap), "svg")
    assert not warnings
    shown = sorted(text for _, text in svg_nodes(data).values())
    assert shown == ["#(two words) #x", "[A]a"]
