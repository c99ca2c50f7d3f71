"""The views behind show / why / find / list / render, called as library functions.

Text output is compared with golden files in tests/golden (colour off, 80 columns).
Run with ARGMAP_UPDATE_GOLDEN=1 to rewrite them after an intended change, then read
the diff before committing it.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

import argmap
from argmap.model import ArgumentMap, RelationType
from argmap.queries import starting_points
from argmap.views.dot_labels import escape, wrap
from argmap.views.graphviz import build_drawing, layered_positions, to_dot
from argmap.views.listing import find_claims, list_claims
from argmap.views.text import render_tree, tree_lines
from argmap.views.tree import TreeView, ViewNode, show_view, strip_tags, to_json, why_view

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
GOLDEN = HERE / "golden"
SMALL = FIXTURES / "cli-small.argdown"

LABELS = {
    "[Ceasefire]": "IN",
    "<Fewer deaths>": "IN",
    "[Violence]": "IN",
    "[Stops]": "IN",
    "[Talks]": "IN",
    "<Rebels regroup>": "OUT",
    "[Monitors]": "IN",
    "<Monitoring works>": "UNDEC",
    "[Island]": "UNDEC",
}


def small() -> ArgumentMap:
    amap, _ = argmap.load(SMALL)
    # Spans hold the path as given; make them independent of the working directory.
    amap.source_name = "cli-small.argdown"
    return amap


def plain(renderable: object, width: int = 80) -> str:
    out = io.StringIO()
    Console(file=out, width=width, no_color=True, color_system=None, force_terminal=False).print(renderable)
    return out.getvalue()


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("ARGMAP_UPDATE_GOLDEN"):
        path.write_text(actual, "utf-8")
    assert path.exists(), f"golden file {path} missing: run with ARGMAP_UPDATE_GOLDEN=1"
    assert actual == path.read_text("utf-8")


def ids(nodes: list[ViewNode]) -> list[str]:
    return [n.id for n in nodes]


# -- show ---------------------------------------------------------------------------


def test_show_starts_at_main_conclusion_and_reaches_every_node() -> None:
    amap = small()
    view = show_view(amap)
    assert ids(view.roots) == ["[Ceasefire]", "[Island]"]
    seen = {n.id for root in view.roots for n in root.walk()}
    assert seen == set(amap.graph.nodes)


def test_show_relations_and_premise_numbers() -> None:
    view = show_view(small())
    ceasefire = view.roots[0]
    assert [(c.id, c.relation) for c in ceasefire.children] == [
        ("<Fewer deaths>", "support"),
        ("[Talks]", "support"),
        ("<Rebels regroup>", "attack"),
    ]
    fewer = ceasefire.children[0]
    assert [(c.id, c.relation, c.number) for c in fewer.children] == [
        ("[Violence]", "premise", 1),
        ("[Stops]", "premise", 2),
    ]
    assert fewer.children[1].implicit and not fewer.children[0].implicit
    regroup = ceasefire.children[2]
    assert [(c.id, c.relation) for c in regroup.children] == [
        ("[Monitors]", "attack"),
        ("<Monitoring works>", "undercut"),
    ]


def test_show_depth_limits_and_marks_truncation() -> None:
    view = show_view(small(), depth=1)
    ceasefire = view.roots[0]
    assert all(not c.children for c in ceasefire.children)
    assert ceasefire.children[0].truncated  # <Fewer deaths> has premises below
    assert not ceasefire.children[1].truncated  # [Talks] has nothing below
    zero = show_view(small(), depth=0)
    assert zero.roots[0].children == [] and zero.roots[0].truncated


def test_show_focus() -> None:
    view = show_view(small(), focus="<Rebels regroup>")
    assert ids(view.roots) == ["<Rebels regroup>"]
    assert {n.id for n in view.roots[0].walk()} == {"<Rebels regroup>", "[Monitors]", "<Monitoring works>"}


def test_show_tag_and_section_filters_keep_paths() -> None:
    view = show_view(small(), tag="implicit")
    assert [n.id for n in view.roots[0].walk()] == ["[Ceasefire]", "<Fewer deaths>", "[Stops]"]
    view = show_view(small(), tag="#prediction")
    assert view.roots[0].walk()[-1].id == "<Monitoring works>"
    view = show_view(small(), section="loose ends")
    assert ids(view.roots) == ["[Island]"]
    assert show_view(small(), tag="nosuchtag").roots == []


def test_repeated_nodes_are_not_expanded_twice() -> None:
    amap, _ = argmap.loads("[A]: a.\n  + [C]: c.\n    + [D]: d.\n\n[B]: b.\n  + [C]\n")
    view = show_view(amap)
    walked = [n for root in view.roots for n in root.walk()]
    cs = [n for n in walked if n.id == "[C]"]
    assert len(cs) == 2
    assert sum(1 for n in cs if n.repeated) == 1
    assert [n.id for n in walked].count("[D]") == 1


def test_cycles_terminate() -> None:
    amap, _ = argmap.loads("[A]: a.\n  + [B]: b.\n    + [A]\n")
    view = show_view(amap)
    assert len([n for r in view.roots for n in r.walk()]) <= 3
    why = why_view(amap, "[A]")
    assert why.roots[0].children[0].id == "[B]"


def test_deep_chain_does_not_recurse() -> None:
    lines = ["[S0]: s0."]
    lines += [f"{'  ' * i}  + [S{i}]: s{i}." for i in range(1, 3000)]
    amap, _ = argmap.loads("\n".join(lines))
    view = show_view(amap)
    assert len(view.roots[0].walk()) == 3000
    assert to_json(view.to_dict()).count('"id": ') == 3000  # iterative to_dict, deep JSON
    assert sum(1 for _ in tree_lines(view)) > 3000


def test_show_golden_text() -> None:
    check_golden("show-small.txt", plain(render_tree(show_view(small()))))


def test_show_golden_text_with_labels_narrow() -> None:
    check_golden("show-small-labels-60.txt", plain(render_tree(show_view(small(), labels=LABELS)), width=60))


def test_labels_reach_every_node_and_the_legend() -> None:
    view = show_view(small(), labels=LABELS)
    for root in view.roots:
        for node in root.walk():
            assert node.label == LABELS[node.id]
    text = plain(render_tree(view))
    assert "✘ OUT" in text and "✔ IN" in text and "? UNDEC" in text
    assert "rejected" in text.splitlines()[-1]
    assert "✔" not in plain(render_tree(show_view(small())))


def test_plain_fast_lines_match_rich_layout() -> None:
    view = show_view(small(), labels=LABELS)
    rich_lines = [line.rstrip() for line in plain(render_tree(view), width=70).splitlines()]
    assert list(tree_lines(view, 70)) == rich_lines


def test_show_json_shape() -> None:
    data = show_view(small(), depth=1).to_dict()
    assert data["view"] == "show" and data["depth"] == 1
    root = data["roots"][0]
    assert root["id"] == "[Ceasefire]" and root["relation"] is None
    assert [c["relation"] for c in root["children"]] == ["support", "support", "attack"]
    assert root["children"][0]["truncated"] is True
    json.dumps(data)


# -- why ----------------------------------------------------------------------------


def test_why_follows_reasons_lists_attacks_and_quotes() -> None:
    view = why_view(small(), "[Ceasefire]")
    root = view.roots[0]
    kinds = {c.id: c for c in root.children}
    assert kinds["<Rebels regroup>"].relation == "attack"
    assert not kinds["<Rebels regroup>"].expanded
    assert kinds["<Rebels regroup>"].children == []
    violence = kinds["<Fewer deaths>"].children[0]
    assert (violence.quote, violence.para) == ("hundreds die each week", 3)
    text = plain(render_tree(view))
    assert "“hundreds die each week” (¶3)" in text
    assert "[Stops] (implicit)" in text
    assert "<Monitoring works>" not in text


def test_why_of_an_argument_shows_attacks_on_it() -> None:
    view = why_view(small(), "<Rebels regroup>")
    assert [(c.id, c.relation) for c in view.roots[0].children] == [
        ("[Monitors]", "attack"),
        ("<Monitoring works>", "undercut"),
    ]


def test_why_golden_text() -> None:
    check_golden("why-small.txt", plain(render_tree(why_view(small(), "[Ceasefire]", labels=LABELS))))


def test_why_depth() -> None:
    view = why_view(small(), "[Ceasefire]", depth=1)
    assert view.roots[0].children[0].truncated
    assert view.roots[0].children[0].children == []


# -- find / list --------------------------------------------------------------------


def test_find_is_case_insensitive_over_titles_texts_tags_quotes() -> None:
    amap = small()
    assert ids(find_claims(amap, "MONITOR")) == ["[Monitors]", "<Monitoring works>"]
    assert ids(find_claims(amap, "geneva")) == ["[Talks]"]  # from the quote
    assert ids(find_claims(amap, "#fact")) == ["[Talks]", "[Violence]"]
    assert find_claims(amap, "zebra") == []


def test_list_kinds() -> None:
    amap = small()
    assert ids(list_claims(amap, premises=True)) == ["[Violence]", "[Stops]"]
    assert ids(list_claims(amap, conclusions=True)) == ["[Ceasefire]"]
    assert ids(list_claims(amap, arguments=True)) == ["<Fewer deaths>", "<Rebels regroup>", "<Monitoring works>"]
    assert ids(list_claims(amap, premises=True, tag="implicit")) == ["[Stops]"]
    assert len(list_claims(amap)) == len(amap)


def test_strip_tags() -> None:
    assert strip_tags("A claim. #fact #(two words)", ["fact", "two words"]) == "A claim."
    assert strip_tags("Uses #factual here #fact", ["fact"]) == "Uses #factual here"


# -- DOT ----------------------------------------------------------------------------


def test_dot_golden() -> None:
    check_golden("render-small.dot", to_dot(small(), labels=LABELS))


def test_dot_nodes_edges_and_clusters() -> None:
    drawing = build_drawing(small())
    assert drawing.nodes == 9 and not drawing.fast
    dot = drawing.dot
    assert dot.count('class="statement') == 6 and dot.count('class="argument') == 3
    assert dot.count('class="support"') == 2  # the conclusion-of edge is not drawn twice
    assert dot.count('class="attack"') == 2 and dot.count('class="undercut"') == 1
    assert dot.count('class="premise-of"') == 2
    assert dot.count("subgraph cluster_") == 3  # three sections; the legend is the graph's label, top left
    assert dot.count("labelloc=t, labeljust=l") == 1
    assert "rankdir=TB" in dot
    assert "rankdir=LR" in build_drawing(small(), rankdir="LR").dot


def test_dot_focus_depth() -> None:
    drawing = build_drawing(small(), focus="<Fewer deaths>", depth=1)
    assert drawing.nodes == 3
    assert "Ceasefire" not in drawing.dot


def test_escape_and_wrap() -> None:
    assert escape('<b> & "x"') == "&lt;b&gt; &amp; &quot;x&quot;"
    assert escape("bell\x07") == "bell "
    assert all(len(line) <= 10 for line in wrap("a" * 35 + " bb", 10))
    assert "".join(wrap("a" * 35, 10)) == "a" * 35


def test_fast_layout_places_every_node_in_layers() -> None:
    amap = small()
    nodes = list(amap.graph.nodes)
    pos = layered_positions(amap, nodes)
    assert set(pos) == set(nodes)
    assert len(set(pos.values())) == len(nodes)  # no two nodes on one spot
    # a reason is drawn below what it supports (y grows upwards in Graphviz)
    assert pos["<Fewer deaths>"][1] < pos["[Ceasefire]"][1]
    assert pos["[Violence]"][1] < pos["<Fewer deaths>"][1]
    fast = build_drawing(amap, fast=True)
    assert fast.fast and fast.dot.count('pos="') == len(nodes)
    assert "cluster_0" not in fast.dot


@pytest.mark.parametrize(
    "text",
    [
        None,
        "[A]: a.\n  + [B]: b.\n\n[C]: c. {main: true}\n  - [D]: d.\n\n[E]: e.\n  >< [F]: f.\n",
        "[A]: a.\n  + [B]: b.\n\n[B]\n  + [A] #main\n",
        "[A]: a.\n  + [B]: b.\n    + [A]\n",
    ],
)
def test_starting_points_match_the_graph(text: str | None) -> None:
    """The one-pass roots and main conclusions agree with a walk over networkx's own edge views."""
    amap = small() if text is None else argmap.loads(text)[0]
    graph = amap.graph
    flow = {t for t in RelationType if t is not RelationType.CONTRADICTION}
    positive = {RelationType.SUPPORT, RelationType.ENTAILS, RelationType.CONCLUSION_OF}
    roots = [n for n in graph.nodes if not any(flow & set(graph.edges[n, m]) for m in graph.successors(n))]
    marked = [
        s.node
        for s in amap.statements.values()
        if any("main" in m.tags or m.data.get("main") is True for m in s.members)
    ]
    supported = [
        n for n in roots if n.startswith("[") and any(positive & set(graph.edges[m, n]) for m in graph.predecessors(n))
    ]
    expected = list(dict.fromkeys(marked + supported + roots))
    assert starting_points(amap) == (expected or [next(iter(graph.nodes))])


