"""Locating claims: ``argmap find`` and ``argmap list``."""

from __future__ import annotations

from argmap import queries
from argmap.model import ArgumentMap
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
