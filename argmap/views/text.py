"""Terminal rendering of tree views and claim lists with rich.

Every mark carries its meaning twice, as a symbol and as a colour, so the output
reads the same with ``NO_COLOR``, piped into a file, or printed in greyscale:

* relations: ``+`` support (green), ``-`` attack (red), ``_`` undercut (red),
  ``><`` contradiction (red), ``(n)`` premise *n* of an argument (blue);
* evaluation labels: ``✔ IN`` (green), ``✘ OUT`` (red), ``? UNDEC`` (yellow).
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from argmap.views.tree import ATTACK_KINDS, TreeView, ViewNode, strip_tags

LABEL_MARKS: dict[str, tuple[str, str]] = {
    "IN": ("✔ IN", "bold green"),
    "OUT": ("✘ OUT", "bold red"),
    "UNDEC": ("? UNDEC", "bold yellow"),
}
RELATION_MARKS: dict[str, tuple[str, str]] = {
    "support": ("+", "bold green"),
    "entails": ("+", "bold green"),
    "attack": ("-", "bold red"),
    "contrary": ("-", "bold red"),
    "undercut": ("_", "bold red"),
    "contradiction": ("><", "bold red"),
}
STATEMENT_STYLE = "bold cyan"
ARGUMENT_STYLE = "bold magenta"


def label_mark(label: str) -> Text:
    mark, style = LABEL_MARKS.get(label, (label, ""))
    return Text(mark, style=style)


def node_segments(node: ViewNode, details: bool = False) -> list[tuple[str, str]]:
    """One entry of a tree as (text, style) pieces: relation mark, id, text, tags, label,
    and (``details``) the quote.  :func:`node_line` styles them; plain output joins them."""
    parts: list[tuple[str, str]] = []
    add = parts.append
    if node.relation == "premise":
        add((f"({node.number})" if node.number is not None else "(premise)", "bold blue"))
        add((" ", ""))
    elif node.relation is not None:
        mark, style = RELATION_MARKS.get(node.relation, ("?", ""))
        add((mark, style))
        add((" ", ""))
    add((node.id, STATEMENT_STYLE if node.kind == "statement" else ARGUMENT_STYLE))
    if node.implicit:
        add((" (implicit)", "italic yellow"))
    text = strip_tags(node.text, node.tags) if node.tags else node.text
    if text:
        add((": " + text, ""))
    for tag in node.tags:
        if tag != "implicit":
            add((" ", ""))
            add((f"#{tag}", "dim"))
    if node.label is not None:
        add(("  ", ""))
        add(LABEL_MARKS.get(node.label, (node.label, "")))
    if node.repeated:
        add(("  (see above)", "dim"))
    elif not node.expanded:
        if node.truncated:
            add(("  (its reasons not followed)", "dim"))
    elif node.truncated:
        add(("  …", "dim"))
    if details and (node.quote or node.para is not None):
        add(("\n", ""))
        if node.quote:
            add((f"“{node.quote}”", "italic"))
        if node.para is not None:
            add((" " if node.quote else "", ""))
            add((f"(¶{node.para})", "dim"))
    return parts


def node_line(node: ViewNode, details: bool = False) -> Text:
    """One entry of a tree as styled text (see :func:`node_segments`)."""
    line = Text()
    for text, style in node_segments(node, details):
        line.append(text, style=style or None)
    return line


def render_tree(view: TreeView, details: bool | None = None, legend: bool = True) -> RenderableType:
    """The view as a rich tree (one per root) under a header line, and a legend."""
    details = view.command == "why" if details is None else details
    parts: list[RenderableType] = []
    if view.command == "show":
        parts.append(Text(view.title, style="bold underline"))
    for root in view.roots:
        tree = Tree(node_line(root, details), guide_style="dim")
        stack: list[tuple[ViewNode, Tree]] = [(root, tree)]
        while stack:
            node, branch = stack.pop()
            pending = []
            for child in node.children:
                sub = branch.add(node_line(child, details))
                pending.append((child, sub))
            stack.extend(reversed(pending))
        parts.append(tree)
    if legend:
        parts.append(legend_line(view))
    return Group(*parts)


def legend_line(view: TreeView) -> Text:
    """A one-line key to the marks that appear in ``view``."""
    kinds: set[str] = set()
    labels: set[str] = set()
    truncated = False
    for root in view.roots:
        for node in root.walk():
            truncated = truncated or (node.truncated and node.expanded)
            if node.relation is not None:
                kinds.add(node.relation)
            if node.label is not None:
                labels.add(node.label)
    line = Text()
    entries: list[tuple[str, str, str]] = []
    if kinds & {"support", "entails"}:
        entries.append(("+", "bold green", "support"))
    if kinds & {"attack", "contrary"}:
        entries.append(("-", "bold red", "attack"))
    if "undercut" in kinds:
        entries.append(("_", "bold red", "undercut"))
    if "contradiction" in kinds:
        entries.append(("><", "bold red", "contradiction"))
    if "premise" in kinds:
        entries.append(("(n)", "bold blue", "premise n"))
    for label in ("IN", "OUT", "UNDEC"):
        if label in labels:
            mark, style = LABEL_MARKS[label]
            entries.append((mark, style, _LABEL_WORDS[label]))
    if truncated:
        entries.append(("…", "dim", "more below (raise --depth)"))
    if view.command == "why" and kinds & ATTACK_KINDS:
        entries.append(("", "", "attacks not followed"))
    for i, (mark, style, word) in enumerate(entries):
        if i:
            line.append("   ")
        if mark:
            line.append(mark, style=style)
            line.append(" ")
        line.append(word, style="dim")
    return line


_LABEL_WORDS = {"IN": "accepted", "OUT": "rejected", "UNDEC": "undecided"}


def render_list(nodes: list[ViewNode], locations: bool = True) -> RenderableType:
    """Claims one per row: the line they are defined on, then ``[Title]: text #tags`` wrapped beside it."""
    table = Table.grid(padding=(0, 2))
    if locations:
        table.add_column(style="dim", no_wrap=True, justify="right")
    table.add_column()
    for node in nodes:
        line = node_line(node)
        if locations:
            where = node.location.rsplit(":", 2)[-2] if node.location and node.location.count(":") >= 2 else ""
            table.add_row(f"{where}", line)
        else:
            table.add_row(line)
    return table


