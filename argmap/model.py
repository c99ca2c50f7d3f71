"""The argument map: typed records held in a networkx graph.

Flow of the whole tool: text -> parser -> **model** -> analyses -> views.

Nodes of :attr:`ArgumentMap.graph` are keyed by a readable, unambiguous id:
``"[Title]"`` for a statement (an equivalence class) and ``"<Title>"`` for an
argument.  Node attribute ``kind`` is ``"statement"`` or ``"argument"`` and
``record`` holds the :class:`Statement` or :class:`Argument`.

The graph is a :class:`networkx.DiGraph` whose edge attributes are the relations
between the two nodes: each key is a relation type's name, a plain ``str`` equal to
its :class:`RelationType` (``graph.edges[u, v]["support"]`` and
``RelationType.SUPPORT in graph.edges[u, v]`` both work), and its value the
:class:`Relation` of that type (whose ``type`` is the :class:`RelationType`).  (A
``MultiDiGraph`` holds the same information but is slower to build, and every query
here wants "the relations between u and v" as one lookup anyway.  The relations are
the attributes themselves, not a dict under one attribute.)

The attributes of a node and of an edge are mappings of :mod:`argmap.graph_attributes`
rather than dicts: a node's holds just its record and an edge's just its one relation,
where a dict each would cost a large map more memory than the records themselves
(``benchmarks/parse_bench.py`` measures it).  They read, compare and take writes as
the dicts would.

Edges always point in the direction in which reasons flow:

* ``support`` / ``attack`` / ``undercut``: from the supporter/attacker to the
  supported/attacked node;
* ``premise-of``: from a premise statement to the argument that uses it;
* ``conclusion-of``: from an argument to its main conclusion (read: "the
  argument has this conclusion");
* ``contradiction`` / ``contrary`` / ``entails`` are statement-to-statement;
  contradiction is symmetric but stored once, in the direction written.
"""

from __future__ import annotations

from collections.abc import Iterator, KeysView, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import networkx as nx


class Span(NamedTuple):
    """A region of a source file. Lines and columns are 1-based; end is inclusive.

    A named tuple rather than a frozen dataclass: a large map has a million of them,
    and a tuple is built several times faster."""

    file: str
    line: int
    col: int
    end_line: int
    end_col: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


class RelationType(StrEnum):
    """The kinds of edge in the map."""

    SUPPORT = "support"
    ATTACK = "attack"
    UNDERCUT = "undercut"
    CONTRADICTION = "contradiction"
    ENTAILS = "entails"
    CONTRARY = "contrary"
    PREMISE_OF = "premise-of"
    CONCLUSION_OF = "conclusion-of"

    def __str__(self) -> str:
        return self.value


SYMBOL_RELATIONS = (
    RelationType.SUPPORT,
    RelationType.ATTACK,
    RelationType.UNDERCUT,
    RelationType.CONTRADICTION,
    RelationType.ENTAILS,
    RelationType.CONTRARY,
)
"""Relations a text states with a relation symbol (premise-of and conclusion-of are read off PCSs)."""

# The relation groups.  Every module that asks "is this a support?" asks one of these:
# an edge's attribute dict is keyed by plain type names, and a ``StrEnum`` member hashes
# and compares as its name, so ``POSITIVE.isdisjoint(relations)`` works on an edge as is.

DIALECTICAL = frozenset({RelationType.SUPPORT, RelationType.ATTACK, RelationType.UNDERCUT})
"""Relations drawn between claims and arguments (as opposed to PCS structure)."""

POSITIVE = frozenset({RelationType.SUPPORT, RelationType.ENTAILS, RelationType.CONCLUSION_OF})
"""Relations that hold their target up: a reason for a claim, an argument's conclusion."""

NEGATIVE = frozenset({RelationType.ATTACK, RelationType.UNDERCUT, RelationType.CONTRADICTION, RelationType.CONTRARY})
"""Relations that speak against their target (contradiction against both ends)."""

ONE_WAY_NEGATIVE = NEGATIVE - {RelationType.CONTRADICTION}
"""The negative relations that speak against their target only."""

REASONS = POSITIVE | {RelationType.PREMISE_OF}
"""Relations along which a node rests on its sources: the positive ones and premise-of."""

