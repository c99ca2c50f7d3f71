"""Views of the rule registry: the table ``argmap rules`` prints, one rule in full, and JSON."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from argmap.rules.registry import Rule
from argmap.schemas import stamped
from argmap.views import palette


def rule_record(rule: Rule) -> dict[str, Any]:
    """A rule as JSON: code, name, severity, summary, explanation."""
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity.value,
        "summary": rule.summary,
        "explanation": rule.explanation,
    }


def _severity_style(rule: Rule) -> str:
    return palette.SEVERITIES[rule.severity.value]


def rules_table(rules: list[Rule]) -> RenderableType:
    """One line per rule: code, severity, name and summary, then where the full text is."""
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True, style="bold")
    table.add_column(no_wrap=True)
    table.add_column()
    for rule in rules:
        table.add_row(
            rule.code, Text(str(rule.severity), style=_severity_style(rule)), Text(f"{rule.name}: {rule.summary}")
        )
    return Group(table, Text("argmap rules CODE explains one rule in full.", style=palette.QUIET))


def rule_explanation(rule: Rule) -> RenderableType:
    """One rule in full: its code, name and severity, summary and explanation."""
    head = Text()
    head.append(rule.code, style="bold")
    head.append(f" {rule.name} ")
    head.append(f"({rule.severity})", style=_severity_style(rule))
    parts: list[RenderableType] = [head, Text(rule.summary)]
    if rule.explanation:
        # The explanation's paragraphs are folded to the width; an indented block (an example) keeps its lines.
        parts += [Text(""), Text(_unfolded(rule.explanation))]
    return Group(*parts)


def rules_record(rules: list[Rule]) -> dict[str, Any]:
    """The rules as JSON (``argmap:rules``)."""
    return stamped("rules", {"rules": [rule_record(r) for r in rules]})


def _unfolded(explanation: str) -> str:
    """The explanation with each paragraph on one line (the terminal folds it), indented
    lines (examples) kept as they are."""
    paragraphs = []
    for block in explanation.split("\n\n"):
        lines = block.splitlines()
        if any(line.startswith(" ") for line in lines):
            paragraphs.append(block)
        else:
            paragraphs.append(" ".join(line.strip() for line in lines))
    return "\n\n".join(paragraphs)
