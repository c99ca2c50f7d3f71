"""Consequences of a diff: the claims whose grounded label changes, and why.

A claim's grounded label follows from the labels of the nodes with a relation into
it (its attackers, supporters and premises: see :mod:`argmap.semantics.translate`)
and from which relations there are.  So a claim's label changes because a relation
into it was added, removed or changed, because (for an argument) its premises
changed, or because the label of a node with a relation into it changed, which has
its own entry.  When none of these is at hand (a change the labels pass through
unnoticed), the causes are looked for further up, nearest first.
"""

from __future__ import annotations

from collections import deque

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
    explain = _Explainer(old, new, matching, diff, changed)
    return [LabelChange(node, was, now, explain.causes(node)) for node, (was, now) in changed.items()]


class _Explainer:
    """The changes of the diff next to each claim, in the new map's ids."""

    def __init__(
        self,
        old: ArgumentMap,
        new: ArgumentMap,
        matching: Matching,
        diff: MapDiff,
        changed: dict[str, tuple[str, str]],
    ) -> None:
        self.new = new
        self.changed = changed
        self.direct: dict[str, list[Cause]] = {}
        self.sources: dict[str, set[str]] = {}
        """Node -> the nodes with a relation into it, in either map (new ids; removed nodes by old id)."""
        for node in new.graph:
            self.sources[node] = set(new.relations_into(node))
        for node in old.graph:
            target = matching.node(node) or node
            self.sources.setdefault(target, set()).update(matching.node(s) or s for s in old.relations_into(node))
        for ref in diff.relations.added:
            self._add(ref.target, Cause("relation added", ref.target, relation=ref))
        for ref in diff.relations.removed:
            target = matching.node(ref.target) or ref.target
            self._add(target, Cause("relation removed", target, relation=ref))
        for change in diff.relations.changed:
            ref = RelationRef("/".join(change.after), change.source, change.target)
            self._add(change.target, Cause("relation changed", change.target, relation=ref))
        for item in diff.arguments.changed:
            if any(f.field in _STRUCTURE for f in item.fields):
                self._add(item.id, Cause("premises changed", item.id))
        for added in [*diff.statements.added, *diff.arguments.added]:
            self._add(added.id, Cause("added", added.id))
        for removed in [*diff.statements.removed, *diff.arguments.removed]:
            self._add(removed.id, Cause("removed", removed.id))

    def _add(self, node: str, cause: Cause) -> None:
        self.direct.setdefault(node, []).append(cause)

    def causes(self, node: str) -> list[Cause]:
        found = list(self.direct.get(node, []))
        for source in sorted(self.sources.get(node, ())):
            if source in self.changed:
                was, now = self.changed[source]
                found.append(Cause("label changed", source, before=was, after=now))
        return found or self._further(node)

    def _further(self, node: str) -> list[Cause]:
        """The nearest changes up the relations into ``node``, with the nodes passed on the way."""
        seen = {node}
        queue: deque[tuple[str, list[str]]] = deque([(node, [])])
        while queue:
            level: list[Cause] = []
            for _ in range(len(queue)):
                current, path = queue.popleft()
                for source in sorted(self.sources.get(current, ())):
                    if source in seen:
                        continue
                    seen.add(source)
                    here = self.direct.get(source, [])
                    level.extend(Cause(c.kind, c.id, c.relation, c.before, c.after, path) for c in here)
                    queue.append((source, [*path, source]))
            if level:
                return level
        return []
