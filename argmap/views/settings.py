"""Argdown's drawing settings from the front matter, as far as argmap's drawings follow them.

Argdown reads these settings for its maps (see its guide, "Creating statement and argument
nodes" and "Creating group nodes"), and so does :func:`argmap.views.graphviz.build_drawing`:

* ``color.tagColors``: a colour per tag; a node is filled with the colour of its first
  tag that has one;
* ``map.statementLabelMode`` and ``map.argumentLabelMode``: ``hide-untitled`` (the
  default: title and text, no title for an untitled node), ``title`` or ``text``;
* ``group.groupDepth``: only the lowest N levels of headings become clusters (a heading
  of level L is not one when ``L <= deepest level - N``).  Without the setting every
  heading is a cluster, as argmap always drew them;
* ``selection.excludeDisconnected``: ``true`` leaves out claims with no relation at all.
  argmap draws them unless the setting asks otherwise (Argdown leaves them out by default).

Every other setting under these keys (and ``dot``) is named in an AM209 warning.

>>> import argmap
>>> amap, _ = argmap.loads("===\\nmap:\\n  statementLabelMode: text\\n  addTags: true\\n===\\n\\n[A]: a.")
>>> settings, said = drawing_settings(amap)
>>> settings.statement_label_mode, [d.code for d in said]
('text', ['AM209'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from argmap.diagnostics import Diagnostic
from argmap.model import ArgumentMap
from argmap.rules.structure import unsupported_drawing_setting

LABEL_MODES = ("hide-untitled", "title", "text")
DRAWING_FAMILIES = ("color", "map", "group", "selection", "dot")
_COLOUR = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?|[a-zA-Z]{3,20}")


@dataclass
class DrawingSettings:
    """What the front matter asks of a drawing (the defaults draw as argmap always has)."""

    tag_colors: dict[str, str] = field(default_factory=dict)
    statement_label_mode: str = "hide-untitled"
    argument_label_mode: str = "hide-untitled"
    group_depth: int | None = None
    exclude_disconnected: bool = False


def drawing_settings(amap: ArgumentMap) -> tuple[DrawingSettings, list[Diagnostic]]:
    """The map's drawing settings, and an AM209 warning naming each one that is not followed."""
    settings = DrawingSettings()
    ignored: list[str] = []
    front = amap.frontmatter
    for family in DRAWING_FAMILIES:
        if family not in front:
            continue
        values = front[family]
        if not isinstance(values, dict):
            ignored.append(family)
            continue
        for key, value in values.items():
            name = f"{family}.{key}"
            if not _apply(settings, name, value):
                ignored.append(name)
    said = []
    if ignored:
        names = ", ".join(ignored)
        said.append(
            unsupported_drawing_setting(
                f"argmap's drawings ignore the front-matter setting{'s' if len(ignored) > 1 else ''} {names}",
                None,
                "argmap rules AM209 lists the settings it follows",
            )
        )
    return settings, said


def _apply(settings: DrawingSettings, name: str, value: Any) -> bool:
    """Set ``name`` from ``value``; False when argmap does not follow it (or the value is not Argdown's)."""
    if name == "color.tagColors":
        if not isinstance(value, dict) or not all(
            isinstance(c, str) and _COLOUR.fullmatch(c.strip()) for c in value.values()
        ):
            return False
        settings.tag_colors = {str(tag): str(colour).strip() for tag, colour in value.items()}
        return True
    if name in ("map.statementLabelMode", "map.argumentLabelMode"):
        if value not in LABEL_MODES:
            return False
        if name == "map.statementLabelMode":
            settings.statement_label_mode = value
        else:
            settings.argument_label_mode = value
        return True
    if name == "group.groupDepth":
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            return False
        settings.group_depth = value
        return True
    if name == "selection.excludeDisconnected":
        if not isinstance(value, bool):
            return False
        settings.exclude_disconnected = value
        return True
    return False
