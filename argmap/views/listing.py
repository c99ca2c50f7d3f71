"""Locating claims: ``argmap find`` and ``argmap list``."""

from __future__ import annotations

from typing import Any

from argmap import queries
from argmap.model import ArgumentMap
from argmap.schemas import stamped
from argmap.views.tree import ViewNode, make_node


def find_claims(amap: ArgumentMap, text: str, labels: dict[str, str] | None = None) -> list[ViewNode]:
    """The claims :func:`argmap.queries.find` finds, as view nodes."""
    return [make_node(amap, node, labels) for node in queries.find(amap, text)]


def list_claims(
    amap: ArgumentMap,
    premises: bool = False,
    conclusions: bool = False,
    arguments: bool = False,
    tag: str | None = None,
    labels: dict[str, str] | None = None,
) -> list[ViewNode]:
    """The claims :func:`argmap.queries.claims` selects, as view nodes."""
    return [make_node(amap, node, labels) for node in queries.claims(amap, premises, conclusions, arguments, tag)]


def claims_record(nodes: list[ViewNode]) -> dict[str, Any]:
    """A flat list of claims as JSON (``argmap:claims``)."""
    return stamped("claims", {"claims": [n.claim_dict() for n in nodes]})
