r"""Kialo's plain-text discussion export.

Kialo exports a discussion as numbered lines::

    Discussion Title: Should cities ban cars?

    1. Cities should ban cars from their centres.
    1.1. Pro: Cars pollute the air.
    1.1.1. Con: Electric cars do not.
    1.2. Con: Deliveries need vehicles.
    1.2.1. Pro: -> See 1.1.1.

Each claim becomes a statement with a short title made from its first words (unique in
the map), and Kialo's number in its data (``{kialo: "1.2"}``).  Claim texts are
Kialo's Markdown, read as Argdown reads an element's text: links, emphasis and backslash
escapes are reduced to their words.  ``Pro:`` is a support of the parent claim,
``Con:`` an attack.  ``-> See 1.1.1.`` repeats an
existing claim: the relation starts from that claim instead of a new statement.  A
line without a number continues the claim above it.  The discussion title is kept in
the front matter (``title``).  A broken numbering (a claim whose parent does not exist,
a number used twice, a ``See`` to a claim that is not there) is an error naming the line.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator

from argmap.argdown.inline import clean_text, escape_shortcodes
from argmap.diagnostics import Diagnostic
from argmap.files import pieces_of_lines
from argmap.interchange.common import at, span_at
from argmap.model import (
    NEGATIVE,
    REASONS,
    ArgumentMap,
    Relation,
    RelationType,
    Span,
    Statement,
    StatementMember,
    statement_node,
)
from argmap.rules.interchange import AM410, AM411

_CLAIM = re.compile(r"[ \t]*((?:\d+\.)+)[ \t]+(?:(Pro|Con):[ \t]*)?(.*)$", re.IGNORECASE)
_SEE = re.compile(r"->[ \t]*See[ \t]+((?:\d+\.)*\d+)\.?[ \t]*$", re.IGNORECASE)
_TITLE = re.compile(r"[ \t]*Discussion Title:[ \t]*(.*)$", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_TRAILING = frozenset(
    {"a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "from"}
    | {"with", "that", "which", "who", "is", "are", "was", "be", "as", "than"}
)
"""Words a title does not end with."""
TITLE_WORDS = 5
"""A claim's title is at most this many of its first words (and at most 40 characters)."""


def short_title(text: str, used: set[str]) -> str:
    """A title a person can type, from the first words of ``text``, unique among ``used``
    (which it joins): "Cars pollute the air" for "Cars pollute the air in cities."."""
    words: list[str] = []
    for word in _WORD.findall(text):
        if len(words) == TITLE_WORDS or len(" ".join([*words, word])) > 40:
            break
        words.append(word)
    while len(words) > 1 and words[-1].lower() in _TRAILING:
        words.pop()  # "Cars pollute the air", not "Cars pollute the air that"
    base = " ".join(words) or "Claim"
    title, n = base, 1
    while title.lower() in used:
        n += 1
        title = f"{base} {n}"
    used.add(title.lower())
    return title


def read_kialo(text: str, name: str = "<kialo>") -> tuple[ArgumentMap, list[Diagnostic]]:
    """Read a Kialo text export.  Never raises: problems are diagnostics with a line."""
    amap = ArgumentMap(name)
    diagnostics: list[Diagnostic] = []
    if text.startswith("\ufeff"):
        text = text[1:]
    # (number, stance, text lines, line number)
    claims: list[tuple[str, str | None, list[str], int]] = []
    for lineno, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        if not line.strip():
            continue
        title = _TITLE.match(line)
        if title and not claims:
            amap.frontmatter["title"] = title.group(1).strip()
            continue
        claim = _CLAIM.match(line)
        if claim:
            number = claim.group(1).rstrip(".")
            stance = claim.group(2).lower() if claim.group(2) else None
            claims.append((number, stance, [claim.group(3)], lineno))
        elif claims:
            claims[-1][2].append(line.strip())
        else:
            diagnostics.append(at(AM410, "expected a numbered claim such as '1.' or '1.1. Pro:'", name, lineno))
    if not claims and not diagnostics:
        diagnostics.append(at(AM410, "no numbered claims: this does not look like a Kialo export", name, 1))
    spans: dict[str, Span] = {}
    titles: dict[str, str] = {}  # Kialo number -> statement title
    used: set[str] = set()
    see: dict[str, str] = {}  # the number of a "-> See" line -> the number it points to
    for number, stance, lines, lineno in claims:
        body = " ".join(" ".join(lines).split())
        span = span_at(name, lineno)
        if number in spans:
            diagnostics.append(
                at(AM411, f"claim number {number}. is used twice (first on line {spans[number].line})", name, lineno)
            )
            continue
        spans[number] = span
        depth = number.count(".")
        if depth > 0 and stance is None:
            diagnostics.append(at(AM411, f"claim {number}. has no 'Pro:' or 'Con:'", name, lineno))
        if depth == 0 and stance is not None:
            diagnostics.append(
                at(AM411, f"claim {number}. is a thesis but is marked '{stance.title()}:'", name, lineno)
            )
        reference = _SEE.match(body)
        if reference:
            see[number] = reference.group(1)
            continue
        if not body:
            diagnostics.append(at(AM411, f"claim {number}. has no text", name, lineno))
        text = clean_text(body)
        claim_title = titles[number] = short_title(text, used)
        amap.add_statement(Statement(claim_title, [StatementMember(text, span, False, data={"kialo": number})]))
    for number, stance, _lines, lineno in claims:
        if "." not in number or stance is None or number not in spans or spans[number].line != lineno:
            continue
        parent = number.rsplit(".", 1)[0]
        if parent not in spans:
            diagnostics.append(
                at(AM411, f"broken numbering: claim {number}. has no parent claim {parent}.", name, lineno)
            )
            continue
        parent_node = _resolve(parent, see)
        child = see.get(number, number)
        if child not in titles:
            diagnostics.append(at(AM411, f"'-> See {child}.' points to no claim", name, lineno))
            continue
        if parent_node not in titles:
            continue
        kind = RelationType.SUPPORT if stance == "pro" else RelationType.ATTACK
        if child != parent_node:
            source, target = statement_node(titles[child]), statement_node(titles[parent_node])
            amap.add_relation(kind, source, target, spans[number])
    return amap, diagnostics


