"""The fast layout for large maps: layers by depth below the top claims, in linear time.

``dot`` minimises crossings and straightens edges with passes that take minutes on
tangled maps of some thousand nodes; :func:`layered_positions` places the nodes itself
and Graphviz only draws them (see :func:`argmap.views.graphviz.build_drawing`).
"""

from __future__ import annotations

from collections import deque

from argmap.model import ArgumentMap
from argmap.queries import starting_points
from argmap.views.tree import below

X_STEP = 280
"""Points between neighbouring nodes of a layer in the fast layout (labels are at most ~250 wide)."""
Y_STEP = 140
"""Points between layers in the fast layout (shortened labels are at most ~100 high)."""


def layered_positions(amap: ArgumentMap, nodes: list[str], rankdir: str = "TB") -> dict[str, tuple[int, int]]:
    """Place ``nodes`` in layers in linear time: the fast layout for large maps.

    The layers are :func:`levels`.  Within a layer nodes
    are ordered by the mean position of their parents (one barycentre sweep), which
    keeps most edges short.  This is what ``dot`` does too, minus the expensive
    crossing minimisation and the network simplex passes, which take minutes on
    tangled maps of some thousand nodes."""
    level, parents = levels(amap, nodes)
    layers: dict[int, list[str]] = {}
    for node in nodes:
        layers.setdefault(level[node], []).append(node)
    index: dict[str, float] = {}
    widest = max((len(layer) for layer in layers.values()), default=0)
    positions: dict[str, tuple[int, int]] = {}
    deepest = max(layers, default=0)
    for depth in sorted(layers):
        layer = layers[depth]
        if depth:
            layer.sort(key=lambda n: sum(index[p] for p in parents.get(n, [])) / max(1, len(parents.get(n, []))))
        offset = (widest - len(layer)) / 2
        for i, node in enumerate(layer):
            index[node] = i + offset
            along, across = int((i + offset) * X_STEP), (deepest - depth) * Y_STEP
            if rankdir in ("LR", "RL"):
                along, across = (depth if rankdir == "LR" else deepest - depth) * X_STEP, int((i + offset) * Y_STEP)
                positions[node] = (along, across)
            else:
                positions[node] = (along, across if rankdir == "TB" else depth * Y_STEP)
    return positions


def levels(amap: ArgumentMap, nodes: list[str]) -> tuple[dict[str, int], dict[str, list[str]]]:
    """Each node's layer, and its parents one layer up, breadth first below the top claims.

    Layer 0 holds the top claims; every other node sits one layer below the first
    node (breadth first) it is a reason for or an attack on; nodes no top reaches
    (cycles) start again from the first one left, in layer 0."""
    wanted = set(nodes)
    level: dict[str, int] = {}
    parents: dict[str, list[str]] = {}
    starts = [n for n in starting_points(amap) if n in wanted]
    pending = deque(starts)
    for start in starts:
        level[start] = 0
    remaining = iter(nodes)
    while True:
        while pending:
            node = pending.popleft()
            for child, _, _ in below(amap, node):
                if child not in wanted:
                    continue
                if child not in level:
                    level[child] = level[node] + 1
                    parents[child] = [node]
                    pending.append(child)
                elif level[child] == level[node] + 1:
                    parents[child].append(node)
        # Nodes no top reaches (cycles): start again from the first one left.
        for node in remaining:
            if node not in level:
                level[node] = 0
                pending.append(node)
                break
        else:
            break
    return level, parents
