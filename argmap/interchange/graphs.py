"""The map as a plain graph for other tools: GraphML, networkx node-link JSON and Mermaid.

GraphML and node-link JSON are written from one flat view of the map (:func:`flat_nodes`,
:func:`flat_edges`): one node per statement and argument (``kind``, ``title``, ``text``,
``tags``), one edge per pair of related nodes (``type``: the relation types joined by
commas; ``derived``).  :func:`flat_graph` is that view as a networkx graph.

Every format is written in pieces as it is made (``..._chunks``), so that the whole
document is never in memory; the text is what networkx writes for :func:`flat_graph`
(``nx.generate_graphml(graph, prettyprint=True)`` lines, ``nx.node_link_data(graph,
edges="links")`` encoded by json with an indent of 2), as the tests check.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any

from argmap.files import LINES_PER_PIECE, batches, pieces_of_lines
from argmap.interchange.common import indented_json_pieces
from argmap.model import ArgumentMap, RelationType, Statement

if TYPE_CHECKING:
    import networkx as nx

FlatAttributes = dict[str, Any]
"""The attributes of a node or an edge of the flat view: strings and booleans."""


def flat_nodes(amap: ArgumentMap) -> Iterator[tuple[str, FlatAttributes]]:
    """Every node of the map, in graph order, with its flat attributes (all strings)."""
    for node in amap.nodes():
        record = amap.record(node)
        if isinstance(record, Statement):
            kind, text = "statement", record.text
        else:
            kind, text = "argument", record.description
        yield node, {"kind": kind, "title": record.title, "text": text, "tags": " ".join(record.tags)}


def flat_edges(amap: ArgumentMap) -> Iterator[tuple[str, str, FlatAttributes]]:
    """Every related pair of nodes, by source in graph order, with its flat attributes: the
    types of its relations (sorted, joined by commas) and whether all of them were derived."""
    for source, targets in amap.out_adjacency().items():
        for target, relations in targets.items():
            types = sorted(relation.type.value for relation in relations.values())
            derived = all(relation.derived for relation in relations.values())
            yield source, target, {"type": ",".join(types), "derived": derived}


def flat_graph(amap: ArgumentMap) -> nx.DiGraph[str]:
    """The flat view as a networkx graph (plain attributes only)."""
    import networkx as nx  # only here: the writers need no graph

    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(flat_nodes(amap))
    graph.add_edges_from(flat_edges(amap))
    return graph


# -- node-link JSON ---------------------------------------------------------------------


def _node_link_fields(amap: ArgumentMap) -> list[tuple[str, Any]]:
    """The keys of networkx's node-link data (``edges="links"``) and their values, the
    arrays as generators: a node's attributes then its ``id``, an edge's then its ends."""
    return [
        ("directed", True),
        ("multigraph", False),
        ("graph", {}),
        ("nodes", ({**attributes, "id": node} for node, attributes in flat_nodes(amap))),
        (
            "links",
            ({**attributes, "source": source, "target": target} for source, target, attributes in flat_edges(amap)),
        ),
    ]


def to_node_link(amap: ArgumentMap) -> dict[str, Any]:
    """networkx's node-link data of :func:`flat_graph`, made straight from the map."""
    return {key: list(value) if isinstance(value, Iterator) else value for key, value in _node_link_fields(amap)}


def node_link_chunks(amap: ArgumentMap) -> Iterator[str]:
    """The text of :func:`node_link_dumps` in pieces, a batch of nodes or links at a time."""
    return indented_json_pieces(_node_link_fields(amap), _flat_items)


def _flat_items(batch: list[FlatAttributes]) -> str:
    """Flat records (strings and booleans) as :func:`~argmap.interchange.common.array_items`
    writes them, with json's string encoder alone: its indenting encoder is written in
    Python, and several times slower."""
    return ",".join(
        "\n    {\n      "
        + ",\n      ".join(f"{encode_basestring(key)}: {_json_scalar(value)}" for key, value in item.items())
        + "\n    }"
        for item in batch
    )


def _json_scalar(value: object) -> str:
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    raise TypeError(f"a flat attribute is a string or a boolean, not {type(value).__name__}")


def node_link_dumps(amap: ArgumentMap) -> str:
    return "".join(node_link_chunks(amap))


# -- GraphML ----------------------------------------------------------------------------

_GRAPHML_OPEN = (
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">'
)
_GRAPHML_TYPES = {bool: "boolean", str: "string"}
"""GraphML's name of the type of a flat attribute's value (networkx's names)."""
_SPLIT_LINES = re.compile("\r\n|[\r\x0b\x0c\x1c\x1d\x1e]")
"""Where ``str.splitlines`` breaks an ASCII text besides ``\\n``."""


