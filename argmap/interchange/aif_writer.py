"""Writing AIF JSON (see :mod:`argmap.interchange.aif` for the format and how it is read).

Statement members become ``I`` nodes joined by ``MA`` rephrases, PCS inference steps
``RA`` nodes, support ``RA`` nodes of one premise, attacks ``CA`` nodes (contradiction:
one each way), and an argument without a PCS an ``I`` node that stands for it.  Ids read
from a file are given back to their owners; new ones are numbers that clash with none.

:func:`to_aif` makes the document; :func:`chunks` makes its text in pieces, writing the
nodes as they are made and keeping the edges only as columns of ids until the nodes
are written, so that a large map's document is never whole in memory.
"""

from __future__ import annotations

import itertools
import json
from array import array
from collections.abc import Iterator
from typing import Any

from argmap.interchange.aif import CONFLICTS_KEY, XAIF_KEY
from argmap.interchange.common import document_pieces, indented_json_pieces
from argmap.model import ArgumentMap, RelationType, StatementMember, is_argument_node, node_title, statement_node


class _Ids:
    """Node and edge ids: the ones read from a file (``reserved``) are given back to their
    owners; new ones are numbers that clash with none of them.

    Only the ids asked for by name are kept in ``taken``: a new number is always the next
    one, so every number below ``next`` that is not reserved has been given out."""

    def __init__(self, taken: set[str], reserved: set[str]) -> None:
        self.taken = taken
        self.reserved = reserved
        self.next = 1

    def given(self, ident: str) -> bool:
        if ident in self.taken:
            return True
        is_number = ident.isascii() and ident.isdigit() and str(int(ident)) == ident
        return is_number and 0 < int(ident) < self.next and ident not in self.reserved

    def get(self, wanted: Any = None) -> str:
        if wanted is not None and not self.given(str(wanted)):
            self.taken.add(str(wanted))
            return str(wanted)
        return str(self.new())

    def new(self) -> int:
        while str(self.next) in self.taken or str(self.next) in self.reserved:
            self.next += 1
        self.next += 1
        return self.next - 1


def _aif_id(data: dict[str, Any]) -> Any:
    info = data.get("aif")
    return info.get("nodeID") if isinstance(info, dict) else None


