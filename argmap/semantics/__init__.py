"""Which claims of a map survive its attacks: argumentation semantics for argmap.

The abstract layer (:mod:`~argmap.semantics.framework`, :mod:`~argmap.semantics.grounded`,
:mod:`~argmap.semantics.asp`) knows nothing about Argdown; :mod:`~argmap.semantics.translate`
turns a map into a framework, and :mod:`~argmap.semantics.whatif` re-evaluates it with
premises rejected or accepted.

>>> import argmap
>>> from argmap.semantics import label_map
>>> amap, _ = argmap.loads("[C]: Claim.\\n  - [A]: Attack.\\n    - [D]: Defence.")
>>> label_map(amap)
{'[C]': 'IN', '[A]': 'OUT', '[D]': 'IN'}
"""

from __future__ import annotations

from argmap.semantics.evaluation import (
    SEMANTICS,
    SYMBOLS,
    Evaluation,
    FrameworkResult,
    Label,
    evaluate,
    label_map,
    solve_framework,
)
from argmap.semantics.framework import ArgumentationFramework, read_framework
from argmap.semantics.grounded import grounded_labelling
from argmap.semantics.translate import Translation, translate
from argmap.semantics.whatif import Change, cruxes, what_if

__all__ = [
    "SEMANTICS",
    "SYMBOLS",
    "ArgumentationFramework",
    "Change",
    "Evaluation",
    "FrameworkResult",
    "Label",
    "Translation",
    "cruxes",
    "evaluate",
    "grounded_labelling",
    "label_map",
    "read_framework",
    "solve_framework",
    "translate",
    "what_if",
]
