"""argmap's grounded, complete, preferred and stable answers against independent methods.

Small frameworks: a brute-force check over all subsets, written from the definitions
(Dung 1995) and sharing no code with argmap.  Larger ones: clingo, with the grounded
labelling checked against the grounder's least model and the stable/preferred
extensions checked against their definitions."""

from __future__ import annotations

from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.semantics import ArgumentationFramework, asp, grounded_labelling, solve_framework
from argmap.semantics.grounded import IN, OUT, UNDEC

Attacks = frozenset[tuple[int, int]]


@st.composite
def frameworks(draw: st.DrawFn, max_n: int) -> tuple[int, Attacks]:
    n = draw(st.integers(0, max_n))
    if n == 0:
        return 0, frozenset()
    pair = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
    attacks = draw(st.frozensets(pair, max_size=3 * n))
    return n, attacks


def _subsets(n: int) -> list[frozenset[int]]:
    return [frozenset(c) for k in range(n + 1) for c in combinations(range(n), k)]


def _conflict_free(s: frozenset[int], attacks: Attacks) -> bool:
    return not any(a in s and b in s for a, b in attacks)


def _defends(s: frozenset[int], x: int, attacks: Attacks) -> bool:
    return all(any((c, a) in attacks for c in s) for a, b in attacks if b == x)


def brute_complete(n: int, attacks: Attacks) -> list[frozenset[int]]:
    found = []
    for s in _subsets(n):
        if not _conflict_free(s, attacks):
            continue
        if all(_defends(s, x, attacks) for x in s) and all(x in s for x in range(n) if _defends(s, x, attacks)):
            found.append(s)
    return found


def brute_preferred(n: int, attacks: Attacks) -> set[frozenset[int]]:
    complete = brute_complete(n, attacks)
    return {s for s in complete if not any(s < t for t in complete)}


def brute_stable(n: int, attacks: Attacks) -> set[frozenset[int]]:
    return {
        s
        for s in _subsets(n)
        if _conflict_free(s, attacks) and all(any((a, x) in attacks for a in s) for x in range(n) if x not in s)
    }


def brute_grounded(n: int, attacks: Attacks) -> frozenset[int]:
    # The least complete extension: the intersection of all of them (there is always one).
    complete = brute_complete(n, attacks)
    result = frozenset(range(n))
    for s in complete:
        result &= s
    return result


def argmap_sets(n: int, attacks: Attacks, semantics: str) -> set[frozenset[int]]:
    af = ArgumentationFramework.from_pairs(n, sorted(attacks))
    result = solve_framework(af, semantics, limit=0)
    assert result.exhaustive
    return {frozenset(a for a in range(n) if lab[a] == IN) for lab in result.labellings}


def _check_labelling(n: int, attacks: Attacks, labelling: bytearray) -> None:
    # OUT exactly where an IN argument attacks; the rest of the non-IN is UNDEC.
    members = {a for a in range(n) if labelling[a] == IN}
    for x in range(n):
        attacked_by_in = any((a, x) in attacks for a in members)
        if labelling[x] == OUT:
            assert attacked_by_in
        elif labelling[x] == UNDEC:
            assert not attacked_by_in


@settings(max_examples=200, deadline=None)
@given(frameworks(max_n=7))
def test_grounded_matches_brute_force(fw: tuple[int, Attacks]) -> None:
    n, attacks = fw
    labelling = grounded_labelling(ArgumentationFramework.from_pairs(n, sorted(attacks)))
    assert {a for a in range(n) if labelling[a] == IN} == brute_grounded(n, attacks)
    _check_labelling(n, attacks, labelling)


@settings(max_examples=150, deadline=None)
@given(frameworks(max_n=6))
def test_preferred_matches_brute_force(fw: tuple[int, Attacks]) -> None:
    n, attacks = fw
    assert argmap_sets(n, attacks, "preferred") == brute_preferred(n, attacks)


@settings(max_examples=150, deadline=None)
@given(frameworks(max_n=6))
def test_stable_matches_brute_force(fw: tuple[int, Attacks]) -> None:
    n, attacks = fw
    assert argmap_sets(n, attacks, "stable") == brute_stable(n, attacks)


@settings(max_examples=100, deadline=None)
@given(frameworks(max_n=6))
def test_complete_matches_brute_force(fw: tuple[int, Attacks]) -> None:
    n, attacks = fw
    assert argmap_sets(n, attacks, "complete") == set(brute_complete(n, attacks))


@settings(max_examples=100, deadline=None)
@given(frameworks(max_n=6))
def test_credulous_and_sceptical(fw: tuple[int, Attacks]) -> None:
    n, attacks = fw
    preferred = brute_preferred(n, attacks)
    result = solve_framework(ArgumentationFramework.from_pairs(n, sorted(attacks)), "preferred", limit=0)
    assert result.credulous == [any(a in s for s in preferred) for a in range(n)]
    assert result.sceptical == [all(a in s for s in preferred) for a in range(n)]


@settings(max_examples=60, deadline=None)
@given(frameworks(max_n=200))
def test_grounded_matches_clingo_on_larger_frameworks(fw: tuple[int, Attacks]) -> None:
    n, attacks = fw
    af = ArgumentationFramework.from_pairs(n, sorted(attacks))
    (expected,) = asp.solve(af, "grounded").labellings
    assert grounded_labelling(af) == expected


@settings(max_examples=40, deadline=None)
@given(frameworks(max_n=40))
def test_stable_and_preferred_on_larger_frameworks(fw: tuple[int, Attacks]) -> None:
    n, attacks = fw
    af = ArgumentationFramework.from_pairs(n, sorted(attacks))
    grounded = {a for a, x in enumerate(grounded_labelling(af)) if x == IN}
    stable = argmap_sets(n, attacks, "stable")
    for s in stable:
        assert _conflict_free(s, attacks)
        assert all(any((a, x) in attacks for a in s) for x in range(n) if x not in s)
    preferred = argmap_sets(n, attacks, "preferred")
    assert preferred, "there is always a preferred extension"
    # Every stable extension is preferred; every preferred one contains the grounded one,
    # is admissible, and is maximal among the complete extensions clingo enumerates.
    assert stable <= preferred
    complete = argmap_sets(n, attacks, "complete")
    for s in preferred:
        assert grounded <= s
        assert _conflict_free(s, attacks) and all(_defends(s, x, attacks) for x in s)
        assert s in complete and not any(s < t for t in complete)
    maximal = {s for s in complete if not any(s < t for t in complete)}
    assert preferred == maximal