def _objects(value: Any) -> list[dict[str, Any]]:
    """The objects in ``value`` when it is a list (anything else holds none)."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _extra_of(data: dict[str, Any]) -> dict[str, Any]:
    info = data.get("aif")
    return {k: v for k, v in info.items() if k not in ("nodeID", "type", "text")} if isinstance(info, dict) else {}


class _Writer:
    """One map written as AIF: :meth:`nodes` makes the nodes, in order, and meanwhile
    the edges, which :meth:`edges` writes once the nodes are done."""

    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap
        kept = amap.frontmatter.get("aif")
        # What was kept comes from a file (an AIF file, or front matter written by hand):
        # only lists of objects are written back as nodes, edges and locutions.
        self.kept: dict[str, Any] = kept if isinstance(kept, dict) else {}
        self.kept_nodes, self.kept_edges, self.kept_locutions = (
            _objects(self.kept.get(key)) for key in ("nodes", "edges", "locutions")
        )
        taken = {str(n.get("nodeID")) for n in self.kept_nodes}
        taken |= {str(e.get("edgeID")) for e in self.kept_edges}
        self.conflicts = _objects(self.kept.get(CONFLICTS_KEY))
        self.ids = _Ids(taken, _read_ids(amap, self.conflicts))
        self.owner: dict[str, str] = {}
        """AIF node id -> the argmap node it was written for."""
        self.rep: dict[str, str] = {}
        """argmap node -> the AIF node that stands for it in edges."""
        # The edges made so far, in three columns (edge id, from, to): a few words each,
        # where an edge's object, or even a tuple and an int object, costs several times more.
        self.edge_ids = array("q")
        self.edge_ends: list[str] = []
        """from, to, from, to, ..."""

    def edge(self, source: str, target: str) -> None:
        self.edge_ids.append(self.ids.new())
        self.edge_ends += (source, target)

    def outer(self) -> dict[str, Any]:
        """The sections beside ``AIF`` of the xAIF file the map was read from (often none)."""
        outer = self.kept.get(XAIF_KEY)
        return outer if isinstance(outer, dict) else {}

    def fields(self) -> Iterator[tuple[str, Any]]:
        """The AIF object's keys and values, in order; the nodes and the edges as iterators."""
        yield "nodes", itertools.chain(self.nodes(), self.kept_nodes)
        yield "edges", self.edges()
        yield "locutions", self.kept_locutions
        for key, value in self.kept.items():
            if key not in ("nodes", "edges", "locutions", CONFLICTS_KEY, XAIF_KEY):
                yield key, value

    def edges(self) -> Iterator[dict[str, Any]]:
        """The edges, after :meth:`nodes` has run to its end."""
        ends = self.edge_ends
        for index, ident in enumerate(self.edge_ids):
            yield {"edgeID": str(ident), "fromID": ends[2 * index], "toID": ends[2 * index + 1], "formEdgeID": None}
        self.edge_ids, self.edge_ends = array("q"), []
        yield from self.kept_edges

    def nodes(self) -> Iterator[dict[str, Any]]:
        yield from self.statement_nodes()
        yield from self.argument_nodes()
        yield from self.relation_nodes()

    def statement_nodes(self) -> Iterator[dict[str, Any]]:
        ids, owner = self.ids, self.owner
        for statement in self.amap.statements.values():
            members: list[StatementMember | None] = [m for m in statement.members if not m.is_reference and m.text]
            members = members or list(statement.members[:1]) or [None]
            written: list[tuple[str, dict[str, Any]]] = []
            for member in members:
                data: dict[str, Any] = dict(member.data) if member is not None else {}
                ident = ids.get(_aif_id(data))
                text = member.text if member is not None and member.text else (statement.text or statement.title)
                yield {"nodeID": ident, "text": text, "type": "I", **_extra_of(data)}
                owner[ident] = statement.node
                written.append((ident, data))
            self.rep[statement.node] = written[0][0]
            # The MA nodes read join their I nodes as they did; any member still apart is
            # joined by a new MA from the one before it.
            joined = {written[0][0]}
            for ident, data in written:
                for rephrase in _objects(data.get("aifRephrases")):
                    ma_node = rephrase.get("node")
                    from_id = str(rephrase.get("from"))
                    if isinstance(ma_node, dict) and owner.get(from_id) == statement.node and from_id != ident:
                        ma = ids.get(ma_node.get("nodeID"))
                        yield {**ma_node, "nodeID": ma, "type": "MA"}
                        self.edge(from_id, ma)
                        self.edge(ma, ident)
                        joined |= {from_id, ident}
            for (previous, _), (ident, _) in itertools.pairwise(written):
                if ident not in joined:
                    ma = ids.get()
                    yield {"nodeID": ma, "text": "Default Rephrase", "type": "MA"}
                    self.edge(previous, ma)
                    self.edge(ma, ident)
                    joined.add(ident)

    def argument_nodes(self) -> Iterator[dict[str, Any]]:
        ids, rep = self.ids, self.rep
        for argument in self.amap.arguments.values():
            data = argument.data
            if argument.pcs:
                last: str | None = None
                since = 0
                for index, step in enumerate(argument.pcs):
                    if step.inference is None:
                        continue
                    final = index == len(argument.pcs) - 1
                    ra = ids.get(_aif_id(data) if final else None)
                    extra = _extra_of(data) if final else {}
                    info = data.get("aif")
                    read_text = info.get("text") if final and isinstance(info, dict) else None
                    scheme = ", ".join(step.inference.rules) or read_text or "Default Inference"
                    yield {"nodeID": ra, "text": scheme, "type": "RA", **extra}
                    self.owner[ra] = argument.node
                    steps = [*argument.pcs[since:index], step]
                    ends = [rep[statement_node(s.statement)] for s in steps]
                    if final:
                        titles = [statement_node(s.statement) for s in steps]
                        ends = _read_ends(data.get("aifEnds"), titles, self.owner) or ends
                    for premise_id in ends[:-1]:
                        self.edge(premise_id, ra)
                    self.edge(ra, ends[-1])
                    since = index
                    last = ra
                if last is not None:
                    rep[argument.node] = last
                    continue
            ident = ids.get(_aif_id(data))
            text = argument.description or argument.title
            yield {"nodeID": ident, "text": text, "type": "I", "argmap": {"argument": argument.title}}
            rep[argument.node] = ident
            self.owner[ident] = argument.node

    def relation_nodes(self) -> Iterator[dict[str, Any]]:
        ids, rep, owner, amap = self.ids, self.rep, self.owner, self.amap
        # The CA nodes read, by the argmap relations they stand for.
        read_conflicts: dict[tuple[str, str], dict[str, Any]] = {}
        for conflict in self.conflicts:
            target_node = owner.get(str(conflict.get("to")))
            for source_id in conflict.get("from", []) if isinstance(conflict.get("from"), list) else []:
                source_node = owner.get(str(source_id))
                if source_node is not None and target_node is not None:
                    read_conflicts.setdefault((source_node, target_node), conflict)
        done: set[int] = set()
        for relation in amap.relations(
            RelationType.SUPPORT,
            RelationType.ENTAILS,
            RelationType.ATTACK,
            RelationType.CONTRARY,
            RelationType.UNDERCUT,
            RelationType.CONTRADICTION,
        ):
            source, target = rep.get(relation.source), rep.get(relation.target)
            if source is None or target is None:
                continue
            if relation.type in (RelationType.SUPPORT, RelationType.ENTAILS):
                record = amap.arguments.get(node_title(relation.source)) if is_argument_node(relation.source) else None
                if record is not None and record.pcs and record.conclusion is not None:
                    if statement_node(record.conclusion) == relation.target:
                        continue
                    source = rep[statement_node(record.conclusion)]
                ra = ids.get()
                yield {"nodeID": ra, "text": "Default Inference", "type": "RA"}
                self.edge(source, ra)
                self.edge(ra, target)
                continue
            read_conflict = read_conflicts.get((relation.source, relation.target))
            if read_conflict is not None and isinstance(read_conflict.get("node"), dict):
                if id(read_conflict) not in done:
                    # Written back as it was read: its id, its ends (all of them at once).
                    done.add(id(read_conflict))
                    ca = ids.get(read_conflict["node"].get("nodeID"))
                    yield {**read_conflict["node"], "nodeID": ca, "type": "CA"}
                    for source_id in read_conflict["from"]:
                        if str(source_id) in owner:  # an attacker removed since is left out
                            self.edge(str(source_id), ca)
                    self.edge(ca, str(read_conflict["to"]))
                continue
            pairs = [(source, target)]
            if relation.type is RelationType.CONTRADICTION:
                pairs.append((target, source))
            for a, b in pairs:
                ca = ids.get()
                yield {"nodeID": ca, "text": "Default Conflict", "type": "CA"}
                self.edge(a, ca)
                self.edge(ca, b)


