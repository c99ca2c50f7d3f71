"""The changes between two maps, item by item, read off the model (never the text):
moved blocks and re-wrapped lines leave the model as it was, so they are no change."""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence

from argmap.diff.matching import Matching, match_maps, normal_text
from argmap.diff.records import (
    FieldChange,
    Item,
    ItemChange,
    ItemsDiff,
    MapDiff,
    RelationChange,
    RelationRef,
    RelationsDiff,
    Rename,
    WordChange,
)
from argmap.model import SYMBOL_RELATIONS, Argument, ArgumentMap, ArgumentMember, Statement, StatementMember

PROVENANCE_KEYS = ("quote", "para")
"""Data keys that record where a claim comes from: reported as the quote, apart from other data."""

_STATED = frozenset(t.value for t in SYMBOL_RELATIONS)
"""Relation types compared as relations: premise-of and conclusion-of are the PCSs, compared as such."""


def diff_maps(old: ArgumentMap, new: ArgumentMap, labels: bool = True) -> MapDiff:
    """What differs in meaning between ``old`` and ``new``; ``labels`` adds the grounded labels that change.

    >>> import argmap
    >>> old, _ = argmap.loads("[C]: Claim.\\n  - [A]: Attack.")
    >>> new, _ = argmap.loads("[C]: Claim.")
    >>> result = diff_maps(old, new)
    >>> [i.id for i in result.statements.removed], [(c.id, c.before, c.after) for c in result.labels]
    (['[A]'], [('[C]', 'OUT', 'IN')])
    """
    pair = _Pair(old, new, match_maps(old, new))
    result = MapDiff(old.source_name, new.source_name)
    result.statements = _items(pair, old.statements, new.statements, pair.matching.statements)
    result.arguments = _items(pair, old.arguments, new.arguments, pair.matching.arguments)
    result.relations = relations_diff(old, new, pair.matching)
    if labels:
        from argmap.diff.consequences import label_changes

        result.labels = label_changes(old, new, pair.matching, result)
    return result


class _Pair:
    """The two maps, their matching, and each map's sections by heading path."""

    def __init__(self, old: ArgumentMap, new: ArgumentMap, matching: Matching) -> None:
        self.old, self.new, self.matching = old, new, matching
        self.old_paths = {s: section_path(old, s) for s in old.sections}
        self.new_paths = {s: section_path(new, s) for s in new.sections}


def _items(
    pair: _Pair,
    old: Mapping[str, Statement | Argument],
    new: Mapping[str, Statement | Argument],
    matched: dict[str, str],
) -> ItemsDiff:
    out = ItemsDiff()
    taken = set(matched.values())
    out.removed = [Item(r.node, _text(r)) for t, r in old.items() if t not in matched]
    out.added = [Item(r.node, _text(r)) for t, r in new.items() if t not in taken]
    for old_title, new_title in matched.items():
        before, after = old[old_title], new[new_title]
        if old_title != new_title and not before.is_untitled and not after.is_untitled:
            out.renamed.append(Rename(before.node, after.node))
        if _same_members(pair, before, after) and (
            not isinstance(before, Argument)
            or (isinstance(after, Argument) and _same_pcs(pair.matching, before, after))
        ):
            continue  # the common case, decided without building the merged texts, tags and data
        changes = _fields(pair, before, after)
        if changes:
            out.changed.append(ItemChange(after.node, before.node, changes))
    return out


def _same_members(pair: _Pair, before: Statement | Argument, after: Statement | Argument) -> bool:
    """Whether the two records have the same members, member by member (a quick test: False
    is no change found yet, only a reason to compare closely)."""
    old_members: Sequence[StatementMember | ArgumentMember] = before.members
    new_members: Sequence[StatementMember | ArgumentMember] = after.members
    if len(old_members) != len(new_members):
        return False
    old_paths, new_paths = pair.old_paths, pair.new_paths
    for x, y in zip(old_members, new_members, strict=True):
        if x.text != y.text or x.is_reference != y.is_reference or tuple(x.tags) != tuple(y.tags):
            return False
        if x.data is not y.data and dict(x.data) != dict(y.data):
            return False
        if x.section != y.section and old_paths.get(x.section or "") != new_paths.get(y.section or ""):
            return False
    return True


def _same_pcs(matching: Matching, before: Argument, after: Argument) -> bool:
    if len(before.pcs) != len(after.pcs):
        return False
    mapped = matching.statements
    for x, y in zip(before.pcs, after.pcs, strict=True):
        if x.role != y.role or mapped.get(x.statement) != y.statement:
            return False
        rules_x = tuple(x.inference.rules) if x.inference is not None else None
        rules_y = tuple(y.inference.rules) if y.inference is not None else None
        if rules_x != rules_y:
            return False
    return True


