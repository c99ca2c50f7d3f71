"""The line patterns of Argdown and its relation symbols.

Argdown is a block language read line by line: each line is classified by a few
anchored regular expressions (a relation, a PCS line, an inference, a heading, a
list item, a title) and nothing recurses.  Each pattern has its owner here; the
reader and the writer both import them.
"""

from __future__ import annotations

import re

from argmap.argdown.inline import TAG_NAME

# The pieces the patterns below share, written once.
_SYMBOL = r"<\+|<-|<_|\+>|->|_>|><|\+|-|_"
"""Argdown's relation symbols (longest first where one is the start of another)."""
_NOT_A_SYMBOL = r"[-+_<>=~]{2,3}|=|~|<"
"""What looks like a relation symbol but is not one of Argdown's.  A lone ">" is not
among them: "> quoted line" is a Markdown quote, text that continues the element."""
_STATEMENT_TITLE = r"\[((?:[^\]\\\n]|\\.)+)\]"
_ARGUMENT_TITLE = r"<((?:[^>\\\n]|\\.)+)>"

# -- line classes ---------------------------------------------------------------

RELATION = re.compile(rf"([ \t]*)({_SYMBOL})(?:[ \t]+|$)")
BAD_RELATION = re.compile(rf"([ \t]+)({_NOT_A_SYMBOL})[ \t]+(?=[\[<\w@])")
PCS_LINE = re.compile(r"([ \t]*)\((\d+)\)[ \t]+")
# A PCS line that only refers to a statement by title (see Parser.plain_pcs).
PCS_REFERENCE = re.compile(r"\((\d+)\)[ \t]+(\[([^\]\\\n<\[{]+)\])[ \t]*$")
PCS_LINE_EMPTY = re.compile(r"([ \t]*)\((\d+)\)[ \t]*$")
INFERENCE = re.compile(r"[ \t]*-{4,}[ \t]*$")
INFERENCE_EXPANDED = re.compile(r"[ \t]*--[ \t]*$")
INFERENCE_INLINE = re.compile(r"[ \t]*--(?!-)(.*[^-\s].*?)(?<!-)--[ \t]*$")
HEADING = re.compile(r"[ \t]*(#{1,6})[ \t]+(.*)$")
# A line that starts a new block even without an empty line before it (ends a heading).
BLOCK_START = re.compile(rf"[ \t]*(?:[\[<#]|\(\d+\)|(?:{_SYMBOL}|\*|\d+\.)[ \t])")
LIST_ITEM = re.compile(r"([ \t]*)(\*|\d+\.)[ \t]+")
# A one-line element with a title and plain text: no data, tags, mentions, markup or escapes.
SIMPLE_ELEMENT = re.compile(
    r"(?:<([^>\\\n<\[{]+)>|\[([^\]\\\n<\[{]+)\](?!\())(?:(:)[ \t]*([^{#@*_\[\]\\<>]*))?"
    rf"((?:[ \t]+#{TAG_NAME})*)[ \t]*$"
)
# Any line that starts a new child instead of continuing the element above it: a
# relation with content, a PCS number, an inference line, or a bad relation symbol.
CHILD_START = re.compile(
    rf"[ \t]*(?:(?:{_SYMBOL})[ \t]+\S|\(\d+\)(?:[ \t]|$)|-{{2,}}[ \t]*$|--(?!-).*--[ \t]*$)"
    rf"|[ \t]+(?:{_NOT_A_SYMBOL})[ \t]+[\[<\w@]"
)
FRONTMATTER_FENCE = re.compile(r"={3,}[ \t]*$")
# A line that starts with a statement's or argument's title (not a link "[text](url)"):
# Argdown reads it as a new element, which needs an empty line before it; it never
# continues the text of the element above.
ELEMENT_START = re.compile(r"[ \t]*(?:\[(?:[^\]\\\n]|\\.)+\](?!\()|<(?![-+_!])(?:[^>\\\n]|\\.)+>)")

# -- element heads ----------------------------------------------------------------

STATEMENT_DEF = re.compile(_STATEMENT_TITLE + r":[ \t]*")
STATEMENT_REF = re.compile(_STATEMENT_TITLE + r"(?!\()")
ARGUMENT_DEF = re.compile(_ARGUMENT_TITLE + r":[ \t]*")
ARGUMENT_REF = re.compile(_ARGUMENT_TITLE)
ELEMENT_HEAD = re.compile(f"(?:{_STATEMENT_TITLE}|{_ARGUMENT_TITLE})(:)?")
"""A statement's or argument's title, and the colon of a definition (groups: statement
title, argument title, colon)."""

RELATION_SYMBOLS: dict[str, tuple[str, bool]] = {
    # symbol: (kind, child is the source)
    "+": ("support", True),
    "<+": ("support", True),
    "+>": ("support", False),
    "-": ("attack", True),
    "<-": ("attack", True),
    "->": ("attack", False),
    "_": ("undercut", True),
    "<_": ("undercut", True),
    "_>": ("undercut", False),
    "><": ("contradiction", False),
}


def pcs_number(digits: str) -> int:
    """The number of a PCS line ``(n)``.  Python refuses to turn more than 4,300 digits
    into an int (a ValueError); so absurdly long numbers are read as 0, which the
    numbering check (AM016) then reports at that line."""
    return int(digits) if len(digits) <= 18 else 0
