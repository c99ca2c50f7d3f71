"""``argmap render`` to SVG against the Argdown CLI's ``argdown map --format svg``, same file.

    python benchmarks/render_bench.py                       # the 1,000-statement map, 1 round
    python benchmarks/render_bench.py --sizes 1000 1250 10000 --runs 3
    python benchmarks/render_bench.py --no-argdown          # argmap only (the Argdown CLI takes minutes)
    python benchmarks/render_bench.py --argdown /tmp/adcli/node_modules/.bin/argdown

For each synthetic map (benchmarks/gen_argdown.py), the two commands take turns, round
after round, on the same file, so a machine that slows down slows both.  Each row gives
the median wall-clock time and the median CPU time (user + system of the process and its
children) and the ratio of the medians, with how argmap laid the map out: ``dot``,
steadied ``dot`` (sections, curved edges) or the fast layered layout.  The Argdown CLI is
taken from ``--argdown``, else benchmarks/argdown-cli/ (installed there with npm on first
use, as cli_bench.py does); ``--timeout`` bounds each of its runs.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

ENV = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}


def run(cmd: list[str], timeout: float | None) -> tuple[float, float] | None:
    """Wall and CPU seconds of ``cmd`` (None when it timed out); fails loudly on an error."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    try:
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.decode(errors='replace')[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def layout_of(path: Path) -> str:
    import argmap
    from argmap.views.graphviz import STEADY_MAP, build_drawing

    amap, _ = argmap.load(path)
    drawing = build_drawing(amap, fast=None)
    if drawing.fast:
        return f"fast layered ({drawing.nodes:,} nodes)"
    return f"{'steadied ' if drawing.nodes > STEADY_MAP else ''}dot ({drawing.nodes:,} nodes)"


def cell(times: list[tuple[float, float]]) -> str:
    if not times:
        return "timed out"
    return f"{statistics.median(w for w, _ in times):.1f} s (CPU {statistics.median(c for _, c in times):.1f} s)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--no-argdown", action="store_true")
    parser.add_argument("--argdown", type=Path, default=None, help="the argdown executable")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per Argdown CLI run")
    args = parser.parse_args()
    from gen_argdown import write

    argdown: Path | None = None
    if not args.no_argdown:
        if args.argdown is not None:
            argdown = args.argdown
        else:
            from cli_bench import argdown_binary

            argdown = argdown_binary()
    OUT.mkdir(exist_ok=True)
    rows = ["| map | argmap layout | argmap render | argdown map | ratio (wall, CPU) |", "|---|---|---|---|---|"]
    with tempfile.TemporaryDirectory() as scratch:
        for size in args.sizes:
            source = write(size, OUT)
            ours: list[tuple[float, float]] = []
            theirs: list[tuple[float, float]] = []
            for _ in range(args.runs):
                took = run([sys.executable, "-m", "argmap", "render", str(source), "-o", f"{scratch}/a.svg"], None)
                assert took is not None
                ours.append(took)
                if argdown is not None:
                    done = run([str(argdown), "map", "--format", "svg", str(source), scratch], args.timeout)
                    if done is not None:
                        theirs.append(done)
            ratio = ""
            if ours and theirs:
                wall = statistics.median(w for w, _ in theirs) / statistics.median(w for w, _ in ours)
                cpu = statistics.median(c for _, c in theirs) / statistics.median(c for _, c in ours)
                ratio = f"argmap {wall:.1f}x, {cpu:.1f}x faster"
            their_cell = cell(theirs) if argdown is not None else "not run"
            rows.append(f"| {size:,} statements | {layout_of(source)} | {cell(ours)} | {their_cell} | {ratio} |")
            print(rows[-1], flush=True)
    load = os.getloadavg()[0]
    text = "\n".join(rows) + f"\n\n{args.runs} round(s), load average {load:.1f}, {os.cpu_count()} CPUs\n"
    print("\n" + text)
    (OUT / "render_bench.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
