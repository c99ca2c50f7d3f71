"""The HTML explorer of the 1,000-statement synthetic map: written, then opened in Chromium.

    python benchmarks/html_bench.py               # 1,000 statements, 3 runs
    python benchmarks/html_bench.py --sizes 1000 3000 --runs 5

Targets (issue #15): ``argmap render -o map.html`` writes the page in under 3 s, and
the page is interactive in Chromium in under 2 s.

1. write: ``argmap render -m synthetic-N.argdown -o map.html`` as a whole process
   (start-up, reading, evaluation, lint, Graphviz, page); the wall-clock time and the
   CPU time of the process (user + system, from ``getrusage``), median of the runs.
   On a busy machine the wall clock waits for a processor: the CPU time says what the
   work costs;
2. interactive: Debian's Chromium (``/usr/bin/chromium``, driven by playwright, a fresh
   profile each run) opens the page from ``file://``; the figure is the page's own
   ``performance.now()`` when the explorer's script has wired every claim (from the
   start of navigation), then how long a search for one claim takes to highlight it
   and a click to fill the details panel.

Prints a Markdown table and writes it to benchmarks/out/html_bench.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from chromium import CHROMIUM_ARGS  # noqa: E402  (the tests' browser, started the same way)
from gen_argdown import write  # noqa: E402


def write_page(source: Path, target: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one ``argmap render`` into ``target``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "argmap", "render", "-m", str(source), "-o", str(target)],
        check=True,
        capture_output=True,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def open_page(page_file: Path, claim: str) -> tuple[float, float, float]:
    """Seconds to interactive (by the page's clock), to a search's highlight, to a click's details."""
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("ARGMAP_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    profile = tempfile.mkdtemp(prefix="argmap-bench-")
    try:
        with sync_playwright() as driver:
            context = driver.chromium.launch_persistent_context(
                profile, executable_path=executable, args=CHROMIUM_ARGS, headless=True
            )
            page: Any = context.new_page()
            page.goto(page_file.as_uri(), timeout=120000)
            page.wait_for_selector("body[data-ready='1']", timeout=120000)
            ready = float(page.get_attribute("body", "data-ready-at")) / 1000
            start = time.perf_counter()
            page.fill("#search", claim)
            page.wait_for_selector(f"g.node.match[data-id='{claim}']")
            searched = time.perf_counter() - start
            start = time.perf_counter()
            page.locator(f"g.node[data-id='{claim}']").click(force=True)
            page.wait_for_function(f"document.querySelector('#details h2')?.textContent === {claim!r}")
            clicked = time.perf_counter() - start
            context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return ready, searched, clicked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rows = [
        "| statements | nodes | page size | write: wall (CPU) | Chromium: interactive | search | click |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            source = write(size, OUT)
            target = Path(folder) / f"synthetic-{size}.html"
            writes = [write_page(source, target) for _ in range(args.runs)]
            opens = [open_page(target, f"[S{size // 2}]") for _ in range(args.runs)]
            wall = statistics.median(w for w, _ in writes)
            cpu = statistics.median(c for _, c in writes)
            ready, searched, clicked = (statistics.median(o[i] for o in opens) for i in range(3))
            nodes = target.read_text("utf-8").count('class="node')
            rows.append(
                f"| {size:,} | {nodes:,} | {target.stat().st_size / 1e6:.1f} MB | {wall:.2f} s ({cpu:.2f} s) "
                f"| {ready:.2f} s | {searched:.2f} s | {clicked:.2f} s |"
            )
            print(rows[-1], flush=True)
    load = os.getloadavg()
    note = (
        f"\n{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.node()}, {os.cpu_count()} CPUs, "
        f"load average {load[0]:.1f}, Python {platform.python_version()}; medians of {args.runs} runs.\n"
    )
    table = "\n".join(rows) + "\n" + note
    OUT.mkdir(exist_ok=True)
    (OUT / "html_bench.md").write_text(table, "utf-8")
    print(table)


if __name__ == "__main__":
    main()
