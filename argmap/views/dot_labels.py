"""How one node and the legend of a Graphviz drawing are written: HTML-like labels, tooltips, colours.

:mod:`argmap.views.graphviz` writes the DOT text of a drawing; the texts of its nodes and
its legend are made here.  Every user text is escaped for the place it goes (an HTML-like
label, a quoted tooltip), so that it prints exactly as written and never becomes DOT.
"""

from __future__ import annotations

import re
import textwrap

from argmap.argdown.inline import written_tag
from argmap.model import Argument, ArgumentMap, RelationType
from argmap.views.settings import DrawingSettings
from argmap.views.tree import node_facts, strip_tags

WRAP = 36
"""Characters per label line."""
SHORT_TEXT = 100
"""Characters of text kept per node in the fast layout, so every node fits its slot."""

STATEMENT_FILL = "#e3f2fd"
STATEMENT_LINE = "#1565c0"
ARGUMENT_FILL = "#e8f5e9"
ARGUMENT_LINE = "#2e7d32"
GREEN = "#009e73"
"""Support: bluish green of Okabe and Ito's palette, which colour-blind readers tell from RED."""
RED = "#d55e00"
"""Attack: vermillion (Okabe and Ito); attacks also end in a bar, supports in an arrow."""
GREY = "#607d8b"
LABEL_STYLE = {
    "IN": ("✔ IN", "#1b5e20", "bold"),
    "OUT": ("✘ OUT", "#b71c1c", "dashed"),
    "UNDEC": ("? UNDEC", "#8d6e00", "dotted"),
}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def escape(text: str) -> str:
    """Escape text for a Graphviz HTML-like label: it then prints exactly as written."""
    text = _CONTROL.sub(" ", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def dot_string(text: str) -> str:
    """``text`` as the inside of a DOT quoted string whose value Graphviz writes into XML
    (a tooltip): shown exactly as written.

    A backslash goes through two readings, DOT's (``\\\\`` is one backslash) and then
    Graphviz's escape strings (``\\N``, ``\\G`` ... are names; ``\\\\`` is one backslash),
    so it is written four times.  Graphviz copies anything that looks like a character
    reference (``&lt;``) into the SVG as it is, so ``&`` is written ``&amp;``.  Quotes are
    escaped, line breaks become ``\\n``."""
    text = text.replace("&", "&amp;").replace("\\", "\\" * 4).replace('"', '\\"')
    return _CONTROL.sub(" ", text.replace("\r\n", "\n")).replace("\n", "\\n")


def tooltip(title: str, text: str, quote: str | None, para: object = None) -> str:
    """What a pointer resting on a node shows: its id, its text and the quote it comes from."""
    parts = [title, text] if text and text != title else [title]
    if quote:
        parts.append(f"“{quote}”" + (f" (paragraph {para})" if para is not None else ""))
    return "\n".join(p for p in parts if p)


def wrap(text: str, width: int = WRAP) -> list[str]:
    """Lines of at most ``width`` characters; words longer than that are cut."""
    lines = textwrap.wrap(" ".join(text.split()), width, break_long_words=True, break_on_hyphens=False)
    return lines or [""]


def node_label(title: str, text: str, label: str | None, tags: list[str] | None = None) -> str:
    """The HTML-like label of one node (without the enclosing ``<`` ``>``)."""
    # Graphviz rejects an empty <B></B> (a syntax error, and the node loses its label):
    # an untitled statement whose text is only tags has no bold line.
    parts = ["<B>" + "<BR/>".join(escape(line) for line in wrap(title)) + "</B>"] if title.strip() else []
    if text and text != title:
        parts.append("<BR/>".join(escape(line) for line in wrap(text)))
    if tags:
        shown = " ".join(written_tag(t) for t in tags)
        parts.append('<FONT POINT-SIZE="8" COLOR="#616161">' + "<BR/>".join(escape(x) for x in wrap(shown)) + "</FONT>")
    if label in LABEL_STYLE:
        mark, colour, _ = LABEL_STYLE[label]
        parts.append(f'<FONT COLOR="{colour}"><B>{escape(mark)}</B></FONT>')
    return "<BR/>".join(parts) or " "


MORE_BELOW = "▾ more below"
"""The last line of a node whose reasons or objections ``--depth`` left out."""


def node_line(
    amap: ArgumentMap,
    node: str,
    nid: str,
    labels: dict[str, str] | None,
    settings: DrawingSettings,
    short: bool = False,
    cut: bool = False,
) -> str:
    record = amap.record(node)
    label = labels.get(node) if labels else None
    fill = next((settings.tag_colors[t] for t in record.tags if t in settings.tag_colors), None)
    if isinstance(record, Argument):
        text = record.description
        attrs = f'shape=box, style="rounded,filled{{}}", fillcolor="{fill or ARGUMENT_FILL}", color="{ARGUMENT_LINE}"'
        kind = "argument"
        title = f"<{record.title}>"
        mode = settings.argument_label_mode
    else:
        text = record.text
        attrs = f'shape=box, style="filled{{}}", fillcolor="{fill or STATEMENT_FILL}", color="{STATEMENT_LINE}"'
        kind = "statement"
        title = f"[{record.title}]" if not record.is_untitled else ""
        mode = settings.statement_label_mode
    extra = ""
    penwidth = ""
    if label in LABEL_STYLE:
        border = LABEL_STYLE[label][2]
        if border == "bold":
            penwidth = ", penwidth=2.4"
        else:
            extra = "," + border
    attrs = attrs.replace("{}", extra) + penwidth
    tags = record.tags
    text = strip_tags(text, tags)
    _, _, _, _, quote, para, _, _ = node_facts(amap, node)
    hint = tooltip(title, text, quote, para)
    if short and len(text) > SHORT_TEXT:
        text = text[: SHORT_TEXT - 1].rstrip() + "…"
    if mode == "title" and (title or not text):
        text = ""  # Argdown's "title" mode: the title alone
    elif mode == "text" and text:
        title = ""  # "text" mode: the text alone, not in bold as a title would be
    # An untitled statement shows its text in bold, in the title's place.
    bold_text = not title and mode != "text"
    html = node_label(text, "", label, tags) if bold_text else node_label(title, text, label, tags)
    if cut:
        html += f'<BR/><FONT POINT-SIZE="8" COLOR="{GREY}">{escape(MORE_BELOW)}</FONT>'
    css = kind + (f" {label}" if label else "") + (" cut" if cut else "")
    return f'{nid} [{attrs}, id="{nid}", class="{css}", tooltip="{dot_string(hint)}", label=<{html}>];'


LABEL_WORDS = {
    "IN": "accepted (IN): thick border",
    "OUT": "rejected (OUT): dashed border",
    "UNDEC": "undecided (UNDEC): dotted border",
}


def legend_table(
    kinds: set[RelationType],
    used_labels: set[str],
    node_kinds: set[str],
    cut: bool,
    title: str | None,
    marks_too: bool = True,
) -> str:
    """The legend as an HTML-like table: the map's title, then only the marks that occur."""
    rows = [f'<TR><TD COLSPAN="2" ALIGN="LEFT"><FONT POINT-SIZE="16">{escape(title)}</FONT></TD></TR>'] if title else []
    if not marks_too:
        return '<TABLE BORDER="0" CELLBORDER="0">' + "".join(rows) + "</TABLE>"
    cells = []
    if "statement" in node_kinds:
        cells.append(f'<TD BGCOLOR="{STATEMENT_FILL}" BORDER="1" COLOR="{STATEMENT_LINE}">[statement]</TD>')
    if "argument" in node_kinds:
        cells.append(
            f'<TD BGCOLOR="{ARGUMENT_FILL}" BORDER="1" COLOR="{ARGUMENT_LINE}" STYLE="rounded">&lt;argument&gt;</TD>'
        )
    rows.append("<TR>" + "".join(cells) + ("<TD></TD>" if len(cells) == 1 else "") + "</TR>")
    marks = {
        RelationType.SUPPORT: ("──▶", GREEN, "support"),
        RelationType.ENTAILS: ("══▶", GREEN, "entails"),
        RelationType.ATTACK: ("──┤", RED, "attack"),
        RelationType.UNDERCUT: ("╌╌┤", RED, "undercut (dashed)"),
        RelationType.CONTRARY: ("┈┈┤", RED, "contrary (dotted)"),
        RelationType.CONTRADICTION: ("├─┤", RED, "contradiction"),
        RelationType.PREMISE_OF: ("(1)─▶", GREY, "premise (1) of an argument"),
    }
    shown = set(kinds)
    if RelationType.CONCLUSION_OF in shown:
        shown.add(RelationType.SUPPORT)
    for rtype, (mark, colour, word) in marks.items():
        if rtype in shown:
            rows.append(
                f'<TR><TD ALIGN="RIGHT"><FONT COLOR="{colour}">{mark}</FONT></TD><TD ALIGN="LEFT">{word}</TD></TR>'
            )
    for label, (mark, colour, _) in LABEL_STYLE.items():
        if label in used_labels:
            rows.append(
                f'<TR><TD ALIGN="RIGHT"><FONT COLOR="{colour}"><B>{escape(mark.split()[0])}</B></FONT></TD>'
                f'<TD ALIGN="LEFT">{LABEL_WORDS[label]}</TD></TR>'
            )
    if cut:
        rows.append(
            f'<TR><TD ALIGN="RIGHT"><FONT COLOR="{GREY}">{escape(MORE_BELOW.split()[0])}</FONT></TD>'
            '<TD ALIGN="LEFT">more below, left out by --depth</TD></TR>'
        )
    return '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2">' + "".join(rows) + "</TABLE>"
