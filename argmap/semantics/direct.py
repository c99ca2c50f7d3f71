"""Grounded labels of a map's claims straight from its graph, with no framework built.

:func:`~argmap.semantics.translate.translate` turns a map into a Dung framework with
auxiliary arguments (one ``premise-fails`` per premise of an argument, one
``unsupported`` per supported statement) and :func:`~argmap.semantics.grounded.grounded_labelling`
labels it.  Every auxiliary argument has a fixed, simple relation to the claims it
watches, so the same labelling can be computed on the claims alone, reading the
networkx adjacency dicts of the map (``_pred`` once to count, ``_succ`` of each
labelled claim to propagate), with no auxiliary names, no index of the claims and no
attack lists:

* ``premise-fails(<A>, [P])`` has one attacker, ``[P]``.  It is OUT as soon as
  ``[P]`` is IN (then ``<A>`` has one attacker fewer that is not OUT) and IN as soon
  as ``[P]`` is OUT (then ``<A>`` is OUT).
* ``unsupported([C])`` is attacked by the supporters of ``[C]``.  It is OUT as soon
  as one supporter is IN (``[C]`` has one attacker fewer that is not OUT) and IN once
  every supporter is OUT (then ``[C]`` is OUT).

So :func:`grounded_claim_labels` is the queue algorithm of
:mod:`~argmap.semantics.grounded` run on the translated framework, with each
auxiliary argument's step taken at the moment its one decisive claim is labelled.
``count[c]`` is the number of attacks on claim ``c`` from arguments not yet OUT: its
attackers in the map, one per premise (for an argument), plus one for its
``unsupported`` auxiliary (for a statement with supporters); ``left[c]`` counts the
supports into a statement not yet OUT.  Both are made for a claim only when the walk
first reaches it: the first pass only looks for claims that nothing attacks, and one
attack, support or premise settles that a claim is not one of them.  On a large map
most claims are never reached, so most counts are never made.  The grounded labelling does not depend on the
order in which the queue is worked, so the labels are exactly those of
``grounded_labelling(translate(amap).af)`` on the claims (tests compare the two).
Relations the translation counts once but the graph holds twice (the same pair both
``support`` and ``entails``, a premise both as a ``premise-of`` edge and a PCS line)
may be counted twice here; an auxiliary argument doubled changes no label.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from argmap._gc import paused_gc
from argmap.model import ArgumentMap, RelationType

_ATTACK = 1
_CONTRADICTION = 2
_SUPPORT = 3
_PREMISE = 4

_KIND: dict[Any, int] = {
    RelationType.ATTACK: _ATTACK,
    RelationType.UNDERCUT: _ATTACK,
    RelationType.CONTRARY: _ATTACK,
    RelationType.CONTRADICTION: _CONTRADICTION,
    RelationType.SUPPORT: _SUPPORT,
    RelationType.ENTAILS: _SUPPORT,
    RelationType.CONCLUSION_OF: _SUPPORT,
    RelationType.PREMISE_OF: _PREMISE,
}
"""What each relation type is in the translation (see :mod:`~argmap.semantics.translate`)."""


def grounded_claim_labels(amap: ArgumentMap) -> dict[str, str]:
    """Node id -> ``"IN"``, ``"OUT"`` or ``"UNDEC"`` for every statement and argument,
    in graph order: the grounded labels of the claims of :func:`~argmap.semantics.translate.translate`."""
    with paused_gc():
        return _label(amap)


def _label(amap: ArgumentMap) -> dict[str, str]:
    pred = amap.in_adjacency()
    succ = amap.out_adjacency()
    arguments = amap.arguments
    kind_of = _KIND.get
    attack, contradiction, support, premise = _ATTACK, _CONTRADICTION, _SUPPORT, _PREMISE
    attacks = (attack, contradiction)
    premise_of = RelationType.PREMISE_OF
    count: dict[str, int] = {}
    """Attacks on the claim from (real or auxiliary) arguments not yet OUT; a claim's
    entry is made when it is first needed (see ``counted``)."""
    left: dict[str, int] = {}
    """Supports into the statement from claims not yet OUT (0 once one is IN)."""

    def pcs_needs(node: str, incoming: Mapping[str, Mapping[str, Any]]) -> list[str]:
        """Premises the argument has only as a line of its premise-conclusion structure,
        with no premise-of edge (intermediary conclusions; maps built by hand)."""
        record = arguments.get(node[1:-1])
        pcs = record.pcs if record is not None else None
        if not pcs:
            return []
        last = pcs[-1]
        conclusion = last.statement if last.role == "main-conclusion" else None
        needs: list[str] = []
        for step in pcs:
            title = step.statement
            if title == conclusion or step.role == "main-conclusion":
                continue
            needed = "[" + title + "]"
            edge = incoming.get(needed)
            if edge is not None and premise_of in edge:
                continue  # counted as an edge
            if needed in pred:
                needs.append(needed)
        return needs

    def counted(node: str) -> int:
        """Make ``node``'s entries in ``count`` (and ``left``) as they are before any claim
        is labelled, and return its count."""
        incoming = pred[node]
        blockers = 0
        supports = 0
        statement = node[0] == "["
        argument = node[0] == "<"
        for source, relations in incoming.items():
            for rtype in relations:
                kind = kind_of(rtype)
                if kind in attacks:
                    blockers += 1
                elif kind == support:
                    if statement:
                        supports += 1
                elif kind == premise and argument and source[0] == "[":
                    blockers += 1
        # A contradiction attacks both ways: the node's own contradictions of others too.
        for target, relations in succ[node].items():
            if target != node and RelationType.CONTRADICTION in relations:
                blockers += 1
        if supports:
            left[node] = supports
            blockers += 1
        if argument:
            blockers += len(pcs_needs(node, incoming))
        count[node] = blockers
        return blockers

    # The claims that nothing attacks are IN.  Most claims of a large map are attacked,
    # supported or have premises: one blocking relation settles it, without counting.
    queue: list[str] = []
    for node, incoming in pred.items():
        statement = node[0] == "["
        argument = node[0] == "<"
        blocked = False
        for source, relations in incoming.items():
            for rtype in relations:
                kind = kind_of(rtype)
                if (
                    kind in attacks
                    or (kind == support and statement)
                    or (kind == premise and argument and source[0] == "[")
                ):
                    blocked = True
                    break
            if blocked:
                break
        if not blocked and not counted(node):
            queue.append(node)

    label = dict.fromkeys(pred, "UNDEC")
    if not queue:
        return label  # nothing is IN, so nothing is OUT: the grounded labelling is all UNDEC
    for node in queue:
        label[node] = "IN"

    needed_by: dict[str, list[str]] = {}
    """Statement -> the arguments that have it as a premise only through their PCS (see pcs_needs)."""
    for node, incoming in pred.items():
        if node[0] == "<":
            for needed in pcs_needs(node, incoming):
                needed_by.setdefault(needed, []).append(node)

    def fewer(target: str) -> None:
        """One attack on ``target`` fewer; it is IN when none is left."""
        remaining = count[target] - 1 if target in count else counted(target) - 1
        count[target] = remaining
        if not remaining and label[target] == "UNDEC":
            label[target] = "IN"
            queue.append(target)

    # ``queue`` grows while we walk it: the claims labelled IN or OUT, whose effect on
    # what they attack, support or are a premise of is still to be drawn.
    for node in queue:
        contradicting = [
            source
            for source, relations in pred[node].items()
            if source != node and RelationType.CONTRADICTION in relations
        ]
        if label[node] == "IN":
            for target, relations in succ[node].items():
                for rtype in relations:
                    kind = kind_of(rtype)
                    if kind in attacks:
                        if label[target] != "OUT":
                            label[target] = "OUT"
                            queue.append(target)
                    elif kind == support:
                        # unsupported(target) is OUT: one attacker of target fewer.
                        if target[0] == "[":
                            if target not in count:
                                counted(target)
                            if left[target] > 0:
                                left[target] = 0
                                fewer(target)
                    elif kind == premise and target[0] == "<" and node[0] == "[":
                        # premise-fails(target, node) is OUT: one attacker of target fewer.
                        fewer(target)
            for target in contradicting:
                if label[target] != "OUT":
                    label[target] = "OUT"
                    queue.append(target)
            for target in needed_by.get(node, ()):
                fewer(target)
        else:  # OUT
            for target, relations in succ[node].items():
                for rtype in relations:
                    kind = kind_of(rtype)
                    if kind in attacks:
                        fewer(target)
                    elif kind == support:
                        # Once every supporter is OUT, unsupported(target) is IN.
                        if target[0] == "[":
                            if target not in count:
                                counted(target)
                            left[target] -= 1
                            if not left[target] and label[target] != "OUT":
                                label[target] = "OUT"
                                queue.append(target)
                    elif kind == premise and target[0] == "<" and node[0] == "[" and label[target] != "OUT":
                        # premise-fails(target, node) is IN.
                        label[target] = "OUT"
                        queue.append(target)
            for target in contradicting:
                fewer(target)
            for target in needed_by.get(node, ()):
                if label[target] != "OUT":
                    label[target] = "OUT"
                    queue.append(target)
    return label
