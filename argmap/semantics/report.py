"""The results of ``eval`` on a framework, ``what-if`` and ``cruxes`` as records: what the
views print and what ``--json`` gives, shaped here once."""

from __future__ import annotations

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

    @property
    def unaccepted(self) -> bool:
        """The claim is not IN as the map stands (nothing needs rejecting)."""
        return self.sets == [()]

    def factors(self) -> list[list[str]] | None:
        """The sets as a product of groups, when they are one: each set takes exactly one
        premise of each group, and every such choice is a set.  None otherwise (or when
        there is a single group: the sets are then listed as they are).

        >>> CruxReport("[C]", Label.IN, 3, [("[A]", "[X]"), ("[A]", "[Y]"), ("[B]", "[X]"), ("[B]", "[Y]")]).factors()
        [['[A]', '[B]'], ['[X]', '[Y]']]
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
                "groups": self.factors(),
            },
        )


def product_groups(sets: Sequence[tuple[str, ...]]) -> list[list[str]] | None:
    """Groups whose product (one element of each) is exactly ``sets``, or None.

    In a product, two elements of one group never occur together and two of different
    groups always do in some set; so the groups are the classes of "never together",
    and the product is checked against the sets."""
    if len(sets) < 2 or not all(sets):
        return None
    order = list(dict.fromkeys(e for s in sets for e in s))
    together: dict[str, set[str]] = {e: set() for e in order}
    for s in sets:
        for e in s:
            together[e].update(s)
    groups: list[list[str]] = []
    placed: set[str] = set()
    for e in order:
        if e in placed:
            continue
        group = [f for f in order if f not in placed and (f == e or f not in together[e])]
        placed.update(group)
        groups.append(group)
    if len(groups) < 2:
        return None
    wanted = {frozenset(s) for s in sets}
    if len(wanted) != len(sets):
        return None
    made = {frozenset(choice) for choice in product(*groups)}
    return groups if made == wanted else None
