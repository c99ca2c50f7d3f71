"""Lint rules: one registered rule per diagnostic code, each documented by its docstring.

Two kinds of rule live here:

* **syntax rules** are reported by the parser while it reads (their ``check``
  is ``None``); they are registered so that ``argmap rules`` can explain them;
* **map rules** are plain functions over a parsed :class:`ArgumentMap` that
  yield diagnostics; :func:`lint` runs them all.

The first paragraph of a rule's docstring is its one-line summary; the rest is
the explanation ``argmap rules CODE`` prints.
"""

from __future__ import annotations

import inspect
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from argmap.diagnostics import Diagnostic, Severity, did_you_mean
from argmap.model import (
    ArgumentMap,
    RelationType,
    Span,
    is_argument_node,
    node_title,
)

Check = Callable[[ArgumentMap], Iterable[Diagnostic]]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    doc: str
    check: Check | None

    @property
    def summary(self) -> str:
        return self.doc.strip().split("\n\n", 1)[0].replace("\n", " ")

    @property
    def explanation(self) -> str:
        parts = self.doc.strip().split("\n\n", 1)
        return parts[1] if len(parts) > 1 else ""


RULES: dict[str, Rule] = {}


def rule(code: str, name: str, severity: Severity) -> Callable[[Check], Check]:
    """Register a map rule; its docstring is its documentation."""

    def register(check: Check) -> Check:
        RULES[code] = Rule(code, name, severity, inspect.cleandoc(check.__doc__ or ""), check)
        return check

    return register


def syntax_rule(code: str, name: str, severity: Severity, doc: str) -> None:
    """Register a rule that the parser (or a reader) reports while reading."""
    RULES[code] = Rule(code, name, severity, inspect.cleandoc(doc), None)


def lint(amap: ArgumentMap, select: Iterable[str] | None = None) -> list[Diagnostic]:
    """Run every map rule (or only the codes in ``select``) over ``amap``."""
    wanted = set(select) if select is not None else None
    out: list[Diagnostic] = []
    for code, registered in sorted(RULES.items()):
        if registered.check is None or (wanted is not None and code not in wanted):
            continue
        out.extend(registered.check(amap))
    return out


def _diag(code: str, message: str, span: Span | None, hint: str | None = None) -> Diagnostic:
    return Diagnostic(code, RULES[code].severity, message, span, hint)


# -- syntax rules (reported by the parser) ------------------------------------------

