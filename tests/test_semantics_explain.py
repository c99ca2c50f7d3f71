"""Every grounded label explains itself: the ``because`` of each claim, checked on random
maps against the rules of docs/semantics-explained.md, stated on the map's relations
(read here from the map, not from the explanation's own dependency lists)."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given, settings

import argmap
from argmap.model import ArgumentMap
from argmap.semantics import label_map
from argmap.semantics.explain import Reason, clause, explain

sys.path.insert(0, str(Path(__file__).parent))
from test_semantics_map_properties import _structure, maps


@settings(max_examples=300, deadline=None)
@given(maps())
def test_every_label_is_explained_soundly(amap: ArgumentMap) -> None:
    nodes, attackers, supporters, premises = _structure(amap)
    labels = label_map(amap)
    reasons = explain(amap)
    assert set(reasons) == set(nodes)
    for node in nodes:
        reason = reasons[node]
        assert reason.label == labels[node]
        because = set(reason.because)
        attacking = attackers[node]
        needed = premises.get(node, set())
        backing = supporters.get(node, set())
        if reason.label == "OUT":
            # an IN attacker, or an OUT premise, or no supporter standing (every one OUT)
            assert because
            assert (
                (because <= attacking and all(labels[x] == "IN" for x in because))
                or (because <= needed and all(labels[x] == "OUT" for x in because))
                or (because == backing and all(labels[x] == "OUT" for x in because))
            )
        elif reason.label == "IN":
            assert because == attacking | needed | {s for s in backing if labels[s] == "IN"}
            assert all(labels[a] == "OUT" for a in attacking)
            assert all(labels[p] == "IN" for p in needed)
            assert not backing or any(labels[s] == "IN" for s in backing)
            # who defeats each attacker is named by the attacker's own reason
            for a in attacking:
                assert reasons[a].label == "OUT" and reasons[a].because
        else:
            assert because and all(labels[x] == "UNDEC" for x in because)
            assert because <= attacking or because <= needed or because <= backing
            assert not any(labels[a] == "IN" for a in attacking)
            assert not any(labels[p] == "OUT" for p in needed)
        assert isinstance(clause(node, reasons), str)


@settings(max_examples=200, deadline=None)
@given(maps())
def test_undec_claims_on_a_cycle_depend_on_each_other(amap: ArgumentMap) -> None:
    """``cycle`` names exactly the UNDEC claims that a chain of UNDEC dependencies leads
    from and back to (its strongly connected component), computed here by reachability."""
    nodes, attackers, supporters, premises = _structure(amap)
    labels = label_map(amap)
    open_nodes = [n for n in nodes if labels[n] == "UNDEC"]
    edges = {
        n: {x for x in attackers[n] | premises.get(n, set()) | supporters.get(n, set()) if labels[x] == "UNDEC"}
        for n in open_nodes
    }

    def reach(start: str) -> set[str]:
        seen: set[str] = set()
        todo = list(edges[start])
        while todo:
            x = todo.pop()
            if x not in seen:
                seen.add(x)
                todo.extend(edges[x])
        return seen

    reached = {n: reach(n) for n in open_nodes}
    reasons = explain(amap)
    for n in open_nodes:
        together = {m for m in reached[n] if n in reached[m]}
        expected = together - {n} or ({n} if n in together else set())
        assert set(reasons[n].cycle) == expected


def test_the_shipped_example() -> None:
    amap, _ = argmap.loads("[C]: Claim.\n  - [A]: Attack.\n    - [D]: Defence.\n  - [B]: Other.\n    - [B]: Itself.")
    reasons = explain(amap)
    assert reasons["[A]"] == Reason("OUT", "attacked", ("[D]",))
    assert reasons["[B]"] == Reason("UNDEC", "undecided-attack", ("[B]",), ("[B]",))
    assert reasons["[C]"].label == "UNDEC" and reasons["[C]"].because == ("[B]",) and reasons["[C]"].cycle == ()
    assert clause("[B]", reasons) == "it attacks itself"
    assert clause("[C]", reasons) == "[B] is UNDEC"


def test_premises_and_support() -> None:
    text = (
        "[C]: Claim.\n\n<A>\n\n(1) [P]: Premise.\n(2) [Q]: Other premise.\n----\n(3) [C]\n\n[Q]\n  - [X]: Objection.\n"
    )
    amap, _ = argmap.loads(text)
    reasons = explain(amap)
    assert reasons["<A>"] == Reason("OUT", "premise-out", ("[Q]",))
    assert reasons["[C]"] == Reason("OUT", "unsupported", ("<A>",))
    assert clause("<A>", reasons) == "premise [Q] is OUT"
    assert clause("[C]", reasons) == "nothing that supports it stands (<A>)"
    assert clause("[Q]", reasons) == "[X] (IN) attacks it"
