"""The parser's block fast paths (``plain_pcs``, ``plain_children``) give the same map and
diagnostics as its general loops, which they skip."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from conftest import shared_path
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.argdown import parse
from argmap.argdown.blocks import Parser as _Parser
from argmap.interchange.argmap_json import to_argmap_json

FAST_PATHS = ("plain_pcs", "plain_children")


@contextmanager
def general_path_only() -> Iterator[None]:
    """Every fast path declines its block, as for input it does not handle."""
    saved = {name: getattr(_Parser, name) for name in FAST_PATHS}
    try:
        for name in FAST_PATHS:
            setattr(_Parser, name, lambda self, *args: -1)
        yield
    finally:
        for name, method in saved.items():
            setattr(_Parser, name, method)


def outcome(text: str) -> tuple[dict[str, Any], list[tuple[str, str, int, int, int, int]]]:
    amap, diagnostics = parse(text, name="case.argdown")
    return to_argmap_json(amap), [
        (d.code, d.message, d.span.line, d.span.col, d.span.end_line, d.span.end_col) for d in diagnostics
    ]


def assert_same_both_ways(text: str) -> None:
    fast = outcome(text)
    with general_path_only():
        general = outcome(text)
    assert fast == general


@contextmanager
def counting_fast_blocks(taken: dict[str, int]) -> Iterator[None]:
    """Count the blocks each fast path reads itself (returns an index, not -1)."""
    saved = {name: getattr(_Parser, name) for name in FAST_PATHS}

    def wrap(name: str) -> Any:
        original = saved[name]

        def counted(self: _Parser, *args: Any) -> int:
            end: int = original(self, *args)
            if end >= 0:
                taken[name] = taken.get(name, 0) + 1
            return end

        return counted

    try:
        for name in FAST_PATHS:
            setattr(_Parser, name, wrap(name))
        yield
    finally:
        for name, method in saved.items():
            setattr(_Parser, name, method)


TYPICAL = """\
# Part

[S0]: Statement zero. #fact
    + <A1>
    - <A2>
    + [S9]

<A1>: First argument.

(1) [S1]
(2) [ S2 ]
----
(3) [S0]

<A2>

(1) [S3]
----
(2) [S4]
----
(3) [S0]
"""


def test_typical_blocks_take_the_fast_paths_with_the_same_result() -> None:
    # Without this, the comparisons below could pass with fast paths that never run.
    taken: dict[str, int] = {}
    with counting_fast_blocks(taken):
        parse(TYPICAL)
    assert taken == {"plain_pcs": 2, "plain_children": 1}
    assert_same_both_ways(TYPICAL)


@pytest.mark.parametrize(
    "block",
    [
        "<A>\n\n(1) [P]\n(2) [Q]\n",  # no inference: AM013
        "<A>\n\n(1) [P]\n----\n",  # inference with no conclusion
        "<A>\n\n----\n(1) [P]\n",  # inference first
        "<A>\n\n(1) [P]\n----\n----\n(2) [Q]\n",  # two inference lines
        "<A>\n\n(1) [P]\n(1) [Q]\n----\n(3) [R]\n",  # numbering: AM016
        "<A>\n\n(1) [P]\n----\n(2) [Q]\n  + [R]\n",  # a relation below the conclusion
        "<A>\n\n(1) [P]\n-- rule --\n(2) [Q]\n",  # an inference with rules
        "<A>\n\n (1) [P]\n----\n (2) [Q]\n",  # indented PCS lines
        "<A>\n\n(1) [P] #t\n----\n(2) [Q]: text\n",  # tags and text
        "<A>\n\n(1) [P]\n----\n(2) [Q]\ncontinued\n",  # a continuation line
        "(1) [P]\n----\n(2) [Q]\n",  # an untitled argument
        "<A>\n\n(1) [P]\n----\n(2) [Q]\n\n<A>\n\n(1) [R]\n----\n(2) [Q]\n",  # a second PCS: AM016
        "[A]: a\n  + <B>\n  + <C>\n",
        "[A]: a\n  + <B>\n    + <C>\n",  # two levels
        "[A]: a\n  + <B>\n + <C>\n",  # dedent
        "[A]: a\n  + <B>\n\t+ <C>\n",  # mixed indentation
        "[A]: a\n  + <B>: b #t\n  -> [C]: c\n  <_ [D]\n  >< [E]\n  _ <F>\n",
        "[A]: a\n+ <B>\n",  # a relation at column 1
        "[A]: a\n  +\n",  # a symbol with nothing after it
        "[A]: a\n  + <B>\n  text\n",  # stray text
        "[A]: a\n  + [B]: b {x: 1}\n",  # data
        "[A]: a\n  + [B]: b\n  continued\n",
        "[A]: a\n  ~> [B]\n",  # an unknown symbol
        "<A>: a\n  + [B]\n  - <A>\n",  # a self-attack
        "===\nmodel:\n  mode: strict\n===\n\n[A]: a\n  + [B]\n  - [C]\n",  # strict mode: entails, contrary
    ],
)
def test_edge_cases_agree(block: str) -> None:
    assert_same_both_ways(block)


LINES = [
    "(1) [P]",
    "(2) [Q]",
    "(3) [R]",
    "(2) [P]",
    "(1) [Q]: text",
    "(4) [S] #tag",
    " (2) [Q]",
    "(2)  [ Q ]  ",
    "----",
    "-----",
    "--",
    "-- modus ponens --",
    "<A>",
    "<B>: b",
    "[S]: s",
    "[T]",
    "  + <A>",
    "  - <B>",
    "  + [P]",
    "  -> [Q]",
    "  <_ <A>",
    "  >< [R]",
    "    + <B>",
    "\t+ [T]",
    "  +",
    "  + [P]: text {x: 1}",
    "  text",
    "",
    "",
    "",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(LINES), max_size=24))
def test_any_mix_of_block_lines_agrees(lines: list[str]) -> None:
    assert_same_both_ways("\n".join(lines) + "\n")


def test_corpus_agrees() -> None:
    files = sorted(shared_path("corpus", "argdown", "inputs").glob("*.argdown"))
    assert len(files) > 100
    for path in files:
        assert_same_both_ways(path.read_text(encoding="utf-8", errors="replace"))