LARGE_VIEW = 2000
"""Views with more nodes than this print through :func:`tree_lines` (plain, fast) rather than rich."""


def count_nodes(view: TreeView) -> int:
    return sum(len(root.walk()) for root in view.roots)


def tree_lines(view: TreeView, width: int = 80, details: bool | None = None) -> Iterator[str]:
    """The view as plain text lines, with the same guides and marks as :func:`render_tree`
    but no colour: about ten times faster than rich on views of many thousand nodes."""
    details = view.command == "why" if details is None else details
    if view.command == "show":
        yield view.title
    for root in view.roots:
        stack: list[tuple[ViewNode, str, str]] = [(root, "", "")]
        while stack:
            node, first, rest = stack.pop()
            text = "".join(piece for piece, _ in node_segments(node, details))
            for i, part in enumerate(text.split("\n")):
                lead = first if i == 0 else rest
                for j, line in enumerate(_wrap(part, max(20, width - len(rest)))):
                    yield ((lead if j == 0 else rest) + line).rstrip()
            children = node.children
            for k in range(len(children) - 1, -1, -1):
                last = k == len(children) - 1
                stack.append((children[k], rest + ("└── " if last else "├── "), rest + ("    " if last else "│   ")))
    yield from (line.rstrip() for line in _wrap(legend_line(view).plain, width))


def _wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap (words longer than ``width`` are cut)."""
    if len(text) <= width:
        return [text]
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        while len(word) > width:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:width])
            word = word[width:]
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines
