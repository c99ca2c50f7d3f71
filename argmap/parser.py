"""Argdown text -> :class:`~argmap.model.ArgumentMap` plus diagnostics.

The parser is a single pass over lines.  Argdown is a block language: blank
lines separate top-level blocks, and inside a block each line is either a new
child (a relation symbol, a PCS number ``(n)``, an inference line, a list item)
or a continuation of the element above it.  So a line is classified by a few
anchored regular expressions and nothing ever recurses: 10,000 levels of
indentation cost a stack of 10,000 list entries, not 10,000 Python frames.

The parser never raises on bad input; every problem becomes a
:class:`~argmap.diagnostics.Diagnostic` and parsing goes on.
"""

from __future__ import annotations

import base64
import datetime
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from argmap._gc import paused_gc
from argmap.diagnostics import Diagnostic, Severity
from argmap.model import (
    NO_DATA,
    Argument,
    ArgumentMap,
    ArgumentMember,
    Inference,
    PcsStep,
    Relation,
    RelationType,
    Section,
    Span,
    Statement,
    StatementMember,
    argument_node,
    is_argument_node,
    statement_node,
)

# -- line classes ---------------------------------------------------------------

_RELATION = re.compile(r"([ \t]*)(<\+|<-|<_|\+>|->|_>|><|\+|-|_)(?:[ \t]+|$)")
# Something that looks like a relation symbol but is not one of Argdown's.
_BAD_RELATION = re.compile(r"([ \t]+)([-+_<>=~]{2,3}|=|~|<|>)[ \t]+(?=[\[<\w@])")
_PCS_LINE = re.compile(r"([ \t]*)\((\d+)\)[ \t]+")
# A PCS line that only refers to a statement by title (see _Parser.plain_pcs).
_PCS_REFERENCE = re.compile(r"\((\d+)\)[ \t]+(\[([^\]\\\n<\[{]+)\])[ \t]*$")
_PCS_LINE_EMPTY = re.compile(r"([ \t]*)\((\d+)\)[ \t]*$")
_INFERENCE = re.compile(r"[ \t]*-{4,}[ \t]*$")
_INFERENCE_EXPANDED = re.compile(r"[ \t]*--[ \t]*$")
_INFERENCE_INLINE = re.compile(r"[ \t]*--(?!-)(.*[^-\s].*?)(?<!-)--[ \t]*$")
_HEADING = re.compile(r"[ \t]*(#{1,6})[ \t]+(.*)$")
# A line that starts a new block even without an empty line before it (ends a heading).
_BLOCK_START = re.compile(r"[ \t]*(?:[\[<#]|\(\d+\)|(?:<\+|<-|<_|\+>|->|_>|><|\+|-|_|\*|\d+\.)[ \t])")
_LIST_ITEM = re.compile(r"([ \t]*)(\*|\d+\.)[ \t]+")
# A one-line element with a title and plain text: no data, tags, mentions, markup or escapes.
_SIMPLE_ELEMENT = re.compile(
    r"(?:<([^>\\\n<\[{]+)>|\[([^\]\\\n<\[{]+)\](?!\())(?:(:)[ \t]*([^{#@*_\[\]\\<>]*))?"
    r"((?:[ \t]+#[\w-]+)*)[ \t]*$"
)
_SIMPLE_TAG = re.compile(r"#([\w-]+)")
# Any line that starts a new child instead of continuing the element above it: a
# relation with content, a PCS number, an inference line, or a bad relation symbol.
_CHILD_START = re.compile(
    r"[ \t]*(?:(?:<\+|<-|<_|\+>|->|_>|><|\+|-|_)[ \t]+\S|\(\d+\)[ \t]|-{2,}[ \t]*$|--(?!-).*--[ \t]*$)"
    r"|[ \t]+(?:[-+_<>=~]{2,3}|=|~|<|>)[ \t]+[\[<\w@]"
)
_FRONTMATTER_FENCE = re.compile(r"={3,}[ \t]*$")

# -- element heads ----------------------------------------------------------------

_STATEMENT_DEF = re.compile(r"\[((?:[^\]\\\n]|\\.)+)\]:[ \t]*")
_STATEMENT_REF = re.compile(r"\[((?:[^\]\\\n]|\\.)+)\](?!\()")
_ARGUMENT_DEF = re.compile(r"<((?:[^>\\\n]|\\.)+)>:[ \t]*")
_ARGUMENT_REF = re.compile(r"<((?:[^>\\\n]|\\.)+)>")

# -- inline -----------------------------------------------------------------------

# The bounds and the openers left out of the bodies below keep every pattern linear on
# a line of thousands of "#(", "@[", "[", "**" with no closer (minutes before, quadratic).
_TAG = re.compile(r"(?<![^\s(\[])#(?:\(([^)\n]{0,200})\)|([\w\-]+))")
_MENTION = re.compile(r"@\[((?:[^\[\]\\\n]|\\.)+)\]|@<((?:[^<>\\\n]|\\.)+)>")
# A Markdown link; "\[text\](url)" is escaped text (as in Argdown), not a link.
_LINK = re.compile(r"(?<!\\)\[((?:[^\[\]\\\n]|\\.)*)\]\(([^()\[\s]*)\)")
# Escaped stars and underscores (\* \_) are text, not emphasis.
# Emphasis may run over the lines of a multi-line element (as in Argdown, whose lexer
# keeps a range open across line breaks): fmt joins those lines.
_BOLD = re.compile(r"(?<!\\)(\*\*|__)(?=\S)(.{1,500}?)(?<=[^\s\\])\1", re.DOTALL)
_ITALIC = re.compile(r"(?<![\w*\\])([*_])(?=\S)(.{1,500}?)(?<=[^\s\\])\1(?![\w*])", re.DOTALL)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>@:|~/])")
_WHITESPACE = re.compile(r"\s+")
_INLINE_SPECIAL = re.compile(r"[{#@*_\[\\]")
_COMMENT_START = re.compile(r"/\*|<!--|(?:(?<=\s)|^)//", re.MULTILINE)

# Argdown's default special-character shortcodes: ``.~.`` -> ¬, ``:love:`` -> 😍 ...
# (the table of Argdown 2.0.0's default configuration; a shortcode is delimited by
# dots or colons and replaced in statement and heading text, never in titles).
_SHORTCODES: dict[str, str] = {
    '.A.': '∀', ':A:': '∀', '.E.': '∃', ':E:': '∃', '.O.': '𝗢', ':O:': '𝗢', '.P.': '𝗣', ':P:': '𝗣',
    '.->.': '→', ':->:': '→', '.<->.': '↔', ':<->:': '↔', '.~.': '¬', ':~:': '¬', '.^.': '∧', ':^:': '∧',
    '.v.': '∨', ':v:': '∨', '.v_.': '⊻', ':v_:': '⊻', '.<>.': '◇', ':<>:': '◇', '.[].': '◻', ':[]:': '◻',
    ':happy:': '😀', '.happy.': '😀', ':smile:': '☺️', '.smile.': '☺', ':smiley:': '☺', '.smiley.': '☺',
    ':laugh:': '😆', '.laugh.': '😆', ':lol:': '😆', '.lol.': '😆', ':rofl:': '🤣', '.rofl.': '🤣', ':joy:': '😂',
    '.joy.': '😂', ':heart:': '❤', '.heart.': '❤', '.?.': '❓', ':?:': '❓', '.question.': '❓',
    ':question:': '❓', ':love:': '😍', '.love.': '😍', ':wink:': '😉', '.wink.': '😉', ':shush:': '🤫',
    '.shush.': '🤫', ':meh:': '😐', '.meh.': '😐', ':eye-roll:': '🙄', '.eye-roll.': '🙄', ':sad:': '😢',
    '.sad.': '😢', ':disappointed:': '😞', '.disappointed.': '😞', ':scream:': '😱', '.scream.': '😱',
    ':+1:': '👍', '.+1.': '👍', ':up:': '👍', '.up.': '👍', ':-1:': '👎', '.-1.': '👎', ':down:': '👎',
    '.down.': '👎', ':think:': '🤔', '.think.': '🤔', '.star.': '⭐', ':star:': '⭐', '.y.': '✔', ':y:': '✔',
    '.agree.': '✔', ':agree:': '✔', '.n.': '❌', ':n:': '❌', '.disagree.': '❌', ':disagree:': '❌',
}
# A cheap test for "may contain a shortcode" (every code is 1-10 characters between delimiters).
_SHORTCODE_HINT = re.compile(r"\.[^\s.:\\]{1,10}\.|:[^\s.:\\]{1,10}:")
# Argdown's tokens at a dot or colon: an escaped character, or ``.name.`` / ``:name:``
# (shortest match), so "a.b.~.c" reads ".b." first, just as Argdown's lexer does.
_SPECIAL_TOKEN = re.compile(r"\\.|\.[^\s]+?\.|:[^\s]+?:")


