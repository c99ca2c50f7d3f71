"""AIF JSON (the Argument Interchange Format as AIFdb and OVA exchange it).

An AIF file is a graph of *nodes* (``nodeID``, ``type``, ``text``) and *edges*
(``fromID`` -> ``toID``).  Reading it:

* ``I`` nodes (information) become statements, titled ``I<nodeID>``;
* an ``RA`` node (rule application, i.e. inference) becomes an argument ``RA<nodeID>``
  whose PCS has the RA's incoming I nodes as premises and its outgoing I node as main
  conclusion; an RA whose ends are not all statements becomes support relations;
* a ``CA`` node (conflict) becomes an attack from each incoming node to its target, an
  undercut when the target is an RA;
* ``MA`` nodes (rephrase) join I nodes into one equivalence class: one statement whose
  members are the texts of the joined I nodes;
* everything else, the dialogue layer included (``L`` locutions, ``TA`` transitions,
  ``YA`` illocutions, their edges and the ``locutions`` list), is kept as data in the
  map's front matter under ``aif`` and written back unchanged.

Node ids are kept in the members' data (``aif: {nodeID: ...}``), so that a map read
from AIF is written back with the same ids and the dialogue layer still points at its
I nodes.  Writing does the reverse; statement-to-statement support becomes an RA with
one premise, contradiction two CAs (one each way), and an argument without a PCS is
written as an I node that stands for it.
"""

from __future__ import annotations

import itertools
import json
from typing import Any

from argmap.diagnostics import Diagnostic
from argmap.interchange.common import at, id_lines, load_json, span_at
from argmap.model import (
    Argument,
    ArgumentMap,
    ArgumentMember,
    Inference,
    PcsStep,
    RelationType,
    Statement,
    StatementMember,
    argument_node,
    is_argument_node,
    node_title,
    statement_node,
)
from argmap.rules.interchange import AM401, AM402, AM403, AM404

