"""Reading and writing other formats: Argdown round trips, fmt, AIF, Kialo, argmap JSON,
graph formats, the convert/export/fmt commands and bad input."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import SHARED, shared_path

import argmap
from argmap.argdown import to_argdown
from argmap.argdown.escaping import escape_text
from argmap.cli.common import app
from argmap.diagnostics import Severity
from argmap.interchange.aif import read_aif
from argmap.interchange.aif_writer import to_aif
from argmap.interchange.argdown_json import to_argdown_json
from argmap.interchange.argmap_json import read_argmap_json, to_argmap_json
from argmap.interchange.compare import differences
from argmap.interchange.formats import FormatError, format_of, read_file
from argmap.interchange.graphs import to_graphml, to_mermaid, to_node_link
from argmap.interchange.kialo import read_kialo
from argmap.model import ArgumentMap, RelationType

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "interchange"
CORPUS_INPUTS = SHARED / "corpus" / "argdown" / "inputs"
runner = CliRunner()


def corpus_files() -> list[str]:
    if not CORPUS_INPUTS.is_dir():
        return ["<corpus missing>"]
    return sorted(p.name for p in CORPUS_INPUTS.glob("*.argdown"))


def errors(diagnostics: list[argmap.Diagnostic]) -> list[argmap.Diagnostic]:
    return [d for d in diagnostics if d.severity is Severity.ERROR]


# -- Argdown -> argmap -> Argdown -> argmap ------------------------------------------


@pytest.mark.parametrize("name", corpus_files())
def test_argdown_round_trip_keeps_the_model(name: str) -> None:
    path = shared_path("corpus", "argdown", "inputs", name)
    text = path.read_text("utf-8")
    amap, diagnostics = argmap.load(path)
    before = {d.code for d in errors(diagnostics)}
    for source in (None, text):  # from the model, and keeping the source's texts as fmt does
        written = to_argdown(amap, source)
        again, more = argmap.loads(written, name="<written>")
        assert [d for d in errors(more) if d.code not in before] == []
        assert differences(amap, again) == [], written


@pytest.mark.parametrize("name", corpus_files())
def test_fmt_layout_is_idempotent(name: str) -> None:
    path = shared_path("corpus", "argdown", "inputs", name)
    text = path.read_text("utf-8")
    once = to_argdown(argmap.load(path)[0], text, keep_comments=True)
    twice = to_argdown(argmap.loads(once, name="<once>")[0], once, keep_comments=True)
    assert once == twice


def test_writer_canonical_layout() -> None:
    text = (FIXTURES / "messy.argdown").read_text("utf-8")
    amap, _ = argmap.loads(text)
    out = to_argdown(amap, text)
    assert "[Ban]: Cities should ban cars from their centres. {source: op-ed, year: 2020}\n" in out
    assert "\n    + <Clean Air>: Cars pollute the air.\n" in out  # '<+' becomes '+', four spaces
    assert "\n        - [Electric]:" in out
    assert "Shops need **deliveries**." in out  # the source's Markdown is kept
    assert "[cargo bike](https://example.org/bike)" in out
    assert "-- Modus ponens {uses: [1, 2]} --" in out
    assert out.endswith("\n[Electric]\n    >< [Fossil]: Most cars burn fossil fuel.\n")  # stays in its block
    assert "\n\n\n" not in out
    assert differences(amap, argmap.loads(out)[0]) == []


def test_writer_escapes_model_text() -> None:
    assert escape_text("a [b] <c> *d* {e}", []) == r"a \[b\] \<c\> \*d\* \{e\}"
    assert escape_text("keep #this and #that", ["this"]) == r"keep #this and \#that"
    assert escape_text("- not a relation", []).startswith("\\-")
    amap, _ = argmap.loads("[A]: x\n")
    amap.statements["A"].members[0].text = "a [b] <c> - #d {e: 1}"
    again, diagnostics = argmap.loads(to_argdown(amap))
    assert not errors(diagnostics)
    assert again.statements["A"].text == "a [b] <c> - #d {e: 1}"
    assert again.statements["A"].tags == []


_PIECES = ["a", " ", "//", "/", "*", "/*", "*/", "<!--", "-->", "<", ">", "http://x", "'", '"', ": ", "- ", "#"]
_PIECES += ["#(", "\\", "{", "}", "[", "]", ",", "\t", "\n", ".+1.", ":love:", ".", "1.", "[a](b)", "\\["]
_piece_text = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=8).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=_piece_text, text=_piece_text, value=_piece_text, key=_piece_text)
def test_written_argdown_reads_back_texts_and_data_that_hold_comment_openers(
    title: str, text: str, value: str, key: str
) -> None:
    # "a // b" in a text, title, data block or front matter was written as it is, and the
    # comment scanner then cut it (or, for "<!--", everything after it) off the map.
    from argmap.model import ArgumentMap, Span, Statement, StatementMember

    title = " ".join(title.split()) or "t"
    text = " ".join(text.split())
    amap = ArgumentMap("x")
    span = Span("x", 1, 1, 1, 1)
    member = StatementMember(text or "x", span, False, None, (), {key: value, "list": [value, 1]})
    amap.add_statement(Statement(title, [member]))
    amap.frontmatter = {"title": value, key: [value]}
    written = to_argdown(amap)
    again, diagnostics = argmap.loads(written)
    assert not errors(diagnostics), written
    assert list(again.statements) == [title], written
    assert again.statements[title].text == (text or "x"), written
    assert again.frontmatter == amap.frontmatter, written
    assert dict(again.statements[title].members[0].data) == dict(member.data), written


def test_an_opener_in_front_matter_is_escaped_though_a_quote_hides_it() -> None:
    # Found by hypothesis: the quote of "a{'" was taken for the start of a quoted scalar,
    # so the "/*" after it stayed as it was, and the "*/" of the text closed it.
    from argmap.model import ArgumentMap, Span, Statement, StatementMember

    amap = ArgumentMap("x")
    amap.add_statement(Statement("a", [StatementMember("*/", Span("x", 1, 1, 1, 1), False)]))
    amap.frontmatter = {"title": "a{'", "/*": ["a{'"]}
    again, diagnostics = argmap.loads(to_argdown(amap))
    assert not errors(diagnostics)
    assert again.frontmatter == amap.frontmatter
    assert again.statements["a"].text == "*/"


@pytest.mark.parametrize(
    "text",
    [".+1. and :love:", ".-1.+1.", "1.:love: x", "[a](b) is no link", "#(a #b) and #(c {d})", "a // b /* c <!-- d"],
)
def test_text_from_another_format_reads_back_as_written(text: str) -> None:
    # Kialo, AIF or JSON texts are plain text: Argdown shortcodes, links and tags in them
    # were read back as emoji, link words and tags.
    from argmap.model import ArgumentMap, Span, Statement, StatementMember

    amap = ArgumentMap("x")
    amap.add_statement(Statement("T", [StatementMember(text, Span("x", 1, 1, 1, 1), False)]))
    written = to_argdown(amap)
    again, diagnostics = argmap.loads(written)
    assert not errors(diagnostics), written
    assert (again.statements["T"].text, again.statements["T"].tags) == (text, []), written


def test_writer_handles_deep_nesting_without_recursion() -> None:
    depth = 3000
    lines = ["[S0]: root"] + [" " * (2 * i) + f"+ [S{i}]: s{i}" for i in range(1, depth)]
    amap, _ = argmap.loads("\n".join(lines) + "\n")
    out = to_argdown(amap)
    again, _ = argmap.loads(out)
    assert len(again.statements) == depth
    assert sum(1 for _ in again.relations(RelationType.SUPPORT)) == depth - 1


# -- Argdown JSON ----------------------------------------------------------------------


def test_argdown_json_shape() -> None:
    amap, _ = argmap.loads(
        "# Part #p\n\n[A]: One. #t\n  + <R>: Reason.\n\n<R>\n\n(1) [P]: Premise.\n----\n(2) [A]\n\n[A]\n  - [B]: Two.\n"
    )
    doc = to_argdown_json(amap)
    assert set(doc) == {"statements", "arguments", "relations", "sections", "tags"}
    assert doc["statements"]["A"]["type"] == "equivalence-class"
    assert doc["statements"]["A"]["members"][0]["role"] == "top-level-statement"
    assert [s["role"] for s in doc["arguments"]["R"]["pcs"]] == ["premise", "main-conclusion"]
    relation = {k: doc["relations"][0][k] for k in ("relationType", "from", "fromType", "to", "toType")}
    assert relation in (
        {
            "relationType": "support",
            "from": "A",
            "fromType": "equivalence-class",
            "to": "A",
            "toType": "equivalence-class",
        },
        {
            "relationType": "attack",
            "from": "B",
            "fromType": "equivalence-class",
            "to": "A",
            "toType": "equivalence-class",
        },
    )
    # <R> is reconstructed and concludes [A]: Argdown lists its support of [A] as [A] -> [A], i.e. not at all.
    assert all(r["from"] != "R" for r in doc["relations"])
    assert doc["sections"][0]["title"] == "Part"
    assert set(doc["tags"]) == {"t", "p"}


# -- AIF ------------------------------------------------------------------------------


def aif_view(amap: argmap.ArgumentMap) -> tuple[set[str], set[tuple[str, frozenset[str], str]]]:
    """Statements (as sets of member texts) and relations by texts, independent of ids and titles."""

    def texts(title: str) -> str:
        return " | ".join(sorted(amap.statements[title].texts))

    statements = {texts(t) for t in amap.statements}
    relations: set[tuple[str, frozenset[str], str]] = set()
    for argument in amap.arguments.values():
        if argument.conclusion is not None:
            relations.add(("support", frozenset(texts(p) for p in argument.premises), texts(argument.conclusion)))
    for relation in amap.relations(RelationType.ATTACK, RelationType.SUPPORT, RelationType.UNDERCUT):
        ends = [
            texts(n[1:-1]) if n.startswith("[") else "<" + ",".join(sorted(amap.arguments[n[1:-1]].premises)) + ">"
            for n in (relation.source, relation.target)
        ]
        relations.add((relation.type.value, frozenset([ends[0]]), ends[1]))
    return statements, relations


@pytest.mark.parametrize("sample", ["6064-original.json", "6064-reconstructed.json"])
def test_aif_round_trip(sample: str) -> None:
    text = shared_path("corpus", "aif", sample).read_text("utf-8")
    amap, diagnostics = read_aif(text, sample)
    assert errors(diagnostics) == []
    again, more = read_aif(json.dumps(to_aif(amap)), "again")
    assert errors(more) == []
    assert aif_view(again) == aif_view(amap)


def test_aif_reads_the_argument_layer_and_keeps_the_dialogue() -> None:
    text = shared_path("corpus", "aif", "6064-original.json").read_text("utf-8")
    source = json.loads(text)
    amap, _ = read_aif(text, "6064-original.json")
    i_nodes = [n for n in source["nodes"] if n["type"] == "I"]
    ra_nodes = [n for n in source["nodes"] if n["type"] == "RA"]
    assert len(amap.statements) == len(i_nodes) == 9
    assert len(amap.arguments) == len(ra_nodes) == 5
    for argument in amap.arguments.values():
        assert argument.premises and argument.conclusion is not None
    kept = amap.frontmatter["aif"]
    dialogue = [n for n in source["nodes"] if n["type"] in ("L", "TA", "YA")]
    assert len(kept["nodes"]) == len(dialogue) > 0
    assert kept["locutions"] == source["locutions"]
    written = to_aif(amap)
    assert {n["nodeID"] for n in dialogue} <= {n["nodeID"] for n in written["nodes"]}
    # The dialogue layer's edges still point at nodes that exist.
    ids = {n["nodeID"] for n in written["nodes"]}
    assert all(e["fromID"] in ids and e["toID"] in ids for e in written["edges"])


def test_aif_equivalence_and_attacks() -> None:
    doc = {
        "nodes": [
            {"nodeID": "a", "text": "Taxes should rise.", "type": "I"},
            {"nodeID": "b", "text": "Taxes ought to go up.", "type": "I"},
            {"nodeID": "c", "text": "Growth would suffer.", "type": "I"},
            {"nodeID": "m", "text": "Default Rephrase", "type": "MA"},
            {"nodeID": "x", "text": "Default Conflict", "type": "CA"},
        ],
        "edges": [
            {"edgeID": "1", "fromID": "a", "toID": "m"},
            {"edgeID": "2", "fromID": "m", "toID": "b"},
            {"edgeID": "3", "fromID": "c", "toID": "x"},
            {"edgeID": "4", "fromID": "x", "toID": "b"},
        ],
    }
    amap, diagnostics = read_aif(json.dumps(doc))
    assert diagnostics == []
    assert len(amap.statements) == 2
    merged = amap.statements["Ia"]
    assert sorted(merged.texts) == ["Taxes ought to go up.", "Taxes should rise."]
    assert [(r.type, r.source, r.target) for r in amap.relations()] == [(RelationType.ATTACK, "[Ic]", "[Ia]")]
    assert aif_view(read_aif(json.dumps(to_aif(amap)))[0]) == aif_view(amap)


def test_aif_export_ignores_kept_dialogue_that_is_not_a_list_of_objects() -> None:
    # Front matter written by hand (or a mangled AIF file) used to crash the AIF writer.
    amap, _ = argmap.loads("===\naif:\n  nodes: 5\n  edges: [1, {edgeID: e9}]\n  locutions: x\n===\n\n[A]: a\n")
    document = to_aif(amap)
    assert [n["text"] for n in document["nodes"]] == ["a"]
    assert [e["edgeID"] for e in document["edges"]] == ["e9"] and document["locutions"] == []


def test_aif_bad_input_names_the_place() -> None:
    _, diagnostics = read_aif((FIXTURES / "unknown-node.aif.json").read_text("utf-8"), "unknown-node.aif.json")
    bad = errors(diagnostics)
    assert [d.code for d in bad] == ["AM403"]
    assert "edge 12" in bad[0].message and "99" in bad[0].message
    assert bad[0].span is not None and bad[0].span.line == 10
    _, diagnostics = read_aif((FIXTURES / "malformed.json").read_text("utf-8"), "malformed.json")
    assert [(d.code, d.span.line if d.span else None) for d in diagnostics] == [("AM400", 3)]
    _, diagnostics = read_aif("[1, 2]", "list.json")
    assert [d.code for d in diagnostics] == ["AM401"]


# -- Kialo ----------------------------------------------------------------------------


def test_kialo_reads_claims_stances_and_links() -> None:
    amap, diagnostics = read_kialo((FIXTURES / "cars.txt").read_text("utf-8"), "cars.txt")
    assert diagnostics == []
    assert amap.frontmatter["title"] == "Should cities ban cars from their centres?"
    # Short titles from the first words; Kialo's numbering in the data.
    number = {s.members[0].data["kialo"]: title for title, s in amap.statements.items()}
    assert sorted(number) == ["1", "1.1", "1.1.1", "1.2", "1.2.1", "1.3"]
    assert number["1"] == "Cities should ban cars"
    assert number["1.1"] == "Cars pollute the air"
    assert amap.statements[number["1.1.1"]].text == "Electric cars do not pollute the air where they are driven."
    relations = {(r.type.value, r.source[1:-1], r.target[1:-1]) for r in amap.relations()}
    assert ("support", number["1.1"], number["1"]) in relations
    assert ("attack", number["1.2"], number["1"]) in relations
    assert ("support", number["1.2.1"], number["1.1.1"]) in relations  # "-> See 1.2.1." reuses claim 1.2.1
    assert len(relations) == 6


def test_kialo_markdown_is_read_as_argdown_reads_it() -> None:
    text = "1. See [Kialo](http://k.com) and **this** \\(not a link\\)\n1.1. Pro: a\n1.2. Pro: a\n"
    amap, diagnostics = read_kialo(text, "k.txt")
    assert diagnostics == []
    by_number = {s.members[0].data["kialo"]: s for s in amap.statements.values()}
    assert by_number["1"].text == "See Kialo and this (not a link)"
    assert by_number["1"].title == "See Kialo and this not"
    assert {by_number["1.1"].title, by_number["1.2"].title} == {"a", "a 2"}  # unique


def test_kialo_written_and_read_back_is_the_same_discussion() -> None:
    from argmap.interchange.kialo import to_kialo

    source = (FIXTURES / "cars.txt").read_text("utf-8")
    amap, _ = read_kialo(source, "cars.txt")
    written = to_kialo(amap)
    assert written.startswith("Discussion Title: Should cities ban cars from their centres?\n\n1. Cities should")
    again, diagnostics = read_kialo(written, "again.txt")
    assert diagnostics == []

    def shape(m: ArgumentMap) -> set[tuple[str, str, str]]:
        return {
            (r.type.value, m.statements[r.source[1:-1]].text, m.statements[r.target[1:-1]].text) for r in m.relations()
        }

    assert shape(again) == shape(amap)


def test_kialo_writes_a_shared_claim_in_full_where_it_is_nearest_its_thesis() -> None:
    # A depth-first walk met the claims of a large map of shared reasons in chains as
    # long as the map, and wrote numbers as long: the text grew with the square of the map.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from gen_argdown import generate

    from argmap.interchange.kialo import to_kialo

    amap, _ = argmap.loads(generate(3000), name="synthetic.argdown")
    written = to_kialo(amap)
    claims = [line for line in written.splitlines() if line[:1].isdigit()]
    numbers = [line.split(". ", 1)[0] for line in claims]
    nodes = len(amap.statements) + len(amap.arguments)
    assert max(number.count(".") for number in numbers) < 40  # the walk went 1,000s deep
    assert sum(" -> See " not in line for line in claims) == nodes  # each in full once
    again, diagnostics = read_kialo(written, "again.txt")
    assert diagnostics == []
    assert len(again.statements) == nodes
    assert len(list(again.relations())) == len(numbers) - len([n for n in numbers if "." not in n])


def test_kialo_writer_keeps_markup_characters_and_double_slashes_as_text() -> None:
    from argmap.interchange.kialo import to_kialo
    from argmap.model import Span, Statement, StatementMember

    amap = ArgumentMap("x")
    text = "See http://x.org, a *star*, [brackets] and :love:"
    amap.add_statement(Statement("T", [StatementMember(text, Span("x", 1, 1, 1, 1), False)]))
    again, _ = read_kialo(to_kialo(amap), "k.txt")
    assert [s.text for s in again.statements.values()] == [text]


def test_kialo_writer_keeps_a_cycle_that_no_thesis_reaches() -> None:
    from argmap.interchange.kialo import to_kialo

    amap, _ = argmap.loads("[T]: thesis\n\n[A]: a\n  + [B]: b\n    + [A]\n")
    again, diagnostics = read_kialo(to_kialo(amap), "k.txt")
    assert diagnostics == []
    texts = {
        (r.type.value, again.statements[r.source[1:-1]].text, again.statements[r.target[1:-1]].text)
        for r in again.relations()
    }
    assert texts == {("support", "b", "a"), ("support", "a", "b")}


def test_convert_argdown_to_kialo_and_back(tmp_path: Path) -> None:
    source = tmp_path / "map.argdown"
    source.write_text("[A]: Cars pollute.\n  + [B]: See http:\\//x.org now.\n  - <C>: Electric cars do not.\n")
    amap, _ = argmap.load(source)
    from argmap.interchange.formats import write_text

    again, diagnostics = read_kialo(write_text(amap, "kialo"), "out.txt")
    assert diagnostics == []
    assert sorted(s.text for s in again.statements.values()) == [
        "Cars pollute.",
        "Electric cars do not.",
        "See http://x.org now.",
    ]


def test_kialo_broken_numbering_names_the_lines() -> None:
    _, diagnostics = read_kialo((FIXTURES / "broken.txt").read_text("utf-8"), "broken.txt")
    found = {(d.code, d.span.line if d.span else 0) for d in diagnostics}
    assert found == {("AM411", 5), ("AM411", 6), ("AM411", 7)}
    assert any("1.3" in d.message for d in diagnostics)
    _, diagnostics = read_kialo("just some text\n", "plain.txt")
    assert [d.code for d in diagnostics] == ["AM410"]


# -- argmap JSON, GraphML, node-link, Mermaid -----------------------------------------


@pytest.mark.parametrize("name", ["examples__argdown-primer.argdown", "syntax__README__53.argdown"])
def test_argmap_json_is_lossless(name: str) -> None:
    amap, _ = argmap.load(shared_path("corpus", "argdown", "inputs", name))
    again, diagnostics = read_argmap_json(json.dumps(to_argmap_json(amap)))
    assert diagnostics == []
    assert differences(amap, again) == []

    def relations(m: argmap.ArgumentMap) -> list[str]:
        return sorted(json.dumps(r, sort_keys=True) for r in to_argmap_json(m)["relations"])

    assert relations(again) == relations(amap)  # spans and derived flags included


def test_argmap_json_bad_input() -> None:
    _, diagnostics = read_argmap_json(
        '{"format": "argmap", "statements": [], "relations": [{"type": "support", "source": "[A]", "target": "[B]"}]}'
    )
    assert [d.code for d in diagnostics] == ["AM420"] and "unknown node" in diagnostics[0].message
    _, diagnostics = read_argmap_json("{not json")
    assert diagnostics[0].code == "AM420" and diagnostics[0].span is not None


_DOCUMENT = to_argmap_json(
    argmap.loads(
        "# S\n\n## T\n\n[A]: a #t {x: 1}\n  + <B>: b\n  - [C]: c @[A]\n\n<B>\n\n(1) [P]\n(2) [Q]\n"
        "-- r {y: 2} --\n(3) [R]\n----\n(4) [A]\n\n# U\n\n[D]: d\n"
    )[0]
)


def _places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key and index path in a JSON document."""
    found: list[tuple[Any, ...]] = []
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
    for key, item in items:
        found.append((*path, key))
        found.extend(_places(item, (*path, key)))
    return found


