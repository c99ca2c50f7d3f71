"""Gradual semantics: worked examples computed by hand from the papers' formulas, and the
principles the literature asks for, on random maps (hypothesis)."""

from __future__ import annotations

import copy
import math
import sys
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import argmap
from argmap.model import ArgumentMap, RelationType, Span, Statement, StatementMember
from argmap.semantics.strength import GRADUAL, contributions, strength, structure

sys.path.insert(0, str(Path(__file__).parent))
from test_semantics_map_properties import maps

# [C] (base 0.5) attacked by [A1] (0.4) and [A2] (0.5), supported by [S] (0.6); all four otherwise plain.
EXAMPLE = "[C]: Claim. {base: 0.5}\n  - [A1]: One. {base: 0.4}\n  - [A2]: Two. {base: 0.5}\n  + [S]: Three. {base: 0.6}"


@pytest.mark.parametrize(
    ("semantics", "expected"),
    [
        # va = 1 - 0.6 * 0.5 = 0.7, vs = 0.6; va > vs: 0.5 - 0.5 * (0.7 - 0.6)
        ("dfquad", 0.45),
        # E = 0.6 - 0.9 = -0.3; h(0.3) = 0.09 / 1.09; 0.5 - 0.5 * 0.0825688
        ("quadratic-energy", 0.4587156),
        # 1 - (1 - 0.25) / (1 + 0.5 * e^-0.3) = 1 - 0.75 / 1.3704091
        ("euler", 0.4527180),
        # 0.5 / (1 + 0.4 + 0.5)
        ("h-categorizer", 0.2631579),
    ],
)
def test_worked_example(semantics: str, expected: float) -> None:
    amap, _ = argmap.loads(EXAMPLE)
    result = strength(amap, semantics)
    assert result.acyclic and result.converged and result.iterations == 0
    assert result.strength["[C]"] == pytest.approx(expected, abs=1e-6)
    assert result.strength["[S]"] == pytest.approx(0.6)


def test_premises_scale_an_argument_by_the_weakest() -> None:
    text = (
        "[C]: Claim.\n\n<A>: Argument. {base: 0.8}\n\n(1) [P]: P. {base: 0.9}\n(2) [Q]: Q. {base: 0.3}\n----\n(3) [C]\n"
    )
    amap, _ = argmap.loads(text)
    result = strength(amap, "dfquad")
    assert result.strength["<A>"] == pytest.approx(0.8 * 0.3)
    # [C] (base 0.5) supported by <A> alone: 0.5 + 0.5 * 0.24
    assert result.strength["[C]"] == pytest.approx(0.5 + 0.5 * 0.24)


def test_a_cycle_that_converges() -> None:
    # h-categorizer, two claims of base 1 attacking each other: x = 1 / (1 + x), the golden ratio's inverse.
    amap, _ = argmap.loads("[A]: A. {base: 1}\n  - [B]: B. {base: 1}\n\n[B]\n  - [A]")
    result = strength(amap, "h-categorizer")
    assert not result.acyclic and result.converged and result.iterations > 1
    assert result.strength["[A]"] == pytest.approx((math.sqrt(5) - 1) / 2, abs=1e-8)


def test_a_cycle_that_does_not_converge() -> None:
    # DF-QuAD on the same cycle: 1 - 1 * b swaps (1, 1) and (0, 0) for ever.
    amap, _ = argmap.loads("[A]: A. {base: 1}\n  - [B]: B. {base: 1}\n\n[B]\n  - [A]")
    result = strength(amap, "dfquad", max_iterations=50)
    assert not result.converged and result.iterations == 50


def test_perspective_overrides_and_bad_scores() -> None:
    amap, _ = argmap.loads(EXAMPLE)
    assert strength(amap, "h-categorizer", {"[C]": 1.0}).strength["[C]"] == pytest.approx(1 / 1.9)
    with pytest.raises(ValueError, match="from 0 to 1"):
        strength(amap, "dfquad", {"[C]": 1.5})
    with pytest.raises(ValueError, match="not a statement"):
        strength(amap, "dfquad", {"[Nope]": 0.5})


def test_attribution_by_removal() -> None:
    amap, _ = argmap.loads(EXAMPLE)
    score, parts = contributions(amap, "[C]", "h-categorizer")
    assert score == pytest.approx(0.5 / 1.9)
    effects = {p.node: p.effect for p in parts}
    assert effects["[A1]"] == pytest.approx(0.5 / 1.9 - 0.5 / 1.5)
    assert effects["[S]"] == 0.0  # attacks only


def _copy_with(amap: ArgumentMap, relation: RelationType, target: str, base: float) -> ArgumentMap:
    """``amap`` plus a fresh statement [New] of base score ``base`` that attacks or supports ``target``."""
    changed = copy.deepcopy(amap)
    changed.add_statement(Statement("New", [StatementMember("New.", SPAN, False, data={"base": base})]))
    changed.add_relation(relation, "[New]", target)
    return changed


bases = st.floats(0.0, 1.0)
SPAN = Span("<test>", 1, 1, 1, 1)


