"""From an Argdown map to a Dung argumentation framework.

Every statement and every argument of the map becomes one abstract argument (named
by its node id, ``[Title]`` or ``<Title>``), read as "this claim stands".  Attacks of
the map become attacks; the two kinds of *dependency* a map also expresses, which a
plain Dung framework has no arrow for, become small gadgets of auxiliary arguments:

* **attack** (``-``), **undercut** (``_``) and, in strict mode, **contrary**: an
  attack from source to target, as drawn.  **contradiction** (``><``): attacks both
  ways.
* **premises** (conjunctive): an argument stands only if *all* its premises stand.
  For each premise P of argument A an auxiliary argument ``premise-fails(<A>, [P])``
  attacks A and is attacked by P.  If P is IN the auxiliary is OUT; if P is OUT the
  auxiliary is IN and A is OUT; if P is UNDEC so is the auxiliary and A cannot be IN.
  Intermediary conclusions of a premise-conclusion structure count as premises
  (they are steps the argument needs).  This is Cayrol & Lagasquie-Schiex's
  *secondary attack* (an attack on a supporter is an attack on what it supports,
  the reading of a *necessary* support) generalised so that the argument also falls
  when a premise falls for lack of support, not only when it is attacked.
* **support** (``+``, ``<+``, strict-mode entailment, and an argument's link to its
  main conclusion) into a statement (disjunctive): a statement that something
  supports stands only if *some* supporter stands.  An auxiliary argument
  ``unsupported([C])`` attacks C and is attacked by every supporter of C: it is OUT
  as soon as one supporter is IN.  A statement nothing supports is a premise of
  the map and stands by default, unless attacked.
* support into an argument (``[S] + <A>``) adds no dependency: the map does not say
  which premise S backs, and A already depends on its premises.

The auxiliary arguments come after the claims (indices ``len(claims)`` onwards) and
are never shown as claims; their labels follow from the claims' labels.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from argmap._gc import paused_gc
from argmap.model import ONE_WAY_NEGATIVE, POSITIVE, ArgumentMap, RelationType, is_statement_node
from argmap.semantics.framework import ArgumentationFramework


@dataclass(slots=True)
class Translation:
    """A map's framework and the correspondence between its nodes and the map's."""

    af: ArgumentationFramework
    claims: list[str]
    """Node ids of the map's statements and arguments: abstract arguments ``0 .. len(claims)-1``."""
    index: dict[str, int]
    """Node id (and auxiliary name) -> abstract argument."""
    supporters: dict[str, list[str]] = field(default_factory=dict)
    """Statement node -> the nodes whose standing it needs one of."""
    premises: dict[str, list[str]] = field(default_factory=dict)
    """Argument node -> the statements it needs all of."""

    @property
    def claim_count(self) -> int:
        return len(self.claims)

    def basic_statements(self) -> list[str]:
        """Statements that nothing supports: the premises of the map, in document order."""
        return [c for c in self.claims if is_statement_node(c) and c not in self.supporters]


def translate(amap: ArgumentMap) -> Translation:
    """The framework of ``amap``, as described in this module's documentation."""
    with paused_gc():
        return _translate(amap)


def pcs_premises(amap: ArgumentMap) -> Iterator[tuple[str, str]]:
    """(argument node, statement node) for every line of every premise-conclusion
    structure other than the conclusion: the steps the argument needs (the statement
    may be missing from the map's graph)."""
    for title, argument in amap.arguments.items():
        if not argument.pcs:
            continue
        node = f"<{title}>"
        conclusion = argument.conclusion
        for step in argument.pcs:
            if step.role == "main-conclusion" or step.statement == conclusion:
                continue
            yield node, f"[{step.statement}]"


def _translate(amap: ArgumentMap) -> Translation:
    claims = list(amap.graph.nodes)
    names = list(claims)
    index = {node: i for i, node in enumerate(claims)}
    src: list[int] = []
    dst: list[int] = []
    supporters: dict[str, list[str]] = {}
    premises: dict[str, list[str]] = {}
    attack_types = ONE_WAY_NEGATIVE
    support_types = POSITIVE
    contradiction = RelationType.CONTRADICTION
    premise_of = RelationType.PREMISE_OF
    # The adjacency dicts directly: networkx's edge views cost more than all the rest of
    # the translation.
    for source, neighbours in amap.out_adjacency().items():
        s = index[source]
        for target, attrs in neighbours.items():
            for rtype in attrs:
                if rtype in attack_types:
                    src.append(s)
                    dst.append(index[target])
                elif rtype == contradiction:
                    src.append(s)
                    dst.append(index[target])
                    if source != target:
                        src.append(index[target])
                        dst.append(s)
                elif rtype in support_types and target[0] == "[":
                    found = supporters.setdefault(target, [])
                    if source not in found:
                        found.append(source)
                elif rtype == premise_of and target[0] == "<" and source[0] == "[":
                    found = premises.setdefault(target, [])
                    if source not in found:
                        found.append(source)
    for node, statement in pcs_premises(amap):
        if statement in index:
            found = premises.setdefault(node, [])
            if statement not in found:
                found.append(statement)
    # Auxiliary arguments, in claim order so that names and indices are reproducible.
    for node in claims:
        needs = premises.get(node)
        if needs:
            needing = index[node]
            for premise in needs:
                aux = len(names)
                names.append(f"premise-fails({node}, {premise})")
                index[names[aux]] = aux
                src.append(index[premise])
                dst.append(aux)
                src.append(aux)
                dst.append(needing)
        backers = supporters.get(node)
        if backers:
            aux = len(names)
            names.append(f"unsupported({node})")
            index[names[aux]] = aux
            src.append(aux)
            dst.append(index[node])
            for backer in backers:
                src.append(index[backer])
                dst.append(aux)
    af = ArgumentationFramework(len(names), src, dst, names)
    return Translation(af, claims, index, supporters, premises)
