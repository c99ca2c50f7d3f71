"""``argmap lsp`` as a real process, driven by pygls's language client over stdio.

One server serves the whole module; each test opens its own document (a fresh URI),
so the tests do not depend on each other's edits."""

from __future__ import annotations

import asyncio
import itertools
import sys
from collections.abc import Awaitable, Callable, Iterator
from typing import Any, TypeVar

import pytest

from tests.conftest import require_module

require_module("pygls", "lsp")

from lsprotocol import types as lsp  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402

T = TypeVar("T")

MAP = """\
===
title: Test
===
# Costs

[Alpha]: Taxes should fall. #policy
  + [Beta]: Growth follows. #economy
  - <Gamma>: Deficits grow.
  + [Bet]

<Gamma>

(1) [Delta]: Deficits matter. @[Beta]
(2) [Eps]: Deficits follow cuts.
----
(3) [Zeta]: Cuts harm.
"""
"""A small map with two errors: no empty line after the front matter (AM019, line 4),
and [Bet], a typo of [Beta] (AM103, line 9)."""
_numbers = itertools.count()


class Session:
    """A client connected to a running ``argmap lsp``, on an event loop of its own."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.client = LanguageClient("argmap-tests", "1")
        self.diagnostics: dict[str, list[lsp.PublishDiagnosticsParams]] = {}
        self.arrived = asyncio.Event()

        @self.client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: lsp.PublishDiagnosticsParams) -> None:
            self.diagnostics.setdefault(params.uri, []).append(params)
            self.arrived.set()

        self.run(self.client.start_io(sys.executable, "-m", "argmap", "lsp"))
        self.run(
            self.client.initialize_async(lsp.InitializeParams(capabilities=lsp.ClientCapabilities(), process_id=None))
        )
        self.client.initialized(lsp.InitializedParams())

    def run(self, awaitable: Awaitable[T]) -> T:
        return self.loop.run_until_complete(asyncio.wait_for(awaitable, 30))

    def open(self, text: str = MAP) -> str:
        uri = f"file:///tmp/argmap-lsp-test-{next(_numbers)}.argdown"
        self.client.text_document_did_open(
            lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri=uri, language_id="argdown", version=1, text=text))
        )
        return uri

    def wait_diagnostics(self, uri: str, count: int = 1) -> list[lsp.Diagnostic]:
        """The diagnostics of the ``count``-th publication for ``uri``."""

        async def wait() -> list[lsp.Diagnostic]:
            while len(self.diagnostics.get(uri, [])) < count:
                self.arrived.clear()
                await self.arrived.wait()
            return list(self.diagnostics[uri][count - 1].diagnostics)

        return self.run(wait())

    def request(self, method: Callable[..., Awaitable[T]], params: Any) -> T:
        return self.run(method(params))

    def close(self) -> None:
        self.run(self.client.shutdown_async(None))
        self.client.exit(None)
        self.run(self.client.stop())
        self.loop.close()


@pytest.fixture(scope="module")
def session() -> Iterator[Session]:
    started = Session()
    yield started
    started.close()


def at(uri: str, line: int, character: int) -> dict[str, Any]:
    """The keywords of a request about a position."""
    return {
        "text_document": lsp.TextDocumentIdentifier(uri=uri),
        "position": lsp.Position(line=line, character=character),
    }


def test_diagnostics_on_open_carry_codes_ranges_and_the_suggestion(session: Session) -> None:
    uri = session.open()
    found = {d.code: d for d in session.wait_diagnostics(uri)}
    assert set(found) == {"AM019", "AM103"}
    typo = found["AM103"]
    assert typo.range == lsp.Range(lsp.Position(8, 4), lsp.Position(8, 9))  # "[Bet]" on line 9
    assert typo.severity == lsp.DiagnosticSeverity.Error
    assert typo.source == "argmap"
    assert typo.related_information is not None
    (related,) = typo.related_information
    assert related.location.range == lsp.Range(lsp.Position(6, 4), lsp.Position(6, 10))  # "[Beta]"
    assert found["AM019"].range.start == lsp.Position(3, 0)
    assert "hint: insert an empty line" in found["AM019"].message


def test_diagnostics_follow_an_edit(session: Session) -> None:
    uri = session.open()
    session.wait_diagnostics(uri)
    fixed = lsp.Range(lsp.Position(8, 5), lsp.Position(8, 8))
    session.client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(version=2, uri=uri),
            [lsp.TextDocumentContentChangePartial(range=fixed, text="Beta")],
        )
    )
    after = session.wait_diagnostics(uri, 2)
    assert [d.code for d in after] == ["AM019"]


def test_hover_shows_text_tags_label_and_counts(session: Session) -> None:
    uri = session.open()
    hover = session.request(session.client.text_document_hover_async, lsp.HoverParams(**at(uri, 5, 3)))
    assert hover is not None
    assert isinstance(hover.contents, lsp.MarkupContent)
    shown = hover.contents.value
    assert "Taxes should fall" in shown
    assert "policy" in shown
    # [Alpha] is attacked by <Gamma>, whose premises nothing attacks: OUT under grounded.
    assert "grounded: OUT" in shown
    assert "2 supporters, 1 attacker" in shown  # + [Beta], + [Bet]; - <Gamma>
    assert hover.range == lsp.Range(lsp.Position(5, 0), lsp.Position(5, 7))
    nothing = session.request(session.client.text_document_hover_async, lsp.HoverParams(**at(uri, 4, 0)))
    assert nothing is None


def test_definition_of_an_argument_reference(session: Session) -> None:
    uri = session.open()
    found = session.request(session.client.text_document_definition_async, lsp.DefinitionParams(**at(uri, 10, 2)))
    assert isinstance(found, list)
    assert [(x.range.start.line, x.range.start.character) for x in found] == [(7, 4)]  # "- <Gamma>: ..."


def test_references_include_mentions(session: Session) -> None:
    uri = session.open()
    found = session.request(
        session.client.text_document_references_async,
        lsp.ReferenceParams(**at(uri, 6, 6), context=lsp.ReferenceContext(include_declaration=True)),
    )
    assert found is not None
    assert sorted((x.range.start.line, x.range.start.character) for x in found) == [(6, 4), (12, 31)]


def test_rename_everywhere_and_refusal_of_an_existing_title(session: Session) -> None:
    uri = session.open()
    edit = session.request(
        session.client.text_document_rename_async, lsp.RenameParams(**at(uri, 6, 6), new_name="Growth")
    )
    assert edit is not None and edit.changes is not None
    edits = sorted(edit.changes[uri], key=lambda e: e.range.start.line)
    assert [(e.range.start.line, e.range.start.character, e.range.end.character, e.new_text) for e in edits] == [
        (6, 5, 9, "Growth"),
        (12, 32, 36, "Growth"),
    ]
    with pytest.raises(Exception, match="already exists"):
        session.request(session.client.text_document_rename_async, lsp.RenameParams(**at(uri, 6, 6), new_name="Alpha"))


def _labels(result: lsp.CompletionList | list[lsp.CompletionItem] | None) -> list[str]:
    items = result.items if isinstance(result, lsp.CompletionList) else result or []
    return [item.label for item in items]


def test_completion_of_titles_tags_and_relation_symbols(session: Session) -> None:
    uri = session.open(MAP + "\n[Alpha]: Again. #\n  <\n  \n@[\n")
    complete = session.client.text_document_completion_async
    tags = _labels(session.request(complete, lsp.CompletionParams(**at(uri, 17, 17))))
    assert set(tags) == {"policy", "economy"}
    arguments = _labels(session.request(complete, lsp.CompletionParams(**at(uri, 18, 3))))
    assert arguments == ["Gamma"]
    symbols = _labels(session.request(complete, lsp.CompletionParams(**at(uri, 19, 2))))
    assert {"+", "-", "_", "+>", "->", "><"} <= set(symbols)
    statements = _labels(session.request(complete, lsp.CompletionParams(**at(uri, 20, 2))))
    assert {"Alpha", "Beta", "Delta", "Eps", "Zeta"} <= set(statements)


def test_symbols_and_folding(session: Session) -> None:
    uri = session.open()
    document = lsp.TextDocumentIdentifier(uri)
    symbols = session.request(
        session.client.text_document_document_symbol_async, lsp.DocumentSymbolParams(text_document=document)
    )
    assert symbols is not None
    (section,) = symbols
    assert isinstance(section, lsp.DocumentSymbol)
    assert section.name == "Costs"
    assert [c.name for c in section.children or []] == ["[Alpha]", "[Beta]", "<Gamma>", "[Delta]", "[Eps]", "[Zeta]"]
    folds = session.request(
        session.client.text_document_folding_range_async, lsp.FoldingRangeParams(text_document=document)
    )
    assert folds is not None
    spans = {(f.start_line, f.end_line) for f in folds}
    assert (3, 15) in spans  # the section
    assert (5, 8) in spans  # the relation tree
    assert (12, 15) in spans  # the PCS


def test_formatting_is_fmt(session: Session) -> None:
    from argmap.argdown.fmt import format_text

    uri = session.open()
    edits = session.request(
        session.client.text_document_formatting_async,
        lsp.DocumentFormattingParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            options=lsp.FormattingOptions(tab_size=4, insert_spaces=True),
        ),
    )
    assert edits is not None
    (edit,) = edits
    assert edit.new_text == format_text(MAP).text
    assert "===\n\n# Costs" in edit.new_text


def test_code_actions_fix_the_typo_and_the_missing_line(session: Session) -> None:
    uri = session.open()
    diagnostics = session.wait_diagnostics(uri)
    whole = lsp.Range(lsp.Position(0, 0), lsp.Position(16, 0))
    actions = session.request(
        session.client.text_document_code_action_async,
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=whole,
            context=lsp.CodeActionContext(diagnostics=diagnostics),
        ),
    )
    assert actions is not None
    edits = {}
    for action in actions:
        assert isinstance(action, lsp.CodeAction) and action.edit is not None and action.edit.changes is not None
        (edit,) = action.edit.changes[uri]
        edits[action.title] = (
            edit.range.start.line,
            edit.range.start.character,
            edit.range.end.character,
            edit.new_text,
        )
    assert edits == {
        "Replace [Bet] by [Beta]": (8, 5, 8, "Beta"),
        "Insert the empty line after the front matter": (3, 0, 0, "\n"),
    }


def test_duplicate_text_points_at_the_first_definition_and_hover_shows_the_quote(session: Session) -> None:
    uri = session.open('[A]: Some long text here. {quote: "the words", para: 3}\n\n[B]: Some long text here.\n')
    (duplicate,) = [d for d in session.wait_diagnostics(uri) if d.code == "AM206"]
    assert duplicate.range.start == lsp.Position(line=2, character=0)
    assert duplicate.related_information is not None
    (first,) = duplicate.related_information
    assert first.location.range == lsp.Range(
        start=lsp.Position(line=0, character=0), end=lsp.Position(line=0, character=3)
    )
    hover = session.request(session.client.text_document_hover_async, lsp.HoverParams(**at(uri, 0, 1)))
    assert hover is not None and isinstance(hover.contents, lsp.MarkupContent)
    assert "quote (paragraph 3): “the words”" in hover.contents.value


def test_unknown_argument_and_mention_are_placed_and_fixed(session: Session) -> None:
    text = "[Alpha]: A claim.\n  + <Argu>: An argument.\n  - <Arg>\n\n[Beta]: See @[Alpah] here.\n"
    uri = session.open(text)
    found = {d.code: d for d in session.wait_diagnostics(uri) if d.code in ("AM104", "AM105")}
    mention_line = text.splitlines()[4]
    start = mention_line.index("[Alpah]")
    assert found["AM105"].range == lsp.Range(
        start=lsp.Position(line=4, character=start), end=lsp.Position(line=4, character=start + len("[Alpah]"))
    )
    whole = lsp.Range(start=lsp.Position(line=0, character=0), end=lsp.Position(line=5, character=0))
    actions = session.request(
        session.client.text_document_code_action_async,
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=whole,
            context=lsp.CodeActionContext(diagnostics=list(found.values())),
        ),
    )
    assert actions is not None
    titles = sorted(a.title for a in actions if isinstance(a, lsp.CodeAction))
    assert titles == ["Replace <Arg> by <Argu>", "Replace [Alpah] by [Alpha]"]