ARGUMENT_LAYER = frozenset({"I", "RA", "CA", "MA"})
_CONFLICTS = "argmap-conflicts"
"""Key of the CA nodes read, in the front matter's ``aif`` section (not an AIF section)."""
_OUTER = "argmap-xaif"
"""Key of the sections beside ``AIF`` in an xAIF file, in the front matter's ``aif`` section."""


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        root = x
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while self.parent.get(x, x) != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def read_aif(text: str, name: str = "<aif>") -> tuple[ArgumentMap, list[Diagnostic]]:
    """Read AIF JSON text.  Never raises: problems are diagnostics naming the node or edge."""
    amap = ArgumentMap(name)
    data, diagnostics = load_json(text, name)
    if data is None:
        return amap, diagnostics
    outer: dict[str, Any] = {}
    if isinstance(data, dict) and isinstance(data.get("AIF"), dict):
        # xAIF (OVA) wraps the AIF graph beside other sections (the source ``text``, the
        # ``OVA`` layout...): kept, to be written back around the graph.
        outer = {k: v for k, v in data.items() if k != "AIF"}
        data = data["AIF"]
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list) or not isinstance(data.get("edges"), list):
        diagnostics.append(at(AM401, "not AIF JSON: expected an object with 'nodes' and 'edges' lists", name, 1))
        return amap, diagnostics
    lines = id_lines(text)

    def line_of(kind: str, ident: str) -> int:
        return lines.get(f"{kind}:{ident}", 1)

    nodes: dict[str, dict[str, Any]] = {}
    order: list[str] = []
    for index, node in enumerate(data["nodes"]):
        if not isinstance(node, dict) or "nodeID" not in node or not isinstance(node.get("type"), str):
            diagnostics.append(
                at(AM402, f"node #{index + 1} has no nodeID or type", name, 1, hint="every node needs both")
            )
            continue
        ident = str(node["nodeID"])
        if ident in nodes:
            diagnostics.append(at(AM402, f"duplicate nodeID {ident}", name, line_of("nodeID", ident)))
            continue
        nodes[ident] = node
        order.append(ident)
    incoming: dict[str, list[str]] = {i: [] for i in nodes}
    outgoing: dict[str, list[str]] = {i: [] for i in nodes}
    kept_edges: list[dict[str, Any]] = []
    for index, edge in enumerate(data["edges"]):
        if not isinstance(edge, dict) or "fromID" not in edge or "toID" not in edge:
            diagnostics.append(at(AM403, f"edge #{index + 1} has no fromID or toID", name, 1))
            continue
        source, target = str(edge["fromID"]), str(edge["toID"])
        edge_id = str(edge.get("edgeID", f"#{index + 1}"))
        missing = [x for x in (source, target) if x not in nodes]
        if missing:
            diagnostics.append(
                at(
                    AM403,
                    f"edge {edge_id} ({source} -> {target}) points to unknown node {missing[0]}",
                    name,
                    line_of("edgeID", edge_id),
                )
            )
            continue
        if nodes[source]["type"] in ARGUMENT_LAYER and nodes[target]["type"] in ARGUMENT_LAYER:
            outgoing[source].append(target)
            incoming[target].append(source)
        else:
            kept_edges.append(edge)
    # Equivalence classes: MA joins its I nodes.  An MA from one I node to another is
    # kept (its node, and which way it points) in the data of the member it points to.
    classes = _UnionFind()
    rephrased: dict[str, list[dict[str, Any]]] = {}
    for ident in order:
        if nodes[ident]["type"] == "MA":
            ends = [x for x in incoming[ident] + outgoing[ident] if nodes[x]["type"] == "I"]
            for other in ends[1:]:
                classes.union(ends[0], other)
            sources = [x for x in incoming[ident] if nodes[x]["type"] == "I"]
            targets = [x for x in outgoing[ident] if nodes[x]["type"] == "I"]
            if len(sources) == 1 and len(targets) == 1 and len(ends) == 2:
                record = {"node": {k: v for k, v in nodes[ident].items() if k != "argmap"}, "from": sources[0]}
                rephrased.setdefault(targets[0], []).append(record)
    # Statements.
    node_of: dict[str, str] = {}
    for ident in order:
        node = nodes[ident]
        if node["type"] != "I":
            continue
        root = classes.find(ident)
        title = f"I{root}"
        extra = {k: v for k, v in node.items() if k not in ("type", "text", "argmap")}
        argmap_info = node.get("argmap")
        if isinstance(argmap_info, dict) and isinstance(argmap_info.get("argument"), str):
            # An I node written by argmap for an argument without a PCS.
            title = argmap_info["argument"]
            argument = amap.add_argument(Argument(title))
            argument.members.append(
                ArgumentMember(
                    str(node.get("text", "")), span_at(name, line_of("nodeID", ident)), False, data={"aif": extra}
                )
            )
            node_of[ident] = argument_node(title)
            continue
        member_data: dict[str, Any] = {"aif": extra}
        if ident in rephrased:
            member_data["aifRephrases"] = rephrased[ident]
        member = StatementMember(
            " ".join(str(node.get("text", "")).split()),
            span_at(name, line_of("nodeID", ident)),
            False,
            data=member_data,
        )
        amap.add_statement(Statement(title, [member]))
        node_of[ident] = statement_node(title)
    conflicts: list[dict[str, Any]] = []
    """Each CA read: its node and the ids of its ends, to write it back as it was."""
    # Arguments (RA) first, so that CAs can undercut them.
    for ident in order:
        node = nodes[ident]
        if node["type"] != "RA":
            continue
        premises = [x for x in incoming[ident] if x in node_of]
        conclusions = [x for x in outgoing[ident] if x in node_of or nodes[x]["type"] in ("RA", "CA")]
        where = line_of("nodeID", ident)
        if not premises or len(conclusions) != 1:
            diagnostics.append(
                at(
                    AM404,
                    f"RA node {ident} has {len(premises)} premises and {len(conclusions)} conclusions; skipped",
                    name,
                    where,
                    hint="an RA needs at least one incoming node and exactly one outgoing node",
                )
            )
            continue
        extra = {k: v for k, v in node.items() if k != "type"}
        conclusion = conclusions[0]
        premise_nodes = [node_of[p] for p in premises]
        if (
            conclusion in node_of
            and all(not is_argument_node(p) for p in premise_nodes)
            and not is_argument_node(node_of[conclusion])
        ):
            read_ends: dict[str, Any] = {"premises": premises, "conclusion": conclusion}
            _pcs_argument(amap, f"RA{ident}", premise_nodes, node_of[conclusion], name, where, extra, read_ends)
            node_of[ident] = argument_node(f"RA{ident}")
        elif conclusion in node_of and len(premise_nodes) == 1:
            # One node (e.g. an argument written by argmap) supporting another.
            amap.add_relation(RelationType.SUPPORT, premise_nodes[0], node_of[conclusion])
        else:
            node_of[ident] = argument_node(f"RA{ident}")
            amap.add_argument(
                Argument(f"RA{ident}", [ArgumentMember("", span_at(name, where), False, data={"aif": extra})])
            )
            for premise in premise_nodes:
                amap.add_relation(RelationType.SUPPORT, premise, node_of[ident])
    for ident in order:
        node = nodes[ident]
        if node["type"] == "RA" and ident in node_of:
            for target in outgoing[ident]:
                if target in node_of and not _is_pcs_conclusion(amap, node_of[ident], node_of[target]):
                    amap.add_relation(RelationType.SUPPORT, node_of[ident], node_of[target])
        if node["type"] != "CA":
            continue
        attackers = [node_of[x] for x in incoming[ident] if x in node_of]
        targets = [x for x in outgoing[ident] if x in node_of]
        if not attackers or len(targets) != 1:
            diagnostics.append(
                at(
                    AM404,
                    f"CA node {ident} has {len(attackers)} attackers and {len(targets)} targets; skipped",
                    name,
                    line_of("nodeID", ident),
                )
            )
            continue
        target = node_of[targets[0]]
        kind = RelationType.UNDERCUT if nodes[targets[0]]["type"] == "RA" else RelationType.ATTACK
        for attacker in attackers:
            if attacker != target:
                amap.add_relation(kind, attacker, target)
        ends = [x for x in incoming[ident] if x in node_of]
        conflicts.append({"node": {k: v for k, v in node.items()}, "from": ends, "to": targets[0]})
    # The dialogue layer and anything else: kept, not dropped.
    others = [nodes[i] for i in order if nodes[i]["type"] not in ARGUMENT_LAYER]
    kept: dict[str, Any] = {}
    if others:
        kept["nodes"] = others
    if kept_edges:
        kept["edges"] = kept_edges
    for key, value in data.items():
        if key not in ("nodes", "edges") and value not in (None, [], {}):
            kept[key] = value
    if conflicts:
        kept[_CONFLICTS] = conflicts
    if outer:
        kept[_OUTER] = outer
    if kept:
        amap.frontmatter["aif"] = kept
    return amap, diagnostics


