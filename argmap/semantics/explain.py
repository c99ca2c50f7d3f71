"""Why each claim has its grounded label: the nodes that decide it, and a reason kind.

The grounded labelling of a map (:mod:`~argmap.semantics.translate`) labels a claim
from three kinds of dependency, and an explanation names the claims on the deciding
side of each (docs/semantics-explained.md defines ``because`` with the same rules):

* **OUT** because something defeats it, checked in this order:

  - ``attacked``: ``because`` lists its IN attackers (attack, undercut, contrary,
    either side of a contradiction);
  - ``premise-out`` (arguments): ``because`` lists its OUT premises (an argument
    needs all of them);
  - ``unsupported`` (statements that something supports): ``because`` lists its
    supporters, all OUT (support into a statement is disjunctive: one would do).

* **IN** because it survives everything: ``because`` lists its attackers (all OUT),
  its premises (all IN) and its IN supporters.  The kind is ``defended`` when it has
  attackers, ``supported`` when it has premises or supporters but no attackers, and
  ``unattacked`` when ``because`` is empty.

* **UNDEC** because something it depends on is open and nothing defeats it: ``because``
  lists its UNDEC attackers (``undecided-attack``), else its UNDEC premises
  (``undecided-premise``), else its UNDEC supporters (``undecided-support``).
  ``cycle`` lists the other claims on a dependency cycle with it (its strongly
  connected component among the UNDEC claims): an UNDEC claim with an empty
  ``cycle`` only inherits the openness of a cycle elsewhere.

>>> import argmap
>>> amap, _ = argmap.loads("[C]: Claim.\\n  - [A]: Attack.\\n    - [D]: Defence.")
>>> reasons = explain(amap)
>>> reasons["[A]"]
Reason(label='OUT', kind='attacked', because=('[D]',), cycle=())
>>> reasons["[C]"].because
('[A]',)
>>> clause("[C]", reasons)
'every attacker is OUT: [A] (by [D])'
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.model import ArgumentMap
from argmap.semantics.grounded import IN, OUT, UNDEC, grounded_labelling
from argmap.semantics.translate import Translation, translate

_NAMES = {IN: "IN", OUT: "OUT", UNDEC: "UNDEC"}


@dataclass(frozen=True, slots=True)
class Reason:
    """What decides one claim's grounded label."""

    label: str
    """``IN``, ``OUT`` or ``UNDEC``."""
    kind: str
    """``unattacked``, ``supported``, ``defended``; ``attacked``, ``premise-out``,
    ``unsupported``; ``undecided-attack``, ``undecided-premise``, ``undecided-support``."""
    because: tuple[str, ...]
    """The node ids that decide the label, in map order (see the module documentation)."""
    cycle: tuple[str, ...] = ()
    """For UNDEC: the other claims on a dependency cycle with this one."""


@dataclass(slots=True)
class Dependencies:
    """For every claim of a map: who attacks it, which premises it needs, who supports it."""

    attackers: dict[str, list[str]]
    premises: dict[str, list[str]]
    supporters: dict[str, list[str]]


def dependencies(translation: Translation) -> Dependencies:
    """The claim-level relations the grounded labelling of ``translation`` depends on."""
    claims = translation.claims
    n = translation.claim_count
    attackers: dict[str, list[str]] = {}
    af = translation.af
    for a, b in zip(af.src, af.dst, strict=True):
        if a < n and b < n:
            found = attackers.setdefault(claims[b], [])
            if claims[a] not in found:
                found.append(claims[a])
    return Dependencies(attackers, translation.premises, translation.supporters)


def explain(amap: ArgumentMap, labels: dict[str, str] | None = None) -> dict[str, Reason]:
    """Node id -> :class:`Reason` for every statement and argument of ``amap``, in graph order.

    ``labels`` are the map's grounded labels when the caller has them already
    (:func:`~argmap.semantics.label_map`); they are computed otherwise."""
    translation = translate(amap)
    if labels is None:
        codes = grounded_labelling(translation.af)
        labels = {node: _NAMES[codes[i]] for i, node in enumerate(translation.claims)}
    return explain_labels(labels, dependencies(translation))


