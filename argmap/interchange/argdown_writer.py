"""Write a map as Argdown, in one canonical layout.

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

Given the ``source`` the map was parsed from (``argmap fmt``), element texts are taken
from the source as written, with their Markdown, links, escapes and shortcodes; only
white space and data blocks are normalised.  Without it, texts come from the model and
are escaped where Argdown would read them as markup.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

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
)
from argmap.parser import comment_regions

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

_HEAD = re.compile(r"(?:\[((?:[^\]\\\n]|\\.)+)\]|<((?:[^>\\\n]|\\.)+)>)(:)?")
_TAG = re.compile(r"(?<![^\s(\[])#(?:\(([^)\n]*)\)|([\w\-]+))")
_MARKUP = re.compile(r"[\\*_{}\[\]<>@]")
# Text that would start a PCS line, a relation, a list item or a heading at the start of a line.
_LEADING = re.compile(r"[(+\-_*<>]|#+\s|(\d+)\.")


class _DataDumper(yaml.SafeDumper):
    """YAML for data blocks: strings with spaces in double quotes, the rest plain."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if (not value or any(c.isspace() for c in value)) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_DataDumper.add_representer(str, _represent_str)


def format_data(data: dict[str, Any]) -> str:
    """A data block in YAML flow style: ``{key: value, quote: "two words", list: [1, 2]}``."""
    text: str = yaml.dump(
        data,
        Dumper=_DataDumper,
        default_flow_style=True,
        allow_unicode=True,
        sort_keys=False,
        width=1_000_000_000,
    ).strip()
    if text.endswith("..."):
        text = text[:-3].strip()
    return text


def escape_text(text: str, tags: list[str]) -> str:
    """Model text to Argdown text: markup characters escaped, ``#tags`` of the member kept."""
    keep = set(tags)
    out: list[str] = []
    pos = 0
    for match in _TAG.finditer(text):
        tag = match.group(1) if match.group(1) is not None else match.group(2)
        out.append(_MARKUP.sub(lambda m: "\\" + m.group(0), text[pos : match.start()]))
        out.append(match.group(0) if tag in keep else "\\" + match.group(0))
        pos = match.end()
    out.append(_MARKUP.sub(lambda m: "\\" + m.group(0), text[pos:]))
    escaped = "".join(out)
    present = {m.group(1) or m.group(2) for m in _TAG.finditer(text)}
    extra = [t for t in tags if t not in present]
    if extra:
        escaped = " ".join([escaped, *(f"#{t}" if re.fullmatch(r"[\w\-]+", t) else f"#({t})" for t in extra)])
    leading = _LEADING.match(escaped)
    if leading:
        if leading.group(1) is not None:
            escaped = leading.group(1) + "\\" + escaped[leading.end(1) :]
        elif escaped[0] != "\\":
            escaped = "\\" + escaped
    return escaped.strip()


def _escape_title(title: str, closer: str) -> str:
    return title.replace("\\", "\\\\").replace(closer, "\\" + closer)


_CHILD_LINE = re.compile(r"[ \t]|\(\d+\)|--|(?:<\+|<-|<_|\+>|->|_>|><|\+|-|_)[ \t]")


def comment_texts(text: str) -> list[str]:
    return [text[a:b].strip() for a, b in comment_regions(text)]


def standalone_comments(text: str) -> dict[int, list[str]] | None:
    """Comments on lines of their own between top-level blocks, keyed by the source line
    of the element (or heading) that follows them (0: the end of the file).  None when a
    comment sits inside a block, where the canonical layout cannot keep it."""
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)

    def line_of(offset: int) -> int:
        lo, hi = 0, len(lines) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo  # 0-based

    out: dict[int, list[str]] = {}
    pending: list[str] = []
    covered: set[int] = set()
    regions = comment_regions(text)
    for a, b in regions:
        first, last = line_of(a), line_of(max(a, b - 1))
        covered.update(range(first, last + 1))
    for a, b in regions:
        first, last = line_of(a), line_of(max(a, b - 1))
        outside = text[starts[first] : a] + text[b : starts[last + 1] - 1 if last + 1 < len(starts) else len(text)]
        if outside.strip():
            return None  # shares its line with Argdown text
        pending.append(text[starts[first] : min(b, len(text))].rstrip() if first == last else text[a:b])
        nxt = last + 1
        while nxt < len(lines) and nxt in covered:
            nxt += 1
        if nxt < len(lines) and nxt in covered:
            continue
        # The next line that is not a comment: blank, the end, or a new top-level block.
        while nxt < len(lines) and not lines[nxt].strip() and nxt not in covered:
            nxt += 1
        blank_after = nxt > last + 1 or nxt >= len(lines)
        if nxt >= len(lines):
            out.setdefault(0, []).extend(pending)
        elif blank_after or not _CHILD_LINE.match(lines[nxt]):
            previous = first - 1
            while previous >= 0 and previous in covered:
                previous -= 1
            if previous >= 0 and lines[previous].strip() and _CHILD_LINE.match(lines[previous]) and not blank_after:
                return None
            out.setdefault(nxt + 1, []).extend(pending)
        else:
            return None  # inside a relation tree or a PCS
        pending = []
    return out