def _is_pcs_conclusion(amap: ArgumentMap, argument: str, statement: str) -> bool:
    record = amap.arguments.get(node_title(argument))
    return record is not None and record.conclusion is not None and statement_node(record.conclusion) == statement


def _pcs_argument(
    amap: ArgumentMap,
    title: str,
    premises: list[str],
    conclusion: str,
    name: str,
    line: int,
    extra: dict[str, Any],
    ends: dict[str, Any],
) -> None:
    """An RA read as an argument with a PCS; ``ends`` are the ids of its I nodes (an I node
    joined into a class by an MA is not the class's first one), for writing it back."""
    span = span_at(name, line)
    steps: list[PcsStep] = []
    for number, premise in enumerate(premises, start=1):
        steps.append(PcsStep(number, node_title(premise), "premise", span))
    steps.append(PcsStep(len(premises) + 1, node_title(conclusion), "main-conclusion", span, Inference(span)))
    data = {"aif": extra, "aifEnds": ends}
    argument = amap.add_argument(Argument(title, [ArgumentMember("", span, True, data=data)], steps, span))
    for step in steps:
        statement = amap.statements[step.statement]
        statement.members.append(StatementMember("", span, True, role=step.role, argument=argument.title))
    for premise in premises:
        amap.add_relation(RelationType.PREMISE_OF, premise, argument.node, derived=True)
    amap.add_relation(RelationType.CONCLUSION_OF, argument.node, conclusion, derived=True)


