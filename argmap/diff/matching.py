"""Which statement and argument of the old map is which of the new one.

Statements are matched by title, then the ones left over by their text: the same
text (white space aside) first, then nearly the same text, judged by the share of
words the two have in common.  Untitled statements have made-up titles
(``Untitled 3``), so they are matched by text only.  Arguments are matched by title,
then by their premise-conclusion structure read through the statement matching,
then by description.  A pair matched with different titles is a rename.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from argmap.model import Argument, ArgumentMap, Statement

R = TypeVar("R", Statement, Argument)

SIMILAR = 0.6
"""Least share of words (Jaccard: shared words / all words) for two texts to be "nearly the same"."""

SHARED_PREMISES = 0.5
"""Least share of premises for two arguments with the same conclusion to be the same argument."""

COMMON_WORD = 50
"""A word in more leftover texts than this says nothing about which is which: it is not indexed."""

_WORD = re.compile(r"\w+")


def normal_text(text: str) -> str:
    """``text`` with runs of white space made one space: re-wrapping a line changes nothing."""
    return " ".join(text.split())


def words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(text))


@dataclass
class Matching:
    """Old title -> new title, for statements and for arguments (matched pairs only)."""

    statements: dict[str, str] = field(default_factory=dict)
    arguments: dict[str, str] = field(default_factory=dict)

    nodes: dict[str, str] = field(default_factory=dict, repr=False)
    """Old node id -> new node id, made by :meth:`node` on first use."""

    def node(self, old_node: str) -> str | None:
        """The new node id of an old one (``[T]`` or ``<T>``), or None when it was removed."""
        if not self.nodes:
            self.nodes = {"[" + o + "]": "[" + n + "]" for o, n in self.statements.items()}
            self.nodes.update({"<" + o + ">": "<" + n + ">" for o, n in self.arguments.items()})
        return self.nodes.get(old_node)


def match_maps(old: ArgumentMap, new: ArgumentMap) -> Matching:
    """Match the statements, then (reading PCSs through that matching) the arguments."""
    statements = _match_records(
        old.statements, new.statements, lambda s: s.is_untitled, lambda s: " ".join(s.texts), (_none, _none)
    )
    arguments = _match_records(
        old.arguments,
        new.arguments,
        lambda a: a.is_untitled,
        lambda a: " ".join(a.descriptions),
        (lambda a: _structure(a, statements.get), _structure),
    )
    arguments.update(_match_by_premises(old, new, arguments, statements))
    return Matching(statements, arguments)


def _none(record: Statement) -> None:
    return None


def _structure(argument: Argument, mapped: Callable[[str], str | None] | None = None) -> tuple[str, ...] | None:
    """The PCS as (role, title) pairs in the new map's titles; None without a PCS."""
    if not argument.pcs:
        return None
    steps = []
    for step in argument.pcs:
        title = step.statement if mapped is None else mapped(step.statement)
        if title is None:
            return None  # rests on a removed statement: leave it to the looser matching
        steps.append(step.role + ":" + title)
    return tuple(steps)


def _match_records(
    old: dict[str, R],
    new: dict[str, R],
    untitled: Callable[[R], bool],
    text: Callable[[R], str],
    structure: tuple[Callable[[R], tuple[str, ...] | None], Callable[[R], tuple[str, ...] | None]],
) -> dict[str, str]:
    """Match by title, then by structure (old and new keys), then by the same text, then by similar text."""
    matched: dict[str, str] = {}
    for title, record in old.items():
        other = new.get(title)
        if other is not None and not untitled(record) and not untitled(other):
            matched[title] = title
    taken = set(matched.values())
    left_old = [r for t, r in old.items() if t not in matched]
    left_new = [r for t, r in new.items() if t not in taken]
    if not left_old or not left_new:
        return matched

    def by_text(record: R) -> str | None:
        return normal_text(text(record)) or None

    for old_key, new_key in (structure, (by_text, by_text)):
        by_key: dict[object, list[R]] = defaultdict(list)
        for record in left_new:
            k = new_key(record)
            if k is not None:
                by_key[k].append(record)
        for record in left_old:
            k = old_key(record)
            candidates = by_key.get(k) if k is not None else None
            if candidates:
                matched[record.title] = candidates.pop(0).title
        taken = set(matched.values())
        left_old = [r for r in left_old if r.title not in matched]
        left_new = [r for r in left_new if r.title not in taken]
    matched.update(_similar(left_old, left_new, text))
    return matched


def _similar(old: list[R], new: list[R], text: Callable[[R], str]) -> dict[str, str]:
    """Pairs of nearly the same text, best first.  Candidates share at least one uncommon
    word (an index over words), so the cost follows the leftovers' overlap, not their product."""
    new_words = [words(text(r)) for r in new]
    index: dict[str, list[int]] = defaultdict(list)
    for i, ws in enumerate(new_words):
        for w in ws:
            index[w].append(i)
    pairs: list[tuple[float, int, int]] = []
    for i, record in enumerate(old):
        mine = words(text(record))
        if not mine:
            continue
        shared: dict[int, int] = defaultdict(int)
        for w in mine:
            holders = index.get(w, ())
            if len(holders) <= COMMON_WORD:
                for j in holders:
                    shared[j] += 1
        for j in shared:
            score = _jaccard(mine, new_words[j])
            if score >= SIMILAR:
                pairs.append((score, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_old: set[int] = set()
    used_new: set[int] = set()
    out: dict[str, str] = {}
    for _, i, j in pairs:
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            out[old[i].title] = new[j].title
    return out


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def _match_by_premises(
    old: ArgumentMap, new: ArgumentMap, matched: dict[str, str], statements: dict[str, str]
) -> dict[str, str]:
    """Arguments still unmatched whose conclusions are the same statement and whose premises
    mostly are: a premise added to or taken from an argument that was also renamed."""
    taken = set(matched.values())
    by_conclusion: dict[str, list[Argument]] = defaultdict(list)
    for title, argument in new.arguments.items():
        if title not in taken and argument.conclusion is not None:
            by_conclusion[argument.conclusion].append(argument)
    out: dict[str, str] = {}
    for title, argument in old.arguments.items():
        if title in matched or argument.conclusion is None:
            continue
        conclusion = statements.get(argument.conclusion)
        mine = frozenset(p for p in (statements.get(p) for p in argument.premises) if p is not None)
        best: tuple[float, Argument] | None = None
        for candidate in by_conclusion.get(conclusion or "", ()):
            if candidate.title in out.values():
                continue
            score = _jaccard(mine, frozenset(candidate.premises))
            if score >= SHARED_PREMISES and (best is None or score > best[0]):
                best = (score, candidate)
        if best is not None:
            out[title] = best[1].title
    return out


def unmatched(titles: Iterable[str], matched: Iterable[str]) -> list[str]:
    """``titles`` not among ``matched``, in order."""
    seen = set(matched)
    return [t for t in titles if t not in seen]