syntax_rule(
    "AM000",
    "unreadable-input",
    Severity.ERROR,
    """The input could not be read at all.

    The path does not exist, is a directory, or cannot be opened.  Nothing is parsed.""",
)
syntax_rule(
    "AM001",
    "invalid-utf8",
    Severity.ERROR,
    """The file is not valid UTF-8.

    Argdown files are UTF-8 text.  argmap replaces the undecodable bytes with U+FFFD
    and goes on, so the rest of the map is still checked, but the affected texts are
    damaged: re-save the file as UTF-8.""",
)
syntax_rule(
    "AM002",
    "binary-input",
    Severity.ERROR,
    """The input contains NUL bytes: it is a binary file, not Argdown text.

    Nothing is parsed.  Check that you passed the right file.""",
)
syntax_rule(
    "AM010",
    "bad-indentation",
    Severity.ERROR,
    """A relation is not indented more than the element it belongs to, or siblings are indented differently.

    In a relation tree every child line is indented more than its parent, and all
    children of one parent by the same amount:

        [Claim]: ...
            + <Reason>
                - <Objection>

    A relation that is not indented past the top-level element has no parent and is
    an error; siblings at different depths are a warning, because the parent is still
    clear but the tree is hard to read.""",
)
syntax_rule(
    "AM011",
    "unclosed-bracket",
    Severity.ERROR,
    """A bracket, data block or comment is opened and never closed.

    `[Title` needs `]`, `<Title` needs `>`, `{key: value` needs `}`, `/*` needs `*/`
    and `<!--` needs `-->`.  An unclosed comment hides the rest of the file.""",
)
syntax_rule(
    "AM012",
    "unknown-relation-symbol",
    Severity.ERROR,
    """A line in a relation tree starts with a symbol that is not an Argdown relation.

    The relation symbols are `+` `-` `_` (the child supports, attacks or undercuts
    the parent; also written `<+` `<-` `<_`), `+>` `->` `_>` (the parent supports,
    attacks or undercuts the child) and `><` (contradiction).  Something like `=>`,
    `++` or `~` is reported rather than read as text.""",
)
syntax_rule(
    "AM013",
    "pcs-without-conclusion",
    Severity.ERROR,
    """A premise-conclusion structure is malformed: no conclusion, an empty line, or a dangling inference.

    A PCS is a list of numbered statements in which the last one follows an
    inference line of at least four hyphens:

        (1) All humans are mortal.
        (2) Socrates is a human.
        ----
        (3) Socrates is mortal.""",
)
syntax_rule(
    "AM014",
    "invalid-yaml",
    Severity.ERROR,
    """A `{...}` data block or the `===` front matter is not valid YAML, or is not a mapping.

    Inline data is YAML flow style, `{key: value, other: [1, 2]}`; the most common
    mistake is a missing space after a colon (`{key:value}`).  Start the block with a
    line break after `{` to write YAML block style instead.""",
)
syntax_rule(
    "AM015",
    "unsupported-construct",
    Severity.ERROR,
    """A construct that Argdown rejects or that argmap does not support.

    Examples: a relation after an empty line (it has no parent), nested lists, an
    argument used as a PCS line, stray text inside a relation tree.  argmap names the
    construct instead of dropping it silently.""",
)
syntax_rule(
    "AM016",
    "pcs-numbering",
    Severity.WARNING,
    """PCS statements are not numbered (1), (2), (3)... or an argument gets a second PCS.

    Argdown reads the numbers only as markers, but a gap usually means a line was
    lost or misnumbered, and a later PCS silently replacing an earlier one is rarely
    what the author meant.""",
)
syntax_rule(
    "AM018",
    "nested-list",
    Severity.WARNING,
    """A list item is indented under another: Argdown does not support nested lists.

    argmap reads the item as a top-level list item.  Use a relation tree if the
    nesting means that one item is a reason for another.""",
)
syntax_rule(
    "AM017",
    "unclosed-frontmatter",
    Severity.ERROR,
    """The front matter opened with `===` has no closing `===` line.

    Everything after the opening fence is read as YAML and nothing as Argdown.""",
)
syntax_rule(
    "AM019",
    "frontmatter-without-empty-line",
    Severity.ERROR,
    """The closing `===` of the front matter is followed directly by Argdown text.

    Argdown expects an empty line after the front matter and rejects the file without
    it; argmap reads the map anyway.  `argmap fmt` writes the empty line, so this is
    the one reading error it does not refuse a file for.""",
)


# -- reference rules ---------------------------------------------------------------


@rule("AM103", "unknown-statement", Severity.ERROR)
def unknown_statement(amap: ArgumentMap) -> Iterator[Diagnostic]:
    """A statement is referenced as `[Title]` but never defined with a text.

    Every `[Title]` reference should have a definition `[Title]: text` somewhere in
    the file; otherwise the claim has no content.  The message suggests the closest
    defined title, which is usually a typo."""
    defined = [t for t, s in amap.statements.items() if s.is_defined]
    for title, statement in amap.statements.items():
        if statement.is_defined or not statement.members:
            continue
        hint = did_you_mean(title, defined)
        # A near miss of a defined title is almost surely a typo: an error.  A title that
        # resembles nothing is an (allowed in Argdown) empty equivalence class: a warning.
        severity = Severity.ERROR if hint else Severity.WARNING
        yield Diagnostic("AM103", severity, f"unknown statement [{title}]{hint}", statement.members[0].span)


@rule("AM104", "unknown-argument", Severity.WARNING)
def unknown_argument(amap: ArgumentMap) -> Iterator[Diagnostic]:
    """An argument is referenced as `<Title>` but never described and never reconstructed.

    Argdown draws such an argument as an empty node.  Give it a description
    (`<Title>: what it says`) or a premise-conclusion structure."""
    described = [t for t, a in amap.arguments.items() if a.description or a.pcs]
    for title, argument in amap.arguments.items():
        if argument.description or argument.pcs or not argument.members:
            continue
        hint = did_you_mean(title, described, "<>")
        yield _diag("AM104", f"argument <{title}> is never described or reconstructed{hint}", argument.span)


@rule("AM105", "unknown-mention", Severity.WARNING)
def unknown_mention(amap: ArgumentMap) -> Iterator[Diagnostic]:
    """A mention `@[Title]` or `@<Title>` names nothing in the map.

    Mentions do not create relations, but they should point at something that exists."""
    for node, span in amap.mentions:
        if node in amap.graph:
            continue
        if is_argument_node(node):
            hint = did_you_mean(node_title(node), list(amap.arguments), "<>")
        else:
            hint = did_you_mean(node_title(node), list(amap.statements))
        yield _diag("AM105", f"mention of unknown {node}{hint}", span)


