"""Plain functions over an :class:`ArgumentMap`: what supports, attacks, rests on what.

Every function takes node ids (``"[Title]"`` / ``"<Title>"``) and returns node ids,
in document order where there is one, so results are stable from run to run.
"""

from __future__ import annotations

from collections import deque

from argmap.model import ArgumentMap, RelationType, is_argument_node, is_statement_node

_SUPPORT_TYPES = (RelationType.SUPPORT, RelationType.ENTAILS, RelationType.CONCLUSION_OF)
_ATTACK_TYPES = (RelationType.ATTACK, RelationType.UNDERCUT, RelationType.CONTRARY, RelationType.CONTRADICTION)
_REASON_TYPES = (*_SUPPORT_TYPES, RelationType.PREMISE_OF)
_FLOW_TYPES = (*_REASON_TYPES, RelationType.ATTACK, RelationType.UNDERCUT, RelationType.CONTRARY)


def supporters(amap: ArgumentMap, node: str) -> list[str]:
    """Nodes that directly support ``node``: supporting claims and arguments, and
    arguments that have it as their conclusion."""
    return _unique(r.source for r in amap.incoming(node, *_SUPPORT_TYPES))


def attackers(amap: ArgumentMap, node: str) -> list[str]:
    """Nodes that directly attack, undercut, or contradict ``node`` (contradiction counts both ways)."""
    found = [r.source for r in amap.incoming(node, *_ATTACK_TYPES)]
    found += [r.target for r in amap.outgoing(node, RelationType.CONTRADICTION)]
    return _unique(found)


def supported(amap: ArgumentMap, node: str) -> list[str]:
    """Nodes that ``node`` directly supports (or concludes, or is a premise of)."""
    return _unique(r.target for r in amap.outgoing(node, *_REASON_TYPES))


def attacked(amap: ArgumentMap, node: str) -> list[str]:
    """Nodes that ``node`` directly attacks, undercuts or contradicts."""
    found = [r.target for r in amap.outgoing(node, *_ATTACK_TYPES)]
    found += [r.source for r in amap.incoming(node, RelationType.CONTRADICTION)]
    return _unique(found)


def premises(amap: ArgumentMap, argument: str) -> list[str]:
    """The premise statements of an argument (its PCS premises, in order)."""
    if is_argument_node(argument):
        record = amap.arguments.get(argument[1:-1])
        if record is not None and record.pcs:
            return _unique(f"[{t}]" for t in record.premises)
    return _unique(r.source for r in amap.incoming(argument, RelationType.PREMISE_OF))


def conclusion(amap: ArgumentMap, argument: str) -> str | None:
    for relation in amap.outgoing(argument, RelationType.CONCLUSION_OF):
        return relation.target
    return None


def reasons(amap: ArgumentMap, node: str) -> list[str]:
    """What ``node`` directly rests on: supporters of a claim, premises of an argument."""
    if is_argument_node(node):
        return _unique(premises(amap, node) + supporters(amap, node))
    return supporters(amap, node)


def grounds(amap: ArgumentMap, node: str, max_depth: int | None = None) -> list[str]:
    """The basic premises ``node`` rests on: statements reached by walking down
    supports and premises that have no reasons of their own.

    Iterative breadth-first search, so arbitrarily deep maps cannot overflow the stack;
    cycles are visited once."""
    seen = {node}
    queue: deque[tuple[str, int]] = deque([(node, 0)])
    found: list[str] = []
    while queue:
        current, depth = queue.popleft()
        below = reasons(amap, current)
        if not below or (max_depth is not None and depth >= max_depth):
            if current != node and is_statement_node(current):
                found.append(current)
            continue
        for nxt in below:
            if nxt not in seen:
                seen.add(nxt)
                queue.append((nxt, depth + 1))
    return found


def roots(amap: ArgumentMap) -> list[str]:
    """Nodes that are a reason for, or an attack on, nothing: the tops of the map."""
    result = []
    for node in amap.graph.nodes:
        if not any(True for _ in amap.outgoing(node, *_FLOW_TYPES)):
            result.append(node)
    return result


def leaves(amap: ArgumentMap) -> list[str]:
    """Nodes with no reasons and no attackers: where the map bottoms out."""
    return [n for n in amap.graph.nodes if not any(True for _ in amap.incoming(n, *_FLOW_TYPES))]


def main_conclusions(amap: ArgumentMap) -> list[str]:
    """Root statements that something supports: the theses the map argues for.

    If the front matter or a statement's data says ``main: true`` (or the statement is
    tagged ``#main``), those statements come first."""
    marked = [s.node for s in amap.statements.values() if s.data.get("main") is True or "main" in s.tags]
    found = [n for n in roots(amap) if is_statement_node(n) and any(True for _ in amap.incoming(n, *_SUPPORT_TYPES))]
    return _unique(marked + found)


def _unique(items: object) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:  # type: ignore[attr-defined]
        seen.setdefault(item, None)
    return list(seen)