_RELATION_SYMBOLS: dict[str, tuple[str, bool]] = {
    # symbol: (kind, child is the source)
    "+": ("support", True),
    "<+": ("support", True),
    "+>": ("support", False),
    "-": ("attack", True),
    "<-": ("attack", True),
    "->": ("attack", False),
    "_": ("undercut", True),
    "<_": ("undercut", True),
    "_>": ("undercut", False),
    "><": ("contradiction", False),
}

_new_span = tuple.__new__
"""``_new_span(Span, (file, line, col, end_line, end_col))`` makes a :class:`Span` in half
the time of ``Span(...)``, whose ``__new__`` is a Python function: the hot paths make a
million of them for a large map."""

_TYPE_NAME: dict[RelationType, str] = {t: t.value for t in RelationType}
"""The plain-str key of each relation type in an edge dict (see argmap.model); a look-up
here is several times cheaper than the enum's ``.value`` property."""

MAX_YAML_CHARS = 1_000_000
"""Longer data blocks are refused: a YAML parser on megabytes of nesting is a denial of service."""


@dataclass(slots=True)
class _Element:
    """A statement or argument being read, possibly over several lines."""

    lines: list[str]
    line: int
    col: int
    role: str = "statement"
    end_line: int = 0
    end_col: int = 0
    index: int = -1
    """Index of the first line in the parser's line list (to find the source line of the
    last one when comment-only lines were dropped in between)."""
    open_lines: int = 0
    """How many of ``lines`` there were when a ``{`` data block was last seen open in them
    (0: not seen open; see :func:`_in_open_data`)."""


@dataclass(slots=True)
class _TreeEntry:
    indent: int
    node: str
    child_indent: int = -1
    pcs_argument: str | None = None
    """Set for PCS lines and inferences: the argument whose PCS they belong to."""
    is_inference: bool = False


