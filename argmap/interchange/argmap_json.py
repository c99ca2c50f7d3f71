"""argmap's own JSON: the whole model, lossless.

``argmap-json`` holds every record of an :class:`~argmap.model.ArgumentMap` (members with
their spans, PCS with inferences, sections, front matter, relations with their spans and
whether they were derived), so reading it back gives the same map.  The graph formats
(GraphML, node-link JSON, Mermaid) are written by :mod:`argmap.interchange.graphs`; their
whole-text writers are named here too, where the format registry and older callers look
for them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from argmap.diagnostics import Diagnostic
from argmap.interchange.common import at, indented_json_pieces, load_json
from argmap.model import (
    Argument,
    ArgumentMap,
    ArgumentMember,
    Inference,
    PcsStep,
    RelationType,
    Section,
    Span,
    Statement,
    StatementMember,
)
from argmap.rules.interchange import AM420

FORMAT = "argmap"
VERSION = 1


def _span(span: Span | None) -> list[Any] | None:
    return list(span) if span is not None else None


def to_argmap_json(amap: ArgumentMap) -> dict[str, Any]:
    """The full model as plain JSON data."""
    return {key: list(value) if isinstance(value, Iterator) else value for key, value in _fields(amap)}


def chunks(amap: ArgumentMap) -> Iterator[str]:
    """The text of :func:`dumps` in pieces, its arrays made item by item as they are written."""
    return indented_json_pieces(_fields(amap))


def _fields(amap: ArgumentMap) -> list[tuple[str, Any]]:
    """The keys of :func:`to_argmap_json` and their values; the long arrays as generators."""

    def member(m: StatementMember | ArgumentMember) -> dict[str, Any]:
        out: dict[str, Any] = {"text": m.text, "span": _span(m.span), "is_reference": m.is_reference}
        if m.section is not None:
            out["section"] = m.section
        if m.tags:
            out["tags"] = m.tags
        if m.data:
            out["data"] = m.data
        if isinstance(m, StatementMember):
            if m.role != "statement":
                out["role"] = m.role
            if m.argument is not None:
                out["argument"] = m.argument
        return out

    def step(s: PcsStep) -> dict[str, Any]:
        out: dict[str, Any] = {"number": s.number, "statement": s.statement, "role": s.role, "span": _span(s.span)}
        if s.inference is not None:
            out["inference"] = {
                "span": _span(s.inference.span),
                "rules": list(s.inference.rules),
                "data": dict(s.inference.data),
            }
        return out

    return [
        ("format", FORMAT),
        ("version", VERSION),
        ("source", amap.source_name),
        ("frontmatter", amap.frontmatter),
        (
            "sections",
            [
                {
                    "id": s.id,
                    "title": s.title,
                    "level": s.level,
                    "span": _span(s.span),
                    "parent": s.parent,
                    "tags": s.tags,
                    "data": s.data,
                }
                for s in amap.sections.values()
            ],
        ),
        (
            "statements",
            (
                {"title": s.title, "untitled": s.is_untitled, "members": [member(m) for m in s.members]}
                for s in amap.statements.values()
            ),
        ),
        (
            "arguments",
            (
                {
                    "title": a.title,
                    "untitled": a.is_untitled,
                    "members": [member(m) for m in a.members],
                    "pcs": [step(s) for s in a.pcs],
                    "pcs_span": _span(a.pcs_span),
                }
                for a in amap.arguments.values()
            ),
        ),
        (
            "relations",
            (
                {
                    "type": r.type.value,
                    "source": r.source,
                    "target": r.target,
                    "spans": [_span(s) for s in r.spans],
                    "derived": r.derived,
                }
                for r in amap.relations()
            ),
        ),
        ("mentions", ([node, _span(span)] for node, span in amap.mentions)),
    ]


def dumps(amap: ArgumentMap) -> str:
    return json.dumps(to_argmap_json(amap), indent=2, ensure_ascii=False) + "\n"


class _Bad(Exception):
    """A malformed part of an argmap JSON document; the message names it."""


def _need(value: Any, kind: type | tuple[type, ...], where: str) -> Any:
    if not isinstance(value, kind):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise _Bad(f"{where}: expected {names}, found {type(value).__name__}")
    return value


_MISSING = object()


def _text(value: Any, where: str, default: str | object = _MISSING) -> str:
    """A string field (``default`` when it is absent, i.e. ``None``)."""
    if value is None and default is not _MISSING:
        return str(default)
    return str(_need(value, str, where))


def _optional_text(value: Any, where: str) -> str | None:
    return None if value is None else _text(value, where)


def _texts(value: Any, where: str) -> list[str]:
    """A list of strings (an absent list is empty)."""
    items = _need([] if value is None else value, list, where)
    return [_text(item, f"{where}[{k}]") for k, item in enumerate(items)]


def _number(value: Any, where: str, default: int) -> int:
    if value is None:
        return default
    if isinstance(value, bool):
        raise _Bad(f"{where}: expected int, found bool")
    return int(_need(value, int, where))


def _flag(value: Any, where: str) -> bool:
    return bool(_need(False if value is None else value, bool, where))


def _mapping(value: Any, where: str) -> dict[str, Any]:
    return dict(_need({} if value is None else value, dict, where))


def _choice(value: Any, where: str, default: str, allowed: frozenset[str]) -> str:
    text = _text(value, where, default)
    if text not in allowed:
        raise _Bad(f"{where}: expected one of {', '.join(sorted(allowed))}, found {text!r}")
    return text


_MEMBER_ROLES = frozenset({"statement", "premise", "intermediary-conclusion", "main-conclusion"})
_STEP_ROLES = frozenset({"premise", "intermediary-conclusion", "main-conclusion"})


def _to_span(value: Any, where: str, name: str) -> Span:
    if value is None:
        return Span(name, 1, 1, 1, 1)
    items = _need(value, list, where)
    if (
        len(items) != 5
        or not isinstance(items[0], str)
        or not all(isinstance(x, int) and not isinstance(x, bool) for x in items[1:])
    ):
        raise _Bad(f"{where}: a span is [file, line, col, end_line, end_col]")
    return Span(items[0], items[1], items[2], items[3], items[4])


def read_argmap_json(text: str, name: str = "<argmap-json>") -> tuple[ArgumentMap, list[Diagnostic]]:
    """Read argmap JSON back into a map.  Never raises: problems are diagnostics."""
    data, diagnostics = load_json(text, name, AM420)
    amap = ArgumentMap(name)
    if data is None:
        return amap, diagnostics
    try:
        _read(_need(data, dict, "document"), amap, name)
    except _Bad as problem:
        return ArgumentMap(name), [at(AM420, f"not argmap JSON: {problem}", name, 1)]
    # _read checks the shape of what it reads where it can name the place; a field still
    # missing or of the wrong type ends up here, as a diagnostic too.
    except KeyError as problem:
        return ArgumentMap(name), [at(AM420, f"not argmap JSON: a record lacks the field {problem}", name, 1)]
    except (TypeError, ValueError, AttributeError) as problem:
        return ArgumentMap(name), [at(AM420, f"not argmap JSON: a field of the wrong type ({problem})", name, 1)]
    return amap, diagnostics


def _read(data: dict[str, Any], amap: ArgumentMap, name: str) -> None:
    if data.get("format") != FORMAT:
        raise _Bad('missing "format": "argmap"')
    amap.frontmatter = dict(_need(data.get("frontmatter", {}), dict, "frontmatter"))
    for i, s in enumerate(_need(data.get("sections", []), list, "sections")):
        where = f"sections[{i}]"
        _need(s, dict, where)
        section_id = _text(s.get("id"), where + ".id")
        amap.sections[section_id] = Section(
            section_id,
            _text(s.get("title"), where + ".title", ""),
            _number(s.get("level"), where + ".level", 1),
            _to_span(s.get("span"), where, name),
            _optional_text(s.get("parent"), where + ".parent"),
            _texts(s.get("tags"), where + ".tags"),
            _mapping(s.get("data"), where + ".data"),
        )
    for section in amap.sections.values():
        if section.parent is None:
            continue
        if section.parent not in amap.sections:
            raise _Bad(f"section {section.id!r}: unknown parent section {section.parent!r}")
        amap.sections[section.parent].children.append(section.id)
    # Sections nest: every chain of parents must end.  Each section is walked up to one
    # already known to end there, so the check is linear in the number of sections.
    ends: set[str] = set()
    for section in amap.sections.values():
        chain: set[str] = set()
        up: str | None = section.id
        while up is not None and up not in ends:
            if up in chain:
                raise _Bad(f"section {section.id!r}: its parents form a cycle")
            chain.add(up)
            up = amap.sections[up].parent
        ends.update(chain)

    def section_of(value: Any, where: str) -> str | None:
        section = _optional_text(value, where)
        if section is not None and section not in amap.sections:
            raise _Bad(f"{where}: unknown section {section!r}")
        return section

    def members(items: Any, where: str, statement: bool) -> list[Any]:
        out: list[Any] = []
        for j, m in enumerate(_need(items, list, where)):
            w = f"{where}[{j}]"
            _need(m, dict, w)
            common = (
                _text(m.get("text"), w + ".text", ""),
                _to_span(m.get("span"), w, name),
                _flag(m.get("is_reference"), w + ".is_reference"),
                section_of(m.get("section"), w + ".section"),
                _texts(m.get("tags"), w + ".tags"),
                _mapping(m.get("data"), w + ".data"),
            )
            if statement:
                role = _choice(m.get("role"), w + ".role", "statement", _MEMBER_ROLES)
                out.append(StatementMember(*common, role, _optional_text(m.get("argument"), w + ".argument")))
            else:
                out.append(ArgumentMember(*common))
        return out

    for i, s in enumerate(_need(data.get("statements", []), list, "statements")):
        where = f"statements[{i}]"
        _need(s, dict, where)
        title = _need(s.get("title"), str, where + ".title")
        amap.add_statement(
            Statement(
                title,
                members(s.get("members", []), where + ".members", True),
                _flag(s.get("untitled"), where + ".untitled"),
            )
        )
    for i, a in enumerate(_need(data.get("arguments", []), list, "arguments")):
        where = f"arguments[{i}]"
        _need(a, dict, where)
        title = _need(a.get("title"), str, where + ".title")
        steps: list[PcsStep] = []
        for j, p in enumerate(_need(a.get("pcs", []), list, where + ".pcs")):
            w = f"{where}.pcs[{j}]"
            _need(p, dict, w)
            statement = _need(p.get("statement"), str, w + ".statement")
            if statement not in amap.statements:
                raise _Bad(f"{w}: unknown statement [{statement}]")
            inference = None
            if p.get("inference") is not None:
                inf = _need(p["inference"], dict, w + ".inference")
                inference = Inference(
                    _to_span(inf.get("span"), w, name),
                    _texts(inf.get("rules"), w + ".inference.rules"),
                    _mapping(inf.get("data"), w + ".inference.data"),
                )
            steps.append(
                PcsStep(
                    _number(p.get("number"), w + ".number", j + 1),
                    statement,
                    _choice(p.get("role"), w + ".role", "premise", _STEP_ROLES),
                    _to_span(p.get("span"), w, name),
                    inference,
                )
            )
        pcs_span = _to_span(a["pcs_span"], where, name) if a.get("pcs_span") is not None else None
        amap.add_argument(
            Argument(
                title,
                members(a.get("members", []), where + ".members", False),
                steps,
                pcs_span,
                _flag(a.get("untitled"), where + ".untitled"),
            )
        )
    for i, r in enumerate(_need(data.get("relations", []), list, "relations")):
        where = f"relations[{i}]"
        _need(r, dict, where)
        try:
            rtype = RelationType(r.get("type"))
        except ValueError:
            raise _Bad(f"{where}: unknown relation type {r.get('type')!r}") from None
        for end in ("source", "target"):
            node = r.get(end)
            if not isinstance(node, str) or node not in amap.graph:
                raise _Bad(f"{where}.{end}: unknown node {node!r}")
        spans = [_to_span(s, where, name) for s in _need(r.get("spans", []), list, where + ".spans")]
        relation = amap.add_relation(rtype, r["source"], r["target"], None, _flag(r.get("derived"), where + ".derived"))
        for span in spans:
            relation.add_span(span)
    for i, item in enumerate(_need(data.get("mentions", []), list, "mentions")):
        if isinstance(item, list) and len(item) == 2 and isinstance(item[0], str):
            amap.mentions.append((item[0], _to_span(item[1], f"mentions[{i}]", name)))


__all__ = [
    "chunks",
    "dumps",
    "read_argmap_json",
    "to_argmap_json",
]
