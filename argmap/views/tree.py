"""Tree views of a map: the data behind ``argmap show`` and ``argmap why``.

Both commands walk the graph from one or more top claims down to their reasons and
produce the same record, a :class:`ViewNode` tree.  ``show`` follows every relation
(support, attack, undercut, premise); ``why`` follows only the reasons a claim rests
on and lists the attacks met on the way without going into them.  The records turn
into JSON with :meth:`ViewNode.to_dict` and into a terminal tree with
:func:`argmap.views.text.render_tree`.

The walk is iterative (no recursion limit on deep maps) and shows every node's
subtree once: a node met again is marked ``repeated`` and not expanded.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from argmap._gc import paused_gc
from argmap.model import NO_DATA, ArgumentMap, RelationType, Statement
from argmap.queries import starting_points
from argmap.schemas import stamped

# How a child relates to its parent in a view, strongest first: the first kind an
# edge carries decides how it is drawn.
_KIND_OF: dict[str, str] = {
    RelationType.UNDERCUT: "undercut",
    RelationType.ATTACK: "attack",
    RelationType.CONTRADICTION: "contradiction",
    RelationType.CONTRARY: "contrary",
    RelationType.PREMISE_OF: "premise",
    RelationType.SUPPORT: "support",
    RelationType.CONCLUSION_OF: "support",
    RelationType.ENTAILS: "entails",
}
ATTACK_KINDS = frozenset({"undercut", "attack", "contradiction", "contrary"})
"""Relation kinds (``ViewNode.relation``) that speak against the parent."""
_ORDER = {"premise": 0, "support": 1, "entails": 2, "attack": 3, "undercut": 4, "contrary": 5, "contradiction": 6}


@dataclass
class ViewNode:
    """One claim or argument in a tree view, with what the view knows about it."""

    id: str
    """Node id: ``[Title]`` or ``<Title>``."""
    kind: str
    """``statement`` or ``argument``."""
    title: str
    text: str
    tags: list[str] = field(default_factory=list)
    relation: str | None = None
    """How this node relates to its parent: support, attack, undercut, premise, ... (None at a root)."""
    number: int | None = None
    """The PCS line number when this node is a premise of its parent argument."""
    label: str | None = None
    """``IN``, ``OUT`` or ``UNDEC`` when the map was evaluated."""
    quote: str | None = None
    para: Any = None
    implicit: bool = False
    location: str | None = None
    """``file:line:col`` of the definition."""
    repeated: bool = False
    """Already shown elsewhere in this view; its reasons are not repeated."""
    truncated: bool = False
    """Has reasons or attacks below the depth limit."""
    expanded: bool = True
    """False for attacks listed by ``why`` without their own reasons."""
    children: list[ViewNode] = field(default_factory=list)
    because: list[str] | None = None
    """The node ids that decide the label (:mod:`argmap.semantics.explain`), when explained."""
    reason: str | None = None
    """A short clause on why the node has its label, when explained."""
    strength: float | None = None
    """The node's score under a gradual semantics, when asked (:mod:`argmap.semantics.strength`)."""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (iterative, so deep trees do not hit the recursion limit)."""
        root = self._flat()
        stack: list[tuple[ViewNode, dict[str, Any]]] = [(self, root)]
        while stack:
            node, out = stack.pop()
            kids: list[dict[str, Any]] = []
            for child in node.children:
                flat = child._flat()
                kids.append(flat)
                stack.append((child, flat))
            out["children"] = kids
        return root

    def _flat(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "text": self.text,
            "tags": list(self.tags),
            "relation": self.relation,
        }
        if self.number is not None:
            out["number"] = self.number
        out.update(self.claim_dict(head=False))
        if self.because is not None:
            out["because"] = list(self.because)
        if self.strength is not None:
            out["strength"] = round(self.strength, 6)
        if self.repeated:
            out["repeated"] = True
        if self.truncated:
            out["truncated"] = True
        if not self.expanded:
            out["expanded"] = False
        return out

    def claim_dict(self, head: bool = True) -> dict[str, Any]:
        """The node as an entry of a flat list (``argmap:claims``): no tree-only fields."""
        out: dict[str, Any] = (
            {"id": self.id, "kind": self.kind, "title": self.title, "text": self.text, "tags": list(self.tags)}
            if head
            else {}
        )
        if self.label is not None:
            out["label"] = self.label
        if self.quote is not None:
            out["quote"] = self.quote
        if self.para is not None:
            out["para"] = self.para
        if self.implicit:
            out["implicit"] = True
        if self.location is not None:
            out["location"] = self.location
        return out

    def walk(self) -> list[ViewNode]:
        """Every node of the tree, depth first, parents before children."""
        found: list[ViewNode] = []
        stack = [self]
        while stack:
            node = stack.pop()
            found.append(node)
            stack.extend(reversed(node.children))
        return found


