"""Text and data as Argdown writes them: element texts escaped so that they read back
as written, source texts folded onto one line, titles, tags, and ``{key: value}``
data blocks in YAML that holds no comment opener.

What counts as markup, a tag or a comment opener is read from the reader's own
patterns (:mod:`argmap.argdown.inline`, :mod:`argmap.argdown.comments`).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from argmap.argdown.comments import COMMENT_OPENER_CHAR, COMMENT_START, LINE_COMMENT_SLASH
from argmap.argdown.inline import TAG, escape_shortcodes, written_tag

# The "/" of every "//" is escaped with the markup ("\//"): Argdown opens a comment at a
# "//" anywhere in a text, inside a word too ("http://x.org"); "/*" and "<!--" are
# already broken up by escaping "*" and "<".
_MARKUP = re.compile(r"[\\*_{}\[\]<>@]|/(?=/)")
# Text that would start a PCS line, a relation, a list item or a heading at the start of a line.
_LEADING = re.compile(r"[(+\-_*<>]|#+\s|(\d+)\.")
# A "//" left in folded source text is text (see fold).
_SLASHES_AFTER_SPACE = re.compile(LINE_COMMENT_SLASH)

# In YAML, a comment opener (:data:`COMMENT_START`: argmap's reader finds comments before
# anything else, data blocks and front matter included) inside a double-quoted scalar is
# written as a YAML escape ("\/" is "/", "\x3C" is "<"), which the comment scanner does
# not read as an opener.


class _DataDumper(yaml.SafeDumper):
    """YAML for data blocks: strings with spaces in double quotes, the rest plain."""


class _FrontMatterDumper(yaml.SafeDumper):
    """YAML for the front matter: PyYAML's choices, but double quotes for a string that
    would open a comment."""


class _QuotingDumper(yaml.SafeDumper):
    """Every string in double quotes: where :func:`_escape_openers` finds each scalar for sure."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # Quotes too: the parser finds the end of a data block by matching braces outside
    # YAML quotes, and a quote inside a plain scalar (a"b) would look like an opening one.
    special = not value or '"' in value or "'" in value or COMMENT_START.search(value)
    style = '"' if (special or any(c.isspace() for c in value)) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_front_matter_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if COMMENT_START.search(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_DataDumper.add_representer(str, _represent_str)
_FrontMatterDumper.add_representer(str, _represent_front_matter_str)
_QuotingDumper.add_representer(
    str, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
)


def _dump_yaml(data: Any, dumper: type[yaml.SafeDumper], **options: Any) -> str:
    """``data`` as YAML that holds no comment opener (see :data:`COMMENT_START`).

    The dumper's text with the openers in its double-quoted strings escaped, when that
    reads back as the same data and no opener is left; else (a quote inside a plain
    scalar misled the search for the quoted ones) every string double-quoted, which
    leaves no doubt where each one is."""
    dumped: str = yaml.dump(data, Dumper=dumper, **options)
    if "/" not in dumped and "<" not in dumped:
        return dumped
    escaped = _escape_openers(dumped)
    # No opener at all, not only no comment: an opener left unclosed here would be closed
    # by a "*/" further down the document.
    if not COMMENT_START.search(escaped) and yaml.safe_load(escaped) == yaml.safe_load(dumped):
        return escaped
    return _escape_openers(yaml.dump(data, Dumper=_QuotingDumper, **options))


def _escape_openers(dumped: str) -> str:
    """``dumped`` YAML with every comment opener inside its double-quoted scalars written as
    a YAML escape (the representers above put every string holding one in double quotes).

    A quote opens a scalar only where PyYAML starts one: at the start of a line or after
    ``: ``, ``- ``, ``? ``, ``[``, ``{`` or ``,`` (elsewhere it is a character of a plain
    scalar, as in ``it's``); single-quoted scalars are skipped whole."""
    if "/" not in dumped and "<" not in dumped:
        return dumped
    out: list[str] = []
    pos = 0
    n = len(dumped)
    i = 0
    while i < n:
        quote = dumped[i]
        if quote not in "\"'" or not _opens_scalar(dumped, i):
            i += 1
            continue
        end = i + 1
        while end < n:
            ch = dumped[end]
            if quote == '"' and ch == "\\":
                end += 2
                continue
            if ch == quote:
                if quote == "'" and dumped[end + 1 : end + 2] == "'":  # '' is a quote inside
                    end += 2
                    continue
                break
            end += 1
        if quote == '"':
            out.append(dumped[pos:i])
            out.append(COMMENT_OPENER_CHAR.sub(lambda m: "\\x3C" if m.group(0) == "<" else "\\/", dumped[i : end + 1]))
            pos = end + 1
        i = end + 1
    out.append(dumped[pos:])
    return "".join(out)


def _opens_scalar(dumped: str, index: int) -> bool:
    """Whether a quote at ``index`` starts a quoted scalar (see :func:`_escape_openers`)."""
    k = index - 1
    while k >= 0 and dumped[k] == " ":
        k -= 1
    if k < 0 or dumped[k] == "\n":
        return True
    if dumped[k] in "[{,":
        return True
    return dumped[k] in ":-?" and k < index - 1  # "key: 'x'", "- 'x'", "? 'x'"


def format_frontmatter(data: dict[str, Any]) -> str:
    """Front matter YAML (block style, without the fences), ending in a newline."""
    return _dump_yaml(data, _FrontMatterDumper, allow_unicode=True, sort_keys=False, width=88)


def format_data(data: dict[str, Any]) -> str:
    """A data block in YAML flow style: ``{key: value, quote: "two words", list: [1, 2]}``."""
    text = _dump_yaml(
        data, _DataDumper, default_flow_style=True, allow_unicode=True, sort_keys=False, width=1_000_000_000
    ).strip()
    if text.endswith("..."):
        text = text[:-3].strip()
    return text


def escape_text(text: str, tags: list[str]) -> str:
    """Model text to Argdown text: markup characters escaped, ``#tags`` of the member kept."""
    keep = set(tags)
    out: list[str] = []
    pos = 0

    def markup(part: str) -> str:
        return _MARKUP.sub(lambda m: "\\" + m.group(0), part)

    for match in TAG.finditer(text):
        tag = match.group(1) if match.group(1) is not None else match.group(2)
        out.append(markup(text[pos : match.start()]))
        # Not a tag of the member: "\#", and the rest as text ("#(a {b} #c)" holds markup
        # and what would be a tag).
        out.append(match.group(0) if tag in keep else "\\#" + markup(match.group(0)[1:]).replace("#", "\\#"))
        pos = match.end()
    out.append(markup(text[pos:]))
    escaped = "".join(out)
    present = {m.group(1) or m.group(2) for m in TAG.finditer(text)}
    extra = [t for t in tags if t not in present]
    if extra:
        escaped = " ".join([escaped, *(write_tag(t) for t in extra)])
    leading = _LEADING.match(escaped)
    if leading:
        if leading.group(1) is not None:
            escaped = leading.group(1) + "\\" + escaped[leading.end(1) :]
        elif escaped[0] != "\\":
            escaped = "\\" + escaped
    # Last: every backslash added above changes which dots and colons pair up.
    return escape_shortcodes(escaped.strip())


def fold(raw: str) -> str:
    """Source text (comments blanked) on one line, its white space folded.

    A "//" still in it is text: where it followed something else ("a<!-- c -->// b",
    "x://y") it was no comment.  Folding can put a space before it, and a space before
    "//" opens a comment: so such a "//" is written "\\//"."""
    folded = " ".join(raw.split())
    return _SLASHES_AFTER_SPACE.sub(r"\\/", folded) if "//" in folded else folded


def escape_title(title: str, closer: str) -> str:
    """A title as written between its brackets: backslashes, its closer and comment openers escaped."""
    escaped = title.replace("\\", "\\\\").replace(closer, "\\" + closer)
    return COMMENT_OPENER_CHAR.sub(lambda m: "\\" + m.group(0), escaped)


write_tag = written_tag
"""A tag as Argdown writes it: ``#name``, or ``#(several words)``."""
