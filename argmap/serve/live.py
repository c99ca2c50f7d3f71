"""A live explorer: the page of one map file, served on the loopback interface and
reloaded in the browser whenever the file changes.

* :class:`LivePage` holds the current page and a version number; :meth:`LivePage.refresh`
  draws the file again (a page that says what is wrong when it cannot) and wakes every
  waiting browser.
* :func:`serve` answers ``GET /`` with the page and ``GET /events`` with server-sent
  events (one ``reload`` event per new version).  It binds 127.0.0.1 only and serves
  nothing else: no file of the folder, not even the map's own text.
* :func:`watch_file` calls back on every save of the file, with ``watchfiles``.  It
  watches the file's folder, because editors often save by writing a new file and
  renaming it over the old one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

LOOPBACK = "127.0.0.1"
KEEP_ALIVE = 15.0
"""Seconds between the comments that keep an idle event stream open through proxies."""


@dataclass
class Drawn:
    """One drawing of the file: the page, and the problems to tell the user (empty when none)."""

    html: str
    problems: list[str] = field(default_factory=list)


class LivePage:
    """The current page of a map file, redrawn by :meth:`refresh`."""

    def __init__(self, draw: Callable[[], Drawn]) -> None:
        self._draw = draw
        self._changed = threading.Condition()
        self.version = 0
        self.page = b""
        self.closing = False

    def refresh(self) -> Drawn:
        """Draw the file again and wake the browsers waiting for a new version."""
        drawn = self._draw()
        with self._changed:
            self.page = drawn.html.encode("utf-8")
            self.version += 1
            self._changed.notify_all()
        return drawn

    def wait(self, seen: int, timeout: float) -> int:
        """The version once it is newer than ``seen`` (or after ``timeout`` seconds)."""
        with self._changed:
            self._changed.wait_for(lambda: self.version != seen or self.closing, timeout)
            return self.version

    def close(self) -> None:
        with self._changed:
            self.closing = True
            self._changed.notify_all()


def serve(live: LivePage, port: int) -> ThreadingHTTPServer:
    """An HTTP server for ``live`` on 127.0.0.1:``port`` (0: any free port), not yet running:
    call ``serve_forever`` in a thread, ``shutdown`` to stop."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            if path == "/":
                self._send(200, "text/html; charset=utf-8", live.page)
            elif path == "/events":
                self._events()
            else:
                self._send(404, "text/plain; charset=utf-8", b"argmap watch serves only / and /events\n")

        def _send(self, status: int, kind: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def _events(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            seen = live.version
            try:
                self.wfile.write(b"retry: 1000\n\n")
                self.wfile.flush()
                while not live.closing:
                    now = live.wait(seen, KEEP_ALIVE)
                    if live.closing:
                        break
                    self.wfile.write(f"event: reload\ndata: {now}\n\n".encode() if now != seen else b": idle\n\n")
                    self.wfile.flush()
                    seen = now
            except (BrokenPipeError, ConnectionResetError):
                pass  # the page went away (reloaded or closed)

        def log_message(self, format: str, *args: object) -> None:
            pass  # the library does not print; the command says what matters

    server = ThreadingHTTPServer((LOOPBACK, port), Handler)
    server.daemon_threads = True
    return server


FileStamp = tuple[int, int, int] | None
"""What tells one version of a file from the next: inode, size and modification time (None: no file)."""


def file_stamp(path: Path) -> FileStamp:
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_ino, status.st_size, status.st_mtime_ns)


def watch_file(path: Path, changed: Callable[[], None], stop: threading.Event, since: FileStamp = None) -> None:
    """Call ``changed`` after every save of ``path`` until ``stop`` is set (blocks).
    Ctrl-C raises :class:`KeyboardInterrupt` here, for the caller to end cleanly.

    ``since`` is the :func:`file_stamp` of the version last drawn: a save made before
    the watcher started (or one the file system did not report) is caught by comparing
    stamps twice a second."""
    import watchfiles

    target = path.resolve()
    seen = since if since is not None else file_stamp(target)

    def ours(_change: object, name: str) -> bool:
        return Path(name).resolve() == target

    for changes in watchfiles.watch(
        target.parent,
        watch_filter=ours,
        stop_event=stop,
        debounce=200,
        recursive=False,
        rust_timeout=500,
        yield_on_timeout=True,
    ):
        now = file_stamp(target)
        if changes or now != seen:
            seen = now
            changed()
