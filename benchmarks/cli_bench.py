"""Wall-clock benchmarks of the command line (whole processes, as a user runs them).

    python benchmarks/cli_bench.py                  # everything (Argdown runs take minutes)
    python benchmarks/cli_bench.py --no-argdown     # only argmap
    python benchmarks/cli_bench.py --startup-only   # only the start-up rows (a few seconds)
    python benchmarks/cli_bench.py --sizes 1000     # render comparison on one size only

Measures, in one run on one machine:

1. start-up: ``argmap why`` and ``argmap show`` on the shipped map against the floor
   ``python -c "import typer, rich, networkx"`` (target ratio <= 1.3).  The commands
   take turns, run after run, and each row is the median; the floor is measured in
   the same run, so a busy machine slows both;
2. ``argmap why`` and ``argmap show --depth 3`` on the 100,000-statement synthetic
   map (target <= 5 s), and beside each the time it takes after parsing: the whole
   run minus a process that only imports the parser, parses the same file and ends.
   The three take turns, ``--big-runs`` rounds (3); each row is the median, with the
   range in brackets;
3. ``argmap render`` to SVG against the Argdown CLI's ``argdown map --format svg`` on
   the 1,000- and 10,000-statement synthetic maps (targets: 5x and 3x faster).

Bytecode: every process runs with ``PYTHONPYCACHEPREFIX=benchmarks/out/pycache`` (and
without ``PYTHONDONTWRITEBYTECODE``), after one untimed run, so argmap's modules load
from cached bytecode as they do once installed (pip compiles them at install time),
and so do those of the floor.  ``--no-bytecode`` instead sets
``PYTHONDONTWRITEBYTECODE=1``: argmap's sources are then compiled on every run, while
typer, rich and networkx still load the bytecode pip wrote for them.

The Argdown CLI is installed on first use with npm into benchmarks/argdown-cli/
(``@argdown/cli@2.0.0``; package.json there pins ``@argdown/markdown-it-plugin``
to 1.7.7, as 2.0.0 of it was never published).  Results print as a Markdown table
and are written to benchmarks/out/cli_bench.md (cli_bench-startup.md with --startup-only).
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
PYCACHE = OUT / "pycache"


def use_bytecode(cached: bool) -> None:
    """Load every module from cached bytecode (``cached``), or compile argmap's on every run."""
    if cached:
        ENV.pop("PYTHONDONTWRITEBYTECODE", None)
        ENV["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    else:
        ENV["PYTHONDONTWRITEBYTECODE"] = "1"
        ENV.pop("PYTHONPYCACHEPREFIX", None)


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


def all_times(cmds: list[list[str]], runs: int, warm_up: bool = True) -> list[list[float]]:
    """The wall times of each command over ``runs`` rounds, the commands taking turns
    within a round (so a machine that slows down slows them all), after one untimed
    round that also writes the bytecode (``warm_up``)."""
    times: list[list[float]] = [[] for _ in cmds]
    for round_ in range(runs + 1 if warm_up else runs):
        for i, cmd in enumerate(cmds):
            took = timed(cmd)
            assert took is not None
            if round_ or not warm_up:
                times[i].append(took)
    return times


def median_times(cmds: list[list[str]], runs: int) -> list[float]:
    """The median wall time of each command over ``runs`` rounds (see :func:`all_times`)."""
    return [statistics.median(t) for t in all_times(cmds, runs)]


def parse_only_cmd(path: str) -> list[str]:
    """A process that starts Python, imports the parser, parses ``path`` and ends at once
    (as the command line does after a large map): the part of a run that is parsing."""
    code = (
        "import os, sys; from argmap.argdown import parse_file; "
        "kept = parse_file(sys.argv[1]); sys.stdout.flush(); os._exit(0)"
    )
    return [sys.executable, "-c", code, path]


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
    parser.add_argument("--big-runs", type=int, default=3, help="repetitions of the why / show --depth 3 rows")
    parser.add_argument("--no-argdown", action="store_true", help="skip the Argdown CLI")
    parser.add_argument("--argdown-timeout", type=float, default=1800, help="seconds before giving up on Argdown")
    parser.add_argument("--startup-only", action="store_true", help="only the start-up rows (1.)")
    parser.add_argument(
        "--no-bytecode", action="store_true", help="compile argmap's sources on every run (PYTHONDONTWRITEBYTECODE=1)"
    )
    args = parser.parse_args()
    use_bytecode(not args.no_bytecode)

    from argmap.api import default_map_path, load
    from argmap.queries import starting_points

    rows: list[tuple[str, str, str, str]] = []

    # 1. start-up on the shipped map
    amap, _ = load(default_map_path())
    claim = starting_points(amap)[0]
    floor_cmd = [sys.executable, "-c", "import typer, rich, networkx"]
    # typer >= 0.2x imports pydantic when it converts a parameter: shown for reference
    # (argmap converts its parameters without it).
    typer_cmd = [sys.executable, "-c", "import typer, rich, networkx, typer._adapters"]
    why_label, why_cmd = f"`argmap why '{claim}'` (shipped map)", argmap_cmd("why", claim)
    show_label, show_cmd = "`argmap show` (shipped map)", argmap_cmd("show")
    floor, typer_floor, why_time, show_time = median_times([floor_cmd, typer_cmd, why_cmd, show_cmd], args.runs)
    rows.append(('floor: `python -c "import typer, rich, networkx"`', f"{floor:.3f} s", "", ""))
    rows.append(("the same plus typer's pydantic adapters", f"{typer_floor:.3f} s", "", ""))
    for label, took in ((why_label, why_time), (show_label, show_time)):
        rows.append((label, f"{took:.3f} s", f"{took / floor:.2f}× floor", "≤ 1.3× floor"))
    print(*rows, sep="\n", file=sys.stderr)

    # 2. the 100,000-statement map
    big = str(synthetic(args.big)) if not args.startup_only else ""
    size = f"{args.big:,} statements"
    if big:
        # Wall times on this machine vary by 10-20 % from minute to minute: the three
        # commands take turns, and each row is the median of --big-runs with the range.
        parse_cmd = parse_only_cmd(big)
        why_big = argmap_cmd("why", "[S0]", "--depth", "3", "-m", big)
        show_big = argmap_cmd("show", "--depth", "3", "-m", big)
        parse_times, why_times, show_times = all_times([parse_cmd, why_big, show_big], args.big_runs, warm_up=False)
        parse_only = statistics.median(parse_times)

        def spread(times: list[float]) -> str:
            median = statistics.median(times)
            return f"{median:.1f} s" if len(times) < 2 else f"{median:.1f} s ({min(times):.1f}-{max(times):.1f})"

        rows.append((f"parsing alone (process: import the parser, parse, end; {size})", spread(parse_times), "", ""))
        for label, times in (
            (f"`argmap why '[S0]' --depth 3` ({size})", why_times),
            (f"`argmap show --depth 3` ({size})", show_times),
        ):
            after = statistics.median(times) - parse_only
            rows.append((label, spread(times), f"{after:.1f} s after parsing", "≤ 5 s"))
            print(rows[-1], file=sys.stderr)

    # 3. render to SVG against the Argdown CLI
    binary = None if args.no_argdown or args.startup_only else argdown_binary()
    with tempfile.TemporaryDirectory() as tmp:
        for n in [] if args.startup_only else args.sizes:
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
        f"{os.cpu_count()} cores, with `python {' '.join(['benchmarks/cli_bench.py', *sys.argv[1:]])}`"
        f" ({'sources compiled on every run' if args.no_bytecode else 'bytecode cached'}).\n\n"
        "| what | wall time | ratio | target |\n|---|---|---|---|\n"
    )
    table = header + "".join(f"| {a} | {b} | {c} | {d} |\n" for a, b, c, d in rows)
    OUT.mkdir(exist_ok=True)
    (OUT / ("cli_bench-startup.md" if args.startup_only else "cli_bench.md")).write_text(table, "utf-8")
    print(table)


if __name__ == "__main__":
    main()