@dataclass
class _Parser:
    name: str
    amap: ArgumentMap
    diagnostics: list[Diagnostic] = field(default_factory=list)
    strict: bool = False
    untitled: int = 0
    section: str | None = None
    section_stack: list[Section] = field(default_factory=list)
    section_count: int = 0
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Node attributes by node id, in the order nodes first appear (the graph is built
    once, at the end, from these three dicts)."""
    succ: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    pred: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    """Adjacency as networkx keeps it: node -> neighbour -> edge attributes (shared)."""
    last_statement: Statement | None = None
    """The statement that got a member last (a PCS line sets that member's role once the
    PCS is read)."""
    end_col: int = 0
    """Last column of the element :meth:`simple_element` read last."""
    tag_lists: dict[str, Sequence[str]] = field(default_factory=dict)
    """Tag tuples by the trailing tag text they were read from: a large map repeats a few
    tags on thousands of lines, and these share one tuple (and one string per tag)."""
    linenos: Sequence[int] = field(default_factory=list)
    """1-based source line of each entry of the line list (comment-only lines are dropped)."""

    # -- diagnostics ---------------------------------------------------------

    def report(
        self,
        code: str,
        severity: Severity,
        message: str,
        line: int,
        col: int,
        end_line: int | None = None,
        end_col: int | None = None,
        hint: str | None = None,
    ) -> None:
        span = Span(self.name, line, col, end_line or line, end_col or col)
        self.diagnostics.append(Diagnostic(code, severity, message, span, hint))

    # -- the main loop ---------------------------------------------------------

    def run(self, lines: list[str], first_line: int) -> None:
        n = len(lines)
        i = first_line
        previous_root: str | None = None  # root node of the previous top-level block
        read = i
        while i < n:
            if i - read >= 4096:
                # Nothing looks back at lines already read: freeing them as we go takes
                # the strings of a large file off the peak (60 MB for 23 MB of text).
                for k in range(read, i):
                    lines[k] = ""
                read = i
            line = lines[i]
            if not line.strip():
                i += 1
                continue
            first = line[0]
            if first == "[" or (first == "<" and line[1:2] != "-" and line[1:2] != "+" and line[1:2] != "_"):
                # The common case: a statement or argument block.
                i, previous_root = self.element_block(lines, i)
                continue
            lineno = self.linenos[i]
            heading = _HEADING.match(line) if (first == "#" or (first in " \t" and line.lstrip()[:1] == "#")) else None
            if heading:
                # A heading runs on until the empty line, like a paragraph (Argdown).
                extra: list[str] = []
                i += 1
                while i < n and lines[i].strip() and not _BLOCK_START.match(lines[i]):
                    extra.append(lines[i].strip())
                    i += 1
                self.heading(heading, lineno, extra)
                previous_root = None
                continue
            if _PCS_LINE.match(line) or _PCS_LINE_EMPTY.match(line):
                i = self.pcs_block(lines, i, previous_root)
                previous_root = None
                continue
            if _LIST_ITEM.match(line):
                i = self.list_block(lines, i)
                previous_root = None
                continue
            relation = _RELATION.match(line)
            if relation and not line[relation.end() :].strip():
                self.report(
                    "AM015",
                    Severity.ERROR,
                    f"relation symbol '{relation.group(2)}' with nothing after it",
                    lineno,
                    len(relation.group(1)) + 1,
                )
                i += 1
                continue
            if relation and line[relation.end() :].strip():
                self.report(
                    "AM015",
                    Severity.ERROR,
                    "relation with no parent: a relation must directly follow the element it belongs to",
                    lineno,
                    len(relation.group(1)) + 1,
                    hint="remove the empty line above it, or give it a parent element",
                )
            i, previous_root = self.element_block(lines, i)

    # -- headings ----------------------------------------------------------------

    def heading(self, match: re.Match[str], lineno: int, extra: list[str] | None = None) -> None:
        level = len(match.group(1))
        raw = match.group(2)
        if extra:
            raw = " ".join([raw, *extra])
        data = self.extract_data(raw, lineno, match.start(2) + 1)
        text = data[0]
        tags = _tags(_LINK.sub(r"\1", text) if "](" in text else text)
        title = _clean_text(_TAG.sub("", text)) if tags else _clean_text(text)
        self.section_count += 1
        while self.section_stack and self.section_stack[-1].level >= level:
            self.section_stack.pop()
        parent = self.section_stack[-1] if self.section_stack else None
        section = Section(
            id=f"s{self.section_count}",
            title=title,
            level=level,
            span=Span(self.name, lineno, 1, lineno, len(match.group(0))),
            parent=parent.id if parent else None,
            tags=tags,
            data=data[1],
        )
        if parent is not None:
            parent.children.append(section.id)
        self.section_stack.append(section)
        self.amap.sections[section.id] = section
        self.section = section.id

    # -- top-level statement / argument blocks -------------------------------------

    def element_block(self, lines: list[str], i: int) -> tuple[int, str | None]:
        """A block whose first element is a statement or argument, with its relation tree."""
        n = len(lines)
        line = lines[i]
        first = line[0]
        if first == "[" or (first == "<" and line[1:2] != "-" and line[1:2] != "+" and line[1:2] != "_"):
            # Fast path: a one-line root at column 1 (the next line is empty or a child).
            nxt = lines[i + 1] if i + 1 < n else ""
            blank = not nxt.strip()
            simple = _SIMPLE_ELEMENT.match(line) if blank or _CHILD_START.match(nxt) else None
            if simple is not None:
                node = self.simple_element(line, self.linenos[i], 1, simple, None)
                if blank:
                    return i + 1, node
                end = self.plain_children(lines, i + 1, node)
                if end >= 0:
                    return end, node
                return self.relation_tree(lines, i + 1, [_TreeEntry(0, node)]), node
        indent = len(line) - len(line.lstrip(" \t"))
        start = i
        relation = _RELATION.match(line)
        if relation and line[relation.end() :].strip():
            indent = relation.end()
        element = _Element([line[indent:]], self.linenos[i], indent + 1, index=i)
        i += 1
        # First gather the root element's continuation lines.
        while i < n:
            line = lines[i]
            if not line.strip() or self.starts_child(line, element):
                break
            element.lines.append(line.rstrip())
            i += 1
        root = self.finish_element(element)
        if i == start + 1 and (i >= n or not lines[i].strip()):
            return i, root
        i = self.relation_tree(lines, i, [_TreeEntry(indent, root)] if root else [])
        return i, root

    def plain_children(self, lines: list[str], i: int, root: str) -> int:
        """Fast path for the relations below a one-line root at column 1 when they are one
        level of one-line children without markup, all indented alike.

        The common shape of a statement with the arguments for and against it.  The
        lines are checked first (one regex for the relation, one for the child, as the
        general loop of :meth:`relation_tree` does, without its indentation stack and
        look-ahead); on anything else nothing has been made and -1 sends the block to
        that loop.  Same result (tests compare the two).  Returns the index of the
        line after the block."""
        n = len(lines)
        rows: list[tuple[re.Match[str], re.Match[str], str, int]] = []
        indent: str | None = None
        j = i
        while j < n:
            line = lines[j]
            relation = _RELATION.match(line)
            if relation is None:
                if line.strip():
                    return -1
                break
            start = relation.end()
            rest = line[start:]
            simple = _SIMPLE_ELEMENT.match(rest)
            if simple is None:
                return -1  # markup, data, a continuation line, or a symbol with nothing after it
            if indent is None:
                indent = relation.group(1)
                if not indent:
                    return -1
            elif relation.group(1) != indent:
                return -1
            rows.append((relation, simple, rest, j))
            j += 1
        parent = _TreeEntry(0, root)
        name, linenos, simple_element, relate = self.name, self.linenos, self.simple_element, self.relate
        for relation, simple, rest, k in rows:
            lineno = linenos[k]
            node = simple_element(rest, lineno, relation.end() + 1, simple, None)
            span = _new_span(Span, (name, lineno, len(relation.group(1)) + 1, lineno, self.end_col))
            relate(parent, relation.group(2), node, span)
        return j

    def starts_child(self, line: str, element: _Element | None = None) -> bool:
        if _CHILD_START.match(line) is None:
            return False
        # Inside a multi-line {data} block every line is data.  (Looked at only for a line
        # that could start a child: the look reads all the element's lines so far.)
        return element is None or not _in_open_data(element)

    def relation_tree(self, lines: list[str], i: int, stack: list[_TreeEntry]) -> int:
        """Read relation lines below the elements in ``stack`` until the block ends."""
        n = len(lines)
        while i < n:
            line = lines[i]
            if not line.strip():
                break
            lineno = self.linenos[i]
            relation = _RELATION.match(line)
            if relation is None or not line[relation.end() :].strip():
                if (
                    _PCS_LINE.match(line)
                    or _INFERENCE.match(line)
                    or _INFERENCE_EXPANDED.match(line)
                    or _INFERENCE_INLINE.match(line)
                ):
                    # A PCS line inside a relation tree: hand back to the caller.
                    return i
                bad = _BAD_RELATION.match(line)
                if bad:
                    self.report(
                        "AM012",
                        Severity.ERROR,
                        f"unknown relation symbol '{bad.group(2)}'",
                        lineno,
                        len(bad.group(1)) + 1,
                        end_col=len(bad.group(1)) + len(bad.group(2)),
                        hint="relations are + - _ (incoming), +> -> _> (outgoing), <+ <- <_ and ><",
                    )
                    i += 1
                    continue
                # A stray continuation line (e.g. after a multi-line child): already
                # consumed by the child; anything else is text we would lose.
                self.report(
                    "AM015",
                    Severity.ERROR,
                    "text in a relation tree that is neither a relation nor part of an element",
                    lineno,
                    len(line) - len(line.lstrip()) + 1,
                )
                i += 1
                continue
            indent = len(relation.group(1).expandtabs(4))
            symbol = relation.group(2)
            rest = line[relation.end() :]
            i += 1
            nxt = lines[i] if i < n else ""
            simple = _SIMPLE_ELEMENT.match(rest) if not nxt.strip() or _CHILD_START.match(nxt) else None
            child: _Element | None = None
            node: str | None = None
            if simple is not None:
                # Fast path: a one-line child (see simple_element).
                node = self.simple_element(rest, lineno, relation.end() + 1, simple, None)
                end_line, end_col = lineno, self.end_col
            else:
                child = _Element([rest], lineno, relation.end() + 1, role="statement", index=i - 1)
                i = _gather(lines, i, child)
            if len(stack) > 1 and stack[-1].indent >= indent:
                # Dedent as Argdown does: close every level deeper than this line, then
                # the line is a sibling of the element left on top, even when that one
                # is indented less ("partial dedent").
                while len(stack) > 1 and stack[-1].indent > indent:
                    stack.pop()
                if len(stack) > 1:
                    stack.pop()
            if not stack or stack[-1].indent >= indent:
                self.report(
                    "AM010",
                    Severity.ERROR,
                    "bad indentation: a relation must be indented more than its parent",
                    lineno,
                    len(relation.group(1)) + 1,
                )
                if child is not None:
                    self.finish_element(child)
                continue
            parent = stack[-1]
            if parent.child_indent == -1:
                parent.child_indent = indent
            elif parent.child_indent != indent:
                self.report(
                    "AM020",
                    Severity.WARNING,
                    f"inconsistent indentation: siblings above are indented {parent.child_indent}, "
                    f"this relation {indent}",
                    lineno,
                    len(relation.group(1)) + 1,
                    hint="indent all relations of one parent by the same amount",
                )
            if child is not None:
                node = self.finish_element(child)
                end_line, end_col = child.end_line, child.end_col
            if node is None:
                continue
            span = _new_span(Span, (self.name, lineno, len(relation.group(1)) + 1, end_line, end_col))
            self.relate(parent, symbol, node, span)
            stack.append(_TreeEntry(indent, node))
        return i

    def relate(self, parent: _TreeEntry, symbol: str, child: str, span: Span) -> None:
        kind, child_is_source = _RELATION_SYMBOLS[symbol]
        target_parent = parent.node
        if parent.is_inference and parent.pcs_argument is not None:
            # Relations of an inference are relations of its argument.
            target_parent = parent.pcs_argument
        elif kind == "undercut" and parent.pcs_argument is not None and child_is_source:
            # An undercut written below a PCS conclusion targets that argument's inference.
            target_parent = parent.pcs_argument
        source, target = (child, target_parent) if child_is_source else (target_parent, child)
        both_statements = not is_argument_node(source) and not is_argument_node(target)
        if kind == "support":
            rtype = RelationType.ENTAILS if (self.strict and both_statements) else RelationType.SUPPORT
        elif kind == "attack":
            rtype = RelationType.CONTRARY if (self.strict and both_statements) else RelationType.ATTACK
        elif kind == "undercut":
            rtype = RelationType.UNDERCUT
        else:
            rtype = RelationType.CONTRADICTION
        self.add_relation(rtype, source, target, span)

    def add_relation(self, rtype: RelationType, source: str, target: str, span: Span, derived: bool = False) -> None:
        # Fill networkx-shaped adjacency dicts directly; ArgumentMap.build_graph adopts
        # them.  Both nodes exist already: add_statement/add_argument gave them entries.
        targets = self.succ[source]
        attrs = targets.get(target)
        if attrs is None:
            made = Relation(rtype, source, target, span, derived)
            targets[target] = self.pred[target][source] = {_TYPE_NAME[rtype]: made}
            return
        relation = attrs.get(rtype)
        if relation is None:
            attrs[_TYPE_NAME[rtype]] = Relation(rtype, source, target, span, derived)
        else:
            relation.add_span(span)
            if not derived:
                relation.derived = False

    def add_statement(self, title: str, member: StatementMember, untitled: bool) -> str:
        statement = self.amap.statements.get(title)
        self.last_statement = statement
        if statement is None:
            statement = self.last_statement = self.amap.statements[title] = Statement(title, [member], untitled)
            node = statement.node
            self.nodes[node] = {"kind": "statement", "record": statement}
            self.succ[node] = {}
            self.pred[node] = {}
            return node
        statement.members.append(member)
        return statement.node

    def add_argument(self, title: str, member: ArgumentMember | None, untitled: bool = False) -> Argument:
        argument = self.amap.arguments.get(title)
        if argument is None:
            argument = self.amap.arguments[title] = Argument(title, [member] if member else [], is_untitled=untitled)
            node = argument.node
            self.nodes[node] = {"kind": "argument", "record": argument}
            self.succ[node] = {}
            self.pred[node] = {}
        elif member is not None:
            argument.members.append(member)
        return argument

    # -- lists -------------------------------------------------------------------

    def list_block(self, lines: list[str], i: int) -> int:
        n = len(lines)
        base: int | None = None
        while i < n and lines[i].strip():
            line = lines[i]
            item = _LIST_ITEM.match(line)
            if item is None:
                i += 1
                continue
            if base is None:
                base = len(item.group(1))
            if len(item.group(1)) > base:
                self.report(
                    "AM018",
                    Severity.WARNING,
                    "nested lists are not supported by Argdown; this item is read as a top-level item",
                    self.linenos[i],
                    len(item.group(1)) + 1,
                )
            element = _Element([line[item.end() :]], self.linenos[i], item.end() + 1, index=i)
            i += 1
            while i < n and lines[i].strip() and not _LIST_ITEM.match(lines[i]):
                if self.starts_child(lines[i], element):
                    break
                element.lines.append(lines[i].rstrip())
                i += 1
            node = self.finish_element(element)
            if node and i < n and lines[i].strip() and not _LIST_ITEM.match(lines[i]):
                i = self.relation_tree(lines, i, [_TreeEntry(len(item.group(1)), node)])
        return i

    # -- premise-conclusion structures -------------------------------------------

    def pcs_block(self, lines: list[str], i: int, previous_root: str | None) -> int:
        n = len(lines)
        start_line = self.linenos[i]
        if previous_root is not None and is_argument_node(previous_root):
            argument = self.amap.arguments[previous_root[1:-1]]
            if argument.pcs:
                self.report(
                    "AM016",
                    Severity.WARNING,
                    f"argument <{argument.title}> already has a premise-conclusion structure; this one replaces it",
                    start_line,
                    1,
                )
        else:
            self.untitled += 1
            argument = self.add_argument(f"Untitled {self.untitled}", None, untitled=True)
        arg_node = argument.node
        end = self.plain_pcs(lines, i, argument, start_line)
        if end >= 0:
            return end
        # The steps, with the node and member of each: roles are known only at the end.
        steps: list[PcsStep] = []
        step_nodes: list[str] = []
        step_members: list[StatementMember] = []
        pending_inference: Inference | None = None
        # Relations below a PCS line or inference attach to it.  The tree's stack is made
        # only when a relation comes: ``tree`` is (indent, node, is_inference) until then.
        tree: tuple[int, str, bool] | None = None
        stack: list[_TreeEntry] | None = None
        end_line = start_line
        first = i
        while i < n:
            line = lines[i]
            if not line.strip():
                break
            lineno = start_line if i == first else self.linenos[i]  # one int per line number
            end_line = lineno
            pcs = _PCS_LINE.match(line)
            if pcs is None:
                empty = _PCS_LINE_EMPTY.match(line)
                if empty:
                    self.report("AM013", Severity.ERROR, f"PCS line ({empty.group(2)}) has no statement", lineno, 1)
                    i += 1
                    continue
            if pcs is not None:
                number = _pcs_number(pcs.group(2))
                rest = line[pcs.end() :]
                i += 1
                nxt = lines[i] if i < n else ""
                simple = _SIMPLE_ELEMENT.match(rest) if not nxt.strip() or _CHILD_START.match(nxt) else None
                if simple is not None and simple.group(1) is None:
                    # Fast path: a one-line statement (see simple_element).
                    node = self.simple_element(rest, lineno, pcs.end() + 1, simple, argument.title)
                else:
                    element = _Element([rest], lineno, pcs.end() + 1, index=i - 1)
                    i = _gather(lines, i, element)
                    found = self.finish_element(element, pcs_argument=argument.title)
                    if found is None:
                        continue
                    node = found
                statement = self.last_statement
                assert statement is not None  # finish_element returned a statement's node
                member = statement.members[-1]
                # The step shares its member's span (from the statement, not the "(n)"):
                # a span of its own would cost 24 MB on the 100,000-statement map.
                steps.append(PcsStep(number, statement.title, "premise", member.span, pending_inference))
                step_nodes.append(node)
                step_members.append(member)
                pending_inference = None
                tree, stack = (len(pcs.group(1).expandtabs(4)), node, False), None
                continue
            inference_span = _new_span(Span, (self.name, lineno, 1, lineno, len(line)))
            if _INFERENCE.match(line) and not self.opens_expanded_inference(lines, i):
                pending_inference = Inference(inference_span)
                tree, stack = (len(line) - len(line.lstrip()), arg_node, True), None
                i += 1
                continue
            inline = _INFERENCE_INLINE.match(line)
            if inline:
                rules_text, data = self.extract_data(inline.group(1), lineno, inline.start(1) + 1)
                pending_inference = Inference(inference_span, _rules(rules_text), data)
                tree, stack = (len(line) - len(line.lstrip()), arg_node, True), None
                i += 1
                continue
            if _INFERENCE_EXPANDED.match(line) or _INFERENCE.match(line):
                i, pending_inference = self.expanded_inference(lines, i)
                tree, stack = (len(line) - len(line.lstrip()), arg_node, True), None
                continue
            relation = _RELATION.match(line)
            if relation and tree is not None:
                if stack is None:
                    stack = [_TreeEntry(tree[0], tree[1], pcs_argument=arg_node, is_inference=tree[2])]
                i = self.relation_tree(lines, i, stack)
                continue
            self.report(
                "AM015",
                Severity.ERROR,
                "unexpected line in a premise-conclusion structure",
                lineno,
                len(line) - len(line.lstrip()) + 1,
                hint="PCS lines are (1) numbered statements, ---- inferences and indented relations",
            )
            i += 1
        self.finish_pcs(argument, steps, step_nodes, step_members, pending_inference, start_line, end_line)
        return i

    def plain_pcs(self, lines: list[str], i: int, argument: Argument, start_line: int) -> int:
        """Fast path for a PCS made only of ``(n) [Title]`` lines and ``----`` lines.

        Most PCSs of a large map are premises and conclusions referred to by title,
        with plain inference lines: one regex per line reads them, where the general
        loop of :meth:`pcs_block` tests each line and the one after it several ways.
        The block is first checked whole; on anything else (text, tags, relations,
        indentation, inference rules, a structural error to report) nothing has been
        made and -1 sends the block to the general loop.  Same result as that loop
        (tests compare the two).  Returns the index of the line after the block."""
        n = len(lines)
        rows: list[tuple[re.Match[str], int, bool]] = []
        after_inference = False
        j = i
        while j < n:
            line = lines[j]
            match = _PCS_REFERENCE.match(line)
            if match is not None:
                rows.append((match, j, after_inference))
                after_inference = False
            elif line == "----" and rows and not after_inference:
                after_inference = True
            elif line.strip():
                return -1
            else:
                break
            j += 1
        if after_inference or not rows or not rows[-1][2]:
            return -1  # a missing conclusion: the general loop reports it
        name, section, pcs_argument, linenos = self.name, self.section, argument.title, self.linenos
        statements = self.amap.statements
        steps: list[PcsStep] = []
        step_nodes: list[str] = []
        step_members: list[StatementMember] = []
        for match, k, inferred in rows:
            lineno = start_line if k == i else linenos[k]
            inference = None
            if inferred:
                # The line above is the inference, exactly "----" (4 columns).
                previous = linenos[k - 1]
                inference = Inference(_new_span(Span, (name, previous, 1, previous, 4)))
            number, _, title = match.groups()
            span = _new_span(Span, (name, lineno, match.start(2) + 1, lineno, match.end(2)))
            member = StatementMember("", span, True, section, (), NO_DATA, "statement", pcs_argument)
            title = title.strip()
            statement = statements.get(title)
            if statement is None:
                self.add_statement(title, member, False)
                statement = statements[title]
            else:
                self.last_statement = statement
                statement.members.append(member)
            steps.append(PcsStep(_pcs_number(number), statement.title, "premise", span, inference))
            step_nodes.append(statement.node)
            step_members.append(member)
        end_line = linenos[j - 1] if j - 1 > i else start_line
        self.finish_pcs(argument, steps, step_nodes, step_members, None, start_line, end_line)
        return j

    def opens_expanded_inference(self, lines: list[str], i: int) -> bool:
        """A hyphen line followed by text (not a PCS line or relation) opens an expanded inference."""
        if i + 1 >= len(lines):
            return False
        nxt = lines[i + 1]
        if not nxt.strip() or _PCS_LINE.match(nxt):
            return False
        relation = _RELATION.match(nxt)
        return not (relation and nxt[relation.end() :].strip())

    def expanded_inference(self, lines: list[str], i: int) -> tuple[int, Inference]:
        """``--`` / rules and data / ``--``."""
        n = len(lines)
        start = self.linenos[i]
        body: list[str] = []
        i += 1
        while i < n:
            line = lines[i]
            if _INFERENCE_EXPANDED.match(line) or _INFERENCE.match(line):
                i += 1
                break
            if not line.strip() or _PCS_LINE.match(line):
                self.report(
                    "AM013",
                    Severity.ERROR,
                    "unclosed inference: expected a closing '--' line",
                    start,
                    1,
                )
                break
            body.append(line)
            i += 1
        rules_text, data = self.extract_data("\n".join(body), start + 1, 1)
        end = self.linenos[min(i, len(lines)) - 1]
        return i, Inference(Span(self.name, start, 1, end, 2), _rules(rules_text), data)

    def finish_pcs(
        self,
        argument: Argument,
        steps: list[PcsStep],
        step_nodes: list[str],
        step_members: list[StatementMember],
        trailing_inference: Inference | None,
        start_line: int,
        end_line: int,
    ) -> None:
        if trailing_inference is not None:
            self.report(
                "AM013",
                Severity.ERROR,
                "inference line with no conclusion after it",
                trailing_inference.span.line,
                1,
            )
        if not steps:
            return
        if len(steps) < 2 or steps[-1].inference is None:
            last = steps[-1]
            self.report(
                "AM013",
                Severity.ERROR,
                f"premise-conclusion structure of <{argument.title}> has no conclusion: "
                "the last statement must follow an inference line",
                last.span.line,
                last.span.col,
                hint="put a line of four hyphens (----) before the conclusion",
            )
        for index, step in enumerate(steps):
            if step.number != index + 1:
                self.report(
                    "AM016",
                    Severity.WARNING,
                    f"PCS statement numbered ({step.number}), expected ({index + 1})",
                    step.span.line,
                    step.span.col,
                )
                break
        last_index = len(steps) - 1
        arg_node = argument.node
        succ, pred = self.succ, self.pred
        premise_of, conclusion_of = RelationType.PREMISE_OF, RelationType.CONCLUSION_OF
        premise_key = premise_of.value  # edge dicts are keyed by plain str (see model)
        for index, step in enumerate(steps):
            node = step_nodes[index]
            if step.inference is None:
                # Steps are made as premises (role "premise"); the member keeps its default
                # until here, where the role is known.
                role = "premise"
                targets = succ[node]
                if arg_node in targets:
                    self.add_relation(premise_of, node, arg_node, step.span, True)
                else:  # add_relation's common case, inline: a new edge
                    targets[arg_node] = pred[arg_node][node] = {
                        premise_key: Relation(premise_of, node, arg_node, step.span, True)
                    }
            elif index == last_index:
                role = step.role = "main-conclusion"
                self.add_relation(conclusion_of, arg_node, node, step.span, True)
            else:
                role = step.role = "intermediary-conclusion"
            step_members[index].role = role
        argument.pcs = steps
        argument.pcs_span = _new_span(Span, (self.name, start_line, 1, end_line, 1))

    # -- elements ----------------------------------------------------------------

    def finish_element(self, element: _Element, pcs_argument: str | None = None) -> str | None:
        """Create the statement or argument member for an element; return its node id."""
        if len(element.lines) == 1:
            simple = _SIMPLE_ELEMENT.match(element.lines[0])
            if simple is not None and (pcs_argument is None or simple.group(1) is None):
                node = self.simple_element(element.lines[0], element.line, element.col, simple, pcs_argument)
                element.end_line = element.line
                element.end_col = self.end_col
                return node
        raw = "\n".join(element.lines)
        element.end_line = element.line + len(element.lines) - 1
        if element.index >= 0 and element.index + len(element.lines) - 1 < len(self.linenos):
            element.end_line = self.linenos[element.index + len(element.lines) - 1]
        last = element.lines[-1]
        element.end_col = (element.col + len(last) - 1) if len(element.lines) == 1 else len(last)
        line, col = element.line, element.col
        span = Span(self.name, line, col, element.end_line, max(element.end_col, 1))
        head = _ARGUMENT_DEF.match(raw) if raw.startswith("<") else None
        kind = "statement"
        title: str | None = None
        is_reference = False
        rest = raw
        if head is not None and pcs_argument is None:
            kind, title, rest = "argument", head.group(1), raw[head.end() :]
        elif raw.startswith("<") and pcs_argument is None:
            ref = _ARGUMENT_REF.match(raw)
            if ref is not None:
                kind, title, rest, is_reference = "argument", ref.group(1), raw[ref.end() :], True
            elif raw.startswith("<") and not raw.startswith("<!") and ">" not in raw.split("\n", 1)[0]:
                self.report("AM011", Severity.ERROR, "unclosed '<': argument title has no closing '>'", line, col)
        elif raw.startswith("["):
            definition = _STATEMENT_DEF.match(raw)
            if definition is not None:
                title, rest = definition.group(1), raw[definition.end() :]
            else:
                ref = _STATEMENT_REF.match(raw)
                if ref is not None:
                    title, rest, is_reference = ref.group(1), raw[ref.end() :], True
                elif not _LINK.match(raw) and "]" not in raw.split("\n", 1)[0]:
                    self.report("AM011", Severity.ERROR, "unclosed '[': statement title has no closing ']'", line, col)
        elif raw.startswith("<") and pcs_argument is not None:
            self.report(
                "AM015",
                Severity.ERROR,
                "an argument cannot be a premise or conclusion; PCS lines hold statements",
                line,
                col,
            )
        if _INLINE_SPECIAL.search(rest) is None:
            # Fast path (most lines of a large map): no data, tags, mentions or markup.
            data: dict[str, Any] = {}
            tags: list[str] = []
            text = " ".join(rest.split())
            if text.count(".") > 1 or text.count(":") > 1:
                text = _shortcodes(text)
        else:
            rest, data = self.extract_data(rest, line, col)
            # A link's "(#anchor)" is not a tag.
            tags = _tags(_LINK.sub(r"\1", rest) if "](" in rest else rest)
            self.mentions(rest, line, col)
            text = _clean_text(rest)
        if title is not None:
            title = _unescape(title).strip()
        if kind == "argument":
            assert title is not None
            arg_member = ArgumentMember(
                text="" if is_reference else text,
                span=span,
                is_reference=is_reference,
                section=self.section,
                tags=tags or (),
                data=data or NO_DATA,
            )
            return self.add_argument(title, arg_member).node
        if title is None:
            if not text and not data and not tags:
                if raw.strip():
                    return None
                self.report("AM013", Severity.ERROR, "empty statement", line, col)
                return None
            self.untitled += 1
            title = f"Untitled {self.untitled}"
            untitled = True
        else:
            untitled = False
        member = StatementMember(
            text="" if is_reference else text,
            span=span,
            is_reference=is_reference,
            section=self.section,
            tags=tags or (),
            data=data or NO_DATA,
            role="statement",
            argument=pcs_argument,
        )
        return self.add_statement(title, member, untitled)

    def simple_element(
        self, line: str, lineno: int, col: int, match: re.Match[str], pcs_argument: str | None
    ) -> str:
        """Fast path for one-line ``[T]``, ``<T>``, ``[T]: text``, ``<T>: text`` without markup.

        ``line`` is the element's text, which starts at ``col``; ``match`` is
        :data:`_SIMPLE_ELEMENT`'s on it.  Most lines of a large map look like this, and
        the callers take this path before making an :class:`_Element`; it is about twice
        as fast as the general path.  Same result as :meth:`finish_element`.  Sets
        :attr:`end_col` to the element's last column."""
        end_col = self.end_col = max(col + len(line.rstrip()) - 1, 1)
        span = _new_span(Span, (self.name, lineno, col, lineno, end_col))
        argument_title, statement_title, colon, text, tag_text = match.groups()
        is_reference = colon is None
        tags: Sequence[str] = ()
        if tag_text:
            tags = self.tag_lists.get(tag_text) or self.tag_lists.setdefault(
                tag_text, tuple(dict.fromkeys(_SIMPLE_TAG.findall(tag_text)))
            )
            if text is not None:
                text += tag_text  # Argdown keeps tags in the text of a definition
        if is_reference or not text:
            text = ""  # a reference has no text of its own
        else:
            text = " ".join(text.split())
            if text.count(".") > 1 or text.count(":") > 1:
                text = _shortcodes(text)
        if argument_title is not None:
            member = ArgumentMember(text, span, is_reference, self.section, tags, NO_DATA)
            return self.add_argument(argument_title.strip(), member).node
        statement_member = StatementMember(
            text, span, is_reference, self.section, tags, NO_DATA, "statement", pcs_argument
        )
        title = statement_title.strip()
        statement = self.amap.statements.get(title)
        if statement is None:
            return self.add_statement(title, statement_member, False)
        # add_statement's common case, inline: a statement seen before.
        self.last_statement = statement
        statement.members.append(statement_member)
        return statement.node

    def mentions(self, text: str, line: int, col: int) -> None:
        if "@" not in text:
            return
        for m in _MENTION.finditer(text):
            node = statement_node(_unescape(m.group(1))) if m.group(1) else argument_node(_unescape(m.group(2)))
            ln, c = _position(text, m.start(), line, col)
            self.amap.mentions.append((node, Span(self.name, ln, c, ln, c + len(m.group(0)) - 1)))

    # -- YAML data ---------------------------------------------------------------

    def extract_data(self, text: str, line: int, col: int) -> tuple[str, dict[str, Any]]:
        """Split ``text {yaml}`` into the text and the parsed data."""
        brace = _data_brace(text)
        if brace == -1:
            return text, {}
        end = _matching_brace(text, brace)
        ln, c = _position(text, brace, line, col)
        if end == -1:
            self.report("AM011", Severity.ERROR, "unclosed '{': data block has no closing '}'", ln, c)
            return text[:brace], {}
        body = text[brace : end + 1]
        rest = text[:brace] + text[end + 1 :]
        if len(body) > MAX_YAML_CHARS:
            self.report("AM014", Severity.ERROR, "data block too large (over 1 MB)", ln, c)
            return rest, {}
        inner = body[1:-1]
        source = inner if inner.startswith(("\n", "\r")) else body
        try:
            value = load_yaml(source) if source.strip() else {}
        except yaml.YAMLError as error:
            problem = getattr(error, "problem", None) or str(error).splitlines()[0]
            self.report(
                "AM014",
                Severity.ERROR,
                f"invalid YAML data: {problem}",
                ln,
                c,
                hint="put a space after every colon: {key: value}",
            )
            return rest, {}
        except RecursionError:
            self.report("AM014", Severity.ERROR, "invalid YAML data: nested too deeply", ln, c)
            return rest, {}
        if value is None:
            value = {}
        if not isinstance(value, dict):
            self.report(
                "AM014",
                Severity.ERROR,
                f"YAML data must be a mapping ({{key: value}}), not {type(value).__name__}",
                ln,
                c,
            )
            return rest, {}
        return rest, {str(k): v for k, v in value.items()}


