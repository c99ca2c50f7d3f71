"""The everyday commands: show, why, find, list, validate, rules, render.

Each command is a thin layer: read the map, call a library function from
:mod:`argmap.views` (or the core), print text or ``--json``.  Heavy modules
(pygraphviz) are imported only inside ``render``.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from argmap import queries
from argmap.cli.common import (
    ClaimArgument,
    FromOption,
    JsonOption,
    MapArgument,
    MapOption,
    NoLabelsOption,
    StrengthOption,
    app,
    claim_or_fail,
    complete_claim,
    complete_rule,
    complete_section,
    complete_tag,
    fail,
    keep,
    labels_for,
    map_source,
    name_or_fail,
    open_map,
    read_map,
    strength_in,
    wrote,
)
from argmap.cli.output import OUT
from argmap.diagnostics import Diagnostic, Severity, diagnostics_record, format_diagnostic, format_github
from argmap.rules import FATAL_CODES

if TYPE_CHECKING:
    from rich.text import Text

    from argmap.model import ArgumentMap
    from argmap.views.tree import TreeView, ViewNode

DepthOption = Annotated[
    int | None,
    typer.Option("--depth", "-d", min=0, help="Go at most N levels below the top claims.", metavar="N"),
]
TagOption = Annotated[
    str | None,
    typer.Option(
        "--tag",
        "-t",
        help="Only claims tagged #TAG (or a unique piece of a tag name).",
        metavar="TAG",
        autocompletion=complete_tag,
    ),
]
FocusOption = Annotated[
    str | None,
    typer.Option(
        "--focus",
        "-f",
        help="Start at this claim: [Title], <Title>, a title or a unique piece of its text.",
        metavar="CLAIM",
        autocompletion=complete_claim,
    ),
]


@app.command()
def show(
    focus: FocusOption = None,
    depth: DepthOption = None,
    tag: TagOption = None,
    section: Annotated[
        str | None,
        typer.Option(
            "--section",
            help="Only claims from this section (heading), or the one whose title holds this piece.",
            metavar="SECTION",
            autocompletion=complete_section,
        ),
    ] = None,
    file: MapArgument = None,
    map_path: MapOption = None,
    from_format: FromOption = None,
    as_json: JsonOption = False,
    no_labels: NoLabelsOption = False,
    strength: StrengthOption = None,
) -> None:
    """Print the map as a tree, from the main conclusions down to the premises.

    Supports are marked + (green), attacks - (red), undercuts _ (red), premises of
    an argument (1), (2)...; each claim carries its evaluation ✔ IN, ✘ OUT or ? UNDEC.

    \b
    Example: argmap show --focus 'Back to the table' --depth 2
    """
    from argmap.views.tree import show_view

    loaded = open_map(map_source(map_path, file), from_format)
    amap = loaded.amap
    node = claim_or_fail(amap, focus) if focus is not None else None
    tag = name_or_fail(queries.resolve_tag, amap, tag)
    section = name_or_fail(queries.resolve_section, amap, section)
    labels = labels_for(amap, not no_labels)
    view = show_view(amap, node, depth, tag, section, labels)

    from argmap.views.annotate import explain_labels_in

    explain_labels_in(view, amap, labels)
    strength_in(view, amap, strength)
    keep(view)
    if as_json:
        OUT.json(view.to_dict())
        return
    if not view.roots:
        wanted = " and ".join(x for x in (f"tag #{tag}" if tag else "", f"section '{section}'" if section else "") if x)
        fail(f"no claim in the map matches {wanted or 'the filters'}", 1)
    print_tree(view)


def print_tree(view: TreeView) -> None:
    """A tree view on standard output: rich (colour, wrapping) on a colour terminal for
    views of a readable size, else plain lines (:func:`argmap.views.text.tree_lines`).

    Without colour (piped, redirected) the plain lines are the same text as rich's,
    faster, and without rich's trailing padding; then rich is not even imported."""
    from argmap.views.text import LARGE_VIEW, count_nodes, render_tree, tree_lines

    width = OUT.plain_width()
    if width is None:
        out = OUT.console
        if out.color_system is not None and count_nodes(view, LARGE_VIEW) <= LARGE_VIEW:
            OUT.render(render_tree(view))
            return
        width = out.width
    OUT.lines(tree_lines(view, width))


def print_list(nodes: list[ViewNode]) -> None:
    """Claims one per row (:func:`argmap.views.text.render_list`).  A long list without
    colour goes out as plain lines (:func:`argmap.views.text.list_lines`, the same
    layout): rich is slow on lists of tens of thousands of claims."""
    from argmap.views.text import LARGE_VIEW, list_lines, render_list

    width = OUT.plain_width()
    if width is not None and len(nodes) > LARGE_VIEW:
        lines = list_lines(nodes, width)
        if lines is not None:
            OUT.lines(lines)
            return
    OUT.render(render_list(nodes))


@app.command()
def why(
    claim: ClaimArgument,
    depth: Annotated[
        int | None,
        typer.Option(
            "--depth",
            "-d",
            min=0,
            help="Go at most N steps down from CLAIM: a step is one reason, one premise or one argument.",
            metavar="N",
        ),
    ] = None,
    file: MapArgument = None,
    map_path: MapOption = None,
    from_format: FromOption = None,
    as_json: JsonOption = False,
    no_labels: NoLabelsOption = False,
    strength: StrengthOption = None,
) -> None:
    """Explain why a claim holds: the chain of reasons under it, down to its premises.

    Each step names the argument, its numbered premises with the quote and paragraph
    they come from, and the attacks met on the way.  #implicit premises are marked.

    \b
    Example: argmap why 'No military solution' --depth 3
    """
    from argmap.views.tree import why_view

    loaded = open_map(map_source(map_path, file), from_format)
    amap = loaded.amap
    node = claim_or_fail(amap, claim)
    labels = labels_for(amap, not no_labels)
    view = why_view(amap, node, depth, labels)

    from argmap.views.annotate import explain_labels_in

    explain_labels_in(view, amap, labels)
    strength_in(view, amap, strength)
    keep(view)
    if as_json:
        OUT.json(view.to_dict())
        return
    print_tree(view)


@app.command()
def find(
    text: Annotated[
        str, typer.Argument(help="Text to look for (case-insensitive).", show_default=False, metavar="TEXT")
    ],
    file: MapArgument = None,
    map_path: MapOption = None,
    from_format: FromOption = None,
    as_json: JsonOption = False,
) -> None:
    """Find the claims whose title, text, tag or quote contains TEXT.

    Exits 1 when nothing matches, like grep.

    \b
    Example: argmap find pentagon
    """
    from argmap.views.listing import claims_record, find_claims

    amap = open_map(map_source(map_path, file), from_format).amap
    found = find_claims(amap, text)
    if as_json:
        OUT.json(claims_record(found))
    elif found:
        print_list(found)
    if not found:
        if not as_json:
            OUT.message(f"argmap: no claim contains '{text}'")
        raise typer.Exit(1)


@app.command("list")
def list_(
    premises: Annotated[bool, typer.Option("--premises", help="Statements used as premises of arguments.")] = False,
    conclusions: Annotated[
        bool, typer.Option("--conclusions", help="Statements that arguments conclude or something supports.")
    ] = False,
    arguments: Annotated[bool, typer.Option("--arguments", help="The arguments.")] = False,
    tag: TagOption = None,
    file: MapArgument = None,
    map_path: MapOption = None,
    from_format: FromOption = None,
    as_json: JsonOption = False,
) -> None:
    """List the claims of the map, all of them or only one kind.

    Kinds combine: --premises --conclusions lists both.  --tag narrows any list.

    \b
    Example: argmap list --premises --tag implicit
    """
    from argmap.views.listing import claims_record, list_claims

    amap = open_map(map_source(map_path, file), from_format).amap
    tag = name_or_fail(queries.resolve_tag, amap, tag)
    found = list_claims(amap, premises, conclusions, arguments, tag)
    if as_json:
        OUT.json(claims_record(found))
        return
    print_list(found)


class DiagnosticFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


