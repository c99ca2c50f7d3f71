"""YAML data in Argdown: ``{key: value}`` blocks of elements, headings and inferences,
and the front matter; finding where a data block starts and ends.

The loaders here are safe ones, turn what YAML can make into values JSON can hold, and
stay within bounds on hostile input (see :func:`load_yaml`).
"""

from __future__ import annotations

import base64
import datetime
from typing import Any

import yaml

MAX_YAML_CHARS = 1_000_000
"""Longer data blocks are refused: a YAML parser on megabytes of nesting is a denial of service."""


def _loader_without_timestamps(base: Any) -> Any:
    """``base`` without YAML's implicit timestamps: ``{date: 2016-09-19}`` keeps the date
    as the text written, a string every export format can hold."""

    class DataLoader(base):  # type: ignore[misc]
        pass

    DataLoader.yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return DataLoader


# libyaml's loader when PyYAML was built with it (its wheels are) is several times
# faster than the pure-Python one, and YAML is most of what parsing a map with data
# costs.  But libyaml's composer recurses in C without a limit: 50,000 nested "[" crash
# the process.  So it only gets texts too short to nest that deep (tested safe at 10,000
# levels); longer ones go to the Python loader, which raises RecursionError instead.
_FAST_LOADER = _loader_without_timestamps(getattr(yaml, "CSafeLoader", yaml.SafeLoader))
_SAFE_LOADER = _loader_without_timestamps(yaml.SafeLoader)
FAST_YAML_MAX_CHARS = 2_000


def load_yaml(source: str) -> Any:
    """Parse a YAML data block or front matter into values JSON can hold.

    Dates stay text (see :func:`_loader_without_timestamps`); what only an explicit tag
    makes is turned into its nearest JSON value: ``!!timestamp`` into ISO 8601 text,
    ``!!binary`` into base64 text, ``!!set`` into a sorted list; mapping keys become
    strings.  So every writer (Argdown JSON, argmap JSON, AIF, GraphML...) can write any
    map.  Too deep a nesting raises RecursionError, never crashes."""
    loader = _FAST_LOADER if len(source) <= FAST_YAML_MAX_CHARS else _SAFE_LOADER
    return json_value(yaml.load(source, Loader=loader))  # a SafeLoader: no Python objects


def json_value(value: Any) -> Any:
    """``value`` (as YAML made it) as the nearest value JSON can hold (see :func:`load_yaml`)."""
    if isinstance(value, dict):
        return {(k if isinstance(k, str) else str(k)): json_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_value(v) for v in value]
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, (set, frozenset)):
        return sorted((json_value(v) for v in value), key=repr)
    if isinstance(value, tuple):
        return [json_value(v) for v in value]
    return value


def matching_brace(text: str, start: int) -> int:
    """Index of the ``}`` that closes the ``{`` at ``start``, outside YAML quotes (-1 if none)."""
    depth = 0
    quote = ""
    i = start
    n = len(text)
    while i < n:
        ch = text[i]
        if quote:
            if ch == "\\" and quote == '"':
                i += 2
                continue
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            # Apostrophes inside words are not YAML quotes.
            if ch == '"' or (i == 0 or not text[i - 1].isalnum()):
                quote = ch
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def open_brace(lines: list[str]) -> bool:
    """True while an element's text has a ``{`` data block that is not closed yet."""
    if len(lines) == 1 and "{" not in lines[0]:
        return False
    text = "\n".join(lines)
    brace = data_brace(text)
    return brace != -1 and matching_brace(text, brace) == -1


def data_brace(text: str) -> int:
    """Index of the first ``{`` that is not escaped as ``\\{`` (-1 if none)."""
    brace = text.find("{")
    while brace > 0 and text[brace - 1] == "\\":
        backslashes = len(text[:brace]) - len(text[:brace].rstrip("\\"))
        if backslashes % 2 == 0:
            break
        brace = text.find("{", brace + 1)
    return brace
