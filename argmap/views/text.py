"""Terminal rendering of tree views and claim lists.

Every mark carries its meaning twice, as a symbol and as a colour, so the output
reads the same with ``NO_COLOR``, piped into a file, or printed in greyscale:

* relations: ``+`` support, ``-`` attack, ``_`` undercut, ``><`` contradiction,
  ``(n)`` premise *n* of an argument;
* evaluation labels: ``✔ IN``, ``✘ OUT``, ``? UNDEC``

(the colours are :mod:`argmap.views.palette`'s).

Two renderers share the marks: :func:`render_tree` builds rich renderables (colour,
for a terminal), :func:`tree_lines` plain lines with the same layout (for pipes,
files and very large views).  rich is imported only by the functions that use it,
so plain output does not pay for importing it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from argmap.argdown.inline import written_tag
from argmap.views import palette
from argmap.views.tree import ATTACK_KINDS, TreeView, ViewNode, strip_tags

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType
    from rich.text import Text

LABEL_MARKS: dict[str, tuple[str, str]] = {
    "IN": ("✔ IN", palette.IN),
    "OUT": ("✘ OUT", palette.OUT),
    "UNDEC": ("? UNDEC", palette.UNDEC),
}
RELATION_MARKS: dict[str, tuple[str, str]] = {
    "support": ("+", palette.SUPPORT),
    "entails": ("+", palette.SUPPORT),
    "attack": ("-", palette.ATTACK),
    "contrary": ("-", palette.ATTACK),
    "undercut": ("_", palette.ATTACK),
    "contradiction": ("><", palette.ATTACK),
}
STATEMENT_STYLE = palette.STATEMENT
ARGUMENT_STYLE = palette.ARGUMENT


def node_segments(node: ViewNode, details: bool = False) -> list[tuple[str, str]]:
    """One entry of a tree as (text, style) pieces: relation mark, id, text, tags, label,
    and (``details``) the quote.  :func:`node_line` styles them; :func:`node_text` is
    the same text without styles."""
    parts: list[tuple[str, str]] = []
    add = parts.append
    if node.relation == "premise":
        add((f"({node.number})" if node.number is not None else "(premise)", palette.PREMISE))
        add((" ", ""))
    elif node.relation is not None:
        mark, style = RELATION_MARKS.get(node.relation, ("?", ""))
        add((mark, style))
        add((" ", ""))
    add((node.id, STATEMENT_STYLE if node.kind == "statement" else ARGUMENT_STYLE))
    if node.implicit:
        add((" (implicit)", palette.IMPLICIT))
    text = strip_tags(node.text, node.tags) if node.tags else node.text
    if text:
        add((": " + text, ""))
    for tag in node.tags:
        if tag != "implicit":
            add((" ", ""))
            add((written_tag(tag), palette.QUIET))
    if node.label is not None:
        add(("  ", ""))
        add(LABEL_MARKS.get(node.label, (node.label, "")))
        if node.reason:
            add((" because " + node.reason, palette.REASON))
    if node.strength is not None:
        add((f"  strength {node.strength:.2f}", palette.QUIET))
    if node.repeated:
        add(("  (see above)", palette.QUIET))
    elif not node.expanded:
        if node.truncated:
            add(("  (its reasons not followed)", palette.QUIET))
    elif node.truncated:
        add(("  …", palette.QUIET))
    if details and (node.quote or node.para is not None):
        add(("\n", ""))
        if node.quote:
            add((f"“{node.quote}”", "italic"))
        if node.para is not None:
            add((" " if node.quote else "", ""))
            add((f"(¶{node.para})", palette.QUIET))
    return parts


def node_text(node: ViewNode, details: bool = False) -> str:
    """The text of :func:`node_segments` without styles, built directly: plain output of
    a large view spends most of its time here."""
    relation = node.relation
    if relation is None:
        text = ""
    elif relation == "premise":
        text = f"({node.number}) " if node.number is not None else "(premise) "
    else:
        text = RELATION_MARKS.get(relation, ("?", ""))[0] + " "
    text += node.id
    if node.implicit:
        text += " (implicit)"
    tags = node.tags
    said = strip_tags(node.text, tags) if tags else node.text
    if said:
        text += ": " + said
    for tag in tags:
        if tag != "implicit":
            text += " " + written_tag(tag)
    if node.label is not None:
        text += "  " + LABEL_MARKS.get(node.label, (node.label, ""))[0]
        if node.reason:
            text += " because " + node.reason
    if node.strength is not None:
        text += f"  strength {node.strength:.2f}"
    if node.repeated:
        text += "  (see above)"
    elif not node.expanded:
        if node.truncated:
            text += "  (its reasons not followed)"
    elif node.truncated:
        text += "  …"
    if details and (node.quote or node.para is not None):
        text += "\n"
        if node.quote:
            text += f"“{node.quote}”"
        if node.para is not None:
            text += (" " if node.quote else "") + f"(¶{node.para})"
    return text


def node_line(node: ViewNode, details: bool = False) -> Text:
    """One entry of a tree as styled text (see :func:`node_segments`)."""
    from rich.text import Text

    line = Text()
    for text, style in node_segments(node, details):
        line.append(text, style=style or None)
    return line


def render_tree(view: TreeView, details: bool | None = None, legend: bool = True) -> RenderableType:
    """The view as a rich tree (one per root) under a header line, and a legend."""
    from rich.console import Group
    from rich.text import Text
    from rich.tree import Tree

    details = view.command == "why" if details is None else details
    parts: list[RenderableType] = []
    if view.command == "show":
        parts.append(Text(view.title, style="bold underline"))
    for root in view.roots:
        tree = Tree(WrappedLine(node_line(root, details)), guide_style=palette.QUIET)
        stack: list[tuple[ViewNode, Tree]] = [(root, tree)]
        while stack:
            node, branch = stack.pop()
            pending = []
            for child in node.children:
                sub = branch.add(WrappedLine(node_line(child, details)))
                pending.append((child, sub))
            stack.extend(reversed(pending))
        parts.append(tree)
    if legend:
        parts.append(WrappedLine(legend_line(view)))
    return Group(*parts)


def legend_line(view: TreeView) -> Text:
    """A one-line key to the marks that appear in ``view``."""
    from rich.text import Text

    line = Text()
    for text, style in legend_segments(view):
        line.append(text, style=style or None)
    return line


def legend_segments(view: TreeView) -> list[tuple[str, str]]:
    """:func:`legend_line` as (text, style) pieces."""
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
    return _legend(view.command, kinds, labels, truncated)


def _legend(command: str, kinds: set[str], labels: set[str], truncated: bool) -> list[tuple[str, str]]:
    entries: list[tuple[str, str, str]] = []
    if kinds & {"support", "entails"}:
        entries.append(("+", palette.SUPPORT, "support"))
    if kinds & {"attack", "contrary"}:
        entries.append(("-", "bold red", "attack"))
    if "undercut" in kinds:
        entries.append(("_", "bold red", "undercut"))
    if "contradiction" in kinds:
        entries.append(("><", "bold red", "contradiction"))
    if "premise" in kinds:
        entries.append(("(n)", palette.PREMISE, "premise n"))
    for label in ("IN", "OUT", "UNDEC"):
        if label in labels:
            mark, style = LABEL_MARKS[label]
            entries.append((mark, style, _LABEL_WORDS[label]))
    if truncated:
        entries.append(("…", palette.QUIET, "more below (raise --depth)"))
    if command == "why" and kinds & ATTACK_KINDS:
        entries.append(("", "", "attacks not followed"))
    parts: list[tuple[str, str]] = []
    for i, (mark, style, word) in enumerate(entries):
        if i:
            parts.append(("   ", ""))
        if mark:
            parts.append((mark, style))
            parts.append((" ", ""))
        parts.append((word, palette.QUIET))
    return parts


_LABEL_WORDS = {"IN": "accepted", "OUT": "rejected", "UNDEC": "undecided"}


def render_list(nodes: list[ViewNode], locations: bool = True) -> RenderableType:
    """Claims one per row: the line they are defined on, then ``[Title]: text #tags`` wrapped beside it."""
    from rich.table import Table

    table = Table.grid(padding=(0, 2))
    if locations:
        table.add_column(style=palette.QUIET, no_wrap=True, justify="right")
    table.add_column(overflow="fold")  # a word longer than the column is cut, not elided
    for node in nodes:
        line = node_line(node)
        if locations:
            table.add_row(_defined_on(node), line)
        else:
            table.add_row(line)
    return table