# -- helpers --------------------------------------------------------------------


def _pcs_number(digits: str) -> int:
    """The number of a PCS line ``(n)``.  Python refuses to turn more than 4,300 digits
    into an int (a ValueError); so absurdly long numbers are read as 0, which the
    numbering check (AM016) then reports at that line."""
    return int(digits) if len(digits) <= 18 else 0


def _loader_without_timestamps(base: Any) -> Any:
    """``base`` without YAML's implicit timestamps: ``{date: 2016-09-19}`` keeps the date
    as the text written, a string every export format can hold."""

    class DataLoader(base):  # type: ignore[misc]
        pass

    DataLoader.yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return DataLoader


# libyaml's loader when PyYAML was built with it (its wheels are) is about ten times
# faster than the pure-Python one, which was 8 of the 13 ms that parsing the shipped map
# took.  But libyaml's composer recurses in C without a limit: 50,000 nested "[" crash
# the process.  So it only gets texts too short to nest that deep (tested safe at 10,000
# levels); longer ones go to the Python loader, which raises RecursionError instead.
_FAST_LOADER = _loader_without_timestamps(getattr(yaml, "CSafeLoader", yaml.SafeLoader))
_SAFE_LOADER = _loader_without_timestamps(yaml.SafeLoader)
FAST_YAML_MAX_CHARS = 2_000