def _text(record: Statement | Argument) -> str:
    return normal_text(record.text if isinstance(record, Statement) else record.description)


def _fields(pair: _Pair, before: Statement | Argument, after: Statement | Argument) -> list[FieldChange]:
    if isinstance(before, Statement) and isinstance(after, Statement):
        return _common_fields(pair, before, after, "text", before.texts, after.texts)
    assert isinstance(before, Argument) and isinstance(after, Argument)
    out = _common_fields(pair, before, after, "description", before.descriptions, after.descriptions)
    out.extend(pcs_changes(before, after, pair.matching))
    return out


def _common_fields(
    pair: _Pair,
    before: Statement | Argument,
    after: Statement | Argument,
    text_field: str,
    old_texts: Sequence[str],
    new_texts: Sequence[str],
) -> list[FieldChange]:
    out: list[FieldChange] = []
    was = list(dict.fromkeys(normal_text(t) for t in old_texts))
    now = list(dict.fromkeys(normal_text(t) for t in new_texts))
    if set(was) != set(now):
        gone = [t for t in was if t not in now]
        new_ones = [t for t in now if t not in was]
        first_before, first_after = (gone or [""])[0], (new_ones or [""])[0]
        change = FieldChange(text_field, first_before, first_after, words=word_diff(first_before, first_after))
        if len(gone) > 1 or len(new_ones) > 1:
            change.removed, change.added = gone, new_ones
        out.append(change)
    old_tags, new_tags = before.tags, after.tags
    if set(old_tags) != set(new_tags):
        out.append(
            FieldChange(
                "tags",
                sorted(old_tags),
                sorted(new_tags),
                added=sorted(set(new_tags) - set(old_tags)),
                removed=sorted(set(old_tags) - set(new_tags)),
            )
        )
    old_data, new_data = before.data, after.data
    other_before = {k: v for k, v in old_data.items() if k not in PROVENANCE_KEYS}
    other_after = {k: v for k, v in new_data.items() if k not in PROVENANCE_KEYS}
    if other_before != other_after:
        keys = sorted(k for k in other_before.keys() | other_after.keys() if other_before.get(k) != other_after.get(k))
        out.append(
            FieldChange(
                "data",
                {k: other_before[k] for k in keys if k in other_before},
                {k: other_after[k] for k in keys if k in other_after},
            )
        )
    quote_before = {k: old_data[k] for k in PROVENANCE_KEYS if k in old_data}
    quote_after = {k: new_data[k] for k in PROVENANCE_KEYS if k in new_data}
    if quote_before != quote_after:
        change = FieldChange("quote", quote_before, quote_after)
        q1, q2 = quote_before.get("quote"), quote_after.get("quote")
        if isinstance(q1, str) and isinstance(q2, str) and q1 != q2:
            change.words = word_diff(q1, q2)
        out.append(change)
    old_sections = sorted(defined_in(pair.old_paths, before))
    new_sections = sorted(defined_in(pair.new_paths, after))
    if old_sections and new_sections and old_sections != new_sections:
        out.append(FieldChange("section", old_sections, new_sections))
    return out


def defined_in(paths: dict[str, str], record: Statement | Argument) -> list[str]:
    """The sections (by their heading paths) where ``record`` is defined: a reference elsewhere
    does not move it."""
    ids = dict.fromkeys(m.section for m in record.members if not m.is_reference and m.section is not None)
    return [paths.get(s, "") for s in ids if s is not None]


def section_path(amap: ArgumentMap, section_id: str) -> str:
    """``Part > Chapter``: a section by its headings, since section ids are positions."""
    titles: list[str] = []
    current: str | None = section_id
    # Bounded: a hand-built map could make its parents a loop.
    while current is not None and current in amap.sections and len(titles) < 100:
        section = amap.sections[current]
        titles.append(section.title)
        current = section.parent
    return " > ".join(reversed(titles))


