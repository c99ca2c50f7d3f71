"""Argdown's JSON export shape (``argdown json``), written from an argmap map.

The Argdown CLI exports ``statements`` (equivalence classes keyed by title, each
with its ``members``), ``arguments`` (with ``members`` and ``pcs``), ``relations``
(``relationType``, ``from``, ``fromType``, ``to``, ``toType``), ``sections`` (a
tree) and ``tags``.  :func:`to_argdown_json` builds the same shape, so tools that
consume Argdown's JSON consume argmap's.  Colours and the drawn ``map`` are left
out: they belong to Argdown's renderer, not to the argument.

Relations are listed as Argdown lists them: every relation written in the text, and
the relations Argdown derives for reconstructed arguments (see
:func:`argdown_relations`).
"""

from __future__ import annotations

import json
import re
from typing import Any

from argmap.model import (
    SYMBOL_RELATIONS,
    Argument,
    ArgumentMap,
    RelationType,
    Section,
    Span,
    Statement,
    is_argument_node,
    node_title,
)

_TYPE_NAMES: dict[RelationType, str] = {
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
    out: dict[RelationKey, None] = {}
    strict = _is_strict(amap)
    for relation in amap.relations():
        name = _TYPE_NAMES.get(relation.type)
        if name is None:
            continue
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
        out[(name, node_title(source), _node_type(source), node_title(target), to_type)] = None
    return list(out)


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


def _statement_dict(
    statement: Statement,
    relation_ends: set[tuple[int, int, int]],
    relations_of: dict[str, list[dict[str, Any]]],
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
        "relations": relations_of.get("[" + title + "]", []),
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


def _pcs_list(amap: ArgumentMap, argument: Argument) -> list[dict[str, Any]]:
    pcs: list[dict[str, Any]] = []
    for index, step in enumerate(argument.pcs):
        statement = amap.statements.get(step.statement)
        member = None
        if statement is not None:
            for candidate in statement.members:
                if candidate.argument == argument.title and candidate.span.line == step.span.line:
                    member = candidate
                    break
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
    amap: ArgumentMap, argument: Argument, relations_of: dict[str, list[dict[str, Any]]]
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
        "pcs": _pcs_list(amap, argument),
        "relations": relations_of.get(argument.node, []),
    }
    if argument.tags:
        out["tags"] = argument.tags
    if argument.data:
        out["data"] = argument.data
    if argument.sections:
        out["section"] = argument.sections[0]
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


def _tags(amap: ArgumentMap) -> dict[str, Any]:
    seen: dict[str, None] = {}
    records: list[Statement | Argument] = [*amap.statements.values(), *amap.arguments.values()]
    for record in records:
        for tag in record.tags:
            seen.setdefault(tag, None)
    for section in amap.sections.values():
        for tag in section.tags:
            seen.setdefault(tag, None)
    return {
        tag: {"tag": tag, "occurrenceIndex": index, "cssClass": "tag-" + "-".join(tag.lower().split())}
        for index, tag in enumerate(seen)
    }


def to_argdown_json(amap: ArgumentMap) -> dict[str, Any]:
    """The map in the shape of Argdown CLI 2.0.0's JSON export (without colours and ``map``)."""
    keys = argdown_relations(amap)
    relations = [_relation_dict(k) for k in keys]
    relations_of: dict[str, list[dict[str, Any]]] = {}
    for key, relation in zip(keys, relations, strict=True):
        source = ("<" + key[1] + ">") if key[2] == "argument" else ("[" + key[1] + "]")
        target = ("[" + key[3] + "]") if key[4] == "equivalence-class" else ("<" + key[3] + ">")
        relations_of.setdefault(source, []).append(relation)
        if target != source:
            relations_of.setdefault(target, []).append(relation)
    relation_ends: set[tuple[int, int, int]] = set()
    for written in amap.relations(*SYMBOL_RELATIONS):
        for span in written.spans:
            relation_ends.add((span.line, span.end_line, span.end_col))
    doc: dict[str, Any] = {
        "statements": {
            title: _statement_dict(s, relation_ends, relations_of) for title, s in amap.statements.items()
        },
        "arguments": {title: _argument_dict(amap, a, relations_of) for title, a in amap.arguments.items()},
        "relations": relations,
        "sections": [_section_dict(amap, s) for s in amap.sections.values() if s.parent is None],
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


_TAG_IN_TEXT = re.compile(r"(?<![^\s(\[])#(?:\([^)\n]*\)|[\w\-]+)")


def _remove_tags(doc: dict[str, Any]) -> None:
    """``model: {removeTagsFromText: true}``: texts without their #tags."""

    def clean(entry: dict[str, Any]) -> None:
        if "#" in entry.get("text", ""):
            entry["text"] = " ".join(_TAG_IN_TEXT.sub("", entry["text"]).split())

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


def dumps(amap: ArgumentMap, pretty: bool | None = None) -> str:
    """:func:`to_argdown_json` as JSON text: indented for small maps (up to 2,000
    statements and arguments), compact above (Python's fast JSON encoder only
    writes compact JSON; indenting costs four times as long)."""
    doc = to_argdown_json(amap)
    if pretty is None:
        pretty = len(amap) <= 2000
    if pretty:
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"
