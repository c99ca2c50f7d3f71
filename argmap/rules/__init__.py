"""Rules: every diagnostic code argmap reports, one module per family.

* :mod:`~argmap.rules.syntax` (AM0xx): the Argdown reader;
* :mod:`~argmap.rules.references` (AM1xx) and :mod:`~argmap.rules.structure` (AM2xx):
  map rules that :func:`lint` runs over a parsed map;
* :mod:`~argmap.rules.provenance` (AM3xx): quotes checked against a source;
* :mod:`~argmap.rules.interchange` (AM4xx): the readers of other formats;
* :mod:`~argmap.rules.frameworks` (AF0xx): the readers of abstract frameworks.

Each code is registered once, with its severity and docstring, in
:mod:`~argmap.rules.registry`, and every diagnostic is made by calling its rule.  A
reader imports only its own family; :func:`registered` imports them all.
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap.diagnostics import Diagnostic
from argmap.model import ArgumentMap
from argmap.rules.interchange import AM430, AM440
from argmap.rules.registry import FAMILIES, RULES, Rule
from argmap.rules.syntax import AM000, AM001, AM002

FATAL_CODES = frozenset(rule.code for rule in (AM000, AM001, AM002, AM430, AM440))
"""Diagnostics after which a map is not worth showing: unreadable, undecodable or binary
input, or no map in a format argmap reads."""


def registered() -> dict[str, Rule]:
    """Every rule, by code, in code order (imports every family)."""
    import importlib

    for family in FAMILIES.values():
        importlib.import_module(f"argmap.rules.{family}")
    return dict(sorted(RULES.items()))


def lint(amap: ArgumentMap, select: Iterable[str] | None = None) -> list[Diagnostic]:
    """Run every map rule (or only the codes in ``select``) over ``amap``."""
    wanted = set(select) if select is not None else None
    out: list[Diagnostic] = []
    for code, rule in registered().items():
        if rule.check is None or (wanted is not None and code not in wanted):
            continue
        out.extend(rule.check(amap))
    return out


def rule_for(code: str) -> Rule | None:
    """The rule of ``code`` (any case), or None."""
    return registered().get(code.strip().upper())


__all__ = ["FATAL_CODES", "RULES", "Rule", "lint", "registered", "rule_for"]
