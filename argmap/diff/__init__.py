"""A semantic diff of two argument maps: what changed in the argument, not in the text.

:func:`diff_maps` matches the statements and arguments of two maps
(:mod:`~argmap.diff.matching`), lists what was added, removed, renamed and changed
(:mod:`~argmap.diff.compare`, as the records of :mod:`~argmap.diff.records`) and the
claims whose grounded label changes, with the changes that cause it
(:mod:`~argmap.diff.consequences`).  :mod:`~argmap.diff.revisions` reads a map file
as it was at a git revision.
"""

from __future__ import annotations

from argmap.diff.compare import diff_maps, word_diff
from argmap.diff.matching import Matching, match_maps
from argmap.diff.records import Cause, FieldChange, ItemChange, LabelChange, MapDiff

__all__ = [
    "Cause",
    "FieldChange",
    "ItemChange",
    "LabelChange",
    "MapDiff",
    "Matching",
    "diff_maps",
    "match_maps",
    "word_diff",
]
