"""Minimal cruxes with clingo instead of trying every subset of premises.

A crux of a claim (see :mod:`~argmap.semantics.whatif`) is a set of premises whose joint
rejection leaves the claim not IN under grounded semantics, no proper subset of which
does.  The encoding guesses the rejected premises and computes the grounded labelling
of the framework so modified as the least model of a positive program (the grounder
and solver do the fixpoint), with the claim forbidden to be IN:

* ``{ rej(P) : cand(P) }``: the guess, over the candidate premises;
* ``defeated(X) :- rej(X).``: a rejected premise is OUT (an unattacked attacker);
* ``in(X) :- arg(X), not rej(X), defeated(Y) : att(Y,X).``: IN once every attacker is
  OUT; ``defeated(X) :- att(Y,X), in(Y).``: OUT once an attacker is IN;
* ``:- in(T), target(T).``

Given the guess, the rest is positive, so every answer set is the grounded labelling of
the modified framework.  The sizes are searched in turn, 1 to ``max_size``: at size
``s`` the solver enumerates every answer set (projected on ``rej``) with exactly ``s``
rejections that is no superset of a crux already found, and each one is a crux: a
proper subset that works would be smaller and so already found, and then the set
would be excluded as its superset.  After each size, each new crux is added as a
constraint ``:- rej(p1), …, rej(ps).``.  Only the part of the framework from which the
claim can be reached matters to its label, so only that part is given to clingo.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from argmap.semantics.asp import _quiet
from argmap.semantics.framework import ArgumentationFramework

_PROGRAM = """
{ rej(P) : cand(P) }.
defeated(X) :- rej(X).
in(X) :- arg(X), not rej(X), defeated(Y) : att(Y,X).
defeated(X) :- att(Y,X), in(Y).
:- in(T), target(T).
#show rej/1.
#program size(s).
#external active(s).
:- active(s), not #count{ P : rej(P) } = s.
"""


def minimal_rejections(
    af: ArgumentationFramework, target: int, candidates: Sequence[int], max_size: int
) -> list[tuple[int, ...]]:
    """Every subset-minimal set of ``candidates`` (arguments of ``af``), of size at most
    ``max_size``, whose rejection leaves ``target`` not IN in the grounded labelling;
    smallest first, then in the order of ``candidates``.  The target must be IN as
    ``af`` stands (else the empty set is the answer and this is not asked)."""
    import clingo

    keep = ancestors(af, target)
    lines = [f"arg({a})." for a in sorted(keep)]
    lines += [f"att({a},{b})." for a, b in zip(af.src, af.dst, strict=True) if b in keep and a in keep]
    lines += [f"cand({c})." for c in candidates if c in keep]
    lines.append(f"target({target}).")
    control = clingo.Control(["0", "--project"], logger=_quiet)
    control.add("base", [], "\n".join(lines) + _PROGRAM)
    control.ground([("base", []), *[("size", [clingo.Number(s)]) for s in range(1, max_size + 1)]])
    position = {c: i for i, c in enumerate(candidates)}
    found: list[tuple[int, ...]] = []
    for size in range(1, max_size + 1):
        for s in range(1, max_size + 1):
            control.assign_external(clingo.Function("active", [clingo.Number(s)]), s == size)
        new: list[tuple[int, ...]] = []

        def take(model: Any, into: list[tuple[int, ...]] = new) -> None:
            chosen = [symbol.arguments[0].number for symbol in model.symbols(shown=True)]
            into.append(tuple(sorted(chosen, key=position.__getitem__)))

        control.solve(on_model=take)
        new.sort(key=lambda crux: [position[c] for c in crux])
        found.extend(new)
        if new and size < max_size:
            part = f"exclude{size}"
            control.add(part, [], "\n".join(":- " + ", ".join(f"rej({c})" for c in crux) + "." for crux in new))
            control.ground([(part, [])])
    return found


def ancestors(af: ArgumentationFramework, target: int) -> set[int]:
    """``target`` and every argument from which it can be reached along attacks."""
    attackers = af.attackers()
    seen = {target}
    stack = [target]
    while stack:
        node = stack.pop()
        for attacker in attackers[node]:
            if attacker not in seen:
                seen.add(attacker)
                stack.append(attacker)
    return seen