FLOW = REASONS | ONE_WAY_NEGATIVE
"""Relations that point from a reason or objection to what it is about (all but contradiction)."""


class _NoData(Mapping[str, Any]):
    """The empty, read-only data of a member without a ``{...}`` block (see NO_DATA)."""

    __slots__ = ()

    def __getitem__(self, key: str) -> Any:
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0

    def __repr__(self) -> str:
        return "{}"

    def __reduce__(self) -> str:
        return "NO_DATA"  # pickled as a reference to this module's NO_DATA


NO_DATA: Mapping[str, Any] = _NoData()
"""The (shared, read-only) data of every member without a ``{...}`` block: a large map
has hundreds of thousands of members, and an empty dict each would cost 64 bytes.  A
mapping of its own rather than a ``MappingProxyType``, which cannot be pickled: maps
travel between processes (multiprocessing) by pickle."""


@dataclass(slots=True)
class Section:
    """A heading and the part of the document below it."""

    id: str
    title: str
    level: int
    span: Span
    parent: str | None = None
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    children: list[str] = field(default_factory=list)


@dataclass(slots=True)
class StatementMember:
    """One occurrence of a statement in the text: a definition or a reference."""

    text: str
    span: Span
    is_reference: bool
    section: str | None = None
    tags: Sequence[str] = ()
    data: Mapping[str, Any] = field(default_factory=lambda: NO_DATA)
    role: str = "statement"
    """``statement``, ``premise``, ``intermediary-conclusion`` or ``main-conclusion``."""
    argument: str | None = None
    """For PCS members: the title of the argument whose PCS this is."""


class _Members:
    """What a statement and an argument read off their members alike."""

    __slots__ = ()
    members: Sequence[StatementMember] | Sequence[ArgumentMember]

    @property
    def tags(self) -> list[str]:
        return _merged_tags(m.tags for m in self.members)

    @property
    def data(self) -> dict[str, Any]:
        return _merged_data(self.members)

    @property
    def sections(self) -> list[str]:
        return _sections(self.members)

    def _first_span(self) -> Span | None:
        """Where it is first defined, or failing that first used."""
        for m in self.members:
            if not m.is_reference:
                return m.span
        return self.members[0].span if self.members else None


@dataclass(slots=True)
class Statement(_Members):
    """An equivalence class of statements: all members share one title."""

    title: str
    members: list[StatementMember] = field(default_factory=list)
    is_untitled: bool = False
    node: str = field(init=False, repr=False, compare=False)
    """The graph node id, ``[Title]``: made once, so every edge of a large map shares one string."""

    def __post_init__(self) -> None:
        self.node = "[" + self.title + "]"

    @property
    def definitions(self) -> list[StatementMember]:
        return [m for m in self.members if not m.is_reference]

    @property
    def text(self) -> str:
        """The text of the first definition (Argdown's canonical text); empty if none."""
        return _first_text(self.members)

    @property
    def texts(self) -> list[str]:
        return _defined_texts(self.members)

    @property
    def span(self) -> Span | None:
        """Where the statement is first defined (or, failing that, first used)."""
        return self._first_span()

    @property
    def is_defined(self) -> bool:
        return any(not m.is_reference for m in self.members)


@dataclass(slots=True)
class ArgumentMember:
    """One occurrence of an argument: a definition with description or a reference."""

    text: str
    span: Span
    is_reference: bool
    section: str | None = None
    tags: Sequence[str] = ()
    data: Mapping[str, Any] = field(default_factory=lambda: NO_DATA)


@dataclass(slots=True)
class Inference:
    """The inference line(s) before a conclusion in a PCS."""

    span: Span
    rules: Sequence[str] = ()
    data: Mapping[str, Any] = field(default_factory=lambda: NO_DATA)


@dataclass(slots=True)
class PcsStep:
    """One numbered line of a premise-conclusion structure."""

    number: int
    statement: str
    """Title of the statement (equivalence class) in this line."""
    role: str
    """``premise``, ``intermediary-conclusion`` or ``main-conclusion``."""
    span: Span
    """Where the line's statement is: the span of its member, after the ``(n)``."""
    inference: Inference | None = None