@dataclass
class TreeView:
    """A forest of :class:`ViewNode` roots plus what the header says."""

    title: str
    roots: list[ViewNode]
    command: str
    """``show`` or ``why``."""
    depth: int | None = None
    strength: str | None = None
    """The gradual semantics of the nodes' ``strength``, when asked."""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"map": self.title, "view": self.command, "depth": self.depth}
        if self.strength is not None:
            data["strength"] = self.strength
        data["roots"] = [r.to_dict() for r in self.roots]
        return stamped("tree", data)


def explain_view(view: TreeView, because: dict[str, tuple[str, ...]], clauses: dict[str, str]) -> None:
    """Give every labelled node of ``view`` its ``because`` ids and its reason clause."""
    for root in view.roots:
        for node in root.walk():
            if node.label is not None and node.id in because:
                node.because = list(because[node.id])
                node.reason = clauses.get(node.id)


NodeFacts = tuple[str, str, str, tuple[str, ...], str | None, Any, bool, str | None]
"""What a view says about a node wherever it appears: kind, title, text, tags, quote,
para, implicit, location (the fields of :class:`ViewNode` that do not depend on the place)."""


def node_facts(amap: ArgumentMap, node: str) -> NodeFacts:
    """The place-independent fields of ``node``'s :class:`ViewNode`, in one pass over its members."""
    record = amap.record(node)
    text = ""
    span = None
    tags: dict[str, None] | None = None
    data: dict[str, Any] | None = None
    no_data = NO_DATA  # most members': an identity test, not a call of its __len__
    for member in record.members:
        if member.tags:
            if tags is None:
                tags = dict.fromkeys(member.tags)
            else:
                tags.update(dict.fromkeys(member.tags))
        member_data = member.data
        if member_data is not no_data and member_data:
            if data is None:
                data = dict(member_data)
            else:
                data.update(member_data)
        if not member.is_reference:
            # The text and place of the first definition (the text of a later one if
            # the first has none).
            if span is None:
                span = member.span
                text = member.text
            elif not text and member.text:
                text = member.text
    if span is None:
        span = record.members[0].span if record.members else getattr(record, "pcs_span", None)
    kind = "statement" if isinstance(record, Statement) else "argument"
    quote: str | None = None
    para: Any = None
    if data:
        raw_quote = data.get("quote")
        if isinstance(raw_quote, str | int | float) and not isinstance(raw_quote, bool):
            quote = str(raw_quote)
        raw_para = data.get("para", data.get("paragraph"))
        if isinstance(raw_para, str | int) and not isinstance(raw_para, bool):
            para = raw_para
    found = tuple(tags) if tags else ()
    location = str(span) if span is not None else None
    return (kind, record.title, text or "", found, quote, para, "implicit" in found, location)


def make_node(
    amap: ArgumentMap,
    node: str,
    labels: dict[str, str] | None = None,
    relation: str | None = None,
    facts: dict[str, NodeFacts] | None = None,
) -> ViewNode:
    """The :class:`ViewNode` for ``node`` without children.

    ``facts`` caches :func:`node_facts` by node id across the calls of one view (a node
    can appear many times in a tree)."""
    known = facts.get(node) if facts is not None else None
    if known is None:
        known = node_facts(amap, node)
        if facts is not None:
            facts[node] = known
    kind, title, text, tags, quote, para, implicit, location = known
    label = labels.get(node) if labels else None
    # Positional, in field order: id kind title text tags relation number label quote para implicit location.
    return ViewNode(node, kind, title, text, list(tags), relation, None, label, quote, para, implicit, location)


