"""Argdown's JSON export shape (``argdown json``), written from an argmap map.

The Argdown CLI exports ``statements`` (equivalence classes keyed by title, each
with its ``members``), ``arguments`` (with ``members`` and ``pcs``), ``relations``
(``relationType``, ``from``, ``fromType``, ``to``, ``toType``), ``sections`` (a
tree) and ``tags``.  :func:`to_argdown_json` builds the same shape, so tools that
consume Argdown's JSON consume argmap's.  Colours and the drawn ``map`` are left
out: they belong to Argdown's renderer, not to the argument.  :func:`dumps` writes it
as text, indented by two spaces as Argdown's is, straight from the map (see "The JSON
text" below).

Relations are listed as Argdown lists them: every relation written in the text, and
the relations Argdown derives for reconstructed arguments (see
:func:`argdown_relations`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from json.encoder import encode_basestring
from typing import Any

from argmap.argdown.inline import TAG
from argmap.model import (
    Argument,
    ArgumentMap,
    ArgumentMember,
    RelationType,
    Section,
    Span,
    Statement,
    StatementMember,
    is_argument_node,
    node_title,
)

_TYPE_NAMES: dict[RelationType, str] = {  # the relations written with a symbol (SYMBOL_RELATIONS)
    RelationType.SUPPORT: "support",
    RelationType.ATTACK: "attack",
    RelationType.UNDERCUT: "undercut",
    RelationType.CONTRADICTION: "contradictory",
    RelationType.ENTAILS: "entails",
    RelationType.CONTRARY: "contrary",
}

RelationKey = tuple[str, str, str, str, str]
"""(relationType, from, fromType, to, toType)."""


def _node_type(node: str) -> str:
    return "argument" if is_argument_node(node) else "equivalence-class"


def _positions(span: Span | None) -> dict[str, int]:
    if span is None:
        return {}
    return {"startLine": span.line, "startColumn": span.col, "endLine": span.end_line, "endColumn": span.end_col}


def argdown_relations(amap: ArgumentMap) -> list[RelationKey]:
    """The relations Argdown lists for ``amap``, in a stable order, without duplicates.

    Written relations are listed as written, with two of Argdown's rules applied
    (its documentation, section "Relations of reconstructed arguments"):

    * an outgoing relation of a reconstructed argument is listed as a relation of its
      main conclusion (in strict mode, support of a statement becomes entailment and
      attack becomes contrariety); a relation from the conclusion to itself is dropped;
    * an undercut of a reconstructed argument targets its inference (``toType``
      ``inference``).
    """
    return _relations(amap)[0]


def _relations(amap: ArgumentMap) -> tuple[list[RelationKey], set[tuple[int, int, int]]]:
    """:func:`argdown_relations`, and the (line, end line, end column) of every written
    relation: a statement member that ends where a relation does is that relation's
    statement (role ``relation-statement``).  One pass over the graph for both."""
    out: dict[RelationKey, None] = {}
    ends: set[tuple[int, int, int]] = set()
    strict = _is_strict(amap)
    concluded_by: dict[str, str] | None = None  # conclusion node -> argument, made when needed
    first_line: dict[RelationKey, int] = {}  # where each symmetric relation was written first
    for relation in amap.relations():
        name = _TYPE_NAMES.get(relation.type)
        if name is None:  # premise-of, conclusion-of: read off a PCS, not written
            continue
        for span in relation.spans:
            ends.add((span.line, span.end_line, span.end_col))
        source, target = relation.source, relation.target
        if is_argument_node(source):
            # An outgoing relation of a reconstructed argument is a relation of its main
            # conclusion (Argdown lists it from the conclusion, and drops it if the
            # conclusion is the target itself).
            argument = amap.arguments.get(node_title(source))
            conclusion = argument.conclusion if argument is not None else None
            if conclusion is not None:
                source = "[" + conclusion + "]"
                if source == target:
                    continue
                if strict and not is_argument_node(target):
                    name = {"support": "entails", "attack": "contrary"}.get(name, name)
        to_type = _node_type(target)
        if relation.type is RelationType.UNDERCUT and is_argument_node(target):
            argument = amap.arguments.get(node_title(target))
            if argument is not None and argument.pcs:
                to_type = "inference"
        elif relation.type is RelationType.UNDERCUT:
            # An undercut of a PCS's main conclusion undercuts that argument's inference
            # (of the last argument concluding it, as Argdown 2.0.0 exports it).
            if concluded_by is None:
                concluded_by = {
                    "[" + a.conclusion + "]": a.title for a in amap.arguments.values() if a.pcs and a.conclusion
                }
            concluding = concluded_by.get(target)
            if concluding is not None:
                target, to_type = "<" + concluding + ">", "inference"
        key = (name, node_title(source), _node_type(source), node_title(target), to_type)
        if name in _SYMMETRIC:
            # A contradiction (or contrariety) stated from both sides is one relation in
            # Argdown's model: the first one written is kept.
            other = (name, key[3], to_type, key[1], key[2])
            line = relation.span.line if relation.span is not None else 0
            if other in out:
                if first_line.get(other, 0) <= line:
                    continue
                del out[other]
            first_line[key] = line
        out[key] = None
    return list(out), ends


_SYMMETRIC = frozenset({"contradictory", "contrary"})


def _is_strict(amap: ArgumentMap) -> bool:
    model = amap.frontmatter.get("model")
    return isinstance(model, dict) and model.get("mode") == "strict"


def _relation_dict(key: RelationKey) -> dict[str, Any]:
    name, source, source_type, target, target_type = key
    return {
        "type": "relation",
        "relationType": name,
        "from": source,
        "fromType": source_type,
        "to": target,
        "toType": target_type,
    }


_USED_AS = (
    ("top-level-statement", "isUsedAsTopLevelStatement"),
    ("relation-statement", "isUsedAsRelationStatement"),
    ("premise", "isUsedAsPremise"),
    ("intermediary-conclusion", "isUsedAsIntermediaryConclusion"),
    ("main-conclusion", "isUsedAsMainConclusion"),
)


def _relation_nodes(keys: list[RelationKey]) -> dict[str, list[int]]:
    """For each node id (``[Title]`` / ``<Title>``), the indexes in ``keys`` of the
    relations it is an end of, in order (Argdown lists them in both ends' ``relations``)."""
    of: dict[str, list[int]] = {}
    for index, (_, source, source_type, target, target_type) in enumerate(keys):
        start = ("<" + source + ">") if source_type == "argument" else ("[" + source + "]")
        end = ("[" + target + "]") if target_type == "equivalence-class" else ("<" + target + ">")
        of.setdefault(start, []).append(index)
        if end != start:
            of.setdefault(end, []).append(index)
    return of


def _pcs_members(amap: ArgumentMap) -> dict[tuple[str, str, int], StatementMember]:
    """The statement member that each PCS line is, keyed by (statement, argument, line):
    the first member of that statement in that argument's PCS on that line."""
    index: dict[tuple[str, str, int], StatementMember] = {}
    for title, statement in amap.statements.items():
        for member in statement.members:
            if member.argument is not None:
                index.setdefault((title, member.argument, member.span.line), member)
    return index


def _statement_dict(
    statement: Statement,
    relation_ends: set[tuple[int, int, int]],
    relations: list[dict[str, Any]],
) -> dict[str, Any]:
    members: list[dict[str, Any]] = []
    used: set[str] = set()
    tags: dict[str, None] = {}
    data: dict[str, Any] = {}
    section: str | None = None
    title = statement.title
    for member in statement.members:
        span = member.span
        role = member.role
        if role == "statement":
            ends = (span.line, span.end_line, span.end_col)
            role = "relation-statement" if ends in relation_ends else "top-level-statement"
        used.add(role)
        entry: dict[str, Any] = {"type": "statement", "title": title, "text": member.text, "role": role}
        if member.is_reference:
            entry["isReference"] = True
        if member.argument is not None:
            entry["argumentTitle"] = member.argument
        if member.section is not None:
            entry["section"] = member.section
            if section is None:
                section = member.section
        if member.tags:
            entry["tags"] = list(member.tags)
            for tag in member.tags:
                tags[tag] = None
        if member.data:
            entry["data"] = member.data
            data.update(member.data)
        entry["startLine"] = span.line
        entry["startColumn"] = span.col
        entry["endLine"] = span.end_line
        entry["endColumn"] = span.end_col
        members.append(entry)
    out: dict[str, Any] = {
        "type": "equivalence-class",
        "title": title,
        "members": members,
        "relations": relations,
    }
    for role, flag in _USED_AS:
        if role in used:
            out[flag] = True
    if tags:
        out["tags"] = list(tags)
    if data:
        out["data"] = data
    if section is not None:
        out["section"] = section
    return out


def _pcs_list(argument: Argument, pcs_members: dict[tuple[str, str, int], StatementMember]) -> list[dict[str, Any]]:
    pcs: list[dict[str, Any]] = []
    for index, step in enumerate(argument.pcs):
        member = pcs_members.get((step.statement, argument.title, step.span.line))
        text = member.text if member is not None else ""  # a reference has no text of its own
        entry: dict[str, Any] = {
            "type": "statement",
            "title": step.statement,
            "text": text,
            "role": step.role,
            "argumentTitle": argument.title,
        }
        if member is not None and member.is_reference:
            entry["isReference"] = True
        if member is not None and member.section is not None:
            entry["section"] = member.section
        if member is not None and member.tags:
            entry["tags"] = list(member.tags)
        if member is not None and member.data:
            entry["data"] = member.data
        if step.inference is not None:
            inference: dict[str, Any] = {
                "type": "inference",
                "argumentTitle": argument.title,
                "conclusionIndex": index,
                "inferenceRules": list(step.inference.rules),
                "relations": [],
            }
            if step.inference.data:
                inference["data"] = step.inference.data
            inference.update(_positions(step.inference.span))
            entry["inference"] = inference
        entry.update(_positions(step.span))
        pcs.append(entry)
    return pcs


def _argument_dict(
    argument: Argument,
    relations: list[dict[str, Any]],
    pcs_members: dict[tuple[str, str, int], StatementMember],
) -> dict[str, Any]:
    members: list[dict[str, Any]] = []
    for member in argument.members:
        entry: dict[str, Any] = {
            "type": "statement",
            "title": argument.title,
            "text": member.text,
            "role": "argument-description",
        }
        if member.is_reference:
            entry["isReference"] = True
        if member.section is not None:
            entry["section"] = member.section
        if member.tags:
            entry["tags"] = list(member.tags)
        if member.data:
            entry["data"] = member.data
        entry.update(_positions(member.span))
        members.append(entry)
    out: dict[str, Any] = {
        "type": "argument",
        "title": argument.title,
        "members": members,
        "pcs": _pcs_list(argument, pcs_members),
        "relations": relations,
    }
    tags = argument.tags
    if tags:
        out["tags"] = tags
    data = argument.data
    if data:
        out["data"] = data
    sections = argument.sections
    if sections:
        out["section"] = sections[0]
    return out


def _section_dict(amap: ArgumentMap, section: Section) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "section",
        "id": section.id,
        "title": section.title,
        "level": section.level,
        "children": [_section_dict(amap, amap.sections[c]) for c in section.children if c in amap.sections],
    }
    if section.parent is not None:
        out["parent"] = section.parent
    if section.tags:
        out["tags"] = section.tags
    if section.data:
        out["data"] = section.data
    out.update(_positions(section.span))
    return out


