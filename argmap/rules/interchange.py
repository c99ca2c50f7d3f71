"""Interchange rules (AM4xx): what the readers of other formats (AIF, Kialo, argmap JSON) report."""

from __future__ import annotations

from argmap.diagnostics import Severity
from argmap.rules.registry import reported

AM400 = reported(
    "AM400",
    "malformed-json",
    Severity.ERROR,
    """A JSON input (AIF) is not valid JSON.

    The message gives the JSON parser's complaint and its line and column; nothing
    is read from the file, and `argmap convert` writes nothing.""",
)
AM401 = reported(
    "AM401",
    "not-aif",
    Severity.ERROR,
    """A JSON input read as AIF has no `nodes` and `edges` lists.

    AIF JSON (as AIFdb and OVA export it) is an object with a list of nodes
    (`nodeID`, `type`, `text`) and a list of edges (`fromID`, `toID`); OVA's wrapper
    object with an `AIF` member is accepted too.""",
)
AM402 = reported(
    "AM402",
    "bad-aif-node",
    Severity.ERROR,
    """An AIF node has no `nodeID` or `type`, or its `nodeID` is used twice.

    The node is skipped; edges to it are then reported as edges to an unknown node.""",
)
AM403 = reported(
    "AM403",
    "aif-edge-to-unknown-node",
    Severity.ERROR,
    """An AIF edge has no `fromID`/`toID`, or points to a node that is not in the file.

    The message names the edge and the missing node id, at the line of the edge.""",
)
AM404 = reported(
    "AM404",
    "incomplete-aif-scheme",
    Severity.WARNING,
    """An RA node without premises or without exactly one conclusion, or a CA node
    without an attacker or target: it cannot be read as an argument or an attack and is
    skipped.""",
)
AM410 = reported(
    "AM410",
    "not-kialo",
    Severity.ERROR,
    """A line of a Kialo text export before the first numbered claim that is neither the
    `Discussion Title:` line nor empty, or a file without any numbered claim.

    Kialo exports one claim per line: `1.` for the thesis, `1.1. Pro:` / `1.2. Con:`
    for the claims below it; lines without a number continue the claim above.""",
)
AM411 = reported(
    "AM411",
    "broken-kialo-numbering",
    Severity.ERROR,
    """The numbering of a Kialo export is broken: a claim whose parent number does not
    exist, a number used twice, a claim without `Pro:`/`Con:` below the thesis, or a
    `-> See N.` link to a claim that is not in the file.  The message names the line.""",
)
AM420 = reported(
    "AM420",
    "bad-argmap-json",
    Severity.ERROR,
    """An input read as argmap JSON is malformed: invalid JSON, a missing
    `"format": "argmap"`, a value of the wrong type, or a relation or PCS step that
    names a statement or argument the file does not define.  The message names the
    place (`relations[3].source`, ...).""",
)
AM430 = reported(
    "AM430",
    "not-a-map",
    Severity.ERROR,
    """The input is not a map in any format argmap reads.

    argmap tells the format from the file's extension and its first lines: Argdown
    (`.argdown`, `.ad`, and any other text), argmap JSON and AIF/xAIF (`.json`), and
    Kialo text exports (`.txt`, `.kialo`).  Pass `--from FORMAT` when the guess is
    wrong.  Argdown JSON is a format argmap writes but does not read (read the
    `.argdown` file it was made from), and an abstract framework (ICCMA `.af`/`.i23`,
    ASPARTIX `.apx`, `.tgf`) has no claims to show: `argmap eval FILE` evaluates it.""",
)
AM440 = reported(
    "AM440",
    "no-argdown-fence",
    Severity.ERROR,
    """A Markdown file (`.md`, `.markdown`, `.qmd`) holds no Argdown code fence.

    argmap reads the map of a Markdown document from its fenced code blocks whose
    language is `argdown` or `argdown-map` (```` ```argdown ````, `~~~argdown`, also
    inside lists and block quotes, and `{.argdown}` as Quarto writes it), taken
    together in order; prose and other code blocks are ignored.  A document without
    such a block has no map: mark the blocks that hold Argdown with the language
    `argdown`, or pass `--from argdown` to read the whole file as Argdown.""",
)
