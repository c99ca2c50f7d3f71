"""Syntax rules (AM0xx): what the Argdown reader reports while it reads a file."""

from __future__ import annotations

from argmap.diagnostics import Severity
from argmap.rules.registry import reported

AM000 = reported(
    "AM000",
    "unreadable-input",
    Severity.ERROR,
    """The input could not be read at all.

    The path does not exist, is a directory, or cannot be opened.  Nothing is parsed.""",
)
AM001 = reported(
    "AM001",
    "invalid-utf8",
    Severity.ERROR,
    """The file is not valid UTF-8.

    Argdown files are UTF-8 text.  argmap replaces the undecodable bytes with U+FFFD
    and goes on, so the rest of the map is still checked, but the affected texts are
    damaged: re-save the file as UTF-8.""",
)
AM002 = reported(
    "AM002",
    "binary-input",
    Severity.ERROR,
    """The input contains NUL bytes: it is a binary file, not Argdown text.

    Nothing is parsed.  Check that you passed the right file.""",
)
AM010 = reported(
    "AM010",
    "bad-indentation",
    Severity.ERROR,
    """A relation is not indented more than the element it belongs to.

    In a relation tree every child line is indented more than its parent:

        [Claim]: ...
            + <Reason>
                - <Objection>

    A relation that is not indented past the top-level element has no parent, so it
    belongs to nothing and is not read.""",
)
AM011 = reported(
    "AM011",
    "unclosed-bracket",
    Severity.ERROR,
    """A bracket or data block is opened and never closed.

    `[Title` needs `]`, `<Title` needs `>` and `{key: value` needs `}`.  (An unclosed
    `/*` or `<!--` is text, as in Argdown: AM023.)""",
)
AM012 = reported(
    "AM012",
    "unknown-relation-symbol",
    Severity.ERROR,
    """A line in a relation tree starts with a symbol that is not an Argdown relation.

    The relation symbols are `+` `-` `_` (the child supports, attacks or undercuts
    the parent; also written `<+` `<-` `<_`), `+>` `->` `_>` (the parent supports,
    attacks or undercuts the child) and `><` (contradiction).  Something like `=>`,
    `++` or `~` is reported rather than read as text.""",
)
AM013 = reported(
    "AM013",
    "pcs-without-conclusion",
    Severity.ERROR,
    """A premise-conclusion structure is malformed: no conclusion, an empty line, or a dangling inference.

    A PCS is a list of numbered statements in which the last one follows an
    inference line of at least four hyphens:

        (1) All humans are mortal.
        (2) Socrates is a human.
        ----
        (3) Socrates is mortal.""",
)
AM014 = reported(
    "AM014",
    "invalid-yaml",
    Severity.ERROR,
    """A `{...}` data block or the `===` front matter is not valid YAML, or is not a mapping.

    Inline data is YAML flow style, `{key: value, other: [1, 2]}`; the most common
    mistake is a missing space after a colon (`{key:value}`).  Start the block with a
    line break after `{` to write YAML block style instead.""",
)
AM015 = reported(
    "AM015",
    "unsupported-construct",
    Severity.ERROR,
    """A construct that Argdown rejects or that argmap does not support.

    Examples: a relation after an empty line (it has no parent), nested lists, an
    argument used as a PCS line, stray text inside a relation tree.  argmap names the
    construct instead of dropping it silently.""",
)
AM016 = reported(
    "AM016",
    "pcs-numbering",
    Severity.WARNING,
    """PCS statements are not numbered (1), (2), (3)... or an argument gets a second PCS.

    Argdown reads the numbers only as markers, but a gap usually means a line was
    lost or misnumbered, and a later PCS silently replacing an earlier one is rarely
    what the author meant.""",
)
AM018 = reported(
    "AM018",
    "nested-list",
    Severity.WARNING,
    """A list item is indented under another: Argdown does not support nested lists.

    argmap reads the item as a top-level list item.  Use a relation tree if the
    nesting means that one item is a reason for another.""",
)
AM017 = reported(
    "AM017",
    "unclosed-frontmatter",
    Severity.ERROR,
    """The front matter opened with `===` has no closing `===` line.

    Everything after the opening fence is read as YAML and nothing as Argdown.""",
)


