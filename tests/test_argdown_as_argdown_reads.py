"""Real maps read as Argdown reads them, and never a word lost silently (issue 12).

One test per class of the issue, each built from its snippet.  What Argdown 2.0.0 makes
of each snippet was checked with its CLI (its exports are beside the snippets in
tests/fixtures/argdown-snippets, compared in test_conformance.py).
"""

from __future__ import annotations

import argmap
from argmap.argdown.writer import to_argdown
from argmap.diagnostics import Diagnostic, Severity
from argmap.interchange.argdown_json import to_argdown_json
from argmap.interchange.compare import normalise
from argmap.model import ArgumentMap


def read(text: str) -> tuple[ArgumentMap, list[Diagnostic]]:
    return argmap.loads(text, name="t.argdown")


def codes(diagnostics: list[Diagnostic]) -> list[tuple[str, int]]:
    """(code, line) of each syntax diagnostic (AM0xx)."""
    return [(d.code, d.span.line) for d in diagnostics if d.code.startswith("AM0") and d.span is not None]


def texts(amap: ArgumentMap) -> dict[str, list[str]]:
    return {title: [m.text for m in s.members] for title, s in amap.statements.items()}


# -- 1. a new element without an empty line: an error, never glued --------------------


def test_element_after_a_relation_line_is_an_error_and_not_glued() -> None:
    amap, diagnostics = read("[A]: a\n  - [B]: b\n[C]: c\n  + [D]: d\n")
    assert codes(diagnostics) == [("AM021", 3)]
    error = next(d for d in diagnostics if d.code == "AM021")
    assert error.severity is Severity.ERROR and error.hint is not None and "empty line" in error.hint
    assert texts(amap) == {"A": ["a"], "B": ["b"], "C": ["c"], "D": ["d"]}
    supports = [(r.source, r.target) for r in amap.relations() if r.type.value == "support"]
    assert supports == [("[D]", "[C]")]


def test_consecutive_top_level_definitions_are_an_error() -> None:
    amap, diagnostics = read("[T]: one\n[T]: two\n")
    assert codes(diagnostics) == [("AM021", 2)]
    assert texts(amap) == {"T": ["one", "two"]}


def test_new_element_inside_a_pcs_ends_it() -> None:
    amap, diagnostics = read("(1) p\n----\n(2) q\n[X]: x\n")
    assert ("AM021", 4) in codes(diagnostics)
    assert texts(amap)["X"] == ["x"]


def test_plain_text_after_a_relation_still_continues_it() -> None:
    """Argdown reads a line of text (not a title) below a relation as more of its text."""
    amap, diagnostics = read("[A]: a\n  - [B]: b\nmore text\n")
    assert codes(diagnostics) == []
    assert texts(amap)["B"] == ["b more text"]


# -- 2. "//" inside a word ---------------------------------------------------------------


def test_slashes_inside_a_word_are_kept_and_warned_about() -> None:
    amap, diagnostics = read("[E]: See http://x.org now\n\n[G]: see [K](http://k.com) here {url: 'http://y'}\n")
    assert codes(diagnostics) == [("AM022", 1)]
    warning = next(d for d in diagnostics if d.code == "AM022")
    assert warning.severity is Severity.WARNING and warning.span is not None and warning.span.col == 15
    assert texts(amap)["E"] == ["See http://x.org now"]


def test_escaped_slashes_are_text_without_a_warning() -> None:
    amap, diagnostics = read("[E]: word http:\\//x.org kept\n")
    assert codes(diagnostics) == []
    assert texts(amap)["E"] == ["word http://x.org kept"]


def test_writer_escapes_every_double_slash() -> None:
    """What the writer makes of a text with "//" reads back word for word, with no
    comment and no warning (the Argdown CLI reads "\\//" as "//" too)."""
    amap, _ = read("[E]: word http:\\//x.org a\\//b kept\n")
    written = to_argdown(amap)
    assert "http:\\//x.org" in written and "a\\//b" in written
    again, diagnostics = read(written)
    assert codes(diagnostics) == []
    assert texts(again) == texts(amap)


# -- 3. a quoted line continues the statement ---------------------------------------------


def test_indented_quote_line_continues_the_statement() -> None:
    amap, diagnostics = read("[S]: statement text\n  > quoted line\n\n(1) p\n  > quoted in pcs\n----\n(2) r\n")
    assert codes(diagnostics) == []
    assert texts(amap)["S"] == ["statement text > quoted line"]
    assert ["p > quoted in pcs"] in texts(amap).values()


def test_unknown_relation_symbols_are_still_reported() -> None:
    _, diagnostics = read("[A]: a\n  => [B]: b\n")
    assert codes(diagnostics) == [("AM012", 2)]


# -- 4. an empty PCS line --------------------------------------------------------------


