"""Compare maps by meaning, not by layout: what the conformance test, the round-trip
tests and ``argmap fmt``'s safety check agree on.

:func:`normalise` reduces an Argdown JSON document (Argdown's own export or argmap's,
see :mod:`argmap.interchange.argdown_json`) to the parts that carry meaning, keyed so
that generated titles do not matter: untitled statements by their text, untitled
arguments by their PCS.
"""

from __future__ import annotations

import re
from typing import Any

from argmap.model import ArgumentMap

UNTITLED = re.compile(r"Untitled \d+")


def _text(text: str | None) -> str:
    """Folded white space; Argdown exports a statement without text (an empty PCS line) as null."""
    return " ".join(text.split()) if text else ""


def normalise(doc: dict[str, Any], detail: bool = False) -> dict[str, Any]:
    """Statements (sorted keys), their member texts, arguments, PCS (roles and texts) and
    relations of an Argdown JSON document.  ``detail`` adds tags, data and sections."""
    statements: dict[str, Any] = doc.get("statements", {})
    arguments: dict[str, Any] = doc.get("arguments", {})

    def statement_key(title: str) -> str:
        if UNTITLED.fullmatch(title) and title in statements:
            for member in statements[title]["members"]:
                if not member.get("isReference") and _text(member.get("text", "")):
                    return "text:" + _text(member["text"])
        return title

    def argument_key(title: str) -> str:
        if UNTITLED.fullmatch(title) and title in arguments and arguments[title]["pcs"]:
            return "pcs:" + " | ".join(_text(step.get("text", "")) for step in arguments[title]["pcs"])
        return title

    def key(title: str, kind: str) -> str:
        return argument_key(title) if kind in ("argument", "inference") else statement_key(title)

    members = {
        statement_key(title): sorted(
            _text(m.get("text", "")) for m in s["members"] if not m.get("isReference") and _text(m.get("text", ""))
        )
        for title, s in statements.items()
    }
    pcs = {
        argument_key(title): [(step["role"], _text(step.get("text", ""))) for step in a["pcs"]]
        for title, a in arguments.items()
    }
    relations = sorted(
        {
            (r["relationType"], key(r["from"], r["fromType"]), r["fromType"], key(r["to"], r["toType"]), r["toType"])
            for r in doc.get("relations", [])
        }
    )
    out: dict[str, Any] = {
        "statements": sorted(members),
        "members": members,
        "arguments": sorted(pcs),
        "pcs": pcs,
        "relations": relations,
    }
    if detail:
        out["tags"] = {statement_key(t): sorted(s.get("tags", [])) for t, s in statements.items()}
        out["tags"].update({"<" + argument_key(t) + ">": sorted(a.get("tags", [])) for t, a in arguments.items()})
        out["data"] = {statement_key(t): s.get("data", {}) for t, s in statements.items()}
        out["data"].update({"<" + argument_key(t) + ">": a.get("data", {}) for t, a in arguments.items()})
        out["descriptions"] = {
            argument_key(t): sorted(_text(m.get("text", "")) for m in a["members"] if _text(m.get("text", "")))
            for t, a in arguments.items()
        }

        def sections(items: list[dict[str, Any]], depth: int = 0) -> list[tuple[int, str, int]]:
            flat: list[tuple[int, str, int]] = []
            stack = [(depth, s) for s in reversed(items)]
            while stack:
                d, s = stack.pop()
                flat.append((d, s["title"], s["level"]))
                stack.extend((d + 1, c) for c in reversed(s.get("children", [])))
            return flat

        out["sections"] = sections(doc.get("sections", []))
    return out


def summary(amap: ArgumentMap, detail: bool = True) -> dict[str, Any]:
    """:func:`normalise` of argmap's own Argdown JSON for ``amap``."""
    from argmap.interchange.argdown_json import to_argdown_json

    return normalise(to_argdown_json(amap), detail)


def differences(a: ArgumentMap, b: ArgumentMap, detail: bool = True) -> list[str]:
    """What differs in meaning between two maps (empty: the same map)."""
    left, right = summary(a, detail), summary(b, detail)
    out: list[str] = []
    for part in left:
        if left[part] != right[part]:
            if isinstance(left[part], dict):
                keys = sorted(k for k in set(left[part]) | set(right[part]) if left[part].get(k) != right[part].get(k))
                out.append(f"{part} differ for {', '.join(map(str, keys[:3]))}")
            else:
                only = sorted(set(map(str, left[part])) ^ set(map(str, right[part])))
                out.append(f"{part} differ: {', '.join(only[:3])}")
    return out
