"""The HTML explorer: one self-contained page to pan, zoom, search and read a map.

The page holds Graphviz's drawing of the map (:mod:`argmap.views.graphviz`) as inline
SVG, the facts behind every claim as JSON in a ``<script type="application/json">``
element, and the explorer's own style and script (``explorer.css``, ``explorer.js``,
shipped beside this module).  Nothing is fetched: the file works from ``file://``
with no network.

Every text of the map reaches the page escaped for the place it lands in: SVG text is
escaped by Graphviz (and ``data-id`` attributes here), the JSON has ``<``, ``>`` and
``&`` written as ``\\u003c`` ... so that no claim can end the script element, and the
script puts texts into the page with ``textContent`` only, never as markup.

>>> import argmap
>>> amap, _ = argmap.loads("[A]: Claims & <b>tags</b>. </script>\\n  + [B]: A reason.", name="m.argdown")
>>> page = build_explorer(amap).html
>>> page.count("</script>") == page.count("<script")
True
>>> 'data-id="[A]"' in page and "\\\\u003c/script\\\\u003e" in page
True
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from argmap.diagnostics import Diagnostic
from argmap.model import ArgumentMap
from argmap.views.graphviz import Drawing, build_drawing, layout
from argmap.views.tree import ATTACK_KINDS, below, map_title, node_facts, strip_tags

_NODE_GROUP = re.compile(r'<g id="(n\d+)" class="node')
_EDGE_GROUP = re.compile(r'<g id="(e\d+)" class="edge')


@dataclass
class Explorer:
    """The page and what the command line says about it."""

    html: str
    nodes: int
    edges: int
    notice: str | None = None


def build_explorer(
    amap: ArgumentMap,
    labels: dict[str, str] | None = None,
    diagnostics: list[Diagnostic] | None = None,
    focus: str | None = None,
    depth: int | None = None,
    rankdir: str = "TB",
    force: bool = False,
    live: bool = False,
) -> Explorer:
    """The explorer page of ``amap`` (or of the part below ``focus``, ``depth`` levels deep).

    ``labels`` colours claims by their evaluation, ``diagnostics`` are shown with the
    claims they are about, and ``live`` makes the page listen for reloads from
    ``argmap watch`` (at ``/events`` of the page's own server).  Raises
    :class:`~argmap.views.graphviz.RenderError` when Graphviz cannot lay the map out."""
    drawing = build_drawing(amap, focus, depth, rankdir, labels, fast=None)
    svg, notice = layout(drawing, "svg", force)
    data = explorer_data(amap, drawing, labels, diagnostics or [])
    text = svg.decode("utf-8")
    page = _page(map_title(amap), _inline_svg(text, drawing), data, live, overview(text, drawing, labels))
    return Explorer(page, drawing.nodes, drawing.edges, notice)


def error_page(title: str, message: str, live: bool = True) -> str:
    """A page that says why the map could not be drawn (``argmap watch`` shows it until the file is fixed)."""
    body = f'<pre id="problem" role="alert">{html.escape(message)}</pre>'
    return _page(title, body, {"nodes": {}, "edges": [], "title": title, "problem": message}, live, "")


def explorer_data(
    amap: ArgumentMap, drawing: Drawing, labels: dict[str, str] | None, diagnostics: list[Diagnostic]
) -> dict[str, Any]:
    """The facts the page's script needs, keyed by node id: what the details panel shows,
    and what lies below and above each claim (for collapsing, focusing and links)."""
    findings = _findings_by_node(amap, diagnostics, drawing.names)
    nodes: dict[str, Any] = {}
    for node, name in drawing.names.items():
        kind, title, text, tags, quote, para, _, location = node_facts(amap, node)
        children = [[child, relation, number] for child, relation, number in below(amap, node)]
        entry: dict[str, Any] = {
            "name": name,
            "kind": kind,
            "title": title,
            "text": strip_tags(text, tags),
            "tags": list(tags),
            "below": [c for c in children if c[0] in drawing.names],
        }
        if len(entry["below"]) < len(children):
            entry["more"] = len(children) - len(entry["below"])
        # The file's name, not its folder: a page is passed around, the reader's folders are private.
        where = location.replace("\\", "/").rsplit("/", 1)[-1] if location else None
        optional = {"quote": quote, "para": para, "location": where, "findings": findings.get(node)}
        entry.update({key: value for key, value in optional.items() if value is not None})
        if labels and node in labels:
            entry["label"] = labels[node]
            entry["decided"] = _decided_by(node, children, labels)
        nodes[node] = entry
    return {
        "title": map_title(amap),
        "nodes": nodes,
        "edges": [[f"e{i}", *edge] for i, edge in enumerate(drawing.edge_list)],
    }


def _decided_by(node: str, children: list[list[Any]], labels: dict[str, str]) -> str:
    """Why ``node`` has its grounded label, in the map's words: which objections decide it."""
    label = labels[node]
    objections = [c[0] for c in children if c[1] in ATTACK_KINDS]
    if label == "OUT":
        winning = [o for o in objections if labels.get(o) == "IN"]
        if winning:
            return "OUT: an objection is accepted: " + ", ".join(winning)
        return "OUT: it rests on a premise or reason that is rejected"
    if label == "IN":
        return "IN: every objection is rejected" if objections else "IN: nothing speaks against it"
    open_ones = [o for o in objections if labels.get(o) == "UNDEC"]
    if open_ones:
        return "UNDEC: an objection is undecided: " + ", ".join(open_ones)
    return "UNDEC: it takes part in a cycle of attacks, or rests on an undecided claim"


def _findings_by_node(amap: ArgumentMap, diagnostics: list[Diagnostic], names: dict[str, str]) -> dict[str, list[str]]:
    """Each diagnostic with a place, under the claims written at that line."""
    at_line: dict[int, list[str]] = {}
    for node in names:
        for member in amap.record(node).members:
            for line in range(member.span.line, member.span.end_line + 1):
                at_line.setdefault(line, []).append(node)
    found: dict[str, list[str]] = {}
    for diagnostic in diagnostics:
        if diagnostic.span is None:
            continue
        text = f"{diagnostic.code} {diagnostic.severity.value}: {diagnostic.message}"
        for node in dict.fromkeys(at_line.get(diagnostic.span.line, [])):
            found.setdefault(node, []).append(text)
    return found


def _inline_svg(svg: str, drawing: Drawing) -> str:
    """Graphviz's SVG document as an element of the page: without the XML prolog and
    doctype, every claim's group with ``data-id`` and every edge's with its ends."""
    svg = svg[svg.index("<svg") :]
    node_of = {name: node for node, name in drawing.names.items()}

    def node_group(match: re.Match[str]) -> str:
        node = node_of.get(match.group(1))
        data = f' data-id="{html.escape(node, quote=True)}"' if node is not None else ""
        return f'<g id="{match.group(1)}"{data} class="node'

    def edge_group(match: re.Match[str]) -> str:
        index = int(match.group(1)[1:])
        if index >= len(drawing.edge_list):
            return match.group(0)
        source, target, _ = drawing.edge_list[index]
        ends = f' data-from="{html.escape(source, quote=True)}" data-to="{html.escape(target, quote=True)}"'
        return f'<g id="{match.group(1)}"{ends} class="edge'

    svg = _NODE_GROUP.sub(node_group, svg)
    return _EDGE_GROUP.sub(edge_group, svg)


_VIEW_BOX = re.compile(r'<svg[^>]*?viewBox="([^"]*)"')
_GRAPH_TRANSFORM = re.compile(r'<g id="graph0" class="graph" transform="([^"]*)"')
_SHAPE = re.compile(r'<(?:polygon|path|ellipse)[^>]*?(?:points|d)="([^"]*)"')
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def overview(svg: str, drawing: Drawing, labels: dict[str, str] | None) -> str:
    """A small picture of the whole map for the corner: one rectangle per claim, where
    Graphviz put it.  Cheaper to draw than a second copy of the drawing, which on a
    large map costs as much as the map itself."""
    box = _VIEW_BOX.search(svg)
    transform = _GRAPH_TRANSFORM.search(svg)
    if box is None or transform is None:
        return '<svg id="overview" hidden aria-hidden="true"><rect id="viewport"></rect></svg>'
    shapes: list[str] = []
    node_of = {name: node for node, name in drawing.names.items()}
    for match in _NODE_GROUP.finditer(svg):
        shape = _SHAPE.search(svg, match.end())
        node = node_of.get(match.group(1))
        if shape is None or node is None:
            continue
        numbers = [float(n) for n in _NUMBER.findall(shape.group(1))]
        xs, ys = numbers[0::2], numbers[1::2]
        if not xs or not ys:
            continue
        label = (labels or {}).get(node, "")
        shapes.append(
            f'<rect x="{min(xs):.0f}" y="{min(ys):.0f}" width="{max(xs) - min(xs):.0f}" '
            f'height="{max(ys) - min(ys):.0f}" class="{label}" data-of="{html.escape(node, quote=True)}"/>'
        )
    return (
        f'<svg id="overview" viewBox="{box.group(1)}" aria-hidden="true">'
        f'<g transform="{transform.group(1)}">{"".join(shapes)}</g><rect id="viewport"></rect></svg>'
    )


def script_json(data: Any) -> str:
    """``data`` as JSON that can sit inside a ``<script>`` element: no ``<``, ``>`` or ``&``
    (so no ``</script>`` or ``<!--``), and no line separators JavaScript once rejected."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escaped)
    return text


def _asset(name: str) -> str:
    return files("argmap.views").joinpath(name).read_text("utf-8")


def _page(title: str, drawing: str, data: dict[str, Any], live: bool, corner: str) -> str:
    """The whole document: style, controls, drawing, data and script, all inline."""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; \
script-src 'unsafe-inline'; img-src data:{"; connect-src 'self'" if live else ""}">
<title>{html.escape(title)}</title>
<style>
{_asset("explorer.css")}</style>
</head>
<body class="by-label"{' data-live="1"' if live else ""}>
<header id="bar">
<h1 id="title">{html.escape(title)}</h1>
<input type="search" id="search" placeholder="Search claims (/)" aria-label="Search claims" autocomplete="off">
<span id="matches" aria-live="polite"></span>
<button type="button" id="fit" title="Fit the map to the window (0)">Fit</button>
<button type="button" id="zoom-in" title="Zoom in (+)">+</button>
<button type="button" id="zoom-out" title="Zoom out (-)">−</button>
<label title="Steps around the selected claim">Focus <input type="number" id="steps" min="1" max="9" value="1"></label>
<button type="button" id="focus" title="Show only the selected claim's neighbourhood (f)">Focus</button>
<button type="button" id="whole" title="Show the whole map again (w)" hidden>Whole map</button>
<label title="Colour the claims by their evaluation">\
<input type="checkbox" id="colour-labels" checked> Colour by label</label>
</header>
<main id="stage" tabindex="0" aria-label="The map: drag or use the arrow keys to move, + and - to zoom">
{drawing}
</main>
{corner}
<aside id="details" aria-live="polite"><p class="hint">Click a claim to read it here.</p></aside>
<script type="application/json" id="argmap-data">{script_json(data)}</script>
<script>
{_asset("explorer.js")}</script>
</body>
</html>
"""