def test_empty_pcs_line_is_an_untitled_statement_without_text() -> None:
    amap, diagnostics = read("<Arg>\n\n(1) p\n(2) q\n----\n(3) \n  -> [X]\n")
    assert codes(diagnostics) == [("AM024", 6)]
    pcs = amap.arguments["Arg"].pcs
    assert [(step.role, texts(amap)[step.statement]) for step in pcs] == [
        ("premise", ["p"]),
        ("premise", ["q"]),
        ("main-conclusion", [""]),
    ]
    attack = [r for r in amap.relations() if r.type.value == "attack"]
    assert [(r.source, r.target) for r in attack] == [(f"[{pcs[-1].statement}]", "[X]")]


def test_bare_number_after_an_inference_is_an_empty_conclusion_not_an_unclosed_inference() -> None:
    amap, diagnostics = read("<Arg>\n\n(1) s\n----\n(2)\n")
    assert codes(diagnostics) == [("AM024", 5)]
    assert "no statement" in next(d.message for d in diagnostics if d.code == "AM024")
    assert [step.role for step in amap.arguments["Arg"].pcs] == ["premise", "main-conclusion"]


# -- 5. an unclosed block comment is text ---------------------------------------------


def test_unclosed_comment_openers_are_text_with_a_warning() -> None:
    amap, diagnostics = read("[F]: unclosed <!-- comment here\n\n[G]: a /* b\n\n[H]: end\n")
    assert codes(diagnostics) == [("AM023", 1), ("AM023", 3)]
    assert all(d.severity is Severity.WARNING for d in diagnostics if d.code == "AM023")
    assert texts(amap) == {"F": ["unclosed <!-- comment here"], "G": ["a /* b"], "H": ["end"]}


def test_closed_comments_are_still_comments() -> None:
    amap, diagnostics = read("[F]: kept <!-- gone --> kept /* gone */\n")
    assert codes(diagnostics) == []
    assert texts(amap)["F"] == ["kept kept"]


# -- 6. a link whose target holds spaces or brackets --------------------------------


def test_link_with_spaces_or_brackets_in_its_target_is_reduced_to_its_words() -> None:
    amap, _ = read("[F]: [some API]([Keep it]) and [x y](http://a b) and [z](#q r)\n")
    assert texts(amap)["F"] == ["some API and x y and z"]


# -- 7. symmetric relations stated from both sides --------------------------------------


def relations(text: str) -> list[tuple[str, ...]]:
    return [tuple(map(str, r)) for r in normalise(to_argdown_json(read(text)[0]))["relations"]]


def test_contradiction_from_both_sides_is_one_relation() -> None:
    assert relations("[A]: a\n  >< [B]: b\n\n[B]\n  >< [A]\n") == [
        ("contradictory", "A", "equivalence-class", "B", "equivalence-class")
    ]


def test_strict_contrary_from_both_sides_is_one_relation_the_first_written() -> None:
    text = "===\nmodel:\n  mode: strict\n===\n\n[C]: c\n  - [D]: d\n\n[D]\n  - [C]\n"
    assert relations(text) == [("contrary", "D", "equivalence-class", "C", "equivalence-class")]


def test_attacks_both_ways_stay_two_relations() -> None:
    assert len(relations("[C]: c\n  - [D]: d\n\n[D]\n  - [C]\n")) == 2


# -- 8. an undercut of a PCS conclusion -----------------------------------------------


def test_undercut_of_a_pcs_conclusion_targets_the_arguments_inference() -> None:
    text = "<A>\n\n(1) [P]: p\n----\n(2) [C]: c\n\n[C]\n  _ [U]: u\n  <_ [V]: v\n\n[D]: d\n  _ [W]: w\n"
    assert relations(text) == [
        ("undercut", "U", "equivalence-class", "A", "inference"),
        ("undercut", "V", "equivalence-class", "A", "inference"),
        ("undercut", "W", "equivalence-class", "D", "equivalence-class"),
    ]


# -- tabs -----------------------------------------------------------------------------


def test_tab_indented_relation_below_space_indented_ones_warns_once() -> None:
    _, diagnostics = read("[A]: a\n  + [B]: b\n\t- [C]: c\n\t- [D]: d\n")
    assert [c for c in codes(diagnostics) if c[0] == "AM025"] == [("AM025", 3)]


def test_tabs_only_do_not_warn() -> None:
    _, diagnostics = read("[A]: a\n\t+ [B]: b\n\t\t- [C]: c\n")
    assert "AM025" not in {d.code for d in diagnostics}


# -- a tag with spaces is shown as written ------------------------------------------------


def test_tag_with_spaces_is_shown_as_written_in_views_and_drawings() -> None:
    from argmap.queries import find
    from argmap.views.graphviz import to_dot
    from argmap.views.text import tree_lines
    from argmap.views.tree import show_view

    amap, _ = read("[A]: a #(health risk)\n  + [B]: b #(health risk) #x\n")
    shown = "\n".join(tree_lines(show_view(amap), 100))
    assert "#(health risk)" in shown and "#health risk" not in shown
    dot = to_dot(amap)
    assert "#(health risk)" in dot and "#health risk" not in dot
    assert set(find(amap, "#(health risk)")) >= {"[A]", "[B]"}