# -- structural rules ----------------------------------------------------------------


_SUPPORTIVE = (RelationType.SUPPORT, RelationType.ENTAILS, RelationType.PREMISE_OF, RelationType.CONCLUSION_OF)


@rule("AM201", "circular-support", Severity.ERROR)
def circular_support(amap: ArgumentMap) -> Iterator[Diagnostic]:
    """A claim supports itself through a chain of supports (circular reasoning).

    Follows support, entailment, premise-of and conclusion-of edges; any cycle means
    some claim is, in the end, a reason for itself.  One diagnostic per cycle-bearing
    group of nodes, naming the cycle."""
    supportive = frozenset(_SUPPORTIVE)
    # The adjacency dicts directly (node -> neighbour -> {type name: Relation}): on a
    # 400,000-edge map, going through Relation records cost as much as the search.
    successors: dict[str, list[str]] = {}
    for source, neighbours in amap.graph._succ.items():
        targets = [t for t, relations in neighbours.items() if t != source and not supportive.isdisjoint(relations)]
        if targets:
            successors[source] = targets
    for component in _cyclic_components(successors):
        start = min(component)
        cycle = _shortest_cycle(start, successors, component)
        path = " -> ".join(cycle)
        first = [r for r in amap.relations_between(cycle[0], cycle[1]) if r.type in supportive]
        yield _diag("AM201", f"circular support: {path}", first[0].span if first else None)


def _cyclic_components(successors: dict[str, list[str]]) -> Iterator[set[str]]:
    """Strongly connected components with more than one node (iterative Tarjan).

    Written over integer lists rather than with networkx: building a second DiGraph just
    for this doubled the rule's cost on large maps.  A node with no successor cannot be
    on a cycle, so only the keys of ``successors`` take part."""
    names = list(successors)
    number = {name: i for i, name in enumerate(names)}
    adjacency = [[number[t] for t in successors[name] if t in number] for name in names]
    count = len(names)
    index = [-1] * count
    low = [0] * count
    on_stack = bytearray(count)
    stack: list[int] = []
    counter = 0
    for root in range(count):
        if index[root] != -1:
            continue
        work: list[tuple[int, int]] = [(root, 0)]
        while work:
            node, child_pos = work.pop()
            if child_pos == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack[node] = 1
            children = adjacency[node]
            recurse = False
            for pos in range(child_pos, len(children)):
                child = children[pos]
                if index[child] == -1:
                    work.append((node, pos + 1))
                    work.append((child, 0))
                    recurse = True
                    break
                if on_stack[child] and index[child] < low[node]:
                    low[node] = index[child]
            if recurse:
                continue
            if low[node] == index[node]:
                component: set[str] = set()
                while True:
                    member = stack.pop()
                    on_stack[member] = 0
                    component.add(names[member])
                    if member == node:
                        break
                if len(component) > 1:
                    yield component
            if work:
                parent = work[-1][0]
                if low[node] < low[parent]:
                    low[parent] = low[node]


def _shortest_cycle(start: str, successors: dict[str, list[str]], component: set[str]) -> list[str]:
    """Breadth-first search from ``start`` back to itself inside one strongly connected component."""
    parent: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in successors.get(node, ()):
            if nxt not in component:
                continue
            if nxt == start:
                path = [node]
                while path[-1] != start:
                    path.append(parent[path[-1]])
                return [*reversed(path), start]
            if nxt not in parent:
                parent[nxt] = node
                queue.append(nxt)
    return [start, start]  # unreachable for a strongly connected component of size > 1


@rule("AM202", "self-attack", Severity.ERROR)
def self_attack(amap: ArgumentMap) -> Iterator[Diagnostic]:
    """A claim or argument attacks, undercuts or contradicts itself, or supports itself directly.

    Usually a mistyped title in a relation tree."""
    for node, neighbours in amap.graph._succ.items():  # node -> neighbour -> relations
        for relation in neighbours.get(node, {}).values():
            yield _diag("AM202", f"{relation.source} {relation.type.value}s itself", relation.span)


