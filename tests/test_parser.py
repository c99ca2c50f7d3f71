"""The Argdown subset, construct by construct (argmap/argdown/)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from argmap.argdown import parse, parse_bytes, parse_file
from argmap.diagnostics import Diagnostic
from argmap.model import ArgumentMap, RelationType


def codes(diagnostics: list[Diagnostic]) -> list[str]:
    return [d.code for d in diagnostics]


def rel(amap: ArgumentMap, type_: RelationType) -> set[tuple[str, str]]:
    return {(r.source, r.target) for r in amap.relations(type_)}


# -- statements -------------------------------------------------------------------------


def test_statement_definition_reference_and_equivalence_class() -> None:
    amap, diags = parse("[Fool]: A fool thinks himself wise.\n\n[Fool]: The fool doth think he is wise.\n\n[Fool]\n")
    assert diags == []
    fool = amap.statements["Fool"]
    assert fool.texts == ["A fool thinks himself wise.", "The fool doth think he is wise."]
    assert fool.text == "A fool thinks himself wise."
    assert [m.is_reference for m in fool.members] == [False, False, True]
    assert list(amap.graph.nodes) == ["[Fool]"]


def test_untitled_statements_are_separate_even_with_same_text() -> None:
    amap, _ = parse("Same words.\n\nSame words.\n")
    assert len(amap.statements) == 2
    assert all(s.is_untitled for s in amap.statements.values())
    assert [s.text for s in amap.statements.values()] == ["Same words.", "Same words."]


def test_multi_line_text_is_folded() -> None:
    amap, _ = parse("[T]: one\ntwo\n   three\n")
    assert amap.statements["T"].text == "one two three"


def test_markdown_inline_is_reduced_to_words() -> None:
    amap, _ = parse("[T]: a **bold** and _italic_ [link](https://x.org) word_with_underscores\n")
    assert amap.statements["T"].text == "a bold and italic link word_with_underscores"


def test_spans_are_one_based_line_and_column() -> None:
    amap, _ = parse("\n\n[A]: text\n  + [B]: reason\n", name="m.argdown")
    a = amap.statements["A"].span
    b = amap.statements["B"].span
    assert a is not None and (a.file, a.line, a.col) == ("m.argdown", 3, 1)
    assert b is not None and (b.line, b.col) == (4, 5)


# -- arguments ---------------------------------------------------------------------------


def test_argument_definition_and_reference() -> None:
    amap, diags = parse("<Arg>: It follows.\n\n<Arg>\n")
    assert diags == []
    arg = amap.arguments["Arg"]
    assert arg.description == "It follows."
    assert [m.is_reference for m in arg.members] == [False, True]


# -- relations ---------------------------------------------------------------------------

RELATIONS = [
    ("+", RelationType.SUPPORT, "child"),
    ("<+", RelationType.SUPPORT, "child"),
    ("+>", RelationType.SUPPORT, "parent"),
    ("-", RelationType.ATTACK, "child"),
    ("<-", RelationType.ATTACK, "child"),
    ("->", RelationType.ATTACK, "parent"),
    ("_", RelationType.UNDERCUT, "child"),
    ("<_", RelationType.UNDERCUT, "child"),
    ("_>", RelationType.UNDERCUT, "parent"),
    ("><", RelationType.CONTRADICTION, "parent"),
]


@pytest.mark.parametrize(("symbol", "rtype", "source"), RELATIONS)
def test_each_relation_symbol(symbol: str, rtype: RelationType, source: str) -> None:
    amap, diags = parse(f"<P>: parent\n    {symbol} <C>: child\n")
    assert [d for d in diags if d.severity.value == "error"] == []
    expected = ("<C>", "<P>") if source == "child" else ("<P>", "<C>")
    assert rel(amap, rtype) == {expected}


def test_indentation_nests_relations() -> None:
    text = "[s1]: root\n    + <a>: a\n        - <b>: b\n            + <c>: c\n        + <d>: d\n    - <e>: e\n"
    amap, diags = parse(text)
    assert diags == []
    assert rel(amap, RelationType.SUPPORT) == {("<a>", "[s1]"), ("<c>", "<b>"), ("<d>", "<a>")}
    assert rel(amap, RelationType.ATTACK) == {("<b>", "<a>"), ("<e>", "[s1]")}


def test_repeated_relation_keeps_every_span() -> None:
    amap, _ = parse("[A]: a\n  + [B]: b\n\n[A]\n  + [B]\n")
    (relation,) = list(amap.relations(RelationType.SUPPORT))
    assert [s.line for s in relation.spans] == [2, 5]


def test_strict_mode_statement_relations_become_entailment_and_contrariness() -> None:
    text = "===\nmodel:\n  mode: strict\n===\n\n[a]: a\n  +> [b]: b\n  -> [c]: c\n  + <x>: x\n"
    amap, _ = parse(text)
    assert rel(amap, RelationType.ENTAILS) == {("[a]", "[b]")}
    assert rel(amap, RelationType.CONTRARY) == {("[a]", "[c]")}
    assert rel(amap, RelationType.SUPPORT) == {("<x>", "[a]")}


def test_relation_after_empty_line_is_an_error() -> None:
    _, diags = parse("[A]: a\n\n  + [B]: b\n")
    assert "AM015" in codes(diags)


def test_unknown_relation_symbol() -> None:
    _, diags = parse("[A]: a\n  => [B]: b\n")
    assert codes(diags) == ["AM012"]
    assert diags[0].span is not None and (diags[0].span.line, diags[0].span.col) == (2, 3)


def test_known_symbols_are_not_reported_as_unknown() -> None:
    _, diags = parse("[A]: a\n  -> [B]: b\n")
    assert "AM012" not in codes(diags)


def test_relation_not_indented_past_its_parent() -> None:
    _, diags = parse("  [A]: a\n  + [B]: b\n")
    assert "AM010" in codes(diags)


def test_inconsistent_sibling_indentation_warns() -> None:
    _, diags = parse("[A]: a\n    + [B]: b\n  + [C]: c\n")
    assert codes(diags) == ["AM020"]
    assert diags[0].severity.value == "warning"


def test_consistent_indentation_does_not_warn() -> None:
    _, diags = parse("[A]: a\n  + [B]: b\n  + [C]: c\n")
    assert diags == []


def test_ten_thousand_levels_do_not_recurse() -> None:
    depth = 10_000
    lines = ["[S0]: root"] + [f"{'  ' * i}+ [S{i}]: level {i}" for i in range(1, depth)]
    amap, diags = parse("\n".join(lines))
    assert diags == []
    assert len(amap.statements) == depth
    assert ("[S9999]", "[S9998]") in rel(amap, RelationType.SUPPORT)


# -- premise-conclusion structures ------------------------------------------------------


def test_pcs_attaches_to_preceding_argument() -> None:
    text = (
        "<Socrates>: He is mortal.\n\n(1) [Men]: All men are mortal.\n(2) Socrates is a man.\n"
        "----\n(3) [Mortal]: Socrates is mortal.\n"
    )
    amap, diags = parse(text)
    assert diags == []
    arg = amap.arguments["Socrates"]
    assert [(s.number, s.role) for s in arg.pcs] == [(1, "premise"), (2, "premise"), (3, "main-conclusion")]
    assert arg.conclusion == "Mortal"
    assert rel(amap, RelationType.PREMISE_OF) >= {("[Men]", "<Socrates>")}
    assert rel(amap, RelationType.CONCLUSION_OF) == {("<Socrates>", "[Mortal]")}
    roles = {m.role for m in amap.statements["Mortal"].members}
    assert roles == {"main-conclusion"}


def test_pcs_without_argument_title_is_an_anonymous_argument() -> None:
    amap, _ = parse("[X]: x\n\n(1) p\n----\n(2) q\n")
    (arg,) = amap.arguments.values()
    assert arg.is_untitled and len(arg.pcs) == 2


def test_intermediary_conclusions() -> None:
    text = "<A>\n\n(1) a\n(2) b\n----\n(3) c\n(4) d\n----\n(5) e\n"
    amap, _ = parse(text)
    roles = [s.role for s in amap.arguments["A"].pcs]
    assert roles == ["premise", "premise", "intermediary-conclusion", "premise", "main-conclusion"]
    # Intermediary conclusions are not premises of the argument.
    premises = {u for u, v in rel(amap, RelationType.PREMISE_OF)}
    assert len(premises) == 3


def test_expanded_inference_with_rules_and_data() -> None:
    text = "<A>\n\n(1) a\n(2) b\n--\nModus ponens, Modus tollens\n{uses: [1, 2]}\n--\n(3) c\n"
    amap, diags = parse(text)
    assert diags == []
    inference = amap.arguments["A"].pcs[-1].inference
    assert inference is not None
    assert inference.rules == ["Modus ponens", "Modus tollens"]
    assert inference.data == {"uses": [1, 2]}


def test_pcs_without_conclusion() -> None:
    _, diags = parse("<A>\n\n(1) a\n(2) b\n")
    assert codes(diags) == ["AM013"]


def test_pcs_dangling_inference() -> None:
    _, diags = parse("<A>\n\n(1) a\n----\n(2) b\n----\n")
    assert "AM013" in codes(diags)


def test_pcs_numbering_gap_warns() -> None:
    _, diags = parse("<A>\n\n(1) a\n(3) b\n----\n(4) c\n")
    assert codes(diags) == ["AM016"]


def test_relations_inside_pcs() -> None:
    text = "<a>\n\n(1) s1\n    <- <b>\n(2) s2\n-----\n    <_ <u>\n(3) [s3]: s3\n    +> <c>\n"
    amap, diags = parse(text)
    assert diags == []
    first = amap.arguments["a"].pcs[0].statement
    assert ("<b>", f"[{first}]") in rel(amap, RelationType.ATTACK)
    assert ("<u>", "<a>") in rel(amap, RelationType.UNDERCUT)
    assert ("[s3]", "<c>") in rel(amap, RelationType.SUPPORT)


# -- tags, data, sections, front matter, comments, mentions, lists ----------------------


def test_tags_including_bracketed_multi_word() -> None:
    amap, _ = parse("[T]: text #fact #multi-part #(two words)\n")
    assert amap.statements["T"].tags == ["fact", "multi-part", "two words"]


def test_inline_yaml_data_flow_and_block() -> None:
    amap, diags = parse('[T]: text {quote: "a, b", para: 3}\n\n[U] {\nsources:\n    - one\n    - two\n}\n')
    assert diags == []
    assert amap.statements["T"].data == {"quote": "a, b", "para": 3}
    assert amap.statements["T"].text == "text"
    assert amap.statements["U"].data == {"sources": ["one", "two"]}


def test_yaml_data_holds_only_json_values() -> None:
    # Dates stay the text written; explicit tags become their nearest JSON value, so
    # every export format can write the map (a date used to crash argdown-json).
    text = (
        "===\npublished: 2016-09-19\n===\n\n"
        "[T]: text {date: 2016-09-19, when: 2016-09-19 10:00:00, t: !!timestamp 2016-09-19,"
        " b: !!binary aGVsbG8=, s: !!set {y, x}, 3: three, nested: {d: 2001-02-03}}\n"
    )
    amap, diags = parse(text)
    assert diags == []
    assert amap.frontmatter == {"published": "2016-09-19"}
    assert amap.statements["T"].data == {
        "date": "2016-09-19",
        "when": "2016-09-19 10:00:00",
        "t": "2016-09-19",
        "b": "aGVsbG8=",
        "s": ["x", "y"],
        "3": "three",
        "nested": {"d": "2001-02-03"},
    }


def test_invalid_yaml_data() -> None:
    _, diags = parse("[T]: text {quote:[unclosed}\n")
    assert "AM014" in codes(diags)


def test_yaml_that_is_not_a_mapping() -> None:
    _, diags = parse("[T]: text {[1, 2]}\n")
    assert codes(diags) == ["AM014"]


def test_unclosed_data_block() -> None:
    _, diags = parse("[T]: text {quote: 1\n")
    assert "AM011" in codes(diags)


def test_unclosed_title_bracket() -> None:
    _, diags = parse("[Title: text\n")
    assert codes(diags) == ["AM011"]


def test_headings_make_nested_sections() -> None:
    text = "# Part one #intro\n\n[A]: a\n\n## Detail {isGroup: true}\n\n[B]: b\n\n# Part two\n\n[C]: c\n"
    amap, _ = parse(text)
    s1, s2, s3 = amap.sections.values()
    assert (s1.title, s1.level, s1.tags) == ("Part one", 1, ["intro"])
    assert (s2.title, s2.parent, s2.data) == ("Detail", "s1", {"isGroup": True})
    assert s3.parent is None and s1.children == ["s2"]
    assert amap.statements["A"].sections == ["s1"]
    assert amap.statements["B"].sections == ["s2"]
    assert amap.statements["C"].sections == ["s3"]


def test_front_matter() -> None:
    amap, diags = parse("===\ntitle: My map\nauthor: Me\n===\n\n[A]: a\n")
    assert diags == []
    assert amap.frontmatter == {"title": "My map", "author": "Me"}


def test_unclosed_front_matter() -> None:
    _, diags = parse("===\ntitle: x\n\n[A]: a\n")
    assert codes(diags) == ["AM017"]


def test_comments_of_all_three_kinds_are_ignored() -> None:
    text = "// a line comment\n[A]: a /* inline */ text\n  <!-- html\n  comment -->\n  + [B]: b // trailing\n"
    amap, diags = parse(text)
    assert diags == []
    assert amap.statements["A"].text == "a text"
    assert amap.statements["B"].text == "b"
    assert rel(amap, RelationType.SUPPORT) == {("[B]", "[A]")}


def test_url_is_not_a_comment() -> None:
    amap, _ = parse("[A]: see [site](https://example.org/x) now\n")
    assert amap.statements["A"].text == "see site now"


def test_unclosed_block_comment_is_text() -> None:
    amap, diags = parse("[A]: a /* never closed\n")
    assert codes(diags) == ["AM023"]
    assert amap.statements["A"].members[0].text == "a /* never closed"


def test_mentions_are_recorded_without_relations() -> None:
    amap, _ = parse("[A]: a\n\n[B]: As @[A] and @<Arg> say.\n")
    assert [node for node, _ in amap.mentions] == ["[A]", "<Arg>"]
    assert amap.graph.number_of_edges() == 0


def test_lists() -> None:
    amap, diags = parse("* [A]: first\n* [B]: second\n\n1. [C]: third\n")
    assert diags == []
    assert [s.text for s in amap.statements.values()] == ["first", "second", "third"]


def test_nested_list_is_reported() -> None:
    _, diags = parse("* [A]: first\n  * [B]: nested\n")
    assert codes(diags) == ["AM018"]


# -- bad input -----------------------------------------------------------------------------


def test_empty_input() -> None:
    amap, diags = parse("")
    assert len(amap) == 0 and diags == []


def test_invalid_utf8_is_reported_and_replaced() -> None:
    amap, diags = parse_bytes(b"[A]: caf\xe9 au lait\n", "x.argdown")
    assert codes(diags) == ["AM001"]
    assert diags[0].span is not None and (diags[0].span.line, diags[0].span.col) == (1, 9)
    assert "\ufffd" in amap.statements["A"].text


def test_binary_input() -> None:
    amap, diags = parse_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "x.png")
    assert codes(diags) == ["AM002"]
    assert len(amap) == 0


def test_windows_line_endings() -> None:
    amap, diags = parse("[A]: a\r\n  + [B]: b\r\n")
    assert diags == []
    assert rel(amap, RelationType.SUPPORT) == {("[B]", "[A]")}


def test_one_megabyte_line() -> None:
    word = "x" * 1_000_000
    amap, diags = parse(f"[A]: {word}\n")
    assert diags == [] and len(amap.statements["A"].text) == 1_000_000


def test_missing_file_and_directory_are_diagnostics(tmp_path: Path) -> None:
    _, missing = parse_file(tmp_path / "nope.argdown")
    _, directory = parse_file(tmp_path)
    assert codes(missing) == ["AM000"] and "no such file" in missing[0].message
    assert codes(directory) == ["AM000"] and "directory" in directory[0].message


# -- every syntax rule: an input that triggers it and a near miss that does not -------------

SYNTAX_CASES: dict[str, tuple[bytes, bytes]] = {
    "AM001": (b"[A]: caf\xe9\n", "[A]: café\n".encode()),
    "AM002": (b"[A]: a\x00b\n", b"[A]: ab\n"),
    "AM010": (b"  [A]: a\n  + [B]: b\n", b"  [A]: a\n    + [B]: b\n"),
    "AM011": (b"[A]: a {x: 1\n", b"[A]: a {x: 1}\n"),
    "AM012": (b"[A]: a\n  ~> [B]: b\n", b"[A]: a\n  -> [B]: b\n"),
    "AM013": (b"<A>\n\n(1) p\n(2) q\n", b"<A>\n\n(1) p\n----\n(2) q\n"),
    "AM014": (b"[A]: a {x: [1, }\n", b"[A]: a {x: [1]}\n"),
    "AM015": (b"[A]: a\n\n  + [B]: b\n", b"[A]: a\n  + [B]: b\n"),
    "AM016": (b"<A>\n\n(1) p\n(1) q\n----\n(2) r\n", b"<A>\n\n(1) p\n(2) q\n----\n(3) r\n"),
    "AM017": (b"===\ntitle: t\n\n[A]: a\n", b"===\ntitle: t\n===\n\n[A]: a\n"),
    "AM018": (b"* [A]: a\n  * [B]: b\n", b"* [A]: a\n* [B]: b\n"),
    "AM019": (b"===\ntitle: t\n===\n[A]: a\n", b"===\ntitle: t\n===\n\n[A]: a\n"),
    "AM020": (b"[A]: a\n    + [B]: b\n  + [C]: c\n", b"[A]: a\n    + [B]: b\n    + [C]: c\n"),
    "AM021": (b"[A]: a\n  - [B]: b\n[C]: c\n", b"[A]: a\n  - [B]: b\n\n[C]: c\n"),
    "AM022": (b"[A]: see http://x.org\n", b"[A]: see http:\\//x.org\n"),
    "AM023": (b"[A]: a <!-- b\n", b"[A]: a <!-- b -->\n"),
    "AM024": (b"<A>\n\n(1) p\n----\n(2)\n", b"<A>\n\n(1) p\n----\n(2) q\n"),
    "AM025": (b"[A]: a\n  + [B]: b\n\t- [C]: c\n", b"[A]: a\n  + [B]: b\n  - [C]: c\n"),
    "AM026": (b"[A]: a\n  >< <B>: b\n", b"[A]: a\n  - <B>: b\n"),
    "AM027": (b"[A]: a\n  _ [B]: b\n", b"[A]: a\n  - [B]: b\n"),
    "AM028": (b"<A>\n\n(1) p\n----\nrule\n----\n(2) q\n", b"<A>\n\n(1) p\n--\nrule\n--\n(2) q\n"),
}


@pytest.mark.parametrize("code", sorted(SYNTAX_CASES))
def test_syntax_rule_fires(code: str) -> None:
    _, diags = parse_bytes(SYNTAX_CASES[code][0], "case.argdown")
    assert code in codes(diags)


@pytest.mark.parametrize("code", sorted(SYNTAX_CASES))
def test_syntax_rule_near_miss_is_clean(code: str) -> None:
    _, diags = parse_bytes(SYNTAX_CASES[code][1], "case.argdown")
    assert codes(diags) == []


def test_every_syntax_rule_has_a_case() -> None:
    from argmap.rules import registered

    parser_codes = {c for c, r in registered().items() if r.family == "syntax" and c != "AM000"}
    assert parser_codes == set(SYNTAX_CASES)


@pytest.mark.parametrize(
    "line",
    ["[T]: plain text #a #b-c", "<A>: described #x", "[T] #only-tags", "[T]: text", "<A>", "[T]"],
)
def test_fast_path_agrees_with_general_path(line: str) -> None:
    # A trailing "{}" forces the general path; it adds no data, so both must agree.
    fast, _ = parse(line + "\n")
    general, _ = parse(line + " {}\n")
    assert [(s.title, s.text, list(s.tags)) for s in fast.statements.values()] == [
        (s.title, s.text, list(s.tags)) for s in general.statements.values()
    ]
    assert [(a.title, a.description, list(a.tags)) for a in fast.arguments.values()] == [
        (a.title, a.description, list(a.tags)) for a in general.arguments.values()
    ]


@pytest.mark.parametrize("gap", [" ", "  ", "\t", "\u00a0", "\u2003", " \u3000 ", "\x1f", "\x85"])
def test_one_line_texts_fold_every_kind_of_white_space(gap: str) -> None:
    amap, _ = parse(f"[T]: one{gap}two{gap}three{gap}\n")
    assert amap.statements["T"].text == " ".join(f"one{gap}two{gap}three".split())


@pytest.mark.parametrize("nested", ["[" * 60_000 + "]" * 60_000, "- " * 60_000 + "x"], ids=["flow", "block"])
def test_deeply_nested_yaml_is_a_diagnostic_not_a_crash(nested: str) -> None:
    # libyaml's composer recurses in C without a limit (a segmentation fault at 50,000
    # levels): a child process, so that a crash fails this test instead of the run.
    code = (
        "import sys; from argmap.argdown import parse; "
        "_, d = parse(sys.stdin.read()); print(' '.join(x.code for x in d))"
    )
    for text in (f"[A]: a {{x: {nested}}}\n", f"===\nx: {nested}\n===\n\n[A]: a\n"):
        done = subprocess.run([sys.executable, "-c", code], input=text, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr[-500:]
        assert "AM014" in done.stdout.split()


@pytest.mark.parametrize("rest", ["[P]", "[P]: text"], ids=["fast path", "general path"])
def test_a_pcs_number_of_thousands_of_digits_is_a_warning(rest: str) -> None:
    # int() refuses more than 4,300 digits: this used to raise ValueError out of parse().
    amap, diags = parse(f"<A>\n\n({'9' * 5000}) {rest}\n----\n(2) [Q]\n")
    assert codes(diags) == ["AM016"] and diags[0].span is not None and diags[0].span.line == 3
    assert [step.statement for step in amap.arguments["A"].pcs] == ["P", "Q"]


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("[A]: x \\<!-- not a comment --\\> y", "x <!-- not a comment --> y"),
        ("[A]: x \\/* not a comment */ y", "x /* not a comment */ y"),
        ("[A]: x \\// not a comment", "x // not a comment"),
        ("[A]: x \\\\// a comment", "x \\"),  # an escaped backslash, then a comment
        ("[A]: see http://x.y", "see http://x.y"),
    ],
)
def test_escaped_comment_openers_are_text(line: str, text: str) -> None:
    # As in Argdown, whose lexer reads "\<" or "\/" as an escaped character before it
    # looks for a comment: how argmap writes texts that hold "<!--", "/*" or " //".
    amap, diags = parse(line + "\nnext line\n")
    assert not [d for d in diags if d.severity.value == "error"]
    assert amap.statements["A"].text.startswith(text)


def test_an_escaped_link_is_text() -> None:
    amap, _ = parse("[A]: see \\[a\\](b) and [c](d)\n")
    assert amap.statements["A"].text == "see [a](b) and c"


@pytest.mark.parametrize("opener", ["**a ", "_a ", "[", "[a](", "@[", "@<", "#("])
def test_a_long_line_of_unclosed_openers_reads_as_its_text(opener: str) -> None:
    # These lines made the old patterns backtrack quadratically (72 s for 30,000 "@[");
    # benchmarks/pathological_bench.py times them.  Here: the text comes through whole.
    line = opener * 2000
    amap, diags = parse(f"[A]: {line}\n")
    assert not [d for d in diags if d.severity.value == "error"]
    assert amap.statements["A"].text == " ".join(line.split())


def test_emphasis_links_mentions_and_tags_still_read() -> None:
    amap, _ = parse("[A]: **bold** _it_ [link](http://x.y) @[B] #(two words) #t\n\n[B]: b\n")
    statement = amap.statements["A"]
    assert statement.text == "bold it link @[B] #(two words) #t"
    assert statement.tags == ["two words", "t"]
    assert [node for node, _ in amap.mentions] == ["[B]"]


def test_a_data_block_holding_a_long_list_is_read_whole() -> None:
    # "- item" lines look like attack relations: each one used to reread the whole
    # element to see that the block was still open (benchmarks/pathological_bench.py).
    items = "\n".join(f"  - {i}" for i in range(3000))
    amap, diags = parse(f"[A]: a {{\n list:\n{items}\n}}\n  + [B]: b\n")
    assert not [d for d in diags if d.severity.value == "error"]
    assert amap.statements["A"].data["list"] == list(range(3000))
    assert "[B]" in amap.graph and amap.graph.has_edge("[B]", "[A]")


def test_emphasis_runs_over_the_lines_of_an_element() -> None:
    # As the Argdown CLI 2.0.0 reads it ({'A': 'l u and x y done', 'B': 'bold across
    # lines'}); argmap kept the marks, and fmt, which joins the lines, changed the text.
    amap, _ = parse("[A]: _l\nu_ and *x\ny* done\n\n[B]: **bold\nacross** lines\n")
    assert {s.title: s.text for s in amap.statements.values()} == {"A": "l u and x y done", "B": "bold across lines"}


def test_data_and_mentions_are_placed_where_they_are_written() -> None:
    """The place of a data block's error and of a mention is counted from the line's start,
    not from the element's."""
    _, diags = parse("[A]: a {x: 1\n")
    (unclosed,) = [d for d in diags if d.code == "AM011"]
    assert unclosed.span is not None and (unclosed.span.line, unclosed.span.col) == (1, 8)
    amap, _ = parse("<X>\n\n(1) [Delta]: Premise one. @[Beta]\n----\n(2) [C]: c\n")
    ((node, span),) = amap.mentions
    assert node == "[Beta]" and (span.line, span.col, span.end_col) == (3, 27, 33)
