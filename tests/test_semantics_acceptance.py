"""Credulous and sceptical acceptance without enumeration, against brute force over all
subsets on small random frameworks (extensions computed independently here)."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given, settings

from argmap.semantics import ArgumentationFramework
from argmap.semantics.acceptance import acceptance
from argmap.semantics.grounded import IN, OUT, UNDEC

sys.path.insert(0, str(Path(__file__).parent))
from test_semantics_properties import (
    Attacks,
    brute_complete,
    brute_preferred,
    brute_stable,
    frameworks,
)


def expected(n: int, attacks: Attacks, extensions: list[frozenset[int]]) -> tuple[list[bool], bytearray]:
    credulous = [any(a in e for e in extensions) for a in range(n)]
    summary = bytearray(n)
    for a in range(n):
        if extensions and all(a in e for e in extensions):
            summary[a] = IN
        elif extensions and all(any((b, a) in attacks for b in e) for e in extensions):
            summary[a] = OUT
        else:
            summary[a] = UNDEC
    return credulous, summary


def check(semantics: str, n: int, attacks: Attacks, extensions: list[frozenset[int]]) -> None:
    af = ArgumentationFramework.from_pairs(n, sorted(attacks))
    got = acceptance(af, semantics)
    credulous, summary = expected(n, attacks, extensions)
    assert got.credulous == credulous
    assert got.summary == summary
    assert got.sceptical == [summary[a] == IN for a in range(n)]


@settings(max_examples=300, deadline=None)
@given(frameworks(7))
def test_preferred_acceptance_matches_enumeration(framework: tuple[int, Attacks]) -> None:
    n, attacks = framework
    check("preferred", n, attacks, sorted(brute_preferred(n, attacks), key=sorted))


@settings(max_examples=150, deadline=None)
@given(frameworks(7))
def test_stable_acceptance_matches_enumeration(framework: tuple[int, Attacks]) -> None:
    n, attacks = framework
    check("stable", n, attacks, sorted(brute_stable(n, attacks), key=sorted))


@settings(max_examples=150, deadline=None)
@given(frameworks(6))
def test_complete_acceptance_matches_enumeration(framework: tuple[int, Attacks]) -> None:
    n, attacks = framework
    check("complete", n, attacks, brute_complete(n, attacks))


def test_preferred_sceptical_is_not_cautious_complete() -> None:
    """a and b attack each other and both attack c, which attacks d: d is in both preferred
    extensions ({a, d} and {b, d}) though not in the grounded (empty) extension."""
    af = ArgumentationFramework.from_pairs(4, [(0, 1), (1, 0), (0, 2), (1, 2), (2, 3)])
    got = acceptance(af, "preferred")
    assert got.sceptical == [False, False, False, True]
    assert bytes(got.summary) == bytes([UNDEC, UNDEC, OUT, IN])