def below(amap: ArgumentMap, node: str) -> list[tuple[str, str, int | None]]:
    """What hangs below ``node`` in a tree: ``(child id, relation kind, PCS number)``.

    Premises first (in PCS order), then supporters, then attackers; contradiction
    counts both ways.  A pair of nodes joined by a support and an attack appears
    twice, once per kind."""
    found: dict[tuple[str, str], int | None] = {}
    if node[0] == "<":
        record = amap.arguments.get(node[1:-1])
        if record is not None:
            for step in record.pcs:
                if step.role == "premise":
                    found.setdefault((f"[{step.statement}]", "premise"), step.number)
    # The adjacency dicts directly: networkx's edge views cost more than the rest of the walk.
    kind_of = _KIND_OF
    for source, attrs in amap.relations_into(node).items():
        if source != node:
            for rtype in attrs:
                found.setdefault((source, kind_of[rtype]), None)
    for target, attrs in amap.relations_from(node).items():
        if _CONTRADICTION in attrs and target != node:
            found.setdefault((target, "contradiction"), None)
    items = [(child, kind, number) for (child, kind), number in found.items()]
    if len(items) > 1:
        order = _ORDER
        items.sort(key=lambda item: order[item[1]])  # stable: document order within a kind
    return items


def has_below(amap: ArgumentMap, node: str) -> bool:
    """Whether :func:`below` would find anything, without building the list."""
    sources = amap.relations_into(node)
    if sources and (len(sources) > 1 or node not in sources):
        return True
    if node[0] == "<":
        record = amap.arguments.get(node[1:-1])
        if record is not None:
            for step in record.pcs:
                if step.role == "premise":
                    return True
    return any(_CONTRADICTION in attrs and target != node for target, attrs in amap.relations_from(node).items())


_CONTRADICTION = RelationType.CONTRADICTION


def build_tree(
    amap: ArgumentMap,
    roots: list[str],
    depth: int | None = None,
    labels: dict[str, str] | None = None,
    expand_attacks: bool = True,
) -> list[ViewNode]:
    """Walk from ``roots`` down to ``depth`` levels (None: all the way).

    With ``expand_attacks=False`` (``why``) attackers are listed but not expanded:
    the tree follows only the reasons."""
    # A node is expanded where it is first *printed* (pre-order), and only there;
    # later occurrences say "see above".  A node cut off by the depth limit does
    # not count as shown, so a shallower occurrence later still expands.
    shown: set[str] = set()
    facts: dict[str, NodeFacts] = {}
    result: list[ViewNode] = []
    stack: list[tuple[ViewNode, int]] = []
    limit = max(depth, 0) if depth is not None else -1  # the level whose nodes are not expanded
    for root in roots:
        view = make_node(amap, root, labels, None, facts)
        result.append(view)
        stack.append((view, 0))
        while stack:
            current, level = stack.pop()
            node = current.id
            if node in shown:
                current.repeated = has_below(amap, node)
                continue
            if level == limit:
                current.truncated = has_below(amap, node)
                continue
            children = below(amap, node)
            if not children:
                continue
            shown.add(node)
            kids = current.children
            pending: list[tuple[ViewNode, int]] = []
            for child, kind, number in children:
                child_view = make_node(amap, child, labels, kind, facts)
                child_view.number = number
                kids.append(child_view)
                if not expand_attacks and kind in ATTACK_KINDS:
                    child_view.expanded = False
                    child_view.truncated = has_below(amap, child)
                    continue
                pending.append((child_view, level + 1))
            # Depth first, children in order: push them reversed.
            pending.reverse()
            stack.extend(pending)
    return result


def _matches(amap: ArgumentMap, node: ViewNode, tag: str | None, section: str | None) -> bool:
    if tag is not None and tag.lstrip("#").lower() not in {t.lower() for t in node.tags}:
        return False
    if section is not None:
        record = amap.record(node.id)
        wanted = section.lower()
        names = set()
        for sid in record.sections:
            sec = amap.sections.get(sid)
            if sec is not None:
                names.add(sec.title.lower())
                names.add(sec.id.lower())
        if wanted not in names:
            return False
    return True


