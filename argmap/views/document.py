"""A small document model (headings, paragraphs, nested lists, quotes, a figure) and its
two renderings, Markdown and HTML: what ``argmap report`` writes.

The report (:mod:`argmap.views.report`) says *what* to write once; this module owns how
each format writes it, and how the map's text is escaped there.  Every piece of text is
a :data:`Span` of a kind; only :func:`to_markdown` and :func:`to_html` turn kinds into
markup, and they escape the text of every span, so a claim's ``*``, ``_``, ``|``,
``<``, ``[`` or backtick comes out as written, never as markup or script.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from argmap.views import palette
from argmap.views.text import LABEL_MARKS

Span = tuple[str, str]
"""(kind, text): kind is ``text``, ``strong``, ``em``, ``quiet``, or a label (``IN``, ``OUT``, ``UNDEC``)."""
Line = list[Span]


@dataclass
class Heading:
    level: int
    text: Line


@dataclass
class Paragraph:
    text: Line


@dataclass
class Quote:
    text: Line


@dataclass
class Item:
    text: Line
    children: list[Block] = field(default_factory=list)
    number: int | None = None
    """The number shown in an ordered list (None: the next one)."""


@dataclass
class ItemList:
    items: list[Item]
    ordered: bool = False


@dataclass
class Figure:
    """A drawing: a file beside the Markdown (``path``) or SVG inlined in HTML (``svg``)."""

    alt: str
    path: str | None = None
    svg: str | None = None


Block = Heading | Paragraph | Quote | ItemList | Figure


@dataclass
class Document:
    title: str
    blocks: list[Block]


# -- Markdown ----------------------------------------------------------------------------

_MARKDOWN_SPECIAL = re.compile(r"[\\`*_\[\]<>|~#]|&(?=#?\w+;)")
_BLOCK_START = re.compile(r"^([-+=]|\d+[.)])")


def escape_markdown(text: str) -> str:
    r"""``text`` on one line, with every character CommonMark or GitHub could read as
    markup escaped by a backslash: it renders as written.

    >>> print(escape_markdown("a *b* [c](d) <e> `f` | _g_ &amp; #h"))
    a \*b\* \[c\](d) \<e\> \`f\` \| \_g\_ \&amp; \#h
    >>> print(escape_markdown("2. item"), escape_markdown("- item"))
    2\. item \- item
    """
    text = _MARKDOWN_SPECIAL.sub(lambda m: "\\" + m.group(0), " ".join(text.split()))
    # A list marker, a setext underline or an ordered list's number where a block starts.
    return _BLOCK_START.sub(lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], text)


_LABEL_WORDS = {label: mark for label, (mark, _) in LABEL_MARKS.items()}
"""``✔ IN``, ``✘ OUT``, ``? UNDEC``: the marks of the terminal views."""


def _markdown_line(line: Line) -> str:
    out: list[str] = []
    for kind, text in line:
        if not text.strip():
            out.append(" " if text else "")
            continue
        # Emphasis cannot start or end at a space: the spaces at a span's ends go outside.
        lead = " " if text[0].isspace() else ""
        trail = " " if text[-1].isspace() else ""
        shown = escape_markdown(text)
        if kind == "strong":
            shown = f"**{shown}**"
        elif kind in ("em", "quiet"):
            shown = f"*{shown}*"
        elif kind in _LABEL_WORDS:
            shown = f"**{_LABEL_WORDS[kind]}**"
        out.append(lead + shown + trail)
    return "".join(out)


def to_markdown(document: Document) -> str:
    """The document as CommonMark (with GitHub's tables never needed)."""
    out = [f"# {escape_markdown(document.title)}", ""]
    for block in document.blocks:
        out.extend(_markdown_lines(block))
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _markdown_lines(top: Block) -> list[str]:
    """The lines of ``top``; iterative, so lists nest deeper than the recursion limit."""
    out: list[str] = []
    stack: list[str | tuple[Block, str]] = [(top, "")]
    while stack:
        entry = stack.pop()
        if isinstance(entry, str):
            out.append(entry)
            continue
        block, indent = entry
        if not isinstance(block, ItemList):
            out.extend(_markdown_leaf(block, indent))
            continue
        pending: list[str | tuple[Block, str]] = []
        number = 0
        for item in block.items:
            number = item.number if item.number is not None else number + 1
            marker = f"{number}. " if block.ordered else "- "
            pending.append(indent + marker + _markdown_line(item.text))
            for child in item.children:
                if not isinstance(child, ItemList | Quote):  # a list or a quote may follow an item's line directly
                    pending.append("")
                pending.append((child, indent + " " * len(marker)))
        stack.extend(reversed(pending))
    return out


def _markdown_leaf(block: Block, indent: str) -> list[str]:
    if isinstance(block, Heading):
        return [f"{indent}{'#' * min(block.level, 6)} {_markdown_line(block.text)}"]
    if isinstance(block, Paragraph):
        return [indent + _markdown_line(block.text)]
    if isinstance(block, Quote):
        return [f"{indent}> {_markdown_line(block.text)}"]
    if isinstance(block, Figure) and block.path is not None:
        target = block.path if re.fullmatch(r"[\w./-]+", block.path) else f"<{block.path.replace('>', '%3E')}>"
        return [f"{indent}![{escape_markdown(block.alt)}]({target})"]
    return []


# -- HTML --------------------------------------------------------------------------------


def _html_line(line: Line) -> str:
    out: list[str] = []
    for kind, text in line:
        shown = html.escape(text)
        if kind == "strong":
            out.append(f"<strong>{shown}</strong>")
        elif kind == "em":
            out.append(f"<em>{shown}</em>")
        elif kind == "quiet":
            out.append(f'<span class="quiet">{shown}</span>')
        elif kind in _LABEL_WORDS:
            out.append(f'<span class="label {kind.lower()}">{html.escape(_LABEL_WORDS[kind])}</span>')
        else:
            out.append(shown)
    return "".join(out)


def _html(top: Block) -> str:
    """The HTML of ``top``; iterative, so lists nest deeper than the recursion limit."""
    out: list[str] = []
    stack: list[str | Block] = [top]
    while stack:
        entry = stack.pop()
        if isinstance(entry, str):
            out.append(entry)
            continue
        if not isinstance(entry, ItemList):
            out.append(_html_leaf(entry))
            continue
        tag = "ol" if entry.ordered else "ul"
        pending: list[str | Block] = [f"<{tag}>"]
        for item in entry.items:
            value = f' value="{item.number}"' if entry.ordered and item.number is not None else ""
            pending += [f"<li{value}>{_html_line(item.text)}", *item.children, "</li>"]
        pending.append(f"</{tag}>")
        stack.extend(reversed(pending))
    return "".join(out)


def _html_leaf(block: Block) -> str:
    if isinstance(block, Heading):
        level = min(block.level, 6)
        return f"<h{level}>{_html_line(block.text)}</h{level}>"
    if isinstance(block, Paragraph):
        return f"<p>{_html_line(block.text)}</p>"
    if isinstance(block, Quote):
        return f"<blockquote>{_html_line(block.text)}</blockquote>"
    if isinstance(block, Figure) and block.svg is not None:
        return f'<figure role="img" aria-label="{html.escape(block.alt)}">{block.svg}</figure>'
    return ""


def _style() -> str:
    web = palette.WEB
    return (
        "body{font:16px/1.5 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#212121}"
        "h1,h2,h3,h4{line-height:1.25}h2{border-bottom:1px solid #e0e0e0;padding-bottom:.2em;margin-top:2em}"
        "ul,ol{padding-left:1.6em}li ul,li ol{padding-left:1.1em}li{margin:.2em 0}"
        "blockquote{margin:.3em 0 .5em;padding-left:.8em;border-left:3px solid #e0e0e0;color:#424242}"
        f".quiet{{color:{web['quiet']}}}.label{{font-weight:600;white-space:nowrap}}"
        f".label.in{{color:{web['IN']}}}.label.out{{color:{web['OUT']}}}.label.undec{{color:{web['UNDEC']}}}"
        "figure{margin:1em 0;overflow:auto;max-height:90vh;border:1px solid #e0e0e0}"
    )


def to_html(document: Document) -> str:
    """The document as one HTML page, its style and any drawing inside it."""
    body = "\n".join(_html(block) for block in document.blocks)
    title = html.escape(document.title)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{_style()}</style>\n</head>\n<body>\n<h1>{title}</h1>\n{body}\n</body>\n</html>\n"
    )
