"""The shipped default map (the 2016 Syria ceasefire op-ed), pinned by meaning, not by line.

Claims are found by words of their title or text, so the map can be reworded and
reordered freely as long as it still says what these tests expect.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import shared_path

import argmap
from argmap import queries
from argmap.diagnostics import Severity
from argmap.model import ArgumentMap, RelationType, Statement
from argmap.provenance import IMPLICIT_TAG, check_provenance, normalize, paragraphs

SEED = ("seed", "000_e921d8a74cfff232.txt")
KINDS = {"fact", "prediction", "evaluation", "explanation", "conditional", "normative"}


@pytest.fixture(scope="module")
def amap() -> ArgumentMap:
    loaded, _ = argmap.load_default()
    return loaded


def find(amap: ArgumentMap, *words: str) -> str:
    """The one statement node whose title or text contains all ``words`` (case-insensitive)."""
    found = [
        statement.node
        for statement in amap.statements.values()
        if all(w.lower() in f"{statement.title} {statement.text}".lower() for w in words)
    ]
    assert len(found) == 1, f"expected one statement with {words}, found {found}"
    return found[0]


def record(amap: ArgumentMap, node: str) -> Statement:
    return amap.statements[node[1:-1]]


def below(amap: ArgumentMap, node: str) -> set[str]:
    """Everything ``node`` rests on: supporters and premises, all the way down."""
    seen = {node}
    stack = [node]
    while stack:
        for nxt in queries.reasons(amap, stack.pop()):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen - {node}


def concluding(amap: ArgumentMap, node: str) -> Iterator[argmap.Argument]:
    """The reconstructed arguments whose main conclusion is ``node``."""
    for argument in amap.arguments.values():
        if argument.pcs and argument.conclusion == node[1:-1]:
            yield argument


# -- it loads clean --------------------------------------------------------------


def test_default_map_has_no_errors_or_warnings() -> None:
    _, diagnostics = argmap.load_default()
    problems = [d for d in diagnostics if d.severity in (Severity.ERROR, Severity.WARNING)]
    assert problems == [], "\n".join(str(d) for d in problems)


def test_default_map_size(amap: ArgumentMap) -> None:
    assert len(amap.statements) >= 30
    reconstructed = [a for a in amap.arguments.values() if a.pcs]
    assert len(reconstructed) >= 6
    assert len(list(amap.relations(RelationType.ATTACK))) >= 3


# -- the thesis ----------------------------------------------------------------------


def test_main_conclusion_is_a_root_and_a_main_conclusion(amap: ArgumentMap) -> None:
    main = find(amap, "only temporary")
    assert main in queries.roots(amap)
    assert queries.main_conclusions(amap)[0] == main


def test_return_to_the_table_supports_the_main_conclusion(amap: ArgumentMap) -> None:
    main = find(amap, "only temporary")
    table = find(amap, "negotiating table", "concessions")
    assert "six months" in record(amap, table).text
    assert table in queries.supporters(amap, main)


@pytest.mark.parametrize(
    "words",
    [
        ("moderate", "opposition"),  # there is no moderate opposition
        ("pentagon", "sabotag"),  # the Pentagon sabotaged the deal
        ("no military solution",),
    ],
)
def test_named_premises_are_reachable_from_the_main_conclusion_by_support(
    amap: ArgumentMap, words: tuple[str, ...]
) -> None:
    main = find(amap, "only temporary")
    assert find(amap, *words) in below(amap, main)


def test_named_premises_are_found_by_why(amap: ArgumentMap) -> None:
    main = find(amap, "only temporary")
    grounds = queries.grounds(amap, main)
    assert find(amap, "moderate", "opposition") in grounds
    assert find(amap, "pentagon", "sabotag") in grounds


def test_no_cycle_through_the_main_conclusion(amap: ArgumentMap) -> None:
    main = find(amap, "only temporary")
    assert main not in below(amap, main)


# -- required reconstructions ----------------------------------------------------------


@pytest.mark.parametrize(
    "words",
    [
        ("washington", "part of the agreement"),  # Washington cannot deliver its part
        ("no military solution",),
        ("negotiating table", "concessions"),  # the return to the negotiating table
        ("russia will not leave syria",),
        ("putin", "part of the deal"),  # Russia can deliver its part
    ],
)
def test_key_conclusions_are_reconstructed_with_an_implicit_premise(amap: ArgumentMap, words: tuple[str, ...]) -> None:
    node = find(amap, *words)
    arguments = list(concluding(amap, node))
    assert arguments, f"no argument concludes {node}"
    for argument in arguments:
        assert len(argument.premises) >= 2


def test_implicit_premises_are_tagged_and_unquoted(amap: ArgumentMap) -> None:
    implicit = [s for s in amap.statements.values() if IMPLICIT_TAG in s.tags]
    assert len(implicit) >= 6
    for statement in implicit:
        assert "quote" not in statement.data and "para" not in statement.data, statement.title
    for words in [
        ("washington", "part of the agreement"),
        ("no military solution",),
        ("negotiating table", "concessions"),
    ]:
        (argument,) = concluding(amap, find(amap, *words))
        assert any(IMPLICIT_TAG in amap.statements[p].tags for p in argument.premises), argument.title


def test_washington_cannot_deliver_rests_on_the_opposition_and_the_divided_us(amap: ArgumentMap) -> None:
    (argument,) = concluding(amap, find(amap, "washington", "part of the agreement"))
    premises = {f"[{p}]" for p in argument.premises}
    assert find(amap, "moderate", "opposition") in premises
    assert find(amap, "kurds") in premises
    stakeholders = find(amap, "stakeholders")
    assert stakeholders in premises
    assert find(amap, "pentagon", "sabotag") in queries.supporters(amap, stakeholders)


def test_russia_stays_rests_on_sunk_costs_defeat_and_afghanistan(amap: ArgumentMap) -> None:
    (argument,) = concluding(amap, find(amap, "russia will not leave syria"))
    premises = {f"[{p}]" for p in argument.premises}
    for words in [("energy and resources",), ("acknowledgement of defeat",), ("afghanistan",)]:
        assert find(amap, *words) in premises, words


# -- faithfulness -----------------------------------------------------------------------------


def test_the_sabotage_charge_stays_attributed(amap: ArgumentMap) -> None:
    sabotage = record(amap, find(amap, "pentagon", "sabotag"))
    assert "according to the russian military" in sabotage.text.lower()
    assert "according to the russian military" in normalize(sabotage.data["quote"]).lower()


@pytest.mark.parametrize(
    ("position", "fed_by"),
    [
        (("open armed conflict",), ("s-300",)),
        (("deal", "dead"), ("suspend",)),
        (("assad", "no options"), ("allies stop",)),
    ],
)
def test_opposed_positions_are_attacked_and_show_what_fed_them(
    amap: ArgumentMap, position: tuple[str, ...], fed_by: tuple[str, ...]
) -> None:
    node = find(amap, *position)
    assert "opposed" in record(amap, node).tags
    assert queries.attackers(amap, node), f"nothing attacks {node}"
    assert find(amap, *fed_by) in queries.supporters(amap, node)
    # An opposed position says something against the author's own claims.
    assert queries.attacked(amap, node), f"{node} attacks none of the author's claims"


def test_war_speculation_is_answered_by_the_lack_of_interest_in_confrontation(amap: ArgumentMap) -> None:
    conflict = find(amap, "open armed conflict")
    assert find(amap, "military confrontation", "interest") in queries.attackers(amap, conflict)


def test_every_stated_claim_has_a_kind_tag(amap: ArgumentMap) -> None:
    for statement in amap.statements.values():
        if IMPLICIT_TAG in statement.tags:
            continue
        assert KINDS & set(statement.tags) or "opposed" in statement.tags, statement.title


def test_sections_follow_the_piece(amap: ArgumentMap) -> None:
    titles = [s.title.lower() for s in amap.sections.values()]
    assert len(titles) >= 5
    main = record(amap, find(amap, "only temporary"))
    first = next(iter(amap.sections.values()))
    assert main.sections == [first.id]  # the thesis opens the map, as it opens the piece
    assert any("fail" in t for t in titles)
    assert any("catastrophic" in t for t in titles)
    assert any("table" in t for t in titles)


# -- provenance against the piece -------------------------------------------------------------------


def test_every_quote_is_in_the_seed_at_its_paragraph(amap: ArgumentMap) -> None:
    seed = shared_path(*SEED)
    found = check_provenance(amap, seed.read_text(encoding="utf-8"), seed.name)
    assert found == [], "\n".join(str(d) for d in found)


def test_quotes_are_excerpts_not_paragraphs(amap: ArgumentMap) -> None:
    seed = shared_path(*SEED)
    paras = paragraphs(seed.read_text(encoding="utf-8"))
    quoted = 0
    for statement in amap.statements.values():
        for member in statement.members:
            if "quote" not in member.data:
                continue
            quoted += 1
            para = normalize(paras[member.data["para"] - 1])
            assert len(normalize(member.data["quote"])) < len(para), statement.title
    assert quoted >= 30