_HUGE = "<a number of 5,000 digits>"
"""Stands for a number json.dumps cannot write (Python will not convert it): put in the text."""
_ODD_VALUES = [None, "abc", 12345, _HUGE, {}, [], 1.5, True, -1, 0, "a\nb", "", "s1", "s2", "[A]", "<B>", "premise"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_places(_DOCUMENT)), st.sampled_from([*_ODD_VALUES, "delete"])), max_size=3))
def test_argmap_json_with_wrong_fields_is_an_error_or_a_map_every_writer_takes(
    edits: list[tuple[tuple[Any, ...], Any]],
) -> None:
    # Fields of the wrong type or naming nothing used to be accepted, and then crashed
    # show and the DOT writer (internal errors); a number of 5,000 digits crashed the reader.
    from argmap.interchange.formats import WRITE_FORMATS, write_text
    from argmap.rules import lint
    from argmap.views.text import tree_lines
    from argmap.views.tree import show_view

    document = json.loads(json.dumps(_DOCUMENT))
    for path, value in edits:
        parent = document
        try:
            for key in path[:-1]:
                parent = parent[key]
            if value == "delete":
                del parent[path[-1]]
            else:
                # A copy: the same {} put in twice, once inside itself, is a cycle json cannot write.
                parent[path[-1]] = json.loads(json.dumps(value)) if isinstance(value, dict | list) else value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit removed or replaced this place
    amap, diagnostics = read_argmap_json(json.dumps(document).replace(json.dumps(_HUGE), "9" * 5000))
    if any(d.severity is Severity.ERROR for d in diagnostics):
        assert [d.code for d in diagnostics] == ["AM420"]
        return
    for fmt in WRITE_FORMATS:
        write_text(amap, fmt)
    list(tree_lines(show_view(amap), 80))
    lint(amap)


