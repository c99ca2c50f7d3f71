"""The canonical Argdown layout of a map: which element each relation is written below,
which block it stays in, and the order of blocks, headings and PCSs.

The layout: front matter first; then the top-level blocks of each section below its
heading, in the order they first appeared; one blank line between blocks; relations
indented four spaces per level, always written with the short symbols (``+`` ``-``
``_`` for incoming, ``+>`` ``->`` ``_>`` for outgoing, ``><``); data blocks in YAML
flow style (``{key: value}``); each element on one line.

Every relation is written once, below its *parent* (the element it was written
below in the source; for maps without positions, the target of a support, attack or
undercut).  A node's relations are written below its first occurrence, so untitled
statements (which cannot be referenced) keep all their relations.  Trees are written
with an explicit stack: a 10,000-level relation chain is no problem.

Given the source lines the map was parsed from (``argmap fmt``), element texts are taken
from the source as written, with their Markdown, links, escapes and shortcodes; only
white space and data blocks are normalised.  Without them, texts come from the model
and are escaped where Argdown would read them as markup (:mod:`argmap.argdown.escaping`).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from typing import NamedTuple

from argmap.argdown.data import data_brace, matching_brace
from argmap.argdown.escaping import escape_text, escape_title, fold, format_data, format_frontmatter, write_tag
from argmap.argdown.patterns import ELEMENT_HEAD
from argmap.files import LINES_PER_PIECE
from argmap.model import (
    SYMBOL_RELATIONS,
    Argument,
    ArgumentMap,
    ArgumentMember,
    Relation,
    RelationType,
    Span,
    Statement,
    StatementMember,
    is_argument_node,
    node_title,
    statement_node,
)

_INCOMING = {
    RelationType.SUPPORT: "+",
    RelationType.ENTAILS: "+",
    RelationType.ATTACK: "-",
    RelationType.CONTRARY: "-",
    RelationType.UNDERCUT: "_",
    RelationType.CONTRADICTION: "><",
}
_OUTGOING = {
    RelationType.SUPPORT: "+>",
    RelationType.ENTAILS: "+>",
    RelationType.ATTACK: "->",
    RelationType.CONTRARY: "->",
    RelationType.UNDERCUT: "_>",
    RelationType.CONTRADICTION: "><",
}
INDENT = "    "


class _Line(NamedTuple):
    """A relation line to write: the node on it, its depth, its text and its source spans."""

    node: str
    depth: int
    text: str
    spans: tuple[Span | None, ...]


def _child(relation: Relation, parent: str) -> str:
    """The end of ``relation`` written on its line below ``parent``, the other end."""
    return relation.source if relation.target == parent else relation.target


def _is_candidate(member: StatementMember | ArgumentMember | None) -> bool:
    """Whether a top-level member may be written on a relation line instead (its definition)."""
    return isinstance(member, StatementMember) and not member.is_reference


@dataclass
class Writer:
    """Lays out one map (see the module docs): :meth:`write` returns the output lines."""

    amap: ArgumentMap
    source_lines: list[str] | None
    out: list[str] = field(default_factory=list)
    origin: dict[int, tuple[int, int]] | None = None
    """Index in ``out`` -> the first and last source line that output line was written
    from (kept when there are comments to place)."""
    verbatim_frontmatter: list[str] | None = None
    """The source's front matter lines, written as they are (it holds comments)."""
    frontmatter_span: Span | None = None
    """Where the source's front matter starts (its opening fence)."""
    block: int | None = None
    """Source line of the top-level block (or PCS) being written."""
    home: dict[int, int] = field(default_factory=dict)
    """id(relation) -> source line of the block it was written in (relations read from Argdown)."""
    homes_hold: bool = True
    """Whether a relation with a home is written in its home block only (until the end,
    where the relations not written yet are written wherever their parent is)."""
    children: dict[str, list[Relation]] = field(default_factory=dict)
    """parent node -> its relations in source order, not written yet (the child is the
    relation's other end: see :func:`_child`)."""
    child_member: dict[int, StatementMember | ArgumentMember] = field(default_factory=dict)
    """id(relation) -> the member written on the relation's line."""
    repeats: dict[int, list[StatementMember | ArgumentMember]] = field(default_factory=dict)
    """id(relation) -> the members on the further lines that state it again (the same
    relation line written twice in a block): each is written again below the first."""
    child_nodes: set[str] = field(default_factory=set)
    root_candidates: set[int] = field(default_factory=set)
    """ids of the members that would otherwise be written as top-level blocks, and are
    not written yet: a definition met on a relation line first is written there, and
    leaves this set."""
    headings_done: set[str] = field(default_factory=set)

    # -- texts -------------------------------------------------------------------

    def raw(self, span: Span) -> str | None:
        lines = self.source_lines
        if lines is None or span.line < 1 or span.end_line > len(lines):
            return None
        if span.line == span.end_line:
            return lines[span.line - 1][span.col - 1 : span.end_col]
        parts = [lines[span.line - 1][span.col - 1 :]]
        parts.extend(lines[span.line : span.end_line - 1])
        parts.append(lines[span.end_line - 1][: span.end_col])
        return "\n".join(parts)

    def body(self, member: StatementMember | ArgumentMember, titled: bool = True) -> str:
        """The text after the title: from the source when we have it, else from the model."""
        raw = self.raw(member.span)
        if raw is not None:
            head = ELEMENT_HEAD.match(raw) if titled else None
            rest = raw[head.end() :] if head is not None else raw
            brace = data_brace(rest) if member.data else -1
            end = matching_brace(rest, brace) if brace != -1 else -1
            if end != -1:
                # The data block stays where it was (text after it may hold a stray brace).
                before, after = fold(rest[:brace]), fold(rest[end + 1 :])
                data = format_data(dict(member.data))
                if before and after and not rest[brace - 1].isspace() and not rest[end + 1].isspace():
                    # "q{x: 1}m" is the text "qm": spaces around the block would make it "q m".
                    return before + data + after
                return " ".join(x for x in (before, data, after) if x)
            return fold(rest)
        text = escape_text(member.text, list(member.tags)) if member.text else ""
        if not member.text and member.tags:
            text = escape_text("", list(member.tags))
        if member.data:
            text = f"{text} {format_data(dict(member.data))}".strip()
        return text

    def element(self, node: str, member: StatementMember | ArgumentMember | None) -> str:
        """The Argdown for one occurrence of ``node``."""
        record = self.amap.record(node)
        if member is not None:
            self.root_candidates.discard(id(member))
        titled = not (isinstance(record, Statement) and record.is_untitled)
        body = self.body(member, titled) if member is not None else ""
        if isinstance(record, Statement):
            if record.is_untitled:
                return body or escape_text(record.text, [])
            head = "[" + escape_title(record.title, "]") + "]"
        else:
            head = "<" + escape_title(record.title, ">") + ">"
        if member is None:
            return head
        if member.is_reference:
            return f"{head} {body}".rstrip()
        return f"{head}: {body}".rstrip()

    # -- structure ---------------------------------------------------------------

    def plan_relations(self) -> None:
        """Decide, for every relation, which end is written on the relation line."""
        relations = sorted(
            self.amap.relations(*SYMBOL_RELATIONS),
            key=lambda r: (r.span.line, r.span.col) if r.span is not None else (1 << 62, 0),
        )
        # The members that end where a relation line ends, by that end: only those can be
        # written on a relation line (the others need no room here).
        ends = {(at.line, at.end_line, at.end_col) for r in relations for at in r.spans}
        by_end: dict[tuple[int, int, int], list[tuple[str, StatementMember | ArgumentMember]]] = {}
        records: list[Statement | Argument] = [*self.amap.statements.values(), *self.amap.arguments.values()]
        for record in records:
            for m in record.members:
                if isinstance(m, StatementMember) and m.argument is not None:
                    continue
                end = (m.span.line, m.span.end_line, m.span.end_col)
                if end in ends:
                    by_end.setdefault(end, []).append((record.node, m))
        del ends, records
        for relation in relations:
            child: str | None = None
            span = relation.span
            if span is not None:
                for node, member in by_end.get((span.line, span.end_line, span.end_col), []):
                    if node in (relation.source, relation.target) and member.span.col > span.col:
                        child = node
                        self.child_member[id(relation)] = member
                        break
            if child is None:
                child = relation.target if relation.type is RelationType.CONTRADICTION else relation.source
                # An untitled parent cannot be referenced: write it on the relation line instead.
                parent = relation.target if child == relation.source else relation.source
                if self.is_untitled(parent) and not self.is_untitled(child):
                    child = parent
            parent = relation.target if child == relation.source else relation.source
            self.children.setdefault(parent, []).append(relation)
            self.child_nodes.add(child)
            for again in relation.later_spans or ():
                for node, member in by_end.get((again.line, again.end_line, again.end_col), []):
                    if node == child and member.span.col > again.col:
                        self.repeats.setdefault(id(relation), []).append(member)
                        break

    def inline_member(self, node: str) -> StatementMember | None:
        """The member to write on a relation line that has none of its own: an untitled
        statement's only member, or a titled statement's first top-level definition not
        written yet (so a map without positions reads as one tree, not as references)."""
        statement = self.amap.statements.get(node_title(node)) if not is_argument_node(node) else None
        if statement is None:
            return None
        if statement.is_untitled:
            return statement.members[0] if statement.members else None
        for member in statement.members:
            if id(member) in self.root_candidates:
                return member
        return None

    def is_untitled(self, node: str) -> bool:
        record = self.amap.record(node)
        return isinstance(record, Statement) and record.is_untitled

    def put(self, line: str, *spans: Span | None) -> None:
        """Append an output line written from the source lines of ``spans``."""
        self.out.append(line)
        if self.origin is None:
            return
        lines = [(span.line, span.end_line) for span in spans if span is not None and span.line > 0]
        if lines:
            self.origin[len(self.out) - 1] = (min(a for a, _ in lines), max(b for _, b in lines))

    def tree(self, root_line: str, root: str, *spans: Span | None) -> Iterator[None]:
        """Write ``root_line`` (written from the source lines of ``spans``) and, if ``root``
        is not expanded yet, its relation tree (a step of :meth:`steps`)."""
        self.put(root_line, *spans)
        # The nodes whose relations this tree has written: one met again lower down (a
        # cycle) is not expanded again.  Once the tree is written, every relation it
        # could write is written, so nothing of it need be kept for the next tree.
        expanded = {root}
        # Depth-first: write a child, then its subtree, then the next child.
        yield from self.write_children(self.kid_lines(root, 1), expanded)

    def kid_lines(self, node: str, depth: int) -> list[_Line]:
        """The relation lines to write below ``node`` here (see :meth:`kids`)."""
        return [
            line for relation in self.kids(node) for line in self.child_lines(relation, _child(relation, node), depth)
        ]

    def child_lines(self, relation: Relation, child: str, depth: int) -> list[_Line]:
        """The relation line that writes ``child``, then a line for each further time the
        source states the relation in this place (its subtree goes below the first)."""
        first = self.child_line(relation, child, depth)
        again = self.repeats.get(id(relation))
        if not again:
            return [first]
        symbol = _INCOMING[relation.type] if child == relation.source else _OUTGOING[relation.type]
        lines = [first]
        for member in again:
            text = INDENT * depth + symbol + " " + self.element(child, member)
            lines.append(_Line(child, depth, text, (member.span,)))
        return lines

    def child_line(self, relation: Relation, child: str, depth: int) -> _Line:
        """The relation line that writes ``child`` below its parent."""
        symbol = _INCOMING[relation.type] if child == relation.source else _OUTGOING[relation.type]
        member = self.child_member.get(id(relation))
        spans: tuple[Span | None, ...] = (relation.span,)
        if member is None:
            member = self.inline_member(child)
        else:
            spans = (relation.span, member.span)
        return _Line(child, depth, INDENT * depth + symbol + " " + self.element(child, member), spans)

    def write_children(self, pending: list[_Line], expanded: set[str]) -> Iterator[None]:
        work: list[_Line] = list(reversed(pending))
        while work:
            item = work.pop()
            self.put(item.text, *item.spans)
            yield  # a tree can be the whole map (a map read from another format)
            if item.node in expanded:
                continue
            expanded.add(item.node)
            more = self.kid_lines(item.node, item.depth + 1)
            work.extend(reversed(more))

    def kids(self, node: str) -> list[Relation]:
        """The relations to write below ``node`` here: not written yet, and written in this
        block in the source (relations from elsewhere stay in their own block).  They are
        written now, so they leave ``children``: what stays there is not written yet."""
        pending = self.children.get(node)
        if not pending:
            return []
        out: list[Relation] = []
        later: list[Relation] = []
        for relation in pending:
            home = self.home.get(id(relation))
            if home is not None and home != self.block and self.homes_hold:
                later.append(relation)
            else:
                out.append(relation)
        self.children[node] = later
        return out

    def block_end(self) -> None:
        if self.out and self.out[-1] != "":
            self.out.append("")

    # -- PCS ---------------------------------------------------------------------------

    def pcs(self, argument: Argument) -> Iterator[None]:
        self.block_end()
        self.block = argument.pcs_span.line if argument.pcs_span is not None else None
        used: set[int] = set()
        """ids of the members this PCS has written: a PCS member is written by its PCS only."""
        for step in argument.pcs:
            if step.inference is not None:
                rules = ", ".join(step.inference.rules)
                data = format_data(dict(step.inference.data)) if step.inference.data else ""
                inner = " ".join(x for x in (rules, data) if x)
                self.put(f"-- {inner} --" if inner else "----", step.inference.span)
            statement = self.amap.statements.get(step.statement)
            member = self.pcs_member(argument, statement, step.span, used) if statement is not None else None
            node = statement.node if statement is not None else statement_node(step.statement)
            if member is not None:
                used.add(id(member))
            line = f"({step.number}) " + self.element(node, member)
            yield from self.tree(line, node, step.span, member.span if member is not None else None)
        self.block_end()

    def pcs_member(
        self, argument: Argument, statement: Statement, span: Span, used: set[int]
    ) -> StatementMember | None:
        for member in statement.members:
            if member.argument == argument.title and member.span.line == span.line and id(member) not in used:
                return member
        for member in statement.members:
            if member.argument == argument.title and id(member) not in used:
                return member
        return None

    # -- the document --------------------------------------------------------------

    def write(self) -> list[str]:
        """The output lines (without comments; see :func:`place_comments`)."""
        for _ in self.steps():
            pass
        return self.out

    def pieces(self) -> Iterator[str]:
        """The text of :meth:`write` (lines ended by a line break) in pieces, each made
        as soon as enough lines are written: the whole text is never in memory.  Not
        for placing comments (``origin`` counts lines from the first)."""
        for _ in self.steps():
            if len(self.out) >= LINES_PER_PIECE:
                # Keep the last line that is not empty and the empty ones after it: a
                # block's end and the end of the text look at them.
                keep = len(self.out) - 1
                while keep > 0 and not self.out[keep]:
                    keep -= 1
                if keep > 0:
                    yield "\n".join(self.out[:keep]) + "\n"
                    del self.out[:keep]
        yield "\n".join(self.out) + "\n"

    def steps(self) -> Iterator[None]:
        """Write the document into ``out``, pausing (yielding) between pieces of work,
        so that :meth:`pieces` can take the lines written so far."""
        amap = self.amap
        if self.verbatim_frontmatter is not None:
            self.put(self.verbatim_frontmatter[0], self.frontmatter_span)
            self.out.extend(self.verbatim_frontmatter[1:])
            self.out.append("")
        elif amap.frontmatter:
            self.put("===", self.frontmatter_span)
            dumped = format_frontmatter(amap.frontmatter)
            self.out.extend(dumped.rstrip("\n").split("\n"))
            self.out.append("===")
            self.out.append("")
        self.plan_relations()
        # Top-level occurrences, grouped by section, in source order.
        roots: list[tuple[str | None, int, int, str, StatementMember | ArgumentMember | None]] = []
        relation_members = {id(m) for m in self.child_member.values()}
        relation_members.update(id(m) for members in self.repeats.values() for m in members)
        homes = self.plan_blocks(relation_members)
        for statement in amap.statements.values():
            defined = False
            for member in statement.members:
                if member.argument is not None or id(member) in relation_members:
                    continue
                if (
                    member.is_reference
                    and (defined or statement.definitions)
                    and member.span.line not in homes
                    and not member.tags  # "[E] #x" on its own tags E: written, or the tag is lost
                    and not member.data
                ):
                    continue
                if statement.is_untitled and self.untitled_is_child(statement.node):
                    continue
                roots.append((member.section, member.span.line, member.span.col, statement.node, member))
                defined = True
            if not statement.members and statement.node not in self.children:
                roots.append((None, 1 << 62, 0, statement.node, None))
        pcs_anchor: dict[str, int] = {}
        """argument node -> id of the top-level member its PCS is written after (0: the bare root)."""
        for argument in amap.arguments.values():
            members = [m for m in argument.members if id(m) not in relation_members]
            pcs_line = argument.pcs_span.line if argument.pcs_span is not None else 1 << 62
            if not members and (argument.pcs or not argument.members):
                section = None
                if argument.pcs:
                    first = amap.statements.get(argument.pcs[0].statement)
                    for pcs_member in first.members if first is not None else []:
                        if pcs_member.argument == argument.title:
                            section = pcs_member.section
                            break
                roots.append((section, pcs_line - 1, 0, argument.node, None))
                pcs_anchor[argument.node] = 0
            for description in members:
                span = description.span
                roots.append((description.section, span.line, span.col, argument.node, description))
            if argument.pcs and members and argument.node not in pcs_anchor:
                before = [m for m in members if m.span.line < pcs_line] or members
                pcs_anchor[argument.node] = id(max(before, key=lambda m: m.span.line))
        del relation_members, homes
        self.root_candidates = {id(r[4]) for r in roots if _is_candidate(r[4])}
        order = {sid: index for index, sid in enumerate(amap.sections)}
        # By section, then line, then column: three stable sorts on one number each, which
        # make no key tuple per root (a tuple each would be part of the export's peak).
        roots.sort(key=itemgetter(2))
        roots.sort(key=itemgetter(1))
        roots.sort(key=lambda r: -1 if r[0] is None else order.get(r[0], -1))
        current: str | None = None
        for section_id, _, _, node, occurrence in roots:
            yield
            if _is_candidate(occurrence) and id(occurrence) not in self.root_candidates:
                continue  # already written inline, on a relation line
            if section_id != current and section_id is not None:
                self.headings_until(section_id, current)
                current = section_id
            self.block_end()
            self.block = occurrence.span.line if occurrence is not None else None
            yield from self.tree(
                self.element(node, occurrence), node, occurrence.span if occurrence is not None else None
            )
            here = id(occurrence) if occurrence is not None else 0
            if pcs_anchor.get(node, -1) == here:
                del pcs_anchor[node]  # written once
                argument = amap.arguments[node_title(node)]
                if argument.pcs:
                    yield from self.pcs(argument)
        for sid in amap.sections:
            if sid not in self.headings_done:
                self.headings_until(sid, current)
        # Relations whose parent was never written as an element (e.g. only referenced).
        self.block = None
        self.homes_hold = False
        for parent, kids in self.children.items():
            if kids:
                self.block_end()
                yield from self.tree(self.element(parent, None), parent)
        while self.out and self.out[-1] == "":
            self.out.pop()

    def headings_until(self, section_id: str, current: str | None) -> None:
        """Write the headings of every section up to ``section_id`` not written yet."""
        for sid, section in self.amap.sections.items():
            if sid in self.headings_done:
                if sid == section_id:
                    return
                continue
            self.headings_done.add(sid)
            self.block_end()
            title = escape_text(section.title, [])
            tags = " ".join(write_tag(t) for t in section.tags)
            data = format_data(section.data) if section.data else ""
            self.put(" ".join(x for x in ("#" * section.level, title, tags, data) if x), section.span)
            self.out.append("")
            if sid == section_id:
                return

    def plan_blocks(self, relation_members: set[int]) -> set[int]:
        """Find, for each relation read from an Argdown relation line, the top-level block
        (or PCS) it was written in, so that it is written there again; return the lines
        of those blocks."""
        starts: set[int] = set()
        records: list[Statement | Argument] = [*self.amap.statements.values(), *self.amap.arguments.values()]
        for record in records:
            for m in record.members:
                if id(m) in relation_members or (isinstance(m, StatementMember) and m.argument is not None):
                    continue
                starts.add(m.span.line)
        for argument in self.amap.arguments.values():
            if argument.pcs and argument.pcs_span is not None:
                starts.add(argument.pcs_span.line)
        ordered = sorted(starts)
        for relation in self.amap.relations(*SYMBOL_RELATIONS):
            if id(relation) not in self.child_member or relation.span is None:
                continue  # not written on a relation line (maps from other formats)
            index = bisect.bisect_right(ordered, relation.span.line) - 1
            if index >= 0:
                self.home[id(relation)] = ordered[index]
        return set(self.home.values())

    def untitled_is_child(self, node: str) -> bool:
        return node in self.child_nodes
