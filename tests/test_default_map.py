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
from argmap.semantics.direct import grounded_claim_labels
from argmap.semantics.whatif import what_if

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
    # Paragraph 1 states it first, undated ("Eventually ..."); paragraph 23 dates it.
    eventually = find(amap, "eventually the sides")
    assert eventually in queries.supporters(amap, main)
    assert table in queries.supporters(amap, eventually)


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
        arguments = list(concluding(amap, find(amap, *words)))
        assert arguments
        for argument in arguments:
            assert any(IMPLICIT_TAG in amap.statements[p].tags for p in argument.premises), argument.title


def test_washingtons_problems_are_two_separate_arguments_firstly_and_secondly(amap: ArgumentMap) -> None:
    # Paragraph 8: "Firstly, it is not clear which groups ... Secondly, not all stakeholders
    # ...": two reasons, each an argument of its own; the reasons behind "not clear which
    # groups" (no moderate opposition, no Kurds in Aleppo, Islamists with other patrons)
    # are linked in a sub-argument.
    problems = find(amap, "washington", "part of the agreement")
    assert "has problems" in record(amap, problems).text  # not "cannot deliver"
    arguments = list(concluding(amap, problems))
    assert len(arguments) == 2
    unclear = find(amap, "not clear which groups")
    stakeholders = find(amap, "stakeholders")
    firsts = [{f"[{p}]" for p in a.premises} for a in arguments]
    assert any(unclear in premises and stakeholders not in premises for premises in firsts)
    assert any(stakeholders in premises and unclear not in premises for premises in firsts)
    (sub,) = concluding(amap, unclear)
    premises = {f"[{p}]" for p in sub.premises}
    assert find(amap, "moderate", "opposition") in premises
    assert find(amap, "kurds") in premises
    assert find(amap, "islamists") in premises


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
    ],
)
def test_opposed_positions_are_attacked_and_show_what_fed_them(
    amap: ArgumentMap, position: tuple[str, ...], fed_by: tuple[str, ...]
) -> None:
    node = find(amap, *position)
    assert "opposed" in record(amap, node).tags
    assert queries.attackers(amap, node), f"nothing attacks {node}"
    assert find(amap, *fed_by) in below(amap, node)
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


def test_the_us_demand_is_stated_alone_and_attacked_where_the_author_attacks_it(amap: ArgumentMap) -> None:
    # Paragraph 19: "the U.S. wanted Moscow to leave Assad with no options, but offered
    # nothing in return": the position is the demand; "offered nothing" is the answer.
    demand = find(amap, "assad", "no options")
    assert "opposed" in record(amap, demand).tags
    assert "nothing" not in record(amap, demand).text.lower()
    attackers = queries.attackers(amap, demand)
    assert find(amap, "allies stop") in attackers  # paragraph 6: both had to rein in their allies
    assert find(amap, "nothing in return") in attackers
    assert "appreciation" in record(amap, find(amap, "nothing in return")).text


def test_the_war_speculation_is_an_argument_that_paragraph_12_undercuts(amap: ArgumentMap) -> None:
    conflict = find(amap, "open armed conflict")
    assert "speculation" in record(amap, conflict).text.lower()
    (signals,) = concluding(amap, conflict)
    assert "S-300 in Tartus" in signals.premises
    weak = find(amap, "look weak")
    assert f"<{signals.title}>" in [r.target for r in amap.relations(RelationType.UNDERCUT) if r.source == weak]
    assert find(amap, "surprise anyone") not in queries.attackers(amap, conflict)


def test_the_dead_deal_position_attacks_the_thesis_and_is_answered(amap: ArgumentMap) -> None:
    dead = find(amap, "deal", "dead")
    assert "for good" not in record(amap, dead).text
    assert find(amap, "only temporary") in queries.attacked(amap, dead)
    attackers = queries.attackers(amap, dead)
    assert find(amap, "not the first one") in attackers  # paragraph 19
    assert find(amap, "revival of u.s. efforts") in attackers  # paragraph 20, the new president


def test_the_thesis_bridge_is_paragraph_19(amap: ArgumentMap) -> None:
    (setback,) = concluding(amap, find(amap, "only temporary"))
    premises = {f"[{p}]" for p in setback.premises}
    assert find(amap, "complex nature of the conflict") in premises
    assert not any("rushed" in amap.statements[p].text.lower() for p in setback.premises)


@pytest.mark.parametrize(
    "words",
    [
        ("not assad, but the public loyal to him",),
        ("partly aimed",),
        ("plan b",),
        ("devalue all the achievements",),
        ("main stronghold",),
        ("if the situation is favorable, one might expect",),
        ("taking into account the influence of iran and hezbollah",),
    ],
)
def test_qualifiers_of_the_text_are_kept(amap: ArgumentMap, words: tuple[str, ...]) -> None:
    find(amap, *words)


@pytest.mark.parametrize(
    ("words", "para"),
    [
        (("eventually the sides",), 1),  # the thesis as first stated
        (("more favorable position", "not more"), 21),  # the concession
        (("spring of 2017",), 15),
    ],
)
def test_coverage_of_the_piece(amap: ArgumentMap, words: tuple[str, ...], para: int) -> None:
    quoted = [
        (m.data["quote"], m.data["para"]) for s in amap.statements.values() for m in s.members if "quote" in m.data
    ]
    assert any(all(w in normalize(q).lower() for w in words) and p == para for q, p in quoted), words


