"""``argmap lsp``: the language server for editors (library in :mod:`argmap.lsp`)."""

from __future__ import annotations

from argmap.cli.common import app, fail


@app.command()
def lsp() -> None:
    """Run a language server for Argdown files over standard input and output (for editors).

    Diagnostics as you type, hover, go to definition, references, rename, completion,
    outline, folding, formatting and quick fixes; docs/editors.md shows how to set up
    VS Code, Neovim, Helix and Emacs.  Needs the extra: pip install 'argmap[lsp]'.

    \b
    Example: argmap lsp --help
    """
    try:
        from argmap.lsp.server import serve
    except ImportError as missing:
        fail(f"argmap lsp needs pygls and lsprotocol ({missing.name} is missing); pip install 'argmap[lsp]'")
    serve()
