"""The pygls language server: documents kept in sync, parsed once per version, features
answered from the parsed version.

Diagnostics are debounced on both edges: a change after a quiet spell is parsed at
once, and the changes that follow it within :data:`DEBOUNCE_SECONDS` are parsed
together once they pause (typing a word sends a change per key; parsing after each
would queue work the next key makes useless).  A request never waits for that delay:
it parses the current text itself when the kept version is stale.
"""

from __future__ import annotations

import asyncio
import logging

from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from argmap import __version__
from argmap.lsp import features, outline
from argmap.lsp.document import Document, read_document

DEBOUNCE_SECONDS = 0.05
"""The quiet spell after which a change is parsed at once; changes closer together wait
until this long after the last of them."""


class ArgdownServer(LanguageServer):
    """A language server that keeps one parsed :class:`Document` per open text document."""

    def __init__(self) -> None:
        super().__init__("argmap", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental)
        self.parsed: dict[str, tuple[int | None, Document]] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.last_change: dict[str, float] = {}

    def document(self, uri: str) -> Document:
        """The parsed current version of ``uri`` (parsed now if the kept one is stale)."""
        text_document = self.workspace.get_text_document(uri)
        kept = self.parsed.get(uri)
        if kept is not None and kept[0] == text_document.version and kept[1].text == text_document.source:
            return kept[1]
        name = to_fs_path(uri) or uri
        document = read_document(uri, text_document.source, name)
        self.parsed[uri] = (text_document.version, document)
        return document

    def publish(self, uri: str) -> None:
        self.pending.pop(uri, None)
        if uri not in self.workspace.text_documents:
            return
        document = self.document(uri)
        version = self.parsed[uri][0]
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=features.diagnostics(document), version=version)
        )

    def publish_later(self, uri: str) -> None:
        """Publish now after a quiet spell, else once the changes pause."""
        loop = asyncio.get_running_loop()
        now = loop.time()
        quiet = now - self.last_change.get(uri, float("-inf")) >= DEBOUNCE_SECONDS
        self.last_change[uri] = now
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        if quiet and waiting is None:
            self.publish(uri)
        else:
            self.pending[uri] = loop.call_later(DEBOUNCE_SECONDS, self.publish, uri)


def build_server() -> ArgdownServer:
    """The server with every feature registered."""
    server = ArgdownServer()

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ArgdownServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ArgdownServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.publish_later(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ArgdownServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.parsed.pop(uri, None)
        ls.last_change.pop(uri, None)
        waiting = ls.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: ArgdownServer, params: lsp.HoverParams) -> lsp.Hover | None:
        return features.hover(ls.document(params.text_document.uri), params.position)

    @server.feature(lsp.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: ArgdownServer, params: lsp.DefinitionParams) -> list[lsp.Location]:
        return features.definition(ls.document(params.text_document.uri), params.position)

    @server.feature(lsp.TEXT_DOCUMENT_REFERENCES)
    def references(ls: ArgdownServer, params: lsp.ReferenceParams) -> list[lsp.Location]:
        document = ls.document(params.text_document.uri)
        return features.references(document, params.position, params.context.include_declaration)

    @server.feature(lsp.TEXT_DOCUMENT_PREPARE_RENAME)
    def prepare_rename(ls: ArgdownServer, params: lsp.PrepareRenameParams) -> lsp.Range | None:
        return features.prepare_rename(ls.document(params.text_document.uri), params.position)

    @server.feature(lsp.TEXT_DOCUMENT_RENAME)
    def rename(ls: ArgdownServer, params: lsp.RenameParams) -> lsp.WorkspaceEdit | None:
        try:
            return features.rename(ls.document(params.text_document.uri), params.position, params.new_name)
        except features.RenameRefused as refused:
            raise JsonRpcInvalidParams(str(refused)) from None

    @server.feature(
        lsp.TEXT_DOCUMENT_COMPLETION, lsp.CompletionOptions(trigger_characters=["[", "<", "#", "@", "+", "-"])
    )
    def completion(ls: ArgdownServer, params: lsp.CompletionParams) -> lsp.CompletionList:
        items = features.completion(ls.document(params.text_document.uri), params.position)
        return lsp.CompletionList(is_incomplete=False, items=items)

    @server.feature(lsp.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def document_symbol(ls: ArgdownServer, params: lsp.DocumentSymbolParams) -> list[lsp.DocumentSymbol]:
        return outline.symbols(ls.document(params.text_document.uri))

    @server.feature(lsp.TEXT_DOCUMENT_FOLDING_RANGE)
    def folding_range(ls: ArgdownServer, params: lsp.FoldingRangeParams) -> list[lsp.FoldingRange]:
        return outline.folding_ranges(ls.document(params.text_document.uri))

    @server.feature(lsp.TEXT_DOCUMENT_FORMATTING)
    def formatting(ls: ArgdownServer, params: lsp.DocumentFormattingParams) -> list[lsp.TextEdit] | None:
        result = outline.formatting(ls.document(params.text_document.uri))
        if isinstance(result, str):
            ls.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Warning, message=f"argmap: {result}"))
            return None
        return result

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION, lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix])
    )
    def code_action(ls: ArgdownServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        return outline.code_actions(ls.document(params.text_document.uri), params)

    return server


class _RefusalsAreAnswers(logging.Filter):
    """pygls logs every exception a handler raises with its traceback (on standard error,
    which editors show as the server's log); a refused rename is an answer, not a fault."""

    def filter(self, record: logging.LogRecord) -> bool:
        raised = record.exc_info[1] if record.exc_info else None
        return not isinstance(raised, JsonRpcInvalidParams)


def serve() -> None:
    """Serve over standard input and output until the client says exit."""
    logging.getLogger("pygls.protocol.json_rpc").addFilter(_RefusalsAreAnswers())
    build_server().start_io()
