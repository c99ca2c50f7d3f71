"""Any input gives diagnostics or a map, never a traceback (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.argdown import parse_bytes
from argmap.diagnostics import Diagnostic
from argmap.model import ArgumentMap

FRAGMENTS = [
    "[A]",
    "[A]: ",
    "[B c]: text",
    "<Arg>",
    "<Arg>: ",
    "(1) ",
    "(2) ",
    "----",
    "--",
    "\n",
    "\n\n",
    "  ",
    "    ",
    "\t",
    "+ ",
    "- ",
    "_ ",
    "<+ ",
    "<- ",
    "+> ",
    "-> ",
    "_> ",
    ">< ",
    "=> ",
    "#tag",
    "#(two words)",
    "# Heading",
    "## Sub",
    "{",
    "}",
    "{a: 1}",
    "{a:",
    "===",
    "//",
    "/*",
    "*/",
    "<!--",
    "-->",
    "@[A]",
    "@<Arg>",
    "* ",
    "1. ",
    "**",
    "_",
    "\\",
    "[",
    "]",
    "<",
    ">",
    "word",
    "é",
    "日本",
]

argdown_like = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join)


def check(result: tuple[ArgumentMap, list[Diagnostic]]) -> None:
    amap, diagnostics = result
    assert isinstance(amap, ArgumentMap)
    assert all(isinstance(d, Diagnostic) for d in diagnostics)
    # Every edge joins nodes that exist, and every node has its record.
    for u, v in amap.graph.edges:
        assert u in amap.graph and v in amap.graph
    for node, attrs in amap.graph.nodes(data=True):
        assert attrs["record"].node == node


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argdown_like)
def test_argdown_shaped_text(text: str) -> None:
    check(argmap.loads(text, name="fuzz.argdown"))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text(text: str) -> None:
    check(argmap.loads(text, name="fuzz.argdown"))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes(data: bytes) -> None:
    check(parse_bytes(data, "fuzz.bin"))
