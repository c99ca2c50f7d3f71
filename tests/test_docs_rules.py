"""docs/rules.md lists every registered code with the rule's own texts: its "All codes"
part is made from the registry, so it cannot fall behind (ARGMAP_UPDATE_GOLDEN=1 rewrites it)."""

from __future__ import annotations

import importlib
import inspect
import os
from pathlib import Path

from argmap.rules import registered
from argmap.rules.registry import FAMILIES

DOC = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
HEADING = "## All codes"


def _anchor(code: str, name: str) -> str:
    return f"{code}-{name}".lower()


def all_codes() -> str:
    """The part of docs/rules.md from "## All codes" to the end."""
    rules = registered()
    out = [HEADING, "", "| code | severity | summary |", "| --- | --- | --- |"]
    out += [f"| [{r.code}](#{_anchor(r.code, r.name)}) | {r.severity} | {r.summary} |" for r in rules.values()]
    for prefix, family in FAMILIES.items():
        module = importlib.import_module(f"argmap.rules.{family}")
        intro = inspect.cleandoc(module.__doc__ or "").replace("\n", " ")
        out += ["", f"## {family.capitalize()} ({prefix}xx)", "", f"Module: `argmap/rules/{family}.py`. {intro}"]
        for rule in rules.values():
            if rule.family != family:
                continue
            out += ["", f"### {rule.code} {rule.name}", "", f"**{rule.severity}.** {rule.summary}"]
            if rule.explanation:
                out += ["", rule.explanation]
    return "\n".join(out) + "\n"


def test_docs_rules_lists_every_code_as_the_registry_has_it() -> None:
    text = DOC.read_text("utf-8")
    head = text[: text.index(HEADING)]
    expected = head + all_codes()
    if os.environ.get("ARGMAP_UPDATE_GOLDEN"):
        DOC.write_text(expected, "utf-8")
    assert text == expected, "docs/rules.md is behind the registry: run with ARGMAP_UPDATE_GOLDEN=1"
