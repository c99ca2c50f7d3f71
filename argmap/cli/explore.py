"""``argmap render --format html``: the explorer page, written by the render command;
and the warning about drawing settings that every format of ``render`` gives.

Kept apart from :mod:`argmap.cli.core` so that the render command only hands over;
the page itself is made by :mod:`argmap.views.html`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from argmap.cli.common import fail, wrote
from argmap.cli.output import OUT

if TYPE_CHECKING:
    from argmap.cli.common import LoadedMap
    from argmap.model import ArgumentMap


def say_ignored_settings(amap: ArgumentMap) -> None:
    """Warn (AM209) about the front matter's drawing settings that the drawing does not follow."""
    from argmap.diagnostics import format_diagnostic
    from argmap.views.settings import drawing_settings

    for diagnostic in drawing_settings(amap)[1]:
        OUT.message(f"{amap.source_name}: {format_diagnostic(diagnostic)}")


def render_html(
    loaded: LoadedMap,
    focus: str | None,
    depth: int | None,
    rankdir: str,
    labels: dict[str, str] | None,
    force: bool,
    out: Path | None,
) -> None:
    """Write the explorer of ``loaded`` to ``out`` (None or ``-``: standard output)."""
    from argmap.cli.process import captured_stderr
    from argmap.rules import lint
    from argmap.views.graphviz import RenderError, graphviz_notice, write_atomic
    from argmap.views.html import build_explorer
    from argmap.views.words import plural

    findings = [*loaded.diagnostics, *lint(loaded.amap)]
    try:
        with captured_stderr() as messages:
            page = build_explorer(loaded.amap, labels, findings, focus, depth, rankdir, force)
        data = page.html.encode("utf-8")
        if out is None or str(out) == "-":
            OUT.binary(data)
        else:
            write_atomic(out, data)
            wrote(str(out), "html", f"{plural(page.nodes, 'node')}, {plural(page.edges, 'edge')}")
    except RenderError as error:
        fail(str(error))
    _, said = graphviz_notice(messages)  # a page is never scaled down
    for line in said:
        OUT.message(f"graphviz: {line}")
    if page.notice:
        OUT.note(page.notice)
