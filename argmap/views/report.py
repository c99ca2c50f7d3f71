"""``argmap report``: a map as a document a person can read or hand out.

The parts, in order: the thesis and main conclusions; the outline of reasons and
objections (``argmap show``'s tree, as nested lists); each reconstructed argument as a
numbered premise-conclusion list with its quotes, under the map's own section
headings; the evaluation (which claims stand under grounded semantics, and why the
others do not); the cruxes of the main conclusions; the open lint findings; the
drawing.  :func:`build_report` makes a :class:`~argmap.views.document.Document`;
:mod:`argmap.views.document` writes it as Markdown or HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from argmap.diagnostics import Diagnostic
from argmap.model import Argument, ArgumentMap, Section
from argmap.queries import attackers, main_conclusions, premises
from argmap.views.document import Block, Document, Figure, Heading, Item, ItemList, Line, Paragraph, Quote
from argmap.views.tree import ViewNode, make_node, map_title, show_view, strip_tags
from argmap.views.words import plural

if TYPE_CHECKING:
    from argmap.semantics.report import CruxReport

RELATION_WORDS = {
    "support": "for",
    "entails": "entails",
    "attack": "against",
    "contrary": "contrary to",
    "undercut": "undercuts",
    "contradiction": "contradicts",
}
"""How an outline entry relates to the entry above it, in words (``show`` prints symbols)."""

MAIN_SHOWN = 5
"""Main conclusions whose cruxes the report lists."""
OUTLINE_DEPTH = 12
"""Levels of the outline below each top claim: deeper lists do not read on paper (and
indentation would make a deep map's report grow with the square of its depth)."""


@dataclass(frozen=True, slots=True)
class ReportOptions:
    max_crux_size: int = 2
    """The largest set of premises tried as a crux."""
    figure: Figure | None = None
    """The drawing, made by the caller (it needs Graphviz)."""


def build_report(amap: ArgumentMap, diagnostics: list[Diagnostic], options: ReportOptions) -> Document:
    """The report of ``amap``; ``diagnostics`` are its open findings (reading and lint)."""
    from argmap.semantics import label_map

    labels = label_map(amap)
    writer = _Writer(amap, labels)
    blocks: list[Block] = [Paragraph(writer.introduction())]
    blocks += writer.thesis()
    blocks += [Heading(2, [("text", "Reasons and objections")]), *writer.outline()]
    blocks += writer.arguments()
    blocks += writer.evaluation()
    blocks += writer.cruxes(options.max_crux_size)
    blocks += writer.findings(diagnostics)
    if options.figure is not None:
        legend = "Boxes are claims, rounded boxes arguments; green arrows support, red arrows attack."
        blocks += [Heading(2, [("text", "Drawing")]), Paragraph([("text", legend)]), options.figure]
    return Document(f"Argument map: {map_title(amap)}", blocks)


class _Writer:
    """The parts of one report, sharing the map, its labels and its main conclusions."""

    def __init__(self, amap: ArgumentMap, labels: dict[str, str]) -> None:
        self.amap = amap
        self.labels = labels
        self.main = [n for n in main_conclusions(amap) if n in amap.graph]

    def node(self, node: str) -> ViewNode:
        return make_node(self.amap, node, self.labels)

    def claim(self, view: ViewNode, label: bool = False) -> Line:
        """``[Title]: text #tag``: a claim as a line of the report; with ``label`` (or when
        it does not stand) its label too: most claims of a map stand, and a mark on each
        line would hide the few that do not."""
        line: Line = [("strong", view.id)]
        if view.implicit:
            line.append(("quiet", " (implicit)"))
        text = strip_tags(view.text, view.tags) if view.tags else view.text
        if text:
            line.append(("text", ": " + text))
        shown_tags = [t for t in view.tags if t != "implicit"]
        if shown_tags:
            line.append(("quiet", " " + " ".join(f"#{t}" for t in shown_tags)))
        if view.label is not None and (label or view.label != "IN"):
            line += [("text", " "), (view.label, view.label)]
        return line

    def quote(self, view: ViewNode) -> list[Block]:
        if not view.quote:
            return []
        line: Line = [("em", f"“{view.quote}”")]
        if view.para is not None:
            line.append(("quiet", f" (paragraph {view.para})"))
        return [Quote(line)]

    def introduction(self) -> Line:
        size = f"{plural(len(self.amap.statements), 'statement')}, {plural(len(self.amap.arguments), 'argument')}"
        file_name = self.amap.source_name.replace("\\", "/").rsplit("/", 1)[-1]
        return [
            ("text", f"Made by argmap from {file_name} "),
            ("text", f"({size}). A claim marked "),
            ("OUT", "OUT"),
            ("text", " does not stand: an attack on it succeeds; one marked "),
            ("UNDEC", "UNDEC"),
            ("text", " is left open by the map; every other claim stands (grounded semantics)."),
        ]

    # -- the parts ---------------------------------------------------------------------

    def thesis(self) -> list[Block]:
        head = Heading(2, [("text", "Thesis" if len(self.main) == 1 else "Main conclusions")])
        if not self.main:
            return [
                head,
                Paragraph([("text", "The map has no main conclusion: no top claim that something supports.")]),
            ]
        items = [Item(self.claim(view, label=True), self.quote(view)) for view in map(self.node, self.main)]
        return [head, ItemList(items)]

    def outline(self) -> list[Block]:
        view = show_view(self.amap, depth=OUTLINE_DEPTH, labels=self.labels)
        if not view.roots:
            return [Paragraph([("text", "The map is empty.")])]
        return [ItemList([self._outline_item(root) for root in view.roots])]

    def _outline_item(self, root: ViewNode) -> Item:
        # Iterative: outlines of deep maps nest deeper than the recursion limit allows.
        top = Item(self._outline_line(root))
        stack = [(root, top)]
        while stack:
            view, item = stack.pop()
            if view.children:
                kids = [Item(self._outline_line(child)) for child in view.children]
                item.children.append(ItemList(kids))
                stack.extend(zip(view.children, kids, strict=True))
        return top

    def _outline_line(self, view: ViewNode) -> Line:
        line: Line = []
        if view.relation == "premise":
            line.append(("quiet", f"({view.number}) " if view.number is not None else "premise "))
        elif view.relation is not None:
            line.append(("em", RELATION_WORDS.get(view.relation, view.relation) + " "))
        line += self.claim(view)
        if view.repeated:
            line.append(("quiet", " (see above)"))
        elif view.truncated:
            line.append(("quiet", f" … (argmap show --focus '{view.id}' goes on from here)"))
        return line

    def arguments(self) -> list[Block]:
        reconstructed = [a for a in self.amap.arguments.values() if a.pcs]
        if not reconstructed:
            return []
        blocks: list[Block] = [
            Heading(2, [("text", "Arguments")]),
            Paragraph([("text", "Each reconstructed argument, premises first; ∴ marks a conclusion.")]),
        ]
        by_section: dict[str | None, list[Argument]] = {}
        for argument in reconstructed:
            sections = argument.sections
            by_section.setdefault(sections[0] if sections else None, []).append(argument)
        for argument in by_section.get(None, []):
            blocks += self._argument(argument, 3)
        wanted = self._sections_with({sid for sid in by_section if sid is not None})
        for section in self.amap.sections.values():
            if section.id in wanted:
                level = min(6, 2 + section.level)
                blocks.append(Heading(level, [("text", section.title)]))
                for argument in by_section.get(section.id, []):
                    blocks += self._argument(argument, min(6, level + 1))
        return blocks

    def _sections_with(self, ids: set[str]) -> set[str]:
        """The sections in ``ids`` and every section above them (their headings lead there)."""
        wanted: set[str] = set()
        for sid in ids:
            section: Section | None = self.amap.sections.get(sid)
            while section is not None and section.id not in wanted:
                wanted.add(section.id)
                section = self.amap.sections.get(section.parent) if section.parent else None
        return wanted

    def _argument(self, argument: Argument, level: int) -> list[Block]:
        view = self.node(argument.node)
        head: Line = [("text", view.id)]
        blocks: list[Block] = [Heading(level, head)]
        line: Line = [("text", strip_tags(view.text, view.tags))] if view.text else []
        if view.label is not None and view.label != "IN":
            line += [("text", " "), (view.label, view.label)]
        if line:
            blocks.append(Paragraph(line))
        steps: list[Item] = []
        for step in argument.pcs:
            premise = self.node(f"[{step.statement}]")
            text = self.claim(premise)
            if step.role != "premise":
                text = [("strong", "∴ "), *text]
            steps.append(Item(text, self.quote(premise), step.number))
        blocks.append(ItemList(steps, ordered=True))
        return blocks

    def evaluation(self) -> list[Block]:
        counts = {"IN": 0, "OUT": 0, "UNDEC": 0}
        for label in self.labels.values():
            counts[label] = counts.get(label, 0) + 1
        total = sum(counts.values())
        undecided = {0: "none is", 1: "1 is"}.get(counts["UNDEC"], f"{counts['UNDEC']} are")
        summary = (
            f"Under grounded semantics {counts['IN']} of {plural(total, 'claim')} stand, "
            f"{counts['OUT']} do not, and {undecided} left open."
        )
        blocks: list[Block] = [Heading(2, [("text", "Evaluation")]), Paragraph([("text", summary)])]
        if self.main:
            blocks.append(Heading(3, [("text", "The main conclusions")]))
            blocks.append(ItemList([self._why(node) for node in self.main]))
        fallen = [n for n, label in self.labels.items() if label != "IN" and n not in self.main]
        if fallen:
            blocks.append(Heading(3, [("text", "What does not stand, and why")]))
            blocks.append(ItemList([self._why(node) for node in fallen]))
        return blocks

    def _why(self, node: str) -> Item:
        view = self.node(node)
        label = self.labels.get(node)
        against = attackers(self.amap, node)
        reasons: list[Line] = []
        if label == "IN":
            if not against:
                reasons.append([("text", "Nothing attacks it.")])
            for attacker in against:
                winners = [a for a in attackers(self.amap, attacker) if self.labels.get(a) == "IN"]
                line = [("text", "The attack by "), ("strong", attacker), ("text", " fails")]
                if winners:
                    line += [("text", ": it is defeated by "), *self._names(winners)]
                reasons.append([*line, ("text", ".")])
        else:
            wanted = "IN" if label == "OUT" else "UNDEC"
            winners = [a for a in against if self.labels.get(a) == wanted]
            if winners:
                verb = "It is defeated by " if label == "OUT" else "It is attacked by "
                tail = "." if label == "OUT" else ", which the map leaves open too."
                reasons.append([("text", verb), *self._names(winners), ("text", tail)])
            weak = [p for p in premises(self.amap, node) if self.labels.get(p) != "IN"] if node[0] == "<" else []
            if weak:
                reasons.append([("text", "It rests on "), *self._names(weak), ("text", ", which does not stand.")])
            if not reasons:
                reasons.append([("text", "What it depends on does not stand.")])
        return Item(self.claim(view, label=True), [ItemList([Item(r) for r in reasons])])

    def _names(self, nodes: list[str]) -> Line:
        """``[A] ✔ IN, [B] ✔ IN and [C] ✔ IN``."""
        named: list[Line] = []
        for node in nodes:
            label = self.labels.get(node)
            named.append([("strong", node)] + ([("text", " "), (label, label)] if label is not None else []))
        return _joined(named, " and ")

    def cruxes(self, max_size: int) -> list[Block]:
        from argmap.semantics.evaluation import Label
        from argmap.semantics.report import CruxReport
        from argmap.semantics.whatif import cruxes

        if not self.main:
            return []
        blocks: list[Block] = [
            Heading(2, [("text", "Cruxes")]),
            Paragraph(
                [
                    ("text", f"The smallest sets of premises (up to {max_size}) whose rejection would defeat each "),
                    ("text", "main conclusion: where a critic has to push."),
                ]
            ),
        ]
        items: list[Item] = []
        for node in self.main[:MAIN_SHOWN]:
            head = [("strong", node)]
            if self.labels.get(node) != "IN":
                items.append(Item([*head, ("text", " does not stand as the map is; nothing needs rejecting.")]))
                continue
            report = CruxReport(node, Label.IN, max_size, cruxes(self.amap, node, max_size))
            items.append(self._crux_item(report))
        blocks.append(ItemList(items))
        return blocks

    def _choice(self, premises: tuple[str, ...]) -> Line:
        """One premise as a claim line, or several to reject together."""
        if len(premises) == 1:
            return self.claim(self.node(premises[0]))
        return _joined([[("strong", p)] for p in premises], " and ")

    def _crux_item(self, report: CruxReport) -> Item:
        head: Line = [("strong", report.claim)]
        if not report.sets:
            return Item([*head, ("text", f": no set of up to {plural(report.max_size, 'premise')} defeats it.")])
        groups = report.factors()
        if groups is not None:
            lead = f": rejecting one choice of each of these {len(groups)} groups defeats it."
            lists = [Item([("text", "One of:")], [ItemList([Item(self._choice(c)) for c in g])]) for g in groups]
            return Item([*head, ("text", lead)], [ItemList(lists, ordered=True)])
        if all(len(crux) == 1 for crux in report.sets):
            singles = [Item(self.claim(self.node(crux[0]))) for crux in report.sets]
            return Item([*head, ("text", ": rejecting any one of these premises defeats it.")], [ItemList(singles)])
        sets = [Item(_joined([[("strong", p)] for p in crux], " and ")) for crux in report.sets]
        return Item([*head, ("text", ": rejecting all premises of any one set defeats it.")], [ItemList(sets, True)])

    def findings(self, diagnostics: list[Diagnostic]) -> list[Block]:
        from argmap.rules import registered

        head = Heading(2, [("text", "Open findings")])
        if not diagnostics:
            return [head, Paragraph([("text", "None: argmap validate finds nothing to report.")])]
        rules = registered()
        items: list[Item] = []
        for d in diagnostics:
            name = rules[d.code].name if d.code in rules else ""
            where = f"line {d.span.line}: " if d.span is not None else ""
            line: Line = [("strong", str(d.severity)), ("text", f" {d.code} "), ("quiet", name)]
            items.append(Item([*line, ("text", f" — {where}{d.message}")]))
        return [head, ItemList(items)]


def _joined(parts: list[Line], last: str) -> Line:
    """The lines one after another: ``a, b and c``."""
    line: Line = []
    for k, part in enumerate(parts):
        if k:
            line.append(("text", last if k == len(parts) - 1 else ", "))
        line += part
    return line


def drawing_svg(amap: ArgumentMap, labels: dict[str, str] | None) -> bytes:
    """The map drawn by Graphviz as an SVG file.  Raises :class:`~argmap.views.graphviz.RenderError`."""
    from argmap.views.graphviz import build_drawing, render_bytes

    data, _ = render_bytes(build_drawing(amap, labels=labels, fast=None), "svg")
    return data


def inline_svg(data: bytes) -> str:
    """An SVG file as an element to put inside HTML: without its XML prolog and doctype."""
    text = data.decode("utf-8")
    start = text.find("<svg")
    return text[start:] if start >= 0 else ""