@app.command()
def validate(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Maps to check ('-' for standard input). Default: --map or the shipped map.", metavar="MAP..."
        ),
    ] = None,
    source: Annotated[
        Path | None,
        typer.Option(
            "--source",
            help="Also check that every quote in the map occurs in this source text (e.g. the op-ed).",
            metavar="FILE",
        ),
    ] = None,
    output_format: Annotated[
        DiagnosticFormat,
        typer.Option(
            "--format", help="text (like a compiler), json, or github (Actions annotations).", metavar="FORMAT"
        ),
    ] = DiagnosticFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when there are warnings (and no errors).")] = False,
    map_path: MapOption = None,
    from_format: FromOption = None,
    as_json: JsonOption = False,
) -> None:
    """Check maps and print every problem like a compiler: file:line:col, code, the line, a caret.

    Exit status: 0 clean (warnings allowed), 1 warnings with --strict, 2 errors.

    \b
    Example: argmap validate --strict
    """
    from rich.text import Text

    from argmap.views.words import plural

    targets: list[str | None] = list(paths) if paths else [map_path]
    source_text: str | None = None
    if source is not None:
        try:
            source_text = source.read_text("utf-8")
        except IsADirectoryError:
            fail(f"--source {source}: is a directory, not a text file")
        except FileNotFoundError:
            fail(f"--source {source}: no such file")
        except (OSError, UnicodeDecodeError) as error:
            fail(f"--source {source}: cannot read it ({type(error).__name__})")
    if as_json:
        output_format = DiagnosticFormat.json
    all_diagnostics: list[Diagnostic] = []
    names: list[str] = []
    for target in targets:
        if target is None and not _default_exists():
            fail("the shipped map is missing; pass a PATH")
        loaded = read_map(target, fmt=from_format)
        diagnostics = list(loaded.diagnostics)
        if source is not None and source_text is not None and not any(d.code in FATAL_CODES for d in diagnostics):
            diagnostics += _provenance(loaded.amap, source_text, str(source))
        all_diagnostics += diagnostics
        names.append(loaded.amap.source_name)
        if output_format is DiagnosticFormat.text:
            for d in diagnostics:
                OUT.render(_coloured(format_diagnostic(d, loaded.text)), soft_wrap=True)
            errors = sum(1 for d in diagnostics if d.severity is Severity.ERROR)
            warnings = sum(1 for d in diagnostics if d.severity is Severity.WARNING)
            name = loaded.amap.source_name
            verdict = "ok" if not diagnostics else f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"
            OUT.render(Text(f"{name}: {verdict}", style="bold red" if errors else ""), soft_wrap=True)
        elif output_format is DiagnosticFormat.github:
            for d in diagnostics:
                OUT.text(format_github(d))
    if output_format is DiagnosticFormat.json:
        OUT.json(diagnostics_record(names, all_diagnostics))
    raise typer.Exit(exit_status(all_diagnostics, strict))


def _coloured(report: str) -> Text:
    """A compiler-style diagnostic with its severity coloured (lines never re-wrapped)."""
    from rich.text import Text

    from argmap.views import palette

    text = Text(report)
    for severity, style in palette.SEVERITIES.items():
        text.highlight_regex(rf"\b{severity}\[A[MF]\d+\]", style)
    text.highlight_regex(r"(?m)^ *\d* \| *\^+$", "bold")
    return text


def exit_status(diagnostics: list[Diagnostic], strict: bool) -> int:
    """2 with errors, 1 with warnings under ``--strict``, else 0."""
    if any(d.severity is Severity.ERROR for d in diagnostics):
        return 2
    if strict and any(d.severity is Severity.WARNING for d in diagnostics):
        return 1
    return 0


def _default_exists() -> bool:
    from argmap.api import default_map_path

    return default_map_path().is_file()


def _provenance(amap: ArgumentMap, source_text: str, source_name: str) -> list[Diagnostic]:
    try:
        from argmap.provenance import check_provenance
    except ImportError:
        fail("--source needs argmap.provenance, which this installation lacks")
    found: list[Diagnostic] = list(check_provenance(amap, source_text, source_name))
    return found


