"""``argmap lsp``: a language server for Argdown over stdio, on pygls.

:mod:`argmap.lsp.document` reads a document once per version and answers position
questions (what title is here, where else it occurs); :mod:`argmap.lsp.features` turns
those answers into the protocol's records; :mod:`argmap.lsp.server` wires them to pygls.
Only the server module needs pygls; the other two need only ``lsprotocol``.
"""
