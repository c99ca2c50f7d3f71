"""Time of checking quotes against a large source (``argmap validate --source``).

    python benchmarks/provenance_bench.py              # 200 quotes, a source of about 1 MB
    python benchmarks/provenance_bench.py 500 3000     # quotes, paragraphs

The source is generated: paragraphs of 100 words drawn from a vocabulary of ten, so
that every quote shares pieces with every paragraph (the hardest case for finding the
closest paragraph).  Half the quotes are copied from the source, half end in a word it
does not hold (AM301, with the closest paragraph as a hint).  Runs in this process and
prints the time and the diagnostics found.  With difflib against every paragraph the
first version took 60 s for the default sizes (1.3 s now).
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argmap
from argmap.provenance import check_provenance, normalize, paragraphs

WORDS = ["alpha", "beta", "gamma", "delta", "ceasefire", "syria", "russia", "moscow", "talks", "deal"]


def main() -> None:
    quotes = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1500
    rng = random.Random(1)
    source = "\n\n".join(" ".join(rng.choice(WORDS) for _ in range(100)) for _ in range(count))
    paras = [normalize(p) for p in paragraphs(source)]
    lines = []
    for i in range(quotes):
        number = rng.randrange(len(paras))
        words = paras[number].split()
        start = rng.randrange(len(words) - 8)
        quote = " ".join(words[start : start + 8]) + ("" if i % 2 else " zz")
        lines.append(f'[S{i}]: s {{quote: "{quote}", para: {number + 1}}}')
    amap, _ = argmap.loads("\n\n".join(lines) + "\n")
    start_time = time.perf_counter()
    found = check_provenance(amap, source, "source.txt")
    took = time.perf_counter() - start_time
    codes = sorted({d.code for d in found})
    print(f"{quotes} quotes against {len(source):,} characters in {count} paragraphs: {took:.2f} s")
    print(f"{len(found)} diagnostics ({', '.join(codes)})")


if __name__ == "__main__":
    main()