@pytest.mark.parametrize("depth", [None, 0, 2])
def test_show_json_round_trips(depth: int | None) -> None:
    data = show_view(small(), depth=depth).to_dict()
    assert json.loads(json.dumps(data)) == data


def test_has_below_agrees_with_below() -> None:
    from argmap.views.tree import below, has_below

    for text in (SMALL.read_text("utf-8"), "[A]: a.\n  >< [B]: b.\n\n[C]: c.\n  + [C]\n"):
        amap, _ = argmap.loads(text)
        for node in amap.graph.nodes:
            assert has_below(amap, node) == bool(below(amap, node)), node


# -- plain text (the fast path of show / why when output is not a colour terminal) ----


def _plain_views() -> list[str]:
    """Plain lines of a few views at three widths, as tests/golden/plain-views.txt holds them."""
    nasty, _ = argmap.load(FIXTURES / "cli-nasty.argdown")
    nasty.source_name = "cli-nasty.argdown"
    views: dict[str, Callable[[], TreeView]] = {
        "small-show": lambda: show_view(small(), labels=LABELS),
        "small-show-depth1": lambda: show_view(small(), depth=1),
        "small-why": lambda: why_view(small(), "[Ceasefire]", labels=LABELS),
        "small-why-regroup": lambda: why_view(small(), "<Rebels regroup>", labels=LABELS),
        "nasty-show": lambda: show_view(nasty, labels=dict.fromkeys(nasty.graph.nodes, "IN")),
    }
    parts: list[str] = []
    for name, make in views.items():
        for width in (24, 40, 80):
            parts.append(f"== {name} at {width} columns ==")
            parts.extend(tree_lines(make(), width))
    return parts


