"""The translation, checked against the rules it is meant to implement, on random maps.

For a map, a *claim labelling* gives every statement and argument IN, OUT or UNDEC.
It is legal when every claim obeys the rules of docs/semantics.md, stated here
directly on the map, with no auxiliary arguments:

* a claim is IN iff every attacker is OUT, (argument) every premise is IN, and
  (statement with supporters) some supporter is IN;
* a claim is OUT iff some attacker is IN, (argument) some premise is OUT, or
  (statement with supporters) every supporter is OUT.

The complete labellings of the translated framework are exactly the legal claim
labellings (each auxiliary argument's label is fixed by the claims it watches), so a
brute force over all 3^k claim labellings gives complete, grounded (the least in the
information order), preferred (the greatest) and stable (no UNDEC) independently."""

from __future__ import annotations

from itertools import product

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.model import Argument, ArgumentMap, PcsStep, RelationType, Span, Statement
from argmap.semantics import Label, evaluate, label_map

SPAN = Span("<test>", 1, 1, 1, 1)
ATTACK_TYPES = (RelationType.ATTACK, RelationType.UNDERCUT, RelationType.CONTRARY)


@st.composite
def maps(draw: st.DrawFn) -> ArgumentMap:
    amap = ArgumentMap()
    n_statements = draw(st.integers(1, 5))
    n_arguments = draw(st.integers(0, 3))
    statements = [f"[S{i}]" for i in range(n_statements)]
    for i in range(n_statements):
        amap.add_statement(Statement(f"S{i}"))
    arguments = [f"<A{i}>" for i in range(n_arguments)]
    for i in range(n_arguments):
        conclusion = draw(st.integers(0, n_statements - 1))
        others = [s for s in range(n_statements) if s != conclusion]
        premises = draw(st.lists(st.sampled_from(others), min_size=1, max_size=2, unique=True)) if others else []
        pcs = [PcsStep(k + 1, f"S{p}", "premise", SPAN) for k, p in enumerate(premises)]
        pcs.append(PcsStep(len(pcs) + 1, f"S{conclusion}", "main-conclusion", SPAN))
        amap.add_argument(Argument(f"A{i}", pcs=pcs))
        for p in premises:
            amap.add_relation(RelationType.PREMISE_OF, f"[S{p}]", f"<A{i}>", derived=True)
        amap.add_relation(RelationType.CONCLUSION_OF, f"<A{i}>", f"[S{conclusion}]", derived=True)
    nodes = statements + arguments
    for _ in range(draw(st.integers(0, 5))):
        kind = draw(st.sampled_from(["support", "attack", "undercut", "contradiction"]))
        source = draw(st.sampled_from(nodes))
        if kind == "support":
            amap.add_relation(RelationType.SUPPORT, source, draw(st.sampled_from(statements)))
        elif kind == "attack":
            amap.add_relation(RelationType.ATTACK, source, draw(st.sampled_from(nodes)))
        elif kind == "undercut" and arguments:
            amap.add_relation(RelationType.UNDERCUT, source, draw(st.sampled_from(arguments)))
        elif kind == "contradiction":
            a, b = draw(st.sampled_from(statements)), draw(st.sampled_from(statements))
            amap.add_relation(RelationType.CONTRADICTION, a, b)
    return amap


def _structure(amap: ArgumentMap) -> tuple[list[str], dict[str, set[str]], dict[str, set[str]], dict[str, set[str]]]:
    nodes = list(amap.graph.nodes)
    attackers: dict[str, set[str]] = {n: set() for n in nodes}
    supporters: dict[str, set[str]] = {}
    premises: dict[str, set[str]] = {}
    for relation in amap.relations():
        if relation.type in ATTACK_TYPES:
            attackers[relation.target].add(relation.source)
        elif relation.type is RelationType.CONTRADICTION:
            attackers[relation.target].add(relation.source)
            attackers[relation.source].add(relation.target)
        elif relation.type in (RelationType.SUPPORT, RelationType.CONCLUSION_OF) and relation.target.startswith("["):
            supporters.setdefault(relation.target, set()).add(relation.source)
        elif relation.type is RelationType.PREMISE_OF:
            premises.setdefault(relation.target, set()).add(relation.source)
    return nodes, attackers, supporters, premises


def legal_labellings(amap: ArgumentMap) -> list[dict[str, str]]:
    nodes, attackers, supporters, premises = _structure(amap)
    found = []
    for values in product(("IN", "OUT", "UNDEC"), repeat=len(nodes)):
        lab = dict(zip(nodes, values, strict=True))
        ok = True
        for node in nodes:
            att = [lab[a] for a in attackers[node]]
            pre = [lab[p] for p in premises.get(node, ())]
            sup = [lab[s] for s in supporters.get(node, ())]
            should_in = (
                all(x == "OUT" for x in att)
                and all(x == "IN" for x in pre)
                and (not sup or any(x == "IN" for x in sup))
            )
            should_out = (
                any(x == "IN" for x in att)
                or any(x == "OUT" for x in pre)
                or (bool(sup) and all(x == "OUT" for x in sup))
            )
            if (lab[node] == "IN") != should_in or (lab[node] == "OUT") != should_out:
                ok = False
                break
        if ok:
            found.append(lab)
    return found


def _leq(a: dict[str, str], b: dict[str, str]) -> bool:
    """a is below b in the information order: what a decides, b decides the same way."""
    return all(b[n] == a[n] for n in a if a[n] != "UNDEC")


def _as_set(labellings: list[dict[str, Label]] | list[dict[str, str]]) -> set[tuple[tuple[str, str], ...]]:
    return {tuple(sorted((n, str(v)) for n, v in lab.items())) for lab in labellings}


@settings(max_examples=150, deadline=None)
@given(maps())
def test_grounded_is_the_least_legal_labelling(amap: ArgumentMap) -> None:
    legal = legal_labellings(amap)
    least = [a for a in legal if all(_leq(a, b) for b in legal)]
    assert len(least) == 1
    assert label_map(amap) == least[0]


@settings(max_examples=100, deadline=None)
@given(maps())
def test_multi_extension_semantics_match_the_rules(amap: ArgumentMap) -> None:
    legal = legal_labellings(amap)
    preferred = [a for a in legal if not any(a != b and _leq(a, b) for b in legal)]
    stable = [a for a in legal if "UNDEC" not in a.values()]
    assert _as_set(evaluate(amap, "complete", limit=0).extensions) == _as_set(legal)
    assert _as_set(evaluate(amap, "preferred", limit=0).extensions) == _as_set(preferred)
    assert _as_set(evaluate(amap, "stable", limit=0).extensions) == _as_set(stable)
