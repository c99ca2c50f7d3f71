"""Evaluate a framework, or a map through its framework, under a semantics."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from argmap.model import ArgumentMap
from argmap.schemas import stamped
from argmap.semantics.direct import grounded_claim_labels
from argmap.semantics.framework import ArgumentationFramework
from argmap.semantics.grounded import IN, OUT, UNDEC, grounded_labelling
from argmap.semantics.translate import Translation, translate

SEMANTICS = ("grounded", "complete", "preferred", "stable")
DEFAULT_EXTENSION_LIMIT = 1000
"""Multi-extension semantics stop enumerating after this many extensions by default."""


class Label(StrEnum):
    IN = "IN"
    OUT = "OUT"
    UNDEC = "UNDEC"

    def __str__(self) -> str:
        return self.value


_LABELS = {IN: Label.IN, OUT: Label.OUT, UNDEC: Label.UNDEC}

SYMBOLS = {Label.IN: "✔", Label.OUT: "✘", Label.UNDEC: "?"}
"""One symbol per label, so labels read without colour: a tick stands, a cross falls, a question mark is open."""


@dataclass(slots=True)
class FrameworkResult:
    """Labellings of an abstract framework under one semantics.

    ``labels`` is the one labelling for grounded; for the other semantics it is the
    sceptical summary: IN where every labelling says IN, OUT where every one says
    OUT, UNDEC otherwise (all UNDEC when there is no labelling, as stable may have)."""

    semantics: str
    labels: bytearray
    labellings: list[bytearray]
    credulous: list[bool]
    sceptical: list[bool]
    exhaustive: bool = True
    """False when the listing of ``labellings`` stopped at the limit (acceptance and
    ``labels`` never depend on it)."""
    listed: bool = True
    """False when the extensions were not asked for (``labellings`` is then empty)."""


def solve_framework(
    af: ArgumentationFramework, semantics: str = "grounded", limit: int | None = DEFAULT_EXTENSION_LIMIT
) -> FrameworkResult:
    """Label ``af`` under ``semantics`` (grounded: linear-time Python; others: clingo).

    For complete, preferred and stable, acceptance and the summary labels come from
    :mod:`~argmap.semantics.acceptance` (no enumeration); the extensions themselves are
    listed up to ``limit`` (0: all; None: none are listed)."""
    if semantics not in SEMANTICS:
        raise ValueError(f"unknown semantics {semantics!r}; choose one of {', '.join(SEMANTICS)}")
    if semantics == "grounded":
        labels = grounded_labelling(af)
        accepted = [x == IN for x in labels]
        return FrameworkResult(semantics, labels, [labels], accepted, list(accepted))
    from argmap.semantics import asp
    from argmap.semantics.acceptance import acceptance

    found = acceptance(af, semantics)
    if limit is None:
        return FrameworkResult(semantics, found.summary, [], found.credulous, found.sceptical, False, listed=False)
    listing = asp.solve(af, semantics, limit)
    return FrameworkResult(
        semantics, found.summary, listing.labellings, found.credulous, found.sceptical, listing.exhaustive
    )


@dataclass(slots=True)
class Evaluation:
    """Labels of every statement and argument of a map under one semantics."""

    semantics: str
    labels: dict[str, Label]
    """Node id -> label (for multi-extension semantics: the sceptical summary)."""
    extensions: list[dict[str, Label]] = field(default_factory=list)
    """One labelling of the claims per extension (grounded: exactly one)."""
    credulous: dict[str, bool] = field(default_factory=dict)
    """Node id -> IN in at least one extension."""
    sceptical: dict[str, bool] = field(default_factory=dict)
    """Node id -> IN in every extension (False when there is none)."""
    exhaustive: bool = True
    translation: Translation | None = None
    listed: bool = True
    """False when the extensions were not listed (acceptance only)."""

    def accepted(self, node: str) -> bool:
        return self.labels.get(node) is Label.IN

    def counts(self) -> dict[str, int]:
        counts = {label.value: 0 for label in Label}
        for label in self.labels.values():
            counts[label.value] += 1
        return counts

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "semantics": self.semantics,
            "labels": {node: label.value for node, label in self.labels.items()},
            "counts": self.counts(),
        }
        if self.semantics != "grounded":
            if self.listed:
                out["extensions"] = [sorted(n for n, lab in ext.items() if lab is Label.IN) for ext in self.extensions]
            out["credulous"] = sorted(n for n, ok in self.credulous.items() if ok)
            out["sceptical"] = sorted(n for n, ok in self.sceptical.items() if ok)
            if self.listed:
                out["exhaustive"] = self.exhaustive
        return stamped("evaluation", out)


def evaluate(amap: ArgumentMap, semantics: str = "grounded", limit: int | None = DEFAULT_EXTENSION_LIMIT) -> Evaluation:
    """Label every statement and argument of ``amap`` IN, OUT or UNDEC under ``semantics``
    (``limit``: as for :func:`solve_framework`)."""
    translation = translate(amap)
    return evaluate_translation(translation, semantics, limit)


def evaluate_translation(
    translation: Translation, semantics: str = "grounded", limit: int | None = DEFAULT_EXTENSION_LIMIT
) -> Evaluation:
    result = solve_framework(translation.af, semantics, limit)
    claims = translation.claims
    labels = {node: _LABELS[result.labels[i]] for i, node in enumerate(claims)}
    extensions = [{node: _LABELS[lab[i]] for i, node in enumerate(claims)} for lab in result.labellings]
    credulous = {node: result.credulous[i] for i, node in enumerate(claims)}
    sceptical = {node: result.sceptical[i] for i, node in enumerate(claims)}
    return Evaluation(
        semantics, labels, extensions, credulous, sceptical, result.exhaustive, translation, result.listed
    )


def label_map(amap: ArgumentMap) -> dict[str, str]:
    """Grounded labels by node id: ``"IN"``, ``"OUT"`` or ``"UNDEC"`` for every statement and argument.

    Cheap (linear in the map) and never raises, so views can call it on every map.  The
    labels are those of :func:`evaluate` (the grounded labelling of :func:`translate`),
    computed on the map's graph directly, without building the framework
    (:mod:`argmap.semantics.direct`)."""
    return grounded_claim_labels(amap)