@rule("AM203", "orphan-statement", Severity.WARNING)
def orphan_statement(amap: ArgumentMap) -> Iterator[Diagnostic]:
    """A statement takes part in no relation and no argument.

    Statements inside a premise-conclusion structure (such as intermediary
    conclusions) belong to their argument and are never orphans.

    It is drawn as an island and `why` can say nothing about it.  Connect it, or turn
    it into a comment if it is a note to yourself."""
    succ, pred = amap.graph._succ, amap.graph._pred  # adjacency dicts: no view per node
    mentioned = {node for node, _ in amap.mentions}
    for statement in amap.statements.values():
        node = statement.node
        if succ[node] or pred[node] or node in mentioned:
            continue
        in_pcs = any(m.argument is not None for m in statement.members)  # e.g. an intermediary conclusion
        if not in_pcs:
            yield _diag(
                "AM203",
                f"statement {_describe(statement.title, statement.text)} is not connected to anything",
                statement.span,
            )


@rule("AM204", "argument-without-premises", Severity.WARNING)
def argument_without_premises(amap: ArgumentMap) -> Iterator[Diagnostic]:
    """An argument has no premises: no premise-conclusion structure and nothing marked as its premise.

    Sketching arguments by description is a fine first step; this rule lists what is
    left to reconstruct."""
    for argument in amap.arguments.values():
        if not argument.members and not argument.pcs:
            continue
        if any(True for _ in amap.incoming(argument.node, RelationType.PREMISE_OF)):
            continue
        if argument.pcs:
            continue  # a PCS without premises is already AM013
        yield _diag(
            "AM204",
            f"argument <{argument.title}> has no premises",
            argument.span,
            "reconstruct it as a premise-conclusion structure",
        )


@rule("AM205", "unsupported-conclusion", Severity.WARNING)
def unsupported_conclusion(amap: ArgumentMap) -> Iterator[Diagnostic]:
    """A top-level claim (one that is no reason for anything) is attacked but nothing supports it.

    The map then only records objections to a thesis it never gives a reason for.
    Either add what the claim's proponents say for it, or check whether an edge points
    the wrong way."""
    positive = frozenset({RelationType.SUPPORT, RelationType.ENTAILS, RelationType.CONCLUSION_OF})
    succ, pred = amap.graph._succ, amap.graph._pred  # adjacency dicts: no view per node
    for statement in amap.statements.values():
        node = statement.node
        if succ[node] or not pred[node]:
            continue
        if any(not positive.isdisjoint(relations) for relations in pred[node].values()):
            continue
        yield _diag(
            "AM205",
            f"claim {_describe(statement.title, statement.text)} is attacked but nothing supports it",
            statement.span,
        )


@rule("AM206", "duplicate-text", Severity.WARNING)
def duplicate_text(amap: ArgumentMap) -> Iterator[Diagnostic]:
    """The same text is defined under two different titles: probably one claim entered twice.

    Texts are compared after folding case, white space and final punctuation.  If they
    really are the same claim, give both the same title so they form one equivalence
    class; otherwise reword one of them."""
    seen: dict[str, str] = {}
    for statement in amap.statements.values():
        for member in statement.members:
            if member.is_reference or not member.text:
                continue
            key = " ".join(member.text.lower().split()).rstrip(".!?;: ")
            if len(key) < 8:
                continue
            first = seen.setdefault(key, statement.title)
            if first != statement.title:
                yield _diag(
                    "AM206",
                    f"[{statement.title}] has the same text as [{first}]",
                    member.span,
                    f"use [{first}] here if it is the same claim",
                )
                break


@rule("AM207", "supports-and-attacks", Severity.WARNING)
def supports_and_attacks(amap: ArgumentMap) -> Iterator[Diagnostic]:
    """One node both supports and attacks the same target.

    A reason cannot be for and against the same thing; one of the two relations is
    probably a slip of `+` for `-`."""
    support, attack = RelationType.SUPPORT, RelationType.ATTACK
    for source, neighbours in amap.graph._succ.items():  # node -> neighbour -> relations
        for target, relations in neighbours.items():
            if support in relations and attack in relations:
                yield _diag("AM207", f"{source} both supports and attacks {target}", relations[attack].span)


@rule("AM208", "undercut-of-statement", Severity.WARNING)
def undercut_of_statement(amap: ArgumentMap) -> Iterator[Diagnostic]:
    """An undercut targets a statement instead of an argument.

    An undercut denies that an inference holds, so its target is an argument (or the
    inference line in a PCS).  To deny a claim, attack it with `-`."""
    for relation in amap.relations(RelationType.UNDERCUT):
        if not is_argument_node(relation.target):
            yield _diag(
                "AM208",
                f"{relation.source} undercuts the statement {relation.target}",
                relation.span,
                "use - to attack a statement",
            )


def _describe(title: str, text: str) -> str:
    if title.startswith("Untitled ") and text:
        short = text if len(text) <= 50 else text[:47] + "..."
        return f'"{short}"'
    return f"[{title}]"


