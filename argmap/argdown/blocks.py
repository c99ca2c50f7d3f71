"""The block reader: the loop over a text's lines, headings, and premise-conclusion
structures (PCS).

Argdown is a block language: blank lines separate top-level blocks, and inside a
block each line is either a new child (a relation symbol, a PCS number ``(n)``, an
inference line, a list item) or a continuation of the element above it.  So a line
is classified by a few anchored regular expressions (:mod:`argmap.argdown.patterns`)
and nothing ever recurses.  :meth:`Parser.plain_pcs` is the fast path for a PCS of
plain references; it declines (-1) anything else.
"""

from __future__ import annotations

import re

from argmap.argdown.elements import Element, TreeEntry, gather, new_span
from argmap.argdown.inline import LINK, TAG, clean_text, read_rules, read_tags
from argmap.argdown.patterns import (
    BLOCK_START,
    CHILD_START,
    ELEMENT_START,
    HEADING,
    INFERENCE,
    INFERENCE_EXPANDED,
    INFERENCE_INLINE,
    LIST_ITEM,
    PCS_LINE,
    PCS_LINE_EMPTY,
    PCS_REFERENCE,
    RELATION,
    SIMPLE_ELEMENT,
    pcs_number,
)
from argmap.argdown.trees import TreeReader
from argmap.graph_attributes import EdgeRelations
from argmap.model import (
    NO_DATA,
    Argument,
    Inference,
    PcsStep,
    Relation,
    RelationType,
    Section,
    Span,
    StatementMember,
    is_argument_node,
)
from argmap.rules.syntax import AM013, AM015, AM016, AM024, AM028


