"""The document's shape and mechanical edits: symbols, folding ranges, formatting, code actions."""

from __future__ import annotations

from lsprotocol import types as lsp

from argmap.lsp.document import Document
from argmap.lsp.features import SUGGESTION, UNKNOWN, occurrence_range, position_range, span_range
from argmap.model import Section
from argmap.rules.syntax import AM019


def _section_ends(document: Document) -> dict[str, int]:
    """The last line (0-based) of each section: the line before the next heading of the same or a higher level."""
    sections = sorted(document.amap.sections.values(), key=lambda s: s.span.line)
    last = max(len(document.lines) - 1, 0)
    ends: dict[str, int] = {}
    for index, section in enumerate(sections):
        end = last
        for later in sections[index + 1 :]:
            if later.level <= section.level:
                end = later.span.line - 2
                break
        while end > section.span.line - 1 and not _line(document, end).strip():
            end -= 1
        ends[section.id] = end
    return ends


def _line(document: Document, line: int) -> str:
    return document.lines[line] if 0 <= line < len(document.lines) else ""


def symbols(document: Document) -> list[lsp.DocumentSymbol]:
    """Sections (nested by level) holding the statements and arguments defined in them."""
    ends = _section_ends(document)
    made: dict[str, lsp.DocumentSymbol] = {}
    children: dict[str, list[lsp.DocumentSymbol]] = {}
    top: list[lsp.DocumentSymbol] = []
    for section in sorted(document.amap.sections.values(), key=lambda s: s.span.line):
        symbol = _section_symbol(document, section, ends[section.id])
        made[section.id] = symbol
        children[section.id] = []
        children.get(section.parent or "", top).append(symbol)
    seen: set[str] = set()
    for occurrence in document.occurrences:
        if not occurrence.definition or occurrence.node in seen:
            continue
        seen.add(occurrence.node)
        record = document.amap.record(occurrence.node)
        member = next((m for m in record.members if not m.is_reference and m.span.line - 1 == occurrence.line), None)
        if member is None:
            continue
        is_statement = occurrence.node.startswith("[")
        symbol = lsp.DocumentSymbol(
            name=occurrence.node,
            detail=(member.text[:80] or None),
            kind=lsp.SymbolKind.Constant if is_statement else lsp.SymbolKind.Function,
            range=span_range(document, member.span),
            selection_range=occurrence_range(document, occurrence),
        )
        children.get(member.section or "", top).append(symbol)
    for section_id, symbol in made.items():
        symbol.children = children[section_id]
    return top


def _section_symbol(document: Document, section: Section, end: int) -> lsp.DocumentSymbol:
    heading = section.span.line - 1
    return lsp.DocumentSymbol(
        name=section.title or "(untitled section)",
        kind=lsp.SymbolKind.Namespace,
        range=position_range(document, heading, 0, len(_line(document, end)), end),
        selection_range=span_range(document, section.span),
    )


def folding_ranges(document: Document) -> list[lsp.FoldingRange]:
    """Sections, and every block of two or more non-blank lines (a relation tree, a PCS, front matter)."""
    ends = _section_ends(document)
    found = [
        lsp.FoldingRange(start_line=s.span.line - 1, end_line=ends[s.id], kind=lsp.FoldingRangeKind.Region)
        for s in document.amap.sections.values()
        if ends[s.id] > s.span.line - 1
    ]
    start: int | None = None
    for number, text in enumerate([*document.lines, ""]):
        blank = not text.strip() or text.lstrip().startswith("#")
        if not blank and start is None:
            start = number
        elif blank and start is not None:
            if number - 1 > start:
                found.append(lsp.FoldingRange(start_line=start, end_line=number - 1))
            start = None
    return found


def formatting(document: Document) -> list[lsp.TextEdit] | str:
    """The whole text replaced by ``argmap fmt``'s layout; the refusal's message when it refuses."""
    from argmap.argdown.fmt import format_text

    result = format_text(document.text, document.name)
    if result.refusal is not None:
        return result.refusal.message
    if not result.changed:
        return []
    last = len(document.lines)
    whole = lsp.Range(lsp.Position(0, 0), lsp.Position(last, 0))
    return [lsp.TextEdit(whole, result.text)]


def code_actions(document: Document, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
    """Quick fixes: an unknown title replaced by the suggested one; the missing empty line after front matter."""
    actions: list[lsp.CodeAction] = []
    for found in params.context.diagnostics:
        if found.source != "argmap":
            continue
        fix = _fix(document, found)
        if fix is not None:
            title, edit = fix
            actions.append(
                lsp.CodeAction(
                    title=title,
                    kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=[found],
                    is_preferred=True,
                    edit=lsp.WorkspaceEdit(changes={document.uri: [edit]}),
                )
            )
    return actions


def _fix(document: Document, found: lsp.Diagnostic) -> tuple[str, lsp.TextEdit] | None:
    first_line = found.message.split("\n", 1)[0]
    if found.code == AM019.code:
        line = found.range.start.line
        return "Insert the empty line after the front matter", lsp.TextEdit(
            lsp.Range(lsp.Position(line, 0), lsp.Position(line, 0)), "\n"
        )
    suggestion = SUGGESTION.search(first_line)
    unknown = UNKNOWN.search(first_line)
    if suggestion is None or unknown is None:
        return None
    wrong, right = unknown.group(1), suggestion.group(1)
    line = found.range.start.line
    for occurrence in document.by_line.get(line, ()):
        if occurrence.node == wrong:
            edit = lsp.TextEdit(occurrence_range(document, occurrence, inner=True), right[1:-1])
            return f"Replace {wrong} by {right}", edit
    text = _line(document, line)
    at = text.find(wrong)
    if at < 0:
        return None
    edit = lsp.TextEdit(position_range(document, line, at + 1, at + len(wrong) - 1), right[1:-1])
    return f"Replace {wrong} by {right}", edit
