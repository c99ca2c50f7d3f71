"""``argmap watch`` as a real process: it serves the page on 127.0.0.1, tells the page
to reload when the file changes, shows mistakes without stopping, and ends on Ctrl-C."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pytest
from chromium import browser_page

FIRST = "[Ceasefire]: The ceasefire should hold.\n  + [Monitors]: Monitors watch the line.\n"
SECOND = FIRST + "  - [Rearming]: Both sides rearm during pauses.\n"
BROKEN = FIRST + '  + [Half]: typed {quote: "unclosed\n'


@dataclass
class Watch:
    process: subprocess.Popen[str]
    url: str
    lines: list[str] = field(default_factory=list)

    def said(self, pattern: str, timeout: float = 20) -> str:
        """The first line on standard error matching ``pattern``, waiting for it."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            for line in list(self.lines):
                if re.search(pattern, line):
                    return line
            time.sleep(0.05)
        raise AssertionError(f"argmap watch never said {pattern!r}; it said {self.lines}")


def _collect(stream: IO[str], lines: list[str]) -> None:
    for line in stream:
        lines.append(line.rstrip("\n"))


@pytest.fixture
def watching(tmp_path: Path) -> Iterator[tuple[Watch, Path]]:
    source = tmp_path / "live.argdown"
    source.write_text(FIRST, "utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "argmap", "watch", str(source), "--port", "0", "--no-labels"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    lines: list[str] = []
    assert process.stderr is not None
    threading.Thread(target=_collect, args=(process.stderr, lines), daemon=True).start()
    watch = Watch(process, "", lines)
    try:
        line = watch.said(r"serving .* at http://127\.0\.0\.1:\d+/")
        watch.url = line.split(" at ", 1)[1].split()[0]
        yield watch, source
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as answer:
        return str(answer.read().decode("utf-8"))


def save(path: Path, text: str) -> None:
    """Save as editors do: a new file renamed over the old one."""
    fresh = path.with_suffix(".tmp")
    fresh.write_text(text, "utf-8")
    fresh.replace(path)


def test_the_served_page_changes_with_the_file_and_ctrl_c_ends_cleanly(watching: tuple[Watch, Path]) -> None:
    watch, source = watching
    assert watch.url.startswith("http://127.0.0.1:")
    page = fetch(watch.url)
    assert 'data-id="[Ceasefire]"' in page and 'data-id="[Rearming]"' not in page
    with pytest.raises(urllib.error.HTTPError) as refused:
        fetch(watch.url + source.name)  # the server hands out the page, not the folder's files
    assert refused.value.code == 404
    save(source, SECOND)
    watch.said("redrawn")
    assert 'data-id="[Rearming]"' in fetch(watch.url)
    save(source, BROKEN)
    watch.said(r"error\[AM011\]")
    assert "unclosed" in fetch(watch.url) and watch.process.poll() is None
    watch.process.send_signal(signal.SIGINT)
    assert watch.process.wait(20) == 0
    assert watch.said("stopped")


def test_the_open_page_reloads_and_keeps_its_selection_and_zoom(watching: tuple[Watch, Path]) -> None:
    watch, source = watching
    with browser_page() as page:
        page.goto(watch.url)
        page.wait_for_selector("body[data-ready='1']")
        page.locator("g.node[data-id='[Monitors]']").click()
        page.locator("#stage").focus()
        page.keyboard.press("+")
        view = page.evaluate("window.argmap.view")
        save(source, SECOND)
        page.wait_for_selector("g.node[data-id='[Rearming]']", timeout=20000)
        page.wait_for_selector("body[data-ready='1']")
        assert page.text_content("#details h2") == "[Monitors]"
        assert page.evaluate("window.argmap.view")["w"] == pytest.approx(view["w"])
        save(source, BROKEN)
        page.wait_for_selector("#problem", timeout=20000)
        assert "AM011" in page.text_content("#problem")
        save(source, SECOND)
        page.wait_for_selector("g.node[data-id='[Rearming]']", timeout=20000)
        page.wait_for_selector("body[data-ready='1']")
        assert page.text_content("#details h2") == "[Monitors]", "the selection survives a broken save"
        assert all(url.startswith(watch.url) for url in page.requests)
        assert page.errors == []


def test_terminal_mode_prints_show_again_after_a_save(tmp_path: Path) -> None:
    source = tmp_path / "live.argdown"
    source.write_text(FIRST, "utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "argmap", "watch", str(source), "--terminal", "--no-labels", "--exit-after", "8"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1", "NO_COLOR": "1"},
    )
    lines: list[str] = []
    assert process.stdout is not None
    threading.Thread(target=_collect, args=(process.stdout, lines), daemon=True).start()
    watch = Watch(process, "", lines)
    watch.said(r"\[Monitors\]")
    save(source, SECOND)
    watch.said(r"\[Rearming\]")
    assert process.wait(30) == 0