def load_yaml(source: str) -> Any:
    """Parse a YAML data block or front matter into values JSON can hold.

    Dates stay text (see :func:`_loader_without_timestamps`); what only an explicit tag
    makes is turned into its nearest JSON value: ``!!timestamp`` into ISO 8601 text,
    ``!!binary`` into base64 text, ``!!set`` into a sorted list; mapping keys become
    strings.  So every writer (Argdown JSON, argmap JSON, AIF, GraphML...) can write any
    map.  Too deep a nesting raises RecursionError, never crashes."""
    loader = _FAST_LOADER if len(source) <= FAST_YAML_MAX_CHARS else _SAFE_LOADER
    return _json_value(yaml.load(source, Loader=loader))  # a SafeLoader: no Python objects


def _json_value(value: Any) -> Any:
    if isinstance(value, dict):
        return {(k if isinstance(k, str) else str(k)): _json_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_value(v) for v in value]
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, (set, frozenset)):
        return sorted((_json_value(v) for v in value), key=repr)
    if isinstance(value, tuple):
        return [_json_value(v) for v in value]
    return value


def _gather(lines: list[str], i: int, element: _Element) -> int:
    """Add the lines from ``i`` on that continue ``element`` (a relation child or PCS line);
    return the index of the first line after them.  Inside an open ``{`` data block every
    line continues it; otherwise an empty line or a new child ends it."""
    n = len(lines)
    while i < n:
        line = lines[i]
        # The brace test reads all the lines so far: only for a line that could end them.
        if (not line.strip() or _CHILD_START.match(line)) and not _in_open_data(element):
            break
        element.lines.append(line.rstrip())
        i += 1
    return i


