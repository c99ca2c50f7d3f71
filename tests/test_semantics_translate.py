"""Maps to frameworks: labels, what-if and cruxes on hand-made maps, answers worked out here."""

from __future__ import annotations

import pytest

import argmap
from argmap.semantics import Label, cruxes, evaluate, label_map, translate, what_if

IN, OUT, UNDEC = Label.IN, Label.OUT, Label.UNDEC

# [C] is the conclusion of <A1> (premises [P1], [P2]) and attacked by <B1>,
# which [D] attacks.
DEFENDED = """
[C]: The claim.
  + <A1>
  - <B1>
    - [D]: B1 is wrong.

<A1>: The first argument.

(1) [P1]: First premise.
(2) [P2]: Second premise.
----
(3) [C]

<B1>: An attacker with no reconstruction.
"""

# [C] has two independent reasons; [X] knocks out the first.
TWO_REASONS = """
[C]: The claim.
  + [S1]: First reason.
    - [X]: Against the first reason.
  + [S2]: Second reason.
"""

UNDERCUT = """
<A>: An argument.

(1) [P]: A premise.
----
(2) [C]: Its conclusion.

<A>
  _ <U>: An undercutter.
"""

CHAIN = """
<A>: A two-step argument.

(1) [P]: First premise.
----
(2) [I]: Intermediate step.
(3) [Q]: Second premise.
----
(4) [C]: Conclusion.

[X]: Against the step.
  -> [I]
"""


def load(text: str) -> argmap.ArgumentMap:
    amap, diagnostics = argmap.loads(text)
    assert not [d for d in diagnostics if d.severity == "error"], diagnostics
    return amap


def test_defended_claim_stands() -> None:
    labels = label_map(load(DEFENDED))
    assert labels == {
        "[C]": "IN",  # its argument stands and its attacker is defeated
        "<A1>": "IN",  # both premises stand
        "<B1>": "OUT",  # attacked by [D], which nothing attacks
        "[D]": "IN",
        "[P1]": "IN",
        "[P2]": "IN",
    }


def test_translation_adds_one_auxiliary_per_premise_and_per_supported_statement() -> None:
    translation = translate(load(DEFENDED))
    names = translation.af.all_names()
    assert names[translation.claim_count :] == [
        "unsupported([C])",
        "premise-fails(<A1>, [P1])",
        "premise-fails(<A1>, [P2])",
    ]
    assert translation.basic_statements() == ["[D]", "[P1]", "[P2]"]
    pairs = {(names[a], names[b]) for a, b in translation.af.attack_pairs()}
    assert ("<B1>", "[C]") in pairs and ("[D]", "<B1>") in pairs
    assert ("<A1>", "unsupported([C])") in pairs and ("unsupported([C])", "[C]") in pairs
    assert ("[P1]", "premise-fails(<A1>, [P1])") in pairs and ("premise-fails(<A1>, [P1])", "<A1>") in pairs


def test_rejecting_a_premise_topples_the_argument_and_its_conclusion() -> None:
    changes = what_if(load(DEFENDED), reject=["[P1]"])
    assert {(c.node, c.before, c.after) for c in changes} == {
        ("[P1]", IN, OUT),
        ("<A1>", IN, OUT),
        ("[C]", IN, OUT),  # its only supporter fell
    }


def test_accepting_an_attacked_premise() -> None:
    # Accept <B1> (remove every attack on it): then [C] is attacked by a standing argument.
    changes = what_if(load(DEFENDED), accept=["<B1>"])
    assert {(c.node, c.before, c.after) for c in changes} == {("<B1>", OUT, IN), ("[C]", IN, OUT)}


def test_what_if_without_changes_is_empty() -> None:
    assert what_if(load(DEFENDED)) == []


def test_what_if_rejects_unknown_and_contradictory_requests() -> None:
    amap = load(DEFENDED)
    with pytest.raises(KeyError):
        what_if(amap, reject=["[Nope]"])
    with pytest.raises(ValueError):
        what_if(amap, reject=["[P1]"], accept=["[P1]"])


def test_cruxes_of_defended_claim() -> None:
    # Any one of the premises, or the defender [D], is enough on its own.
    assert set(cruxes(load(DEFENDED), "[C]")) == {("[P1]",), ("[P2]",), ("[D]",)}


def test_disjunctive_support() -> None:
    amap = load(TWO_REASONS)
    labels = label_map(amap)
    assert labels == {"[C]": "IN", "[S1]": "OUT", "[X]": "IN", "[S2]": "IN"}
    # Denying the second reason leaves no standing reason.
    assert {(c.node, c.after) for c in what_if(amap, reject=["[S2]"])} == {("[S2]", OUT), ("[C]", OUT)}
    # Denying [X] alone changes nothing for [C]; [S1] is OUT already so never a candidate;
    # {[S2]} is the only minimal crux ({[X], [S2]} is not minimal).
    assert cruxes(amap, "[C]") == [("[S2]",)]


