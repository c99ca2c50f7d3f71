"""Graphviz drawings of a map: DOT text written here, laid out by pygraphviz.

* Statements are boxes, arguments rounded boxes; each shows its title in bold and
  its text wrapped to a fixed width, plus its evaluation (``✔ IN`` / ``✘ OUT`` /
  ``? UNDEC``, also told apart by the border: thick, dashed, dotted).
* Support and entailment are green arrows, attacks red arrows with a bar end,
  undercuts red and dashed, contradictions red with bars at both ends, premises
  thin grey arrows into their argument.
* Sections (headings) are clusters; a small legend names the marks used.

The DOT source is built as text, so ``--format dot`` needs neither pygraphviz nor a
layout.  Every user text goes into an HTML-like label and is escaped there
(``&amp; &lt; &gt; &quot;``); node and cluster names are generated (``n12``,
``cluster_3``), never taken from the map, so no claim text can become DOT syntax.

Edges are written from the conclusion to the reason with ``dir=back``: the arrow
still points at the conclusion, but ``rankdir=TB`` puts the conclusions at the top,
like ``argmap show``.
"""

from __future__ import annotations

import re
import textwrap
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from argmap import files
from argmap._gc import paused_gc
from argmap.argdown.inline import written_tag
from argmap.model import Argument, ArgumentMap, RelationType
from argmap.queries import starting_points
from argmap.views.tree import below, strip_tags

WRAP = 36
"""Characters per label line."""
LARGE_MAP = 1500
"""Above this many nodes ``dot``'s layout can take minutes (or hours: 2,000 tangled nodes ran
over 10 minutes): :func:`layered_positions` places them instead, with a notice."""
SHORT_TEXT = 100
"""Characters of text kept per node in the fast layout, so every node fits its slot."""
HUGE_MAP = 60000
"""Above this many nodes even the fast layout is refused without ``--force``."""

STATEMENT_FILL = "#e3f2fd"
STATEMENT_LINE = "#1565c0"
ARGUMENT_FILL = "#e8f5e9"
ARGUMENT_LINE = "#2e7d32"
GREEN = "#2e7d32"
RED = "#c62828"
GREY = "#607d8b"
LABEL_STYLE = {
    "IN": ("✔ IN", "#1b5e20", "bold"),
    "OUT": ("✘ OUT", "#b71c1c", "dashed"),
    "UNDEC": ("? UNDEC", "#8d6e00", "dotted"),
}

# relation -> (attributes of the DOT edge, legend text); attributes use the *tail*
# end because edges are written backwards (see the module docstring).
EDGE_STYLE: dict[RelationType, tuple[str, str]] = {
    RelationType.SUPPORT: (f'color="{GREEN}", arrowtail=normal, penwidth=1.6', "support"),
    RelationType.ENTAILS: (f'color="{GREEN}", arrowtail=normal, penwidth=1.6, style=bold', "entails"),
    RelationType.CONCLUSION_OF: (f'color="{GREEN}", arrowtail=normal, penwidth=1.6', "conclusion"),
    RelationType.ATTACK: (f'color="{RED}", arrowtail=tee, penwidth=1.6', "attack"),
    RelationType.UNDERCUT: (f'color="{RED}", arrowtail=tee, penwidth=1.6, style=dashed', "undercut"),
    RelationType.CONTRARY: (f'color="{RED}", arrowtail=tee, penwidth=1.2, style=dotted', "contrary"),
    RelationType.CONTRADICTION: (
        f'color="{RED}", dir=both, arrowtail=tee, arrowhead=tee, penwidth=1.6',
        "contradiction",
    ),
    RelationType.PREMISE_OF: (f'color="{GREY}", arrowtail=normal, arrowsize=0.6', "premise"),
}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class RenderError(Exception):
    """A drawing that cannot be made: too large, Graphviz missing, output not writable."""


@dataclass
class Drawing:
    """DOT source and the size of the graph it describes."""

    dot: str
    nodes: int
    edges: int
    fast: bool = False
    """Placed by :func:`layered_positions` (draw with ``neato -n2``), not by ``dot``."""


