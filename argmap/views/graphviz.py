"""Graphviz drawings of a map: DOT text written here, laid out by pygraphviz.

* Statements are boxes, arguments rounded boxes; each shows its title in bold and
  its text wrapped to a fixed width, plus its evaluation (``✔ IN`` / ``✘ OUT`` /
  ``? UNDEC``, also told apart by the border: thick, dashed, dotted).
* Support and entailment are bluish-green arrows, attacks vermillion arrows with a
  bar end (Okabe and Ito's colours, which colour-blind readers tell apart), undercuts
  dashed, contradictions with bars at both ends, premises thin grey arrows into
  their argument.
* Premise edges carry the premise's number, nodes that ``--depth`` cut off say
  "▾ more below", and a pointer resting on a node shows its text and quote (tooltip).
* Sections (headings) are clusters.  The legend names only the marks used (and what
  the borders of IN, OUT and UNDEC mean); with the map's title it is the graph's own
  label, at the top left, where a reader starts.
* Argdown's drawing settings in the front matter are followed (:mod:`argmap.views.settings`).

The DOT source is built as text, so ``--format dot`` needs neither pygraphviz nor a
layout; :func:`dot_chunks` makes it in pieces, for an export that never holds it whole.
The labels of nodes and the legend are written by :mod:`argmap.views.dot_labels`:
every user text goes into an HTML-like label and is escaped there (``&amp; &lt; &gt;
&quot;``); node and cluster names are generated (``n12``, ``cluster_3``), never taken
from the map, so no claim text can become DOT syntax.

Edges are written from the conclusion to the reason with ``dir=back``: the arrow
still points at the conclusion, but ``rankdir=TB`` puts the conclusions at the top,
like ``argmap show``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from argmap import files
from argmap._gc import paused_gc
from argmap.files import pieces_of_lines
from argmap.model import ArgumentMap, RelationType
from argmap.queries import starting_points
from argmap.views.dot_labels import GREEN, GREY, RED, SHORT_TEXT, escape, legend_table, node_line
from argmap.views.layered import layered_positions, levels
from argmap.views.settings import DrawingSettings, drawing_settings
from argmap.views.tree import below

LARGE_MAP = 3000
"""Above this many nodes even the steadied ``dot`` layout (:data:`STEADY_MAP`) takes too long:
:func:`layered_positions` places them instead, with a notice."""
STEADY_MAP = 500
"""Above this many nodes ``dot`` is steadied.  Left to itself it ranks a tangled map by its
longest chain of reasons (premise, argument, conclusion, argument...), which in a tangled
map can be nearly as deep as the map is large: every edge then becomes a long chain of
virtual nodes, and crossing minimisation and placement take many minutes.
Steadied, only the edges that go one level down (:func:`levels`, breadth first below the
top claims) set the ranks, the others are drawn without constraining them
(``constraint=false``), and the network simplex that places nodes across is cut short
(``nslimit``): a few ranks, still curved edges and sections (docs/performance.md)."""
STEADY_NSLIMIT = 0.3
"""``nslimit`` of a steadied layout: placement passes per node (``dot``'s default has no limit)."""
HUGE_MAP = 60000
"""Above this many nodes even the fast layout is refused without ``--force``."""

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
    names: dict[str, str] = field(default_factory=dict)
    """Map node id (``[Title]``) -> its DOT node name and SVG element id (``n12``)."""
    edge_list: list[tuple[str, str, str]] = field(default_factory=list)
    """``(source, target, relation)`` of the DOT edge named ``e{i}``, in the order written."""
    cut: set[str] = field(default_factory=set)
    """Drawn nodes with reasons or objections that ``depth`` left out."""


def select_nodes(amap: ArgumentMap, focus: str | None, depth: int | None) -> list[str]:
    """The nodes to draw: everything, or what lies within ``depth`` levels below ``focus``
    (or below the top claims when only ``depth`` is given), in document order."""
    if focus is None and depth is None:
        return list(amap.nodes())
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
    return [n for n in amap.nodes() if n in level]


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
        plan = _plan(amap, focus, depth, rankdir, labels, legend, fast)
        edge_list: list[tuple[str, str, str]] = []
        dot = "\n".join(_dot_lines(amap, plan, edge_list)) + "\n"
        return Drawing(dot, len(plan.nodes), len(edge_list), plan.large, plan.ids, edge_list, plan.cut)


def dot_chunks(
    amap: ArgumentMap,
    focus: str | None = None,
    depth: int | None = None,
    rankdir: str = "TB",
    labels: dict[str, str] | None = None,
) -> Iterator[str]:
    """The text of :func:`to_dot` in pieces of a few hundred lines, made as they are asked
    for: the whole text is never in memory, nor the list of its edges."""
    plan = _plan(amap, focus, depth, rankdir, labels, True, False)
    yield from pieces_of_lines(_dot_lines(amap, plan, None))


@dataclass
class _Plan:
    """What is decided before the first line of DOT is written."""

    nodes: list[str]
    ids: dict[str, str]
    cut: set[str]
    large: bool
    rankdir: str
    labels: dict[str, str] | None
    settings: DrawingSettings
    positions: dict[str, tuple[int, int]]
    steady: bool
    layer: dict[str, int]
    shown_title: str | None
    legend: str | None
    """The graph's label line (the title and the legend), or None."""
    members: dict[str | None, list[str]]
    """Section id (None: outside any cluster) -> the nodes drawn in its cluster."""
    children: dict[str | None, list[str]]
    """Section id (None: the top) -> the clusters nested in it, in document order."""


def _plan(
    amap: ArgumentMap,
    focus: str | None,
    depth: int | None,
    rankdir: str,
    labels: dict[str, str] | None,
    legend: bool,
    fast: bool | None,
) -> _Plan:
    settings, _ = drawing_settings(amap)
    nodes = select_nodes(amap, focus, depth)
    if settings.exclude_disconnected:
        nodes = [n for n in nodes if _connected(amap, n)]
    ids = {node: f"n{i}" for i, node in enumerate(nodes)}
    cut = cut_off(amap, ids) if depth is not None else set()
    large = len(nodes) > LARGE_MAP if fast is None else fast
    clusters = not large
    positions = layered_positions(amap, nodes, rankdir) if large else {}
    steady = not large and len(nodes) > STEADY_MAP
    layer = levels(amap, nodes)[0] if steady else {}
    title = amap.frontmatter.get("title")
    shown_title = str(title) if isinstance(title, str | int | float) and title != "" else None
    legend_line = None
    if nodes and (legend or shown_title):
        # The legend names only the marks used: the kinds of edge are found before any is written.
        kinds = {rtype for _, _, rtype in _drawn_edges(amap, ids)} if legend else set()
        used_labels = {labels[n] for n in nodes if n in labels} if labels else set()
        node_kinds = {"argument" if n[0] == "<" else "statement" for n in nodes}
        table = legend_table(kinds, used_labels, node_kinds, bool(cut), shown_title, legend)
        # The legend is the graph's label, top left: where a reader starts (a cluster
        # of its own ends up wherever the layout puts it, often at the far end).
        legend_line = f"  graph [label=<{table}>, labelloc=t, labeljust=l];"

    # Sections as (nested) clusters: each node in the first section it is written in.
    # Argdown's groupDepth: headings of the top levels are no clusters (see views.settings).
    deepest = max((section.level for section in amap.sections.values()), default=0)
    floor = deepest - settings.group_depth if settings.group_depth is not None else 0

    def grouped(sid: str | None) -> str | None:
        return sid if sid is not None and sid in amap.sections and amap.sections[sid].level > floor else None

    members: dict[str | None, list[str]] = {}
    for node in nodes:
        sections = amap.record(node).sections
        sid = grouped(sections[0]) if clusters and sections else None
        members.setdefault(sid, []).append(node)
    used: set[str] = set()
    for sid in members:
        while sid is not None and sid not in used:
            used.add(sid)
            sid = grouped(amap.sections[sid].parent)
    children: dict[str | None, list[str]] = {}
    for sid in amap.sections:  # document order
        if sid in used:
            parent = grouped(amap.sections[sid].parent)
            children.setdefault(parent if parent in used else None, []).append(sid)
    return _Plan(
        nodes,
        ids,
        cut,
        large,
        rankdir,
        labels,
        settings,
        positions,
        steady,
        layer,
        shown_title,
        legend_line,
        members,
        children,
    )


def _dot_lines(amap: ArgumentMap, plan: _Plan, edge_list: list[tuple[str, str, str]] | None) -> Iterator[str]:
    """The lines of the DOT text; each edge written is added to ``edge_list`` (unless None)."""
    yield "digraph argmap {"
    yield (
        f'  graph [rankdir={plan.rankdir}, fontname="Helvetica", nodesep=0.25, ranksep=0.45, '
        f'newrank=true, charset="UTF-8"'
        + (", splines=false, outputorder=edgesfirst" if plan.large else "")
        + (f", nslimit={STEADY_NSLIMIT}" if plan.steady else "")
        + "];"
    )
    yield '  node [fontname="Helvetica", fontsize=10, margin="0.12,0.06"];'
    yield "  edge [dir=back, arrowsize=0.8];"
    if plan.legend is not None:
        yield plan.legend
    ids = plan.ids

    def node_lines(sid: str | None, indent: str) -> Iterator[str]:
        for node in plan.members.get(sid, []):
            line = node_line(amap, node, ids[node], plan.labels, plan.settings, short=plan.large, cut=node in plan.cut)
            if node in plan.positions:
                x, y = plan.positions[node]
                line = line[:-2] + f', pos="{x},{y}!"];'
            yield indent + line

    cluster_ids = {sid: f"cluster_{i}" for i, sid in enumerate(amap.sections)}
    yield from node_lines(None, "  ")
    # Iterative nesting: a stack of (section, depth, opened?).
    stack: list[tuple[str, int, bool]] = [(sid, 1, False) for sid in reversed(plan.children.get(None, []))]
    while stack:
        sid, level, opened = stack.pop()
        indent = "  " * (level + 1)
        if opened:
            yield "  " * level + "}"
            continue
        section = amap.sections[sid]
        yield "  " * level + f"subgraph {cluster_ids[sid]} {{"
        # A heading that repeats the map's title is said once, at the top.
        heading = "" if _same_words(section.title, plan.shown_title) else f"<B>{escape(section.title)}</B>"
        yield indent + f'label=<{heading}>; labeljust=l; style="rounded,dashed"; color="#9e9e9e"; fontsize=12;'
        yield from node_lines(sid, indent)
        stack.append((sid, level, True))
        stack.extend((child, level + 1, False) for child in reversed(plan.children.get(sid, [])))

    for count, (source, target, rtype) in enumerate(_drawn_edges(amap, ids)):
        style, _ = EDGE_STYLE[rtype]
        extra = ""
        if rtype is RelationType.PREMISE_OF:
            number = _premise_number(amap, target, source)
            if number is not None:
                extra = f', label="({number})", fontsize=8, fontcolor="{GREY}"'
        if plan.steady and plan.layer[source] != plan.layer[target] + 1:
            extra += ", constraint=false"  # only edges one level down set the ranks (STEADY_MAP)
        yield f'  {ids[target]} -> {ids[source]} [{style}{extra}, id="e{count}", class="{rtype.value}"];'
        if edge_list is not None:
            edge_list.append((source, target, rtype.value))
    yield "}"


_TYPE_ORDER = {rtype: i for i, rtype in enumerate(RelationType)}


def _drawn_edges(amap: ArgumentMap, drawn: dict[str, str]) -> Iterator[tuple[str, str, RelationType]]:
    """The DOT edges between drawn nodes, one per relation type, in the order written."""
    edges = ((s, t, relations) for s, targets in amap.out_adjacency().items() for t, relations in targets.items())
    for source, target, relations in edges:
        if source not in drawn or target not in drawn:
            continue
        types = {relation.type for relation in relations.values()}
        if RelationType.SUPPORT in types:
            types.discard(RelationType.CONCLUSION_OF)  # one green arrow is enough
        for rtype in sorted(types, key=_TYPE_ORDER.__getitem__):
            yield source, target, rtype


def _connected(amap: ArgumentMap, node: str) -> bool:
    """Argdown's "connected": in a relation (premise-of and conclusion-of count) or reconstructed."""
    if amap.relations_into(node) or amap.relations_from(node):
        return True
    record = amap.arguments.get(node[1:-1]) if node[0] == "<" else None
    return bool(record is not None and record.pcs)


def cut_off(amap: ArgumentMap, drawn: dict[str, str] | set[str]) -> set[str]:
    """The drawn nodes with something below them (:func:`below`) that is not drawn."""
    return {node for node in drawn if any(child not in drawn for child, _, _ in below(amap, node))}


def _premise_number(amap: ArgumentMap, argument: str, premise: str) -> int | None:
    """The number of ``premise`` (a statement node) in the argument's premise-conclusion
    structure (the last, if it is a premise twice); None if it is none of its premises."""
    record = amap.arguments.get(argument[1:-1]) if argument[0] == "<" else None
    title = premise[1:-1]
    for step in reversed(record.pcs) if record is not None else ():
        if step.role == "premise" and step.statement == title:
            return step.number
    return None


def _same_words(a: str, b: str | None) -> bool:
    return b is not None and " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def to_dot(
    amap: ArgumentMap,
    focus: str | None = None,
    depth: int | None = None,
    rankdir: str = "TB",
    labels: dict[str, str] | None = None,
) -> str:
    """The DOT text of ``amap``, for ``dot`` to lay out (see :func:`build_drawing`)."""
    return build_drawing(amap, focus, depth, rankdir, labels).dot


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