def test_plain_lines_golden() -> None:
    # Narrow widths too: long words cut, lines that keep their double spaces, the
    # 20-column floor of deep entries.
    check_golden("plain-views.txt", "\n".join(_plain_views()) + "\n")


def _greedy_wrap(text: str, width: int) -> list[str]:
    """The word wrap tree_lines had before it was made faster: the reference."""
    if len(text) <= width:
        return [text]
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        while len(word) > width:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:width])
            word = word[width:]
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


@given(st.text(alphabet=st.sampled_from("ab  xyz✔"), max_size=60), st.integers(min_value=1, max_value=25))
@settings(max_examples=400, deadline=None)
def test_wrap_matches_greedy_word_wrap(text: str, width: int) -> None:
    from argmap.views.text import _wrap

    assert _wrap(text, width) == _greedy_wrap(text, width)


def test_wrap_zero_width_ends() -> None:
    from argmap.views.text import _wrap

    assert _wrap("ab cd", 0) == ["a", "b", "c", "d"]  # used to loop for ever (COLUMNS=0)


def _all_view_nodes() -> list[ViewNode]:
    amap = small()
    nasty, _ = argmap.load(FIXTURES / "cli-nasty.argdown")
    nodes: list[ViewNode] = []
    for view in (
        show_view(amap, labels=LABELS),
        show_view(amap, depth=1),
        why_view(amap, "[Ceasefire]", labels=LABELS),
        why_view(amap, "<Rebels regroup>"),
        show_view(nasty),
    ):
        nodes += [n for root in view.roots for n in root.walk()]
    odd = [
        ViewNode("[P]", "statement", "P", "p #x  #(two words) end.", ["x", "two words", "implicit"], "premise"),
        ViewNode("<A>", "argument", "A", "", [], "frobs", label="MAYBE", quote="q", para=0, repeated=True),
        ViewNode("[Q]", "statement", "Q", "q.", [], "support", label="OUT", para="7", truncated=True),
        ViewNode("[R]", "statement", "R", "r.", [], "attack", expanded=False, truncated=True, quote="only"),
        ViewNode("[S]", "statement", "S", "s.", [], "contradiction", implicit=True, expanded=False),
    ]
    return nodes + odd


