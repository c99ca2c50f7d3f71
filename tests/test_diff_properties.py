"""argmap.diff on random maps: a map against itself is no change, against a re-wrapped and
reordered copy of its text no change either, and swapping the two maps swaps added and removed."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.diff import diff_maps
from argmap.model import ArgumentMap

WORDS = ["peace", "talks", "fail", "army", "deal", "table", "soon", "never", "allies", "strike"]
SYMBOLS = ["+", "-", "_"]


@st.composite
def blocks(draw: st.DrawFn) -> list[str]:
    """A map as a list of blocks (statements with relations, arguments with PCSs) that can be reordered."""
    n = draw(st.integers(1, 6))
    titles = [f"S{i}" for i in range(n)]
    out: list[str] = []
    for title in titles:
        text = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=8)))
        lines = [f"[{title}]: {text}."]
        for other in draw(st.lists(st.sampled_from(titles), max_size=2, unique=True)):
            symbol = draw(st.sampled_from(SYMBOLS[:2]))
            lines.append(f"  {symbol} [{other}]")
        out.append("\n".join(lines))
    for i in range(draw(st.integers(0, 3))):
        premises = draw(st.lists(st.sampled_from(titles), min_size=1, max_size=3, unique=True))
        conclusion = draw(st.sampled_from(titles))
        if conclusion in premises:
            continue
        steps = [f"({k + 1}) [{p}]" for k, p in enumerate(premises)]
        out.append("\n".join([f"<A{i}>: argument {i}.", "", *steps, "----", f"({len(premises) + 1}) [{conclusion}]"]))
    return out


def _rewrap(block: str) -> str:
    """The block with its first line's text broken after its first word (and spaces doubled)."""
    first, _, rest = block.partition("\n")
    head, colon, text = first.partition(": ")
    text = text.replace(" ", "\n  ", 1).replace(" ", "  ")
    return head + colon + text + ("\n" + rest if rest else "")


def _load(text: str) -> ArgumentMap:
    return argmap.loads(text, lint=False)[0]


@settings(max_examples=60, deadline=None)
@given(blocks())
def test_a_map_against_itself_is_no_change(parts: list[str]) -> None:
    text = "\n\n".join(parts) + "\n"
    assert not diff_maps(_load(text), _load(text))


@settings(max_examples=60, deadline=None)
@given(blocks(), st.randoms(use_true_random=False))
def test_reordered_and_rewrapped_text_is_no_change(parts: list[str], rng: object) -> None:
    shuffled = list(parts)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    rewrapped = [_rewrap(part) for part in shuffled]
    assert not diff_maps(_load("\n\n".join(parts) + "\n"), _load("\n\n".join(rewrapped) + "\n"))


@settings(max_examples=60, deadline=None)
@given(blocks(), blocks())
def test_swapping_the_maps_swaps_added_and_removed(first: list[str], second: list[str]) -> None:
    a, b = _load("\n\n".join(first) + "\n"), _load("\n\n".join(second) + "\n")
    forward, backward = diff_maps(a, b), diff_maps(b, a)
    for part in ("statements", "arguments"):
        there, back = getattr(forward, part), getattr(backward, part)
        assert sorted(i.id for i in there.added) == sorted(i.id for i in back.removed)
        assert sorted(i.id for i in there.removed) == sorted(i.id for i in back.added)
        assert sorted((r.old_id, r.new_id) for r in there.renamed) == sorted((r.new_id, r.old_id) for r in back.renamed)
    assert sorted(map(str, forward.relations.added)) == sorted(map(str, backward.relations.removed))
    # A label change is named by the id in the newer map: a renamed claim's by its other name.
    to_second = {r.old_id: r.new_id for part in (forward.statements, forward.arguments) for r in part.renamed}
    assert sorted((c.id, c.before, c.after) for c in forward.labels) == sorted(
        (to_second.get(c.id, c.id), c.after, c.before) for c in backward.labels
    )
    assert bool(forward) == bool(backward)
