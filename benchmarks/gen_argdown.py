"""Generate a synthetic Argdown map: N statements, N arguments with PCS, about 3N relations.

    python benchmarks/gen_argdown.py 10000 > benchmarks/out/synthetic-10000.argdown

Layout: a heading every 500 statements; each statement defined once with a tag;
each argument described once and reconstructed with two premises and a conclusion
(three structural relations each); every statement block carries one support or
attack relation to an argument, so relations number about 4N in all.  Seeded, so the
same N always gives the same file.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

WORDS = [
    "ceasefire",
    "negotiation",
    "pressure",
    "influence",
    "support",
    "attack",
    "premise",
    "evidence",
    "claim",
    "reason",
    "policy",
    "region",
    "strategy",
    "alliance",
    "conflict",
    "diplomacy",
    "interest",
    "deal",
    "partner",
    "leverage",
]


def generate(n: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    out: list[str] = ["===", f"title: Synthetic map with {n} statements", "===", ""]
    tags = ["fact", "evaluation", "prediction", "implicit", "policy"]
    for i in range(n):
        if i % 500 == 0:
            out.append(f"# Part {i // 500 + 1}")
            out.append("")
        words = " ".join(rng.choice(WORDS) for _ in range(8))
        out.append(f"[S{i}]: Statement {i} says that {words}. #{tags[i % len(tags)]}")
        symbol = "+" if i % 2 == 0 else "-"
        out.append(f"    {symbol} <A{rng.randrange(n)}>")
        out.append("")
        a, b, c = rng.randrange(n), rng.randrange(n), rng.randrange(n)
        out.append(f"<A{i}>: Argument {i} draws on {rng.choice(WORDS)} and {rng.choice(WORDS)}.")
        out.append("")
        out.append(f"(1) [S{a}]")
        out.append(f"(2) [S{b}]")
        out.append("----")
        out.append(f"(3) [S{c}]")
        out.append("")
    return "\n".join(out)


def write(n: int, directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"synthetic-{n}.argdown"
    if not path.exists():
        path.write_text(generate(n), encoding="utf-8")
    return path


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    sys.stdout.write(generate(count))