def test_node_text_is_the_segments_without_styles() -> None:
    from argmap.views.text import node_segments, node_text

    for node in _all_view_nodes():
        for details in (False, True):
            assert node_text(node, details) == "".join(text for text, _ in node_segments(node, details))


def test_legend_segments_are_the_legend_line() -> None:
    from argmap.views.text import legend_line, legend_segments

    for view in (show_view(small(), labels=LABELS), why_view(small(), "[Ceasefire]"), show_view(small(), depth=1)):
        assert "".join(text for text, _ in legend_segments(view)) == legend_line(view).plain


def test_count_nodes_stops_early() -> None:
    from argmap.views.text import count_nodes

    view = show_view(small())
    total = sum(len(root.walk()) for root in view.roots)
    assert count_nodes(view) == total
    assert count_nodes(view, 1) < total


def test_node_facts_are_make_node_fields() -> None:
    from argmap.views.tree import make_node, node_facts

    amap = small()
    facts: dict[str, tuple[object, ...]] = {}
    for node in amap.graph.nodes:
        made = make_node(amap, node, LABELS, "support", facts)  # type: ignore[arg-type]
        assert made == make_node(amap, node, LABELS, "support")  # cached or not, the same
        kind, title, text, tags, quote, para, implicit, location = node_facts(amap, node)
        assert (made.kind, made.title, made.text, made.tags) == (kind, title, text, list(tags))
        assert (made.quote, made.para, made.implicit, made.location) == (quote, para, implicit, location)
        assert made.label == LABELS[node] and made.relation == "support"
    assert facts.keys() == set(amap.graph.nodes)


