"""The language features, as functions from a :class:`~argmap.lsp.document.Document` and a
position to the protocol's records (``lsprotocol.types``)."""

from __future__ import annotations

import re

from lsprotocol import types as lsp

from argmap.diagnostics import Diagnostic, Severity
from argmap.lsp.document import Document, Occurrence, code_point_column, utf16_column
from argmap.model import Argument, Span, Statement

SOURCE = "argmap"
_SEVERITIES = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}
SUGGESTION = re.compile(r"did you mean ([\[<].+[\]>])\?$")
DUPLICATE = re.compile(r"the same text as (\[.+\])$")
UNKNOWN = re.compile(r"(?:unknown statement |argument |mention of unknown )([\[<].+?[\]>])")
RELATION_SYMBOLS = {
    "+": "this supports the element above",
    "-": "this attacks the element above",
    "_": "this undercuts the argument above",
    "<+": "this supports the element above (as +)",
    "<-": "this attacks the element above (as -)",
    "<_": "this undercuts the argument above (as _)",
    "+>": "the element above supports this",
    "->": "the element above attacks this",
    "_>": "the element above undercuts this argument",
    "><": "this contradicts the statement above",
}
"""Relation symbols offered at the start of a line, with what each says."""


def position_range(document: Document, line: int, start: int, end: int, end_line: int | None = None) -> lsp.Range:
    """A protocol range from 0-based code-point columns."""
    last = line if end_line is None else end_line
    return lsp.Range(
        lsp.Position(line, utf16_column(_line(document, line), start)),
        lsp.Position(last, utf16_column(_line(document, last), end)),
    )


def span_range(document: Document, span: Span | None) -> lsp.Range:
    """The range of a 1-based, end-inclusive span (the start of the file for none)."""
    if span is None:
        return lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0))
    return position_range(document, span.line - 1, span.col - 1, span.end_col, span.end_line - 1)


def occurrence_range(document: Document, occurrence: Occurrence, inner: bool = False) -> lsp.Range:
    if inner:
        return position_range(document, occurrence.line, occurrence.title_start, occurrence.title_end)
    return position_range(document, occurrence.line, occurrence.start, occurrence.end)


def cursor(document: Document, position: lsp.Position) -> tuple[int, int]:
    """The 0-based line and code-point column of a protocol position."""
    return position.line, code_point_column(_line(document, position.line), position.character)


def _line(document: Document, line: int) -> str:
    return document.lines[line] if 0 <= line < len(document.lines) else ""


# Diagnostics


def diagnostics(document: Document) -> list[lsp.Diagnostic]:
    """Every diagnostic of the document, with related places for did-you-mean and duplicates."""
    return [_diagnostic(document, d) for d in document.diagnostics if d.span is None or document.in_file(d.span)]


def _diagnostic(document: Document, found: Diagnostic) -> lsp.Diagnostic:
    message = found.message if not found.hint else f"{found.message}\nhint: {found.hint}"
    return lsp.Diagnostic(
        range=_placed(document, found),
        message=message,
        severity=_SEVERITIES[found.severity],
        code=found.code,
        source=SOURCE,
        related_information=_related(document, found) or None,
    )


def _placed(document: Document, found: Diagnostic) -> lsp.Range:
    """The diagnostic's range; for one about an unknown title whose span does not start on
    that title (the parser's mention spans can be off), the place the title is written on
    the span's line."""
    span = found.span
    named = UNKNOWN.search(found.message)
    if span is not None and named is not None:
        on_line = [o for o in document.by_line.get(span.line - 1, ()) if o.node == named.group(1)]
        if on_line and not any(o.start == span.col - 1 for o in on_line):
            return occurrence_range(document, on_line[0])
    return span_range(document, span)


def _related(document: Document, found: Diagnostic) -> list[lsp.DiagnosticRelatedInformation]:
    related = []
    for pattern, what in ((SUGGESTION, "did you mean this one?"), (DUPLICATE, "the same text, defined first here")):
        match = pattern.search(found.message)
        if match is None:
            continue
        for occurrence in document.definitions_of(match.group(1))[:1]:
            location = lsp.Location(document.uri, occurrence_range(document, occurrence))
            related.append(lsp.DiagnosticRelatedInformation(location, f"{match.group(1)}: {what}"))
    return related


# Hover, definition, references, rename


def hover(document: Document, position: lsp.Position) -> lsp.Hover | None:
    """The text, tags, quote and paragraph, grounded label and reason counts of the title under the cursor."""
    from argmap import queries
    from argmap.views.tree import node_facts

    occurrence = document.at(*cursor(document, position))
    if occurrence is None or occurrence.node not in document.amap.graph:
        return None
    node = occurrence.node
    kind, _, text, tags, quote, para, _, _ = node_facts(document.amap, node)
    lines = [f"**{_escape(node)}** ({kind})", ""]
    lines.append(_escape(text) if text else "_no text_")
    if tags:
        lines += ["", "tags: " + ", ".join(f"#{_escape(t)}" for t in tags)]
    if quote is not None:
        where = f" (paragraph {_escape(str(para))})" if para is not None else ""
        lines += ["", f"quote{where}: “{_escape(quote)}”"]
    elif para is not None:
        lines += ["", f"paragraph {_escape(str(para))}"]
    label = document.labels.get(node)
    supporters = len(queries.supporters(document.amap, node))
    attackers = len(queries.attackers(document.amap, node))
    counts = f"{supporters} supporter{'s' * (supporters != 1)}, {attackers} attacker{'s' * (attackers != 1)}"
    lines += ["", f"grounded: {label or 'not evaluated'} · {counts}"]
    return lsp.Hover(
        contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value="\n".join(lines)),
        range=occurrence_range(document, occurrence),
    )