def _matching_brace(text: str, start: int) -> int:
    depth = 0
    quote = ""
    i = start
    n = len(text)
    while i < n:
        ch = text[i]
        if quote:
            if ch == "\\" and quote == '"':
                i += 2
                continue
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            # Apostrophes inside words are not YAML quotes.
            if ch == '"' or (i == 0 or not text[i - 1].isalnum()):
                quote = ch
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _in_open_data(element: _Element) -> bool:
    """:func:`_open_brace` of the element's lines, without reading them all again when the
    block was open before and no line since holds a ``}`` (a long YAML list inside a
    data block would otherwise be read once per item: quadratic)."""
    lines = element.lines
    seen = element.open_lines
    if seen and not any("}" in line for line in lines[seen:]):
        element.open_lines = len(lines)
        return True
    result = _open_brace(lines)
    element.open_lines = len(lines) if result else 0
    return result


def _open_brace(lines: list[str]) -> bool:
    """True while an element's text has a ``{`` data block that is not closed yet."""
    if len(lines) == 1 and "{" not in lines[0]:
        return False
    text = "\n".join(lines)
    brace = _data_brace(text)
    return brace != -1 and _matching_brace(text, brace) == -1


def _data_brace(text: str) -> int:
    """Index of the first ``{`` that is not escaped as ``\\{`` (-1 if none)."""
    brace = text.find("{")
    while brace > 0 and text[brace - 1] == "\\":
        backslashes = len(text[:brace]) - len(text[:brace].rstrip("\\"))
        if backslashes % 2 == 0:
            break
        brace = text.find("{", brace + 1)
    return brace