def explain_labels(labels: dict[str, str], deps: Dependencies) -> dict[str, Reason]:
    """The reasons for a grounded labelling ``labels`` of claims with dependencies ``deps``."""
    reasons: dict[str, Reason] = {}
    undecided: dict[str, list[str]] = {}
    for node, label in labels.items():
        attackers = deps.attackers.get(node, [])
        premises = deps.premises.get(node, [])
        supporters = deps.supporters.get(node, [])
        if label == "OUT":
            winners = [a for a in attackers if labels[a] == "IN"]
            fallen = [p for p in premises if labels[p] == "OUT"]
            if winners:
                reasons[node] = Reason(label, "attacked", tuple(winners))
            elif fallen:
                reasons[node] = Reason(label, "premise-out", tuple(fallen))
            else:
                reasons[node] = Reason(label, "unsupported", tuple(supporters))
        elif label == "IN":
            standing = [s for s in supporters if labels[s] == "IN"]
            because = tuple(_unique([*attackers, *premises, *standing]))
            kind = "defended" if attackers else "supported" if because else "unattacked"
            reasons[node] = Reason(label, kind, because)
        else:
            open_attackers = [a for a in attackers if labels[a] == "UNDEC"]
            open_premises = [p for p in premises if labels[p] == "UNDEC"]
            open_supporters = [s for s in supporters if labels[s] == "UNDEC"]
            if open_attackers:
                kind, deciding = "undecided-attack", open_attackers
            elif open_premises:
                kind, deciding = "undecided-premise", open_premises
            else:
                kind, deciding = "undecided-support", open_supporters
            undecided[node] = [*open_attackers, *open_premises, *open_supporters]
            reasons[node] = Reason(label, kind, tuple(deciding))
    for node, others in _cycles(undecided).items():
        reason = reasons[node]
        reasons[node] = Reason(reason.label, reason.kind, reason.because, tuple(others))
    return reasons


def _unique(nodes: list[str]) -> list[str]:
    return list(dict.fromkeys(nodes))


def _cycles(edges: dict[str, list[str]]) -> dict[str, list[str]]:
    """Node -> the other members of its strongly connected component (nodes on a cycle
    only; a node with an edge to itself is on a cycle of its own), by Tarjan's
    algorithm without recursion."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: dict[str, list[str]] = {}
    counter = 0
    for start in edges:
        if start in index:
            continue
        work: list[tuple[str, int]] = [(start, 0)]
        while work:
            node, position = work.pop()
            if position == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            targets = edges.get(node, [])
            if position < len(targets):
                work.append((node, position + 1))
                target = targets[position]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in edges.get(node, []):
                    order = {m: i for i, m in enumerate(edges)}
                    component.sort(key=order.__getitem__)
                    for member in component:
                        found[member] = [m for m in component if m != member] or [member]
    return found


def clause(node: str, reasons: dict[str, Reason]) -> str:
    """A short clause on why ``node`` has its label (what ``show`` and ``why`` print after it)."""
    reason = reasons[node]
    names = ", ".join(reason.because)
    kind = reason.kind
    if kind == "unattacked":
        return "nothing attacks it"
    if kind == "supported":
        return f"it stands on {names}"
    if kind == "defended":
        return "every attacker is OUT: " + ", ".join(
            f"{a} (by {', '.join(reasons[a].because)})" for a in reason.because if reasons[a].label == "OUT"
        )
    count = len(reason.because)
    if kind == "attacked":
        return f"{names} (IN) {'attacks' if count == 1 else 'attack'} it"
    if kind == "premise-out":
        return f"{'premise' if count == 1 else 'premises'} {names} {'is' if count == 1 else 'are'} OUT"
    if kind == "unsupported":
        return f"nothing that supports it stands ({names})" if names else "nothing that supports it stands"
    if reason.cycle == (node,):
        return "it attacks itself"
    if reason.cycle:
        return "on a cycle with " + ", ".join(reason.cycle)
    return f"{names} is UNDEC"
