"""The shapes of argmap's JSON outputs, as JSON Schema documents shipped with the package.

Every command's ``--json`` prints one object whose ``"schema"`` field names its shape
and version (``"argmap:tree/1"``); ``argmap schema NAME`` prints the document that
describes it.  A shape changes its version when a field is removed or changes meaning;
new optional fields keep it.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

VERSION = 1

COMMANDS: dict[str, str] = {
    "show": "tree",
    "why": "tree",
    "find": "claims",
    "list": "claims",
    "validate": "diagnostics",
    "rules": "rules",
    "eval": "evaluation",
    "eval FILE": "framework-evaluation",
    "what-if": "what-if",
    "cruxes": "cruxes",
    "convert": "conversion",
    "fmt": "formatting",
    "diff": "diff",
    "strength": "strength",
}
"""Which shape each command's ``--json`` prints."""


def schema_id(name: str) -> str:
    """``argmap:NAME/VERSION``, the value of the ``"schema"`` field of that shape."""
    return f"argmap:{name}/{VERSION}"


def stamped(name: str, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with its ``"schema"`` field first."""
    return {"schema": schema_id(name), **data}


def names() -> list[str]:
    """The shapes argmap prints, by name."""
    folder = resources.files(__name__)
    return sorted(p.name.removesuffix(".json") for p in folder.iterdir() if p.name.endswith(".json"))


@cache
def schema(name: str) -> dict[str, Any]:
    """The JSON Schema document of the shape ``name``.  Raises :class:`KeyError` for an unknown one."""
    if name not in names():
        raise KeyError(name)
    document: dict[str, Any] = json.loads(resources.files(__name__).joinpath(f"{name}.json").read_text("utf-8"))
    return document
