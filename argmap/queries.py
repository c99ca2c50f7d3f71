"""Plain functions over an :class:`ArgumentMap`: what supports, attacks, rests on what.

Every function takes node ids (``"[Title]"`` / ``"<Title>"``) and returns node ids,
in document order where there is one, so results are stable from run to run.  This
module is the one implementation of these questions: the views, the rules and the
command line ask it.

The examples below use this small map:

>>> import argmap
>>> amap, _ = argmap.loads('''
... [Thesis]: We should act.
...   + <Main>
...   - <Objection>: It costs too much.
...     - [Rebuttal]: It pays for itself.
...
... <Main>
...
... (1) [P1]: Acting helps.
...     + [Deeper]: Studies show it.
... (2) [P2]: Helping is good.
... ----
... (3) [Thesis]
... ''')
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from argmap.argdown.inline import written_tag
from argmap.model import (
    FLOW,
    NEGATIVE,
    NO_DATA,
    POSITIVE,
    REASONS,
    ArgumentMap,
    RelationType,
    is_argument_node,
    is_statement_node,
)


def supporters(amap: ArgumentMap, node: str) -> list[str]:
    """Nodes that directly support ``node``: supporting claims and arguments, and
    arguments that have it as their conclusion.

    >>> supporters(amap, "[Thesis]")
    ['<Main>']
    """
    return _unique(r.source for r in amap.incoming(node, *POSITIVE))


def attackers(amap: ArgumentMap, node: str) -> list[str]:
    """Nodes that directly attack, undercut, or contradict ``node`` (contradiction counts both ways).

    >>> attackers(amap, "[Thesis]"), attackers(amap, "<Objection>")
    (['<Objection>'], ['[Rebuttal]'])
    """
    found = [r.source for r in amap.incoming(node, *NEGATIVE)]
    found += [r.target for r in amap.outgoing(node, RelationType.CONTRADICTION)]
    return _unique(found)


def supported(amap: ArgumentMap, node: str) -> list[str]:
    """Nodes that ``node`` directly supports (or concludes, or is a premise of).

    >>> supported(amap, "[P1]")
    ['<Main>']
    """
    return _unique(r.target for r in amap.outgoing(node, *REASONS))


def attacked(amap: ArgumentMap, node: str) -> list[str]:
    """Nodes that ``node`` directly attacks, undercuts or contradicts.

    >>> attacked(amap, "[Rebuttal]")
    ['<Objection>']
    """
    found = [r.target for r in amap.outgoing(node, *NEGATIVE)]
    found += [r.source for r in amap.incoming(node, RelationType.CONTRADICTION)]
    return _unique(found)


def premises(amap: ArgumentMap, argument: str) -> list[str]:
    """The premise statements of an argument (its PCS premises, in order).

    >>> premises(amap, "<Main>")
    ['[P1]', '[P2]']
    """
    if is_argument_node(argument):
        record = amap.arguments.get(argument[1:-1])
        if record is not None and record.pcs:
            return _unique(f"[{t}]" for t in record.premises)
    return _unique(r.source for r in amap.incoming(argument, RelationType.PREMISE_OF))


def conclusion(amap: ArgumentMap, argument: str) -> str | None:
    """The main conclusion of an argument, or None.

    >>> conclusion(amap, "<Main>")
    '[Thesis]'
    """
    for relation in amap.outgoing(argument, RelationType.CONCLUSION_OF):
        return relation.target
    return None


def reasons(amap: ArgumentMap, node: str) -> list[str]:
    """What ``node`` directly rests on: supporters of a claim, premises of an argument.

    >>> reasons(amap, "<Main>")
    ['[P1]', '[P2]']
    """
    if is_argument_node(node):
        return _unique(premises(amap, node) + supporters(amap, node))
    return supporters(amap, node)


def grounds(amap: ArgumentMap, node: str, max_depth: int | None = None) -> list[str]:
    """The basic premises ``node`` rests on: statements reached by walking down
    supports and premises that have no reasons of their own.

    Iterative breadth-first search, so arbitrarily deep maps cannot overflow the stack;
    cycles are visited once.

    >>> grounds(amap, "[Thesis]"), grounds(amap, "[Thesis]", max_depth=2)
    (['[P2]', '[Deeper]'], ['[P1]', '[P2]'])
    """
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
    """Nodes that are a reason for, or an attack on, nothing: the tops of the map.

    >>> roots(amap)
    ['[Thesis]']
    """
    # One pass over the adjacency dicts: this runs on every node of every map shown.
    flow = FLOW
    found: list[str] = []
    for node, targets in amap.out_adjacency().items():
        if all(flow.isdisjoint(relations) for relations in targets.values()):
            found.append(node)
    return found


def leaves(amap: ArgumentMap) -> list[str]:
    """Nodes with no reasons and no attackers: where the map bottoms out.

    >>> leaves(amap)
    ['[Rebuttal]', '[Deeper]', '[P2]']
    """
    flow = FLOW
    return [
        node
        for node, sources in amap.in_adjacency().items()
        if all(flow.isdisjoint(relations) for relations in sources.values())
    ]


def marked_main(amap: ArgumentMap) -> list[str]:
    """Statements marked as theses: a member tagged ``#main`` or with ``main: true`` in its data.

    >>> marked_main(amap)
    []
    """
    marked: list[str] = []
    no_data = NO_DATA  # most members': an identity test, not a call of its __len__
    for statement in amap.statements.values():
        for m in statement.members:
            if (m.tags and "main" in m.tags) or (m.data is not no_data and m.data.get("main") is True):
                marked.append(statement.node)
                break
    return marked


def main_conclusions(amap: ArgumentMap, tops: list[str] | None = None) -> list[str]:
    """Root statements that something supports: the theses the map argues for.

    Statements marked as main (:func:`marked_main`) come first.  ``tops`` is
    :func:`roots` when the caller has it already.

    >>> main_conclusions(amap)
    ['[Thesis]']
    """
    positive = POSITIVE
    into = amap.in_adjacency()
    found = [
        n
        for n in (roots(amap) if tops is None else tops)
        if n[0] == "[" and any(not positive.isdisjoint(a) for a in into[n].values())
    ]
    return _unique(marked_main(amap) + found)


def starting_points(amap: ArgumentMap) -> list[str]:
    """Where a whole-map view starts: the main conclusions, then every other root; when
    everything sits on a cycle, the first node written.

    >>> starting_points(amap)
    ['[Thesis]']
    """
    tops = roots(amap)
    found = _unique(main_conclusions(amap, tops) + tops)
    if not found and amap.nodes():
        found.append(next(iter(amap.nodes())))
    return found


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


class Unresolved(LookupError):
    """A name given by a user (a claim, a tag, a section) that names nothing, or more than one thing.

    ``candidates`` holds what it could mean (ambiguous), or the closest names or all
    there are (nothing matched)."""

    def __init__(self, message: str, candidates: list[str], ambiguous: bool = False) -> None:
        super().__init__(message)
        self.candidates = candidates
        self.ambiguous = ambiguous


def resolve_claim(amap: ArgumentMap, claim: str) -> str:
    """The node id a user means: ``[Title]``, ``<Title>``, a bare title (any case), or a
    unique case-insensitive piece of a title or text.  Raises :class:`Unresolved`.

    >>> resolve_claim(amap, "thesis"), resolve_claim(amap, "costs too")
    ('[Thesis]', '<Objection>')
    >>> resolve_claim(amap, "[Thesys]")
    Traceback (most recent call last):
      ...
    argmap.queries.Unresolved: no claim matches 'Thesys'; did you mean [Thesis]?
    """
    text = claim.strip()
    if text.startswith("[") and text.endswith("]"):
        if text[1:-1] in amap.statements:
            return text
        raise _nothing_matches(amap, text[1:-1])
    if text.startswith("<") and text.endswith(">"):
        if text[1:-1] in amap.arguments:
            return text
        raise _nothing_matches(amap, text[1:-1])
    if not text:
        raise Unresolved("the claim is empty", [])
    if text in amap.statements:
        return f"[{text}]"
    if text in amap.arguments:
        return f"<{text}>"
    lowered = text.lower()
    exact = [f"[{t}]" for t in amap.statements if t.lower() == lowered]
    exact += [f"<{t}>" for t in amap.arguments if t.lower() == lowered]
    if len(exact) == 1:
        return exact[0]
    found: list[str] = []
    for title, statement in amap.statements.items():
        if lowered in title.lower() or any(lowered in t.lower() for t in statement.texts):
            found.append(f"[{title}]")
    for title, argument in amap.arguments.items():
        if lowered in title.lower() or any(lowered in d.lower() for d in argument.descriptions):
            found.append(f"<{title}>")
    if len(found) == 1:
        return found[0]
    if found:
        raise Unresolved(f"'{claim}' is ambiguous: it matches {len(found)} claims", found, ambiguous=True)
    raise _nothing_matches(amap, text)


def _nothing_matches(amap: ArgumentMap, text: str) -> Unresolved:
    from argmap.diagnostics import closest

    titles = list(amap.statements) + list(amap.arguments)
    near = closest(text, titles, n=3)
    shown = [f"[{t}]" if t in amap.statements else f"<{t}>" for t in near]
    message = f"no claim matches '{text}'"
    if shown:
        message += "; did you mean " + ", ".join(shown) + "?"
    return Unresolved(message, shown)


def find(amap: ArgumentMap, text: str) -> list[str]:
    """Statements and arguments whose title, text, tags or quote contain ``text`` (any case).

    >>> find(amap, "PAYS")
    ['[Rebuttal]']
    """
    wanted = text.strip().lower()
    found: list[str] = []
    for title, statement in amap.statements.items():
        haystack = [title, *statement.texts, *(written_tag(t) for t in statement.tags)]
        quote = statement.data.get("quote")
        if isinstance(quote, str):
            haystack.append(quote)
        if any(wanted in h.lower() for h in haystack):
            found.append(statement.node)
    for title, argument in amap.arguments.items():
        haystack = [title, *argument.descriptions, *(written_tag(t) for t in argument.tags)]
        if any(wanted in h.lower() for h in haystack):
            found.append(argument.node)
    return found


def claims(
    amap: ArgumentMap,
    premises: bool = False,
    conclusions: bool = False,
    arguments: bool = False,
    tag: str | None = None,
) -> list[str]:
    """The claims of one kind, or all statements and arguments when no kind is asked for.

    * ``premises``: statements that are a premise of some argument;
    * ``conclusions``: statements that some argument concludes or something supports;
    * ``arguments``: the arguments;
    * ``tag``: only those carrying ``#tag`` (combines with the others).

    Several kinds together give their union, in document order.

    >>> claims(amap, premises=True)
    ['[P1]', '[P2]']
    """
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
            is_conclusion = conclusions and any(True for _ in amap.incoming(node, *POSITIVE))
            if is_premise or is_conclusion:
                nodes.append(node)
    if arguments or not any_kind:
        nodes.extend(a.node for a in amap.arguments.values())
    if tag is not None:
        wanted = tag.lstrip("#").lower()
        nodes = [n for n in nodes if wanted in {t.lower() for t in amap.record(n).tags}]
    return [n for n in nodes if n in graph]


def tags(amap: ArgumentMap) -> list[str]:
    """Every tag of the map's statements and arguments, in order of first use.

    >>> tags(argmap.loads("[A]: a #x #(two words)\\n  + [B]: b #x")[0])
    ['x', 'two words']
    """
    found: dict[str, None] = {}
    for statement in amap.statements.values():
        for member in statement.members:
            found.update(dict.fromkeys(member.tags))
    for argument in amap.arguments.values():
        for argument_member in argument.members:
            found.update(dict.fromkeys(argument_member.tags))
    return list(found)


def resolve_tag(amap: ArgumentMap, tag: str) -> str:
    """The tag a user means: the tag itself (with or without ``#``, any case) or a unique
    piece of one.  Raises :class:`Unresolved` listing the map's tags.

    >>> resolve_tag(argmap.loads("[A]: a #prediction #opposed")[0], "PRED")
    'prediction'
    """
    return _resolve_name(tag.strip().lstrip("#"), tags(amap), "tag", "#")


def resolve_section(amap: ArgumentMap, section: str) -> str:
    """The title of the section a user means: its title or id (any case) or a unique piece
    of a title.  Raises :class:`Unresolved` listing the map's sections."""
    titles = list(dict.fromkeys(s.title for s in amap.sections.values()))
    wanted = section.strip()
    for s in amap.sections.values():
        if wanted.lower() == s.id.lower():
            return s.title
    return _resolve_name(wanted, titles, "section", "")


def _resolve_name(wanted: str, names: list[str], kind: str, mark: str) -> str:
    lowered = wanted.lower()
    exact = [n for n in names if n.lower() == lowered]
    if len(exact) == 1:
        return exact[0]
    found = [n for n in names if lowered in n.lower()]
    if len(found) == 1:
        return found[0]
    if found:
        raise Unresolved(
            f"'{wanted}' is ambiguous: it matches {len(found)} {kind}s", [mark + n for n in found], ambiguous=True
        )
    shown = ", ".join(mark + n for n in names[:30]) + (", ..." if len(names) > 30 else "")
    listing = f"; the map has {shown}" if names else f"; the map has no {kind}s"
    raise Unresolved(f"no {kind} matches '{wanted}'{listing}", [mark + n for n in names])
