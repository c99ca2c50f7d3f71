"""Random abstract frameworks for the semantics benchmark.

Each framework has N arguments and about 3N attacks: 3N attacker/attacked pairs drawn
uniformly at random (a fixed seed per size), duplicates dropped.  Written twice, in
the ICCMA 2023 format (``random-N.af``) and as ASPARTIX facts (``random-N.apx``),
under ``benchmarks/out/`` (git-ignored).

    python benchmarks/gen_af.py            # 1,000 / 10,000 / 100,000 arguments
    python benchmarks/gen_af.py 500 2000   # other sizes
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
SIZES = (1_000, 10_000, 100_000)
ATTACKS_PER_ARGUMENT = 3


def random_attacks(n: int, seed: int, per_argument: int = ATTACKS_PER_ARGUMENT) -> list[tuple[int, int]]:
    """About ``per_argument * n`` distinct random attacks among arguments ``1 .. n``."""
    rng = random.Random(seed)
    pairs = {(rng.randint(1, n), rng.randint(1, n)) for _ in range(per_argument * n)}
    return sorted(pairs)


def write(n: int, out: Path = OUT) -> tuple[Path, Path]:
    out.mkdir(parents=True, exist_ok=True)
    attacks = random_attacks(n, seed=n)
    af_path = out / f"random-{n}.af"
    apx_path = out / f"random-{n}.apx"
    af_path.write_text(f"p af {n}\n" + "".join(f"{a} {b}\n" for a, b in attacks))
    apx_path.write_text(
        "".join(f"arg({a}).\n" for a in range(1, n + 1)) + "".join(f"att({a},{b}).\n" for a, b in attacks)
    )
    return af_path, apx_path


def main(argv: list[str]) -> None:
    sizes = [int(arg) for arg in argv] or list(SIZES)
    for n in sizes:
        af_path, _ = write(n)
        print(f"wrote {af_path} and {af_path.with_suffix('.apx')}")


if __name__ == "__main__":
    main(sys.argv[1:])
