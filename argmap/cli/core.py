"""The command line: a thin typer layer over the library."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.tree import Tree

from argmap import queries
from argmap.api import default_map_path, load
from argmap.cli.common import MapOption, app
from argmap.diagnostics import Diagnostic, Severity, format_diagnostic
from argmap.model import ArgumentMap, RelationType, is_argument_node
from argmap.rules import RULES


def _read(map_path: str | None) -> tuple[ArgumentMap, list[Diagnostic], str]:
    if map_path == "-":
        data = sys.stdin.buffer.read()
        amap, diagnostics = load(data, name="<stdin>")
        return amap, diagnostics, data.decode("utf-8", "replace")
    path = Path(map_path) if map_path else default_map_path()
    amap, diagnostics = load(path)
    try:
        text = path.read_text("utf-8", "replace")
    except OSError:
        text = ""
    return amap, diagnostics, text


@app.command()
def show(map_path: MapOption = None) -> None:
    """Draw the map as a tree, from the main conclusions down.

    Example: argmap show -m debate.argdown
    """
    amap, diagnostics, _ = _read(map_path)
    console = Console()
    fatal = [d for d in diagnostics if d.code in {"AM000", "AM002"}]
    if fatal:
        for d in fatal:
            console.print(format_diagnostic(d), markup=False, highlight=False)
        raise typer.Exit(2)
    tops = queries.main_conclusions(amap) or queries.roots(amap)
    tree = Tree(f"[bold]{amap.source_name}[/bold]")
    seen: set[str] = set()
    for top in tops:
        _branch(amap, tree, top, "", seen)
    console.print(tree)


def _branch(amap: ArgumentMap, parent: Tree, node: str, symbol: str, seen: set[str]) -> None:
    label = amap.label(node)
    text = "" if is_argument_node(node) else amap.statements[node[1:-1]].text
    shown = node if not text or text == label else f"{node}: {text}"
    branch = parent.add(f"{symbol}{shown}".strip(), highlight=False)
    if node in seen:
        return
    seen.add(node)
    for relation in amap.incoming(node):
        if relation.type in (RelationType.SUPPORT, RelationType.CONCLUSION_OF, RelationType.ENTAILS):
            mark = "+ "
        elif relation.type is RelationType.PREMISE_OF:
            mark = "(premise) "
        else:
            mark = "- " if relation.type is not RelationType.UNDERCUT else "_ "
        _branch(amap, branch, relation.source, mark, seen)


@app.command()
def validate(map_path: MapOption = None) -> None:
    """Check a map and print every problem like a compiler: file:line:col.

    Example: argmap validate -m debate.argdown
    """
    amap, diagnostics, text = _read(map_path)
    console = Console(highlight=False)
    for d in diagnostics:
        console.print(format_diagnostic(d, text), markup=False)
    errors = sum(1 for d in diagnostics if d.severity is Severity.ERROR)
    warnings = sum(1 for d in diagnostics if d.severity is Severity.WARNING)
    console.print(f"{amap.source_name}: {errors} errors, {warnings} warnings", markup=False)
    if errors:
        raise typer.Exit(2)


@app.command()
def rules() -> None:
    """List the lint rules with their codes and explanations.

    Example: argmap rules
    """
    console = Console(highlight=False)
    for code, rule in sorted(RULES.items()):
        console.print(f"{code} {rule.name} ({rule.severity}): {rule.summary}", markup=False)
