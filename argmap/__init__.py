"""argmap: argument maps in Argdown, analysed in the terminal.

>>> import argmap
>>> amap, diagnostics = argmap.loads("[A]: Claim.\\n  + [B]: Reason.")
>>> sorted(amap.statements)
['A', 'B']
"""

from __future__ import annotations

from argmap.api import DEFAULT_MAP, default_map_path, load, load_default, loads, validate
from argmap.diagnostics import Diagnostic, Severity
from argmap.model import (
    Argument,
    ArgumentMap,
    Inference,
    PcsStep,
    Relation,
    RelationType,
    Section,
    Span,
    Statement,
)

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_MAP",
    "Argument",
    "ArgumentMap",
    "Diagnostic",
    "Inference",
    "PcsStep",
    "Relation",
    "RelationType",
    "Section",
    "Severity",
    "Span",
    "Statement",
    "__version__",
    "default_map_path",
    "load",
    "load_default",
    "loads",
    "validate",
]
