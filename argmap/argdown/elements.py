"""Elements of an Argdown map being read: the reader's state, and how one statement or
argument (its title, text, tags, mentions and data) becomes a member of the model.

:class:`ElementReader` holds what the whole read builds (the model's records and the
plain adjacency dicts that :meth:`~argmap.model.ArgumentMap.build_graph` adopts at
the end) and finishes one element at a time; the block readers
(:mod:`argmap.argdown.trees`, :mod:`argmap.argdown.blocks`) build on it.
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from argmap.argdown.data import MAX_YAML_CHARS, data_brace, load_yaml, matching_brace, open_brace
from argmap.argdown.inline import (
    INLINE_SPECIAL,
    LINK,
    MENTION,
    SIMPLE_TAG,
    clean_text,
    position,
    read_tags,
    replace_shortcodes,
    unescape,
)
from argmap.argdown.patterns import (
    ARGUMENT_DEF,
    ARGUMENT_REF,
    CHILD_START,
    ELEMENT_START,
    RELATION_SYMBOLS,
    SIMPLE_ELEMENT,
    STATEMENT_DEF,
    STATEMENT_REF,
)
from argmap.diagnostics import Diagnostic
from argmap.graph_attributes import EdgeRelations, NodeAttributes
from argmap.model import (
    NO_DATA,
    TYPE_NAME,
    Argument,
    ArgumentMap,
    ArgumentMember,
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
from argmap.rules.registry import Rule
from argmap.rules.syntax import AM011, AM013, AM014, AM015, AM026, AM027

new_span = tuple.__new__
"""``new_span(Span, (file, line, col, end_line, end_col))`` makes a :class:`Span` without
calling ``Span.__new__``, a Python function: the hot paths make one or more per line."""


@dataclass(slots=True)
class Element:
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
    (0: not seen open; see :func:`in_open_data`)."""


@dataclass(slots=True)
class TreeEntry:
    indent: int
    node: str
    child_indent: int = -1
    pcs_argument: str | None = None
    """Set for PCS lines and inferences: the argument whose PCS they belong to."""
    is_inference: bool = False


