"""Argdown's JSON export shape (``argdown json``), written from an argmap map.

The Argdown CLI exports ``statements`` (equivalence classes keyed by title, each
with its ``members``), ``arguments`` (with ``members`` and ``pcs``), ``relations``
(``relationType``, ``from``, ``fromType``, ``to``, ``toType``), ``sections`` (a
tree) and ``tags``.  :func:`to_argdown_json` builds the same shape, so tools that
consume Argdown's JSON consume argmap's.  Colours and the drawn ``map`` are left
out: they belong to Argdown's renderer, not to the argument.
:mod:`argmap.interchange.argdown_json_text` writes the same document as text, straight
from the map.

Relations are listed as Argdown lists them: every relation written in the text, and
the relations Argdown derives for reconstructed arguments (see
:func:`argdown_relations`).
"""

from __future__ import annotations

from typing import Any

from argmap.argdown.inline import TAG
from argmap.model import (
    Argument,
    ArgumentMap,
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


def positions(span: Span | None) -> dict[str, int]:
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
    return written_relations(amap)[0]


def written_relations(amap: ArgumentMap) -> tuple[list[RelationKey], set[tuple[int, int, int]]]:
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


USED_AS = (
    ("top-level-statement", "isUsedAsTopLevelStatement"),
    ("relation-statement", "isUsedAsRelationStatement"),
    ("premise", "isUsedAsPremise"),
    ("intermediary-conclusion", "isUsedAsIntermediaryConclusion"),
    ("main-conclusion", "isUsedAsMainConclusion"),
)


def relation_nodes(keys: list[RelationKey]) -> dict[str, list[int]]:
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
    for role, flag in USED_AS:
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
            inference.update(positions(step.inference.span))
            entry["inference"] = inference
        entry.update(positions(step.span))
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
        entry.update(positions(member.span))
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
    out.update(positions(section.span))
    return out


def section_list(amap: ArgumentMap) -> list[dict[str, Any]]:
    return [_section_dict(amap, s) for s in amap.sections.values() if s.parent is None]


def _tags(amap: ArgumentMap) -> dict[str, Any]:
    seen: dict[str, None] = {}
    records: list[Statement | Argument] = [*amap.statements.values(), *amap.arguments.values()]
    for record in records:
        for tag in record.tags:
            seen.setdefault(tag, None)
    return tag_dict(amap, seen)


def tag_dict(amap: ArgumentMap, seen: dict[str, None]) -> dict[str, Any]:
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
    keys, relation_ends = written_relations(amap)
    relations = [_relation_dict(k) for k in keys]
    nodes = relation_nodes(keys)
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
        "sections": section_list(amap),
        "tags": _tags(amap),
    }
    # Two of Argdown's model settings change what its JSON says; honour them the same way.
    if model_setting(amap, "removeTagsFromText"):
        _remove_tags(doc)
    if model_setting(amap, "explodeArguments"):
        _explode(doc)
    return doc


def model_setting(amap: ArgumentMap, key: str) -> bool:
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
