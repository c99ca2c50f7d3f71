"""Abstract frameworks: readers, and the grounded labelling on the known corner cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.semantics import ArgumentationFramework, grounded_labelling, read_framework, solve_framework
from argmap.semantics.framework import MAX_ARGUMENTS, parse_apx, parse_iccma, parse_tgf
from argmap.semantics.grounded import IN, OUT, UNDEC


def labels(n: int, attacks: list[tuple[int, int]]) -> list[int]:
    return list(grounded_labelling(ArgumentationFramework.from_pairs(n, attacks)))


def in_sets(n: int, attacks: list[tuple[int, int]], semantics: str) -> list[set[int]]:
    result = solve_framework(ArgumentationFramework.from_pairs(n, attacks), semantics)
    return sorted(({a for a in range(n) if lab[a] == IN} for lab in result.labellings), key=sorted)


# -- corner cases ----------------------------------------------------------------


def test_empty_framework() -> None:
    assert labels(0, []) == []
    for semantics in ("preferred", "stable", "complete"):
        assert in_sets(0, [], semantics) == [set()]


def test_unattacked_chain_alternates() -> None:
    # 0 -> 1 -> 2 -> 3 -> 4: the unattacked 0 is IN, and IN/OUT alternate down the chain.
    chain = [(i, i + 1) for i in range(4)]
    assert labels(5, chain) == [IN, OUT, IN, OUT, IN]
    for semantics in ("preferred", "stable", "complete"):
        assert in_sets(5, chain, semantics) == [{0, 2, 4}]


def test_long_chain_needs_no_recursion() -> None:
    n = 200_000
    result = labels(n, [(i, i + 1) for i in range(n - 1)])
    assert result[0] == IN and result[1] == OUT and result[-1] == (IN if (n - 1) % 2 == 0 else OUT)
    assert UNDEC not in result


def test_self_attack() -> None:
    # 0 attacks itself and 1; 2 is unattacked and attacks nothing.
    assert labels(3, [(0, 0), (0, 1)]) == [UNDEC, UNDEC, IN]
    # Nothing attacks 0 but 0 itself, so 1 cannot be defended, and no extension attacks 0.
    assert in_sets(3, [(0, 0), (0, 1)], "preferred") == [{2}]
    assert in_sets(3, [(0, 0), (0, 1)], "stable") == []
    # A self-attacker attacked by an unattacked argument is OUT, and what it attacked is IN.
    assert labels(3, [(2, 0), (0, 0), (0, 1)]) == [OUT, IN, IN]


def test_odd_cycle() -> None:
    cycle = [(0, 1), (1, 2), (2, 0)]
    assert labels(3, cycle) == [UNDEC, UNDEC, UNDEC]
    assert in_sets(3, cycle, "preferred") == [set()]
    assert in_sets(3, cycle, "stable") == []
    assert in_sets(3, cycle, "complete") == [set()]


def test_even_cycle() -> None:
    cycle = [(0, 1), (1, 2), (2, 3), (3, 0)]
    assert labels(4, cycle) == [UNDEC] * 4
    assert in_sets(4, cycle, "preferred") == [{0, 2}, {1, 3}]
    assert in_sets(4, cycle, "stable") == [{0, 2}, {1, 3}]
    assert in_sets(4, cycle, "complete") == [set(), {0, 2}, {1, 3}]


def test_cycle_broken_by_unattacked_attacker() -> None:
    # 3 attacks 0 in the odd cycle 0 -> 1 -> 2 -> 0: 0 OUT, 1 IN, 2 OUT.
    assert labels(4, [(0, 1), (1, 2), (2, 0), (3, 0)]) == [OUT, IN, OUT, IN]


def test_reinstatement() -> None:
    # 2 attacks 1 attacks 0: 0 is reinstated.
    assert labels(3, [(1, 0), (2, 1)]) == [IN, OUT, IN]


def test_duplicate_attacks_count_once_in_effect() -> None:
    assert labels(3, [(1, 0), (1, 0), (2, 1), (2, 1)]) == [IN, OUT, IN]


def test_reject_and_accept() -> None:
    af = ArgumentationFramework.from_pairs(3, [(1, 0), (2, 1)])
    assert list(grounded_labelling(af, reject=[2])) == [OUT, IN, OUT]
    assert list(grounded_labelling(af, accept=[1])) == [OUT, IN, IN]


def test_multi_extension_summary() -> None:
    result = solve_framework(ArgumentationFramework.from_pairs(3, [(0, 1), (1, 0), (1, 2)]), "preferred")
    # Extensions {0, 2} and {1}: nothing sceptically accepted, everything credulously.
    assert result.credulous == [True, True, True]
    assert result.sceptical == [False, False, False]
    assert list(result.labels) == [UNDEC, UNDEC, UNDEC]


def test_enumeration_limit_keeps_credulous_exact() -> None:
    # Ten independent 2-cycles: 1024 preferred extensions; stop after 5.
    attacks = [(2 * i, 2 * i + 1) for i in range(10)] + [(2 * i + 1, 2 * i) for i in range(10)]
    result = solve_framework(ArgumentationFramework.from_pairs(20, attacks), "preferred", limit=5)
    assert len(result.labellings) == 5
    assert not result.exhaustive
    assert all(result.credulous)


def test_enumeration_limit_keeps_stable_sceptical_exact() -> None:
    # The same ten 2-cycles plus 20, unattacked, which attacks nothing: 1024 stable
    # extensions, and only 20 is in all of them, though the first five agree on more.
    attacks = [(2 * i, 2 * i + 1) for i in range(10)] + [(2 * i + 1, 2 * i) for i in range(10)]
    result = solve_framework(ArgumentationFramework.from_pairs(21, attacks), "stable", limit=5)
    assert not result.exhaustive
    assert result.sceptical == [False] * 20 + [True]
    assert result.credulous == [True] * 21


# -- readers ---------------------------------------------------------------------


def test_iccma_fast_path() -> None:
    af, diagnostics = parse_iccma(b"p af 3\n1 2\n2 3\n")
    assert diagnostics == []
    assert (af.n, af.attack_pairs()) == (3, [(0, 1), (1, 2)])
    assert af.name(0) == "1"


def test_iccma_with_comments_and_blank_lines() -> None:
    af, diagnostics = parse_iccma("# a comment\np af 3\n\n1 2\n# another\n3 3\n")
    assert diagnostics == []
    assert af.attack_pairs() == [(0, 1), (2, 2)]


def test_iccma_bad_lines_are_diagnostics_with_spans() -> None:
    af, diagnostics = parse_iccma("p af 2\n1 2\n1 x\n1 5\n2 1 3\n", name="bad.af")
    assert af.attack_pairs() == [(0, 1)]
    assert [(d.code, d.span.line if d.span else 0) for d in diagnostics] == [("AF003", 3), ("AF004", 4), ("AF003", 5)]
    assert all(d.span is not None and d.span.file == "bad.af" for d in diagnostics)


@pytest.mark.parametrize(
    "text",
    ["p af 99999999999\n1 2\n", "p af 99999999999\n", "p  af 99999999999\n1 2\n", f"p af {'9' * 5000}\n1 2\n"],
    ids=["canonical", "no attacks", "spaced", "thousands of digits"],
)
def test_iccma_header_too_large_is_a_diagnostic(text: str) -> None:
    # It used to start evaluating 10^11 arguments (hours), or fail converting the digits.
    af, diagnostics = parse_iccma(text, name="big.af")
    assert af.n == 0
    assert [(d.code, d.span.line if d.span else 0) for d in diagnostics] == [("AF005", 1)]
    assert f"at most {MAX_ARGUMENTS:,}" in diagnostics[0].message


@pytest.mark.parametrize(
    "text", [f"p af 3\n1 {'9' * 5000}\n", f"p af 3\n1 2\n{'9' * 30} 1\n"], ids=["thousands", "thirty"]
)
def test_iccma_attack_numbers_of_many_digits_are_out_of_range(text: str) -> None:
    af, diagnostics = parse_iccma(text)
    assert [d.code for d in diagnostics] == ["AF004"]
    assert af.n == 3 and af.m == (1 if "1 2" in text else 0)
    assert "digits" in diagnostics[0].message or "9" * 30 in diagnostics[0].message


def test_iccma_missing_header() -> None:
    af, diagnostics = parse_iccma("1 2\n")
    assert af.n == 0
    assert diagnostics[0].code == "AF001"
    af, diagnostics = parse_iccma("p af \n1 2\n")
    assert af.n == 0
    assert [d.code for d in diagnostics] == ["AF001"]


def test_iccma_irregular_spacing_takes_the_slow_path_with_the_same_answer() -> None:
    canonical, _ = parse_iccma("p af 3\n1 2\n3 1")
    spaced, diagnostics = parse_iccma(" p  af 3\r\n1\t2 \n\n3 1\n\n")
    assert diagnostics == []
    assert (spaced.n, spaced.attack_pairs()) == (canonical.n, canonical.attack_pairs()) == (3, [(0, 1), (2, 0)])


def test_iccma_lines_must_hold_two_numbers_even_when_the_totals_match() -> None:
    af, diagnostics = parse_iccma("p af 4\n1 2 3\n4\n")
    assert [d.code for d in diagnostics] == ["AF003", "AF003"]
    assert af.attack_pairs() == []


def test_apx() -> None:
    text = "% a comment\narg(a). arg(b).\narg(c).\natt(a,b). att(b , c). % trailing\natt(c,a).\n"
    af, diagnostics = parse_apx(text)
    assert diagnostics == []
    assert af.all_names() == ["a", "b", "c"]
    assert af.attack_pairs() == [(0, 1), (1, 2), (2, 0)]


def test_apx_errors() -> None:
    af, diagnostics = parse_apx('arg(a).\natt(a,b).\nnonsense\narg("x y").\n', name="f.apx")
    codes = sorted((d.code, d.span.line if d.span else 0) for d in diagnostics)
    assert codes == [("AF011", 3), ("AF013", 2)]
    assert af.all_names() == ["a", "x y", "b"]


def test_tgf() -> None:
    af, diagnostics = parse_tgf("a\nb\n#\na b\nb a\na q\n")
    assert af.attack_pairs() == [(0, 1), (1, 0)]
    assert [d.code for d in diagnostics] == ["AF022"]


def test_round_trip_formats(tmp_path: Path) -> None:
    af = ArgumentationFramework.from_pairs(4, [(0, 1), (1, 2), (3, 3)])
    (tmp_path / "f.af").write_text(af.to_iccma())
    (tmp_path / "f.apx").write_text(af.to_apx())
    for name in ("f.af", "f.apx"):
        back, diagnostics = read_framework(tmp_path / name)
        assert diagnostics == []
        assert back.attack_pairs() == af.attack_pairs()


def test_unreadable_file(tmp_path: Path) -> None:
    af, diagnostics = read_framework(tmp_path / "missing.af")
    assert af.n == 0 and diagnostics[0].code == "AF000"


def test_unknown_semantics() -> None:
    with pytest.raises(ValueError):
        solve_framework(ArgumentationFramework(0), "ideal")


def test_acceptance_without_listing_agrees_with_listing() -> None:
    # The four-cycle with a tail of test_enumeration_*: acceptance never depends on the listing.
    attacks = [(2 * i, 2 * i + 1) for i in range(4)] + [(2 * i + 1, 2 * i) for i in range(4)] + [(0, 8), (1, 8)]
    af = ArgumentationFramework.from_pairs(10, attacks)
    for semantics in ("complete", "preferred", "stable"):
        listed = solve_framework(af, semantics, limit=0)
        bare = solve_framework(af, semantics, limit=None)
        assert bare.labellings == [] and not bare.listed and listed.listed
        assert (bare.labels, bare.credulous, bare.sceptical) == (listed.labels, listed.credulous, listed.sceptical)
        assert bare.sceptical == [False] * 8 + [False, True]