@dataclass
class ElementReader:
    """The state of one read, and the element-level steps of the reader."""

    name: str
    amap: ArgumentMap
    diagnostics: list[Diagnostic] = field(default_factory=list)
    strict: bool = False
    untitled: int = 0
    section: str | None = None
    section_stack: list[Section] = field(default_factory=list)
    section_count: int = 0
    nodes: dict[str, MutableMapping[str, Any]] = field(default_factory=dict)
    """Node attributes by node id, in the order nodes first appear (the graph is built
    once, at the end, from these three dicts)."""
    succ: dict[str, dict[str, MutableMapping[str, Relation]]] = field(default_factory=dict)
    pred: dict[str, dict[str, MutableMapping[str, Relation]]] = field(default_factory=dict)
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
        rule: Rule,
        message: str,
        line: int,
        col: int,
        end_line: int | None = None,
        end_col: int | None = None,
        hint: str | None = None,
    ) -> None:
        """A diagnostic of ``rule`` at this place of the file."""
        self.diagnostics.append(rule(message, Span(self.name, line, col, end_line or line, end_col or col), hint))

    def relate(self, parent: TreeEntry, symbol: str, child: str, span: Span) -> None:
        kind, child_is_source = RELATION_SYMBOLS[symbol]
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
            if not is_argument_node(target):
                self.diagnostics.append(
                    AM027(
                        "undercut of a statement: Argdown aims it at the inference of an argument "
                        "(the one concluding the statement, else the last one reconstructed)",
                        span,
                        "write the undercut below the argument or its inference line",
                    )
                )
        else:
            rtype = RelationType.CONTRADICTION
            if not both_statements:
                self.diagnostics.append(
                    AM026(
                        "contradiction with an argument: Argdown rejects it; argmap reads it as written",
                        span,
                        "contradict the argument's conclusion, or attack the argument with '-'",
                    )
                )
        self.add_relation(rtype, source, target, span)

    def add_relation(self, rtype: RelationType, source: str, target: str, span: Span, derived: bool = False) -> None:
        # Fill networkx-shaped adjacency dicts directly; ArgumentMap.build_graph adopts
        # them.  Both nodes exist already: add_statement/add_argument gave them entries.
        targets = self.succ[source]
        attrs = targets.get(target)
        if attrs is None:
            made = Relation(rtype, source, target, span, derived)
            targets[target] = self.pred[target][source] = EdgeRelations(made)
            return
        relation = attrs.get(rtype)
        if relation is None:
            attrs[TYPE_NAME[rtype]] = Relation(rtype, source, target, span, derived)
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
            self.nodes[node] = NodeAttributes(statement)
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
            self.nodes[node] = NodeAttributes(argument)
            self.succ[node] = {}
            self.pred[node] = {}
        elif member is not None:
            argument.members.append(member)
        return argument

    # -- elements ----------------------------------------------------------------

    def finish_element(self, element: Element, pcs_argument: str | None = None) -> str | None:
        """Create the statement or argument member for an element; return its node id."""
        if len(element.lines) == 1:
            simple = SIMPLE_ELEMENT.match(element.lines[0])
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
        head = ARGUMENT_DEF.match(raw) if raw.startswith("<") else None
        kind = "statement"
        title: str | None = None
        is_reference = False
        rest = raw
        if head is not None and pcs_argument is None:
            kind, title, rest = "argument", head.group(1), raw[head.end() :]
        elif raw.startswith("<") and pcs_argument is None:
            ref = ARGUMENT_REF.match(raw)
            if ref is not None:
                kind, title, rest, is_reference = "argument", ref.group(1), raw[ref.end() :], True
            elif raw.startswith("<") and not raw.startswith("<!") and ">" not in raw.split("\n", 1)[0]:
                self.report(AM011, "unclosed '<': argument title has no closing '>'", line, col)
        elif raw.startswith("["):
            definition = STATEMENT_DEF.match(raw)
            if definition is not None:
                title, rest = definition.group(1), raw[definition.end() :]
            else:
                ref = STATEMENT_REF.match(raw)
                if ref is not None:
                    title, rest, is_reference = ref.group(1), raw[ref.end() :], True
                elif not LINK.match(raw) and "]" not in raw.split("\n", 1)[0]:
                    self.report(AM011, "unclosed '[': statement title has no closing ']'", line, col)
        elif raw.startswith("<") and pcs_argument is not None:
            self.report(
                AM015,
                "an argument cannot be a premise or conclusion; PCS lines hold statements",
                line,
                col,
            )
        if INLINE_SPECIAL.search(rest) is None:
            # Fast path (most lines of a large map): no data, tags, mentions or markup.
            data: dict[str, Any] = {}
            tags: list[str] = []
            text = " ".join(rest.split())
            if text.count(".") > 1 or text.count(":") > 1:
                text = replace_shortcodes(text)
        else:
            # Where ``rest`` starts in the file, for the places of its data and mentions.
            rest_line, rest_col = position(raw, len(raw) - len(rest), line, col)
            rest, data = self.extract_data(rest, rest_line, rest_col)
            # A link's "(#anchor)" is not a tag.
            tags = read_tags(LINK.sub(r"\1", rest) if "](" in rest else rest)
            self.mentions(rest, rest_line, rest_col)
            text = clean_text(rest)
        if title is not None:
            title = unescape(title).strip()
        # What both kinds of member hold: text (a reference has none of its own), span,
        # is_reference, section, tags, data.
        common = ("" if is_reference else text, span, is_reference, self.section, tags or (), data or NO_DATA)
        if kind == "argument":
            assert title is not None
            return self.add_argument(title, ArgumentMember(*common)).node
        if title is None:
            if not text and not data and not tags:
                if raw.strip():
                    return None
                self.report(AM013, "empty statement", line, col)
                return None
            self.untitled += 1
            title = f"Untitled {self.untitled}"
            untitled = True
        else:
            untitled = False
        return self.add_statement(title, StatementMember(*common, "statement", pcs_argument), untitled)

    def simple_element(self, line: str, lineno: int, col: int, match: re.Match[str], pcs_argument: str | None) -> str:
        """Fast path for one-line ``[T]``, ``<T>``, ``[T]: text``, ``<T>: text`` without markup.

        ``line`` is the element's text, which starts at ``col``; ``match`` is
        :data:`SIMPLE_ELEMENT`'s on it.  Most lines of a large map look like this, and
        the callers take this path before making an :class:`Element`, which the general
        path needs.  Same result as :meth:`finish_element`.  Sets
        :attr:`end_col` to the element's last column."""
        end_col = self.end_col = max(col + len(line.rstrip()) - 1, 1)
        span = new_span(Span, (self.name, lineno, col, lineno, end_col))
        argument_title, statement_title, colon, text, tag_text = match.groups()
        is_reference = colon is None
        tags: Sequence[str] = ()
        if tag_text:
            tags = self.tag_lists.get(tag_text) or self.tag_lists.setdefault(
                tag_text, tuple(dict.fromkeys(SIMPLE_TAG.findall(tag_text)))
            )
            if text is not None:
                text += tag_text  # Argdown keeps tags in the text of a definition
        if is_reference or not text:
            text = ""  # a reference has no text of its own
        else:
            text = " ".join(text.split())
            if text.count(".") > 1 or text.count(":") > 1:
                text = replace_shortcodes(text)
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
        for m in MENTION.finditer(text):
            node = statement_node(unescape(m.group(1))) if m.group(1) else argument_node(unescape(m.group(2)))
            ln, c = position(text, m.start(), line, col)
            self.amap.mentions.append((node, Span(self.name, ln, c, ln, c + len(m.group(0)) - 1)))

    # -- YAML data ---------------------------------------------------------------

    def extract_data(self, text: str, line: int, col: int) -> tuple[str, dict[str, Any]]:
        """Split ``text {yaml}`` into the text and the parsed data."""
        brace = data_brace(text)
        if brace == -1:
            return text, {}
        end = matching_brace(text, brace)
        ln, c = position(text, brace, line, col)
        if end == -1:
            self.report(AM011, "unclosed '{': data block has no closing '}'", ln, c)
            return text[:brace], {}
        body = text[brace : end + 1]
        rest = text[:brace] + text[end + 1 :]
        if len(body) > MAX_YAML_CHARS:
            self.report(AM014, "data block too large (over 1 MB)", ln, c)
            return rest, {}
        inner = body[1:-1]
        source = inner if inner.startswith(("\n", "\r")) else body
        try:
            value = load_yaml(source) if source.strip() else {}
        except yaml.YAMLError as error:
            problem = getattr(error, "problem", None) or str(error).splitlines()[0]
            self.report(
                AM014,
                f"invalid YAML data: {problem}",
                ln,
                c,
                hint="put a space after every colon: {key: value}",
            )
            return rest, {}
        except RecursionError:
            self.report(AM014, "invalid YAML data: nested too deeply", ln, c)
            return rest, {}
        if value is None:
            value = {}
        if not isinstance(value, dict):
            self.report(
                AM014,
                f"YAML data must be a mapping ({{key: value}}), not {type(value).__name__}",
                ln,
                c,
            )
            return rest, {}
        return rest, {str(k): v for k, v in value.items()}


def gather(lines: list[str], i: int, element: Element) -> int:
    """Add the lines from ``i`` on that continue ``element`` (a relation child or PCS line);
    return the index of the first line after them.  Inside an open ``{`` data block every
    line continues it; otherwise an empty line, a new child or a new element (a line that
    starts with a title, see :data:`ELEMENT_START`) ends it."""
    n = len(lines)
    while i < n:
        line = lines[i]
        # The brace test reads all the lines so far: only for a line that could end them.
        if (not line.strip() or CHILD_START.match(line) or ELEMENT_START.match(line)) and not in_open_data(element):
            break
        element.lines.append(line.rstrip())
        i += 1
    return i


def in_open_data(element: Element) -> bool:
    """:func:`open_brace` of the element's lines, without reading them all again when the
    block was open before and no line since holds a ``}`` (a long YAML list inside a
    data block would otherwise be read once per item: quadratic)."""
    lines = element.lines
    seen = element.open_lines
    if seen and not any("}" in line for line in lines[seen:]):
        element.open_lines = len(lines)
        return True
    result = open_brace(lines)
    element.open_lines = len(lines) if result else 0
    return result
