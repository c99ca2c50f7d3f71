"""``argmap watch``: redraw a map on every save, in the browser or in the terminal."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli.common import MapArgument, MapOption, NoLabelsOption, app, fail
from argmap.cli.output import OUT

if TYPE_CHECKING:
    from argmap.serve.live import Drawn


@app.command()
def watch(
    file: MapArgument = None,
    map_path: MapOption = None,
    port: Annotated[
        int,
        typer.Option(
            "--port", min=0, max=65535, help="Port on 127.0.0.1 to serve at; 0 picks a free one.", metavar="N"
        ),
    ] = 8765,
    terminal: Annotated[
        bool, typer.Option("--terminal", help="Redraw `argmap show` in the terminal instead of serving a page.")
    ] = False,
    exit_after: Annotated[
        int | None,
        typer.Option(
            "--exit-after", min=0, help="Stop after this many seconds (for scripts); default: Ctrl-C.", metavar="S"
        ),
    ] = None,
    no_labels: NoLabelsOption = False,
) -> None:
    """Redraw the map whenever its file is saved: serve the explorer at
    http://127.0.0.1:PORT, whose page reloads by itself and keeps its zoom and
    selection; or, with --terminal, print `argmap show` again.

    Mistakes in the file show in the page and here, and the watch goes on.  Only this
    computer can reach the page (127.0.0.1), and it serves nothing but the map.  Ctrl-C
    stops it.

    \b
    Example: argmap watch --terminal --exit-after 1
    """
    import threading

    from argmap.api import default_map_path
    from argmap.serve.live import LivePage, file_stamp, serve, watch_file

    try:
        import watchfiles  # noqa: F401
    except ImportError:
        fail("argmap watch needs the watchfiles package: pip install 'argmap[watch]'")
    if map_path == "-" or file == "-":
        fail("watch reads a file, not standard input")
    given = file or map_path
    path = Path(given) if given else default_map_path()
    if not path.is_file():
        fail(f"{path} is not a file")
    stop = threading.Event()
    if exit_after is not None:
        timer = threading.Timer(exit_after, stop.set)
        timer.daemon = True
        timer.start()
    drawn = file_stamp(path)
    if terminal:
        _redraw_show(path, no_labels)
        _until_stopped(lambda: watch_file(path, lambda: _redraw_show(path, no_labels), stop, drawn))
        return
    live = LivePage(lambda: _draw_page(path, no_labels))
    _tell(live.refresh().problems)
    try:
        server = serve(live, port)
    except OSError as error:
        fail(f"cannot serve at 127.0.0.1:{port}: {error.strerror or error}; try --port 0")
    address = f"http://127.0.0.1:{server.server_address[1]}/"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    OUT.message(f"serving {path} at {address} (Ctrl-C stops)")

    def changed() -> None:
        _tell(live.refresh().problems)
        OUT.message(f"redrawn {path}")

    try:
        _until_stopped(lambda: watch_file(path, changed, stop, drawn))
    finally:
        live.close()
        server.shutdown()
        server.server_close()


def _until_stopped(run: Callable[[], None]) -> None:
    """Run the watch; Ctrl-C ends it with a line, not a traceback, and exit status 0."""
    try:
        run()
    except KeyboardInterrupt:
        OUT.message("stopped")


def _tell(problems: list[str]) -> None:
    for line in problems:
        OUT.message(line)


def _draw_page(path: Path, no_labels: bool) -> Drawn:
    """The explorer of the file as it is now, or a page that says what is wrong with it."""
    import argmap
    from argmap.diagnostics import Severity, format_diagnostic
    from argmap.serve.live import Drawn
    from argmap.views.graphviz import RenderError
    from argmap.views.html import build_explorer, error_page

    try:
        amap, diagnostics = argmap.load(path)
    except OSError as error:
        message = f"cannot read {path}: {error.strerror or error}"
        return Drawn(error_page(path.name, message), [message])
    errors = [format_diagnostic(d) for d in diagnostics if d.severity is Severity.ERROR]
    if errors:
        return Drawn(error_page(path.name, "\n".join(errors)), errors)
    if not amap.statements and not amap.arguments:
        message = f"{path} holds no map yet: no statements and no arguments"
        return Drawn(error_page(path.name, message), [message])
    labels = None
    if not no_labels:
        from argmap.cli.common import labels_for

        labels = labels_for(amap)
    from argmap.cli.process import captured_stderr
    from argmap.views.graphviz import graphviz_notice

    try:
        with captured_stderr() as messages:
            page = build_explorer(amap, labels, diagnostics, live=True)
    except RenderError as error:
        return Drawn(error_page(path.name, str(error)), [str(error)])
    _, said = graphviz_notice(messages)
    return Drawn(page.html, [f"graphviz: {line}" for line in said])


def _redraw_show(path: Path, no_labels: bool) -> None:
    """Clear the terminal and print ``argmap show`` of the file (or what is wrong with it)."""
    import argmap
    from argmap.cli.common import labels_for
    from argmap.cli.core import print_tree
    from argmap.diagnostics import Severity, format_diagnostic
    from argmap.views.tree import show_view

    if OUT.console.is_terminal:
        OUT.console.clear()
    try:
        amap, diagnostics = argmap.load(path, lint=False)
    except OSError as error:
        OUT.error(f"cannot read {path}: {error.strerror or error}")
        return
    for d in diagnostics:
        if d.severity is Severity.ERROR:
            OUT.message(format_diagnostic(d))
    if amap.statements or amap.arguments:
        print_tree(show_view(amap, labels=labels_for(amap, not no_labels)))
    else:
        OUT.message(f"{path} holds no map yet")
