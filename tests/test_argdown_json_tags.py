"""Argdown JSON with ``model: {removeTagsFromText: true}`` removes the tags the reader reads,
with the reader's own bounded tag pattern: a text of thousands of unclosed ``#(`` is no tag
and stays as it is (and costs linear time, which a benchmark, not a test, measures)."""

from __future__ import annotations

import json

from argmap.argdown import parse
from argmap.interchange.argdown_json import to_argdown_json
from argmap.interchange.argdown_json_text import dumps

SETTING = "===\nmodel:\n  removeTagsFromText: true\n===\n\n"


def member_texts(text: str) -> list[str]:
    amap, _ = parse(SETTING + text)
    doc = to_argdown_json(amap)
    assert json.loads(dumps(amap)) == doc
    return [m["text"] for s in doc["statements"].values() for m in s["members"]]


def test_tags_are_removed_from_texts() -> None:
    assert member_texts("[A]: x #(two words) y #real z\n") == ["x y z"]


def test_thousands_of_unclosed_tag_openers_are_text() -> None:
    openers = "#(a " * 8_000
    amap, _ = parse(SETTING + f"[A]: x {openers}#real z\n")
    assert list(amap.statements["A"].members[0].tags) == ["real"]
    assert member_texts(f"[A]: x {openers}#real z\n") == [" ".join(f"x {openers}z".split())]


def test_a_parenthesised_tag_longer_than_the_reader_reads_stays_in_the_text() -> None:
    # The reader does not read it as a tag (its pattern is bounded), so it is not removed.
    long = "#(" + "w" * 300 + ")"
    amap, _ = parse(SETTING + f"[A]: x {long} #t\n")
    assert list(amap.statements["A"].members[0].tags) == ["t"]
    assert member_texts(f"[A]: x {long} #t\n") == [f"x {long}"]
