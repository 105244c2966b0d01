"""The open documents: their text, kept in step with the editor's changes.

The server keeps its own copy rather than pygls's: pygls splits lines with
`str.splitlines`, which also breaks at form feeds, U+0085, U+2028 and U+2029 (all found
in scraped copy), where LSP breaks only at "\\n", "\\r\\n" and "\\r"; an incremental
change to such a document would land in the wrong place.
"""

from __future__ import annotations

from collections.abc import Iterable

import msgspec
from lsprotocol import types

from claimlint.lsp.linting import Outcome
from claimlint.lsp.positions import LineIndex


class OpenDocument(msgspec.Struct):
    uri: str
    text: str
    version: int | None
    language_id: str | None
    #: the path it is linted as (see linting.document_path)
    path: str
    #: the latest outcome published for it (possibly of an older version)
    outcome: Outcome | None = None
    #: cross-file findings published with it, as LSP diagnostics
    extra: list[types.Diagnostic] = msgspec.field(default_factory=list)


def apply_changes(
    text: str, changes: Iterable[types.TextDocumentContentChangeEvent], encoding: str
) -> str:
    """`text` after the changes of one didChange notification, in order."""
    for change in changes:
        if isinstance(change, types.TextDocumentContentChangePartial):
            index = LineIndex(text, encoding)
            start = index.offset(change.range.start.line, change.range.start.character)
            end = index.offset(change.range.end.line, change.range.end.character)
            text = text[:start] + change.text + text[max(start, end) :]
        else:
            text = change.text
    return text
