"""Reading a synthetic map with two checkouts of argmap, taking turns: peak memory and parse time.

    python benchmarks/parse_ab_bench.py /path/to/other/checkout          # it against this one
    python benchmarks/parse_ab_bench.py OLD NEW --sizes 10000 100000 --rounds 5

A change to the parser or the model is judged against the code before it on a shared,
noisy machine: each round reads each map (benchmarks/gen_argdown.py) once with each
checkout, in a fresh process, one after the other, so both see the same load.  A
process imports the reader, reads the map and ends; the row of a checkout gives the
medians over the rounds of its peak resident set size (``ru_maxrss`` of that process,
from ``os.wait4``), of the resident size after the import alone, and of the wall and
CPU time of ``parse_file`` itself.  A checkout is a folder holding the ``argmap``
package (a git worktree, or ``git archive`` of a commit unpacked).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen_argdown import write  # noqa: E402

CHILD = r"""
import json, os, resource, sys, time
from argmap.argdown import parse_file
imported = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
wall, cpu = time.perf_counter(), time.process_time()
kept = parse_file(sys.argv[1])
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
print(json.dumps({"import": imported, "wall": wall, "cpu": cpu}), flush=True)
os._exit(0)  # the peak is the read's: freeing the map is not measured
"""


def measured(checkout: Path, source: Path) -> dict[str, float]:
    """One read of ``source`` with the argmap of ``checkout``, in a process of its own."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    with tempfile.TemporaryDirectory() as empty:  # so that no other argmap is found first
        process = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(source)], stdout=subprocess.PIPE, cwd=empty, env=env
        )
        assert process.stdout is not None
        out = process.stdout.read()
        process.stdout.close()
        _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"reading {source} with {checkout} failed")
    record: dict[str, float] = json.loads(out)
    record["peak"] = usage.ru_maxrss / 1024
    return record


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("checkouts", nargs="+", type=Path, help="one (compared with this checkout) or more")
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    checkouts = [c.resolve() for c in args.checkouts]
    if len(checkouts) == 1:
        checkouts.append(HERE.parent)
    sources = {n: write(n, HERE / "out") for n in args.sizes}
    samples: dict[tuple[int, Path], list[dict[str, float]]] = {}
    for _ in range(args.rounds):
        for n, source in sources.items():
            for checkout in checkouts:
                samples.setdefault((n, checkout), []).append(measured(checkout, source))
    print("| statements | checkout | peak RSS | after import | parse wall | parse CPU |")
    print("|---:|---|---:|---:|---:|---:|")
    for (n, checkout), runs in samples.items():

        def median(key: str, runs: list[dict[str, float]] = runs) -> float:
            return statistics.median(run[key] for run in runs)

        print(
            f"| {n:,} | {checkout} | {median('peak'):,.0f} MB | {median('import'):,.0f} MB "
            f"| {median('wall'):.2f} s | {median('cpu'):.2f} s |"
        )
    print(f"\nmedians of {args.rounds} round(s), load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
