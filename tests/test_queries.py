"""Queries over a map (argmap/queries.py)."""

from __future__ import annotations

import argmap
from argmap import queries

MAP = """
[Thesis]: The thesis.
  + <Main>: The main argument.
  - <Objection>: An objection.
    - [Rebuttal]: A rebuttal.

<Main>

(1) [P1]: First premise.
(2) [P2]: Second premise.
----
(3) [Thesis]

[P1]
  + [Deeper]: A reason for the first premise.
"""


def load() -> argmap.ArgumentMap:
    amap, _ = argmap.loads(MAP)
    return amap


def test_supporters_and_attackers() -> None:
    amap = load()
    assert queries.supporters(amap, "[Thesis]") == ["<Main>"]
    assert queries.attackers(amap, "[Thesis]") == ["<Objection>"]
    assert queries.attackers(amap, "<Objection>") == ["[Rebuttal]"]


def test_premises_and_conclusion() -> None:
    amap = load()
    assert queries.premises(amap, "<Main>") == ["[P1]", "[P2]"]
    assert queries.conclusion(amap, "<Main>") == "[Thesis]"


def test_grounds_walk_down_to_basic_premises() -> None:
    amap = load()
    assert sorted(queries.grounds(amap, "[Thesis]")) == ["[Deeper]", "[P2]"]
    assert sorted(queries.grounds(amap, "[Thesis]", max_depth=2)) == ["[P1]", "[P2]"]


def test_roots_leaves_and_main_conclusions() -> None:
    amap = load()
    assert queries.main_conclusions(amap) == ["[Thesis]"]
    assert "[Thesis]" in queries.roots(amap)
    assert set(queries.leaves(amap)) == {"[Rebuttal]", "[P2]", "[Deeper]"}


def test_contradiction_counts_both_ways() -> None:
    amap, _ = argmap.loads("[A]: a\n  >< [B]: b\n")
    assert queries.attackers(amap, "[A]") == ["[B]"]
    assert queries.attackers(amap, "[B]") == ["[A]"]