# -- writing -----------------------------------------------------------------------


class _Ids:
    """Node and edge ids: the ones read from a file (``reserved``) are given back to their
    owners; new ones are numbers that clash with none of them."""

    def __init__(self, taken: set[str], reserved: set[str]) -> None:
        self.taken = taken
        self.reserved = reserved
        self.next = 1

    def get(self, wanted: Any = None) -> str:
        if wanted is not None and str(wanted) not in self.taken:
            self.taken.add(str(wanted))
            return str(wanted)
        while str(self.next) in self.taken or str(self.next) in self.reserved:
            self.next += 1
        self.taken.add(str(self.next))
        return str(self.next)


def _aif_id(data: dict[str, Any]) -> Any:
    info = data.get("aif")
    return info.get("nodeID") if isinstance(info, dict) else None


def _objects(value: Any) -> list[dict[str, Any]]:
    """The objects in ``value`` when it is a list (anything else holds none)."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def to_aif(amap: ArgumentMap) -> dict[str, Any]:
    """The map as an AIF JSON object (``nodes``, ``edges``, ``locutions``)."""
    kept = amap.frontmatter.get("aif") if isinstance(amap.frontmatter.get("aif"), dict) else {}
    assert isinstance(kept, dict)
    # What was kept comes from a file (an AIF file, or front matter written by hand):
    # only lists of objects are written back as nodes, edges and locutions.
    kept_nodes, kept_edges, kept_locutions = (_objects(kept.get(key)) for key in ("nodes", "edges", "locutions"))
    taken = {str(n.get("nodeID")) for n in kept_nodes}
    taken |= {str(e.get("edgeID")) for e in kept_edges}
    conflicts = _objects(kept.get(_CONFLICTS))
    ids = _Ids(taken, _read_ids(amap, conflicts))
    owner: dict[str, str] = {}
    """AIF node id -> the argmap node it was written for."""
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []

    def edge(source: str, target: str) -> None:
        edges.append({"edgeID": ids.get(), "fromID": source, "toID": target, "formEdgeID": None})

    def extra_of(data: dict[str, Any]) -> dict[str, Any]:
        info = data.get("aif")
        return {k: v for k, v in info.items() if k not in ("nodeID", "type", "text")} if isinstance(info, dict) else {}

    rep: dict[str, str] = {}
    """argmap node -> the AIF node that stands for it in edges."""
    for statement in amap.statements.values():
        members: list[StatementMember | None] = [m for m in statement.members if not m.is_reference and m.text]
        members = members or list(statement.members[:1]) or [None]
        written: list[tuple[str, dict[str, Any]]] = []
        for member in members:
            data: dict[str, Any] = dict(member.data) if member is not None else {}
            ident = ids.get(_aif_id(data))
            text = member.text if member is not None and member.text else (statement.text or statement.title)
            nodes.append({"nodeID": ident, "text": text, "type": "I", **extra_of(data)})
            owner[ident] = statement.node
            written.append((ident, data))
        rep[statement.node] = written[0][0]
        # The MA nodes read join their I nodes as they did; any member still apart is
        # joined by a new MA from the one before it.
        joined = {written[0][0]}
        for ident, data in written:
            for rephrase in _objects(data.get("aifRephrases")):
                ma_node = rephrase.get("node")
                from_id = str(rephrase.get("from"))
                if isinstance(ma_node, dict) and owner.get(from_id) == statement.node and from_id != ident:
                    ma = ids.get(ma_node.get("nodeID"))
                    nodes.append({**ma_node, "nodeID": ma, "type": "MA"})
                    edge(from_id, ma)
                    edge(ma, ident)
                    joined |= {from_id, ident}
        for (previous, _), (ident, _) in itertools.pairwise(written):
            if ident not in joined:
                ma = ids.get()
                nodes.append({"nodeID": ma, "text": "Default Rephrase", "type": "MA"})
                edge(previous, ma)
                edge(ma, ident)
                joined.add(ident)
    for argument in amap.arguments.values():
        data = argument.data
        if argument.pcs:
            last: str | None = None
            since = 0
            for index, step in enumerate(argument.pcs):
                if step.inference is None:
                    continue
                final = index == len(argument.pcs) - 1
                ra = ids.get(_aif_id(data) if final else None)
                extra = extra_of(data) if final else {}
                read_text = data.get("aif", {}).get("text") if final and isinstance(data.get("aif"), dict) else None
                scheme = ", ".join(step.inference.rules) or read_text or "Default Inference"
                nodes.append({"nodeID": ra, "text": scheme, "type": "RA", **extra})
                owner[ra] = argument.node
                steps = [*argument.pcs[since:index], step]
                ends = [rep[statement_node(s.statement)] for s in steps]
                if final:
                    ends = _read_ends(data.get("aifEnds"), [statement_node(s.statement) for s in steps], owner) or ends
                for premise_id in ends[:-1]:
                    edge(premise_id, ra)
                edge(ra, ends[-1])
                since = index
                last = ra
            if last is not None:
                rep[argument.node] = last
                continue
        ident = ids.get(_aif_id(data))
        nodes.append(
            {
                "nodeID": ident,
                "text": argument.description or argument.title,
                "type": "I",
                "argmap": {"argument": argument.title},
            }
        )
        rep[argument.node] = ident
        owner[ident] = argument.node
    # The CA nodes read, by the argmap relations they stand for.
    read_conflicts: dict[tuple[str, str], dict[str, Any]] = {}
    for conflict in conflicts:
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
            nodes.append({"nodeID": ra, "text": "Default Inference", "type": "RA"})
            edge(source, ra)
            edge(ra, target)
            continue
        read_conflict = read_conflicts.get((relation.source, relation.target))
        if read_conflict is not None and isinstance(read_conflict.get("node"), dict):
            if id(read_conflict) not in done:
                # Written back as it was read: its id, its ends (all of them at once).
                done.add(id(read_conflict))
                ca = ids.get(read_conflict["node"].get("nodeID"))
                nodes.append({**read_conflict["node"], "nodeID": ca, "type": "CA"})
                for source_id in read_conflict["from"]:
                    if str(source_id) in owner:  # an attacker removed since is left out
                        edge(str(source_id), ca)
                edge(ca, str(read_conflict["to"]))
            continue
        pairs = [(source, target)]
        if relation.type is RelationType.CONTRADICTION:
            pairs.append((target, source))
        for a, b in pairs:
            ca = ids.get()
            nodes.append({"nodeID": ca, "text": "Default Conflict", "type": "CA"})
            edge(a, ca)
            edge(ca, b)
    out: dict[str, Any] = {
        "nodes": nodes + kept_nodes,
        "edges": edges + kept_edges,
        "locutions": kept_locutions,
    }
    for key, value in kept.items():
        if key not in out and key not in (_CONFLICTS, _OUTER):
            out[key] = value
    outer = kept.get(_OUTER)
    if isinstance(outer, dict) and outer:
        return {"AIF": out, **{k: v for k, v in outer.items() if k != "AIF"}}
    return out


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


def dumps(amap: ArgumentMap) -> str:
    return json.dumps(to_aif(amap), indent=2, ensure_ascii=False) + "\n"


__all__ = ["dumps", "read_aif", "to_aif"]