@settings(max_examples=150, deadline=None)
@given(maps(), st.sampled_from(GRADUAL))
def test_scores_lie_in_the_unit_interval_and_respect_premises(amap: ArgumentMap, semantics: str) -> None:
    result = strength(amap, semantics, max_iterations=200)
    graph = structure(amap)
    for i, node in enumerate(graph.nodes):
        assert 0.0 <= result.strength[node] <= 1.0
        for p in graph.premises.get(i, []):
            assert result.strength[node] <= result.strength[graph.nodes[p]] + 1e-12


@settings(max_examples=150, deadline=None)
@given(maps(), st.sampled_from(GRADUAL), st.data())
def test_an_attacker_never_raises_a_supporter_never_lowers(
    amap: ArgumentMap, semantics: str, data: st.DataObject
) -> None:
    before = strength(amap, semantics)
    assume(before.acyclic)
    target = data.draw(st.sampled_from(list(amap.graph.nodes)))
    base = data.draw(bases)
    for relation, sign in ((RelationType.ATTACK, -1), (RelationType.SUPPORT, 1)):
        changed = _copy_with(amap, relation, target, base)
        after = strength(changed, semantics).strength[target]
        assert sign * (after - before.strength[target]) >= -1e-12


@settings(max_examples=150, deadline=None)
@given(maps(), st.sampled_from(GRADUAL), st.data())
def test_an_unrelated_change_leaves_scores_alone(amap: ArgumentMap, semantics: str, data: st.DataObject) -> None:
    before = strength(amap, semantics)
    assume(before.acyclic)
    target = data.draw(st.sampled_from(list(amap.graph.nodes)))
    changed = _copy_with(amap, data.draw(st.sampled_from([RelationType.ATTACK, RelationType.SUPPORT])), target, 0.9)
    after = strength(changed, semantics).strength
    graph = structure(amap)
    downstream = {target}
    grew = True
    while grew:
        grew = False
        for i, node in enumerate(graph.nodes):
            if node not in downstream and any(
                graph.nodes[j] in downstream
                for group in (graph.attackers, graph.supporters, graph.premises)
                for j in group.get(i, [])
            ):
                downstream.add(node)
                grew = True
    for node in graph.nodes:
        if node not in downstream:
            assert after[node] == before.strength[node]


def test_the_command(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from argmap.cli import app

    runner = CliRunner()
    mapped = tmp_path / "example.argdown"
    mapped.write_text(EXAMPLE + "\n", "utf-8")
    perspective = tmp_path / "mine.yaml"
    perspective.write_text("'[A1]': 0.0\n'[A2]': 0.0\n", "utf-8")
    result = runner.invoke(app, ["strength", "C", "-m", str(mapped), "-s", "h-categorizer", "--base", str(perspective)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith("[C]: 0.500 (h-categorizer")
    result = runner.invoke(app, ["strength", "-m", str(mapped), "--json"])
    data = json.loads(result.stdout)
    assert data["strength"]["[C]"] == pytest.approx(0.45) and data["converged"]
    # The map as MAP after CLAIM, or alone (a file that exists is the map, not a claim).
    assert runner.invoke(app, ["strength", "C", str(mapped)]).stdout.startswith("[C]: 0.450")
    assert json.loads(runner.invoke(app, ["strength", str(mapped), "--json"]).stdout) == data
    missing = runner.invoke(app, ["strength", str(tmp_path / "missing.argdown")])
    assert missing.exit_code != 0 and "cannot read" in missing.stderr and "no such file" in missing.stderr
    typo = runner.invoke(app, ["strength", "no such claim", str(mapped)])
    assert typo.exit_code != 0 and "no claim matches" in typo.stderr
    result = runner.invoke(app, ["strength", "-m", str(mapped), "-s", "nope"])
    assert result.exit_code != 0
    cyclic = tmp_path / "cycle.argdown"
    cyclic.write_text("[A]: A. {base: 1}\n  - [B]: B. {base: 1}\n\n[B]\n  - [A]\n", "utf-8")
    result = runner.invoke(app, ["strength", "-m", str(cyclic)])
    assert "did not settle" in result.stderr


def test_sensitivity_and_moves() -> None:
    from argmap.semantics.strength import moves, sensitivity

    amap, _ = argmap.loads(EXAMPLE)
    slopes = dict(sensitivity(amap, "[C]", "h-categorizer"))
    # d/dτ(A1) of 0.5 / (1 + τ(A1) + 0.5) at τ(A1) = 0.4: -0.5 / 1.9²
    assert slopes["[A1]"] == pytest.approx(-0.5 / 1.9**2, abs=1e-4)
    assert slopes["[S]"] == 0.0
    moved = moves(amap, "h-categorizer", {"[A1]": 0.0})
    assert moved == [("[C]", pytest.approx(0.5 / 1.9), pytest.approx(0.5 / 1.5)), ("[A1]", 0.4, 0.0)]


def test_show_and_why_carry_the_scores(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from argmap.cli import app

    mapped = tmp_path / "example.argdown"
    mapped.write_text(EXAMPLE + "\n", "utf-8")
    result = CliRunner().invoke(app, ["why", "C", "-m", str(mapped), "--json", "--strength", "dfquad"])
    data = json.loads(result.stdout)
    assert data["strength"] == "dfquad"
    assert data["roots"][0]["strength"] == pytest.approx(0.45)
    result = CliRunner().invoke(app, ["show", "-m", str(mapped), "--strength", "euler"])
    assert "strength 0.45" in result.stdout
