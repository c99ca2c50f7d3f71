"""Each lint rule, with a map that triggers it and a near miss that does not (argmap/rules.py)."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.rules import lint, registered

# code -> (map that must trigger the rule, similar map that must not)
CASES: dict[str, tuple[str, str]] = {
    "AM103": (
        "[Fool]: a fool\n  + [Foo]\n",
        "[Fool]: a fool\n  + [Foo]: the reason\n",
    ),
    "AM106": (
        "[Apple]: a\n  + [Zebra crossing]\n",
        "[Apple]: a\n  + [Zebra crossing]: defined\n",
    ),
    "AM104": (
        "[C]: claim\n  + <Reason>\n",
        "[C]: claim\n  + <Reason>: described\n",
    ),
    "AM105": (
        "[A]: see @[Missing]\n  + [B]: b\n",
        "[A]: see @[B]\n  + [B]: b\n",
    ),
    "AM201": (
        "[A]: a\n  + [B]: b\n    + [C]: c\n      + [A]\n",
        "[A]: a\n  + [B]: b\n    + [C]: c\n      - [A]\n",
    ),
    "AM202": (
        "[A]: a\n  - [A]\n",
        "[A]: a\n  - [B]: b\n",
    ),
    "AM203": (
        "[A]: a\n  + [B]: b\n\n[Lonely]: nobody links here\n",
        "[A]: a\n  + [B]: b\n\n[Linked]: linked\n  + [A]\n",
    ),
    "AM204": (
        "[C]: claim\n  + <R>: a reason\n",
        "[C]: claim\n  + <R>: a reason\n\n<R>\n\n(1) p\n----\n(2) [C]\n",
    ),
    "AM205": (
        "[Thesis]: t\n  - [Objection]: o\n",
        "[Thesis]: t\n  - [Objection]: o\n  + [Reason]: r\n",
    ),
    "AM206": (
        "[A]: The deal is dead.\n  + [B]: The deal is dead\n",
        "[A]: The deal is dead.\n  + [B]: The deal is alive.\n",
    ),
    "AM207": (
        "[T]: t\n  + [R]: r\n\n[T]\n  - [R]\n",
        "[T]: t\n  + [R]: r\n\n[T]\n  - [S]: s\n",
    ),
    "AM208": (
        "[T]: t\n  _ [U]: u\n",
        "<T>: t\n  _ [U]: u\n",
    ),
    "AM209": (
        "===\nmap:\n  addTags: true\n===\n\n[T]: t\n  + [U]: u\n",
        "===\nmap:\n  statementLabelMode: text\n===\n\n[T]: t\n  + [U]: u\n",
    ),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_fires(code: str) -> None:
    amap, _ = argmap.loads(CASES[code][0])
    assert code in [d.code for d in lint(amap, [code])]


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_does_not_fire_on_near_miss(code: str) -> None:
    amap, _ = argmap.loads(CASES[code][1])
    assert [d for d in lint(amap, [code])] == []


def test_every_map_rule_has_cases_and_every_rule_a_doc() -> None:
    rules = registered()
    map_rules = {code for code, rule in rules.items() if rule.check is not None}
    assert map_rules == set(CASES)
    for rule in rules.values():
        assert rule.summary and rule.name and rule.code[:2] in ("AM", "AF")


def test_unknown_statement_suggests_closest_title_and_is_an_error() -> None:
    _, diags = argmap.loads("[Fool]: a fool\n  + [Foo]\n", name="map.argdown")
    (d,) = [d for d in diags if d.code == "AM103"]
    assert d.severity.value == "error"
    assert str(d) == "map.argdown:2:5: error[AM103] unknown statement [Foo]; did you mean [Fool]?"


def test_undefined_statement_without_near_match_is_a_warning_of_its_own() -> None:
    _, diags = argmap.loads("[Apple]: a\n  + [Zebra crossing]\n")
    (d,) = [d for d in diags if d.code in ("AM103", "AM106")]
    assert d.code == "AM106" and d.severity.value == "warning" and "did you mean" not in d.message


def test_intermediary_conclusion_is_not_an_orphan() -> None:
    amap, _ = argmap.loads("<A>: x\n\n(1) [P]: p\n----\n(2) [I]: i\n(3) [Q]: q\n----\n(4) [C]: c\n")
    assert lint(amap, ["AM203"]) == []


def test_circular_support_names_the_cycle() -> None:
    amap, _ = argmap.loads(CASES["AM201"][0])
    (d,) = lint(amap, ["AM201"])
    assert d.message == "circular support: [A] -> [C] -> [B] -> [A]"


def test_circular_support_through_an_argument_pcs() -> None:
    text = "<Arg>\n\n(1) [P]: p\n----\n(2) [C]: c\n\n[P]\n  + [C]\n"
    amap, _ = argmap.loads(text)
    (d,) = lint(amap, ["AM201"])
    assert "<Arg>" in d.message


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12)), max_size=40))
def test_cyclic_components_agree_with_networkx(edges: list[tuple[int, int]]) -> None:
    from argmap.rules.structure import _cyclic_components

    successors: dict[str, list[str]] = {}
    graph: nx.DiGraph[str] = nx.DiGraph()
    for a, b in edges:
        if a != b:
            successors.setdefault(f"n{a}", []).append(f"n{b}")
            graph.add_edge(f"n{a}", f"n{b}")
    expected = {frozenset(c) for c in nx.strongly_connected_components(graph) if len(c) > 1}
    assert {frozenset(c) for c in _cyclic_components(successors)} == expected
