"""Gradual semantics: a strength in [0, 1] for every statement and argument of a map.

A map is read as a quantitative bipolar argumentation framework: every node has a
**base score** τ (``{base: 0.8}`` in its data, else a perspective file's value, else
:data:`DEFAULT_BASE`), its **attackers** (attack, undercut, contrary, either side of a
contradiction) and its **supporters** (support, entailment, an argument's link to its
conclusion, support into an argument).  With ``a`` the attackers' strengths and ``s``
the supporters':

* ``dfquad`` (Rago, Toni, Aurisicchio & Baroni, KR 2016): ``F(v) = 1 - Π(1 - v_i)``
  (0 for none), ``va = F(a)``, ``vs = F(s)``; strength ``τ - τ·(va - vs)`` when
  ``va >= vs``, else ``τ + (1 - τ)·(vs - va)``.
* ``quadratic-energy`` (Potyka, KR 2018): energy ``E = Σs - Σa``,
  ``h(x) = max(x, 0)² / (1 + max(x, 0)²)``; strength ``τ - τ·h(-E) + (1 - τ)·h(E)``.
* ``euler`` (Amgoud & Ben-Naim, ECSQARU 2017): ``E = Σs - Σa``; strength
  ``1 - (1 - τ²) / (1 + τ·e^E)``.
* ``h-categorizer`` (weighted, Amgoud, Ben-Naim, Doder & Vesic, IJCAI 2017): attacks
  only, supporters are ignored; strength ``τ / (1 + Σa)``.

**Premises.** An argument needs all its premises, which no QBAF formula says, so the
argument's own score from the formula is scaled by its weakest premise:
``σ(<A>) = min(σ(P) for P premise of <A>) · f(τ(<A>), a, s)``.  So an argument is never
stronger than its weakest premise, falls to 0 with a premise at 0, and rises and falls
with its premises; with no premises the factor is 1 and the formula is the paper's.

**Order.** On an acyclic map every node is computed once, in topological order of the
dependencies (attackers, supporters, premises before the node).  On a cyclic map all
scores start at their base scores and are recomputed together (Jacobi iteration) until
no score moves by more than ``tolerance``, or ``max_iterations`` pass: the result then
says ``converged=False`` (DF-QuAD oscillates on some cycles: two arguments of base 1
attacking each other swap between 0 and 1 for ever).

>>> import argmap
>>> amap, _ = argmap.loads("[C]: Claim. {base: 0.8}\\n  - [A]: Attack.\\n  + [S]: Support. {base: 0.6}")
>>> scores = strength(amap, "dfquad").strength
>>> round(scores["[C]"], 3)  # va = 0.5, vs = 0.6: 0.8 + 0.2 * 0.1
0.82
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from math import exp, prod
from typing import Any

from argmap._gc import paused_gc
from argmap.model import NEGATIVE, POSITIVE, ArgumentMap, RelationType
from argmap.schemas import stamped
from argmap.semantics.translate import pcs_premises

GRADUAL = ("dfquad", "quadratic-energy", "euler", "h-categorizer")
DEFAULT_BASE = 0.5
"""The base score of a node with none given."""
TOLERANCE = 1e-9
MAX_ITERATIONS = 1000


def dfquad(base: float, attacks: list[float], supports: list[float]) -> float:
    """DF-QuAD's combination of the product aggregations of attackers and supporters."""
    va = 1.0 - prod(1.0 - v for v in attacks) if attacks else 0.0
    vs = 1.0 - prod(1.0 - v for v in supports) if supports else 0.0
    if va >= vs:
        return base - base * (va - vs)
    return base + (1.0 - base) * (vs - va)


def _h(x: float) -> float:
    x = max(x, 0.0)
    return x * x / (1.0 + x * x)


def quadratic_energy(base: float, attacks: list[float], supports: list[float]) -> float:
    """Potyka's quadratic energy model: the energy (support minus attack) moves the base score."""
    energy = sum(supports) - sum(attacks)
    return base - base * _h(-energy) + (1.0 - base) * _h(energy)


def euler(base: float, attacks: list[float], supports: list[float]) -> float:
    """Amgoud & Ben-Naim's Euler-based semantics."""
    energy = sum(supports) - sum(attacks)
    if energy > 700.0:  # exp overflows; the limit of the formula is 1
        return 1.0
    return 1.0 - (1.0 - base * base) / (1.0 + base * exp(energy))


def h_categorizer(base: float, attacks: list[float], supports: list[float]) -> float:
    """The weighted h-categorizer: attacks only (``supports`` is ignored)."""
    return base / (1.0 + sum(attacks))


FORMULAS: dict[str, Callable[[float, list[float], list[float]], float]] = {
    "dfquad": dfquad,
    "quadratic-energy": quadratic_energy,
    "euler": euler,
    "h-categorizer": h_categorizer,
}