AM020 = reported(
    "AM020",
    "inconsistent-indentation",
    Severity.WARNING,
    """Relations below one parent are indented by different amounts.

    The parent is still clear (a relation belongs to the nearest element above it that
    is indented less), so the map is read; but the tree is hard to read and easy to
    misread when edited.  Indent all relations of one parent by the same amount.""",
)
AM019 = reported(
    "AM019",
    "frontmatter-without-empty-line",
    Severity.ERROR,
    """The closing `===` of the front matter is followed directly by Argdown text.

    Argdown expects an empty line after the front matter and rejects the file without
    it; argmap reads the map anyway.  `argmap fmt` writes the empty line, so this is
    the one reading error it does not refuse a file for.""",
)
AM021 = reported(
    "AM021",
    "missing-empty-line",
    Severity.ERROR,
    """A new statement or argument starts on the line after another element, without the empty line Argdown needs.

        [A]: a
          - [B]: b
        [C]: c

    Argdown rejects the file ("Expecting ... Dedent"/"EOF").  A line that starts with a
    title is never glued to the text of the element above: argmap reads it as a new
    element and reports this error.  Add an empty line before it.""",
)
AM022 = reported(
    "AM022",
    "comment-inside-word",
    Severity.WARNING,
    """A `//` inside a word, where Argdown starts a comment: `See http://x.org now` is `See http:` in Argdown.

    argmap keeps the whole text, so the map would mean one thing in argmap and another
    in Argdown.  Write `\\//` to keep the text in both, or put the address in a link
    `[x.org](http://x.org)`, which Argdown reads as a link.""",
)
AM023 = reported(
    "AM023",
    "unclosed-comment",
    Severity.WARNING,
    """A `/*` or `<!--` has no closing `*/` or `-->`: as in Argdown, it is text, not a comment.

    Close the comment if one was meant, or escape the opener (`\\/*`, `\\<!--`).""",
)
AM024 = reported(
    "AM024",
    "empty-pcs-line",
    Severity.WARNING,
    """A numbered line of a premise-conclusion structure holds no statement: `(3)` and nothing after it.

    Argdown reads it as an untitled statement without text, and so does argmap; relations
    indented below it belong to that empty statement.  Write the statement's text or a
    `[Title]` after the number.""",
)
AM025 = reported(
    "AM025",
    "tab-indentation",
    Severity.WARNING,
    """A relation line is indented with tabs, and its parent or siblings with spaces (or the other way round).

    argmap counts a tab as four columns; editors show it as anything from two to eight,
    and the Argdown CLI 2.0.0 does not count it as argmap does (it rejects some such
    trees with "Expecting ... EOF" and reads others with a different parent).  So the
    relation may belong to another element than the eye suggests.  Indent with spaces
    only (or tabs only).""",
)
AM026 = reported(
    "AM026",
    "contradiction-with-argument",
    Severity.WARNING,
    """A contradiction `><` has an argument at one end.

    Argdown only lets statements contradict each other: it rejects the file and its error
    recovery drops the arguments involved.  argmap reads the relation as written; make it
    an attack (`-`) if the argument is meant to attack, or contradict its conclusion.""",
)
AM027 = reported(
    "AM027",
    "undercut-of-statement",
    Severity.WARNING,
    """An undercut `_` is written below a statement, outside a premise-conclusion structure.

    An undercut attacks an inference, not a statement.  Argdown's model aims it at the
    inference of the argument whose PCS concludes the statement, and when none does, at
    the inference of the last argument reconstructed in the file, related to the
    statement or not; without any PCS in the file it stays an undercut of the statement,
    which is how argmap reads it.  Write the undercut below the argument (`<Title>`) or
    its inference line instead.""",
)
AM028 = reported(
    "AM028",
    "text-between-inference-lines",
    Severity.WARNING,
    """Text between two inference lines of four or more hyphens (`----` / text / `----`).

    Argdown rejects this and reads the text as an unnumbered intermediary conclusion;
    argmap reads it as an inference's rules and data, as if the lines were `--`.  Write
    `--` / rules / `--` for an inference with rules.""",
)
