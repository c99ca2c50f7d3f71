"""Inline text of Argdown elements: tags, mentions, links, emphasis, escapes,
shortcodes, and the cleaning that reduces an element's text to its words.

Both directions use these: the reader to read a text, the writer to escape one so
that it reads back as written.
"""

from __future__ import annotations

import re

TAG_NAME = r"[\w\-]+"
"""A tag written without parentheses: ``#name``."""
BARE_TAG = re.compile(TAG_NAME)
# The bounds and the openers left out of the bodies below keep every pattern linear on
# a line of thousands of "#(", "@[", "[", "**" with no closer (quadratic without them).
TAG = re.compile(rf"(?<![^\s(\[])#(?:\(([^)\n]{{0,200}})\)|({TAG_NAME}))")
"""A tag in a text: ``#name`` (group 2) or ``#(several words)`` (group 1)."""
SIMPLE_TAG = re.compile(f"#({TAG_NAME})")
"""A ``#name`` tag in the trailing tags that :data:`~argmap.argdown.patterns.SIMPLE_ELEMENT` reads."""
MENTION = re.compile(r"@\[((?:[^\[\]\\\n]|\\.)+)\]|@<((?:[^<>\\\n]|\\.)+)>")
# A Markdown link; "\[text\](url)" is escaped text (as in Argdown), not a link.  The
# target may hold spaces and brackets ("[some API]([Keep it])"): Argdown's export reduces
# such a link to its text too.
LINK = re.compile(r"(?<!\\)\[((?:[^\[\]\\\n]|\\.)*)\]\(([^()\n]*)\)")
# Escaped stars and underscores (\* \_) are text, not emphasis.
# Emphasis may run over the lines of a multi-line element (as in Argdown, whose lexer
# keeps a range open across line breaks): fmt joins those lines.
BOLD = re.compile(r"(?<!\\)(\*\*|__)(?=\S)(.{1,500}?)(?<=[^\s\\])\1", re.DOTALL)
ITALIC = re.compile(r"(?<![\w*\\])([*_])(?=\S)(.{1,500}?)(?<=[^\s\\])\1(?![\w*])", re.DOTALL)
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>@:|~/])")
WHITESPACE = re.compile(r"\s+")
INLINE_SPECIAL = re.compile(r"[{#@*_\[\\]")

# Argdown's default special-character shortcodes: ``.~.`` -> ¬, ``:love:`` -> 😍 ...
# (the table of Argdown 2.0.0's default configuration; a shortcode is delimited by
# dots or colons and replaced in statement and heading text, never in titles).
# fmt: off
SHORTCODES: dict[str, str] = {
    '.A.': '∀', ':A:': '∀', '.E.': '∃', ':E:': '∃', '.O.': '𝗢', ':O:': '𝗢', '.P.': '𝗣', ':P:': '𝗣',
    '.->.': '→', ':->:': '→', '.<->.': '↔', ':<->:': '↔', '.~.': '¬', ':~:': '¬', '.^.': '∧', ':^:': '∧',
    '.v.': '∨', ':v:': '∨', '.v_.': '⊻', ':v_:': '⊻', '.<>.': '◇', ':<>:': '◇', '.[].': '◻', ':[]:': '◻',
    ':happy:': '😀', '.happy.': '😀', ':smile:': '☺️', '.smile.': '☺', ':smiley:': '☺', '.smiley.': '☺',
    ':laugh:': '😆', '.laugh.': '😆', ':lol:': '😆', '.lol.': '😆', ':rofl:': '🤣', '.rofl.': '🤣', ':joy:': '😂',
    '.joy.': '😂', ':heart:': '❤', '.heart.': '❤', '.?.': '❓', ':?:': '❓', '.question.': '❓',
    ':question:': '❓', ':love:': '😍', '.love.': '😍', ':wink:': '😉', '.wink.': '😉', ':shush:': '🤫',
    '.shush.': '🤫', ':meh:': '😐', '.meh.': '😐', ':eye-roll:': '🙄', '.eye-roll.': '🙄', ':sad:': '😢',
    '.sad.': '😢', ':disappointed:': '😞', '.disappointed.': '😞', ':scream:': '😱', '.scream.': '😱',
    ':+1:': '👍', '.+1.': '👍', ':up:': '👍', '.up.': '👍', ':-1:': '👎', '.-1.': '👎', ':down:': '👎',
    '.down.': '👎', ':think:': '🤔', '.think.': '🤔', '.star.': '⭐', ':star:': '⭐', '.y.': '✔', ':y:': '✔',
    '.agree.': '✔', ':agree:': '✔', '.n.': '❌', ':n:': '❌', '.disagree.': '❌', ':disagree:': '❌',
}
# fmt: on
# A cheap test for "may contain a shortcode" (every code is 1-10 characters between delimiters).
SHORTCODE_HINT = re.compile(r"\.[^\s.:\\]{1,10}\.|:[^\s.:\\]{1,10}:")
# Argdown's tokens at a dot or colon: an escaped character, or ``.name.`` / ``:name:``
# (shortest match), so "a.b.~.c" reads ".b." first, just as Argdown's lexer does.
SPECIAL_TOKEN = re.compile(r"\\.|\.[^\s]+?\.|:[^\s]+?:")


