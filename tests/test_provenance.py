"""Provenance checks (AM301-AM304) on small hand-made maps and source texts."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.diagnostics import Diagnostic, Severity
from argmap.provenance import (
    PROVENANCE_CODES,
    check_provenance,
    check_provenance_file,
    closest_paragraph,
    locate,
    normalize,
    paragraphs,
)
from argmap.rules import registered

SOURCE = (
    "Cats sleep most of the day.\n"
    "\n"
    "Dogs, on the other hand, need long walks\n"
    "every morning \u2013 rain or shine.\n"
    "   \n"
    "\u00a0Also read: \u201cWhy parrots talk\u201d\n"
    "\n"
    "The vet said: \u2018Nobody\u2019s pet is perfect.\u2019\n"
)
"""Four paragraphs: the third starts with a no-break space, a space-only line ends the second."""


def check(map_text: str, source: str = SOURCE) -> list[Diagnostic]:
    amap, diagnostics = argmap.loads(map_text)
    assert not [d for d in diagnostics if d.severity is Severity.ERROR], diagnostics
    return check_provenance(amap, source, "pets.txt")


def codes(diagnostics: list[Diagnostic]) -> list[str]:
    return [d.code for d in diagnostics]


# -- paragraphs and normalisation ----------------------------------------------------


def test_paragraphs_split_on_blank_and_white_space_only_lines() -> None:
    paras = paragraphs(SOURCE)
    assert len(paras) == 4
    assert paras[0] == "Cats sleep most of the day."
    assert paras[1].startswith("Dogs") and paras[1].endswith("rain or shine.")
    assert "\n" in paras[1]  # line breaks inside a paragraph are kept
    assert paras[2].startswith("\u00a0Also read")  # a line starting with white space is not blank
    assert paras[3].startswith("The vet said")


def test_paragraphs_ignore_leading_trailing_and_repeated_blank_lines_and_crlf() -> None:
    assert paragraphs("\n\n  \nOne.\r\n\r\n\r\nTwo\r\nlines.\n\n") == ["One.", "Two\nlines."]
    assert paragraphs("") == []
    assert paragraphs(" \n\t\n") == []


def test_normalize_folds_white_space_and_typographic_quotes_but_keeps_dashes() -> None:
    assert normalize("  a\u00a0 b\n\tc ") == "a b c"
    assert normalize("\u201cso-called\u201d \u2018x\u2019 \u201ey\u201f") == '"so-called" \'x\' "y"'
    assert normalize("rain \u2013 shine \u2014 snow") == "rain \u2013 shine \u2014 snow"
    assert normalize("Case Stays") == "Case Stays"


@given(st.text(alphabet=st.sampled_from(list("ab \n\t\u00a0\u201c\u201d\u2018\u2019-")), max_size=40))
def test_normalize_is_idempotent(text: str) -> None:
    assert normalize(normalize(text)) == normalize(text)


@given(st.integers(min_value=0, max_value=3), st.data())
def test_any_excerpt_of_a_paragraph_is_located_there(index: int, data: st.DataObject) -> None:
    para = normalize(paragraphs(SOURCE)[index])
    start = data.draw(st.integers(min_value=0, max_value=len(para) - 1))
    end = data.draw(st.integers(min_value=start + 1, max_value=len(para)))
    excerpt = para[start:end]
    if excerpt.strip():
        assert index + 1 in locate(excerpt, paragraphs(SOURCE))


def test_locate_returns_every_paragraph_with_the_quote_and_nothing_for_empty_quotes() -> None:
    paras = ["the same words", "other", "the same words again"]
    assert locate("same words", paras) == [1, 3]
    assert locate("missing", paras) == []
    assert locate("   ", paras) == []


def _closest_by_difflib(quote: str, paras: list[str]) -> tuple[int, str] | None:
    """closest_paragraph as it was first written: difflib against every paragraph."""
    import difflib

    wanted = normalize(quote)
    best: tuple[int, int, str] | None = None
    for number, para in enumerate(paras, start=1):
        text = normalize(para)
        match = difflib.SequenceMatcher(None, wanted, text, autojunk=False).find_longest_match(
            0, len(wanted), 0, len(text)
        )
        if best is None or match.size > best[0]:
            start = max(0, match.b - match.a)
            best = (match.size, number, text[start : start + len(wanted)])
    if not wanted or best is None or best[0] < max(8, len(wanted) // 3):
        return None
    return best[1], best[2]


_letters = st.text(alphabet="ab c\n\u201c", max_size=70)


@given(st.lists(_letters.filter(str.strip), min_size=1, max_size=5), _letters)
def test_closest_paragraph_is_difflibs_longest_match(paras: list[str], quote: str) -> None:
    # The search compares a quote only with paragraphs that share a long enough piece
    # of it, and measures runs by substring search instead of difflib (200 quotes
    # against a 1 MB source: 60 s before, 1.3 s after): the answer must not change.
    assert closest_paragraph(quote, paras) == _closest_by_difflib(quote, paras)
    wanted = normalize(quote)
    assert locate(quote, paras) == [n for n, p in enumerate(paras, 1) if wanted and wanted in normalize(p)]


def test_closest_paragraph_points_at_the_typo_and_ignores_unrelated_text() -> None:
    found = closest_paragraph("need long walks every evening", paragraphs(SOURCE))
    assert found is not None and found[0] == 2
    assert "need long walks every" in found[1]
    assert closest_paragraph("quantum chromodynamics", paragraphs(SOURCE)) is None


# -- AM301 / AM302: where the quote is ---------------------------------------------------


def test_quote_in_its_paragraph_passes() -> None:
    assert check('[Cats]: Cats sleep a lot. {quote: "sleep most of the day", para: 1}') == []


def test_quote_not_in_source_is_am301_with_closest_paragraph_hint() -> None:
    found = check('[Dogs]: Dogs walk. {quote: "need long walks every evening", para: 2}')
    assert codes(found) == ["AM301"]
    assert found[0].severity is Severity.ERROR
    assert found[0].hint is not None and "paragraph 2" in found[0].hint
    assert found[0].span is not None and found[0].span.line == 1
    assert "[Dogs]" in found[0].message and "pets.txt" in found[0].message


def test_quote_with_nothing_close_has_no_hint() -> None:
    found = check('[X]: Physics. {quote: "quantum chromodynamics", para: 1}')
    assert codes(found) == ["AM301"]
    assert found[0].hint is None


def test_quote_across_two_paragraphs_is_not_found() -> None:
    found = check('[X]: Pets. {quote: "most of the day. Dogs, on the other hand", para: 1}')
    assert codes(found) == ["AM301"]


def test_quote_in_another_paragraph_is_am302_naming_it() -> None:
    found = check('[Cats]: Cats sleep a lot. {quote: "sleep most of the day", para: 3}')
    assert codes(found) == ["AM302"]
    assert "paragraph 1" in found[0].message and "not in paragraph 3" in found[0].message
    assert found[0].hint == "set para: 1"


def test_quote_in_several_paragraphs_passes_if_para_is_one_of_them() -> None:
    source = "Yes we can.\n\nWe said: yes we can."
    assert check('[A]: Yes. {quote: "yes we can", para: 2}', source) == []
    assert codes(check('[A]: Yes. {quote: "we can", para: 2}', "No.\n\nwe can\n\nwe can")) == []


# -- normalisation in matching ------------------------------------------------------------


def test_typographic_quotes_in_source_match_ascii_quotes_in_map_and_back() -> None:
    assert check("[R]: Read it. {quote: 'Also read: \"Why parrots talk\"', para: 3}") == []
    assert check('[V]: The vet. {quote: "Nobody\'s pet is perfect.", para: 4}') == []
    assert check('[V]: The vet. {quote: "said: \u2018Nobody\u2019s pet", para: 4}') == []


def test_white_space_and_line_breaks_are_folded() -> None:
    assert check('[D]: Dogs walk. {quote: "long   walks every\\nmorning", para: 2}') == []
    assert check('[R]: Read. {quote: "Also read:", para: 3}') == []  # the no-break space is white space


def test_dashes_and_case_must_match_exactly() -> None:
    assert codes(check('[D]: Dogs walk. {quote: "every morning - rain or shine", para: 2}')) == ["AM301"]
    assert check('[D]: Dogs walk. {quote: "every morning \u2013 rain or shine", para: 2}') == []
    assert codes(check('[C]: Cats. {quote: "cats sleep", para: 1}')) == ["AM301"]


# -- AM303: inconsistent provenance data ------------------------------------------------------


def test_quote_without_para_is_am303_and_says_where_the_quote_is() -> None:
    found = check('[C]: Cats sleep. {quote: "sleep most of the day"}')
    assert codes(found) == ["AM303"]
    assert "paragraph 1" in found[0].message


def test_para_without_quote_is_am303() -> None:
    # The statement is then also unquoted (AM304).
    assert codes(check("[C]: Cats sleep. {para: 1}")) == ["AM303", "AM304"]
    assert codes(check("[C]: Cats sleep. #implicit {para: 1}")) == ["AM303"]


@pytest.mark.parametrize("para", ["0", "5", "-1", "'one'", "true", "1.5", "[1]"])
def test_invalid_para_is_am303(para: str) -> None:
    found = check(f'[C]: Cats sleep. {{quote: "sleep most of the day", para: {para}}}')
    assert codes(found) == ["AM303"], para
    assert found[0].hint == "it is in paragraph 1"


def test_invalid_para_and_unknown_quote_report_both() -> None:
    assert sorted(codes(check('[C]: Cats. {quote: "zebras", para: 9}'))) == ["AM301", "AM303"]


@pytest.mark.parametrize("quote", ['""', "'  '", "42", "[a, b]"])
def test_empty_or_non_text_quote_is_am303(quote: str) -> None:
    assert codes(check(f"[C]: Cats sleep. {{quote: {quote}, para: 1}}")) == ["AM303"]


def test_implicit_statement_with_a_quote_is_am303() -> None:
    found = check('[C]: Cats sleep. #implicit {quote: "sleep most of the day", para: 1}')
    assert codes(found) == ["AM303"]
    assert "#implicit" in found[0].message


def test_complete_provenance_data_is_not_am303() -> None:
    assert "AM303" not in codes(check('[C]: Cats sleep. {quote: "sleep", para: 1}'))


# -- AM304: unquoted stated claims ----------------------------------------------------------------


def test_defined_statement_without_quote_is_am304_warning() -> None:
    found = check('[C]: Cats sleep. {quote: "sleep", para: 1}\n    + [D]: Dogs walk.')
    assert codes(found) == ["AM304"]
    assert found[0].severity is Severity.WARNING
    assert "[D]" in found[0].message


def test_implicit_statements_and_quoted_ones_are_not_am304() -> None:
    assert check('[C]: Cats sleep. {quote: "sleep", para: 1}\n    + [D]: Dogs walk. #implicit') == []


def test_a_quote_on_any_member_covers_the_statement() -> None:
    text = (
        '[C]: Cats sleep.\n    + [D]: Dogs walk.\n\n[C] {quote: "sleep", para: 1}\n    + [D] {quote: "walks", para: 2}'
    )
    assert check(text) == []


def test_quotes_on_references_are_checked_too() -> None:
    text = (
        '[C]: Cats sleep. {quote: "sleep", para: 1}\n    + [D]: Dogs walk. #implicit\n\n[C] {quote: "sleep", para: 2}'
    )
    assert codes(check(text)) == ["AM302"]


def test_pcs_statements_are_checked_like_any_other() -> None:
    text = (
        "<Walks>: Dogs need walking.\n\n"
        '(1) [D]: Dogs need walks. {quote: "need long walks", para: 2}\n'
        "(2) [Rule]: What needs walks gets walked. #implicit\n"
        "----\n"
        "(3) [W]: Dogs get walked."
    )
    found = check(text)
    assert codes(found) == ["AM304"]
    assert "[W]" in found[0].message


# -- argument descriptions ----------------------------------------------------------------------------


def test_argument_description_quotes_are_checked() -> None:
    text = (
        '<Sleepy>: Cats rest. {quote: "sleep most of the day", para: 2}\n\n'
        '(1) [C]: Cats sleep. {quote: "Cats sleep", para: 1}\n'
        "(2) [R]: Sleepers rest. #implicit\n"
        "----\n"
        "(3) [Rest]: Cats rest. #implicit"
    )
    found = check(text)
    assert codes(found) == ["AM302"]
    assert "<Sleepy>" in found[0].message


def test_argument_without_quote_is_not_am304() -> None:
    text = (
        "<Sleepy>: Cats rest.\n\n"
        '(1) [C]: Cats sleep. {quote: "Cats sleep", para: 1}\n'
        "(2) [R]: Sleepers rest. #implicit\n"
        "----\n"
        "(3) [Rest]: Cats rest. #implicit"
    )
    assert check(text) == []


# -- registration and entry points ------------------------------------------------------------------------


def test_provenance_codes_are_registered_with_docs_and_severities() -> None:
    for code in PROVENANCE_CODES:
        rule = registered()[code]
        assert rule.summary and rule.explanation, code
        assert rule.check is None  # reported by check_provenance, never by lint()
    assert registered()["AM304"].severity is Severity.WARNING
    assert {registered()[c].severity for c in ("AM301", "AM302", "AM303")} == {Severity.ERROR}


def test_plain_loading_never_reports_provenance() -> None:
    _, diagnostics = argmap.loads('[C]: Cats sleep. {quote: "zebras", para: 99}\n    + [D]: Dogs walk.')
    assert not [d for d in diagnostics if d.code in PROVENANCE_CODES]


def test_check_provenance_file_reads_the_source(tmp_path: Path) -> None:
    source = tmp_path / "pets.txt"
    source.write_text(SOURCE, encoding="utf-8")
    amap, _ = argmap.loads('[C]: Cats sleep. {quote: "sleep most of the day", para: 3}')
    found = check_provenance_file(amap, source)
    assert codes(found) == ["AM302"]
    assert str(source) in found[0].message


def test_check_provenance_file_reports_a_missing_source() -> None:
    amap, _ = argmap.loads('[C]: Cats sleep. {quote: "sleep", para: 1}')
    found = check_provenance_file(amap, "/nonexistent/pets.txt")
    assert codes(found) == ["AM000"]