@app.command()
def rules(
    code: Annotated[
        str | None,
        typer.Argument(
            help="Explain only this rule (e.g. AM103).",
            show_default=False,
            metavar="CODE",
            autocompletion=complete_rule,
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """List the lint rules with their codes, severities and explanations.

    \b
    Example: argmap rules AM201
    """
    from argmap.rules import registered
    from argmap.views.rules import rule_explanation, rules_record, rules_table

    selected = list(registered().values())
    if code is not None:
        wanted = code.strip()
        selected = [r for r in selected if r.code == wanted.upper() or r.name == wanted.lower()]
        if not selected:
            fail(f"no rule {code}; argmap rules lists them all")
    if as_json:
        OUT.json(rules_record(selected))
        return
    if code is not None:
        for r in selected:
            OUT.render(rule_explanation(r))
        return
    OUT.render(rules_table(selected))


@app.command()
def schema(
    name: Annotated[
        str | None, typer.Argument(help="Print this shape's JSON Schema.", show_default=False, metavar="NAME")
    ] = None,
) -> None:
    """List the shapes of the JSON that --json prints, or print one as a JSON Schema document.

    Every --json output is one object whose "schema" field names its shape and version.

    \b
    Example: argmap schema tree
    """
    from argmap import schemas

    if name is None:
        users: dict[str, list[str]] = {}
        for command, shape in schemas.COMMANDS.items():
            users.setdefault(shape, []).append(command)
        width = max(len(n) for n in schemas.names())
        OUT.lines(f"{n:<{width}}  {schemas.schema_id(n)}  ({', '.join(users.get(n, []))})" for n in schemas.names())
        return
    try:
        OUT.json(schemas.schema(name))
    except KeyError:
        fail(f"no shape '{name}'; argmap schema lists them")


class RenderFormat(StrEnum):
    svg = "svg"
    png = "png"
    pdf = "pdf"
    dot = "dot"
    html = "html"


class RankDir(StrEnum):
    TB = "TB"
    LR = "LR"
    BT = "BT"
    RL = "RL"


@app.command()
def render(
    out: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File to write; '-' or none writes to standard output.", metavar="OUT"),
    ] = None,
    output_format: Annotated[
        RenderFormat | None,
        typer.Option(
            "--format",
            help="svg, png, pdf, dot or html (the explorer). Default: from OUT's extension, else svg.",
            metavar="FORMAT",
        ),
    ] = None,
    focus: FocusOption = None,
    depth: DepthOption = None,
    rankdir: Annotated[
        RankDir,
        typer.Option(
            "--rankdir", help="Direction of the drawing: TB (conclusions on top), LR, BT or RL.", metavar="DIR"
        ),
    ] = RankDir.TB,
    force: Annotated[bool, typer.Option("--force", help="Lay out a map even when it is very large (slow).")] = False,
    file: MapArgument = None,
    map_path: MapOption = None,
    from_format: FromOption = None,
    no_labels: NoLabelsOption = False,
) -> None:
    """Draw the map with Graphviz: statements as boxes, arguments as rounded nodes,
    support green, attack red, undercut dashed, sections as clusters.

    The file is replaced only once the new drawing is complete.  DOT output needs no
    layout; SVG, PNG and PDF use the Graphviz bundled with pygraphviz.  HTML is the
    explorer: one file to pan, zoom, search and click through, offline.

    \b
    Example: argmap render -o map.svg --focus 'Back to the table' --depth 2
    """
    from argmap.cli.process import captured_stderr
    from argmap.views.graphviz import RenderError, build_drawing, graphviz_notice, render_bytes, write_atomic

    fmt = _render_format(out, output_format)
    to_stdout = out is None or str(out) == "-"
    if to_stdout and fmt in ("png", "pdf") and sys.stdout.isatty():
        fail(f"{fmt} is binary and standard output is a terminal; write a file with -o map.{fmt}, or pipe it")
    loaded = open_map(map_source(map_path, file), from_format)
    amap = loaded.amap
    node = claim_or_fail(amap, focus) if focus is not None else None
    labels = labels_for(amap, not no_labels)
    from argmap.cli.explore import render_html, say_ignored_settings

    say_ignored_settings(amap)
    if fmt == "html":
        render_html(loaded, node, depth, rankdir.value, labels, force, out)
        return
    # DOT output is exactly what dot would lay out; the fast layout only for drawings.
    drawing = build_drawing(amap, node, depth, rankdir.value, labels, fast=False if fmt == "dot" else None)
    try:
        with captured_stderr() as messages:
            data, notice = render_bytes(drawing, fmt, force)
        if to_stdout:
            OUT.binary(data)
        else:
            assert out is not None
            write_atomic(out, data)
    except RenderError as error:
        fail(str(error))
    if not to_stdout:
        from argmap.views.words import plural

        wrote(str(out), fmt, f"{plural(drawing.nodes, 'node')}, {plural(drawing.edges, 'edge')}")
    scaled, said = graphviz_notice(messages)
    for line in said:
        OUT.message(f"graphviz: {line}")
    for note in (notice, scaled):
        if note:
            OUT.note(note)


def _render_format(out: Path | None, given: RenderFormat | None) -> str:
    """The format to draw in: ``--format``, else the file's extension, else svg; the two must agree."""
    implied: str | None = None
    if out is not None and str(out) != "-":
        suffix = out.suffix.lower().lstrip(".")
        if suffix == "gv":
            implied = "dot"
        elif suffix == "htm":
            implied = "html"
        elif suffix in {f.value for f in RenderFormat}:
            implied = suffix
        elif suffix and given is None:
            fail(f"cannot tell the format from '.{suffix}'; use --format svg|png|pdf|dot|html")
    if given is not None:
        if implied is not None and implied != given.value:
            fail(f"--format {given.value} contradicts the file name {out} ({implied}); make them agree")
        return given.value
    return implied or "svg"
