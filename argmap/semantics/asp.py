"""Complete, preferred and stable semantics with clingo, from ASP encodings written here.

A framework becomes facts ``arg(0..n-1).`` and ``att(a,b).``; every encoding derives
``in/1`` (the extension) and ``out/1`` (attacked by the extension); what is neither is
UNDEC.

* **complete**: guess ``in``; forbid ``in`` and ``out`` together (conflict-free);
  forbid an ``in`` argument with an attacker that is not ``out`` (every member is
  defended); forbid an argument outside ``in`` whose attackers are all ``out`` (the
  extension contains everything it defends).
* **stable**: guess ``in``; conflict-free; every argument is ``in`` or ``out``.
* **preferred**: the complete encoding solved with clingo's domain heuristic
  (``#heuristic in(X) : arg(X). [1,true]``, ``--heuristic=Domain``) and
  ``--enum-mode=domRec``, under which clingo enumerates exactly the answer sets whose
  ``in`` atoms are subset-maximal (Gebser, Kaufmann, Romero, Otero, Schaub & Wanko,
  "Domain-specific heuristics in answer set programming", AAAI 2013).  The preferred
  extensions are the subset-maximal complete ones, so no saturation or second solver
  call is needed.
* **grounded**: a positive program whose least model the grounder computes
  (``in(X)`` once every attacker is ``defeated``); kept here to check and measure the
  Python labelling against clingo.

clingo is imported inside the functions, so ``import argmap.semantics`` stays cheap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from argmap.semantics.framework import ArgumentationFramework
from argmap.semantics.grounded import IN, OUT

COMPLETE = """
{ in(X) } :- arg(X).
out(X) :- att(Y,X), in(Y).
:- in(X), out(X).
:- in(X), att(Y,X), not out(Y).
:- arg(X), not in(X), out(Y) : att(Y,X).
"""

STABLE = """
{ in(X) } :- arg(X).
out(X) :- att(Y,X), in(Y).
:- in(X), out(X).
:- arg(X), not in(X), not out(X).
"""

PREFERRED = (
    COMPLETE
    + """
#heuristic in(X) : arg(X). [1,true]
"""
)

GROUNDED = """
in(X) :- arg(X), defeated(Y) : att(Y,X).
defeated(X) :- att(Y,X), in(Y).
out(X) :- defeated(X).
"""

SHOW = """
#show in/1.
#show out/1.
"""

ENCODINGS = {"complete": COMPLETE, "stable": STABLE, "preferred": PREFERRED, "grounded": GROUNDED}

_OPTIONS = {
    "complete": [],
    "stable": [],
    "preferred": ["--heuristic=Domain", "--enum-mode=domRec"],
    "grounded": [],
}


def facts(af: ArgumentationFramework) -> str:
    """The framework as ASP facts over argument indices."""
    parts = [f"arg(0..{af.n - 1})." if af.n else ""]
    parts.extend(f"att({a},{b})." for a, b in zip(af.src, af.dst, strict=True))
    return "\n".join(parts)


@dataclass(slots=True)
class AspResult:
    """Labellings found by clingo and whether the enumeration was exhaustive."""

    labellings: list[bytearray]
    exhaustive: bool


def solve(af: ArgumentationFramework, semantics: str, limit: int = 0) -> AspResult:
    """Enumerate the labellings of ``af`` under ``semantics`` (``complete``, ``preferred``,
    ``stable`` or ``grounded``); ``limit`` > 0 stops after that many."""
    import clingo

    if semantics not in ENCODINGS:
        raise ValueError(f"unknown semantics {semantics!r}")
    control = clingo.Control([*_OPTIONS[semantics], str(limit)], logger=_quiet)
    control.add("base", [], facts(af) + ENCODINGS[semantics] + SHOW)
    control.ground([("base", [])])
    labellings: list[bytearray] = []
    with control.solve(yield_=True) as handle:
        for model in handle:
            labellings.append(_labelling(af.n, model.symbols(shown=True)))
        exhausted = handle.get().exhausted
    return AspResult(labellings, exhaustive=bool(exhausted) or limit == 0)


def consequences(af: ArgumentationFramework, semantics: str, mode: str) -> bytearray | None:
    """Brave (``mode="brave"``) or cautious (``"cautious"``) consequences over the
    ``complete`` or ``stable`` labellings: ``result[a]`` is IN when ``in(a)`` holds in
    some (brave) or every (cautious) labelling, OUT when ``out(a)`` does.  None when
    there is no labelling at all."""
    import clingo

    if semantics not in ("complete", "stable"):
        raise ValueError("brave/cautious reasoning is offered for complete and stable only")
    control = clingo.Control([f"--enum-mode={mode}", "0"], logger=_quiet)
    control.add("base", [], facts(af) + ENCODINGS[semantics] + SHOW)
    control.ground([("base", [])])
    last: bytearray | None = None
    with control.solve(yield_=True) as handle:
        for model in handle:
            last = _labelling(af.n, model.symbols(shown=True), prefer_in=True)
    return last


def _labelling(n: int, symbols: Sequence[object], prefer_in: bool = False) -> bytearray:
    label = bytearray(n)
    for symbol in symbols:
        name = symbol.name  # type: ignore[attr-defined]
        index = symbol.arguments[0].number  # type: ignore[attr-defined]
        if name == "in":
            label[index] = IN
        elif name == "out" and (not prefer_in or label[index] != IN):
            label[index] = OUT
    return label


def _quiet(code: object, message: str) -> None:
    """clingo's warnings (e.g. "domRec ignored" when every atom is decided) are not the user's concern."""