def _sections(amap: ArgumentMap) -> list[dict[str, Any]]:
    return [_section_dict(amap, s) for s in amap.sections.values() if s.parent is None]


def _tags(amap: ArgumentMap) -> dict[str, Any]:
    seen: dict[str, None] = {}
    records: list[Statement | Argument] = [*amap.statements.values(), *amap.arguments.values()]
    for record in records:
        for tag in record.tags:
            seen.setdefault(tag, None)
    return _tag_dict(amap, seen)


def _tag_dict(amap: ArgumentMap, seen: dict[str, None]) -> dict[str, Any]:
    """The ``tags`` of the export: ``seen`` holds the statements' and arguments' tags in
    order of first use; the sections' tags come after them."""
    for section in amap.sections.values():
        for tag in section.tags:
            seen.setdefault(tag, None)
    return {
        tag: {"tag": tag, "occurrenceIndex": index, "cssClass": "tag-" + "-".join(tag.lower().split())}
        for index, tag in enumerate(seen)
    }


def to_argdown_json(amap: ArgumentMap) -> dict[str, Any]:
    """The map in the shape of Argdown CLI 2.0.0's JSON export (without colours and ``map``)."""
    keys, relation_ends = _relations(amap)
    relations = [_relation_dict(k) for k in keys]
    nodes = _relation_nodes(keys)
    pcs_members = _pcs_members(amap)

    def relations_of(node: str) -> list[dict[str, Any]]:
        return [relations[i] for i in nodes.get(node, ())]

    doc: dict[str, Any] = {
        "statements": {
            title: _statement_dict(s, relation_ends, relations_of(s.node)) for title, s in amap.statements.items()
        },
        "arguments": {
            title: _argument_dict(a, relations_of(a.node), pcs_members) for title, a in amap.arguments.items()
        },
        "relations": relations,
        "sections": _sections(amap),
        "tags": _tags(amap),
    }
    # Two of Argdown's model settings change what its JSON says; honour them the same way.
    if _model_setting(amap, "removeTagsFromText"):
        _remove_tags(doc)
    if _model_setting(amap, "explodeArguments"):
        _explode(doc)
    return doc