def test_every_writer_writes_dated_data() -> None:
    from argmap.interchange.formats import WRITE_FORMATS, write_text

    amap, _ = argmap.loads("[A]: a {d: 2020-01-01, t: !!timestamp 2020-01-01 10:00:00}\n  + [B]: b\n")
    for fmt in WRITE_FORMATS:
        assert write_text(amap, fmt), fmt
    doc = json.loads(write_text(amap, "argdown-json"))
    assert doc["statements"]["A"]["data"] == {"d": "2020-01-01", "t": "2020-01-01T10:00:00"}


def test_graph_formats() -> None:
    text = (FIXTURES / "messy.argdown").read_text("utf-8")
    amap, _ = argmap.loads(text)
    graph = nx.parse_graphml(to_graphml(amap))
    assert graph.number_of_nodes() == amap.graph.number_of_nodes()
    assert graph.number_of_edges() == amap.graph.number_of_edges()
    assert graph.nodes["[Ban]"]["kind"] == "statement"
    linked = nx.node_link_graph(to_node_link(amap), edges="links")
    assert set(linked.nodes) == set(amap.graph.nodes)
    mermaid = to_mermaid(amap)
    assert mermaid.startswith("flowchart BT\n")
    assert mermaid.count("-->|support|") == 1 and "x--x|contradiction|" in mermaid
    assert '"' not in mermaid.replace('("', "").replace('")', "").replace('{{"', "").replace('"}}', "")


