"""Run every benchmark, quickly by default, and print one table.

    python benchmarks/run_all.py              # small sizes: a few minutes, no Argdown CLI
    python benchmarks/run_all.py --full       # the issues' sizes, with the Argdown CLI (an hour or more)
    python benchmarks/run_all.py --only parse render

Each benchmark runs as its own process, one after the other (they are timed runs: do
not run two at once on a shared machine).  The table gives, for each, the command it
ran, whether it finished, and how long it took; below it, each benchmark's own output
(its figures and, for the comparisons with the Argdown CLI, the interleaved ratios).
The whole report is also written to benchmarks/out/run_all.md.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"

EXPORT_FORMATS = ["argdown", "argdown-json", "argmap-json", "aif", "kialo", "graphml", "node-link", "mermaid", "dot"]

# name -> (quick arguments, full arguments): the script is benchmarks/<script>.py
BENCHMARKS: dict[str, tuple[str, list[str], list[str]]] = {
    "parse": ("parse_bench", ["1000", "10000"], ["1000", "10000", "100000"]),
    "export memory": (
        "export_memory_bench",
        ["10000", "--formats", *EXPORT_FORMATS],
        ["100000", "--formats", *EXPORT_FORMATS, "--runs", "2"],
    ),
    "render": ("render_bench", ["--sizes", "1000", "--no-argdown"], ["--sizes", "1000", "10000", "--runs", "3"]),
    "cli": ("cli_bench", ["--startup-only"], []),
    "interchange": ("interchange_bench", ["1000", "--runs", "1"], ["10000", "--runs", "3"]),
    "semantics": ("semantics_bench", ["1000", "--repeat", "1"], []),  # after gen_af (PREPARE)
    "diff": ("diff_bench", ["1000", "--repeat", "1"], []),
    "html": ("html_bench", ["--sizes", "1000", "--runs", "1"], []),
    "lsp": ("lsp_bench", ["--size", "1000", "--rounds", "5"], []),
    "provenance": ("provenance_bench", ["50", "300"], []),
    "pathological": ("pathological_bench", ["2000"], []),
}
PREPARE: dict[str, tuple[list[str], list[str]]] = {
    "semantics": (["gen_af.py", "1000"], ["gen_af.py"]),
}
"""Scripts that write a benchmark's input files first (quick arguments, full arguments)."""
NEEDS_ARGDOWN = {"interchange"}
"""Benchmarks that always run the Argdown CLI (installed with npm on first use): full runs only."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true", help="the issues' sizes, with the Argdown CLI")
    parser.add_argument("--only", nargs="*", choices=sorted(BENCHMARKS), help="run only these")
    args = parser.parse_args()
    rows = ["| benchmark | command | result | took |", "|---|---|---|---|"]
    outputs: list[str] = []
    for name, (script, quick, full) in BENCHMARKS.items():
        if args.only and name not in args.only:
            continue
        if name in NEEDS_ARGDOWN and not args.full:
            rows.append(f"| {name} | `{script}.py` | skipped (runs the Argdown CLI: --full) | |")
            continue
        if name in PREPARE:
            prepare = PREPARE[name][1 if args.full else 0]
            subprocess.run([sys.executable, str(HERE / prepare[0]), *prepare[1:]], capture_output=True, check=True)
        command = [sys.executable, str(HERE / f"{script}.py"), *(full if args.full else quick)]
        shown = " ".join(["python", f"benchmarks/{script}.py", *command[2:]])
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        took = time.perf_counter() - start
        result = "ok" if done.returncode == 0 else f"failed ({done.returncode})"
        rows.append(f"| {name} | `{shown}` | {result} | {took:.1f} s |")
        print(rows[-1], file=sys.stderr, flush=True)
        outputs.append(
            f"## {name}\n\n$ {shown}\n\n{done.stdout.strip()}\n" + (done.stderr[-2000:] if done.returncode else "")
        )
    load = os.getloadavg()
    report = "\n".join(rows) + f"\n\nload average {load[0]:.1f}, {os.cpu_count()} CPUs\n\n" + "\n".join(outputs)
    print(report)
    OUT.mkdir(exist_ok=True)
    (OUT / "run_all.md").write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
