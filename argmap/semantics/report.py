"""The results of ``eval`` on a framework, ``what-if`` and ``cruxes`` as records: what the
views print and what ``--json`` gives, shaped here once."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import product
from typing import Any

from argmap.schemas import stamped
from argmap.semantics.evaluation import FrameworkResult, Label
from argmap.semantics.framework import ArgumentationFramework
from argmap.semantics.whatif import Change

_KEYS = ("UNDEC", "IN", "OUT")
"""Label names by the framework's label codes (UNDEC 0, IN 1, OUT 2)."""


@dataclass(frozen=True, slots=True)
class FrameworkReport:
    """A framework's evaluation by argument name: what ``argmap eval FILE`` reports."""

    semantics: str
    arguments: int
    attacks: int
    groups: dict[str, list[str]]
    """``IN``, ``OUT``, ``UNDEC`` -> the arguments with that label, in order."""
    labels: dict[str, str]
    extensions: list[list[str]]
    """The arguments IN in each extension (multi-extension semantics only)."""
    credulous: list[str]
    sceptical: list[str]
    exhaustive: bool
    listed: bool = True
    """False when the extensions were not listed (acceptance only)."""

    def to_dict(self, summary: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "semantics": self.semantics,
            "arguments": self.arguments,
            "attacks": self.attacks,
            "counts": {k: len(v) for k, v in self.groups.items()},
            "labels": {} if summary else self.labels,
        }
        if self.semantics != "grounded":
            data.update(credulous=self.credulous, sceptical=self.sceptical)
            if self.listed:
                data.update(extensions=self.extensions, exhaustive=self.exhaustive)
        return stamped("framework-evaluation", data)


def framework_report(af: ArgumentationFramework, result: FrameworkResult) -> FrameworkReport:
    names = af.all_names()
    groups: dict[str, list[str]] = {"IN": [], "OUT": [], "UNDEC": []}
    for i, label in enumerate(result.labels):
        groups[_KEYS[label]].append(names[i])
    multi = result.semantics != "grounded"
    return FrameworkReport(
        result.semantics,
        af.n,
        af.m,
        groups,
        {names[i]: _KEYS[x] for i, x in enumerate(result.labels)},
        [[names[i] for i, x in enumerate(lab) if x == 1] for lab in result.labellings] if multi else [],
        [names[i] for i, ok in enumerate(result.credulous) if ok] if multi else [],
        [names[i] for i, ok in enumerate(result.sceptical) if ok] if multi else [],
        result.exhaustive,
        result.listed,
    )


@dataclass(frozen=True, slots=True)
class WhatIfReport:
    """The claims whose label changes when some are rejected or accepted."""

    semantics: str
    rejected: list[str]
    accepted: list[str]
    changes: list[Change]

    @property
    def assumption(self) -> str:
        """``rejecting [A] and accepting [B]``."""
        parts = []
        if self.rejected:
            parts.append("rejecting " + ", ".join(self.rejected))
        if self.accepted:
            parts.append("accepting " + ", ".join(self.accepted))
        return " and ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return stamped(
            "what-if",
            {
                "semantics": self.semantics,
                "reject": self.rejected,
                "accept": self.accepted,
                "changes": [{"claim": c.node, "before": c.before.value, "after": c.after.value} for c in self.changes],
            },
        )


@dataclass(frozen=True, slots=True)
class CruxReport:
    """The smallest sets of premises whose rejection defeats a claim (see :func:`argmap.semantics.cruxes`)."""

    claim: str
    label: Label
    max_size: int
    sets: list[tuple[str, ...]]

    def _groups_json(self) -> list[list[list[str]]] | None:
        groups = self.factors()
        return None if groups is None else [[list(alternative) for alternative in group] for group in groups]

    @property
    def unaccepted(self) -> bool:
        """The claim is not IN as the map stands (nothing needs rejecting)."""
        return self.sets == [()]

    def factors(self) -> list[list[tuple[str, ...]]] | None:
        """The sets as a product of groups, when they are one (:func:`product_groups`):
        each set takes one alternative of each group.  None otherwise (or when there is a
        single group: the sets are then listed as they are).

        >>> CruxReport("[C]", Label.IN, 3, [("[A]", "[X]"), ("[A]", "[Y]"), ("[B]", "[X]"), ("[B]", "[Y]")]).factors()
        [[('[A]',), ('[B]',)], [('[X]',), ('[Y]',)]]
        """
        return product_groups(self.sets)

    def to_dict(self) -> dict[str, Any]:
        return stamped(
            "cruxes",
            {
                "claim": self.claim,
                "label": self.label.value,
                "max_size": self.max_size,
                "cruxes": [list(c) for c in self.sets],
                "groups": self._groups_json(),
            },
        )


def product_groups(sets: Sequence[tuple[str, ...]]) -> list[list[tuple[str, ...]]] | None:
    """Groups whose product is exactly ``sets``: each set is one alternative of each group
    put together, and every such choice is a set.  An alternative is one premise or
    several rejected together.  None when the sets are no such product (or only one group).

    In a product over disjoint groups, two premises of different groups occur together
    exactly as often as chance says (in ``count(a) * count(b) / len(sets)`` sets), and two
    of one group do not (they exclude each other, or always come together); so the
    groups are the classes of that dependence, and the product is then checked.

    >>> product_groups([("[A]", "[X]"), ("[A]", "[Y]", "[Z]"), ("[B]", "[X]"), ("[B]", "[Y]", "[Z]")])
    [[('[A]',), ('[B]',)], [('[X]',), ('[Y]', '[Z]')]]
    """
    family = [frozenset(s) for s in sets]
    n = len(family)
    if n < 2 or not all(family) or len(set(family)) != n:
        return None
    order = list(dict.fromkeys(e for s in sets for e in s))
    count = Counter(e for s in family for e in s)
    together = Counter((a, b) for s in family for a in s for b in s if a != b)
    group_of = {e: i for i, e in enumerate(order)}

    def join(a: str, b: str) -> None:
        old, new = group_of[b], group_of[a]
        for e, g in group_of.items():
            if g == old:
                group_of[e] = new

    for i, a in enumerate(order):
        for b in order[i + 1 :]:
            if group_of[a] != group_of[b] and together[a, b] * n != count[a] * count[b]:
                join(a, b)
    members = list(dict.fromkeys(group_of[e] for e in order))
    if len(members) < 2:
        return None
    groups: list[list[tuple[str, ...]]] = []
    for g in members:
        alternatives = [tuple(e for e in s if group_of[e] == g) for s in sets]
        if not all(alternatives):
            return None
        groups.append(list(dict.fromkeys(alternatives)))
    made = {frozenset(e for part in choice for e in part) for choice in product(*groups)}
    return groups if len(made) == n and made == set(family) else None