@dataclass(slots=True)
class Argument(_Members):
    """An argument: descriptions and, when reconstructed, a premise-conclusion structure."""

    title: str
    members: list[ArgumentMember] = field(default_factory=list)
    pcs: list[PcsStep] = field(default_factory=list)
    pcs_span: Span | None = None
    is_untitled: bool = False
    node: str = field(init=False, repr=False, compare=False)
    """The graph node id, ``<Title>``."""

    def __post_init__(self) -> None:
        self.node = "<" + self.title + ">"

    @property
    def description(self) -> str:
        return _first_text(self.members)

    @property
    def descriptions(self) -> list[str]:
        return _defined_texts(self.members)

    @property
    def span(self) -> Span | None:
        """Where the argument is first described (or used), else where its PCS is."""
        return self._first_span() or self.pcs_span

    @property
    def premises(self) -> list[str]:
        """Titles of the PCS premises (not intermediary conclusions)."""
        return [s.statement for s in self.pcs if s.role == "premise"]

    @property
    def conclusion(self) -> str | None:
        """Title of the PCS main conclusion, if reconstructed."""
        if self.pcs and self.pcs[-1].role == "main-conclusion":
            return self.pcs[-1].statement
        return None


@dataclass(slots=True)
class Relation:
    """A relation between two nodes, with every place in the text that states it."""

    type: RelationType
    source: str
    """Node id of the source: ``[Title]`` or ``<Title>``."""
    target: str
    span: Span | None = None
    """The first place the text states it (None for a relation made without a source)."""
    derived: bool = False
    """True when argmap inferred it (e.g. premise-of from a PCS) rather than read a relation symbol."""
    later_spans: list[Span] | None = field(default=None, repr=False)
    """Further places that state it.  Most relations are stated once, and a list for
    each of them would cost memory on a large map for nothing."""

    @property
    def spans(self) -> list[Span]:
        """Every place the text states it, in order (a new list: use :meth:`add_span`)."""
        if self.span is None:
            return []
        return [self.span] if self.later_spans is None else [self.span, *self.later_spans]

    def add_span(self, span: Span) -> None:
        if self.span is None:
            self.span = span
        elif self.later_spans is None:
            self.later_spans = [span]
        else:
            self.later_spans.append(span)


TYPE_NAME: dict[RelationType, str] = {t: t.value for t in RelationType}
"""The plain-str key of each relation type in an edge's attributes; a look-up here is
several times cheaper than the enum's ``.value`` property."""


def statement_node(title: str) -> str:
    return f"[{title}]"


def argument_node(title: str) -> str:
    return f"<{title}>"


def node_title(node: str) -> str:
    return node[1:-1]


def is_statement_node(node: str) -> bool:
    return node.startswith("[")


def is_argument_node(node: str) -> bool:
    return node.startswith("<")


