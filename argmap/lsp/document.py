"""One Argdown document as the language server sees it: the map, its diagnostics, and
where every title occurs in the text.

Positions here are 0-based lines and 0-based code-point columns; the protocol's UTF-16
columns are made from them in :mod:`argmap.lsp.features`.  Titles are located from the
members' spans (each starts at a definition's or reference's opening bracket) and
mentions (``@[Title]``, ``@<Title>``) are found in the text itself, so the server needs
nothing from the parser beyond the spans it already gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter
from typing import NamedTuple

from argmap.diagnostics import Diagnostic
from argmap.model import Argument, ArgumentMap, Span, Statement

_MENTION = re.compile(r"@(\[[^\]\n]+\]|<[^>\n]+>)")


class Occurrence(NamedTuple):
    """A title in the text: ``node`` is ``[Title]`` or ``<Title>``; ``start`` is the column
    of the opening bracket and ``end`` the column after the closing one.  A named tuple:
    a document of a thousand statements has thousands, remade after every pause in typing."""

    node: str
    line: int
    start: int
    end: int
    definition: bool = False
    mention: bool = False

    @property
    def title_start(self) -> int:
        return self.start + 1

    @property
    def title_end(self) -> int:
        return self.end - 1

    def contains(self, line: int, column: int) -> bool:
        """Whether the cursor at ``column`` touches the title (either edge counts, as editors place it)."""
        start = self.start - 1 if self.mention else self.start
        return line == self.line and start <= column <= self.end


@dataclass
class Document:
    """A parsed version of a document; build with :func:`read_document`."""

    uri: str
    name: str
    """The file name the diagnostics' spans carry."""
    text: str
    amap: ArgumentMap
    diagnostics: list[Diagnostic]
    lines: list[str]
    occurrences: list[Occurrence] = field(default_factory=list)
    by_line: dict[int, list[Occurrence]] = field(default_factory=dict)

    def at(self, line: int, column: int) -> Occurrence | None:
        """The title under the cursor, if any."""
        for occurrence in self.by_line.get(line, ()):
            if occurrence.contains(line, column):
                return occurrence
        return None

    def occurrences_of(self, node: str) -> list[Occurrence]:
        return [o for o in self.occurrences if o.node == node]

    def definitions_of(self, node: str) -> list[Occurrence]:
        """Where ``node`` is defined; its first use when it is only ever referenced."""
        found = self.occurrences_of(node)
        defined = [o for o in found if o.definition]
        return defined or found[:1]

    @cached_property
    def labels(self) -> dict[str, str]:
        """Grounded labels, computed on the first hover of this version."""
        from argmap.semantics import label_map

        try:
            labels: dict[str, str] = label_map(self.amap)
        except Exception:  # a failing analysis must not stop a hover
            return {}
        return labels

    def in_file(self, span: Span | None) -> bool:
        return span is not None and span.file == self.name


def read_document(uri: str, text: str, name: str) -> Document:
    """Parse and lint ``text`` (named ``name`` in diagnostics) and index its titles."""
    from argmap.api import loads

    amap, diagnostics = loads(text, name, format="argdown")
    lines = text.splitlines()
    document = Document(uri, name, text, amap, diagnostics, lines)
    occurrences = _member_occurrences(amap, lines) + _mention_occurrences(amap, lines)
    occurrences.sort(key=itemgetter(1, 2))  # line, start
    document.occurrences = occurrences
    for occurrence in occurrences:
        document.by_line.setdefault(occurrence.line, []).append(occurrence)
    return document


def _member_occurrences(amap: ArgumentMap, lines: list[str]) -> list[Occurrence]:
    found: list[Occurrence] = []
    records: list[Statement | Argument] = [*amap.statements.values(), *amap.arguments.values()]
    for record in records:
        if record.is_untitled:
            continue
        for member in record.members:
            located = _bracketed(lines, member.span, record.node)
            if located is not None:
                line, start, end = located
                found.append(Occurrence(record.node, line, start, end, not member.is_reference))
    return found


def _bracketed(lines: list[str], span: Span, node: str) -> tuple[int, int, int] | None:
    """The place of ``node`` (``[Title]`` or ``<Title>``) at the start of ``span``."""
    line = span.line - 1
    if not 0 <= line < len(lines):
        return None
    text = lines[line]
    start = span.col - 1
    if text.startswith(node, start):
        return line, start, start + len(node)
    if start < len(text) and text[start] == node[0]:
        # The title as written differs from the normalised one (spacing): up to the closing bracket.
        close = text.find(node[-1], start + 1)
        if close > start:
            return line, start, close + 1
    return None


def _mention_occurrences(amap: ArgumentMap, lines: list[str]) -> list[Occurrence]:
    if not amap.mentions:
        return []
    mentioned = {node for node, _ in amap.mentions}
    found: list[Occurrence] = []
    for number, text in enumerate(lines):
        if "@" not in text:
            continue
        for match in _MENTION.finditer(text):
            node = match.group(1)
            inner = node[1:-1].strip()
            node = node[0] + inner + node[-1]
            if node in mentioned:
                found.append(Occurrence(node, number, match.start(1), match.end(1), False, True))
    return found


def utf16_column(text: str, column: int) -> int:
    """The UTF-16 column (the protocol's default) of code-point ``column`` in a line."""
    prefix = text[:column]
    if prefix.isascii():
        return len(prefix)
    return len(prefix.encode("utf-16-le")) // 2


def code_point_column(text: str, column: int) -> int:
    """The code-point column of the protocol's UTF-16 ``column`` in a line."""
    if text.isascii():
        return column
    units = 0
    for index, char in enumerate(text):
        if units >= column:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(text)
