"""Views of evaluations: ``eval``, ``what-if`` and ``cruxes`` as rich renderables.

Claims are listed one per row with their label's mark (a symbol and a word, so the
label reads without colour) and their id and text, which wrap to the terminal's
width rather than being cut."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from argmap.model import ArgumentMap
from argmap.semantics.evaluation import SYMBOLS, Evaluation, Label
from argmap.semantics.report import CruxReport, FrameworkReport, WhatIfReport
from argmap.semantics.strength import Contribution
from argmap.views import palette
from argmap.views.words import plural


def mark(label: Label) -> Text:
    """``✔ IN``, ``✘ OUT``, ``? UNDEC``, styled."""
    return Text(f"{SYMBOLS[label]} {label.value}", style=_style(label))


def _style(label: Label) -> str:
    return palette.LABELS[label.value]


def claim_text(amap: ArgumentMap, node: str) -> Text:
    """The node id, then its text when the text says more than the title."""
    title = node[1:-1]
    statement = amap.statements.get(title) if node.startswith("[") else None
    argument = amap.arguments.get(title) if node.startswith("<") else None
    raw = statement.text if statement is not None else argument.description if argument is not None else ""
    text = " ".join(raw.split())
    shown = Text()
    shown.append(node, style=palette.STATEMENT if node.startswith("[") else palette.ARGUMENT)
    if text and text != title:
        shown.append("  " + text)
    return shown


def _rows() -> Table:
    table = Table.grid(padding=(0, 1))
    return table


def evaluation_view(amap: ArgumentMap, evaluation: Evaluation, summary: bool = False) -> RenderableType:
    counts = evaluation.counts()
    multi = evaluation.semantics != "grounded"
    head = Text(
        f"{evaluation.semantics}: {plural(len(evaluation.labels), 'claim')}: "
        f"{counts['IN']} IN, {counts['OUT']} OUT, {counts['UNDEC']} UNDEC"
    )
    if multi and evaluation.listed:
        more = "" if evaluation.exhaustive else " (stopped at --limit)"
        head.append(f"; {plural(len(evaluation.extensions), 'extension')}{more}")
    if summary:
        return head
    table = _rows()
    table.add_column(no_wrap=True)
    if multi:
        table.add_column(no_wrap=True)
    table.add_column(overflow="fold")
    for node, label in evaluation.labels.items():
        cells: list[RenderableType] = [mark(label)]
        if multi:
            accepted = "sceptical" if evaluation.sceptical[node] else "credulous" if evaluation.credulous[node] else "-"
            cells.append(Text(accepted))
        cells.append(claim_text(amap, node))
        table.add_row(*cells)
    parts: list[RenderableType] = [head, table]
    if multi:
        for k, extension in enumerate(evaluation.extensions, start=1):
            members = [node for node, lab in extension.items() if lab is Label.IN]
            parts.append(Text(f"extension {k}: {', '.join(members) if members else '(empty)'}"))
        parts.append(
            Text(
                "A claim is IN or OUT above when it is so in every extension, else UNDEC; "
                "sceptical: IN in every extension, credulous: IN in some.",
                style=palette.QUIET,
            )
        )
    return Group(*parts)


def framework_view(report: FrameworkReport, limit: int, summary: bool = False) -> RenderableType:
    counts = {k: len(v) for k, v in report.groups.items()}
    head = (
        f"{report.semantics}: {plural(report.arguments, 'argument')}, {plural(report.attacks, 'attack')}: "
        f"{counts['IN']} IN, {counts['OUT']} OUT, {counts['UNDEC']} UNDEC"
    )
    multi = report.semantics != "grounded"
    if multi and report.listed:
        more = "" if report.exhaustive else f" (stopped at --limit {limit})"
        head += f"; {plural(len(report.extensions), 'extension')}{more}"
    lines = [head]
    if not summary:
        if not multi:
            lines += [f"{key}: {' '.join(report.groups[key])}".rstrip() for key in ("IN", "OUT", "UNDEC")]
        else:
            lines += [f"extension {k}: {' '.join(ext)}".rstrip() for k, ext in enumerate(report.extensions, start=1)]
            lines.append(f"credulous: {' '.join(report.credulous)}".rstrip())
            lines.append(f"sceptical: {' '.join(report.sceptical)}".rstrip())
    return Group(*(Text(line) for line in lines))


def what_if_view(amap: ArgumentMap, report: WhatIfReport) -> RenderableType:
    what = report.assumption
    what = what[0].upper() + what[1:]
    if not report.changes:
        return Text(f"{what} changes no label ({report.semantics}).")
    n = len(report.changes)
    head = Text(f"{what}: {plural(n, 'claim')} {'changes' if n == 1 else 'change'} ({report.semantics})")
    table = _rows()
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold")
    for change in report.changes:
        table.add_row(mark(change.before), Text("->"), mark(change.after), claim_text(amap, change.node))
    return Group(head, table)


def cruxes_view(amap: ArgumentMap, report: CruxReport) -> RenderableType:
    node = report.claim
    if report.unaccepted:
        return Text(f"{node} is not accepted ({report.label.value}) as the map stands; nothing needs rejecting.")
    if not report.sets:
        return Text(f"No set of up to {plural(report.max_size, 'premise')} defeats {node}; try a larger --max-size.")
    groups = report.factors()
    table = _rows()
    table.add_column(justify="right", no_wrap=True)
    table.add_column(overflow="fold")
    if groups is not None:
        head = Text(
            f"{node} is IN. Rejecting one choice of each group below defeats it "
            f"({len(groups)} groups, standing for {plural(len(report.sets), 'set')}):"
        )
        for k, group in enumerate(groups, start=1):
            table.add_row(Text(f"{k}."), Text("one of"))
            choices = _rows()  # the bullet in a column of its own: a wrapped text stays beside it
            choices.add_column(no_wrap=True)
            choices.add_column(overflow="fold")
            for choice in group:
                choices.add_row(Text("·"), _choice(amap, choice))
            table.add_row(Text(""), choices)
        return Group(head, table)
    head = Text(f"{node} is IN. Rejecting all premises of any one set below defeats it (smallest first):")
    for k, crux in enumerate(report.sets, start=1):
        table.add_row(Text(f"{k}."), _choice(amap, crux))
    return Group(head, table)


def _choice(amap: ArgumentMap, premises: tuple[str, ...]) -> Text:
    """One premise with its text, or several to reject together joined by ``+``."""
    return claim_text(amap, premises[0]) if len(premises) == 1 else Text(" + ".join(premises), style="bold")


def contributions_view(head: str, parts: list[Contribution]) -> RenderableType:
    """``argmap strength CLAIM``: the claim's score, then what each supporter (+) and
    attacker (-) adds to it, each wrapped below its own text."""
    table = _rows()
    for part in parts:
        sign = "+" if part.relation == "support" else "-"
        table.add_row(f"  {sign}", Text(f"{part.node} ({part.strength:.3f}) moves it by {part.effect:+.3f}"))
    return Group(Text(head), table)