# -- provenance rules (reported by argmap.provenance.check_provenance) ----------------

syntax_rule(
    "AM301",
    "quote-not-found",
    Severity.ERROR,
    """A `quote` in a statement's or argument's data is not in the source text.

    With `{quote: "...", para: N}` a map says which words of the source a claim comes
    from.  The quote is looked up in every paragraph of the source after folding white
    space and typographic quotation marks (‘’“” count as '"); everything else, case and
    dashes included, must match exactly, and a quote may not run across paragraphs.
    The hint names the paragraph with the closest match, which usually shows the typo.
    Reported only when a source is given to check against.""",
)
syntax_rule(
    "AM302",
    "quote-in-other-paragraph",
    Severity.ERROR,
    """A quote is in the source, but not in the paragraph that its `para` names.

    Paragraphs are the non-empty blocks of the source separated by blank lines (lines
    holding only white space count as blank), numbered from 1, captions and one-line
    links included.  The message says which paragraph holds the quote.""",
)
syntax_rule(
    "AM303",
    "bad-provenance-data",
    Severity.ERROR,
    """Provenance data is incomplete or inconsistent.

    A `quote` needs a `para` (a whole number from 1 to the number of paragraphs of
    the source) and a `para` needs a `quote`; a quote must be non-empty text.  A
    statement tagged `#implicit` is the analyst's reconstruction, not something the
    source says, so it carries no quote.""",
)
syntax_rule(
    "AM304",
    "unquoted-statement",
    Severity.WARNING,
    """A stated claim has no quote: the statement is defined, not tagged `#implicit`, and no member has a `quote`.

    In a map that is checked against its source, every claim either comes from the
    text (and says where, with `{quote: "...", para: N}`) or is an unstated premise the
    analyst added (and is tagged `#implicit`).  Only reported when provenance checking
    is requested.""",
)


# -- interchange rules (reported by the readers of other formats) --------------------

syntax_rule(
    "AM400",
    "malformed-json",
    Severity.ERROR,
    """A JSON input (AIF) is not valid JSON.

    The message gives the JSON parser's complaint and its line and column; nothing
    is read from the file, and `argmap convert` writes nothing.""",
)
syntax_rule(
    "AM401",
    "not-aif",
    Severity.ERROR,
    """A JSON input read as AIF has no `nodes` and `edges` lists.

    AIF JSON (as AIFdb and OVA export it) is an object with a list of nodes
    (`nodeID`, `type`, `text`) and a list of edges (`fromID`, `toID`); OVA's wrapper
    object with an `AIF` member is accepted too.""",
)
syntax_rule(
    "AM402",
    "bad-aif-node",
    Severity.ERROR,
    """An AIF node has no `nodeID` or `type`, or its `nodeID` is used twice.

    The node is skipped; edges to it are then reported as edges to an unknown node.""",
)
syntax_rule(
    "AM403",
    "aif-edge-to-unknown-node",
    Severity.ERROR,
    """An AIF edge has no `fromID`/`toID`, or points to a node that is not in the file.

    The message names the edge and the missing node id, at the line of the edge.""",
)
syntax_rule(
    "AM404",
    "incomplete-aif-scheme",
    Severity.WARNING,
    """An RA node without premises or without exactly one conclusion, or a CA node
    without an attacker or target: it cannot be read as an argument or an attack and is
    skipped.""",
)
syntax_rule(
    "AM410",
    "not-kialo",
    Severity.ERROR,
    """A line of a Kialo text export before the first numbered claim that is neither the
    `Discussion Title:` line nor empty, or a file without any numbered claim.

    Kialo exports one claim per line: `1.` for the thesis, `1.1. Pro:` / `1.2. Con:`
    for the claims below it; lines without a number continue the claim above.""",
)
syntax_rule(
    "AM411",
    "broken-kialo-numbering",
    Severity.ERROR,
    """The numbering of a Kialo export is broken: a claim whose parent number does not
    exist, a number used twice, a claim without `Pro:`/`Con:` below the thesis, or a
    `-> See N.` link to a claim that is not in the file.  The message names the line.""",
)
syntax_rule(
    "AM420",
    "bad-argmap-json",
    Severity.ERROR,
    """An input read as argmap JSON is malformed: invalid JSON, a missing
    `"format": "argmap"`, a value of the wrong type, or a relation or PCS step that
    names a statement or argument the file does not define.  The message names the
    place (`relations[3].source`, ...).""",
)