class ArgumentMap:
    """Statements, arguments and their relations, in a networkx graph.

    The records are the source of truth for texts and metadata; the graph is the
    source of truth for structure.  Build one with :func:`argmap.load`, or by hand
    with :meth:`add_statement`, :meth:`add_argument` and :meth:`add_relation`.
    """

    def __init__(self, source_name: str = "<memory>") -> None:
        self.source_name = source_name
        self.statements: dict[str, Statement] = {}
        self.arguments: dict[str, Argument] = {}
        self.sections: dict[str, Section] = {}
        self.frontmatter: dict[str, Any] = {}
        self.mentions: list[tuple[str, Span]] = []
        """Every ``@[Title]`` / ``@<Title>`` in the text, as (node id, span)."""
        # The graph as networkx keeps a DiGraph (see networkx.classes.digraph.DiGraph.__init__):
        # node -> attributes, and node -> neighbour -> the edge's attributes, shared by
        # _succ[u][v] and _pred[v][u].  The graph itself is made on first use, over these
        # very dicts: reading a map, and all that works through the accessors below, does
        # not need networkx (nor its import, which is a large part of a small command's
        # time and memory).
        self._node: dict[str, MutableMapping[str, Any]] = {}
        self._succ: dict[str, dict[str, MutableMapping[str, Relation]]] = {}
        self._pred: dict[str, dict[str, MutableMapping[str, Relation]]] = {}
        self._graph: nx.DiGraph[str] | None = None

    @property
    def graph(self) -> nx.DiGraph[str]:
        """The map as a :class:`networkx.DiGraph` (a :class:`~argmap.map_graph.MapGraph`):
        it shares the map's adjacency, so a change through either is seen by both."""
        graph = self._graph
        if graph is None:
            from argmap.map_graph import MapGraph

            graph = self._graph = MapGraph()
            graph._node = self._node
            graph._succ = graph._adj = self._succ
            graph._pred = self._pred
        return graph

    def _changed(self) -> None:
        """After a change made to the adjacency directly: what networkx caches about the
        graph (``__networkx_cache__``, for its backends) no longer holds."""
        if self._graph is not None:
            cache = getattr(self._graph, "__networkx_cache__", None)
            if cache:
                cache.clear()

    # -- building -------------------------------------------------------------

    def add_statement(self, statement: Statement) -> Statement:
        existing = self.statements.get(statement.title)
        if existing is not None:
            existing.members.extend(statement.members)
            return existing
        self.statements[statement.title] = statement
        self._add_node(statement.node, statement)
        return statement

    def add_argument(self, argument: Argument) -> Argument:
        existing = self.arguments.get(argument.title)
        if existing is not None:
            existing.members.extend(argument.members)
            if argument.pcs and not existing.pcs:
                existing.pcs = argument.pcs
                existing.pcs_span = argument.pcs_span
            return existing
        self.arguments[argument.title] = argument
        self._add_node(argument.node, argument)
        return argument

    def _add_node(self, node: str, record: Statement | Argument | None) -> None:
        """Add ``node`` as networkx's ``add_node`` would, with ``record`` as its record
        (None: a node without attributes, as networkx makes for an edge's missing end)."""
        from argmap.graph_attributes import NodeAttributes  # it builds on this module

        attributes = self._node.get(node)
        if attributes is None:
            self._node[node] = {} if record is None else NodeAttributes(record)
            self._succ[node] = {}
            self._pred[node] = {}
        elif record is not None:
            attributes.update(NodeAttributes(record))
        self._changed()

    def add_relation(
        self,
        type: RelationType,
        source: str,
        target: str,
        span: Span | None = None,
        derived: bool = False,
    ) -> Relation:
        """Add (or record another occurrence of) a relation between two existing nodes."""
        from argmap.graph_attributes import EdgeRelations  # it builds on this module

        for node in (source, target):
            if node not in self._succ:
                self._add_node(node, None)
        relations = self._succ[source].get(target)
        relation = None if relations is None else relations.get(type)
        if relation is None:
            relation = Relation(type, source, target, None, derived)
            if relations is None:
                self._succ[source][target] = self._pred[target][source] = EdgeRelations(relation)
            else:
                relations[TYPE_NAME[type]] = relation
            self._changed()
        elif not derived:
            relation.derived = False
        if span is not None:
            relation.add_span(span)
        return relation

    def build_graph(
        self,
        nodes: dict[str, MutableMapping[str, Any]],
        succ: dict[str, dict[str, MutableMapping[str, Relation]]],
        pred: dict[str, dict[str, MutableMapping[str, Relation]]],
    ) -> None:
        """Replace the graph with the given node attributes and adjacency, adopted as they are.

        ``nodes[node]`` is its :class:`~argmap.graph_attributes.NodeAttributes`; ``succ[u][v]`` and
        ``pred[v][u]`` are the same edge attributes, an :class:`~argmap.graph_attributes.EdgeRelations`,
        and both have a key for every node, in the order of ``nodes``.
        That is exactly how networkx keeps a DiGraph, so the parser fills these while
        reading and this adopts them in one step, where adding the edges one
        ``add_edge`` at a time costs seconds on a large map.  The result is an ordinary ``DiGraph``
        (checked by the tests against one built with ``add_edge``)."""
        self._node, self._succ, self._pred = nodes, succ, pred
        self._graph = None

    # -- reading --------------------------------------------------------------

    def record(self, node: str) -> Statement | Argument:
        record: Statement | Argument = self._node[node]["record"]
        return record

    def statement(self, title: str) -> Statement:
        return self.statements[title]

    def argument(self, title: str) -> Argument:
        return self.arguments[title]

    # These read the adjacency dicts (node -> neighbour -> edge attributes) directly:
    # networkx's edge views cost several times more per edge, and every lint rule,
    # labelling and view walks all relations of the map.

    def nodes(self) -> KeysView[str]:
        """Every node id, statements and arguments, in graph order (``graph.nodes``
        without making the graph).

        >>> amap = ArgumentMap()
        >>> _ = amap.add_statement(Statement("A")), amap.add_argument(Argument("B"))
        >>> list(amap.nodes())
        ['[A]', '<B>']
        """
        return self._node.keys()

    def out_adjacency(self) -> Mapping[str, Mapping[str, Mapping[str, Relation]]]:
        """Every node, in graph order -> its successors -> the relations to each, keyed by
        type name.  The graph's own dicts: read them, never change them.

        >>> amap = ArgumentMap()
        >>> a, b = amap.add_statement(Statement("A")), amap.add_statement(Statement("B"))
        >>> _ = amap.add_relation(RelationType.SUPPORT, b.node, a.node)
        >>> {node: sorted(neighbours) for node, neighbours in amap.out_adjacency().items()}
        {'[A]': [], '[B]': ['[A]']}
        """
        return self._succ

    def in_adjacency(self) -> Mapping[str, Mapping[str, Mapping[str, Relation]]]:
        """Every node -> its predecessors -> the relations from each (see :meth:`out_adjacency`)."""
        return self._pred

    def relations_from(self, node: str) -> Mapping[str, Mapping[str, Relation]]:
        """``node``'s successors -> the relations from ``node`` to each (read only)."""
        return self._succ[node]

    def relations_into(self, node: str) -> Mapping[str, Mapping[str, Relation]]:
        """``node``'s predecessors -> the relations from each to ``node`` (read only)."""
        return self._pred[node]

    def relations(self, *types: RelationType) -> Iterator[Relation]:
        """Every relation in the map, optionally only those of the given types."""
        from argmap.graph_attributes import relations_of  # it builds on this module

        wanted = set(types)
        for neighbours in self._succ.values():
            for relations in neighbours.values():
                for relation in relations_of(relations):
                    if not wanted or relation.type in wanted:
                        yield relation

    def relations_between(self, source: str, target: str) -> list[Relation]:
        from argmap.graph_attributes import relations_of

        relations = self._succ.get(source, {}).get(target)
        return [] if relations is None else list(relations_of(relations))

    def incoming(self, node: str, *types: RelationType) -> Iterator[Relation]:
        from argmap.graph_attributes import relations_of

        wanted = set(types)
        for relations in self._pred[node].values():
            for relation in relations_of(relations):
                if not wanted or relation.type in wanted:
                    yield relation

    def outgoing(self, node: str, *types: RelationType) -> Iterator[Relation]:
        from argmap.graph_attributes import relations_of

        wanted = set(types)
        for relations in self._succ[node].values():
            for relation in relations_of(relations):
                if not wanted or relation.type in wanted:
                    yield relation

    def label(self, node: str) -> str:
        """A one-line human label: the title, or the text for untitled statements."""
        record = self.record(node)
        if isinstance(record, Statement) and record.is_untitled:
            return record.text or record.title
        return record.title

    def __len__(self) -> int:
        return len(self.statements) + len(self.arguments)

    def __repr__(self) -> str:
        return (
            f"<ArgumentMap {self.source_name}: {len(self.statements)} statements, "
            f"{len(self.arguments)} arguments, {sum(map(len, self._succ.values()))} edges>"
        )


_Member = StatementMember | ArgumentMember


def _first_text(members: Sequence[_Member]) -> str:
    for m in members:
        if not m.is_reference and m.text:
            return m.text
    return ""


def _defined_texts(members: Sequence[_Member]) -> list[str]:
    return [m.text for m in members if not m.is_reference and m.text]


def _merged_data(members: Sequence[_Member]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for m in members:
        merged.update(m.data)
    return merged


def _sections(members: Sequence[_Member]) -> list[str]:
    return _unique(m.section for m in members if m.section is not None)


def _unique(items: Iterator[str] | Any) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)


def _merged_tags(tag_lists: Iterator[list[str]] | Any) -> list[str]:
    seen: dict[str, None] = {}
    for tags in tag_lists:
        for tag in tags:
            seen.setdefault(tag, None)
    return list(seen)


def __getattr__(name: str) -> Any:
    # MapGraph lives with networkx's import, in argmap.map_graph; it is still found here.
    if name == "MapGraph":
        from argmap.map_graph import MapGraph

        return MapGraph
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
