"""The attributes of the nodes and edges of a map's graph (:mod:`argmap.model`), made
compact.

A large map has hundreds of thousands of nodes and edges, and networkx gives each of
them a dict of attributes.  A node's attributes are always its kind and its record, and
nearly every edge carries a single relation; a dict for that costs more memory than the
record or relation itself.  The mappings here hold the record or relation alone and
make a dict only when something else is written to them, so they still take every
attribute networkx or a user gives them.
"""

from __future__ import annotations

from collections.abc import ItemsView, Iterable, Iterator, KeysView, Mapping, MutableMapping, ValuesView
from typing import Any, TypeVar

from argmap.model import TYPE_NAME, Argument, Relation, RelationType, Statement

_Value = TypeVar("_Value")


class _Compact(MutableMapping[str, _Value]):
    """What both kinds of attributes share: ``_held`` is the one object they are made of,
    or, once anything else was written, a dict of all they hold."""

    __slots__ = ("_held",)
    _held: Any

    def __init__(self, held: Any) -> None:
        self._held = held

    def _dict(self) -> dict[str, _Value]:
        """The attributes as a dict (the held dict itself, if any: never to be changed)."""
        raise NotImplementedError

    def _written(self) -> dict[str, _Value]:
        """The held dict, made now if there is none: before anything is written."""
        if not isinstance(self._held, dict):
            self._held = self._dict()
        written: dict[str, _Value] = self._held
        return written

    def __setitem__(self, key: str, value: _Value) -> None:
        self._written()[key] = value

    def __delitem__(self, key: str) -> None:
        del self._written()[key]

    # The mixin views would read through __iter__ and __getitem__, a Python call per
    # item; a dict's views are read in C.
    def keys(self) -> KeysView[str]:
        return self._dict().keys()

    def values(self) -> ValuesView[_Value]:
        return self._dict().values()

    def items(self) -> ItemsView[str, _Value]:
        return self._dict().items()

    def copy(self) -> dict[str, _Value]:
        """A dict of the same attributes (networkx's ``copy()`` of a graph asks for one)."""
        return dict(self._dict())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, _Compact):
            return self._dict() == other._dict()
        if isinstance(other, Mapping):
            return self._dict() == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._dict()!r})"

    def __reduce__(self) -> tuple[type[_Compact[_Value]], tuple[Any]]:
        return type(self), (self._held,)


_KEYS: dict[RelationType, tuple[str]] = {t: (name,) for t, name in TYPE_NAME.items()}


class EdgeRelations(_Compact[Relation]):
    """The attributes of one edge: its relations, keyed by type name (see :mod:`argmap.model`).

    Holds the edge's one relation until a second key joins it."""

    __slots__ = ()
    _held: Relation | dict[str, Relation]

    def __init__(self, held: Relation | dict[str, Relation]) -> None:
        self._held = held

    def _dict(self) -> dict[str, Relation]:
        held = self._held
        return {TYPE_NAME[held.type]: held} if isinstance(held, Relation) else held

    def __getitem__(self, key: str) -> Relation:
        held = self._held
        if not isinstance(held, Relation):
            return held[key]
        if key == held.type:
            return held
        raise KeyError(key)

    def get(self, key: str, default: Any = None) -> Any:
        held = self._held
        if isinstance(held, Relation):
            return held if key == held.type else default
        return held.get(key, default)

    def __contains__(self, key: object) -> bool:
        held = self._held
        return key == held.type if isinstance(held, Relation) else key in held

    def __iter__(self) -> Iterator[str]:
        held = self._held
        return iter(_KEYS[held.type] if isinstance(held, Relation) else held)

    def __len__(self) -> int:
        held = self._held
        return 1 if isinstance(held, Relation) else len(held)

    def __setitem__(self, key: str, value: Relation) -> None:
        held = self._held
        if isinstance(held, Relation) and key == held.type and type(value) is Relation and value.type == key:
            self._held = value  # still one relation
        else:
            self._written()[key] = value


def relations_of(edge: Mapping[str, Relation]) -> Iterable[Relation]:
    """The relations among an edge's attributes, read straight from the one an
    :class:`EdgeRelations` holds (its ``values()`` would make a dict around it first).

    >>> from argmap.model import Relation, RelationType
    >>> list(relations_of(EdgeRelations(Relation(RelationType.SUPPORT, "[A]", "[B]"))))[0].type.value
    'support'
    """
    if type(edge) is EdgeRelations:
        held = edge._held
        return (held,) if isinstance(held, Relation) else held.values()
    return edge.values()


_NODE_KEYS = ("kind", "record")


class NodeAttributes(_Compact[Any]):
    """The attributes of one node: ``{"kind": "statement" or "argument", "record": its
    record}`` (see :mod:`argmap.model`).  Holds the record until anything else is written."""

    __slots__ = ()
    _held: Statement | Argument | dict[str, Any]

    def __init__(self, held: Statement | Argument | dict[str, Any]) -> None:
        self._held = held

    def _dict(self) -> dict[str, Any]:
        held = self._held
        return held if isinstance(held, dict) else {"kind": _kind(held), "record": held}

    def __getitem__(self, key: str) -> Any:
        held = self._held
        if isinstance(held, dict):
            return held[key]
        if key == "record":
            return held
        if key == "kind":
            return _kind(held)
        raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        held = self._held
        return key in held if isinstance(held, dict) else key in _NODE_KEYS

    def __iter__(self) -> Iterator[str]:
        held = self._held
        return iter(held if isinstance(held, dict) else _NODE_KEYS)

    def __len__(self) -> int:
        held = self._held
        return len(held) if isinstance(held, dict) else 2


def _kind(record: Statement | Argument) -> str:
    return "statement" if isinstance(record, Statement) else "argument"
