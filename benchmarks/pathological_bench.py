"""Parse time of lines built to make regular expressions backtrack.

    python benchmarks/pathological_bench.py          # lines of about 80,000 characters
    python benchmarks/pathological_bench.py 20000    # a chosen number of repetitions

Each case is one statement whose text repeats an opener that never closes ("**a ",
"[", "@[", "#(", "[a](" ...), the kind of line a pasted or generated file can hold.
A pattern that tries every opener against the rest of the line takes time quadratic
in the line's length: before the bounds in argmap/parser.py, the "@[" line took 72 s
and the "**a " line 48 s.  Then elements of many lines: a statement of 50,000 lines
took 7 s, and a data block of 50,000 lines more than 15 minutes.  Each text is parsed
in this process; the times print as tables.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argmap

OPENERS = ["**a ", "*a ", "_a ", "__a ", "[", "[a](", "@[", "@<", "#(", "<", "{", "/*", "<!--", "\\", ".a", ":a"]


LONG_ELEMENTS = {
    "a statement of N lines": lambda n: "[A]: " + "\n".join("word" for _ in range(n)),
    "a data block of N lines": lambda n: "[A]: a {\n" + "\n".join(f"k{i}: {i}" for i in range(n)) + "\n}",
    "a data block holding a list of N items": lambda n: (
        "[A]: a {\n list:\n" + "\n".join(f"  - {i}" for i in range(n)) + "\n}"
    ),
}


def timed(text: str) -> float:
    start = time.perf_counter()
    argmap.loads(text)
    return time.perf_counter() - start


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    print("| opener | line length | parse s |\n|---|---:|---:|")
    for opener in OPENERS:
        text = "[A]: " + opener * repeat + "\n"
        print(f"| `{opener}` | {len(text):,} | {timed(text):.2f} |")
    # An element of many lines: each line used to reread all the lines before it.
    print(f"\n| element (N = {repeat:,}) | parse s |\n|---|---:|")
    for name, make in LONG_ELEMENTS.items():
        print(f"| {name} | {timed(make(repeat)):.2f} |")


if __name__ == "__main__":
    main()
