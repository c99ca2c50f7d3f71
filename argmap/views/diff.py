"""A map diff for people: coloured text for the terminal and Markdown for a pull request.

Both are written from one list of lines (:func:`diff_lines`) whose pieces say what
they are (the user's words, an id, added or removed words, a label), so the two
outputs say the same; :func:`diff_text` styles the pieces with the palette and
:func:`diff_markdown` escapes the user's text so it comes out literally.  Colour is
never the only carrier: added and removed words are also bracketed ``{+...+}`` and
``[-...-]``, as ``git diff --word-diff`` writes them.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from argmap.diff.records import Cause, FieldChange, ItemsDiff, MapDiff, RelationRef
from argmap.views import palette

if TYPE_CHECKING:
    from rich.console import RenderableType

Piece = tuple[str, str]
"""(kind, text): kind is ``plain``, ``heading``, ``mark``, ``id``, ``user``, ``added``, ``removed`` or a label."""
Line = list[Piece]

VERBS = {
    "support": "supports",
    "attack": "attacks",
    "undercut": "undercuts",
    "contradiction": "contradicts",
    "entails": "entails",
    "contrary": "is contrary to",
}
_LABEL_MARKS = {"IN": "✔", "OUT": "✘", "UNDEC": "?"}
_FIELD_NAMES = {
    "text": "text",
    "description": "description",
    "tags": "tags",
    "data": "data",
    "quote": "quote",
    "section": "section",
    "premises": "premises",
    "order": "premise order",
    "conclusion": "conclusion",
    "intermediary": "intermediary conclusions",
    "inference": "inference rules",
}


def diff_lines(diff: MapDiff) -> list[Line]:
    """The diff as lines of typed pieces, in the order the views print them."""
    lines: list[Line] = [
        [("plain", "argmap diff "), ("user", diff.old_name), ("plain", " → "), ("user", diff.new_name)]
    ]
    if not diff:
        lines.append([("plain", "No change in meaning.")])
        return lines
    for title, items in (("Statements", diff.statements), ("Arguments", diff.arguments)):
        if items:
            lines.append([("heading", title)])
            lines.extend(_item_lines(items))
    if diff.relations:
        lines.append([("heading", "Relations")])
        for ref in diff.relations.added:
            lines.append([("mark", "+ "), *_relation(ref)])
        for ref in diff.relations.removed:
            lines.append([("mark", "- "), *_relation(ref)])
        for change in diff.relations.changed:
            lines.append(
                [
                    ("mark", "~ "),
                    ("id", change.source),
                    ("plain", " → "),
                    ("id", change.target),
                    ("plain", f": {', '.join(change.before)} → {', '.join(change.after)}"),
                ]
            )
    if diff.labels:
        lines.append([("heading", "Labels (grounded)")])
        for label in diff.labels:
            lines.append([("mark", "~ "), ("id", label.id), ("plain", " "), *_label(label.before, label.after)])
            for cause in label.because:
                lines.append([("plain", "    because "), *_cause(cause)])
    return lines


def _item_lines(items: ItemsDiff) -> list[Line]:
    lines: list[Line] = []
    for item in items.added:
        lines.append([("mark", "+ "), ("id", item.id), *([("plain", ": "), ("user", item.text)] if item.text else [])])
    for item in items.removed:
        lines.append([("mark", "- "), ("id", item.id), *([("plain", ": "), ("user", item.text)] if item.text else [])])
    for rename in items.renamed:
        lines.append([("mark", "~ "), ("id", rename.old_id), ("plain", " renamed "), ("id", rename.new_id)])
    for change in items.changed:
        lines.append([("mark", "~ "), ("id", change.id)])
        for field in change.fields:
            lines.append([("plain", f"    {_FIELD_NAMES.get(field.field, field.field)}: "), *_field(field)])
    return lines


def _field(field: FieldChange) -> Line:
    if field.words:
        return _words(field)
    if field.field in ("tags", "premises"):
        mark = "#" if field.field == "tags" else ""
        pieces: Line = []
        for word, kind, names in (("added", "added", field.added), ("removed", "removed", field.removed)):
            if names:
                pieces.append(("plain", ("; " if pieces else "") + word + " "))
                pieces.extend(_joined([(kind, mark + name) for name in names]))
        return pieces
    return [("removed", _show(field.before)), ("plain", " → "), ("added", _show(field.after))]


def _words(field: FieldChange) -> Line:
    pieces: Line = []
    for i, word in enumerate(field.words):
        if i:
            pieces.append(("plain", " "))
        pieces.append(({"=": "user", "-": "removed", "+": "added"}[word.op], word.text))
    if field.field == "quote":
        pieces.append(("plain", f" (¶{_show(field.before.get('para'))} → ¶{_show(field.after.get('para'))})"))
    return pieces


def _joined(pieces: Line) -> Line:
    out: Line = []
    for piece in pieces:
        if out:
            out.append(("plain", " "))
        out.append(piece)
    return out


def _show(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ", ".join(value) or "(none)"
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _relation(ref: RelationRef) -> Line:
    return [("id", ref.source), ("plain", f" {VERBS.get(ref.type, ref.type)} "), ("id", ref.target)]


def _label(before: str, after: str) -> Line:
    return [
        (before, f"{_LABEL_MARKS.get(before, '')} {before}"),
        ("plain", " → "),
        (after, f"{_LABEL_MARKS.get(after, '')} {after}"),
    ]


def _cause(cause: Cause) -> Line:
    if cause.kind in ("relation added", "relation removed") and cause.relation is not None:
        line: Line = [("plain", cause.kind.removeprefix("relation ") + ": "), *_relation(cause.relation)]
    elif cause.kind == "relation changed" and cause.relation is not None:
        ref = cause.relation
        line = [("id", ref.source), ("plain", " → "), ("id", ref.target), ("plain", f" is now {ref.type}")]
    elif cause.kind == "label changed" and cause.before is not None and cause.after is not None:
        line = [("id", cause.id), ("plain", " "), *_label(cause.before, cause.after)]
    elif cause.kind == "premises changed":
        line = [("plain", "the premises of "), ("id", cause.id), ("plain", " changed")]
    else:
        line = [("id", cause.id), ("plain", f" {cause.kind}")]
    if cause.via:
        line.append(("plain", " (through "))
        for i, node in enumerate(cause.via):
            line.extend([*([("plain", ", ")] if i else []), ("id", node)])
        line.append(("plain", ")"))
    return line


# -- terminal ------------------------------------------------------------------

_STYLES = {
    "heading": "bold underline",
    "id": palette.STATEMENT,
    "added": palette.SUPPORT,
    "removed": palette.ATTACK,
    "mark": "bold",
    **palette.LABELS,
}


def diff_text(diff: MapDiff) -> RenderableType:
    """The diff as styled lines; added words ``{+...+}``, removed ``[-...-]``; a detail line
    (a field, a cause) wraps under itself."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    rows: list[RenderableType] = []
    for line in diff_lines(diff):
        if line[0][0] == "heading":
            rows.append(Text())
        indent = len(line[0][1]) - len(line[0][1].lstrip(" ")) if line[0][0] == "plain" else 0
        text = Text()
        for n, (kind, piece) in enumerate(line):
            if n == 0 and indent:
                piece = piece[indent:]
            if kind == "added":
                piece = "{+" + piece + "+}"
            elif kind == "removed":
                piece = "[-" + piece + "-]"
            style = palette.ARGUMENT if kind == "id" and piece.startswith("<") else _STYLES.get(kind, "")
            text.append(piece, style=style)
        rows.append(Padding(text, (0, 0, 0, indent)) if indent else text)
    return Group(*rows)