def escape(text: str) -> str:
    """Escape text for a Graphviz HTML-like label: it then prints exactly as written."""
    text = _CONTROL.sub(" ", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def wrap(text: str, width: int = WRAP) -> list[str]:
    """Lines of at most ``width`` characters; words longer than that are cut."""
    lines = textwrap.wrap(" ".join(text.split()), width, break_long_words=True, break_on_hyphens=False)
    return lines or [""]


def node_label(title: str, text: str, label: str | None, tags: list[str] | None = None) -> str:
    """The HTML-like label of one node (without the enclosing ``<`` ``>``)."""
    # Graphviz rejects an empty <B></B> (a syntax error, and the node loses its label):
    # an untitled statement whose text is only tags has no bold line.
    parts = ["<B>" + "<BR/>".join(escape(line) for line in wrap(title)) + "</B>"] if title.strip() else []
    if text and text != title:
        parts.append("<BR/>".join(escape(line) for line in wrap(text)))
    if tags:
        shown = " ".join(written_tag(t) for t in tags)
        parts.append('<FONT POINT-SIZE="8" COLOR="#616161">' + "<BR/>".join(escape(x) for x in wrap(shown)) + "</FONT>")
    if label in LABEL_STYLE:
        mark, colour, _ = LABEL_STYLE[label]
        parts.append(f'<FONT COLOR="{colour}"><B>{escape(mark)}</B></FONT>')
    return "<BR/>".join(parts) or " "


def select_nodes(amap: ArgumentMap, focus: str | None, depth: int | None) -> list[str]:
    """The nodes to draw: everything, or what lies within ``depth`` levels below ``focus``
    (or below the top claims when only ``depth`` is given), in document order."""
    if focus is None and depth is None:
        return list(amap.graph.nodes)
    starts = [focus] if focus is not None else starting_points(amap)
    level = dict.fromkeys(starts, 0)
    queue = deque(starts)
    while queue:
        node = queue.popleft()
        if depth is not None and level[node] >= depth:
            continue
        for child, _, _ in below(amap, node):
            if child not in level:
                level[child] = level[node] + 1
                queue.append(child)
    return [n for n in amap.graph.nodes if n in level]


def build_drawing(
    amap: ArgumentMap,
    focus: str | None = None,
    depth: int | None = None,
    rankdir: str = "TB",
    labels: dict[str, str] | None = None,
    legend: bool = True,
    fast: bool | None = False,
) -> Drawing:
    """The DOT source for the map (or the part under ``focus``).

    ``fast=True`` (or None: when there are more than :data:`LARGE_MAP` nodes) places
    the nodes itself with :func:`layered_positions`, leaves out the clusters and
    shortens long texts; Graphviz then only draws (``nop2``)."""
    with paused_gc():
        return _build_drawing(amap, focus, depth, rankdir, labels, legend, fast)


def _build_drawing(
    amap: ArgumentMap,
    focus: str | None,
    depth: int | None,
    rankdir: str,
    labels: dict[str, str] | None,
    legend: bool,
    fast: bool | None,
) -> Drawing:
    nodes = select_nodes(amap, focus, depth)
    ids = {node: f"n{i}" for i, node in enumerate(nodes)}
    large = len(nodes) > LARGE_MAP if fast is None else fast
    clusters = not large
    positions = layered_positions(amap, nodes, rankdir) if large else {}
    title = amap.frontmatter.get("title")
    out: list[str] = ["digraph argmap {"]
    out.append(
        f'  graph [rankdir={rankdir}, fontname="Helvetica", nodesep=0.25, ranksep=0.45, '
        f'newrank=true, charset="UTF-8"'
        + (f", label=<{escape(str(title))}>, labelloc=t, fontsize=16" if isinstance(title, str) and title else "")
        + (", splines=false, outputorder=edgesfirst" if large else "")
        + "];"
    )
    out.append('  node [fontname="Helvetica", fontsize=10, margin="0.12,0.06"];')
    out.append("  edge [dir=back, arrowsize=0.8];")

    # Sections as (nested) clusters: each node in the first section it is written in.
    members: dict[str | None, list[str]] = {}
    for node in nodes:
        sections = amap.record(node).sections
        sid = sections[0] if clusters and sections and sections[0] in amap.sections else None
        members.setdefault(sid, []).append(node)
    used: set[str] = set()
    for sid in members:
        while sid is not None and sid not in used:
            used.add(sid)
            sid = amap.sections[sid].parent
    children: dict[str | None, list[str]] = {}
    for sid in amap.sections:  # document order
        if sid in used:
            parent = amap.sections[sid].parent
            children.setdefault(parent if parent in used else None, []).append(sid)

    def emit_nodes(sid: str | None, indent: str) -> None:
        for node in members.get(sid, []):
            line = _node_line(amap, node, ids[node], labels, short=large)
            if node in positions:
                x, y = positions[node]
                line = line[:-2] + f', pos="{x},{y}!"];'
            out.append(indent + line)

    cluster_ids = {sid: f"cluster_{i}" for i, sid in enumerate(amap.sections)}
    emit_nodes(None, "  ")
    # Iterative nesting: a stack of (section, depth, opened?).
    stack: list[tuple[str, int, bool]] = [(sid, 1, False) for sid in reversed(children.get(None, []))]
    while stack:
        sid, level, opened = stack.pop()
        indent = "  " * (level + 1)
        if opened:
            out.append("  " * level + "}")
            continue
        section = amap.sections[sid]
        out.append("  " * level + f"subgraph {cluster_ids[sid]} {{")
        out.append(
            indent + f'label=<<B>{escape(section.title)}</B>>; labeljust=l; style="rounded,dashed"; '
            f'color="#9e9e9e"; fontsize=12;'
        )
        emit_nodes(sid, indent)
        stack.append((sid, level, True))
        stack.extend((child, level + 1, False) for child in reversed(children.get(sid, [])))

    edge_count = 0
    kinds: set[RelationType] = set()
    for source, target, relations in amap.graph.edges(data=True):
        if source not in ids or target not in ids:
            continue
        types = {relation.type for relation in relations.values()}
        if RelationType.SUPPORT in types:
            types.discard(RelationType.CONCLUSION_OF)  # one green arrow is enough
        for rtype in sorted(types, key=list(RelationType).index):
            style, _ = EDGE_STYLE[rtype]
            kinds.add(rtype)
            out.append(f'  {ids[target]} -> {ids[source]} [{style}, class="{rtype.value}"];')
            edge_count += 1
    if legend and nodes:
        legend_lines = _legend(kinds, labels is not None and any(n in labels for n in nodes))
        if large:  # no clusters in the fast layout: the legend goes top left
            top = max((y for _, y in positions.values()), default=0)
            legend_lines = [legend_lines[2].replace("];", f', pos="-300,{top}!"];')]
        out.extend(legend_lines)
    out.append("}")
    return Drawing("\n".join(out) + "\n", len(nodes), edge_count, large)


X_STEP = 280
"""Points between neighbouring nodes of a layer in the fast layout (labels are at most ~250 wide)."""
Y_STEP = 140
"""Points between layers in the fast layout (shortened labels are at most ~100 high)."""


def layered_positions(amap: ArgumentMap, nodes: list[str], rankdir: str = "TB") -> dict[str, tuple[int, int]]:
    """Place ``nodes`` in layers in linear time: the fast layout for large maps.

    Layer 0 holds the top claims; every other node sits one layer below the first
    node (breadth first) it is a reason for or an attack on.  Within a layer nodes
    are ordered by the mean position of their parents (one barycentre sweep), which
    keeps most edges short.  This is what ``dot`` does too, minus the expensive
    crossing minimisation and the network simplex passes, which take minutes on
    tangled maps of some thousand nodes."""
    wanted = set(nodes)
    level: dict[str, int] = {}
    parents: dict[str, list[str]] = {}
    starts = [n for n in starting_points(amap) if n in wanted]
    pending = deque(starts)
    for start in starts:
        level[start] = 0
    remaining = iter(nodes)
    while True:
        while pending:
            node = pending.popleft()
            for child, _, _ in below(amap, node):
                if child not in wanted:
                    continue
                if child not in level:
                    level[child] = level[node] + 1
                    parents[child] = [node]
                    pending.append(child)
                elif level[child] == level[node] + 1:
                    parents[child].append(node)
        # Nodes no top reaches (cycles): start again from the first one left.
        for node in remaining:
            if node not in level:
                level[node] = 0
                pending.append(node)
                break
        else:
            break
    layers: dict[int, list[str]] = {}
    for node in nodes:
        layers.setdefault(level[node], []).append(node)
    index: dict[str, float] = {}
    widest = max((len(layer) for layer in layers.values()), default=0)
    positions: dict[str, tuple[int, int]] = {}
    deepest = max(layers, default=0)
    for depth in sorted(layers):
        layer = layers[depth]
        if depth:
            layer.sort(key=lambda n: sum(index[p] for p in parents.get(n, [])) / max(1, len(parents.get(n, []))))
        offset = (widest - len(layer)) / 2
        for i, node in enumerate(layer):
            index[node] = i + offset
            along, across = int((i + offset) * X_STEP), (deepest - depth) * Y_STEP
            if rankdir in ("LR", "RL"):
                along, across = (depth if rankdir == "LR" else deepest - depth) * X_STEP, int((i + offset) * Y_STEP)
                positions[node] = (along, across)
            else:
                positions[node] = (along, across if rankdir == "TB" else depth * Y_STEP)
    return positions


def to_dot(
    amap: ArgumentMap,
    focus: str | None = None,
    depth: int | None = None,
    rankdir: str = "TB",
    labels: dict[str, str] | None = None,
) -> str:
    """The DOT text of ``amap``, for ``dot`` to lay out (see :func:`build_drawing`)."""
    return build_drawing(amap, focus, depth, rankdir, labels).dot


def _node_line(amap: ArgumentMap, node: str, nid: str, labels: dict[str, str] | None, short: bool = False) -> str:
    record = amap.record(node)
    label = labels.get(node) if labels else None
    if isinstance(record, Argument):
        text = record.description
        attrs = f'shape=box, style="rounded,filled{{}}", fillcolor="{ARGUMENT_FILL}", color="{ARGUMENT_LINE}"'
        kind = "argument"
        title = f"<{record.title}>"
    else:
        text = record.text
        attrs = f'shape=box, style="filled{{}}", fillcolor="{STATEMENT_FILL}", color="{STATEMENT_LINE}"'
        kind = "statement"
        title = f"[{record.title}]" if not record.is_untitled else ""
    extra = ""
    penwidth = ""
    if label in LABEL_STYLE:
        border = LABEL_STYLE[label][2]
        if border == "bold":
            penwidth = ", penwidth=2.4"
        else:
            extra = "," + border
    attrs = attrs.replace("{}", extra) + penwidth
    tags = record.tags
    text = strip_tags(text, tags)
    if short and len(text) > SHORT_TEXT:
        text = text[: SHORT_TEXT - 1].rstrip() + "…"
    html = node_label(title, text, label, tags) if title else node_label(text, "", label, tags)
    css = kind + (f" {label}" if label else "")
    return f'{nid} [{attrs}, class="{css}", label=<{html}>];'


def _legend(kinds: set[RelationType], with_labels: bool) -> list[str]:
    rows = [
        '<TR><TD COLSPAN="2"><B>Legend</B></TD></TR>',
        f'<TR><TD BGCOLOR="{STATEMENT_FILL}" BORDER="1" COLOR="{STATEMENT_LINE}">[statement]</TD>'
        f'<TD BGCOLOR="{ARGUMENT_FILL}" BORDER="1" COLOR="{ARGUMENT_LINE}" STYLE="rounded">&lt;argument&gt;</TD></TR>',
    ]
    marks = {
        RelationType.SUPPORT: ("──▶", GREEN, "support"),
        RelationType.ENTAILS: ("══▶", GREEN, "entails"),
        RelationType.ATTACK: ("──┤", RED, "attack"),
        RelationType.UNDERCUT: ("╌╌┤", RED, "undercut (dashed)"),
        RelationType.CONTRARY: ("┈┈┤", RED, "contrary (dotted)"),
        RelationType.CONTRADICTION: ("├─┤", RED, "contradiction"),
        RelationType.PREMISE_OF: ("──▶", GREY, "premise of an argument"),
    }
    shown = set(kinds)
    if RelationType.CONCLUSION_OF in shown:
        shown.add(RelationType.SUPPORT)
    for rtype, (mark, colour, word) in marks.items():
        if rtype in shown:
            rows.append(
                f'<TR><TD ALIGN="RIGHT"><FONT COLOR="{colour}">{mark}</FONT></TD><TD ALIGN="LEFT">{word}</TD></TR>'
            )
    if with_labels:
        for mark, colour, _ in LABEL_STYLE.values():
            word = {"#1b5e20": "accepted (IN)", "#b71c1c": "rejected (OUT)"}.get(colour, "undecided (UNDEC)")
            rows.append(
                f'<TR><TD ALIGN="RIGHT"><FONT COLOR="{colour}"><B>{escape(mark.split()[0])}</B></FONT></TD>'
                f'<TD ALIGN="LEFT">{word}</TD></TR>'
            )
    table = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2">' + "".join(rows) + "</TABLE>"
    return [
        "  subgraph cluster_legend {",
        '    style="rounded"; color="#bdbdbd"; label="";',
        f'    legend [shape=plaintext, class="legend", label=<{table}>];',
        "  }",
    ]


def layout(drawing: Drawing, fmt: str, force: bool = False) -> tuple[bytes, str | None]:
    """Lay out and render ``drawing`` as ``fmt`` (svg, png, pdf) with pygraphviz's Graphviz.

    Returns the bytes and a notice for the user (or None).  Large maps use ``dot``
    with cheap settings (straight edges, few crossing-minimisation and network-simplex
    passes), set by :func:`build_drawing`; huge ones are refused unless ``force``."""
    notice = None
    if drawing.nodes > HUGE_MAP and not force:
        raise RenderError(
            f"the map has {drawing.nodes:,} nodes: too many to lay out in reasonable time; "
            "draw a part with --focus CLAIM --depth N (or insist with --force)"
        )
    if drawing.fast:
        notice = (
            f"{drawing.nodes:,} nodes: using the fast layered layout (straight edges, no sections, "
            f"texts cut at {SHORT_TEXT} characters); "
            "for a readable drawing use --focus CLAIM --depth N"
        )
    try:
        import pygraphviz
    except ImportError as error:
        raise RenderError(f"drawing {fmt} needs pygraphviz ({error}); --format dot works without it") from None
    try:
        # Graphviz writes its messages to file descriptor 2 itself: a program that wants to
        # filter them captures that descriptor around this call (the command line does).
        graph = pygraphviz.AGraph(string=drawing.dot)
        # nop2 keeps the positions given (in points) and draws straight edges, much faster
        # than neato -n2, which routes every edge again.
        data: bytes = graph.draw(format=fmt, prog="nop2" if drawing.fast else "dot")
    except Exception as error:  # pygraphviz raises OSError/ValueError/RuntimeError from Graphviz
        raise RenderError(f"Graphviz could not draw the map: {str(error).strip() or type(error).__name__}") from None
    return data, notice


GRAPHVIZ_NOISE = ("Fontconfig warning", "layout may take a long time", "too large for cairo")
"""What Graphviz says on standard error that tells a user nothing: fontconfig's set-up
warnings, "layout may take a long time" and a bitmap scaled down (see :func:`graphviz_notice`)."""


def graphviz_notice(messages: list[str]) -> tuple[str | None, list[str]]:
    """What Graphviz wrote on standard error while drawing, for a user: a notice (the
    picture was scaled down), or None, and the lines that are not noise."""
    notice = None
    if any("too large for cairo" in m for m in messages):
        notice = "the picture was scaled down to fit the largest bitmap Graphviz makes; use svg or pdf"
    return notice, [m for m in messages if m.strip() and not any(n in m for n in GRAPHVIZ_NOISE)]


def render_bytes(drawing: Drawing, fmt: str, force: bool = False) -> tuple[bytes, str | None]:
    """``drawing`` as ``fmt`` (svg, png, pdf or dot), and a notice for the user (or None)."""
    if fmt == "dot":
        return drawing.dot.encode("utf-8"), None
    return layout(drawing, fmt, force)


def render_to(drawing: Drawing, fmt: str, out: Path, force: bool = False) -> str | None:
    """Render ``drawing`` as ``fmt`` into the file ``out``, atomically.  Returns a notice, or None."""
    data, notice = render_bytes(drawing, fmt, force)
    write_atomic(out, data)
    return notice


def write_atomic(path: Path, data: bytes) -> None:
    """:func:`argmap.files.write_atomic`, with its failures as :class:`RenderError`."""
    directory = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise RenderError(f"{path} is a directory")
    if not directory.is_dir():
        raise RenderError(f"cannot write {path}: the folder {directory} does not exist")
    try:
        files.write_atomic(path, data)
    except OSError as error:
        raise RenderError(f"cannot write {path}: {error.strerror or error}") from None
