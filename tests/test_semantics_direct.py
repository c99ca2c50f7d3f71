"""The grounded labels computed on the map's graph (argmap.semantics.direct, what
``label_map`` and the views use) against the reference: translate the map into a
framework with its auxiliary arguments, label that with grounded_labelling, and read
off the claims.  Same labels on every map: the shipped one, the fixtures, the Argdown
corpus, synthetic maps and hypothesis-generated maps, including the cases the fast
path handles apart (contradictions, PCS lines without premise-of edges, intermediary
conclusions, one edge with several relation types, self-loops)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.model import Argument, ArgumentMap, PcsStep, RelationType, Span, Statement
from argmap.semantics import label_map
from argmap.semantics.direct import grounded_claim_labels
from argmap.semantics.grounded import IN, OUT, UNDEC, grounded_labelling
from argmap.semantics.translate import translate

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "benchmarks"))

from conftest import shared_path  # noqa: E402
from gen_argdown import generate  # noqa: E402
from test_semantics_map_properties import maps  # noqa: E402

NAMES = {IN: "IN", OUT: "OUT", UNDEC: "UNDEC"}
SPAN = Span("<test>", 1, 1, 1, 1)


def reference(amap: ArgumentMap) -> dict[str, str]:
    translation = translate(amap)
    labels = grounded_labelling(translation.af)
    return {node: NAMES[labels[i]] for i, node in enumerate(translation.claims)}


def check(amap: ArgumentMap) -> dict[str, str]:
    fast = grounded_claim_labels(amap)
    expected = reference(amap)
    assert fast == expected
    assert list(fast) == list(expected)  # graph order, as before
    assert label_map(amap) == expected
    return fast


def test_shipped_map() -> None:
    amap, _ = argmap.load_default()
    labels = check(amap)
    assert sorted(labels.values()).count("IN") == 91  # docs/shipped-map.md: 91 IN, 4 OUT
    assert [n for n, lab in labels.items() if lab == "OUT"] != []


@pytest.mark.parametrize("path", sorted((ROOT / "tests" / "fixtures").rglob("*.argdown")), ids=lambda p: p.name)
def test_fixtures(path: Path) -> None:
    amap, _ = argmap.load(path)
    check(amap)


def test_argdown_corpus() -> None:
    inputs = shared_path("corpus", "argdown", "inputs")
    labelled = 0
    for path in sorted(inputs.glob("*.argdown")):
        amap, _ = argmap.load(path, lint=False)
        labels = check(amap)
        labelled += sum(lab != "UNDEC" for lab in labels.values())
    assert labelled > 0


def test_synthetic_map() -> None:
    amap, _ = argmap.loads(generate(2000), lint=False)
    check(amap)


def random_argdown(seed: int, n: int) -> str:
    """A random map in Argdown text: statement trees with every relation symbol, arguments
    with premise-conclusion structures (some with intermediary conclusions), strict mode
    now and then.  Sparse, so that many claims end up IN or OUT, not all UNDEC."""
    rng = random.Random(seed)
    out = ["===", "model: {mode: strict}", "===", ""] if seed % 3 == 0 else []
    symbols = ["+", "-", "_", "><", "<+", "<-", "+>", "->"]
    for i in range(n):
        out.append(f"[S{i}]: Statement {i}.")
        for _ in range(rng.choice((0, 0, 1, 1, 2))):
            symbol = rng.choice(symbols)
            target = f"<A{rng.randrange(n)}>" if rng.random() < 0.3 and symbol != "><" else f"[S{rng.randrange(n)}]"
            out.append(f"    {symbol} {target}")
        out.append("")
        if rng.random() < 0.5:
            out.append(f"<A{i}>: Argument {i}.")
            for _ in range(rng.choice((0, 1))):
                out.append(f"    {rng.choice(['-', '_', '+'])} <A{rng.randrange(n)}>")
            out.append("")
            k = rng.randint(1, 3)
            for j in range(k):
                out.append(f"({j + 1}) [S{rng.randrange(n)}]")
            number = k + 1
            if rng.random() < 0.3:
                out += ["----", f"({number}) [S{rng.randrange(n)}]", f"({number + 1}) [S{rng.randrange(n)}]"]
                number += 2
            out += ["----", f"({number}) [S{rng.randrange(n)}]", ""]
        else:
            out.append(f"<A{i}>: Argument {i}, not reconstructed.")
            out.append(f"    +> [S{rng.randrange(n)}]")
            out.append("")
    return "\n".join(out)


@pytest.mark.parametrize("seed", range(12))
def test_random_argdown_maps(seed: int) -> None:
    amap, _ = argmap.loads(random_argdown(seed, 300), lint=False)
    labels = check(amap)
    assert {"IN", "OUT"} <= set(labels.values())


@st.composite
def odd_maps(draw: st.DrawFn) -> ArgumentMap:
    """Maps built by hand, with what the parser never makes: PCS lines without premise-of
    edges, premise-of edges without PCS lines (and from arguments), several relation types
    on one edge, self-loops, support into arguments."""
    amap = ArgumentMap()
    n_statements = draw(st.integers(1, 6))
    n_arguments = draw(st.integers(0, 4))
    statements = [f"[S{i}]" for i in range(n_statements)]
    for i in range(n_statements):
        amap.add_statement(Statement(f"S{i}"))
    arguments = [f"<A{i}>" for i in range(n_arguments)]
    titles = [f"S{i}" for i in range(n_statements)]
    for i in range(n_arguments):
        lines = draw(st.lists(st.sampled_from(titles), min_size=0, max_size=4))
        roles = draw(
            st.lists(st.sampled_from(["premise", "intermediary-conclusion"]), min_size=len(lines), max_size=len(lines))
        )
        pcs = [PcsStep(k + 1, title, role, SPAN) for k, (title, role) in enumerate(zip(lines, roles, strict=True))]
        if pcs and draw(st.booleans()):
            pcs[-1].role = "main-conclusion"
        amap.add_argument(Argument(f"A{i}", pcs=pcs))
        for step in pcs:
            if step.role == "premise" and draw(st.booleans()):
                amap.add_relation(RelationType.PREMISE_OF, f"[{step.statement}]", f"<A{i}>", derived=True)
    nodes = statements + arguments
    types = list(RelationType)
    for _ in range(draw(st.integers(0, 10))):
        rtype = draw(st.sampled_from(types))
        amap.add_relation(rtype, draw(st.sampled_from(nodes)), draw(st.sampled_from(nodes)))
    return amap


@settings(max_examples=300, deadline=None)
@given(maps())
def test_generated_maps(amap: ArgumentMap) -> None:
    check(amap)


@settings(max_examples=500, deadline=None)
@given(odd_maps())
def test_hand_built_maps(amap: ArgumentMap) -> None:
    check(amap)


def test_a_pcs_line_without_an_edge_is_a_premise() -> None:
    # <A> concludes [C] from [P]; the map has no premise-of edge, only the PCS line.
    amap = ArgumentMap()
    for title in ("P", "C", "X"):
        amap.add_statement(Statement(title))
    amap.add_argument(Argument("A", pcs=[PcsStep(1, "P", "premise", SPAN), PcsStep(2, "C", "main-conclusion", SPAN)]))
    amap.add_relation(RelationType.CONCLUSION_OF, "<A>", "[C]", derived=True)
    amap.add_relation(RelationType.ATTACK, "[X]", "[P]")
    assert check(amap) == {"[P]": "OUT", "[C]": "OUT", "[X]": "IN", "<A>": "OUT"}


def test_contradiction_both_ways() -> None:
    amap, _ = argmap.loads("[A]: a.\n  >< [B]: b.\n    - [D]: d.")
    assert check(amap) == {"[A]": "IN", "[B]": "OUT", "[D]": "IN"}
