"""claimlint's diagnostics → LSP diagnostics: rule id as `code`, level as severity,
secondary places as related information, positions in the client's encoding."""

from __future__ import annotations

from lsprotocol import types

from claimlint.diagnostics import Diagnostic
from claimlint.findings import Level
from claimlint.lsp.positions import LineIndex

SOURCE = "claimlint"
#: the `code` of the diagnostic that stands for a configuration that cannot be used
CONFIG_ERROR = "config-error"

_SEVERITY = {
    Level.ERROR: types.DiagnosticSeverity.Error,
    Level.WARNING: types.DiagnosticSeverity.Warning,
    Level.INFO: types.DiagnosticSeverity.Information,
}


def lsp_range(index: LineIndex, start: int, end: int) -> types.Range:
    (line, character), (end_line, end_character) = index.position(start), index.position(end)
    return types.Range(
        start=types.Position(line=line, character=character),
        end=types.Position(line=end_line, character=end_character),
    )


def to_lsp(diagnostic: Diagnostic, index: LineIndex, uri: str) -> types.Diagnostic:
    """One finding as an LSP diagnostic. Offsets (`location.start`/`end`) index the text
    as the editor sent it, so they are converted, not the line/column pair."""
    location = diagnostic.location
    related = [
        types.DiagnosticRelatedInformation(
            location=types.Location(
                uri=uri, range=lsp_range(index, r.location.start, r.location.end)
            ),
            message=r.message,
        )
        for r in diagnostic.related
    ]
    return types.Diagnostic(
        range=lsp_range(index, location.start, location.end),
        message=diagnostic.message,
        severity=_SEVERITY[diagnostic.level],
        code=diagnostic.rule,
        source=SOURCE,
        related_information=related or None,
    )


def top_of_document(
    index: LineIndex, message: str, code: str, severity: types.DiagnosticSeverity
) -> types.Diagnostic:
    """A diagnostic over the document's first line, for what concerns it as a whole (a
    configuration that cannot be used, a document too large to check)."""
    return types.Diagnostic(
        range=lsp_range(index, 0, index.ends[0]),
        message=message,
        severity=severity,
        code=code,
        source=SOURCE,
    )
