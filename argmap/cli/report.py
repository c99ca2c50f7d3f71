"""``argmap report``: the map as a document to read or hand out, in Markdown or HTML."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from argmap.cli.common import FromOption, MapArgument, MapOption, app, fail, map_size, map_source, open_map, wrote
from argmap.cli.output import OUT

_FORMATS = ("markdown", "html")


@app.command()
def report(
    file: MapArgument = None,
    map_path: MapOption = None,
    from_format: FromOption = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="File to write; '-' or none writes to standard output.", metavar="FILE"),
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option("--format", help="markdown or html. Default: from FILE's extension, else markdown.", metavar="F"),
    ] = None,
    max_size: Annotated[
        int,
        typer.Option("--max-size", "-k", min=1, max=4, help="Largest set of premises tried as a crux.", metavar="K"),
    ] = 2,
    no_drawing: Annotated[bool, typer.Option("--no-drawing", help="Leave the drawing out.")] = False,
) -> None:
    """Write the map as a document to read or hand out: the thesis, the reasons and
    objections, each reconstructed argument with its quotes, which claims stand and
    why, the cruxes of the main conclusions, open findings and the drawing.

    Markdown gets the drawing as an SVG file beside it (report.md: report.svg; only
    with -o), HTML inside the page.  The map's text comes out literally in both.

    \b
    Example: argmap report -o report.md && argmap report --format html -o report.html
    """
    from argmap.cli.process import captured_stderr
    from argmap.diagnostics import sort_diagnostics
    from argmap.files import write_atomic
    from argmap.rules import lint
    from argmap.semantics import label_map
    from argmap.views.document import Figure, to_html, to_markdown
    from argmap.views.graphviz import RenderError
    from argmap.views.report import ReportOptions, build_report, drawing_svg, inline_svg

    to_stdout = output is None or output == "-"
    fmt = _format(output, output_format)
    loaded = open_map(map_source(map_path, file), from_format)
    amap = loaded.amap
    diagnostics = sort_diagnostics(loaded.diagnostics + lint(amap))
    figure: Figure | None = None
    svg_path = None if to_stdout else Path(str(output)).with_suffix(".svg")
    if not no_drawing and (fmt == "html" or svg_path is not None):
        try:
            with captured_stderr():
                data = drawing_svg(amap, label_map(amap))
        except RenderError as problem:
            OUT.warning(f"the report has no drawing: {problem}")
        else:
            alt = f"The map drawn: {len(amap.statements)} statements, {len(amap.arguments)} arguments"
            if fmt == "html":
                figure = Figure(alt, svg=inline_svg(data))
            elif svg_path is not None:
                try:
                    write_atomic(svg_path, data)
                except OSError as problem:
                    fail(f"cannot write {svg_path}: {problem.strerror or problem}")
                wrote(str(svg_path), "svg", "the drawing")
                figure = Figure(alt, path=svg_path.name)
    elif fmt == "markdown" and not no_drawing:
        OUT.note("the drawing goes in an SVG file beside the report: write the report with -o FILE.md")
    document = build_report(amap, diagnostics, ReportOptions(max_size, figure))
    text = to_html(document) if fmt == "html" else to_markdown(document)
    if to_stdout:
        OUT.document(text)
        return
    try:
        write_atomic(Path(str(output)), text.encode("utf-8"))
    except OSError as problem:
        fail(f"cannot write {output}: {problem.strerror or problem}")
    wrote(str(output), fmt, map_size(amap))


def _format(output: str | None, given: str | None) -> str:
    """``--format``, else the format the file name implies, else markdown; the two must agree."""
    implied = None
    if output is not None and output != "-":
        suffix = Path(output).suffix.lower()
        implied = "html" if suffix in (".html", ".htm") else "markdown" if suffix in (".md", ".markdown") else None
    if given is None:
        return implied or "markdown"
    name = given.strip().lower()
    if name not in _FORMATS:
        fail(f"unknown report format '{given}'; choose markdown or html")
    if implied is not None and implied != name:
        fail(f"--format {name} contradicts the file name {output}; make them agree")
    return name
