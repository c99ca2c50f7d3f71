"""What a diff says, as plain records: the library's result and the JSON's shape.

Ids are the new map's for what it has (matched and added items) and the old map's
for what it lost (removed items and relations).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


@dataclass(slots=True)
class WordChange:
    """One run of a word diff: ``op`` is ``=`` (kept), ``-`` (removed) or ``+`` (added)."""

    op: str
    text: str


@dataclass(slots=True)
class FieldChange:
    """One changed property of a matched statement or argument.

    ``field`` is ``text`` or ``description`` (with ``words``), ``tags``, ``data``, ``quote``,
    ``section``, ``premises`` (with ``added``/``removed``), ``order``, ``conclusion``,
    ``intermediary`` or ``inference``; ``before`` and ``after`` are what it was and is."""

    field: str
    before: Any
    after: Any
    added: list[str] = dataclasses.field(default_factory=list)
    removed: list[str] = dataclasses.field(default_factory=list)
    words: list[WordChange] = dataclasses.field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"field": self.field, "before": self.before, "after": self.after}
        if self.added or self.removed:
            out["added"], out["removed"] = self.added, self.removed
        if self.words:
            out["words"] = [{"op": w.op, "text": w.text} for w in self.words]
        return out


@dataclass(slots=True)
class ItemChange:
    """A statement or argument in both maps that changed: ``id`` now, ``old_id`` before."""

    id: str
    old_id: str
    fields: list[FieldChange]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id}
        if self.old_id != self.id:
            out["from"] = self.old_id
        out["changes"] = [f.to_dict() for f in self.fields]
        return out


@dataclass(slots=True)
class Item:
    """An added or removed statement or argument, with its text (or description)."""

    id: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text}


@dataclass(slots=True)
class Rename:
    old_id: str
    new_id: str

    def to_dict(self) -> dict[str, Any]:
        return {"from": self.old_id, "to": self.new_id}


@dataclass(slots=True)
class ItemsDiff:
    """Statements (or arguments): added, removed, renamed and changed."""

    added: list[Item] = dataclasses.field(default_factory=list)
    removed: list[Item] = dataclasses.field(default_factory=list)
    renamed: list[Rename] = dataclasses.field(default_factory=list)
    changed: list[ItemChange] = dataclasses.field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.renamed or self.changed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": [i.to_dict() for i in self.added],
            "removed": [i.to_dict() for i in self.removed],
            "renamed": [r.to_dict() for r in self.renamed],
            "changed": [c.to_dict() for c in self.changed],
        }


@dataclass(slots=True, frozen=True)
class RelationRef:
    """A relation: its type and its two ends (node ids)."""

    type: str
    source: str
    target: str

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "from": self.source, "to": self.target}


@dataclass(slots=True)
class RelationChange:
    """The same two nodes, related in other ways: ``before`` and ``after`` are type names."""

    source: str
    target: str
    before: list[str]
    after: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {"from": self.source, "to": self.target, "before": self.before, "after": self.after}


@dataclass(slots=True)
class RelationsDiff:
    added: list[RelationRef] = dataclasses.field(default_factory=list)
    removed: list[RelationRef] = dataclasses.field(default_factory=list)
    changed: list[RelationChange] = dataclasses.field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": [r.to_dict() for r in self.added],
            "removed": [r.to_dict() for r in self.removed],
            "changed": [c.to_dict() for c in self.changed],
        }


@dataclass(slots=True)
class Cause:
    """Why a label changed: a change of the diff at or next to the claim.

    ``kind`` is ``relation added`` / ``relation removed`` / ``relation changed`` (``relation``
    says which), ``premises changed`` (an argument's PCS), ``label changed`` (a node the
    claim rests on or is attacked by, with its own ``before``/``after``), ``added`` or
    ``removed`` (the node itself).  ``via`` lists the nodes between the claim
    and a cause found further up."""

    kind: str
    id: str
    relation: RelationRef | None = None
    before: str | None = None
    after: str | None = None
    via: list[str] = dataclasses.field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "id": self.id}
        if self.relation is not None:
            out["relation"] = self.relation.to_dict()
        if self.before is not None:
            out["before"], out["after"] = self.before, self.after
        if self.via:
            out["via"] = self.via
        return out


@dataclass(slots=True)
class LabelChange:
    id: str
    before: str
    after: str
    because: list[Cause] = dataclasses.field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "before": self.before,
            "after": self.after,
            "because": [c.to_dict() for c in self.because],
        }


@dataclass(slots=True)
class MapDiff:
    """Everything that differs in meaning between two maps."""

    old_name: str
    new_name: str
    statements: ItemsDiff = dataclasses.field(default_factory=ItemsDiff)
    arguments: ItemsDiff = dataclasses.field(default_factory=ItemsDiff)
    relations: RelationsDiff = dataclasses.field(default_factory=RelationsDiff)
    labels: list[LabelChange] = dataclasses.field(default_factory=list)

    def __bool__(self) -> bool:
        """True when the maps differ in meaning."""
        return bool(self.statements or self.arguments or self.relations or self.labels)

    def to_dict(self) -> dict[str, Any]:
        return {
            "old": self.old_name,
            "new": self.new_name,
            "same": not self,
            "statements": self.statements.to_dict(),
            "arguments": self.arguments.to_dict(),
            "relations": self.relations.to_dict(),
            "labels": [label.to_dict() for label in self.labels],
        }