def test_the_months_ahead_are_reasons_for_no_breakthrough(amap: ArgumentMap) -> None:
    breakthrough = find(amap, "six more months of fighting", "breakthrough")
    supporters = queries.supporters(amap, breakthrough)
    assert find(amap, "focused on aleppo") in supporters
    assert find(amap, "sunni-shia") in supporters
    # "no breakthrough" is not the author's reason for "no military solution" (para. 21)
    assert breakthrough not in queries.supporters(amap, find(amap, "no military solution"))


# -- the author's dependencies, as what-if facts ---------------------------------------------------


def changes(amap: ArgumentMap, *reject: str) -> dict[str, tuple[str, str]]:
    return {c.node: (c.before, c.after) for c in what_if(amap, reject=list(reject))}


def test_the_default_labels_accept_the_author_and_reject_the_opposed(amap: ArgumentMap) -> None:
    labels = grounded_claim_labels(amap)
    for statement in amap.statements.values():
        expected = "OUT" if "opposed" in statement.tags else "IN"
        assert labels[statement.node] == expected, statement.title


def test_rejecting_no_military_solution_takes_back_to_the_table_out(amap: ArgumentMap) -> None:
    table = find(amap, "negotiating table", "concessions")
    assert changes(amap, find(amap, "no military solution"))[table] == ("IN", "OUT")


@pytest.mark.parametrize(
    "words",
    [
        ("fatigue",),  # a hedged aside about persuading the partners (para. 23)
        ("difficult",),  # "difficult, but not catastrophic" is not a premise of the return
        ("not catastrophic",),
        ("not the first one",),
        ("assad", "no options"),
    ],
)
def test_what_the_return_to_the_table_does_not_rest_on(amap: ArgumentMap, words: tuple[str, ...]) -> None:
    table = find(amap, "negotiating table", "concessions")
    node = find(amap, *words) if words != ("difficult",) else "[Difficult]"
    assert table not in changes(amap, node)
    assert node in changes(amap, node) or "opposed" in record(amap, node).tags  # the rejection took


@pytest.mark.parametrize(
    ("reason", "conclusion"),
    [
        # Paragraph 12: three motives, added one by one ("Plus, another factor ...").
        (("irritation",), ("surprise anyone",)),
        (("rational",), ("surprise anyone",)),
        (("look weak",), ("surprise anyone",)),
        # Paragraph 8: "Firstly ... Secondly ...".
        (("stakeholders",), ("washington", "part of the agreement")),
        (("not clear which groups",), ("washington", "part of the agreement")),
        # Paragraph 11: "These factors, as well as U.S. strikes ...".
        (("u.s. struck",), ("led to the failure",)),
        (("russia can", "part of the deal"), ("extremely surprising",)),
        # Paragraph 17 ("Firstly") and 19 ("Besides").
        (("military confrontation", "interest"), ("the situation is not catastrophic",)),
        (("not the first one",), ("the situation is not catastrophic",)),
    ],
)
def test_rejecting_one_of_several_added_reasons_keeps_the_conclusion(
    amap: ArgumentMap, reason: tuple[str, ...], conclusion: tuple[str, ...]
) -> None:
    rejected = changes(amap, find(amap, *reason))
    assert find(amap, *reason) in rejected  # the rejection itself took
    assert find(amap, *conclusion) not in rejected


def test_a_qualifier_is_no_premise(amap: ArgumentMap) -> None:
    # Paragraph 7: "taking into account the influence of Iran and Hezbollah" hedges the
    # conclusion that Putin can do his part; it is not a reason for it.
    deliver = find(amap, "putin", "part of the deal")
    assert find(amap, "hezbollah") == deliver  # the hedge is in the claim, not a claim of its own
    (leverage,) = concluding(amap, deliver)
    assert not any("hezbollah" in amap.statements[p].text.lower() for p in leverage.premises)


def test_linked_premises_are_each_needed(amap: ArgumentMap) -> None:
    # Paragraph 8: no moderates, no Kurds in Aleppo, Islamists with other patrons: together
    # they make it unclear which groups the U.S. controls.
    unclear = find(amap, "not clear which groups")
    for words in [("moderate", "opposition"), ("kurds",), ("islamists",)]:
        assert changes(amap, find(amap, *words))[unclear] == ("IN", "OUT"), words


def test_an_opposed_position_is_never_made_in_by_rejecting_one_premise(amap: ArgumentMap) -> None:
    # In particular not by rejecting what the position itself says (the old
    # "[One-sided demand]" went IN when "[Nothing offered]" was rejected).
    translation_premises = [
        s.node for s in amap.statements.values() if not queries.supporters(amap, s.node) and "opposed" not in s.tags
    ]
    opposed = [s.node for s in amap.statements.values() if "opposed" in s.tags]
    assert len(opposed) == 3
    for premise in translation_premises:
        made_in = [n for n, (_, after) in changes(amap, premise).items() if n in opposed and after == "IN"]
        assert made_in == [], premise


CONFIDENCE_WORDS = ("likely", "might", "clearly", "extremely surprising")


def test_base_scores_only_where_the_piece_signals_confidence(amap: ArgumentMap) -> None:
    """A base score sits only on a statement whose own quote carries a confidence word of
    the piece, above the default for "clearly" and "extremely surprising", below it for
    "might" (docs/strength.md)."""
    scored = 0
    for statement in amap.statements.values():
        for member in statement.members:
            if "base" not in member.data:
                continue
            scored += 1
            quote = normalize(member.data["quote"]).lower()
            words = [w for w in CONFIDENCE_WORDS if w in quote]
            assert words, statement.title
            base = member.data["base"]
            if "might" in words:
                assert base < 0.5, statement.title
            else:
                assert base > 0.5, statement.title
    assert scored >= 5