def to_aif(amap: ArgumentMap) -> dict[str, Any]:
    """The map as an AIF JSON object (``nodes``, ``edges``, ``locutions``)."""
    return _document(_Writer(amap))


def _document(writer: _Writer) -> dict[str, Any]:
    out = {key: list(value) if isinstance(value, Iterator) else value for key, value in writer.fields()}
    outer = writer.outer()
    if outer:
        return {"AIF": out, **{k: v for k, v in outer.items() if k != "AIF"}}
    return out


def chunks(amap: ArgumentMap) -> Iterator[str]:
    """The text of :func:`dumps` in pieces: the nodes are written as they are made, and
    the edges (kept meanwhile as columns of ids) after them; never the whole document at once.
    A map read from xAIF, whose AIF object is nested, is written whole."""
    writer = _Writer(amap)
    if writer.outer():
        return document_pieces(_document(writer))
    return indented_json_pieces(writer.fields())


def dumps(amap: ArgumentMap) -> str:
    return json.dumps(to_aif(amap), indent=2, ensure_ascii=False) + "\n"


def _read_ids(amap: ArgumentMap, conflicts: list[dict[str, Any]]) -> set[str]:
    """Every node id a map read from AIF keeps in its data: new ids must not take them."""
    found: set[str] = set()
    for statement in amap.statements.values():
        for member in statement.members:
            ident = _aif_id(dict(member.data))
            if ident is not None:
                found.add(str(ident))
            for record in _objects(member.data.get("aifRephrases")):
                node = record.get("node")
                if isinstance(node, dict):
                    found.add(str(node.get("nodeID")))
    for argument in amap.arguments.values():
        ident = _aif_id(dict(argument.data))
        if ident is not None:
            found.add(str(ident))
    for record in conflicts:
        node = record.get("node")
        if isinstance(node, dict):
            found.add(str(node.get("nodeID")))
    return found


def _read_ends(ends: Any, statements: list[str], owner: dict[str, str]) -> list[str] | None:
    """The I node ids an RA was read with (premises, then conclusion), when they were
    written for these statements, in this order; else None."""
    if not isinstance(ends, dict) or not isinstance(ends.get("premises"), list):
        return None
    found = [str(x) for x in ends["premises"]] + [str(ends.get("conclusion"))]
    if len(found) != len(statements) or any(owner.get(x) != s for x, s in zip(found, statements, strict=True)):
        return None
    return found


__all__ = ["chunks", "dumps", "to_aif"]