def _position(text: str, offset: int, line: int, col: int) -> tuple[int, int]:
    """Line and column of ``offset`` in an element's text that started at (line, col)."""
    newlines = text.count("\n", 0, offset)
    if newlines == 0:
        return line, col + offset
    return line + newlines, offset - text.rfind("\n", 0, offset)


def _tags(text: str) -> list[str]:
    if "#" not in text:
        return []
    tags: dict[str, None] = {}
    for m in _TAG.finditer(text):
        tag = m.group(1) if m.group(1) is not None else m.group(2)
        if tag:
            tags.setdefault(tag.strip(), None)
    return list(tags)


def _rules(text: str) -> list[str]:
    return [r.strip() for r in text.replace("\n", ",").split(",") if r.strip()]


def _shortcode(match: re.Match[str]) -> str:
    token = match.group(0)
    return _SHORTCODES.get(token, token)


def escape_shortcodes(text: str) -> str:
    """``text`` (Argdown source text) with a backslash before every shortcode that
    :func:`_shortcodes` would replace, so that it reads as written: how the Argdown writer
    keeps ".+1." or ":love:" that came as plain text from another format."""
    if _SHORTCODE_HINT.search(text) is None:
        return text
    while True:
        found = False

        def escape(match: re.Match[str]) -> str:
            nonlocal found
            token = match.group(0)
            if token in _SHORTCODES:
                found = True
                return "\\" + token
            return token

        escaped = _SPECIAL_TOKEN.sub(escape, text)
        if not found:
            return text
        # An escaped token can bring the next one into view (".-1.+1.": "\.-1.+1." reads
        # ".+1."): again until the parser finds none.
        text = escaped


def _shortcodes(text: str) -> str:
    """Replace Argdown's special-character shortcodes (``.~.`` -> ¬) in ``text``."""
    if _SHORTCODE_HINT.search(text) is None:
        return text
    return _SPECIAL_TOKEN.sub(_shortcode, text)


def _unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text


def _clean_text(text: str) -> str:
    """Fold white space and reduce inline Markdown to its words, as Argdown does."""
    if "[" in text:
        text = _LINK.sub(r"\1", text)
    if "*" in text or "_" in text:
        # Twice: "****bold****" is bold inside bold, and Argdown keeps neither pair.
        text = _BOLD.sub(r"\2", _BOLD.sub(r"\2", text))
        text = _ITALIC.sub(r"\2", text)
    if text.count(".") > 1 or text.count(":") > 1:
        text = _shortcodes(text)
    text = _unescape(text)
    return _WHITESPACE.sub(" ", text).strip()


def comments(text: str) -> Iterator[tuple[int, int, str, bool]]:
    """Every comment (``//``, ``/* */``, ``<!-- -->``) as (start, end, opening token, closed).

    The one scanner for comments: the parser blanks them out, the Argdown writer keeps
    them.  An unclosed block comment runs to the end of the text."""
    pos = 0
    n = len(text)
    while pos < n:
        m = _COMMENT_START.search(text, pos)
        if m is None:
            return
        start = m.start()
        token = m.group(0)
        if start and text[start - 1] == "\\" and _escaped(text, start):
            # "\<!--" and "\/*" are escaped characters, not comments (as in Argdown, whose
            # lexer reads an escape before it can see a comment): how argmap writes text
            # that holds a comment opener.
            pos = start + 1
            continue
        closed = True
        if token == "//":
            end = text.find("\n", start)
            end = n if end == -1 else end
        else:
            closer = "*/" if token == "/*" else "-->"
            close = text.find(closer, start + len(token))
            closed = close != -1
            end = close + len(closer) if closed else n
        yield start, end, token, closed
        pos = end