def test_mermaid_labels_stay_on_their_line() -> None:
    # Texts from AIF or JSON can hold line breaks; Mermaid reads one statement per line.
    from argmap.model import ArgumentMap, Span, Statement, StatementMember

    amap = ArgumentMap("x")
    amap.add_statement(Statement("T", [StatementMember('two\nlines "and" #x', Span("x", 1, 1, 1, 1), False)]))
    assert to_mermaid(amap).splitlines()[1] == '  n0("[T]: two lines #quot;and#quot; #35;x")'


def test_format_names() -> None:
    assert format_of("a.argdown", False) == "argdown"
    assert format_of("a.argdown.json", True) == "argdown-json"
    assert format_of("a.json", True) == "argmap-json"
    assert format_of("a.nodelink.json", True) == "node-link"
    with pytest.raises(FormatError):
        format_of("a.docx", True)
    _, diagnostics = read_file(FIXTURES / "unknown-node.aif.json")
    assert errors(diagnostics)


# -- the commands -----------------------------------------------------------------------


def test_convert_picks_formats_by_extension(tmp_path: Path) -> None:
    out = tmp_path / "cars.argdown"
    result = runner.invoke(app, ["convert", str(FIXTURES / "cars.txt"), str(out)])
    assert result.exit_code == 0, result.output
    amap, diagnostics = argmap.load(out)
    assert not errors(diagnostics)
    assert sorted(s.members[0].data["kialo"] for s in amap.statements.values()) == [
        "1",
        "1.1",
        "1.1.1",
        "1.2",
        "1.2.1",
        "1.3",
    ]
    aif = tmp_path / "cars.out"
    result = runner.invoke(app, ["convert", str(out), str(aif), "--to", "aif"])
    assert result.exit_code == 0, result.output
    assert {n["type"] for n in json.loads(aif.read_text("utf-8"))["nodes"]} == {"I", "RA", "CA"}


