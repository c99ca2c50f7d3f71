"""The terminal palette: one style for each meaning, and the only place colours are named.

Every colour here reads on a dark and on a light background: no yellow (faint on
white), no cyan titles, no dark blue (faint on black).  Colour is never the only
carrier of a meaning: labels are also ``✔``, ``✘`` and ``?``, relations ``+``, ``-``,
``_`` and ``><``, and severities are written out.
"""

from __future__ import annotations

IN = "bold green"
OUT = "bold red"
UNDEC = "bold magenta"
LABELS = {"IN": IN, "OUT": OUT, "UNDEC": UNDEC}

SUPPORT = "bold green"
ATTACK = "bold red"
PREMISE = "bold"
"""Premise numbers ``(1)``: the terminal's own text colour, in bold."""

STATEMENT = "bold"
ARGUMENT = "bold magenta"
IMPLICIT = "italic"
QUIET = "dim"
"""Tags, quotes' paragraphs, "see above", the legend's words."""
REASON = "dim italic"
"""The clause after a label that says why the claim has it."""

ERROR = "bold red"
WARNING = "bold magenta"
INFO = "bold"
SEVERITIES = {"error": ERROR, "warning": WARNING, "info": INFO}

WEB = {"IN": "#1b5e20", "OUT": "#b71c1c", "UNDEC": "#6a1b9a", "quiet": "#616161"}
"""The same meanings for HTML (``argmap report --format html``): dark enough to read on white."""
