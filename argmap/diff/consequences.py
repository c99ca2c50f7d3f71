"""Consequences of a diff: the claims whose grounded label changes, and why.

A claim's grounded label follows from the labels of the nodes with a relation into
it (its attackers, supporters and premises: see :mod:`argmap.semantics.translate`)
and from which relations there are.  So a claim's label changes because a relation
into it was added, removed or changed, because (for an argument) its premises
changed, or because the label of a node with a relation into it changed, which has
its own entry.  A claim with no change at itself also gets the nearest changes its
label comes from, found by walking up the relations through the claims whose labels
changed too.
"""

from __future__ import annotations

from argmap.diff.matching import Matching
from argmap.diff.records import Cause, LabelChange, MapDiff, RelationRef
from argmap.model import ArgumentMap

_STRUCTURE = ("premises", "conclusion", "intermediary")


def label_changes(old: ArgumentMap, new: ArgumentMap, matching: Matching, diff: MapDiff) -> list[LabelChange]:
    """Every claim in both maps whose grounded label differs, each with its causes."""
    from argmap.semantics import label_map

    before_labels, after_labels = label_map(old), label_map(new)
    before: dict[str, str] = {}
    for node, label in before_labels.items():
        now = matching.node(node)
        if now is not None:
            before[now] = label
    changed = {node: (before[node], label) for node, label in after_labels.items() if node in before}
    changed = {node: pair for node, pair in changed.items() if pair[0] != pair[1]}
    if not changed:
        return []
    explain = _Explainer(new, matching, diff, changed)
    return [LabelChange(node, was, now, explain.causes(node)) for node, (was, now) in changed.items()]


class _Explainer:
    """The changes of the diff next to each claim, in the new map's ids."""

    def __init__(
        self,
        new: ArgumentMap,
        matching: Matching,
        diff: MapDiff,
        changed: dict[str, tuple[str, str]],
    ) -> None:
        self.new = new
        self.changed = changed
        self.direct: dict[str, list[Cause]] = {}
        removed = [*diff.statements.removed, *diff.arguments.removed]
        self.removed = {item.id for item in removed}
        for ref in diff.relations.added:
            for end in _affected(ref.type, ref.source, ref.target):
                self._add(end, Cause("relation added", end, relation=ref))
        for ref in diff.relations.removed:
            ends = (matching.node(ref.source) or ref.source, matching.node(ref.target) or ref.target)
            for end in _affected(ref.type, *ends):
                self._add(end, Cause("relation removed", end, relation=ref))
        for change in diff.relations.changed:
            ref = RelationRef("/".join(change.after), change.source, change.target)
            both = "contradiction" if "contradiction" in change.before + change.after else ""
            for end in _affected(both, change.source, change.target):
                self._add(end, Cause("relation changed", end, relation=ref))
        for item in diff.arguments.changed:
            if any(f.field in _STRUCTURE for f in item.fields):
                self._add(item.id, Cause("premises changed", item.id))
        for added in [*diff.statements.added, *diff.arguments.added]:
            self._add(added.id, Cause("added", added.id))
        for gone in removed:
            self._add(gone.id, Cause("removed", gone.id))
        self._sources: dict[str, list[str]] = {}

    def sources(self, node: str) -> list[str]:
        """The nodes with a relation into ``node`` in the new map (those its label now depends
        on: a relation the new map lost is a change of its own, at its target)."""
        found = self._sources.get(node)
        if found is None:
            into: set[str] = set()
            if node in self.new.graph and node not in self.removed:
                into.update(self.new.relations_into(node))
                into.update(_contradicted(self.new, node))
            found = self._sources[node] = sorted(into)
        return found

    def _add(self, node: str, cause: Cause) -> None:
        self.direct.setdefault(node, []).append(cause)

    def causes(self, node: str) -> list[Cause]:
        """The changes at ``node`` and the changed labels next to it; when there is no change
        at the node itself, also the nearest changes its label comes from (see :meth:`roots`)."""
        found = list(self.direct.get(node, []))
        for source in self.sources(node):
            if source in self.changed:
                was, now = self.changed[source]
                found.append(Cause("label changed", source, before=was, after=now))
        return found if node in self.direct else found + self.roots(node)

    def roots(self, node: str) -> list[Cause]:
        """The nearest changes of the diff up the relations into ``node``, walking through
        the nodes whose label changed too, or, when no such walk finds one, through any
        nodes.  ``via`` lists the nodes between ``node`` and the one the change is at."""
        for through_changed in (True, False):
            seen = {node}
            level: list[tuple[str, list[str]]] = [(node, [])]
            while level:
                found: list[Cause] = []
                next_level: list[tuple[str, list[str]]] = []
                for current, path in level:
                    for source in self.sources(current):
                        if source in seen or (through_changed and source not in self.changed):
                            continue
                        seen.add(source)
                        found.extend(
                            Cause(c.kind, c.id, c.relation, c.before, c.after, path)
                            for c in self.direct.get(source, [])
                        )
                        next_level.append((source, [*path, source]))
                if found:
                    return found
                level = next_level
        return []


def _affected(kind: str, source: str, target: str) -> tuple[str, ...]:
    """The ends whose label a relation speaks to: its target, and for a contradiction both."""
    return (source, target) if kind == "contradiction" else (target,)


def _contradicted(amap: ArgumentMap, node: str) -> list[str]:
    """The nodes ``node`` contradicts as the source (stored once, in the direction written)."""
    return [t for t, relations in amap.relations_from(node).items() if "contradiction" in relations]
