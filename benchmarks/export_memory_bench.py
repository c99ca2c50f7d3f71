"""Peak memory of ``argmap export`` against that of reading the same map, per format.

    python benchmarks/export_memory_bench.py                    # 10,000 statements, Argdown JSON
    python benchmarks/export_memory_bench.py 100000 --formats argdown-json argmap-json aif --runs 3
    python benchmarks/export_memory_bench.py 100000 --formats aif --against ../old-checkout

Generates the synthetic N-statement map (benchmarks/gen_argdown.py), then, round after
round, runs as whole processes, taking turns:

* a process that imports the reader, reads the map and ends (the parse's peak);
* ``python -m argmap export --to FORMAT -m FILE -o OUT`` for each format.

Each row gives the median peak resident set size (``ru_maxrss`` of that very process, from
``os.wait4``), its ratio to the parse's peak (target: at most 1.2), and the median wall
and CPU time.  Writers that stream never hold the whole document.

``--against DIR`` also runs each export with the argmap of another checkout (DIR, e.g. a
``git worktree`` of an older commit), in the same rounds, taking turns: a before/after
row pair per format, with the ratio of peak and CPU time to the other checkout's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
PARSE_ONLY = "import os, sys; from argmap.argdown import parse_file; kept = parse_file(sys.argv[1]); os._exit(0)"


def measured(cmd: list[str], root: Path = ROOT) -> tuple[float, float, float]:
    """Peak RSS (MB), wall and CPU seconds of one process; fails loudly on an error."""
    start = time.perf_counter()
    env = {**ENV, "PYTHONPATH": str(root)}
    process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=root)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    assert process.stderr is not None
    error = process.stderr.read()
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {error.decode(errors='replace')[-500:]}")
    return usage.ru_maxrss / 1024, wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int, nargs="?", default=10_000, help="statements in the synthetic map")
    parser.add_argument("--formats", nargs="*", default=["argdown-json"])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--against", type=Path, help="another checkout of argmap to compare with")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from gen_argdown import write

    source = write(args.n, OUT)
    commands = {"read only": ([sys.executable, "-c", PARSE_ONLY, str(source)], ROOT)}
    with tempfile.TemporaryDirectory() as scratch:
        for fmt in args.formats:
            target = f"{scratch}/out.{fmt}"
            export = [sys.executable, "-m", "argmap", "export", "--to", fmt, "-m", str(source), "-o", target]
            if args.against is not None:
                commands[f"export --to {fmt} (against)"] = (export, args.against.resolve())
            commands[f"export --to {fmt}"] = (export, ROOT)
        samples: dict[str, list[tuple[float, float, float]]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, (cmd, root) in commands.items():
                samples[name].append(measured(cmd, root))
    peaks = {name: statistics.median(s[0] for s in runs) for name, runs in samples.items()}
    cpus = {name: statistics.median(s[2] for s in runs) for name, runs in samples.items()}
    print(f"| {args.n:,} statements | peak RSS | × read's peak | wall | CPU | × against (peak, CPU) |")
    print("|---|---|---|---|---|---|")
    for name, runs in samples.items():
        wall = statistics.median(s[1] for s in runs)
        other = f"{name} (against)"
        against = f"{peaks[name] / peaks[other]:.2f}, {cpus[name] / cpus[other]:.2f}" if other in peaks else ""
        ratio = peaks[name] / peaks["read only"]
        print(f"| {name} | {peaks[name]:,.0f} MB | {ratio:.2f} | {wall:.1f} s | {cpus[name]:.1f} s | {against} |")
    print(f"\n{args.runs} round(s), load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
