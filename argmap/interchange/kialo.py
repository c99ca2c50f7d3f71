"""Kialo's plain-text discussion export.

Kialo exports a discussion as numbered lines::

    Discussion Title: Should cities ban cars?

    1. Cities should ban cars from their centres.
    1.1. Pro: Cars pollute the air.
    1.1.1. Con: Electric cars do not.
    1.2. Con: Deliveries need vehicles.
    1.2.1. Pro: -> See 1.1.1.

Each claim becomes a statement titled by its number (``[1.2]``); ``Pro:`` is a
support of the parent claim, ``Con:`` an attack.  ``-> See 1.1.1.`` repeats an
existing claim: the relation starts from that claim instead of a new statement.  A
line without a number continues the claim above it.  The discussion title is kept in
the front matter (``title``).  A broken numbering (a claim whose parent does not exist,
a number used twice, a ``See`` to a claim that is not there) is an error naming the line.
"""

from __future__ import annotations

import re

from argmap.diagnostics import Diagnostic
from argmap.interchange.common import at, span_at
from argmap.model import ArgumentMap, RelationType, Span, Statement, StatementMember, statement_node
from argmap.rules.interchange import AM410, AM411

_CLAIM = re.compile(r"[ \t]*((?:\d+\.)+)[ \t]+(?:(Pro|Con):[ \t]*)?(.*)$", re.IGNORECASE)
_SEE = re.compile(r"->[ \t]*See[ \t]+((?:\d+\.)*\d+)\.?[ \t]*$", re.IGNORECASE)
_TITLE = re.compile(r"[ \t]*Discussion Title:[ \t]*(.*)$", re.IGNORECASE)


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
    see: list[tuple[str, str, str | None, int]] = []  # (number, target, stance, line)
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
            see.append((number, reference.group(1), stance, lineno))
            continue
        if not body:
            diagnostics.append(at(AM411, f"claim {number}. has no text", name, lineno))
        amap.add_statement(Statement(number, [StatementMember(body, span, False)]))
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
        child = number
        for seen_number, target, _, _ in see:
            if seen_number == number:
                child = target
        if child not in amap.statements:
            diagnostics.append(at(AM411, f"'-> See {child}.' points to no claim", name, lineno))
            continue
        if parent_node not in amap.statements:
            continue
        kind = RelationType.SUPPORT if stance == "pro" else RelationType.ATTACK
        if child != parent_node:
            amap.add_relation(kind, statement_node(child), statement_node(parent_node), spans[number])
    return amap, diagnostics


def _resolve(number: str, see: list[tuple[str, str, str | None, int]]) -> str:
    """A claim that is a ``See`` link stands for the claim it points to."""
    for _ in range(len(see) + 1):
        for seen_number, target, _, _ in see:
            if seen_number == number:
                number = target
                break
        else:
            return number
    return number