class Parser(TreeReader):
    """Reads a whole text: :meth:`run` dispatches each top-level block."""

    # -- the main loop ---------------------------------------------------------

    def run(self, lines: list[str], first_line: int) -> None:
        n = len(lines)
        i = first_line
        previous_root: str | None = None  # root node of the previous top-level block
        read = i
        while i < n:
            if i - read >= 4096:
                # Nothing looks back at lines already read: freeing them as we go takes
                # the strings of a large file off the peak.
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
            heading = HEADING.match(line) if (first == "#" or (first in " \t" and line.lstrip()[:1] == "#")) else None
            if heading:
                # A heading runs on until the empty line, like a paragraph (Argdown).
                extra: list[str] = []
                i += 1
                while i < n and lines[i].strip() and not BLOCK_START.match(lines[i]):
                    extra.append(lines[i].strip())
                    i += 1
                self.heading(heading, lineno, extra)
                previous_root = None
                continue
            if PCS_LINE.match(line) or PCS_LINE_EMPTY.match(line):
                i = self.pcs_block(lines, i, previous_root)
                previous_root = None
                continue
            if LIST_ITEM.match(line):
                i = self.list_block(lines, i)
                previous_root = None
                continue
            relation = RELATION.match(line)
            if relation and not line[relation.end() :].strip():
                self.report(
                    AM015,
                    f"relation symbol '{relation.group(2)}' with nothing after it",
                    lineno,
                    len(relation.group(1)) + 1,
                )
                i += 1
                continue
            if relation and line[relation.end() :].strip():
                self.report(
                    AM015,
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
        tags = read_tags(LINK.sub(r"\1", text) if "](" in text else text)
        title = clean_text(TAG.sub("", text)) if tags else clean_text(text)
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

    # -- premise-conclusion structures -------------------------------------------

    def pcs_block(self, lines: list[str], i: int, previous_root: str | None) -> int:
        n = len(lines)
        start_line = self.linenos[i]
        if previous_root is not None and is_argument_node(previous_root):
            argument = self.amap.arguments[previous_root[1:-1]]
            if argument.pcs:
                self.report(
                    AM016,
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
        stack: list[TreeEntry] | None = None
        end_line = start_line
        first = i
        while i < n:
            line = lines[i]
            if not line.strip():
                break
            lineno = start_line if i == first else self.linenos[i]  # one int per line number
            end_line = lineno
            pcs = PCS_LINE.match(line)
            if pcs is None or pcs.end() == len(line):  # "(3)", "(3) ": no statement after the number
                pcs = None
                empty = PCS_LINE_EMPTY.match(line)
                if empty:
                    # Argdown reads an untitled statement without text.
                    self.report(
                        AM024,
                        f"PCS line ({empty.group(2)}) has no statement; read as an untitled statement without text",
                        lineno,
                        len(empty.group(1)) + 1,
                        hint="write the statement's text or a [Title] after the number",
                    )
                    node = self.empty_pcs_statement(lineno, len(line.rstrip()), argument.title)
                    statement = self.last_statement
                    assert statement is not None
                    member = statement.members[-1]
                    steps.append(
                        PcsStep(pcs_number(empty.group(2)), statement.title, "premise", member.span, pending_inference)
                    )
                    step_nodes.append(node)
                    step_members.append(member)
                    pending_inference = None
                    tree, stack = (len(empty.group(1).expandtabs(4)), node, False), None
                    i += 1
                    continue
            if pcs is not None:
                number = pcs_number(pcs.group(2))
                rest = line[pcs.end() :]
                i += 1
                nxt = lines[i] if i < n else ""
                simple = SIMPLE_ELEMENT.match(rest) if not nxt.strip() or CHILD_START.match(nxt) else None
                if simple is not None and simple.group(1) is None:
                    # Fast path: a one-line statement (see simple_element).
                    node = self.simple_element(rest, lineno, pcs.end() + 1, simple, argument.title)
                else:
                    element = Element([rest], lineno, pcs.end() + 1, index=i - 1)
                    i = gather(lines, i, element)
                    found = self.finish_element(element, pcs_argument=argument.title)
                    if found is None:
                        continue
                    node = found
                statement = self.last_statement
                assert statement is not None  # finish_element returned a statement's node
                member = statement.members[-1]
                # The step shares its member's span (from the statement, not the "(n)"):
                # a span of its own would cost memory on a large map.
                steps.append(PcsStep(number, statement.title, "premise", member.span, pending_inference))
                step_nodes.append(node)
                step_members.append(member)
                pending_inference = None
                tree, stack = (len(pcs.group(1).expandtabs(4)), node, False), None
                continue
            inference_span = new_span(Span, (self.name, lineno, 1, lineno, len(line)))
            if INFERENCE.match(line) and not self.opens_expanded_inference(lines, i):
                pending_inference = Inference(inference_span)
                tree, stack = (len(line) - len(line.lstrip()), arg_node, True), None
                i += 1
                continue
            inline = INFERENCE_INLINE.match(line)
            if inline:
                rules_text, data = self.extract_data(inline.group(1), lineno, inline.start(1) + 1)
                pending_inference = Inference(inference_span, read_rules(rules_text), data)
                tree, stack = (len(line) - len(line.lstrip()), arg_node, True), None
                i += 1
                continue
            if INFERENCE_EXPANDED.match(line) or INFERENCE.match(line):
                i, pending_inference = self.expanded_inference(lines, i)
                tree, stack = (len(line) - len(line.lstrip()), arg_node, True), None
                continue
            relation = RELATION.match(line)
            if relation and tree is not None:
                if stack is None:
                    stack = [TreeEntry(tree[0], tree[1], pcs_argument=arg_node, is_inference=tree[2])]
                i = self.relation_tree(lines, i, stack)
                continue
            if ELEMENT_START.match(line):
                # A new element without an empty line: the PCS ends here.
                self.missing_empty_line(line, lineno)
                break
            self.report(
                AM015,
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
            match = PCS_REFERENCE.match(line)
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
                inference = Inference(new_span(Span, (name, previous, 1, previous, 4)))
            number, _, title = match.groups()
            span = new_span(Span, (name, lineno, match.start(2) + 1, lineno, match.end(2)))
            member = StatementMember("", span, True, section, (), NO_DATA, "statement", pcs_argument)
            title = title.strip()
            statement = statements.get(title)
            if statement is None:
                self.add_statement(title, member, False)
                statement = statements[title]
            else:
                self.last_statement = statement
                statement.members.append(member)
            steps.append(PcsStep(pcs_number(number), statement.title, "premise", span, inference))
            step_nodes.append(statement.node)
            step_members.append(member)
        # The block ends with the last row: its line number, the very int its spans hold
        # (one more int per PCS otherwise).
        self.finish_pcs(argument, steps, step_nodes, step_members, None, start_line, lineno)
        return j

    def empty_pcs_statement(self, lineno: int, end_col: int, pcs_argument: str) -> str:
        """The untitled statement without text that Argdown reads for an empty PCS line ``(n)``."""
        self.untitled += 1
        span = Span(self.name, lineno, 1, lineno, max(end_col, 1))
        member = StatementMember("", span, False, self.section, (), NO_DATA, "statement", pcs_argument)
        return self.add_statement(f"Untitled {self.untitled}", member, True)

    def opens_expanded_inference(self, lines: list[str], i: int) -> bool:
        """A hyphen line followed by text (not a PCS line or relation) opens an expanded inference."""
        if i + 1 >= len(lines):
            return False
        nxt = lines[i + 1]
        if not nxt.strip() or PCS_LINE.match(nxt) or PCS_LINE_EMPTY.match(nxt):
            return False
        relation = RELATION.match(nxt)
        return not (relation and nxt[relation.end() :].strip())

    def expanded_inference(self, lines: list[str], i: int) -> tuple[int, Inference]:
        """``--`` / rules and data / ``--``."""
        n = len(lines)
        start = self.linenos[i]
        if not INFERENCE_EXPANDED.match(lines[i]):
            self.report(
                AM028,
                "text between inference lines of four hyphens: read as the inference's rules and data; "
                "Argdown rejects it",
                start,
                1,
                hint="open and close an inference with rules by '--' lines",
            )
        body: list[str] = []
        i += 1
        while i < n:
            line = lines[i]
            if INFERENCE_EXPANDED.match(line) or INFERENCE.match(line):
                i += 1
                break
            if not line.strip() or PCS_LINE.match(line) or PCS_LINE_EMPTY.match(line):
                self.report(
                    AM013,
                    "unclosed inference: expected a closing '--' line",
                    start,
                    1,
                )
                break
            body.append(line)
            i += 1
        rules_text, data = self.extract_data("\n".join(body), start + 1, 1)
        end = self.linenos[min(i, len(lines)) - 1]
        return i, Inference(Span(self.name, start, 1, end, 2), read_rules(rules_text), data)

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
                AM013,
                "inference line with no conclusion after it",
                trailing_inference.span.line,
                1,
            )
        if not steps:
            return
        if len(steps) < 2 or steps[-1].inference is None:
            last = steps[-1]
            self.report(
                AM013,
                f"premise-conclusion structure of <{argument.title}> has no conclusion: "
                "the last statement must follow an inference line",
                last.span.line,
                last.span.col,
                hint="put a line of four hyphens (----) before the conclusion",
            )
        for index, step in enumerate(steps):
            if step.number != index + 1:
                self.report(
                    AM016,
                    f"PCS statement numbered ({step.number}), expected ({index + 1})",
                    step.span.line,
                    step.span.col,
                )
                break
        last_index = len(steps) - 1
        arg_node = argument.node
        succ, pred = self.succ, self.pred
        premise_of, conclusion_of = RelationType.PREMISE_OF, RelationType.CONCLUSION_OF
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
                    targets[arg_node] = pred[arg_node][node] = EdgeRelations(
                        Relation(premise_of, node, arg_node, step.span, True)
                    )
            elif index == last_index:
                role = step.role = "main-conclusion"
                self.add_relation(conclusion_of, arg_node, node, step.span, True)
            else:
                role = step.role = "intermediary-conclusion"
            step_members[index].role = role
        argument.pcs = steps
        argument.pcs_span = new_span(Span, (self.name, start_line, 1, end_line, 1))
