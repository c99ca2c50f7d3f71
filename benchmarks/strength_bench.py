"""Gradual semantics on a large acyclic map: the time of ``strength`` after the map is built.

    python benchmarks/strength_bench.py                 # 100,000 nodes, DF-QuAD
    python benchmarks/strength_bench.py 100000 --all    # every semantics

The map is a random tree built in memory (no parsing): node i > 0 supports or attacks
one earlier node, with a random base score, so the map is acyclic and every node has
at most one parent.  Seeded, so the same size always gives the same map.
"""

from __future__ import annotations

import random
import sys
import time

from argmap.model import ArgumentMap, RelationType, Span, Statement, StatementMember
from argmap.semantics.strength import GRADUAL, strength

SPAN = Span("<bench>", 1, 1, 1, 1)


def build(n: int, seed: int = 1) -> ArgumentMap:
    rng = random.Random(seed)
    amap = ArgumentMap()
    for i in range(n):
        member = StatementMember(f"S{i}.", SPAN, False, data={"base": round(rng.random(), 3)})
        amap.add_statement(Statement(f"S{i}", [member]))
    for i in range(1, n):
        kind = RelationType.SUPPORT if rng.random() < 0.5 else RelationType.ATTACK
        amap.add_relation(kind, f"[S{i}]", f"[S{rng.randrange(i)}]")
    return amap


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 100_000
    names = GRADUAL if "--all" in sys.argv else ("dfquad",)
    started = time.perf_counter()
    amap = build(n)
    print(f"map of {n:,} statements, {n - 1:,} relations built in {time.perf_counter() - started:.2f} s")
    for name in names:
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            result = strength(amap, name)
            best = min(best, time.perf_counter() - started)
        assert result.acyclic
        print(f"{name:17} {best:.3f} s (best of 3)")


if __name__ == "__main__":
    main()
