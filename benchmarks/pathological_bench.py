"""Parse time of lines built to make regular expressions backtrack.

    python benchmarks/pathological_bench.py          # lines of about 80,000 characters
    python benchmarks/pathological_bench.py 20000    # a chosen number of repetitions

Each case is one statement whose text repeats an opener that never closes ("**a ",
"[", "@[", "#(", "[a](" ...), the kind of line a pasted or generated file can hold.
A pattern that tries every opener against the rest of the line takes time quadratic
in the line's length: before the bounds in argmap/parser.py, the "@[" line took 72 s
and the "**a " line 48 s.  Each line is parsed in this process; the times print as a
table.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argmap

OPENERS = ["**a ", "*a ", "_a ", "__a ", "[", "[a](", "@[", "@<", "#(", "<", "{", "/*", "<!--", "\\", ".a", ":a"]


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    print("| opener | line length | parse s |\n|---|---:|---:|")
    for opener in OPENERS:
        text = "[A]: " + opener * repeat + "\n"
        start = time.perf_counter()
        argmap.load(text)
        took = time.perf_counter() - start
        print(f"| `{opener}` | {len(text):,} | {took:.2f} |")


if __name__ == "__main__":
    main()
