"""argmap.diff: each kind of change on small maps, read as Argdown text."""

from __future__ import annotations

import argmap
from argmap.diff import diff_maps, match_maps, word_diff
from argmap.diff.records import FieldChange, ItemChange, MapDiff


def _diff(old: str, new: str) -> MapDiff:
    return diff_maps(argmap.loads(old, "old")[0], argmap.loads(new, "new")[0])


def _fields(items: list[ItemChange], node: str) -> dict[str, FieldChange]:
    return {f.field: f for change in items if change.id == node for f in change.fields}


BASE = """# Part one

[C]: The claim holds. #thesis {quote: "the claim", para: 1}
  + [R]: A reason for it.
  - [O]: An objection to it.

<Arg>: An argument.

(1) [P1]: First premise.
(2) [P2]: Second premise.
-- modus ponens --
(3) [C]
"""


def test_the_same_map_is_no_change() -> None:
    result = _diff(BASE, BASE)
    assert not result
    assert result.to_dict()["same"] is True


def test_rewrapped_and_reordered_text_is_no_change() -> None:
    moved = """<Arg>: An
   argument.

(1) [P1]: First
  premise.
(2) [P2]: Second premise.
-- modus ponens --
(3) [C]

# Part one

[C]: The claim
  holds. #thesis {quote: "the claim", para: 1}
  - [O]: An objection to it.
  + [R]: A reason for it.
"""
    assert not _diff(BASE, moved)


def test_added_and_removed_statements() -> None:
    result = _diff(BASE, BASE.replace("  - [O]: An objection to it.\n", "  + [N]: A new reason.\n"))
    assert [i.id for i in result.statements.added] == ["[N]"]
    assert [i.id for i in result.statements.removed] == ["[O]"]
    assert [(r.type, r.source, r.target) for r in result.relations.added] == [("support", "[N]", "[C]")]
    assert [(r.type, r.source, r.target) for r in result.relations.removed] == [("attack", "[O]", "[C]")]


def test_a_reworded_statement_shows_the_words_that_changed() -> None:
    result = _diff(BASE, BASE.replace("A reason for it.", "A good reason for it."))
    text = _fields(result.statements.changed, "[R]")["text"]
    assert text.before == "A reason for it."
    assert [(w.op, w.text) for w in text.words] == [("=", "A"), ("+", "good"), ("=", "reason for it.")]


def test_a_renamed_statement_with_reworded_text_is_a_rename() -> None:
    result = _diff(BASE, BASE.replace("[O]: An objection to it.", "[Objection]: An objection against it."))
    assert [(r.old_id, r.new_id) for r in result.statements.renamed] == [("[O]", "[Objection]")]
    assert not result.statements.added and not result.statements.removed
    assert "text" in _fields(result.statements.changed, "[Objection]")
    assert not result.relations, "the attack is the same relation under the new name"


def test_a_renamed_statement_with_other_text_is_a_removal_and_an_addition() -> None:
    result = _diff(BASE, BASE.replace("[O]: An objection to it.", "[Other]: Something else entirely, surely."))
    assert not result.statements.renamed
    assert [i.id for i in result.statements.added] == ["[Other]"]


def test_tags_data_quotes_and_sections() -> None:
    new = BASE.replace('#thesis {quote: "the claim", para: 1}', '#main {quote: "the claim holds", para: 2, weight: 3}')
    new = new.replace("<Arg>: An argument.", "# Part two\n\n<Arg>: An argument.")
    result = _diff(BASE, new)
    fields = _fields(result.statements.changed, "[C]")
    assert (fields["tags"].added, fields["tags"].removed) == (["main"], ["thesis"])
    assert (fields["data"].before, fields["data"].after) == ({}, {"weight": 3})
    assert fields["quote"].after == {"quote": "the claim holds", "para": 2}
    section = _fields(result.arguments.changed, "<Arg>")["section"]
    assert (section.before, section.after) == (["Part one"], ["Part two"])


