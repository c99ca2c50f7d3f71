"""What if a premise were rejected, or accepted?  And which premises are the cruxes?

*Rejecting* a claim adds an unattacked attacker to it (so it is OUT under every
semantics); *accepting* one removes every attack on it, including the auxiliary
"unsupported" and "premise-fails" attacks of the translation (so it is IN).  Either
works on any statement or argument; the commands speak of premises because that
is what one usually denies or grants.

A *crux* of a claim is a set of premises (statements nothing in the map supports)
whose joint rejection leaves the claim no longer accepted, and no proper subset of
which does.  :func:`cruxes` searches the subsets of the claim's relevant premises
(those that reach it through the framework's attacks and are not already OUT) by
size, from 1 to ``max_size``, skipping every superset of a crux already found, so
it returns exactly the minimal cruxes of size up to ``max_size``, smallest first.
Acceptance under grounded semantics is not monotone in rejections (rejecting the
premise of an attacker helps), which is why the search does not prune on anything
else; each test is one linear-time labelling.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from math import comb

from argmap.model import ArgumentMap
from argmap.semantics.evaluation import (
    _LABELS,
    DEFAULT_EXTENSION_LIMIT,
    Label,
    evaluate_translation,
    solve_framework,
)
from argmap.semantics.framework import ArgumentationFramework
from argmap.semantics.grounded import IN, grounded_labelling
from argmap.semantics.translate import Translation, translate


@dataclass(frozen=True, slots=True)
class Change:
    """A claim whose label differs between the map as it is and the map with the changes."""

    node: str
    before: Label
    after: Label


def modified_framework(
    translation: Translation, reject: Iterable[str], accept: Iterable[str]
) -> ArgumentationFramework:
    """The translation's framework with ``reject`` attacked by fresh unattacked arguments
    and every attack on ``accept`` removed."""
    af = translation.af
    rejected = [translation.index[node] for node in reject]
    accepted = {translation.index[node] for node in accept}
    src: list[int] = []
    dst: list[int] = []
    for a, b in zip(af.src, af.dst, strict=True):
        if b not in accepted:
            src.append(a)
            dst.append(b)
    names = list(af.all_names())
    for target in rejected:
        src.append(len(names))
        dst.append(target)
        names.append(f"rejected({names[target]})")
    return ArgumentationFramework(len(names), src, dst, names)


def _check(translation: Translation, reject: Sequence[str], accept: Sequence[str]) -> None:
    for node in (*reject, *accept):
        if node not in translation.index or translation.index[node] >= translation.claim_count:
            raise KeyError(f"{node} is not a statement or argument of the map")
    both = set(reject) & set(accept)
    if both:
        raise ValueError(f"cannot both reject and accept {', '.join(sorted(both))}")


def relabel(
    translation: Translation,
    reject: Sequence[str] = (),
    accept: Sequence[str] = (),
    semantics: str = "grounded",
    limit: int = DEFAULT_EXTENSION_LIMIT,
) -> dict[str, Label]:
    """The claims' labels with ``reject`` rejected and ``accept`` accepted."""
    _check(translation, reject, accept)
    claims = translation.claims
    if semantics == "grounded":
        labels = grounded_labelling(
            translation.af,
            reject=[translation.index[n] for n in reject],
            accept=[translation.index[n] for n in accept],
        )
    else:
        labels = solve_framework(modified_framework(translation, reject, accept), semantics, None).labels
    return {node: _LABELS[labels[i]] for i, node in enumerate(claims)}


def what_if(
    amap: ArgumentMap, reject: Sequence[str] = (), accept: Sequence[str] = (), semantics: str = "grounded"
) -> list[Change]:
    """What changes (claim, label before, label after), in document order, when the
    claims ``reject`` are rejected and ``accept`` accepted.  Node ids (``[Title]``,
    ``<Title>``); raises KeyError for an unknown one, ValueError for one in both lists."""
    translation = translate(amap)
    before = evaluate_translation(translation, semantics).labels
    after = relabel(translation, reject, accept, semantics)
    return [Change(node, before[node], after[node]) for node in translation.claims if before[node] != after[node]]


def relevant_premises(translation: Translation, claim: str) -> list[str]:
    """Premises of the map from which ``claim`` can be reached along attacks of the framework."""
    attackers = translation.af.attackers()
    start = translation.index[claim]
    seen = {start}
    stack = [start]
    while stack:
        node = stack.pop()
        for attacker in attackers[node]:
            if attacker not in seen:
                seen.add(attacker)
                stack.append(attacker)
    return [p for p in translation.basic_statements() if translation.index[p] in seen and p != claim]


def crux_candidates(amap: ArgumentMap, claim: str) -> list[str]:
    """The premises :func:`cruxes` tries for ``claim``: relevant to it and not already OUT."""
    translation = translate(amap)
    base = grounded_labelling(translation.af)
    return [p for p in relevant_premises(translation, claim) if base[translation.index[p]] != 2]


def search_space(amap: ArgumentMap, claim: str, max_size: int) -> int:
    """How many sets of premises :func:`cruxes` tries at most (before minimality pruning)."""
    count = len(crux_candidates(amap, claim))
    return sum(comb(count, k) for k in range(1, max_size + 1))


def cruxes(amap: ArgumentMap, claim: str, max_size: int = 3) -> list[tuple[str, ...]]:
    """The minimal sets of premises (size <= ``max_size``) whose rejection makes ``claim``
    no longer IN under grounded semantics, smallest first, then in document order.

    Returns ``[()]`` (the empty set is the one minimal crux) when ``claim`` is not
    accepted to begin with.  Raises KeyError when ``claim`` is not a node of the map."""
    translation = translate(amap)
    if claim not in translation.index or translation.index[claim] >= translation.claim_count:
        raise KeyError(f"{claim} is not a statement or argument of the map")
    target = translation.index[claim]
    af = translation.af
    base = grounded_labelling(af)
    if base[target] != IN:
        return [()]
    candidates = [p for p in relevant_premises(translation, claim) if base[translation.index[p]] != 2]
    indices = [translation.index[p] for p in candidates]
    found: list[tuple[int, ...]] = []
    found_sets: list[frozenset[int]] = []
    for size in range(1, max_size + 1):
        for combo in combinations(range(len(indices)), size):
            chosen = frozenset(combo)
            if any(crux <= chosen for crux in found_sets):
                continue
            labels = grounded_labelling(af, reject=[indices[i] for i in combo])
            if labels[target] != IN:
                found.append(combo)
                found_sets.append(chosen)
    return [tuple(candidates[i] for i in combo) for combo in found]
