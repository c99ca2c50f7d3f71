"""argmap's semantics against clingo, whole process each, on the random frameworks of gen_af.py.

For every size it times, as separate processes with output discarded (best of
``--repeat`` runs):

* ``argmap eval random-N.af`` (grounded; reads the ICCMA file, labels, prints every label);
* clingo through its Python API: read ``random-N.apx``, add its facts and the grounded
  encoding of :mod:`argmap.semantics.asp` as one program, ground (the grounder computes
  the least fixpoint), solve, count the ``in`` atoms;
* ``argmap eval random-N.af --semantics preferred`` for sizes up to 1,000
  (``--preferred-max`` changes that).

It checks that argmap and clingo agree on the number of IN arguments, then prints a
Markdown table.  Generate the files first::

    python benchmarks/gen_af.py
    python benchmarks/semantics_bench.py
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
ROOT = Path(__file__).resolve().parent.parent


def argmap_command() -> list[str]:
    found = shutil.which("argmap")
    if found:
        return [found]
    return [sys.executable, "-c", "import sys; sys.argv[0] = 'argmap'; from argmap.cli import main; main()"]


def clingo_grounded(apx: str) -> int:
    """Run in a child process: clingo's grounded extension of an ``.apx`` file; returns |IN|."""
    import clingo

    sys.path.insert(0, str(ROOT))
    from argmap.semantics.asp import GROUNDED

    text = Path(apx).read_text()
    control = clingo.Control(["--warn=none"])
    control.add("base", [], text + GROUNDED + "#show in/1.")
    control.ground([("base", [])])
    count = 0

    def on_model(model: clingo.Model) -> None:
        nonlocal count
        count = len(model.symbols(shown=True))

    control.solve(on_model=on_model)
    return count


def in_process(af_path: Path, repeat: int) -> float:
    """Best time to read the file and label it, inside this process (no start-up, no printing)."""
    sys.path.insert(0, str(ROOT))
    from argmap.semantics.framework import read_framework
    from argmap.semantics.grounded import grounded_labelling

    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        af, _ = read_framework(af_path)
        grounded_labelling(af)
        best = min(best, time.perf_counter() - start)
    return best


def scaling(sizes: list[int], repeat: int) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from gen_af import write

    print("| arguments | read + label | per 1,000 arguments |")
    print("|---:|---:|---:|")
    for n in sizes:
        path = OUT / f"random-{n}.af"
        if not path.exists():
            write(n)
        seconds = in_process(path, repeat)
        print(f"| {n:,} | {seconds:.3f} s | {seconds / n * 1e6:.2f} ms |")


def timed(command: list[str], repeat: int) -> tuple[float, str]:
    best = float("inf")
    output = ""
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
        best = min(best, time.perf_counter() - start)
        output = done.stdout
    return best, output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is reported")
    parser.add_argument("--preferred-max", type=int, default=1_000, help="largest size to time preferred on")
    parser.add_argument(
        "--in-process",
        action="store_true",
        help="only time reading + grounded labelling inside this process (scaling table); writes missing frameworks",
    )
    parser.add_argument("--clingo-grounded", metavar="APX", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.clingo_grounded:
        print(clingo_grounded(args.clingo_grounded))
        return
    if args.in_process:
        scaling(args.sizes, args.repeat)
        return
    argmap = argmap_command()
    rows = []
    for n in args.sizes:
        af, apx = OUT / f"random-{n}.af", OUT / f"random-{n}.apx"
        if not af.exists() or not apx.exists():
            sys.exit(f"{af} is missing: run python benchmarks/gen_af.py {n} first")
        attacks = sum(1 for _ in af.open()) - 1
        ours, text = timed([*argmap, "eval", str(af)], args.repeat)
        inside = in_process(af, args.repeat)
        ours_in = int(text.split(": ", 2)[2].split(" IN", 1)[0])
        theirs, count = timed([sys.executable, __file__, "--clingo-grounded", str(apx)], args.repeat)
        if int(count) != ours_in:
            sys.exit(f"disagreement on {af.name}: argmap {ours_in} IN, clingo {count.strip()} IN")
        preferred = "-"
        if n <= args.preferred_max:
            seconds, _ = timed([*argmap, "eval", str(af), "--semantics", "preferred", "--summary"], args.repeat)
            preferred = f"{seconds:.2f} s"
        rows.append((n, attacks, ours, inside, theirs, preferred, ours_in))
    print(
        "| arguments | attacks | grounded IN | argmap eval (grounded) | of which read + label "
        "| clingo (grounded) | clingo / argmap | argmap eval --semantics preferred |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, attacks, ours, inside, theirs, preferred, ours_in in rows:
        print(
            f"| {n:,} | {attacks:,} | {ours_in:,} | {ours:.2f} s | {inside:.3f} s | {theirs:.2f} s "
            f"| {theirs / ours:.1f}x | {preferred} |"
        )


if __name__ == "__main__":
    main()