def _resolve(number: str, see: dict[str, str]) -> str:
    """A claim that is a ``See`` link stands for the claim it points to."""
    for _ in range(len(see) + 1):
        if number not in see:
            return number
        number = see[number]
    return number


# -- writing -----------------------------------------------------------------------------

_STANCE = {**dict.fromkeys(REASONS, "Pro"), **dict.fromkeys(NEGATIVE, "Con")}
"""Kialo's stance of a relation's source towards its target; other relations are not written."""
_KIALO_MARKUP = re.compile(r"[\\*_\[\]`]")


def to_kialo(amap: ArgumentMap) -> str:
    """``amap`` as a Kialo text export (see :func:`chunks`)."""
    return "".join(chunks(amap))


def chunks(amap: ArgumentMap) -> Iterator[str]:
    """``amap`` as a Kialo text export, in pieces: each claim that is a reason for nothing
    is a thesis (``1.``, ``2.``...), and below a claim its supporters (``Pro:``) and
    attackers (``Con:``), numbered as Kialo numbers them.

    A claim that is a reason for several claims is written in full once, where it is
    nearest to its thesis, and ``-> See N.`` everywhere else: its number stays short,
    where the first place met in a depth-first walk can be as deep as the map is large
    (and the numbers of everything below it longer still).

    Kialo knows claims only: an argument is written as a claim with its description (or
    title), and a reconstructed argument's premises as its pros.  Texts are escaped so
    that their Markdown reads back as written."""
    # A claim's reasons, in the map's order: the relations from them (their source is the
    # reason: a premise of its argument, an argument of its conclusion).
    children: dict[str, list[Relation]] = {}
    sources: set[str] = set()
    for relation in amap.relations():
        if relation.type in _STANCE:
            children.setdefault(relation.target, []).append(relation)
            sources.add(relation.source)
    nodes = [s.node for s in amap.statements.values()] + [a.node for a in amap.arguments.values()]
    # Theses: the claims that are a reason for nothing, then (a cycle has no such claim)
    # the first claim of each cycle that none of them reaches.
    theses, home = _homes([n for n in nodes if n not in sources] + [n for n in nodes if n in sources], children)
    pieces = pieces_of_lines(_lines(amap, theses, home, children))
    yield next(pieces, "\n")  # an empty map is one empty line
    yield from pieces


def _lines(
    amap: ArgumentMap, theses: list[str], home: dict[str, tuple[str | None, int]], children: dict[str, list[Relation]]
) -> Iterator[str]:
    title = amap.frontmatter.get("title")
    if title:
        yield f"Discussion Title: {_one_line(str(title))}"
        yield ""
    for number, thesis in enumerate(theses, start=1):
        # Depth first, with an explicit stack: any depth of reasons costs no Python frame.
        stack: list[tuple[str, str, str | None, bool]] = [(thesis, str(number), None, True)]
        while stack:
            node, place, side, in_full = stack.pop()
            head = f"{place}. " + (f"{side}: " if side else "")
            if not in_full:
                yield f"{head}-> See {_place(node, home)}."
                continue
            yield head + _kialo_text(amap, node)
            below = children.get(node, [])
            for k in range(len(below), 0, -1):
                child = below[k - 1].source
                stack.append((child, f"{place}.{k}", _STANCE[below[k - 1].type], home[child] == (node, k)))


def _homes(
    starts: list[str], children: dict[str, list[Relation]]
) -> tuple[list[str], dict[str, tuple[str | None, int]]]:
    """The theses, and each claim's home: the parent and place (1, 2...) below it where
    the claim is written in full; a thesis's home is (None, its number).  Breadth first
    from each thesis in turn: a claim is written in full where it is fewest steps below
    the first thesis that reaches it."""
    theses: list[str] = []
    home: dict[str, tuple[str | None, int]] = {}
    for start in starts:
        if start in home:
            continue
        theses.append(start)
        home[start] = (None, len(theses))
        queue = deque([start])
        while queue:
            node = queue.popleft()
            for k, relation in enumerate(children.get(node, ()), start=1):
                child = relation.source
                if child not in home:
                    home[child] = (node, k)
                    queue.append(child)
    return theses, home


def _place(node: str, home: dict[str, tuple[str | None, int]]) -> str:
    """The number of the place where ``node`` is written in full, such as ``1.2.1``."""
    parts: list[str] = []
    parent: str | None = node
    while parent is not None:
        parent, k = home[parent]
        parts.append(str(k))
    return ".".join(reversed(parts))


def _kialo_text(amap: ArgumentMap, node: str) -> str:
    if node.startswith("<"):
        argument = amap.arguments[node[1:-1]]
        text = " ".join(d for d in argument.descriptions if d) or argument.title
    else:
        statement = amap.statements[node[1:-1]]
        text = statement.text or statement.title
    return escape_shortcodes(_KIALO_MARKUP.sub(lambda m: "\\" + m.group(0), _one_line(text)))


def _one_line(text: str) -> str:
    return " ".join(text.split())