def test_convert_writes_nothing_on_errors(tmp_path: Path) -> None:
    for bad in ("broken.txt", "unknown-node.aif.json", "malformed.json"):
        out = tmp_path / "out.argdown"
        result = runner.invoke(app, ["convert", str(FIXTURES / bad), str(out)])
        assert result.exit_code == 1
        assert not out.exists()
    result = runner.invoke(app, ["convert", str(FIXTURES / "cars.txt"), str(tmp_path / "x.unknown")])
    assert result.exit_code == 2


def test_export_argdown_json() -> None:
    result = runner.invoke(app, ["export", "--to", "argdown-json", "-m", str(FIXTURES / "messy.argdown")])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert "Ban" in doc["statements"] and doc["arguments"]["Clean Air"]["pcs"]


def test_fmt_check_rewrite_and_refusals(tmp_path: Path) -> None:
    target = tmp_path / "messy.argdown"
    original = (FIXTURES / "messy.argdown").read_text("utf-8")
    target.write_text(original, "utf-8")
    assert runner.invoke(app, ["fmt", str(target), "--check"]).exit_code == 1
    assert target.read_text("utf-8") == original  # --check changes nothing
    assert runner.invoke(app, ["fmt", str(target)]).exit_code == 0
    formatted = target.read_text("utf-8")
    assert formatted != original
    assert differences(argmap.loads(original)[0], argmap.loads(formatted)[0]) == []
    assert runner.invoke(app, ["fmt", str(target), "--check"]).exit_code == 0
    broken = tmp_path / "broken.argdown"
    broken.write_text("[A]: x\n    + [B: unclosed\n", "utf-8")
    assert runner.invoke(app, ["fmt", str(broken)]).exit_code == 2
    assert broken.read_text("utf-8") == "[A]: x\n    + [B: unclosed\n"
    commented = tmp_path / "commented.argdown"  # a comment inside a block is kept (tests/test_fmt_comments.py)
    commented.write_text("// a note\n[A]:   x\n  + [B]: y // inside a block\n", "utf-8")
    assert runner.invoke(app, ["fmt", str(commented)]).exit_code == 0
    assert commented.read_text("utf-8") == "// a note\n\n[A]: x\n    + [B]: y // inside a block\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary files left


