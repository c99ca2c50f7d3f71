"""Credulous and sceptical acceptance with clingo, without enumerating extensions.

For each argument: **credulous** acceptance (IN in some extension) and the **sceptical
summary** labelling (IN where every extension has it IN, OUT where every one has it
OUT, UNDEC otherwise).

* **complete**: credulous is clingo's brave consequences over the complete
  labellings; the sceptical summary is the grounded labelling (the least complete
  labelling: what every complete labelling decides, it decides the same way).
* **stable**: brave and cautious consequences over the stable labellings.  With no
  stable extension nothing is accepted and the summary is all UNDEC.
* **preferred**: credulous acceptance under preferred equals credulous acceptance
  under complete (every complete extension lies in a preferred one), so brave
  consequences over complete give it.  Sceptical acceptance under preferred is *not*
  cautious reasoning over complete (that is only the grounded extension); deciding it
  is Π2-complete (Dunne & Bench-Capon 2002), so one solver call cannot do it in
  general.  :func:`preferred_summary` runs a counterexample-guided loop of NP calls in
  the manner of CEGARTIX (Dvořák, Järvisalo, Wallner & Woltran, AIJ 2014):

  1. ``S``: the atoms (``in(a)``, ``out(a)``) of one preferred extension: the only
     candidates, since a sceptical atom holds in every preferred extension.
  2. Ask for a complete extension ``E`` in which some atom of ``S`` fails, not below
     any set excluded so far, and subset-maximal among those (clingo's domain
     heuristic with ``--enum-mode=domRec``).  None: every atom left in ``S`` holds in
     every preferred extension; stop.
  3. Grow ``E`` to a subset-maximal complete extension strictly above it, if any; that
     is a preferred extension ``P`` (else ``E`` itself is preferred: ``P = E``).
     ``S`` keeps only the atoms of ``P``.  If ``S`` did not shrink (``E`` was not
     preferred and ``P`` holds all of ``S``), exclude every set below ``E``.

  Soundness: an atom dropped from ``S`` fails in a preferred extension.  Completeness:
  a preferred extension in which an atom of ``S`` fails is never below an excluded
  ``E`` (``E`` is strictly below a complete extension, and a preferred extension below
  it would be too), and it is maximal among the sets step 2 searches, so while it
  exists step 2 finds some set.  Every round drops an atom or excludes a new
  non-preferred complete extension, so the loop ends.

clingo is imported inside the functions, as in :mod:`~argmap.semantics.asp`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from argmap.semantics.asp import COMPLETE, _quiet, consequences, facts, solve
from argmap.semantics.framework import ArgumentationFramework
from argmap.semantics.grounded import IN, OUT, grounded_labelling

_SEARCH = (
    COMPLETE
    + """
#external cand_in(X) : arg(X).
#external cand_out(X) : arg(X).
miss :- cand_in(X), not in(X).
miss :- cand_out(X), not out(X).
:- not miss.
#heuristic in(X) : arg(X). [1,true]
#show in/1.
"""
)

_GROW = (
    COMPLETE
    + """
#external inside(X) : arg(X).
:- inside(X), not in(X).
bigger :- in(X), not inside(X).
:- not bigger.
#heuristic in(X) : arg(X). [1,true]
#show in/1.
"""
)

_OPTIONS = ["--heuristic=Domain", "--enum-mode=domRec", "1"]


@dataclass(slots=True)
class Acceptance:
    """Acceptance of every argument of a framework under one semantics."""

    credulous: list[bool]
    summary: bytearray
    """IN where every extension has the argument IN, OUT where every one has it OUT."""
    sceptical: list[bool]
    """IN in every extension (False for every argument when there is no extension)."""
    rounds: int = 0
    """Solver rounds of the preferred loop (0 for the other semantics)."""


def acceptance(af: ArgumentationFramework, semantics: str) -> Acceptance:
    """Credulous and sceptical acceptance of every argument of ``af`` under ``complete``,
    ``stable`` or ``preferred`` (see the module documentation), without enumerating."""
    if semantics not in ("complete", "stable", "preferred"):
        raise ValueError(f"acceptance is computed for complete, stable and preferred, not {semantics!r}")
    n = af.n
    brave = consequences(af, "stable" if semantics == "stable" else "complete", "brave")
    credulous = [brave is not None and brave[a] == IN for a in range(n)]
    rounds = 0
    if semantics == "complete":
        summary = grounded_labelling(af)
    elif semantics == "stable":
        cautious = consequences(af, "stable", "cautious")
        summary = cautious if cautious is not None else bytearray(n)
    else:
        summary, rounds = preferred_summary(af)
    sceptical = [summary[a] == IN and (semantics != "stable" or brave is not None) for a in range(n)]
    return Acceptance(credulous, summary, sceptical, rounds)


def preferred_summary(af: ArgumentationFramework) -> tuple[bytearray, int]:
    """The sceptical summary labelling under preferred semantics and the number of rounds
    the counterexample-guided loop took (module documentation)."""
    import clingo

    n = af.n
    first = solve(af, "preferred", 1).labellings[0]  # the empty set is admissible: there is always one
    keep_in = {a for a in range(n) if first[a] == IN}
    keep_out = {a for a in range(n) if first[a] == OUT}
    program = facts(af)
    search = clingo.Control(_OPTIONS, logger=_quiet)
    search.add("base", [], program + _SEARCH)
    search.ground([("base", [])])
    grow = clingo.Control(_OPTIONS, logger=_quiet)
    grow.add("base", [], program + _GROW)
    grow.ground([("base", [])])
    attacked = af.attacked()
    rounds = 0
    while keep_in or keep_out:
        rounds += 1
        for a in range(n):
            search.assign_external(clingo.Function("cand_in", [clingo.Number(a)]), a in keep_in)
            search.assign_external(clingo.Function("cand_out", [clingo.Number(a)]), a in keep_out)
        found = _first_in_set(search)
        if found is None:
            break
        for a in range(n):
            grow.assign_external(clingo.Function("inside", [clingo.Number(a)]), a in found)
        grown = _first_in_set(grow)
        extension = grown if grown is not None else found
        beaten = {b for a in extension for b in attacked[a]}
        before = len(keep_in) + len(keep_out)
        keep_in &= extension
        keep_out &= beaten
        if len(keep_in) + len(keep_out) == before:
            outside = [f"not in({a})" for a in range(n) if a not in found]
            part = f"exclude{rounds}"
            search.add(part, [], ":- " + ", ".join(outside) + ".")
            search.ground([(part, [])])
    summary = bytearray(n)
    for a in keep_in:
        summary[a] = IN
    for a in keep_out:
        summary[a] = OUT
    return summary, rounds


def _first_in_set(control: Any) -> set[int] | None:
    """The ``in`` atoms of the first model of ``control``, or None when there is none."""
    found: list[set[int]] = []

    def take(model: Any) -> bool:
        found.append({symbol.arguments[0].number for symbol in model.symbols(shown=True)})
        return False

    control.solve(on_model=take)
    return found[0] if found else None