def _model_setting(amap: ArgumentMap, key: str) -> bool:
    model = amap.frontmatter.get("model")
    return isinstance(model, dict) and model.get(key) is True


def _remove_tags(doc: dict[str, Any]) -> None:
    """``model: {removeTagsFromText: true}``: texts without their #tags."""

    def clean(entry: dict[str, Any]) -> None:
        if "#" in entry.get("text", ""):
            entry["text"] = " ".join(TAG.sub("", entry["text"]).split())

    for statement in doc["statements"].values():
        for member in statement["members"]:
            clean(member)
    for argument in doc["arguments"].values():
        for member in argument["members"]:
            clean(member)
        for step in argument["pcs"]:
            clean(step)


def _uses(step: dict[str, Any]) -> list[int] | None:
    for data in (step.get("inference", {}).get("data", {}), step.get("data", {})):
        uses = data.get("uses") if isinstance(data, dict) else None
        if isinstance(uses, list) and all(isinstance(u, int) and not isinstance(u, bool) for u in uses):
            return list(uses)
    return None


def _explode(doc: dict[str, Any]) -> None:
    """``model: {explodeArguments: true}``: an argument with several inference steps becomes
    one argument per step, titled "Title - 1", "Title - 2"..., as Argdown does.  A step
    uses the statements named by ``uses: [n, ...]`` (in the inference's or the conclusion's
    data), by default everything since the previous conclusion, that conclusion included."""
    renamed: dict[str, str] = {}
    for title in list(doc["arguments"]):
        argument = doc["arguments"][title]
        pcs: list[dict[str, Any]] = argument["pcs"]
        conclusions = [i for i, step in enumerate(pcs) if "inference" in step]
        if len(conclusions) < 2:
            continue
        del doc["arguments"][title]
        for statement in doc["statements"].values():
            statement["members"] = [m for m in statement["members"] if m.get("argumentTitle") != title]
        start = 0
        for index, at in enumerate(conclusions, start=1):
            sub_title = f"{title} - {index}"
            uses = _uses(pcs[at])
            if uses is not None:
                used = [i for i in range(at) if i + 1 in uses]
            else:
                used = list(range(max(start - 1, 0), at)) if index > 1 else list(range(0, at))
            sub_pcs: list[dict[str, Any]] = []
            for i in [*used, at]:
                entry = {k: v for k, v in pcs[i].items() if k != "inference" or i == at}
                entry["role"] = "main-conclusion" if i == at else "premise"
                entry["argumentTitle"] = sub_title
                sub_pcs.append(entry)
                statement = doc["statements"].get(entry["title"])
                if statement is not None:
                    statement["members"].append(dict(entry))
            doc["arguments"][sub_title] = {
                **{k: v for k, v in argument.items() if k not in ("pcs", "title", "relations")},
                "title": sub_title,
                "pcs": sub_pcs,
                "relations": [],
            }
            start = at + 1
        renamed[title] = f"{title} - {len(conclusions)}"
    if not renamed:
        return
    for relation in doc["relations"]:
        for end, kind in (("from", "fromType"), ("to", "toType")):
            if relation[kind] in ("argument", "inference") and relation[end] in renamed:
                relation[end] = renamed[relation[end]]