def test_fmt_keeps_comments_between_blocks(tmp_path: Path) -> None:
    target = tmp_path / "notes.argdown"
    target.write_text("// About A.\n[A]:   a\n  <+ [B]: b\n\n/* About C,\n   two lines. */\n\n[C]: c\n", "utf-8")
    assert runner.invoke(app, ["fmt", str(target)]).exit_code == 0
    assert target.read_text("utf-8") == (
        "// About A.\n\n[A]: a\n    + [B]: b\n\n/* About C,\n   two lines. */\n\n[C]: c\n"
    )
    assert runner.invoke(app, ["fmt", str(target), "--check"]).exit_code == 0


def test_fmt_fixes_a_missing_empty_line_after_front_matter(tmp_path: Path) -> None:
    target = tmp_path / "front.argdown"
    target.write_text("===\ntitle: x\n===\n[A]: a\n", "utf-8")
    assert errors(argmap.load(target)[1])  # Argdown rejects this too
    assert runner.invoke(app, ["fmt", str(target)]).exit_code == 0
    assert target.read_text("utf-8") == "===\ntitle: x\n===\n\n[A]: a\n"
    assert not errors(argmap.load(target)[1])


# -- AIF round trips: the same graph back ------------------------------------------


def _aif_graph(doc: dict[str, Any]) -> tuple[dict[str, tuple[str, str]], set[tuple[str, str]]]:
    graph = doc.get("AIF", doc)
    nodes = {str(n["nodeID"]): (n["type"], n.get("text")) for n in graph["nodes"]}
    return nodes, {(str(e["fromID"]), str(e["toID"])) for e in graph["edges"]}