def test_pcs_premise_added_removed_reordered_and_rule_changed() -> None:
    added = _diff(BASE, BASE.replace("(2) [P2]: Second premise.", "(2) [P2]: Second premise.\n(3) [P3]: Third."))
    premises = _fields(added.arguments.changed, "<Arg>")["premises"]
    assert (premises.added, premises.removed) == (["[P3]"], [])
    removed = _diff(BASE, BASE.replace("(2) [P2]: Second premise.\n", ""))
    premises = _fields(removed.arguments.changed, "<Arg>")["premises"]
    assert (premises.added, premises.removed) == ([], ["[P2]"])
    swapped = BASE.replace(
        "(1) [P1]: First premise.\n(2) [P2]: Second premise.", "(1) [P2]: Second premise.\n(2) [P1]: First premise."
    )
    order = _fields(_diff(BASE, swapped).arguments.changed, "<Arg>")["order"]
    assert order.after == ["[P2]", "[P1]"]
    rule = _fields(_diff(BASE, BASE.replace("modus ponens", "modus tollens")).arguments.changed, "<Arg>")
    assert rule["inference"].after == [["modus tollens"]]


def test_a_relation_that_changes_type() -> None:
    result = _diff(BASE, BASE.replace("  - [O]", "  + [O]"))
    assert [(c.source, c.target, c.before, c.after) for c in result.relations.changed] == [
        ("[O]", "[C]", ["attack"], ["support"])
    ]


def test_arguments_are_matched_by_structure_when_renamed() -> None:
    result = _diff(BASE, BASE.replace("<Arg>: An argument.", "<Renamed>: Quite another description here."))
    assert [(r.old_id, r.new_id) for r in result.arguments.renamed] == [("<Arg>", "<Renamed>")]
    assert "description" in _fields(result.arguments.changed, "<Renamed>")


def test_a_removed_objection_flips_the_label_and_says_why() -> None:
    old = "[C]: Claim.\n  - [O]: Objection.\n\n[D]: Depends.\n  - [C]\n\n[E]: Further.\n  - [D]\n"
    result = _diff(old, old.replace("  - [O]: Objection.\n", ""))
    labels = {c.id: (c.before, c.after, [(x.kind, x.id, x.via) for x in c.because]) for c in result.labels}
    removed = ("relation removed", "[C]", [])
    assert labels["[C]"] == ("OUT", "IN", [removed])
    assert labels["[D]"] == ("IN", "OUT", [("label changed", "[C]", []), removed])
    assert labels["[E]"] == ("OUT", "IN", [("label changed", "[D]", []), ("relation removed", "[C]", ["[D]"])])


def test_a_removed_contradiction_explains_both_ends() -> None:
    result = _diff("[A]: a.\n  >< [B]: b.\n", "[A]: a.\n\n[B]: b.\n")
    labels = {c.id: (c.before, c.after, [(x.kind, x.id) for x in c.because]) for c in result.labels}
    assert labels == {
        "[A]": ("UNDEC", "IN", [("relation removed", "[A]")]),
        "[B]": ("UNDEC", "IN", [("relation removed", "[B]")]),
    }


def test_a_contradiction_written_from_the_other_end_is_no_change() -> None:
    assert not _diff("[A]: a.\n  >< [B]: b.\n", "[B]: b.\n  >< [A]: a.\n")


def test_nested_sections_are_named_by_their_headings() -> None:
    result = _diff("# One\n\n## Sub\n\n[A]: a.\n", "# One\n\n[A]: a.\n")
    section = _fields(result.statements.changed, "[A]")["section"]
    assert (section.before, section.after) == (["One > Sub"], ["One"])


def test_untitled_statements_are_matched_by_text() -> None:
    old, new = (
        argmap.loads("[C]: c.\n  + a first reason.\n  + a second reason.")[0],
        argmap.loads("[C]: c.\n  + a second reason.\n  + a first reason.")[0],
    )
    assert not diff_maps(old, new)
    assert len(match_maps(old, new).statements) == 3


def test_word_diff_ignores_white_space() -> None:
    assert [(w.op, w.text) for w in word_diff("a  b\nc", "a b c")] == [("=", "a b c")]