@dataclass
class _Writer:
    amap: ArgumentMap
    source_lines: list[str] | None
    comments: dict[int, list[str]] = field(default_factory=dict)
    """Standalone comments to write before the element or heading at a source line (0: at the end)."""
    out: list[str] = field(default_factory=list)
    expanded: set[tuple[int | None, str]] = field(default_factory=set)
    """(block, node) pairs whose relations have been written."""
    block: int | None = None
    """Source line of the top-level block (or PCS) being written."""
    home: dict[int, int] = field(default_factory=dict)
    """id(relation) -> source line of the block it was written in (relations read from Argdown)."""
    live_blocks: set[int] = field(default_factory=set)
    written_relations: set[int] = field(default_factory=set)
    written_members: set[int] = field(default_factory=set)
    children: dict[str, list[tuple[Relation, str]]] = field(default_factory=dict)
    """parent node -> [(relation, child node)] in source order."""
    child_member: dict[int, StatementMember | ArgumentMember] = field(default_factory=dict)
    """id(relation) -> the member written on the relation's line."""
    child_nodes: set[str] = field(default_factory=set)
    root_candidates: set[int] = field(default_factory=set)
    """ids of the members that would otherwise be written as top-level blocks."""
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
            head = _HEAD.match(raw) if titled else None
            rest = raw[head.end() :] if head is not None else raw
            brace = _data_brace(rest) if member.data else -1
            end = _matching_brace(rest, brace) if brace != -1 else -1
            if end != -1:
                # The data block stays where it was (text after it may hold a stray brace).
                before, after = " ".join(rest[:brace].split()), " ".join(rest[end + 1 :].split())
                return " ".join(x for x in (before, format_data(dict(member.data)), after) if x)
            return " ".join(rest.split())
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
            self.written_members.add(id(member))
        titled = not (isinstance(record, Statement) and record.is_untitled)
        body = self.body(member, titled) if member is not None else ""
        if isinstance(record, Statement):
            if record.is_untitled:
                return body or escape_text(record.text, [])
            head = "[" + _escape_title(record.title, "]") + "]"
        else:
            head = "<" + _escape_title(record.title, ">") + ">"
        if member is None:
            return head
        if member.is_reference:
            return f"{head} {body}".rstrip()
        return f"{head}: {body}".rstrip()

    # -- structure ---------------------------------------------------------------

    def plan_relations(self) -> None:
        """Decide, for every relation, which end is written on the relation line."""
        by_end: dict[tuple[int, int, int], list[tuple[str, StatementMember | ArgumentMember]]] = {}
        records: list[Statement | Argument] = [*self.amap.statements.values(), *self.amap.arguments.values()]
        for record in records:
            for m in record.members:
                if isinstance(m, StatementMember) and m.argument is not None:
                    continue
                by_end.setdefault((m.span.line, m.span.end_line, m.span.end_col), []).append((record.node, m))
        relations = sorted(
            self.amap.relations(*SYMBOL_RELATIONS),
            key=lambda r: (r.span.line, r.span.col) if r.span is not None else (1 << 62, 0),
        )
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
            self.children.setdefault(parent, []).append((relation, child))
            self.child_nodes.add(child)

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
            if id(member) in self.root_candidates and id(member) not in self.written_members:
                return member
        return None

    def is_untitled(self, node: str) -> bool:
        record = self.amap.record(node)
        return isinstance(record, Statement) and record.is_untitled

    def tree(self, root_line: str, root: str, base: str = "") -> None:
        """Write ``root_line`` and, if ``root`` is not expanded yet, its relation tree."""
        self.out.append(base + root_line)
        stack: list[tuple[str, int]] = [(root, 0)]
        while stack:
            node, depth = stack.pop()
            if (self.block, node) in self.expanded:
                continue
            self.expanded.add((self.block, node))
            kids = self.kids(node)
            # Emit this node's children now (they directly follow the node's line, which
            # is the last line written), and schedule their own subtrees after each one.
            pending: list[tuple[str, int, list[str]]] = []
            for relation, child in kids:
                self.written_relations.add(id(relation))
                symbol = _INCOMING[relation.type] if child == relation.source else _OUTGOING[relation.type]
                member = self.child_member.get(id(relation))
                if member is None:
                    member = self.inline_member(child)
                line = base + INDENT * (depth + 1) + symbol + " " + self.element(child, member)
                pending.append((child, depth + 1, [line]))
            # Depth-first: write child, then its subtree, then the next child.
            self.write_children(pending, base)

    def write_children(self, pending: list[tuple[str, int, list[str]]], base: str) -> None:
        work: list[tuple[str, int, list[str]]] = list(reversed(pending))
        while work:
            child, depth, lines = work.pop()
            self.out.extend(lines)
            if (self.block, child) in self.expanded:
                continue
            self.expanded.add((self.block, child))
            kids = self.kids(child)
            more: list[tuple[str, int, list[str]]] = []
            for relation, grandchild in kids:
                self.written_relations.add(id(relation))
                symbol = _INCOMING[relation.type] if grandchild == relation.source else _OUTGOING[relation.type]
                member = self.child_member.get(id(relation))
                if member is None:
                    member = self.inline_member(grandchild)
                line = base + INDENT * (depth + 1) + symbol + " " + self.element(grandchild, member)
                more.append((grandchild, depth + 1, [line]))
            work.extend(reversed(more))

    def kids(self, node: str) -> list[tuple[Relation, str]]:
        """The relations to write below ``node`` here: not written yet, and written in this
        block in the source (relations from elsewhere stay in their own block)."""
        out: list[tuple[Relation, str]] = []
        for relation, child in self.children.get(node, []):
            if id(relation) in self.written_relations:
                continue
            home = self.home.get(id(relation))
            if home is not None and home != self.block and home in self.live_blocks:
                continue
            out.append((relation, child))
        return out

    def emit_comments(self, line: int | None) -> None:
        if line is None or line not in self.comments:
            return
        self.block_end()
        for comment in self.comments.pop(line):
            self.out.extend(comment.split("\n"))
        self.out.append("")

    def block_end(self) -> None:
        if self.out and self.out[-1] != "":
            self.out.append("")

    # -- PCS ---------------------------------------------------------------------------

    def pcs(self, argument: Argument) -> None:
        self.block_end()
        self.block = argument.pcs_span.line if argument.pcs_span is not None else None
        for step in argument.pcs:
            if step.inference is not None:
                rules = ", ".join(step.inference.rules)
                data = format_data(step.inference.data) if step.inference.data else ""
                inner = " ".join(x for x in (rules, data) if x)
                self.out.append(f"-- {inner} --" if inner else "----")
            member = self.pcs_member(argument, step.statement, step.span)
            node = "[" + step.statement + "]"
            line = f"({step.number}) " + self.element(node, member)
            if member is not None and not self.is_untitled(node):
                pass
            self.tree(line, node)
        self.block_end()

    def pcs_member(self, argument: Argument, title: str, span: Span) -> StatementMember | None:
        statement = self.amap.statements.get(title)
        if statement is None:
            return None
        for member in statement.members:
            if (
                member.argument == argument.title
                and member.span.line == span.line
                and id(member) not in self.written_members
            ):
                return member
        for member in statement.members:
            if member.argument == argument.title and id(member) not in self.written_members:
                return member
        return None

    # -- the document --------------------------------------------------------------

    def write(self) -> str:
        amap = self.amap
        if amap.frontmatter:
            self.out.append("===")
            dumped: str = yaml.safe_dump(amap.frontmatter, allow_unicode=True, sort_keys=False, width=88)
            self.out.extend(dumped.rstrip("\n").split("\n"))
            self.out.append("===")
            self.out.append("")
        self.plan_relations()
        # Top-level occurrences, grouped by section, in source order.
        roots: list[tuple[str | None, tuple[int, int], str, StatementMember | ArgumentMember | None]] = []
        relation_members = {id(m) for m in self.child_member.values()}
        self.plan_blocks(relation_members)
        for statement in amap.statements.values():
            defined = False
            for member in statement.members:
                if member.argument is not None or id(member) in relation_members:
                    continue
                if member.is_reference and (defined or statement.definitions) and member.span.line not in self.homes:
                    continue
                if statement.is_untitled and self.untitled_is_child(statement.node):
                    continue
                roots.append((member.section, (member.span.line, member.span.col), statement.node, member))
                defined = True
            if not statement.members and statement.node not in self.children:
                roots.append((None, (1 << 62, 0), statement.node, None))
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
                roots.append((section, (pcs_line - 1, 0), argument.node, None))
                pcs_anchor[argument.node] = 0
            for description in members:
                roots.append(
                    (description.section, (description.span.line, description.span.col), argument.node, description)
                )
            if argument.pcs and members and argument.node not in pcs_anchor:
                before = [m for m in members if m.span.line < pcs_line] or members
                pcs_anchor[argument.node] = id(max(before, key=lambda m: m.span.line))
        self.root_candidates = {
            id(r[3]) for r in roots if r[3] is not None and isinstance(r[3], StatementMember) and not r[3].is_reference
        }
        order = {sid: index for index, sid in enumerate(amap.sections)}
        roots.sort(key=lambda r: (-1 if r[0] is None else order.get(r[0], -1), r[1]))
        pcs_written: set[str] = set()
        current: str | None = None
        for section_id, _, node, occurrence in roots:
            if occurrence is not None and id(occurrence) in self.written_members:
                continue  # already written inline, on a relation line
            if section_id != current and section_id is not None:
                self.headings_until(section_id, current)
                current = section_id
            self.emit_comments(occurrence.span.line if occurrence is not None else None)
            self.block_end()
            self.block = occurrence.span.line if occurrence is not None else None
            self.tree(self.element(node, occurrence), node)
            anchor = pcs_anchor.get(node)
            here = id(occurrence) if occurrence is not None else 0
            if anchor is not None and node not in pcs_written and anchor == here:
                argument = amap.arguments[node_title(node)]
                if argument.pcs:
                    pcs_written.add(node)
                    self.pcs(argument)
        for sid in amap.sections:
            if sid not in self.headings_done:
                self.headings_until(sid, current)
        # Relations whose parent was never written as an element (e.g. only referenced).
        self.block = None
        self.live_blocks = set()
        for parent, kids in self.children.items():
            if any(id(r) not in self.written_relations for r, _ in kids):
                self.expanded.discard((None, parent))
                self.block_end()
                self.tree(self.element(parent, None), parent)
        for line in sorted(self.comments, key=lambda x: (x == 0, x)):
            self.emit_comments(line)  # comments whose element was written elsewhere: at the end
        while self.out and self.out[-1] == "":
            self.out.pop()
        return "\n".join(self.out) + "\n"

    def headings_until(self, section_id: str, current: str | None) -> None:
        """Write the headings of every section up to ``section_id`` not written yet."""
        for sid, section in self.amap.sections.items():
            if sid in self.headings_done:
                if sid == section_id:
                    return
                continue
            self.headings_done.add(sid)
            self.emit_comments(section.span.line)
            self.block_end()
            title = escape_text(section.title, [])
            tags = " ".join(f"#{t}" if re.fullmatch(r"[\w\-]+", t) else f"#({t})" for t in section.tags)
            data = format_data(section.data) if section.data else ""
            self.out.append(" ".join(x for x in ("#" * section.level, title, tags, data) if x))
            self.out.append("")
            if sid == section_id:
                return

    homes: set[int] = field(default_factory=set)

    def plan_blocks(self, relation_members: set[int]) -> None:
        """Find, for each relation read from an Argdown relation line, the top-level block
        (or PCS) it was written in, so that it is written there again."""
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
        self.homes = set(self.home.values())
        self.live_blocks = set(self.homes)

    def untitled_is_child(self, node: str) -> bool:
        return node in self.child_nodes


def _matching_brace(text: str, start: int) -> int:
    from argmap.parser import _matching_brace as matching

    return matching(text, start)


def _data_brace(text: str) -> int:
    from argmap.parser import _data_brace as first_brace

    return first_brace(text)


def to_argdown(amap: ArgumentMap, source: str | None = None, keep_comments: bool = False) -> str:
    """The map as Argdown text in argmap's canonical layout (see the module docs).

    ``source``: the text ``amap`` was parsed from; its element texts are kept as written.
    ``keep_comments``: also keep the source's comments that stand on lines of their own
    between blocks (the caller checks with :func:`comment_texts` that none was lost)."""
    lines = None
    comments: dict[int, list[str]] = {}
    if source is not None:
        from argmap.parser import strip_comments

        text = source.replace("\r\n", "\n").replace("\r", "\n")
        if text.startswith("\ufeff"):
            text = text[1:]
        lines = strip_comments(text, lambda *_: None).split("\n")
        if keep_comments:
            comments = standalone_comments(text) or {}
    return _Writer(amap, lines, comments).write()