@pytest.mark.parametrize("name", ["6064-original.json", "6064-reconstructed.json"])
def test_aif_read_and_written_back_is_the_same_graph(name: str) -> None:
    source = json.loads(shared_path("corpus", "aif", name).read_text("utf-8"))
    amap, diagnostics = read_aif(json.dumps(source))
    assert diagnostics == []
    nodes, edges = _aif_graph(to_aif(amap))
    # Every id, type and text (scheme names such as "RA" too), and every edge's direction.
    assert (nodes, edges) == _aif_graph(source)


def test_aif_ma_nodes_keep_their_ids_and_directions() -> None:
    source = {
        "nodes": [
            {"nodeID": "10", "type": "I", "text": "first wording"},
            {"nodeID": "11", "type": "I", "text": "second wording"},
            {"nodeID": "12", "type": "I", "text": "a reason"},
            {"nodeID": "20", "type": "MA", "text": "Default Rephrase"},
            {"nodeID": "30", "type": "RA", "text": "RA", "scheme": "Argument From Example"},
            {"nodeID": "40", "type": "CA", "text": "Default Conflict"},
            {"nodeID": "13", "type": "I", "text": "an objection"},
        ],
        "edges": [
            {"edgeID": "1", "fromID": "11", "toID": "20"},
            {"edgeID": "2", "fromID": "20", "toID": "10"},
            {"edgeID": "3", "fromID": "12", "toID": "30"},
            {"edgeID": "4", "fromID": "30", "toID": "11"},
            {"edgeID": "5", "fromID": "13", "toID": "40"},
            {"edgeID": "6", "fromID": "40", "toID": "11"},
        ],
        "locutions": [],
    }
    amap, diagnostics = read_aif(json.dumps(source))
    assert diagnostics == []
    assert len(amap.statements) == 3  # "first" and "second wording" are one class
    written = to_aif(amap)
    assert _aif_graph(written) == _aif_graph(source)
    ra = next(n for n in written["nodes"] if n["nodeID"] == "30")
    assert ra["scheme"] == "Argument From Example"


