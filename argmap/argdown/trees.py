"""Relation trees and lists: the blocks whose lines are a statement or argument and
the relations indented below it.

A tree is read with an explicit stack of open elements, never by recursion, so any
depth of indentation costs a list entry, not a Python frame.  :meth:`TreeReader.plain_children`
is the fast path for the common one-level tree; it declines (-1) anything else.
"""

from __future__ import annotations

import re

from argmap.argdown.elements import Element, ElementReader, TreeEntry, gather, in_open_data, new_span
from argmap.argdown.patterns import (
    BAD_RELATION,
    CHILD_START,
    ELEMENT_START,
    INFERENCE,
    INFERENCE_EXPANDED,
    INFERENCE_INLINE,
    LIST_ITEM,
    PCS_LINE,
    RELATION,
    SIMPLE_ELEMENT,
)
from argmap.model import Span
from argmap.rules.syntax import AM010, AM012, AM015, AM018, AM020, AM021, AM025


class TreeReader(ElementReader):
    """Reads relation trees and lists (see the module docs)."""

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
            simple = SIMPLE_ELEMENT.match(line) if blank or CHILD_START.match(nxt) else None
            if simple is not None:
                node = self.simple_element(line, self.linenos[i], 1, simple, None)
                if blank:
                    return i + 1, node
                end = self.plain_children(lines, i + 1, node)
                if end >= 0:
                    return end, node
                return self.relation_tree(lines, i + 1, [TreeEntry(0, node)]), node
        indent = len(line) - len(line.lstrip(" \t"))
        start = i
        relation = RELATION.match(line)
        if relation and line[relation.end() :].strip():
            indent = relation.end()
        element = Element([line[indent:]], self.linenos[i], indent + 1, index=i)
        i += 1
        # First gather the root element's continuation lines.
        while i < n:
            line = lines[i]
            if not line.strip() or self.starts_child(line, element):
                break
            if ELEMENT_START.match(line) and not in_open_data(element):
                break  # a new element without an empty line: relation_tree reports it
            element.lines.append(line.rstrip())
            i += 1
        root = self.finish_element(element)
        if i == start + 1 and (i >= n or not lines[i].strip()):
            return i, root
        i = self.relation_tree(lines, i, [TreeEntry(indent, root)] if root else [])
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
            relation = RELATION.match(line)
            if relation is None:
                if line.strip():
                    return -1
                break
            start = relation.end()
            rest = line[start:]
            simple = SIMPLE_ELEMENT.match(rest)
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
        parent = TreeEntry(0, root)
        name, linenos, simple_element, relate = self.name, self.linenos, self.simple_element, self.relate
        for relation, simple, rest, k in rows:
            lineno = linenos[k]
            node = simple_element(rest, lineno, relation.end() + 1, simple, None)
            span = new_span(Span, (name, lineno, len(relation.group(1)) + 1, lineno, self.end_col))
            relate(parent, relation.group(2), node, span)
        return j

    def missing_empty_line(self, line: str, lineno: int) -> None:
        """Report a new element that starts right below another one (see AM021)."""
        self.report(
            AM021,
            "a new element starts here without the empty line Argdown needs before it",
            lineno,
            len(line) - len(line.lstrip()) + 1,
            hint="add an empty line before this line",
        )

    def check_tabs(self, indentation: str, seen: str, lineno: int) -> str:
        """Warn (AM025) where a relation's indentation mixes tabs and spaces, or uses the
        kind the lines above it in the tree did not; return the kinds seen now."""
        kinds = "".join(sorted(set(indentation) | set(seen)))
        if kinds == "\t ":
            self.report(
                AM025,
                "relation indented with tabs where other lines of its tree use spaces: "
                "the nesting may not be what an editor shows",
                lineno,
                1,
                hint="indent with spaces only (or tabs only)",
            )
        return kinds

    def starts_child(self, line: str, element: Element | None = None) -> bool:
        if CHILD_START.match(line) is None:
            return False
        # Inside a multi-line {data} block every line is data.  (Looked at only for a line
        # that could start a child: the look reads all the element's lines so far.)
        return element is None or not in_open_data(element)

    def relation_tree(self, lines: list[str], i: int, stack: list[TreeEntry]) -> int:
        """Read relation lines below the elements in ``stack`` until the block ends."""
        n = len(lines)
        indent_chars = ""  # the kinds of white space the tree's indentation used so far
        while i < n:
            line = lines[i]
            if not line.strip():
                break
            lineno = self.linenos[i]
            relation = RELATION.match(line)
            if relation is None or not line[relation.end() :].strip():
                if (
                    PCS_LINE.match(line)
                    or INFERENCE.match(line)
                    or INFERENCE_EXPANDED.match(line)
                    or INFERENCE_INLINE.match(line)
                ):
                    # A PCS line inside a relation tree: hand back to the caller.
                    return i
                if ELEMENT_START.match(line):
                    # A new element: never glued to the text above; read as a new block.
                    self.missing_empty_line(line, lineno)
                    return i
                bad = BAD_RELATION.match(line)
                if bad:
                    self.report(
                        AM012,
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
                    AM015,
                    "text in a relation tree that is neither a relation nor part of an element",
                    lineno,
                    len(line) - len(line.lstrip()) + 1,
                )
                i += 1
                continue
            indent = len(relation.group(1).expandtabs(4))
            if len(indent_chars) < 2 and relation.group(1).strip(indent_chars):
                # New white space in the indentation: warn once per tree when tabs and
                # spaces meet (see check_tabs).
                indent_chars = self.check_tabs(relation.group(1), indent_chars, lineno)
            symbol = relation.group(2)
            rest = line[relation.end() :]
            i += 1
            nxt = lines[i] if i < n else ""
            simple = SIMPLE_ELEMENT.match(rest) if not nxt.strip() or CHILD_START.match(nxt) else None
            child: Element | None = None
            node: str | None = None
            if simple is not None:
                # Fast path: a one-line child (see simple_element).
                node = self.simple_element(rest, lineno, relation.end() + 1, simple, None)
                end_line, end_col = lineno, self.end_col
            else:
                child = Element([rest], lineno, relation.end() + 1, role="statement", index=i - 1)
                i = gather(lines, i, child)
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
                    AM010,
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
                    AM020,
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
            span = new_span(Span, (self.name, lineno, len(relation.group(1)) + 1, end_line, end_col))
            self.relate(parent, symbol, node, span)
            stack.append(TreeEntry(indent, node))
        return i

    # -- lists -------------------------------------------------------------------

    def list_block(self, lines: list[str], i: int) -> int:
        n = len(lines)
        base: int | None = None
        while i < n and lines[i].strip():
            line = lines[i]
            item = LIST_ITEM.match(line)
            if item is None:
                i += 1
                continue
            if base is None:
                base = len(item.group(1))
            if len(item.group(1)) > base:
                self.report(
                    AM018,
                    "nested lists are not supported by Argdown; this item is read as a top-level item",
                    self.linenos[i],
                    len(item.group(1)) + 1,
                )
            element = Element([line[item.end() :]], self.linenos[i], item.end() + 1, index=i)
            i += 1
            while i < n and lines[i].strip() and not LIST_ITEM.match(lines[i]):
                if self.starts_child(lines[i], element):
                    break
                element.lines.append(lines[i].rstrip())
                i += 1
            node = self.finish_element(element)
            if node and i < n and lines[i].strip() and not LIST_ITEM.match(lines[i]):
                i = self.relation_tree(lines, i, [TreeEntry(len(item.group(1)), node)])
        return i
