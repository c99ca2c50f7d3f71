"""Wall-clock benchmarks of the command line (whole processes, as a user runs them).

    python benchmarks/cli_bench.py                  # everything (Argdown runs take minutes)
    python benchmarks/cli_bench.py --no-argdown     # only argmap
    python benchmarks/cli_bench.py --sizes 1000     # render comparison on one size only

Measures, in one run on one machine:

1. start-up: ``argmap why`` and ``argmap show`` on the shipped map against the floor
   ``python -c "import typer, rich, networkx"`` (target ratio <= 1.3);
2. ``argmap why`` and ``argmap show --depth 3`` on the 100,000-statement synthetic
   map (target <= 5 s);
3. ``argmap render`` to SVG against the Argdown CLI's ``argdown map --format svg`` on
   the 1,000- and 10,000-statement synthetic maps (targets: 5x and 3x faster).

The Argdown CLI is installed on first use with npm into benchmarks/argdown-cli/
(``@argdown/cli@2.0.0``; package.json there pins ``@argdown/markdown-it-plugin``
to 1.7.7, as 2.0.0 of it was never published).  Results print as a Markdown table
and are written to benchmarks/out/cli_bench.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
ARGDOWN_DIR = HERE / "argdown-cli"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

ENV = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1", "COLUMNS": "80"}


def timed(cmd: list[str], timeout: float | None = None, cwd: Path | None = None) -> float | None:
    """Seconds the command took, or None when it timed out.  Fails loudly on a non-zero exit."""
    start = time.perf_counter()
    try:
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV, timeout=timeout, cwd=cwd)
    except subprocess.TimeoutExpired:
        return None
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.decode(errors='replace')[-500:]}")
    return elapsed


def median_time(cmd: list[str], runs: int) -> float:
    times = [timed(cmd) for _ in range(runs)]
    return statistics.median(t for t in times if t is not None)


def argmap_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "argmap", *args]


def synthetic(n: int) -> Path:
    from gen_argdown import write

    return write(n, OUT)


def argdown_binary() -> Path | None:
    binary = ARGDOWN_DIR / "node_modules" / ".bin" / "argdown"
    if binary.exists():
        return binary
    npm = shutil.which("npm")
    if npm is None:
        print("npm not found: skipping the Argdown comparison", file=sys.stderr)
        return None
    print("installing @argdown/cli@2.0.0 with npm (once) ...", file=sys.stderr)
    done = subprocess.run([npm, "install", "--no-audit", "--no-fund"], cwd=ARGDOWN_DIR)
    if done.returncode != 0 or not binary.exists():
        print("npm install failed: skipping the Argdown comparison", file=sys.stderr)
        return None
    return binary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="repetitions of the start-up measurements")
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000], help="synthetic maps to render")
    parser.add_argument("--big", type=int, default=100000, help="synthetic map for why / show --depth 3")
    parser.add_argument("--no-argdown", action="store_true", help="skip the Argdown CLI")
    parser.add_argument("--argdown-timeout", type=float, default=1800, help="seconds before giving up on Argdown")
    args = parser.parse_args()

    from argmap.api import default_map_path, load
    from argmap.views.tree import tops

    rows: list[tuple[str, str, str, str]] = []

    # 1. start-up on the shipped map
    amap, _ = load(default_map_path())
    claim = tops(amap)[0]
    floor = median_time([sys.executable, "-c", "import typer, rich, networkx"], args.runs)
    rows.append(('floor: `python -c "import typer, rich, networkx"`', f"{floor:.2f} s", "", ""))
    # typer >= 0.2x imports pydantic whenever a command runs: shown for reference.
    typer_floor = median_time([sys.executable, "-c", "import typer, rich, networkx, typer._adapters"], args.runs)
    rows.append(("the same plus typer's run-time import of pydantic", f"{typer_floor:.2f} s", "", ""))
    for label, cmd in (
        (f"`argmap why '{claim}'` (shipped map)", argmap_cmd("why", claim)),
        ("`argmap show` (shipped map)", argmap_cmd("show")),
    ):
        t = median_time(cmd, args.runs)
        rows.append((label, f"{t:.2f} s", f"{t / floor:.2f}× floor", "≤ 1.3× floor"))
        print(rows[-1], file=sys.stderr)

    # 2. the 100,000-statement map
    big = str(synthetic(args.big))
    size = f"{args.big:,} statements"
    for label, cmd in (
        (f"`argmap why '[S0]' --depth 3` ({size})", argmap_cmd("why", "[S0]", "--depth", "3", "-m", big)),
        (f"`argmap show --depth 3` ({size})", argmap_cmd("show", "--depth", "3", "-m", big)),
    ):
        took = timed(cmd)
        assert took is not None
        rows.append((label, f"{took:.1f} s", "", "≤ 5 s"))
        print(rows[-1], file=sys.stderr)

    # 3. render to SVG against the Argdown CLI
    binary = None if args.no_argdown else argdown_binary()
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            path = synthetic(n)
            ours = timed(argmap_cmd("render", "-m", str(path), "-o", str(Path(tmp) / f"argmap-{n}.svg")))
            assert ours is not None
            target = "≥ 5× faster" if n <= 1000 else "≥ 3× faster"
            if binary is None:
                rows.append((f"`argmap render -o out.svg` ({n:,} statements)", f"{ours:.1f} s", "", target))
                continue
            theirs = timed(
                [str(binary), "map", str(path), tmp, "--format", "svg"], timeout=args.argdown_timeout, cwd=ARGDOWN_DIR
            )
            rows.append((f"`argmap render -o out.svg` ({n:,} statements)", f"{ours:.1f} s", "", target))
            if theirs is None:
                shown = f"> {args.argdown_timeout:.0f} s (stopped)"
                speedup = f"> {args.argdown_timeout / ours:.0f}× faster"
            else:
                shown, speedup = f"{theirs:.1f} s", f"{theirs / ours:.0f}× faster"
            rows.append((f"`argdown map --format svg` ({n:,} statements)", shown, speedup, ""))
            print(rows[-2:], file=sys.stderr)

    header = (
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()} / Python {platform.python_version()}, "
        f"{os.cpu_count()} cores, with `python benchmarks/cli_bench.py`.\n\n"
        "| what | wall time | ratio | target |\n|---|---|---|---|\n"
    )
    table = header + "".join(f"| {a} | {b} | {c} | {d} |\n" for a, b, c, d in rows)
    OUT.mkdir(exist_ok=True)
    (OUT / "cli_bench.md").write_text(table, "utf-8")
    print(table)


if __name__ == "__main__":
    main()
