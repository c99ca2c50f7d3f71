"""The class of a map's :class:`networkx.DiGraph` (see :attr:`argmap.model.ArgumentMap.graph`).

A module of its own so that networkx is imported only when a map's graph is first used.
"""

from __future__ import annotations

import networkx as nx
from networkx.classes.reportviews import (
    DiDegreeView,
    InDegreeView,
    InEdgeView,
    NodeView,
    OutDegreeView,
    OutEdgeView,
)


class MapGraph(nx.DiGraph):  # type: ignore[misc]  # networkx has no type hints
    """The :class:`networkx.DiGraph` of a map, with views that are not cached on it.

    networkx caches ``G.nodes``, ``G.edges``, ``G.degree`` and their in/out versions in
    the graph's own ``__dict__``, and each view refers back to the graph: a reference
    cycle, so a graph whose views were used is freed only by the cyclic garbage
    collector.  argmap freezes the objects of a large parse out of that collector's
    reach (see :mod:`argmap._gc`), so a map must be freed by reference counting alone:
    these views are made afresh at each use instead, which costs about a microsecond."""

    @property
    def nodes(self) -> NodeView[str]:
        return NodeView(self)

    @property
    def edges(self) -> OutEdgeView[str]:
        return OutEdgeView(self)

    @property
    def out_edges(self) -> OutEdgeView[str]:
        return OutEdgeView(self)

    @property
    def in_edges(self) -> InEdgeView[str]:
        return InEdgeView(self)

    @property
    def degree(self) -> DiDegreeView[str]:
        return DiDegreeView(self)

    @property
    def in_degree(self) -> InDegreeView[str]:
        return InDegreeView(self)

    @property
    def out_degree(self) -> OutDegreeView[str]:
        return OutDegreeView(self)
