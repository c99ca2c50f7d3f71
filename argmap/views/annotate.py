"""What a tree view says beyond the map itself: what decides each label, and how strong
each claim is.  The command line and the servers give their views the same annotations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.model import ArgumentMap
from argmap.views.tree import TreeView, explain_view

if TYPE_CHECKING:
    from argmap.semantics.strength import Strength


def explain_labels_in(view: TreeView, amap: ArgumentMap, labels: dict[str, str] | None) -> None:
    """Give the labelled nodes of ``view`` what decides their labels (:mod:`argmap.semantics.explain`)."""
    if labels is None:
        return
    from argmap.semantics.explain import clause, explain

    reasons = explain(amap, labels)
    shown = {node.id for root in view.roots for node in root.walk()}
    explain_view(
        view,
        {node: reasons[node].because for node in shown if node in reasons},
        # "IN because nothing attacks it" would stand after most claims of a map and hide
        # the clauses that say something; the JSON's empty "because" says it.
        {node: clause(node, reasons) for node in shown if node in reasons and reasons[node].kind != "unattacked"},
    )


def strength_in(view: TreeView, amap: ArgumentMap, semantics: str) -> Strength:
    """Give every node of ``view`` its score under the gradual ``semantics``; returns the
    whole result (whether the scores settled, in how many iterations).  Raises
    :class:`ValueError` for an unknown semantics or bad base scores."""
    from argmap.semantics.strength import strength

    result = strength(amap, semantics)
    view.strength = semantics
    for root in view.roots:
        for node in root.walk():
            node.strength = result.strength.get(node.id)
    return result