# -- The JSON text ------------------------------------------------------------------------
#
# dumps() writes the text of json.dumps(to_argdown_json(amap), indent=2, ensure_ascii=False)
# without building the document: the records are written straight from the model, with
# templates that carry their indentation.  json.dumps has a fast (C) encoder only for
# compact output; indented, it is pure Python.  At 10,000 statements (CPU time, best of
# 5): building the document 0.29 s, encoding it compactly 0.27 s, with indentation 1.16 s;
# writing the indented text directly 0.30 s.  Every relation is written once, although
# Argdown lists it three times (in "relations" and in the "relations" of both its ends).
# Strings are escaped by json's own (C) string encoder; data blocks, sections and tags,
# which are few and may hold any YAML value, are written by json.dumps itself.
# tests/test_export_speed_paths.py checks that the text is the same, character for
# character, as json.dumps writes, so it parses to the same value.

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
    """``_positions(span)`` as the last keys of an object, ``keys`` being ``_Parts.positions``."""
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
        self.used = [  # the isUsedAs... flags, for each set of roles (a bit mask of _USED_AS)
            "".join(f',{_NL[depth]}"{flag}": true' for bit, (_, flag) in enumerate(_USED_AS) if mask & (1 << bit))
            for mask in range(1 << len(_USED_AS))
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


_USED_BIT = {role: 1 << bit for bit, (role, _) in enumerate(_USED_AS)}


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
    keys, relation_ends = _relations(amap)
    nodes = _relation_nodes(keys)
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
    put(_value(_sections(amap), 1))
    put("," + _NL[1] + '"tags": ')
    put(_value(_tag_dict(amap, all_tags), 1))
    put("\n}\n")
    yield "".join(out)


def chunks(amap: ArgumentMap, pretty: bool = True) -> Iterator[str]:
    """The text of :func:`dumps` in pieces, to write as they come: the indented text
    of an ordinary map is never whole in memory (the others are made whole, then given)."""
    if pretty and not (_model_setting(amap, "removeTagsFromText") or _model_setting(amap, "explodeArguments")):
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
    if _model_setting(amap, "removeTagsFromText") or _model_setting(amap, "explodeArguments"):
        return json.dumps(to_argdown_json(amap), indent=2, ensure_ascii=False) + "\n"
    return _text(amap)