def test_aif_conflict_whose_attacker_was_removed_points_to_no_missing_node() -> None:
    source = {
        "nodes": [
            {"nodeID": "1", "type": "I", "text": "claim"},
            {"nodeID": "2", "type": "I", "text": "objection one"},
            {"nodeID": "3", "type": "I", "text": "objection two"},
            {"nodeID": "9", "type": "CA", "text": "Default Conflict"},
        ],
        "edges": [
            {"edgeID": "1", "fromID": "2", "toID": "9"},
            {"edgeID": "2", "fromID": "3", "toID": "9"},
            {"edgeID": "3", "fromID": "9", "toID": "1"},
        ],
    }
    amap, _ = read_aif(json.dumps(source))
    del amap.statements["I3"]  # as if the objection had been deleted before writing
    written = to_aif(amap)
    ids = {str(n["nodeID"]) for n in written["nodes"]}
    assert all(str(e["fromID"]) in ids and str(e["toID"]) in ids for e in written["edges"])
    assert ("9", "1") in _aif_graph(written)[1] and ("2", "9") in _aif_graph(written)[1]


def test_xaif_sections_beside_the_graph_are_kept() -> None:
    source = {
        "AIF": {"nodes": [{"nodeID": "1", "type": "I", "text": "a"}], "edges": [], "locutions": []},
        "text": "<span>a</span>",
        "OVA": {"firstname": "A", "nodes": [{"nodeID": "1", "x": 10, "y": 20}]},
    }
    amap, diagnostics = read_aif(json.dumps(source))
    assert diagnostics == []
    written = to_aif(amap)
    assert written["text"] == source["text"] and written["OVA"] == source["OVA"]
    assert _aif_graph(written) == _aif_graph(source)
