"""Locating claims: ``argmap find`` and ``argmap list``."""

from __future__ import annotations

from argmap.model import ArgumentMap, RelationType
from argmap.views.tree import ViewNode, make_node


def find_claims(amap: ArgumentMap, text: str, labels: dict[str, str] | None = None) -> list[ViewNode]:
    """Statements and arguments whose title, text, tags or quote contain ``text`` (case-insensitive)."""
    wanted = text.strip().lower()
    found: list[ViewNode] = []
    for title, statement in amap.statements.items():
        haystack = [title, *statement.texts, *(f"#{t}" for t in statement.tags)]
        quote = statement.data.get("quote")
        if isinstance(quote, str):
            haystack.append(quote)
        if any(wanted in h.lower() for h in haystack):
            found.append(make_node(amap, statement.node, labels))
    for title, argument in amap.arguments.items():
        haystack = [title, *argument.descriptions, *(f"#{t}" for t in argument.tags)]
        if any(wanted in h.lower() for h in haystack):
            found.append(make_node(amap, argument.node, labels))
    return found


def list_claims(
    amap: ArgumentMap,
    premises: bool = False,
    conclusions: bool = False,
    arguments: bool = False,
    tag: str | None = None,
    labels: dict[str, str] | None = None,
) -> list[ViewNode]:
    """Claims of one kind, or all statements and arguments when no kind is asked for.

    * ``premises``: statements that are a premise of some argument;
    * ``conclusions``: statements that some argument concludes or something supports;
    * ``arguments``: the arguments;
    * ``tag``: only those carrying ``#tag`` (combines with the others).

    Several kinds together give their union, in document order."""
    graph = amap.graph
    nodes: list[str] = []
    any_kind = premises or conclusions or arguments
    if premises or conclusions or not any_kind:
        for statement in amap.statements.values():
            node = statement.node
            if not any_kind:
                nodes.append(node)
                continue
            is_premise = premises and any(True for _ in amap.outgoing(node, RelationType.PREMISE_OF))
            is_conclusion = conclusions and any(
                True
                for _ in amap.incoming(node, RelationType.CONCLUSION_OF, RelationType.SUPPORT, RelationType.ENTAILS)
            )
            if is_premise or is_conclusion:
                nodes.append(node)
    if arguments or not any_kind:
        nodes.extend(a.node for a in amap.arguments.values())
    if tag is not None:
        wanted = tag.lstrip("#").lower()
        nodes = [n for n in nodes if wanted in {t.lower() for t in amap.record(n).tags}]
    return [make_node(amap, n, labels) for n in nodes if n in graph]