def pcs_changes(before: Argument, after: Argument, matching: Matching) -> list[FieldChange]:
    """Premises added, removed or reordered, conclusions and inference rules changed (in the new map's titles)."""
    out: list[FieldChange] = []

    def mapped(title: str) -> str:
        new = matching.statements.get(title)
        return "[" + (new if new is not None else title) + "]"

    def old_id(title: str) -> str:
        return "[" + title + "]"

    old_premises = [mapped(t) for t in before.premises]
    new_premises = ["[" + t + "]" for t in after.premises]
    added = [p for p in new_premises if p not in old_premises]
    removed = [old_id(t) for t, p in zip(before.premises, old_premises, strict=True) if p not in new_premises]
    if added or removed:
        out.append(
            FieldChange("premises", [old_id(t) for t in before.premises], new_premises, added=added, removed=removed)
        )
    else:
        if old_premises != new_premises:
            out.append(FieldChange("order", [old_id(t) for t in before.premises], new_premises))
    old_conclusion, new_conclusion = before.conclusion, after.conclusion
    if (mapped(old_conclusion) if old_conclusion else None) != ("[" + new_conclusion + "]" if new_conclusion else None):
        out.append(
            FieldChange(
                "conclusion",
                old_id(old_conclusion) if old_conclusion else None,
                "[" + new_conclusion + "]" if new_conclusion else None,
            )
        )
    old_steps = [mapped(s.statement) for s in before.pcs if s.role == "intermediary-conclusion"]
    new_steps = ["[" + s.statement + "]" for s in after.pcs if s.role == "intermediary-conclusion"]
    if old_steps != new_steps:
        out.append(
            FieldChange(
                "intermediary",
                [old_id(s.statement) for s in before.pcs if s.role == "intermediary-conclusion"],
                new_steps,
            )
        )
    old_rules = [list(s.inference.rules) for s in before.pcs if s.inference is not None]
    new_rules = [list(s.inference.rules) for s in after.pcs if s.inference is not None]
    if old_rules != new_rules:
        out.append(FieldChange("inference", old_rules, new_rules))
    return out


def word_diff(before: str, after: str) -> list[WordChange]:
    """The words of ``before`` and ``after`` as kept, removed and added runs (white space aside)."""
    a, b = before.split(), after.split()
    out: list[WordChange] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(WordChange("=", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(WordChange("-", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(WordChange("+", " ".join(b[j1:j2])))
    return out


def relations_diff(old: ArgumentMap, new: ArgumentMap, matching: Matching) -> RelationsDiff:
    """Relations stated with symbols, compared by type and ends (old ends read as the new map's).

    A contradiction is symmetric: which end the text wrote it from is no change.  Sets of
    plain (type, source, target) tuples are compared first, so the records are made only
    for what differs."""
    node = matching.node
    before: dict[tuple[str, str, str], tuple[str, str]] = {}
    for source, target, name in _stated(old):
        s, t = node(source), node(target)
        before[_key(name, s or "old:" + source, t or "old:" + target)] = (source, target)
    after = {_key(name, source, target): (source, target) for source, target, name in _stated(new)}
    gone = before.keys() - after.keys()
    came = after.keys() - before.keys()
    out = RelationsDiff()
    if not gone and not came:
        return out
    # Two nodes related before and after, by other types: one changed relation.
    gone_ends: dict[tuple[str, str], list[str]] = {}
    for name, s, t in gone:
        gone_ends.setdefault((s, t), []).append(name)
    came_ends: dict[tuple[str, str], list[str]] = {}
    for name, s, t in came:
        came_ends.setdefault((s, t), []).append(name)
    related_before = {(s, t) for _, s, t in before}
    related_after = {(s, t) for _, s, t in after}
    changed = {ends for ends in gone_ends.keys() | came_ends.keys() if ends in related_before and ends in related_after}
    was: dict[tuple[str, str], list[str]] = {ends: [] for ends in changed}
    now: dict[tuple[str, str], list[str]] = {ends: [] for ends in changed}
    for names, keys in ((was, before), (now, after)):
        for name, s, t in keys:
            if (s, t) in names:
                names[(s, t)].append(name)
    for ends in sorted(changed):
        out.changed.append(RelationChange(ends[0], ends[1], sorted(was[ends]), sorted(now[ends])))
    for key in sorted(gone):
        if key[1:] not in changed:
            out.removed.append(RelationRef(key[0], *before[key]))
    for key in sorted(came):
        if key[1:] not in changed:
            out.added.append(RelationRef(key[0], *after[key]))
    return out


def _stated(amap: ArgumentMap) -> list[tuple[str, str, str]]:
    return [
        (source, target, name)
        for source, neighbours in amap.out_adjacency().items()
        for target, relations in neighbours.items()
        for name in relations
        if name in _STATED
    ]


def _key(name: str, source: str, target: str) -> tuple[str, str, str]:
    if name == "contradiction" and target < source:
        return name, target, source
    return name, source, target