def written_tag(tag: str) -> str:
    """A tag as Argdown writes it, and as argmap shows it: ``#name``, or ``#(several words)``."""
    return f"#{tag}" if BARE_TAG.fullmatch(tag) else f"#({tag})"


def position(text: str, offset: int, line: int, col: int) -> tuple[int, int]:
    """Line and column of ``offset`` in an element's text that started at (line, col)."""
    newlines = text.count("\n", 0, offset)
    if newlines == 0:
        return line, col + offset
    return line + newlines, offset - text.rfind("\n", 0, offset)


def read_tags(text: str) -> list[str]:
    """The tags of a text, each once, in order (a link's text is passed without its URL)."""
    if "#" not in text:
        return []
    tags: dict[str, None] = {}
    for m in TAG.finditer(text):
        tag = m.group(1) if m.group(1) is not None else m.group(2)
        if tag:
            tags.setdefault(tag.strip(), None)
    return list(tags)


def read_rules(text: str) -> list[str]:
    """The inference rules of an inference line: separated by commas or line breaks."""
    return [r.strip() for r in text.replace("\n", ",").split(",") if r.strip()]


def _shortcode(match: re.Match[str]) -> str:
    token = match.group(0)
    return SHORTCODES.get(token, token)


def escape_shortcodes(text: str) -> str:
    """``text`` (Argdown source text) with a backslash before every shortcode that
    :func:`replace_shortcodes` would replace, so that it reads as written: how the Argdown writer
    keeps ".+1." or ":love:" that came as plain text from another format."""
    if SHORTCODE_HINT.search(text) is None:
        return text
    while True:
        found = False

        def escape(match: re.Match[str]) -> str:
            nonlocal found
            token = match.group(0)
            if token in SHORTCODES:
                found = True
                return "\\" + token
            return token

        escaped = SPECIAL_TOKEN.sub(escape, text)
        if not found:
            return text
        # An escaped token can bring the next one into view (".-1.+1.": "\.-1.+1." reads
        # ".+1."): again until the parser finds none.
        text = escaped


def replace_shortcodes(text: str) -> str:
    """Replace Argdown's special-character shortcodes (``.~.`` -> ¬) in ``text``."""
    if SHORTCODE_HINT.search(text) is None:
        return text
    return SPECIAL_TOKEN.sub(_shortcode, text)


def unescape(text: str) -> str:
    """``text`` with its backslash escapes (``\\[``, ``\\#``...) read as the characters."""
    return ESCAPE.sub(r"\1", text) if "\\" in text else text


def clean_text(text: str) -> str:
    """Fold white space and reduce inline Markdown to its words, as Argdown does."""
    if "[" in text:
        text = LINK.sub(r"\1", text)
    if "*" in text or "_" in text:
        # Twice: "****bold****" is bold inside bold, and Argdown keeps neither pair.
        text = BOLD.sub(r"\2", BOLD.sub(r"\2", text))
        text = ITALIC.sub(r"\2", text)
    if text.count(".") > 1 or text.count(":") > 1:
        text = replace_shortcodes(text)
    text = unescape(text)
    return WHITESPACE.sub(" ", text).strip()


def normal_newlines(text: str) -> str:
    """``text`` as the reader reads it: without a byte order mark, with ``\\n`` newlines."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