def _defined_on(node: ViewNode) -> str:
    """The line number in ``node.location`` (``file:line:col``), or nothing."""
    return node.location.rsplit(":", 2)[-2] if node.location and node.location.count(":") >= 2 else ""


LIST_MIN_TEXT = 20
"""Below this many columns for the text, :func:`list_lines` leaves the layout to rich."""


def list_lines(nodes: list[ViewNode], width: int = 80, locations: bool = True) -> Iterator[str] | None:
    """:func:`render_list` as plain lines, without colour: the same layout (line numbers
    right-aligned, two spaces, the text wrapped beside them) at a fraction of rich's
    cost on a large map.  None when the text would
    have fewer than :data:`LIST_MIN_TEXT` columns (rich then shares the width out its
    own way)."""
    wheres = [_defined_on(node) for node in nodes] if locations else []
    lead = max(map(len, wheres), default=0) + 2 if locations else 0
    room = width - lead
    if room < LIST_MIN_TEXT:
        return None

    def lines() -> Iterator[str]:
        indent = " " * lead
        for k, node in enumerate(nodes):
            first = wheres[k].rjust(lead - 2) + "  " if locations else ""
            text = node_text(node)
            for j, part in enumerate(_wrap(text, room) if len(text) > room else [text]):
                yield ((first if j == 0 else indent) + part).rstrip()

    return lines()