@dataclass(slots=True)
class Structure:
    """The nodes of a map as a weighted bipolar graph with premises (by index into ``nodes``;
    a node with none has no entry)."""

    nodes: list[str]
    attackers: dict[int, list[int]]
    supporters: dict[int, list[int]]
    premises: dict[int, list[int]]


def structure(amap: ArgumentMap) -> Structure:
    """Attackers, supporters and premises of every node, by index into ``nodes`` (graph order)."""
    with paused_gc():
        return _structure(amap)


def _structure(amap: ArgumentMap) -> Structure:
    nodes = list(amap.graph.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    attackers: dict[int, list[int]] = {}
    supporters: dict[int, list[int]] = {}
    premises: dict[int, list[int]] = {}
    negative, positive = NEGATIVE, POSITIVE
    contradiction, premise_of = RelationType.CONTRADICTION, RelationType.PREMISE_OF

    def add(group: dict[int, list[int]], target: int, source: int) -> None:
        found = group.setdefault(target, [])
        if source not in found:
            found.append(source)

    for target, incoming in amap.in_adjacency().items():
        if not incoming:
            continue
        t = index[target]
        for source, relations in incoming.items():
            s = index[source]
            for rtype in relations:
                if rtype in negative:
                    add(attackers, t, s)
                    if rtype == contradiction and s != t:
                        add(attackers, s, t)
                elif rtype in positive:
                    add(supporters, t, s)
                elif rtype == premise_of and target[0] == "<" and source[0] == "[":
                    add(premises, t, s)
    for node, statement in pcs_premises(amap):
        if statement in index:
            add(premises, index[node], index[statement])
    return Structure(nodes, attackers, supporters, premises)


def base_scores(amap: ArgumentMap, overrides: Mapping[str, float] | None = None) -> dict[str, float]:
    """Node id -> base score: ``overrides`` (a perspective), else ``{base: x}`` in the
    node's data, else :data:`DEFAULT_BASE`.  Raises ValueError for a score outside [0, 1]."""
    scores: dict[str, float] = {}
    for title, statement in amap.statements.items():
        scores[f"[{title}]"] = _score(statement.data.get("base", DEFAULT_BASE), f"[{title}]")
    for title, argument in amap.arguments.items():
        scores[f"<{title}>"] = _score(argument.data.get("base", DEFAULT_BASE), f"<{title}>")
    for node, value in (overrides or {}).items():
        if node not in scores:
            raise ValueError(f"{node} is not a statement or argument of the map")
        scores[node] = _score(value, node)
    return scores


def _score(value: Any, node: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
        raise ValueError(f"the base score of {node} must be a number from 0 to 1, not {value!r}")
    return float(value)


@dataclass(slots=True)
class Strength:
    """Strengths of every node of a map under one gradual semantics."""

    semantics: str
    strength: dict[str, float]
    base: dict[str, float]
    iterations: int
    """Rounds of the fixed-point iteration (0 on an acyclic map)."""
    converged: bool
    acyclic: bool

    def to_dict(self) -> dict[str, Any]:
        return stamped(
            "strength",
            {
                "semantics": self.semantics,
                "strength": self.strength,
                "base": self.base,
                "acyclic": self.acyclic,
                "iterations": self.iterations,
                "converged": self.converged,
            },
        )


def strength(
    amap: ArgumentMap,
    semantics: str = "dfquad",
    base: Mapping[str, float] | None = None,
    tolerance: float = TOLERANCE,
    max_iterations: int = MAX_ITERATIONS,
) -> Strength:
    """Score every statement and argument of ``amap`` (see the module documentation);
    ``base`` overrides the map's base scores by node id."""
    return solve(structure(amap), base_scores(amap, base), semantics, tolerance, max_iterations)


def solve(
    graph: Structure,
    scores: dict[str, float],
    semantics: str = "dfquad",
    tolerance: float = TOLERANCE,
    max_iterations: int = MAX_ITERATIONS,
) -> Strength:
    """The strengths of ``graph``'s nodes from base ``scores`` (node id -> score)."""
    if semantics not in FORMULAS:
        raise ValueError(f"unknown gradual semantics {semantics!r}; choose one of {', '.join(GRADUAL)}")
    with paused_gc():
        return _solve(graph, scores, semantics, tolerance, max_iterations)


def _solve(
    graph: Structure, scores: dict[str, float], semantics: str, tolerance: float, max_iterations: int
) -> Strength:
    tau = [scores.get(node, DEFAULT_BASE) for node in graph.nodes]
    order = _topological(graph)
    formula = FORMULAS[semantics]
    if order is not None:
        value = list(tau)
        for i in order:
            value[i] = _node(i, tau, value, graph, formula)
        return Strength(semantics, dict(zip(graph.nodes, value, strict=True)), scores, 0, True, True)
    value = list(tau)
    iterations = 0
    converged = False
    n = len(graph.nodes)
    while iterations < max_iterations:
        iterations += 1
        new = [_node(i, tau, value, graph, formula) for i in range(n)]
        moved = max((abs(a - b) for a, b in zip(new, value, strict=True)), default=0.0)
        value = new
        if moved <= tolerance:
            converged = True
            break
    return Strength(semantics, dict(zip(graph.nodes, value, strict=True)), scores, iterations, converged, False)


def _node(
    i: int,
    tau: list[float],
    value: list[float],
    graph: Structure,
    formula: Callable[[float, list[float], list[float]], float],
) -> float:
    attackers = graph.attackers.get(i)
    supporters = graph.supporters.get(i)
    own = formula(
        tau[i],
        [value[a] for a in attackers] if attackers else [],
        [value[s] for s in supporters] if supporters else [],
    )
    needed = graph.premises.get(i)
    return own * min(value[p] for p in needed) if needed else own


def _topological(graph: Structure) -> list[int] | None:
    """Kahn's order of the nodes, dependencies first; None when there is a cycle."""
    n = len(graph.nodes)
    waiting = [0] * n
    dependants: dict[int, list[int]] = {}
    for group in (graph.attackers, graph.supporters, graph.premises):
        for i, sources in group.items():
            waiting[i] += len(sources)
            for j in sources:
                dependants.setdefault(j, []).append(i)
    order = [i for i in range(n) if not waiting[i]]
    for i in order:
        for k in dependants.get(i, ()):
            waiting[k] -= 1
            if not waiting[k]:
                order.append(k)
    return order if len(order) == n else None


@dataclass(frozen=True, slots=True)
class Contribution:
    """How much one direct supporter or attacker moves a claim's strength."""

    node: str
    relation: str
    """``support`` or ``attack``."""
    strength: float
    """The supporter's or attacker's own strength."""
    effect: float
    """The claim's strength minus its strength with this one relation removed."""


def contributions(
    amap: ArgumentMap, claim: str, semantics: str = "dfquad", base: Mapping[str, float] | None = None
) -> tuple[float, list[Contribution]]:
    """The claim's strength and, for each of its direct supporters and attackers, the
    change its removal would undo (attribution by removal), largest effect first."""
    graph = structure(amap)
    scores = base_scores(amap, base)
    whole = solve(graph, scores, semantics)
    i = graph.nodes.index(claim)
    found: list[Contribution] = []
    for relation, group in (("support", graph.supporters), ("attack", graph.attackers)):
        for j in list(group.get(i, ())):
            group[i].remove(j)
            without = solve(graph, scores, semantics).strength[claim]
            group[i].append(j)
            node = graph.nodes[j]
            found.append(Contribution(node, relation, whole.strength[node], whole.strength[claim] - without))
    found.sort(key=lambda c: -abs(c.effect))
    return whole.strength[claim], found


def moves(
    amap: ArgumentMap,
    semantics: str,
    changes: Mapping[str, float],
    base: Mapping[str, float] | None = None,
    smallest: float = 0.0005,
) -> list[tuple[str, float, float]]:
    """(node, strength before, strength after) for every node whose strength moves by
    more than ``smallest`` when the base scores ``changes`` replace the map's (and
    ``base``'s), in graph order."""
    graph = structure(amap)
    scores = base_scores(amap, base)
    before = solve(graph, scores, semantics).strength
    after = solve(graph, base_scores(amap, {**(base or {}), **changes}), semantics).strength
    return [(node, before[node], after[node]) for node in graph.nodes if abs(after[node] - before[node]) > smallest]


def sensitivity(
    amap: ArgumentMap, claim: str, semantics: str = "dfquad", step: float = 0.01
) -> list[tuple[str, float]]:
    """(premise, d strength(claim) / d base(premise)) for every statement nothing supports
    from which the claim can be reached, largest in size first: a central difference of
    ``step`` around the premise's base score (one-sided at 0 and 1)."""
    graph = structure(amap)
    scores = base_scores(amap)
    reaches = _reaching(graph, graph.nodes.index(claim))
    found: list[tuple[str, float]] = []
    for i in sorted(reaches):
        node = graph.nodes[i]
        if node[0] != "[" or graph.supporters.get(i) or node == claim:
            continue
        low, high = max(scores[node] - step, 0.0), min(scores[node] + step, 1.0)
        down = solve(graph, {**scores, node: low}, semantics).strength[claim]
        up = solve(graph, {**scores, node: high}, semantics).strength[claim]
        found.append((node, (up - down) / (high - low)))
    found.sort(key=lambda pair: -abs(pair[1]))
    return found


def _reaching(graph: Structure, target: int) -> set[int]:
    """The nodes whose score can reach ``target``'s (through attacks, supports, premises)."""
    seen = {target}
    stack = [target]
    while stack:
        i = stack.pop()
        for group in (graph.attackers, graph.supporters, graph.premises):
            for j in group.get(i, ()):
                if j not in seen:
                    seen.add(j)
                    stack.append(j)
    return seen
