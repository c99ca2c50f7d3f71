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
written as an I node that stands for it (:mod:`argmap.interchange.aif_writer`).
"""

from __future__ import annotations

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
CONFLICTS_KEY = "argmap-conflicts"
"""Key of the CA nodes read, in the front matter's ``aif`` section (not an AIF section)."""
XAIF_KEY = "argmap-xaif"
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
        kept[CONFLICTS_KEY] = conflicts
    if outer:
        kept[XAIF_KEY] = outer
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


__all__ = ["ARGUMENT_LAYER", "CONFLICTS_KEY", "XAIF_KEY", "read_aif"]