LARGE_VIEW = 2000
"""Views with more nodes than this print through :func:`tree_lines` (plain, fast) rather than rich."""


def count_nodes(view: TreeView, stop: int | None = None) -> int:
    """How many nodes ``view`` has; counting ends early once past ``stop``."""
    count = 0
    for root in view.roots:
        stack = [root]
        while stack:
            node = stack.pop()
            count += 1
            stack.extend(node.children)
        if stop is not None and count > stop:
            break
    return count


def tree_lines(view: TreeView, width: int = 80, details: bool | None = None) -> Iterator[str]:
    """The view as plain text lines, with the same guides and marks as :func:`render_tree`
    but no colour: many times faster than rich on views of many thousand nodes."""
    details = view.command == "why" if details is None else details
    if view.command == "show":
        yield view.title
    # What the legend needs, gathered on the way.
    kinds: set[str] = set()
    labels: set[str] = set()
    truncated = False
    for root in view.roots:
        stack: list[tuple[ViewNode, str, str]] = [(root, "", "")]
        while stack:
            node, first, rest = stack.pop()
            if node.relation is not None:
                kinds.add(node.relation)
            if node.label is not None:
                labels.add(node.label)
            if node.truncated and node.expanded:
                truncated = True
            text = node_text(node, details)
            room = width - len(rest)
            if room < 20:
                room = 20
            if len(text) <= room and "\n" not in text:
                yield (first + text).rstrip()
            else:
                for i, part in enumerate(text.split("\n")):
                    lead = first if i == 0 else rest
                    for j, line in enumerate(_wrap(part, room)):
                        yield ((lead if j == 0 else rest) + line).rstrip()
            children = node.children
            if children:
                last = len(children) - 1
                stack.append((children[last], rest + "└── ", rest + "    "))
                if last:
                    first_child, rest_child = rest + "├── ", rest + "│   "
                    stack.extend((children[k], first_child, rest_child) for k in range(last - 1, -1, -1))
    legend = "".join(text for text, _ in _legend(view.command, kinds, labels, truncated))
    yield from (line.rstrip() for line in _wrap(legend, width))


def _wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap at single spaces, as rich wraps plain text: each line takes as many
    words as fit in ``width``; spaces at the start of a line after a break are dropped;
    a word longer than ``width`` is cut (a width under 1 counts as 1).  A label's mark
    and word (``✔ IN``) stay on one line."""
    if len(text) <= width:
        return [text]
    return [text[start:end] for start, end in _wrap_spans(text, width)]


_UNBROKEN = {mark: mark.replace(" ", "\x00") for mark, _ in LABEL_MARKS.values()}
"""Label marks with their inner space made unbreakable for :func:`_wrap_spans`."""


def _wrap_spans(text: str, width: int) -> list[tuple[int, int]]:
    """Where :func:`_wrap` cuts ``text``: the (start, end) of each line."""
    for mark, unbroken in _UNBROKEN.items():
        if mark in text:
            text = text.replace(mark, unbroken)  # same length: the offsets hold for the original
    width = max(width, 1)
    spans: list[tuple[int, int]] = []
    end = len(text)
    start = 0
    while True:
        # Here a line starts: skip the spaces a break leaves.
        while start < end and text[start] == " ":
            start += 1
        if end - start <= width:
            if start < end:
                spans.append((start, end))
            return spans
        cut = text.rfind(" ", start + 1, start + width + 1)
        if cut < 0:  # the word at start is longer than a line: cut it
            spans.append((start, start + width))
            start += width
        else:
            spans.append((start, cut))
            start = cut + 1


class WrappedLine:
    """A styled entry of a tree, wrapped by :func:`_wrap_spans` to the width rich gives it
    (so a label's mark and word never part, and rich and plain output break alike)."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        from rich.text import Text

        plain = self.text.plain
        lines: list[Text] = []
        offset = 0
        for paragraph in plain.split("\n"):
            for start, end in _wrap_spans(paragraph, options.max_width) or [(0, 0)]:
                lines.append(self.text[offset + start : offset + end])
            offset += len(paragraph) + 1
        joined = Text("\n").join(lines)
        joined.no_wrap = True
        yield joined
