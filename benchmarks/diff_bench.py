"""``argmap diff`` on two versions of the synthetic map with scattered changes.

The new version is the old one (``gen_argdown.py N``) with ``--changes`` edits spread
over the file, seeded: statements reworded, renamed (every mention), given another
tag or removed, relations added and removed, premises added to PCSs, the block order
of one part reversed (no change in meaning).  It prints, best of ``--repeat`` runs:

* reading both maps (``argmap.load``, no lint);
* :func:`argmap.diff.diff_maps` alone, with and without the labels;
* the whole command, ``argmap diff OLD NEW --json`` as a process, output discarded;

and what the diff found.  The target is the whole command under 2 s for 10,000
statements and a hundred changes::

    python benchmarks/diff_bench.py
    python benchmarks/diff_bench.py 10000 --changes 100 --repeat 3
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen_argdown import generate  # noqa: E402

OUT = HERE / "out"


def changed(text: str, changes: int, seed: int = 7) -> tuple[str, dict[str, int]]:
    """``text`` with ``changes`` edits of assorted kinds; returns the new text and how many of each."""
    rng = random.Random(seed)
    blocks = text.split("\n\n")
    kinds = ["reword", "rename", "tag", "remove relation", "add relation", "add premise", "remove definition"]
    done = dict.fromkeys(kinds, 0)
    statement_blocks = [i for i, b in enumerate(blocks) if re.match(r"(# Part \d+\n\n)?\[S\d+\]", b)]
    pcs_blocks = [i for i, b in enumerate(blocks) if b.startswith("(1) [S")]
    renames: list[tuple[str, str]] = []
    for n in range(changes):
        kind = kinds[n % len(kinds)]
        if kind == "add premise":
            i = rng.choice(pcs_blocks)
            blocks[i] = blocks[i].replace("(2) ", f"(2) [S{rng.randrange(len(statement_blocks))}]\n(3) ", 1)
            blocks[i] = blocks[i].replace("----\n(3)", "----\n(4)")
            done[kind] += 1
            continue
        i = rng.choice(statement_blocks)
        block = blocks[i]
        title = re.search(r"\[(S\d+)\]", block)
        if title is None or "[removed]" in block:
            continue
        if kind == "reword":
            block = block.replace(" says that ", " holds that ", 1)
        elif kind == "rename":
            renames.append((title.group(1), title.group(1) + "r"))
        elif kind == "tag":
            block = re.sub(r"#\w+", "#changed", block, count=1)
        elif kind == "remove relation":
            block = block.split("\n    ", 1)[0]
        elif kind == "add relation":
            block += f"\n    - <A{rng.randrange(len(statement_blocks))}>"
        elif kind == "remove definition":
            block = "// [removed]"
        blocks[i] = block
        done[kind] += 1
    # One part's statements (each with its argument: three blocks) in reverse order:
    # moved text, no change in meaning.
    part = [i for i, b in enumerate(blocks) if b.startswith("# Part 3")]
    if part:
        start = part[0] + 1
        end = next((i for i in range(start, len(blocks)) if blocks[i].startswith("# Part")), len(blocks))
        end -= (end - start) % 3
        triples = [blocks[i : i + 3] for i in range(start, end, 3)]
        blocks[start:end] = [b for triple in reversed(triples) for b in triple]
    new = "\n\n".join(blocks)
    for old_title, new_title in renames:
        new = re.sub(r"\[" + old_title + r"\]", "[" + new_title + "]", new)
    return new, done


def best(function: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("size", nargs="?", type=int, default=10_000)
    parser.add_argument("--changes", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is reported")
    args = parser.parse_args()

    import argmap
    from argmap.diff import diff_maps

    OUT.mkdir(parents=True, exist_ok=True)
    old_text = generate(args.size)
    new_text, done = changed(old_text, args.changes)
    old_path, new_path = OUT / f"diff-old-{args.size}.argdown", OUT / f"diff-new-{args.size}.argdown"
    old_path.write_text(old_text, "utf-8")
    new_path.write_text(new_text, "utf-8")
    print(f"{args.size:,} statements; edits: " + ", ".join(f"{k} {v}" for k, v in done.items() if v))

    maps: list[argmap.ArgumentMap] = []

    def read() -> None:
        maps[:] = [argmap.load(old_path, lint=False)[0], argmap.load(new_path, lint=False)[0]]

    read_time = best(read, args.repeat)
    old, new = maps
    without_labels = best(lambda: diff_maps(old, new, labels=False), args.repeat)
    with_labels = best(lambda: diff_maps(old, new), args.repeat)
    command = [sys.executable, "-m", "argmap", "diff", str(old_path), str(new_path), "--json"]
    whole = best(lambda: subprocess.run(command, stdout=subprocess.DEVNULL, check=False), args.repeat)
    result = diff_maps(old, new)
    print("| step | best time |")
    print("|---|---:|")
    print(f"| read both maps | {read_time:.3f} s |")
    print(f"| diff_maps without labels | {without_labels:.3f} s |")
    print(f"| diff_maps with labels | {with_labels:.3f} s |")
    print(f"| argmap diff OLD NEW --json (process) | {whole:.3f} s |")
    s, a, r = result.statements, result.arguments, result.relations
    print(
        f"found: statements +{len(s.added)} -{len(s.removed)} renamed {len(s.renamed)} changed {len(s.changed)}; "
        f"arguments +{len(a.added)} -{len(a.removed)} changed {len(a.changed)}; "
        f"relations +{len(r.added)} -{len(r.removed)} changed {len(r.changed)}; labels changed {len(result.labels)}"
    )


if __name__ == "__main__":
    main()