def _escaped(text: str, index: int) -> bool:
    """Whether ``text[index]`` follows an odd number of backslashes (is escaped)."""
    k = index
    while k and text[k - 1] == "\\":
        k -= 1
    return (index - k) % 2 == 1


def comment_regions(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of every comment in ``text``."""
    return [(start, end) for start, end, _, _ in comments(text)]


def strip_comments(text: str, report: Any) -> str:
    """Blank out comments, keeping every newline so positions stay true."""
    if "/" not in text and "<!--" not in text:
        return text
    out: list[str] = []
    pos = 0
    for start, end, token, closed in comments(text):
        if not closed:
            line = text.count("\n", 0, start) + 1
            col = start - text.rfind("\n", 0, start)
            closer = "*/" if token == "/*" else "-->"
            report(line, col, f"unclosed comment: '{token}' has no closing '{closer}'")
        out.append(text[pos:start])
        chunk = text[start:end]
        out.append(re.sub(r"[^\n]", " ", chunk) if "\n" in chunk else " " * len(chunk))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def decode(data: bytes, name: str) -> tuple[str, list[Diagnostic]]:
    """Bytes to text; invalid UTF-8 is replaced and reported, never fatal."""
    diagnostics: list[Diagnostic] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        diagnostics.append(
            Diagnostic(
                "AM001",
                Severity.ERROR,
                f"invalid UTF-8 (byte 0x{data[error.start]:02x}); undecodable bytes were replaced with U+FFFD",
                Span(name, line, col, line, col),
                "save the file as UTF-8",
            )
        )
        text = data.decode("utf-8", "replace")
    return text, diagnostics


def parse(text: str, name: str = "<text>") -> tuple[ArgumentMap, list[Diagnostic]]:
    """Parse Argdown text. Never raises on any input: problems come back as diagnostics."""
    return _parse_owned([text], name)


def _parse_owned(box: list[str], name: str) -> tuple[ArgumentMap, list[Diagnostic]]:
    """:func:`parse` of the text in ``box``, which it takes out of the box.

    When the box held the only reference, the text is freed as soon as it is split
    into lines, before the model is built: 23 MB less at the peak for a 23 MB file."""
    text = box.pop()
    amap = ArgumentMap(name)
    parser = _Parser(name, amap)
    if "\x00" in text:
        offset = text.index("\x00")
        line = text.count("\n", 0, offset) + 1
        parser.report(
            "AM002",
            Severity.ERROR,
            "binary data (NUL byte): this does not look like an Argdown text file",
            line,
            offset - text.rfind("\n", 0, offset),
        )
        return amap, parser.diagnostics
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")

    def comment_error(line: int, col: int, message: str) -> None:
        parser.report("AM011", Severity.ERROR, message, line, col)

    stripped = strip_comments(text, comment_error)
    lines = stripped.split("\n")
    if stripped is not text:
        # A line that held only a comment is not an empty line: Argdown drops it, so a
        # comment between a parent and its relations does not end the block.
        original = text.split("\n")
        keep = [i for i, line in enumerate(lines) if line.strip() or not original[i].strip()]
        if len(keep) != len(lines):
            lines = [lines[i] for i in keep]
            parser.linenos = [i + 1 for i in keep]
        del original
    del text, stripped
    if not parser.linenos:
        # A range, not a list: a list would hold an int for every line, blank ones too,
        # at the peak.  A range makes a new int at each look-up, so each line's number is
        # looked up once and shared by the spans on that line.
        parser.linenos = range(1, len(lines) + 1)
    first = _frontmatter(lines, parser)
    mode = parser.amap.frontmatter.get("model")
    if isinstance(mode, dict) and mode.get("mode") == "strict":
        parser.strict = True
    with paused_gc():
        parser.run(lines, first)
        amap.build_graph(parser.nodes, parser.succ, parser.pred)
    return amap, parser.diagnostics


def _frontmatter(lines: list[str], parser: _Parser) -> int:
    """Read ``===`` front matter at the top; return the index of the first line after it."""
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i >= len(lines) or not _FRONTMATTER_FENCE.match(lines[i]):
        return 0
    start = i
    j = i + 1
    while j < len(lines) and not _FRONTMATTER_FENCE.match(lines[j]):
        j += 1
    if j >= len(lines):
        parser.report("AM017", Severity.ERROR, "front matter has no closing '===' line", parser.linenos[start], 1)
        return len(lines)
    body = "\n".join(lines[start + 1 : j])
    try:
        value = load_yaml(body) if body.strip() else {}
    except (yaml.YAMLError, RecursionError) as error:
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        parser.report("AM014", Severity.ERROR, f"invalid YAML in front matter: {problem}", parser.linenos[start], 1)
        value = {}
    if isinstance(value, dict):
        parser.amap.frontmatter = {str(k): v for k, v in value.items()}
    elif value is not None:
        parser.report("AM014", Severity.ERROR, "front matter must be a YAML mapping", parser.linenos[start], 1)
    after = j + 1
    if after < len(lines) and lines[after].strip():
        # Argdown: "Expecting an empty line" after the closing fence.
        parser.report(
            "AM015",
            Severity.ERROR,
            "front matter must be followed by an empty line",
            parser.linenos[after],
            1,
            hint="insert an empty line after the closing '==='",
        )
    elif not any(line.strip() for line in lines[after:]):
        # Argdown rejects a document that is only front matter.
        parser.report(
            "AM015",
            Severity.ERROR,
            "front matter with nothing after it: Argdown expects an empty line and then the map",
            parser.linenos[j],
            1,
        )
    return after


def parse_bytes(data: bytes, name: str = "<bytes>") -> tuple[ArgumentMap, list[Diagnostic]]:
    box = [data]
    del data
    return _parse_owned_bytes(box, name)


def _parse_owned_bytes(box: list[bytes], name: str) -> tuple[ArgumentMap, list[Diagnostic]]:
    """:func:`parse_bytes` of the bytes in ``box``: they are freed once decoded when
    the box held the only reference (see :func:`_parse_owned`)."""
    data = box.pop()
    if b"\x00" in data:
        return parse(data.decode("latin-1"), name)  # reports AM002 (binary) and nothing else
    text, diagnostics = decode(data, name)
    del data
    text_box = [text]
    del text
    amap, more = _parse_owned(text_box, name)
    return amap, diagnostics + more


def parse_file(path: str | Path) -> tuple[ArgumentMap, list[Diagnostic]]:
    """Read and parse a file; an unreadable path is a diagnostic, not an exception."""
    path = Path(path)
    name = str(path)
    box: list[bytes] = []
    try:
        box.append(path.read_bytes())
    except IsADirectoryError:
        return ArgumentMap(name), [_io_error(name, "is a directory, not an Argdown file")]
    except FileNotFoundError:
        return ArgumentMap(name), [_io_error(name, "no such file")]
    except PermissionError:
        return ArgumentMap(name), [_io_error(name, "permission denied")]
    except OSError as error:
        return ArgumentMap(name), [_io_error(name, error.strerror or str(error))]
    return _parse_owned_bytes(box, name)


def _io_error(name: str, message: str) -> Diagnostic:
    return Diagnostic("AM000", Severity.ERROR, f"cannot read {name}: {message}", None)
