"""The rule registry: every diagnostic code argmap can report, registered once.

A :class:`Rule` is a code with a name, a severity and a docstring.  It is also the
only way to make a :class:`~argmap.diagnostics.Diagnostic` of that code: call the rule
with a message and a span (``AM011("unclosed '['", span)``), so a code's severity is
stated in one place and every code a diagnostic can carry is one that ``argmap rules
CODE`` explains.

Two kinds of rule are registered:

* **reported** rules (:func:`reported`) are found by a reader while it reads (the
  Argdown parser, the readers of other formats, the provenance check, the framework
  readers); they are registered so that their diagnostics and documentation have one
  owner;
* **map** rules (:func:`map_rule`) are plain functions over a parsed
  :class:`~argmap.model.ArgumentMap` that yield diagnostics; :func:`lint` runs them.

The first paragraph of a rule's docstring is its one-line summary; the rest is the
explanation ``argmap rules CODE`` prints.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from argmap.diagnostics import Diagnostic, Severity
from argmap.model import ArgumentMap, Span

Check = Callable[[ArgumentMap], Iterable[Diagnostic]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A diagnostic code: its name, severity and documentation, and for a map rule its check."""

    code: str
    name: str
    severity: Severity
    doc: str
    check: Check | None = None
    family: str = ""

    def __call__(self, message: str, span: Span | None = None, hint: str | None = None) -> Diagnostic:
        """A diagnostic of this rule's code and severity."""
        return Diagnostic(self.code, self.severity, message, span, hint)

    @property
    def summary(self) -> str:
        return self.doc.strip().split("\n\n", 1)[0].replace("\n", " ")

    @property
    def explanation(self) -> str:
        parts = self.doc.strip().split("\n\n", 1)
        return parts[1] if len(parts) > 1 else ""


RULES: dict[str, Rule] = {}
"""Every registered rule by code (complete once :func:`argmap.rules.registered` has run)."""


def _register(rule: Rule) -> Rule:
    if rule.code in RULES:
        raise ValueError(f"diagnostic code {rule.code} is registered twice")
    RULES[rule.code] = rule
    return rule


def reported(code: str, name: str, severity: Severity, doc: str) -> Rule:
    """Register a rule that a reader reports while reading; returns it, to make its diagnostics."""
    return _register(Rule(code, name, severity, inspect.cleandoc(doc), None, _family(code)))


def map_rule(code: str, name: str, severity: Severity) -> Callable[[Check], Rule]:
    """Register a map rule: the decorated function is its check, its docstring its documentation."""

    def register(check: Check) -> Rule:
        return _register(Rule(code, name, severity, inspect.cleandoc(check.__doc__ or ""), check, _family(code)))

    return register


FAMILIES = {
    "AM0": "syntax",
    "AM1": "references",
    "AM2": "structure",
    "AM3": "provenance",
    "AM4": "interchange",
    "AF0": "frameworks",
}
"""Code prefix -> family name (one module of :mod:`argmap.rules` each)."""


def _family(code: str) -> str:
    return FAMILIES.get(code[:3], "")
