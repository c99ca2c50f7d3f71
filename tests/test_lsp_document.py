"""The language server's position answers, in-process, on arbitrary Argdown-shaped text:
every title found lies where the text has it, and no position makes a feature fail."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import require_module

require_module("lsprotocol", "lsp")

from lsprotocol import types as lsp  # noqa: E402

from argmap.lsp import features, outline  # noqa: E402
from argmap.lsp.document import code_point_column, read_document, utf16_column  # noqa: E402

PIECES = st.sampled_from(
    ["[A]", "[A]: text", "<B>", "<B>: text", "  + ", "  - ", "  _ ", "@[A]", "@<B>", "#tag", "(1) ", "----",
     "# H", "===", "é", "😀", "[", "<", " ", "\n", "\n\n", "x"]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=30).map("".join)


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_titles_are_where_the_text_has_them_and_no_position_fails(text: str) -> None:
    document = read_document("file:///t.argdown", text, "t.argdown")
    for occurrence in document.occurrences:
        line = document.lines[occurrence.line]
        written = line[occurrence.start : occurrence.end]
        assert written[0] == occurrence.node[0] and written[-1] == occurrence.node[-1]
    features.diagnostics(document)
    outline.symbols(document)
    outline.folding_ranges(document)
    for number, line in enumerate([*document.lines, ""]):
        for column in range(utf16_column(line, len(line)) + 1):
            position = lsp.Position(line=number, character=column)
            features.hover(document, position)
            features.definition(document, position)
            features.completion(document, position)


@given(st.text(alphabet=st.sampled_from("aé😀\u0301"), max_size=12))
def test_utf16_columns_round_trip(line: str) -> None:
    for column in range(len(line) + 1):
        assert code_point_column(line, utf16_column(line, column)) == column