@pytest.mark.parametrize("width", [30, 44, 80, 120])
def test_plain_list_lines_match_rich_layout(width: int) -> None:
    # A long list without colour prints through list_lines (rich took 3 s for 20,000
    # claims); it must read as rich's table does.
    import sys

    from argmap.views.text import list_lines, render_list

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from gen_argdown import generate

    maps = [argmap.load_default()[0], small(), argmap.loads(generate(200), lint=False)[0]]
    compared = 0
    for amap in maps:
        for kinds in [(False, False, False, None), (True, False, False, None), (False, False, True, None)]:
            nodes = list_claims(amap, *kinds)
            for locations in (True, False):
                lines = list_lines(nodes, width, locations)
                assert lines is not None  # line numbers of at most 4 digits leave >= 24 columns
                expected = [line.rstrip() for line in plain(render_list(nodes, locations), width).splitlines()]
                assert list(lines) == expected
                compared += 1
    assert compared == 18
    assert list_lines(nodes, 10) is None  # too narrow: rich lays it out


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4),
    max_leaves=30,
)


@given(_JSON_VALUES)
@settings(max_examples=300, deadline=None)
def test_to_json_is_the_standard_encoders_text(value: object) -> None:
    """The encoder that needs no recursion writes exactly what json.dumps(indent=2) writes."""
    assert to_json(value) == json.dumps(value, indent=2, ensure_ascii=False)


def explained_why(width: int) -> tuple[str, str]:
    """``why`` on the small map with its grounded labels and their reasons: rich and plain lines."""
    from argmap.semantics import label_map
    from argmap.semantics.explain import clause, explain
    from argmap.views.tree import explain_view

    amap = small()
    labels = label_map(amap)
    view = why_view(amap, "[Ceasefire]", labels=labels)
    reasons = explain(amap, labels)
    explain_view(view, {n: r.because for n, r in reasons.items()}, {n: clause(n, reasons) for n in reasons})
    return plain(render_tree(view), width=width), "\n".join(tree_lines(view, width)) + "\n"


def test_why_golden_text_with_reasons() -> None:
    rich_text, lines = explained_why(80)
    check_golden("why-small-reasons.txt", rich_text)
    assert lines == rich_text
    assert "because" in rich_text


def test_reasons_in_json_name_the_deciding_nodes() -> None:
    from argmap.semantics.explain import explain
    from argmap.views.tree import explain_view

    amap = small()
    labels = {n: r.label for n, r in explain(amap).items()}
    view = why_view(amap, "[Ceasefire]", labels=labels)
    explain_view(view, {"[Ceasefire]": ("[X]",)}, {})
    root = view.to_dict()["roots"][0]
    assert root["because"] == ["[X]"]
    assert all("because" not in child for child in root["children"])
