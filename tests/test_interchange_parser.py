"""Parser behaviour changed for conformance with Argdown (each case names the corpus file
that needed it)."""

from __future__ import annotations

import argmap
from argmap.diagnostics import Severity


def errors(text: str) -> list[str]:
    return [d.message for d in argmap.loads(text)[1] if d.severity is Severity.ERROR]


def test_shortcodes_become_symbols() -> None:  # syntax__README__12, guide__using-logical-symbols-and-emojis__01
    amap, _ = argmap.loads("[D]: .~.(p.^.q) .<->. (.~.p) .v. (.~.q)\n  + :happy: :up: e.g. this\n")
    assert amap.statements["D"].text == "¬(p∧q) ↔ (¬p) ∨ (¬q)"
    assert amap.statement("Untitled 1").text == "😀 👍 e.g. this"
    assert argmap.loads("[T]: a.b.~.c and \\.~.\n")[0].statements["T"].text == "a.b.~.c and .~."


def test_heading_runs_to_the_empty_line() -> None:  # examples__semmelweis_betz
    amap, _ = argmap.loads("## Relations between\n@[H1] and the\nEvidence {isGroup: false}\n\n[A]: a\n")
    section = next(iter(amap.sections.values()))
    assert section.title == "Relations between @[H1] and the Evidence"
    assert section.data == {"isGroup": False}
    assert amap.statements["A"].members[0].section == section.id


def test_indented_heading_and_list() -> None:  # guide__elements-of-an-argument-map__01, ..test__intro
    amap, _ = argmap.loads(" # A group\n\nText.\n\n  * one\n  * two\n")
    assert [s.title for s in amap.sections.values()] == ["A group"]
    assert sorted(s.text for s in amap.statements.values()) == ["Text.", "one", "two"]


def test_partial_dedent_attaches_to_the_level_it_falls_back_to() -> None:  # ..lexer-indentation
    amap, _ = argmap.loads("[A]: a\n  - [C]: c\n      <+ [D]: d\n    -> [G]: g\n")
    relations = {(r.type.value, r.source, r.target) for r in amap.relations()}
    assert ("attack", "[A]", "[G]") in relations
    assert ("attack", "[C]", "[G]") not in relations


def test_front_matter_needs_an_empty_line_and_a_map() -> None:  # guide__adding-images__01, __03
    assert errors("===\ntitle: x\n===\n[A]: a\n") == ["front matter must be followed by an empty line"]
    assert errors("===\ntitle: x\n===\n") != []
    assert errors("===\ntitle: x\n===\n\n[A]: a\n") == []
    amap, _ = argmap.loads("===\nmodel:\n  mode: strict\n===\n[A]: a\n  - [B]: b\n")
    assert [r.type.value for r in amap.relations()] == ["contrary"]  # the map is still read


def test_markup_details() -> None:  # ..lexer-italic-bold, examples__argdown-primer
    amap, _ = argmap.loads("[A]: ****eight stars**** and \\*no italic\\*\n\n[B]: see [top](#heading-top) #real\n")
    assert amap.statements["A"].text == "eight stars and *no italic*"
    assert amap.statements["B"].text == "see top #real"
    assert amap.statements["B"].tags == ["real"]  # a link's #anchor is not a tag


def test_escaped_brace_is_not_data() -> None:
    amap, diagnostics = argmap.loads("[A]: a \\{not: data} {real: 1}\n")
    assert not [d for d in diagnostics if d.severity is Severity.ERROR]
    assert amap.statements["A"].text == "a {not: data}"
    assert amap.statements["A"].data == {"real": 1}


def test_span_end_after_a_dropped_comment_line() -> None:  # syntax__README__63
    amap, _ = argmap.loads("<a>: first\n// a comment line\nsecond\n")
    span = amap.arguments["a"].members[0].span
    assert (span.line, span.end_line) == (1, 3)