def prune(amap: ArgumentMap, roots: list[ViewNode], tag: str | None, section: str | None) -> list[ViewNode]:
    """Keep the nodes that match ``tag`` and ``section`` and the paths leading to them."""
    if tag is None and section is None:
        return roots
    keep: dict[int, bool] = {}
    for root in roots:
        # Post-order without recursion: parents are visited before children in walk(),
        # so go through the list backwards.
        for node in reversed(root.walk()):
            node.children = [c for c in node.children if keep[id(c)]]
            keep[id(node)] = bool(node.children) or _matches(amap, node, tag, section)
    return [r for r in roots if keep[id(r)]]


def show_view(
    amap: ArgumentMap,
    focus: str | None = None,
    depth: int | None = None,
    tag: str | None = None,
    section: str | None = None,
    labels: dict[str, str] | None = None,
) -> TreeView:
    """The ``show`` tree: from the main conclusions (or ``focus``) down."""
    roots = [focus] if focus is not None else starting_points(amap)
    with paused_gc():
        forest = build_tree(amap, roots, depth, labels)
        forest = prune(amap, forest, tag, section)
    return TreeView(map_title(amap), forest, "show", depth)


def why_view(
    amap: ArgumentMap,
    claim: str,
    depth: int | None = None,
    labels: dict[str, str] | None = None,
) -> TreeView:
    """The ``why`` tree: the reasons under ``claim`` down to its premises, with the attacks met."""
    with paused_gc():
        forest = build_tree(amap, [claim], depth, labels, expand_attacks=False)
    return TreeView(map_title(amap), forest, "why", depth)


def to_json(data: Any) -> str:
    """``json.dumps(data, indent=2, ensure_ascii=False)``, without recursion: a chain of
    reasons thousands of levels deep nests that deep in JSON too, past the recursion
    limit of the standard encoder.  Dicts (with string keys) and lists nest; anything
    else is encoded by :mod:`json` as a leaf."""
    out: list[str] = []
    # Each frame: the container's remaining items, whether it is a dict, its nesting level.
    stack: list[tuple[Iterator[Any], bool, int]] = []

    def begin(value: Any, level: int) -> None:
        if isinstance(value, dict) and value:
            out.append("{")
            stack.append((iter(value.items()), True, level))
        elif isinstance(value, list | tuple) and value:
            out.append("[")
            stack.append((iter(value), False, level))
        else:
            out.append(json.dumps(value, ensure_ascii=False))

    begin(data, 0)
    first = True
    while stack:
        items, is_dict, level = stack[-1]
        item: Any = next(items, _END)
        if item is _END:
            stack.pop()
            out.append("\n" + "  " * level + ("}" if is_dict else "]"))
            first = False
            continue
        out.append(("\n" if first else ",\n") + "  " * (level + 1))
        first = True
        if is_dict:
            key, item = item
            out.append(json.dumps(key, ensure_ascii=False) + ": ")
        begin(item, level + 1)
        if not stack or stack[-1][0] is items:
            first = False  # a leaf or an empty container: the next item needs a comma
    return "".join(out)


_END = object()


def strip_tags(text: str, tags: Sequence[str]) -> str:
    """The text without its ``#tag`` / ``#(tag words)`` markers (views show tags apart)."""
    for tag in tags:
        for marker in (f"#({tag})", f"#{tag}"):
            if marker in text:
                text = _marker_pattern(marker).sub(" ", text)
    return " ".join(text.split())


@lru_cache(maxsize=1024)
def _marker_pattern(marker: str) -> re.Pattern[str]:
    return re.compile(rf"(^|\s){re.escape(marker)}(?=$|[\s.,;:!?)])")


def map_title(amap: ArgumentMap) -> str:
    title = amap.frontmatter.get("title")
    if isinstance(title, str | int | float) and title != "":
        return str(title)
    return amap.source_name.replace("\\", "/").rsplit("/", 1)[-1]