def test_cruxes_need_two_premises() -> None:
    amap = load(
        """
[C]: The claim.
  + [S1]: First reason.
  + [S2]: Second reason.
"""
    )
    assert cruxes(amap, "[C]", max_size=1) == []
    assert cruxes(amap, "[C]") == [("[S1]", "[S2]")]


def test_cruxes_of_an_unaccepted_claim_is_the_empty_set() -> None:
    assert cruxes(load(TWO_REASONS), "[S1]") == [()]
    with pytest.raises(KeyError):
        cruxes(load(TWO_REASONS), "[Missing]")


def test_undercut_defeats_argument_and_its_conclusion() -> None:
    amap = load(UNDERCUT)
    assert label_map(amap) == {"<A>": "OUT", "[P]": "IN", "[C]": "OUT", "<U>": "IN"}
    changes = what_if(amap, reject=["<U>"])
    assert {(c.node, c.after) for c in changes} == {("<U>", OUT), ("<A>", IN), ("[C]", IN)}


def test_attack_on_intermediate_conclusion_defeats_argument() -> None:
    labels = label_map(load(CHAIN))
    assert labels["[I]"] == "OUT"
    assert labels["<A>"] == "OUT"
    assert labels["[C]"] == "OUT"
    assert labels["[P]"] == labels["[Q]"] == labels["[X]"] == "IN"


def test_contradiction_is_mutual() -> None:
    amap = load("[A]: One side.\n  >< [B]: The other side.\n")
    assert label_map(amap) == {"[A]": "UNDEC", "[B]": "UNDEC"}
    preferred = evaluate(amap, "preferred")
    in_sets = sorted(sorted(n for n, lab in ext.items() if lab is IN) for ext in preferred.extensions)
    assert in_sets == [["[A]"], ["[B]"]]
    assert preferred.credulous == {"[A]": True, "[B]": True}
    assert preferred.sceptical == {"[A]": False, "[B]": False}
    assert evaluate(amap, "stable").labels == {"[A]": UNDEC, "[B]": UNDEC}


def test_circular_support_is_not_grounded() -> None:
    amap, _ = argmap.loads("[A]: One.\n  + [B]: Two.\n    + [A]\n")  # argmap validate flags the circle
    assert label_map(amap) == {"[A]": "UNDEC", "[B]": "UNDEC"}
    # The gadgets make the even cycle [A] -> unsupported([B]) -> [B] -> unsupported([A]) -> [A]:
    # preferred has two extensions, one where both stand and one where neither does.
    preferred = evaluate(amap, "preferred")
    assert sorted(sorted(n for n, lab in ext.items() if lab is IN) for ext in preferred.extensions) == [
        [],
        ["[A]", "[B]"],
    ]


def test_empty_map() -> None:
    assert label_map(load("")) == {}
    assert evaluate(load(""), "preferred").labels == {}


def test_evaluation_json_shape() -> None:
    data = evaluate(load(TWO_REASONS), "stable").to_dict()
    assert data["semantics"] == "stable"
    assert data["counts"] == {"IN": 3, "OUT": 1, "UNDEC": 0}
    assert data["extensions"] == [["[C]", "[S2]", "[X]"]]
    assert data["sceptical"] == ["[C]", "[S2]", "[X]"]


def test_what_if_under_preferred_semantics() -> None:
    # [Y] (contradicted by [X]) is the only reason for [C]: preferred has {[X]} and {[Y], [C]},
    # so all three are UNDEC in the sceptical summary; rejecting [X] settles it.
    amap = load("[C]: Claim.\n  + [Y]: Reason.\n    >< [X]: Rival.\n")
    assert evaluate(amap, "preferred").labels == {"[C]": UNDEC, "[Y]": UNDEC, "[X]": UNDEC}
    changes = what_if(amap, reject=["[X]"], semantics="preferred")
    assert {(c.node, c.before, c.after) for c in changes} == {
        ("[C]", UNDEC, IN),
        ("[Y]", UNDEC, IN),
        ("[X]", UNDEC, OUT),
    }
    accepted = what_if(amap, accept=["[X]"], semantics="stable")
    assert {(c.node, c.after) for c in accepted} == {("[C]", OUT), ("[Y]", OUT), ("[X]", IN)}


def test_default_map_what_if_no_moderate_opposition() -> None:
    path = argmap.default_map_path()
    if not path.is_file():
        pytest.skip("the shipped map is not there yet")
    amap, _ = argmap.load(path)
    if "No moderate opposition" not in amap.statements:
        pytest.skip("the shipped map no longer has [No moderate opposition]")
    before = label_map(amap)
    changes = {(c.node, c.before, c.after) for c in what_if(amap, reject=["[No moderate opposition]"])}
    assert ("[No moderate opposition]", IN, OUT) in changes
    # Every argument that uses it as a premise, and stood, falls with it.
    for title, argument in amap.arguments.items():
        if "No moderate opposition" in argument.premises and before[f"<{title}>"] == "IN":
            assert (f"<{title}>", IN, OUT) in changes
