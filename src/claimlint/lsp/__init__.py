"""claimlint's language server (`claimlint lsp`), an optional extra:
`pip install 'claimlint[lsp]'` brings pygls and lsprotocol.

- `positions`: character offsets ↔ LSP positions (UTF-16 by default)
- `documents`: the open documents, kept in step with the editor's changes
- `configs`: which config and rule set apply to a document; which files to watch
- `linting`: one document's text → findings, never raising
- `convert`: findings → LSP diagnostics
- `actions`: quick fixes, suggestions, "disable for this line", fix all
- `hover`: `claimlint explain` text over a finding
- `settings`: the client's options
- `server`: the pygls wiring, debounce and scheduling
"""

from __future__ import annotations


class MissingExtra(Exception):
    """pygls (or lsprotocol) is not installed."""


def serve() -> None:
    """Run the server over stdio; `MissingExtra` if the `lsp` extra is not installed."""
    try:
        from claimlint.lsp.server import serve as run
    except ImportError as exc:
        if exc.name and exc.name.split(".")[0] in ("pygls", "lsprotocol", "cattrs"):
            raise MissingExtra(
                "the language server needs pygls: pip install 'claimlint[lsp]'"
            ) from None
        raise
    run()
