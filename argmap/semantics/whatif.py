"""What if a premise were rejected, or accepted?  And which premises are the cruxes?

*Rejecting* a claim adds an unattacked attacker to it (so it is OUT under every
semantics); *accepting* one removes every attack on it, including the auxiliary
"unsupported" and "premise-fails" attacks of the translation (so it is IN).  Either
works on any statement or argument; the commands speak of premises because that
is what one usually denies or grants.

A *crux* of a claim is a set of premises (statements nothing in the map supports)
whose joint rejection leaves the claim no longer accepted, and no proper subset of
which does.  The candidates are the claim's relevant premises (those that reach it
through the framework's attacks and are not already OUT).  :func:`cruxes` lets clingo
find the minimal cruxes of size up to ``max_size``, smallest first
(:mod:`~argmap.semantics.cruxsearch`); :func:`cruxes_by_subsets` tries the subsets by
size, skipping every superset of a crux already found, and is kept to check it.
Acceptance under grounded semantics is not monotone in rejections (rejecting the
premise of an attacker helps), which is why neither prunes on anything else.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

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
    from argmap.semantics.cruxsearch import ancestors

    seen = ancestors(translation.af, translation.index[claim])
    return [p for p in translation.basic_statements() if translation.index[p] in seen and p != claim]


def cruxes(amap: ArgumentMap, claim: str, max_size: int = 3) -> list[tuple[str, ...]]:
    """The minimal sets of premises (size <= ``max_size``) whose rejection makes ``claim``
    no longer IN under grounded semantics, smallest first, then in document order.

    Returns ``[()]`` (the empty set is the one minimal crux) when ``claim`` is not
    accepted to begin with.  Raises KeyError when ``claim`` is not a node of the map.
    clingo searches the sets (:mod:`~argmap.semantics.cruxsearch`);
    :func:`cruxes_by_subsets` tries them one by one and gives the same answer."""
    from argmap.semantics.cruxsearch import minimal_rejections

    found = _crux_problem(amap, claim)
    if found is None:
        return [()]
    translation, candidates, target = found
    indices = [translation.index[p] for p in candidates]
    names = dict(zip(indices, candidates, strict=True))
    return [tuple(names[i] for i in crux) for crux in minimal_rejections(translation.af, target, indices, max_size)]


def _crux_problem(amap: ArgumentMap, claim: str) -> tuple[Translation, list[str], int] | None:
    """The translation, the candidate premises and the claim's index; None when the claim is not IN."""
    translation = translate(amap)
    if claim not in translation.index or translation.index[claim] >= translation.claim_count:
        raise KeyError(f"{claim} is not a statement or argument of the map")
    target = translation.index[claim]
    base = grounded_labelling(translation.af)
    if base[target] != IN:
        return None
    candidates = [p for p in relevant_premises(translation, claim) if base[translation.index[p]] != 2]
    return translation, candidates, target


def cruxes_by_subsets(amap: ArgumentMap, claim: str, max_size: int = 3) -> list[tuple[str, ...]]:
    """:func:`cruxes` by trying every subset of the candidates by size, skipping supersets
    of the cruxes found (each test is one linear-time labelling)."""
    found_problem = _crux_problem(amap, claim)
    if found_problem is None:
        return [()]
    translation, candidates, target = found_problem
    af = translation.af
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