# -- Markdown --------------------------------------------------------------------

_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def escape_markdown(text: str) -> str:
    """``text`` as literal Markdown: every ASCII punctuation character backslash-escaped
    (CommonMark lets any of them be), line breaks made spaces."""
    return "".join("\\" + c if c in _ASCII_PUNCTUATION else c for c in " ".join(text.splitlines()))


def diff_markdown(diff: MapDiff) -> str:
    """The diff as Markdown for a pull-request comment: removed words struck through, added in bold."""
    out: list[str] = []
    for n, line in enumerate(diff_lines(diff)):
        if n == 0:
            out.append("#### " + _markdown_pieces(line))
            continue
        if line[0][0] == "heading":
            out.extend(["", f"**{escape_markdown(line[0][1])}**", ""])
            continue
        if line[0][0] == "mark":
            out.append("- " + _markdown_pieces(line[1:], line[0][1].strip()))
        elif line[0][1].startswith("    "):
            out.append("  - " + _markdown_pieces([("plain", line[0][1].strip() + " "), *line[1:]]))
        else:
            out.append(_markdown_pieces(line))
    return "\n".join(out) + "\n"


_MARK_WORDS = {"+": "added", "-": "removed", "~": "changed"}


def _markdown_pieces(line: Line, mark: str = "") -> str:
    text = f"*{_MARK_WORDS[mark]}* " if mark in _MARK_WORDS else ""
    for kind, piece in line:
        escaped = escape_markdown(piece)
        if not piece.strip():
            text += piece
        elif kind == "added":
            text += f"**{escaped}**"
        elif kind == "removed":
            text += f"~~{escaped}~~"
        else:
            text += escaped
    return text
