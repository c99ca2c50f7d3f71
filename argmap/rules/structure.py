"""Structure rules (AM2xx): relations that make no sense together, and parts left unconnected."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from argmap.diagnostics import Diagnostic, Severity
from argmap.model import POSITIVE, REASONS, ArgumentMap, RelationType, is_argument_node
from argmap.rules.registry import map_rule


@map_rule("AM201", "circular-support", Severity.ERROR)
def circular_support(amap: ArgumentMap) -> Iterator[Diagnostic]:
    """A claim supports itself through a chain of supports (circular reasoning).

    Follows support, entailment, premise-of and conclusion-of edges; any cycle means
    some claim is, in the end, a reason for itself.  One diagnostic per cycle-bearing
    group of nodes, naming the cycle."""
    supportive = REASONS
    # The adjacency dicts directly (node -> neighbour -> {type name: Relation}): on a
    # large map, going through Relation records costs as much as the search.
    successors: dict[str, list[str]] = {}
    for source, neighbours in amap.out_adjacency().items():
        targets = [t for t, relations in neighbours.items() if t != source and not supportive.isdisjoint(relations)]
        if targets:
            successors[source] = targets
    for component in _cyclic_components(successors):
        start = min(component)
        cycle = _shortest_cycle(start, successors, component)
        path = " -> ".join(cycle)
        first = [r for r in amap.relations_between(cycle[0], cycle[1]) if r.type in supportive]
        yield circular_support(f"circular support: {path}", first[0].span if first else None)


def _cyclic_components(successors: dict[str, list[str]]) -> Iterator[set[str]]:
    """Strongly connected components with more than one node (iterative Tarjan).

    Written over integer lists rather than with networkx: building a second DiGraph just
    for this doubled the rule's cost on large maps.  A node with no successor cannot be
    on a cycle, so only the keys of ``successors`` take part."""
    names = list(successors)
    number = {name: i for i, name in enumerate(names)}
    adjacency = [[number[t] for t in successors[name] if t in number] for name in names]
    count = len(names)
    index = [-1] * count
    low = [0] * count
    on_stack = bytearray(count)
    stack: list[int] = []
    counter = 0
    for root in range(count):
        if index[root] != -1:
            continue
        work: list[tuple[int, int]] = [(root, 0)]
        while work:
            node, child_pos = work.pop()
            if child_pos == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack[node] = 1
            children = adjacency[node]
            recurse = False
            for pos in range(child_pos, len(children)):
                child = children[pos]
                if index[child] == -1:
                    work.append((node, pos + 1))
                    work.append((child, 0))
                    recurse = True
                    break
                if on_stack[child] and index[child] < low[node]:
                    low[node] = index[child]
            if recurse:
                continue
            if low[node] == index[node]:
                component: set[str] = set()
                while True:
                    member = stack.pop()
                    on_stack[member] = 0
                    component.add(names[member])
                    if member == node:
                        break
                if len(component) > 1:
                    yield component
            if work:
                parent = work[-1][0]
                if low[node] < low[parent]:
                    low[parent] = low[node]


def _shortest_cycle(start: str, successors: dict[str, list[str]], component: set[str]) -> list[str]:
    """Breadth-first search from ``start`` back to itself inside one strongly connected component."""
    parent: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in successors.get(node, ()):
            if nxt not in component:
                continue
            if nxt == start:
                path = [node]
                while path[-1] != start:
                    path.append(parent[path[-1]])
                return [*reversed(path), start]
            if nxt not in parent:
                parent[nxt] = node
                queue.append(nxt)
    return [start, start]  # unreachable for a strongly connected component of size > 1


@map_rule("AM202", "self-attack", Severity.ERROR)
def self_attack(amap: ArgumentMap) -> Iterator[Diagnostic]:
    """A claim or argument attacks, undercuts or contradicts itself, or supports itself directly.

    Usually a mistyped title in a relation tree."""
    for node, neighbours in amap.out_adjacency().items():
        for relation in neighbours.get(node, {}).values():
            yield self_attack(f"{relation.source} {relation.type.value}s itself", relation.span)


@map_rule("AM203", "orphan-statement", Severity.WARNING)
def orphan_statement(amap: ArgumentMap) -> Iterator[Diagnostic]:
    """A statement takes part in no relation and no argument.

    Statements inside a premise-conclusion structure (such as intermediary
    conclusions) belong to their argument and are never orphans.

    It is drawn as an island and `why` can say nothing about it.  Connect it, or turn
    it into a comment if it is a note to yourself."""
    succ, pred = amap.out_adjacency(), amap.in_adjacency()
    mentioned = {node for node, _ in amap.mentions}
    for statement in amap.statements.values():
        node = statement.node
        if succ[node] or pred[node] or node in mentioned:
            continue
        in_pcs = any(m.argument is not None for m in statement.members)  # e.g. an intermediary conclusion
        if not in_pcs:
            yield orphan_statement(
                f"statement {_describe(statement.title, statement.text)} is not connected to anything",
                statement.span,
            )


@map_rule("AM204", "argument-without-premises", Severity.WARNING)
def argument_without_premises(amap: ArgumentMap) -> Iterator[Diagnostic]:
    """An argument has no premises: no premise-conclusion structure and nothing marked as its premise.

    Sketching arguments by description is a fine first step; this rule lists what is
    left to reconstruct."""
    for argument in amap.arguments.values():
        if not argument.members and not argument.pcs:
            continue
        if any(True for _ in amap.incoming(argument.node, RelationType.PREMISE_OF)):
            continue
        if argument.pcs:
            continue  # a PCS without premises is already AM013
        yield argument_without_premises(
            f"argument <{argument.title}> has no premises",
            argument.span,
            "reconstruct it as a premise-conclusion structure",
        )


@map_rule("AM205", "unsupported-conclusion", Severity.WARNING)
def unsupported_conclusion(amap: ArgumentMap) -> Iterator[Diagnostic]:
    """A top-level claim (one that is no reason for anything) is attacked but nothing supports it.

    The map then only records objections to a thesis it never gives a reason for.
    Either add what the claim's proponents say for it, or check whether an edge points
    the wrong way."""
    positive = POSITIVE
    succ, pred = amap.out_adjacency(), amap.in_adjacency()
    for statement in amap.statements.values():
        node = statement.node
        if succ[node] or not pred[node]:
            continue
        if any(not positive.isdisjoint(relations) for relations in pred[node].values()):
            continue
        yield unsupported_conclusion(
            f"claim {_describe(statement.title, statement.text)} is attacked but nothing supports it",
            statement.span,
        )


@map_rule("AM206", "duplicate-text", Severity.WARNING)
def duplicate_text(amap: ArgumentMap) -> Iterator[Diagnostic]:
    """The same text is defined under two different titles: probably one claim entered twice.

    Texts are compared after folding case, white space and final punctuation.  If they
    really are the same claim, give both the same title so they form one equivalence
    class; otherwise reword one of them."""
    seen: dict[str, str] = {}
    for statement in amap.statements.values():
        for member in statement.members:
            if member.is_reference or not member.text:
                continue
            key = " ".join(member.text.lower().split()).rstrip(".!?;: ")
            if len(key) < 8:
                continue
            first = seen.setdefault(key, statement.title)
            if first != statement.title:
                yield duplicate_text(
                    f"[{statement.title}] has the same text as [{first}]",
                    member.span,
                    f"use [{first}] here if it is the same claim",
                )
                break


@map_rule("AM207", "supports-and-attacks", Severity.WARNING)
def supports_and_attacks(amap: ArgumentMap) -> Iterator[Diagnostic]:
    """One node both supports and attacks the same target.

    A reason cannot be for and against the same thing; one of the two relations is
    probably a slip of `+` for `-`."""
    support, attack = RelationType.SUPPORT, RelationType.ATTACK
    for source, neighbours in amap.out_adjacency().items():
        for target, relations in neighbours.items():
            if support in relations and attack in relations:
                yield supports_and_attacks(f"{source} both supports and attacks {target}", relations[attack].span)


@map_rule("AM208", "undercut-of-statement", Severity.WARNING)
def undercut_of_statement(amap: ArgumentMap) -> Iterator[Diagnostic]:
    """An undercut targets a statement instead of an argument.

    An undercut denies that an inference holds, so its target is an argument (or the
    inference line in a PCS).  To deny a claim, attack it with `-`."""
    for relation in amap.relations(RelationType.UNDERCUT):
        if not is_argument_node(relation.target):
            yield undercut_of_statement(
                f"{relation.source} undercuts the statement {relation.target}",
                relation.span,
                "use - to attack a statement",
            )


@map_rule("AM209", "unsupported-drawing-setting", Severity.WARNING)
def unsupported_drawing_setting(amap: ArgumentMap) -> Iterator[Diagnostic]:
    """The front matter sets an Argdown drawing setting that argmap's drawings ignore.

    argmap's drawings (`argmap render`, every format) honour `color.tagColors`,
    `map.statementLabelMode`, `map.argumentLabelMode`, `group.groupDepth` and
    `selection.excludeDisconnected`, as Argdown's maps do.  Any other setting under
    `color`, `map`, `group`, `selection` or `dot`, or one of these with a value Argdown
    does not accept, is named here and left out: the drawing then differs from Argdown's."""
    from argmap.views.settings import drawing_settings  # the settings are the drawing's business

    yield from drawing_settings(amap)[1]


def _describe(title: str, text: str) -> str:
    if title.startswith("Untitled ") and text:
        short = text if len(text) <= 50 else text[:47] + "..."
        return f'"{short}"'
    return f"[{title}]"
