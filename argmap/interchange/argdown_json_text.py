"""Argdown's JSON export written as text straight from the map, piece by piece.

:func:`dumps` and :func:`chunks` write the text of ``json.dumps(to_argdown_json(amap),
indent=2, ensure_ascii=False)`` without building the document: the records are written
from the model, with templates that carry their indentation, because json.dumps has a
fast (C) encoder only for compact output and the indented one is several times slower
(``benchmarks/interchange_bench.py``).  Every relation is written once, although
Argdown lists it three times (in "relations" and in the "relations" of both its ends).
Strings are escaped by json's own (C) string encoder; data blocks, sections and tags,
which are few and may hold any YAML value, are written by json.dumps itself; the pieces
come as they are made, so an export never holds the whole text.
tests/test_export_speed_paths.py checks that the text is the same, character for
character, as json.dumps writes, so it parses to the same value.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from json.encoder import encode_basestring
from typing import Any

from argmap.interchange.argdown_json import (
    USED_AS,
    RelationKey,
    model_setting,
    relation_nodes,
    section_list,
    tag_dict,
    to_argdown_json,
    written_relations,
)
from argmap.model import ArgumentMap, ArgumentMember, Span, StatementMember

_NL = tuple("\n" + "  " * depth for depth in range(12))
"""The line break and indentation before a line ``depth`` levels deep (indent=2)."""

_str = encode_basestring  # a JSON string, quoted and escaped exactly as json.dumps does


def _value(value: Any, depth: int) -> str:
    """``value`` as json.dumps writes it when it is the value of a key ``depth`` levels deep.
    (A JSON string holds no raw line break, so every line break is indentation.)"""
    return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", _NL[depth])


def _array(items: list[str], depth: int) -> str:
    """Written values as an array that is the value of a key ``depth`` levels deep."""
    if not items:
        return "[]"
    inner = _NL[depth + 1]
    return "[" + inner + ("," + inner).join(items) + _NL[depth] + "]"


def _strings(items: Sequence[str], depth: int) -> str:
    try:
        return _array([_str(item) for item in items], depth)
    except TypeError:  # not all strings (a hand-made map): let json decide
        return _value(list(items), depth)


def _relation_text(key: RelationKey, depth: int) -> str:
    """A relation as an item ``depth`` levels deep."""
    name, source, source_type, target, target_type = key
    i = _NL[depth + 1]
    return (
        f'{{{i}"type": "relation",{i}"relationType": {_str(name)},{i}"from": {_str(source)},'
        f'{i}"fromType": {_str(source_type)},{i}"to": {_str(target)},{i}"toType": {_str(target_type)}{_NL[depth]}}}'
    )


def _keys(depth: int, *names: str) -> tuple[str, ...]:
    """What comes before the value of each key, in an object whose keys are ``depth``
    levels deep and which has a key before it: the comma, the indentation, the key."""
    return tuple(f',{_NL[depth]}"{name}": ' for name in names)


def _positions_text(span: Span | None, keys: tuple[str, ...]) -> str:
    """``positions(span)`` as the last keys of an object, ``keys`` being ``_Parts.positions``."""
    if span is None:
        return ""
    line, col, end_line, end_col = keys
    return f"{line}{span.line}{col}{span.col}{end_line}{span.end_line}{end_col}{span.end_col}"


class _Parts:
    """Optional keys of the objects whose keys are ``depth`` levels deep, written once and
    reused: a map has few sections and tag lists, and many members share them.  Each
    part starts with the comma that separates it from the key before it."""

    def __init__(self, depth: int) -> None:
        self.depth = depth
        self.reference = f',{_NL[depth]}"isReference": true'
        self.argument, self.section_key, self.tags_key, self.data_key = _keys(
            depth, "argumentTitle", "section", "tags", "data"
        )
        self.positions = _keys(depth, "startLine", "startColumn", "endLine", "endColumn")
        self.sections: dict[str, str] = {}
        self.tag_lists: dict[Sequence[str], str] = {}
        self.used = [  # the isUsedAs... flags, for each set of roles (a bit mask of USED_AS)
            "".join(f',{_NL[depth]}"{flag}": true' for bit, (_, flag) in enumerate(USED_AS) if mask & (1 << bit))
            for mask in range(1 << len(USED_AS))
        ]

    def section(self, section: str | None) -> str:
        if section is None:
            return ""
        part = self.sections.get(section)
        if part is None:
            part = self.sections[section] = self.section_key + _str(section)
        return part

    def tags(self, tags: Sequence[str]) -> str:
        """``tags`` (not empty) as a part."""
        try:
            part = self.tag_lists.get(tags)
        except TypeError:  # a list (a hand-made map): not hashable
            return self.tags_key + _strings(tags, self.depth)
        if part is None:
            try:
                part = self.tags_key + _array([_str(tag) for tag in tags], self.depth)
            except TypeError:  # not all strings (a hand-made map): let json decide, and do not keep it
                return self.tags_key + _value(list(tags), self.depth)
            self.tag_lists[tags] = part
        return part

    def data(self, data: Any) -> str:
        return self.data_key + _value(data, self.depth)


_USED_BIT = {role: 1 << bit for bit, (role, _) in enumerate(USED_AS)}


_CHUNK = 4096
"""Pieces of text joined into one chunk of :func:`_chunks`: few enough to keep memory
flat, many enough that each write to the output is worth its call."""


def _text(amap: ArgumentMap) -> str:
    """``json.dumps(to_argdown_json(amap), indent=2, ensure_ascii=False)``, written directly
    (without the two model settings that rewrite the document: see :func:`dumps`)."""
    return "".join(_chunks(amap))


def _chunks(amap: ArgumentMap) -> Iterator[str]:
    """The text of :func:`_text` in pieces, made as they are written: the whole
    document never has to be in memory.

    The records are f-strings whose fixed parts (the line breaks, the indentation and the
    keys, which are most of the text) are made once, below.  Members and PCS lines go to
    ``out`` one by one, each with the text before it (the array's "[" or a comma), rather
    than being joined into their record first: the text is copied once, when a chunk is joined."""
    keys, relation_ends = written_relations(amap)
    nodes = relation_nodes(keys)
    pcs_members: dict[tuple[str, str, int], StatementMember] = {}
    all_tags: dict[str, None] = {}
    used_bit = _USED_BIT
    # A statement or an argument: its key is 2 levels deep, its keys 3.
    top = _Parts(3)
    i2, i3 = _NL[2], _NL[3]
    class_head = f'{{{i3}"type": "equivalence-class",{i3}"title": '
    argument_head = f'{{{i3}"type": "argument",{i3}"title": '
    members_key, pcs_key, relations_key = _keys(3, "members", "pcs", "relations")
    # A member or a PCS line: an item 4 levels deep, its keys 5.
    field = _Parts(5)
    first, then, empty, close = "[" + _NL[4], "," + _NL[4], "[]", _NL[3] + "]"
    member_head = f'{{{_NL[5]}"type": "statement",{_NL[5]}"title": '
    end = _NL[4] + "}"
    text_key, role_key = _keys(5, "text", "role")
    line_key, col_key, end_line_key, end_col_key = field.positions
    description = f'{role_key}"argument-description"'
    # The inference of a PCS line: its keys are 6 levels deep.
    inner = _Parts(6)
    inference_head = f',{_NL[5]}"inference": {{{_NL[6]}"type": "inference",{_NL[6]}"argumentTitle": '
    index_key, rules_key = _keys(6, "conclusionIndex", "inferenceRules")
    inference_relations = f',{_NL[6]}"relations": []'
    inference_end = _NL[5] + "}"

    out: list[str] = ["{" + _NL[1] + '"statements": ']
    put = out.append

    def member_fields(
        member: StatementMember | ArgumentMember,
        tags: dict[str, None] | None = None,
        data: dict[str, Any] | None = None,
    ) -> str:
        """A member's section, tags and data fields; its tags and data also go into its
        record's ``tags`` and ``data`` when given."""
        fields = "" if member.section is None else field.section(member.section)
        if member.tags:
            fields += field.tags(member.tags)
            if tags is not None:
                tags.update(dict.fromkeys(member.tags))
        if member.data:
            fields += field.data(member.data)
            if data is not None:
                data.update(member.data)
        return fields

    def close_record(
        before: str, node: str, after_relations: str, tags: dict[str, None], data: dict[str, Any], section: str | None
    ) -> None:
        """The end of a statement's or argument's record: its last array, relations, tags,
        data and section."""
        put(empty if before is first else close)
        indexes = nodes.get(node)
        # Made when written (not once for all relations): the text is never all in memory.
        deep = _array([_relation_text(keys[i], 4) for i in indexes], 3) if indexes else empty
        put(f"{relations_key}{deep}{after_relations}")
        if tags:
            put(top.tags(tuple(tags)))
            all_tags.update(tags)
        if data:
            put(top.data(data))
        put(f"{top.section(section)}{i2}}}")

    separator = "{" + i2
    for key, statement in amap.statements.items():
        title_json = _str(statement.title)
        put(f"{separator}{_str(key)}: {class_head}{title_json}{members_key}")
        before = first
        used = 0
        tags: dict[str, None] = {}
        data: dict[str, Any] = {}
        section: str | None = None
        for member in statement.members:
            _, line, col, end_line, end_col = member.span
            role = member.role
            if role == "statement":
                role = "relation-statement" if (line, end_line, end_col) in relation_ends else "top-level-statement"
            used |= used_bit.get(role, 0)
            extra = field.reference if member.is_reference else ""
            argued = member.argument
            if argued is not None:
                extra += field.argument + _str(argued)
                pcs_members.setdefault((key, argued, line), member)
            extra += member_fields(member, tags, data)
            if section is None:
                section = member.section
            put(
                f"{before}{member_head}{title_json}{text_key}{_str(member.text)}{role_key}{_str(role)}{extra}"
                f"{line_key}{line}{col_key}{col}{end_line_key}{end_line}{end_col_key}{end_col}{end}"
            )
            before = then
        close_record(before, statement.node, top.used[used], tags, data, section)
        separator = "," + i2
        if len(out) >= _CHUNK:
            yield "".join(out)
            out.clear()
    put("{}" if separator[0] == "{" else _NL[1] + "}")

    put("," + _NL[1] + '"arguments": ')
    separator = "{" + i2
    for key, argument in amap.arguments.items():
        title = argument.title
        title_json = _str(title)
        put(f"{separator}{_str(key)}: {argument_head}{title_json}{members_key}")
        before = first
        tags = {}
        data = {}
        section = None
        for described in argument.members:
            extra = field.reference if described.is_reference else ""
            extra += member_fields(described, tags, data)
            if section is None:
                section = described.section
            span = described.span
            put(
                f"{before}{member_head}{title_json}{text_key}{_str(described.text)}{description}{extra}"
                + (
                    ""
                    if span is None
                    else f"{line_key}{span.line}{col_key}{span.col}{end_line_key}{span.end_line}"
                    f"{end_col_key}{span.end_col}"
                )
                + end
            )
            before = then
        put(empty if before is first else close)
        put(pcs_key)
        before = first
        for index, step in enumerate(argument.pcs):
            span = step.span
            found = pcs_members.get((step.statement, title, span.line))
            if found is None:
                text_json = '""'  # a reference has no text of its own
                extra = ""
            else:
                text_json = _str(found.text)
                extra = field.reference if found.is_reference else ""
                extra += member_fields(found)
            inference = step.inference
            if inference is not None:
                extra += (
                    f"{inference_head}{title_json}{index_key}{index}{rules_key}{_strings(inference.rules, 6)}"
                    f"{inference_relations}{inner.data(inference.data) if inference.data else ''}"
                    f"{_positions_text(inference.span, inner.positions)}{inference_end}"
                )
            put(
                f"{before}{member_head}{_str(step.statement)}{text_key}{text_json}{role_key}{_str(step.role)}"
                f"{field.argument}{title_json}{extra}{line_key}{span.line}{col_key}{span.col}"
                f"{end_line_key}{span.end_line}{end_col_key}{span.end_col}{end}"
            )
            before = then
        close_record(before, argument.node, "", tags, data, section)
        separator = "," + i2
        if len(out) >= _CHUNK:
            yield "".join(out)
            out.clear()
    put("{}" if separator[0] == "{" else _NL[1] + "}")

    put("," + _NL[1] + '"relations": ')
    # _array(all relations at depth 2, 1), a batch at a time: the text is never all in memory.
    before = "[" + _NL[2]
    for start in range(0, len(keys), _CHUNK):
        put(before + ("," + _NL[2]).join(_relation_text(key, 2) for key in keys[start : start + _CHUNK]))
        before = "," + _NL[2]
        yield "".join(out)
        out.clear()
    put("[]" if not keys else _NL[1] + "]")
    put("," + _NL[1] + '"sections": ')
    put(_value(section_list(amap), 1))
    put("," + _NL[1] + '"tags": ')
    put(_value(tag_dict(amap, all_tags), 1))
    put("\n}\n")
    yield "".join(out)


def chunks(amap: ArgumentMap, pretty: bool = True) -> Iterator[str]:
    """The text of :func:`dumps` in pieces, to write as they come: the indented text
    of an ordinary map is never whole in memory (the others are made whole, then given)."""
    if pretty and not (model_setting(amap, "removeTagsFromText") or model_setting(amap, "explodeArguments")):
        return _chunks(amap)
    return iter((dumps(amap, pretty),))


def dumps(amap: ArgumentMap, pretty: bool = True) -> str:
    """:func:`to_argdown_json` as JSON text, ending in a line break: indented by two
    spaces, as Argdown writes it, or compact with ``pretty=False``.

    The indented text is written directly by :func:`_text` (four times faster than
    encoding the document with indentation, and faster than building and encoding it
    compactly), unless the map asks for one of the model settings that rewrite the
    document: those are rare, and the document is then built and encoded by json."""
    if not pretty:
        return json.dumps(to_argdown_json(amap), ensure_ascii=False, separators=(",", ":")) + "\n"
    if model_setting(amap, "removeTagsFromText") or model_setting(amap, "explodeArguments"):
        return json.dumps(to_argdown_json(amap), indent=2, ensure_ascii=False) + "\n"
    return _text(amap)