def _cdata(text: str) -> str:
    """Text of an element as ElementTree escapes it."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attribute(text: str) -> str:
    """An attribute value as ElementTree escapes it (line breaks and tabs as references)."""
    text = _cdata(text).replace('"', "&quot;")
    return text.replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#09;")


def _as_networkx_writes(piece: str) -> str:
    """A piece of GraphML as ``nx.generate_graphml`` gives it: ElementTree writes US-ASCII
    (every other character as a numeric reference), and networkx splits the text into lines
    with ``str.splitlines``, which also breaks at the control characters left raw."""
    if not piece.isascii():
        piece = piece.encode("ascii", "xmlcharrefreplace").decode("ascii")
    return _SPLIT_LINES.sub("\n", piece)


def graphml_chunks(amap: ArgumentMap) -> Iterator[str]:
    """The text of :func:`to_graphml` in pieces of a few hundred nodes or edges.

    As networkx writes it: the keys are numbered in the order their attributes are first
    met (the nodes' before the edges') and written last key first; every node has the same
    attributes of the same types, and so has every edge, so the first of each tells them."""
    nodes = flat_nodes(amap)
    edges = flat_edges(amap)
    first_node = next(nodes, None)
    first_edge = next(edges, None)
    keys: list[tuple[str, str, Any]] = []
    if first_node is not None:
        keys.extend(("node", name, value) for name, value in first_node[1].items())
    if first_edge is not None:
        keys.extend(("edge", name, value) for name, value in first_edge[2].items())
    ids = {(scope, name): f"d{i}" for i, (scope, name, _) in enumerate(keys)}
    head = [_GRAPHML_OPEN]
    for i, (scope, name, value) in reversed(list(enumerate(keys))):
        head.append(f'  <key id="d{i}" for="{scope}" attr.name="{name}" attr.type="{_GRAPHML_TYPES[type(value)]}" />')
    if first_node is None:
        yield "\n".join([*head, '  <graph edgedefault="directed" />', "</graphml>"]) + "\n"
        return
    yield "\n".join([*head, '  <graph edgedefault="directed">']) + "\n"
    node_lines = (
        _element(f'<node id="{_attribute(node)}">', "</node>", attributes, "node", ids)
        for node, attributes in chain([first_node], nodes)
    )
    edge_lines = (
        _element(f'<edge source="{_attribute(u)}" target="{_attribute(v)}">', "</edge>", attributes, "edge", ids)
        for u, v, attributes in (chain([first_edge], edges) if first_edge is not None else ())
    )
    # An element is about six lines: a piece is a few hundred lines, as elsewhere.
    for piece in pieces_of_lines(chain(node_lines, edge_lines), LINES_PER_PIECE // 6):
        yield _as_networkx_writes(piece)
    yield "  </graph>\n</graphml>\n"


def _element(start: str, end: str, attributes: FlatAttributes, scope: str, ids: dict[tuple[str, str], str]) -> str:
    """The lines of a node or edge element with its data elements (ElementTree's pretty print)."""
    lines = ["    " + start]
    for name, value in attributes.items():
        text = _cdata(str(value))
        key = ids[scope, name]
        lines.append(f'      <data key="{key}">{text}</data>' if text else f'      <data key="{key}" />')
    lines.append("    " + end)
    return "\n".join(lines)


def to_graphml(amap: ArgumentMap) -> str:
    return "".join(graphml_chunks(amap))


# -- Mermaid ----------------------------------------------------------------------------

_MERMAID_ARROWS = {
    RelationType.SUPPORT: ("-->", "support"),
    RelationType.ENTAILS: ("-->", "entails"),
    RelationType.ATTACK: ("--x", "attack"),
    RelationType.CONTRARY: ("--x", "contrary"),
    RelationType.UNDERCUT: ("-.->", "undercut"),
    RelationType.CONTRADICTION: ("x--x", "contradiction"),
    RelationType.PREMISE_OF: ("-.->", "premise"),
    RelationType.CONCLUSION_OF: ("==>", "conclusion"),
}


def _mermaid_text(text: str) -> str:
    """Text for a quoted Mermaid label, on one line; Mermaid's entity codes are ``#name;``."""
    escaped = " ".join(text.split()).replace("#", "#35;").replace('"', "#quot;")
    return escaped.replace("<", "#lt;").replace(">", "#gt;").replace("`", "#96;")


def mermaid_chunks(amap: ArgumentMap, direction: str = "BT") -> Iterator[str]:
    """The text of :func:`to_mermaid` in pieces of a few hundred lines."""
    ids = {node: f"n{i}" for i, node in enumerate(amap.nodes())}
    yield from pieces_of_lines(chain([f"flowchart {direction}"], _mermaid_nodes(amap, ids), _mermaid_edges(amap, ids)))
    yield "  classDef argument fill:#e8f0fe\n"
    arguments = (ids[node] for node in amap.nodes() if node.startswith("<"))
    # One line names every argument: it is written a few hundred names at a time.
    named = False
    for batch in batches(arguments, LINES_PER_PIECE):
        yield ("," if named else "  class ") + ",".join(batch)
        named = True
    if named:
        yield " argument\n"


def _mermaid_nodes(amap: ArgumentMap, ids: dict[str, str]) -> Iterator[str]:
    """Statements as rounded boxes, arguments as hexagons."""
    for node, ident in ids.items():
        record = amap.record(node)
        if isinstance(record, Statement):
            label = (
                record.text
                if record.is_untitled
                else f"[{record.title}]: {record.text}"
                if record.text
                else f"[{record.title}]"
            )
            yield f'  {ident}("{_mermaid_text(label)}")'
        else:
            label = f"<{record.title}>" + (f": {record.description}" if record.description else "")
            yield f'  {ident}{{{{"{_mermaid_text(label)}"}}}}'


def _mermaid_edges(amap: ArgumentMap, ids: dict[str, str]) -> Iterator[str]:
    for relation in amap.relations():
        arrow, label = _MERMAID_ARROWS[relation.type]
        if relation.type is RelationType.PREMISE_OF or relation.type is RelationType.CONCLUSION_OF:
            yield f"  {ids[relation.source]} {arrow} {ids[relation.target]}"
        else:
            yield f"  {ids[relation.source]} {arrow}|{label}| {ids[relation.target]}"


def to_mermaid(amap: ArgumentMap, direction: str = "BT") -> str:
    """A Mermaid flowchart: statements as rounded boxes, arguments as hexagons."""
    return "".join(mermaid_chunks(amap, direction))