def _escape(text: str) -> str:
    """The user's text shown literally in Markdown: every punctuation mark backslash-escaped."""
    return re.sub(r"([\\`*_{}\[\]()<>#+\-.!|~])", r"\\\1", text)


def definition(document: Document, position: lsp.Position) -> list[lsp.Location]:
    occurrence = document.at(*cursor(document, position))
    if occurrence is None:
        return []
    return [lsp.Location(document.uri, occurrence_range(document, o)) for o in document.definitions_of(occurrence.node)]


def references(document: Document, position: lsp.Position, include_declaration: bool) -> list[lsp.Location]:
    occurrence = document.at(*cursor(document, position))
    if occurrence is None:
        return []
    return [
        lsp.Location(document.uri, occurrence_range(document, o))
        for o in document.occurrences_of(occurrence.node)
        if include_declaration or not o.definition
    ]


class RenameRefused(ValueError):
    """A rename that would merge two claims or make a title the parser cannot read."""


def prepare_rename(document: Document, position: lsp.Position) -> lsp.Range | None:
    occurrence = document.at(*cursor(document, position))
    return None if occurrence is None else occurrence_range(document, occurrence, inner=True)


def rename(document: Document, position: lsp.Position, new_name: str) -> lsp.WorkspaceEdit | None:
    """Every occurrence of the title under the cursor renamed; refuses an existing title."""
    occurrence = document.at(*cursor(document, position))
    if occurrence is None:
        return None
    node = occurrence.node
    opening, closing = node[0], node[-1]
    title = new_name.strip()
    if len(title) >= 2 and title[0] == opening and title[-1] == closing:
        title = title[1:-1].strip()
    if not title or any(c in title for c in "[]<>\n"):
        raise RenameRefused(f"'{new_name}' is not a title: it must be non-empty, without brackets or line breaks")
    new_node = opening + title + closing
    if new_node == node:
        return lsp.WorkspaceEdit(changes={document.uri: []})
    if new_node in document.amap.graph:
        raise RenameRefused(f"{new_node} already exists; renaming {node} to it would merge the two")
    edits = [lsp.TextEdit(occurrence_range(document, o, inner=True), title) for o in document.occurrences_of(node)]
    return lsp.WorkspaceEdit(changes={document.uri: edits})


# Completion


def _summary(record: Statement | Argument) -> str:
    text = record.text if isinstance(record, Statement) else record.description
    return text[:80]


_AFTER_BRACKET = re.compile(r"(@?)([\[<])([^\[\]<>]*)$")
_AFTER_HASH = re.compile(r"(?:^|\s)#([\w-]*)$")


def completion(document: Document, position: lsp.Position) -> list[lsp.CompletionItem]:
    """Titles after ``[``, ``<``, ``@[``, ``@<``; tags after ``#``; relation symbols at a line's start."""
    line, column = cursor(document, position)
    text = _line(document, line)
    before, after = text[:column], text[column:]
    bracket = _AFTER_BRACKET.search(before)
    if bracket is not None:
        opening, typed = bracket.group(2), bracket.group(3)
        closing = "]" if opening == "[" else ">"
        # Inside a title already closed, the completion replaces it up to its closing bracket.
        rest = re.match(r"[^\[\]<>]*" + re.escape(closing), after)
        end = column + len(rest.group(0)) if rest is not None else column
        edit_range = position_range(document, line, column - len(typed), end)
        records = document.amap.statements if opening == "[" else document.amap.arguments
        kind = lsp.CompletionItemKind.Constant if opening == "[" else lsp.CompletionItemKind.Function
        return [
            lsp.CompletionItem(
                label=title,
                kind=kind,
                detail=_summary(record) or None,
                text_edit=lsp.TextEdit(edit_range, title + closing),
                filter_text=title,
            )
            for title, record in records.items()
            if not record.is_untitled
        ]
    tag = _AFTER_HASH.search(before)
    if tag is not None:
        typed = tag.group(1)
        edit_range = position_range(document, line, column - len(typed), column)
        tags = sorted({t for s in document.amap.statements.values() for t in s.tags})
        tags = sorted({*tags, *(t for a in document.amap.arguments.values() for t in a.tags)})
        return [
            lsp.CompletionItem(label=t, kind=lsp.CompletionItemKind.Keyword, text_edit=lsp.TextEdit(edit_range, t))
            for t in tags
            if " " not in t
        ]
    if not before.strip() or set(before.strip()) <= set("+-_<>"):
        typed = before.lstrip()
        edit_range = position_range(document, line, column - len(typed), column)
        return [
            lsp.CompletionItem(
                label=symbol,
                kind=lsp.CompletionItemKind.Operator,
                detail=meaning,
                text_edit=lsp.TextEdit(edit_range, symbol + " "),
            )
            for symbol, meaning in RELATION_SYMBOLS.items()
            if symbol.startswith(typed)
        ]
    return []
