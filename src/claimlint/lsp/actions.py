"""Code actions on a linted document: each safe fix as the preferred quick fix, each
unsafe fix as a suggestion, "disable for this line" (the suppression comment), and one
source action that applies every safe fix.

Edits are computed on the text the findings were computed on (the server lints the
current version first when its findings are stale), so offsets and positions agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import msgspec
from lsprotocol import types

from claimlint import regex_cache
from claimlint.diagnostics import Diagnostic
from claimlint.fixes import safe_edits
from claimlint.lsp.convert import SOURCE, lsp_range, to_lsp
from claimlint.lsp.positions import LineIndex
from claimlint.safe_text import excerpt

#: the kind of the "fix all safe" source action (a `source.fixAll` action, so editors
#: that run fix-all on save pick it up)
FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.{SOURCE}"

# an existing disable-next-line directive (HTML comment, or `#` in plain text)
_NEXT_LINE = regex_cache.re_compile(
    r"^[ \t]*(?:<!--[ \t]*claimlint-disable-next-line\b(?P<html>[^\n]*?)[ \t]*-->"
    r"|#[ \t]*claimlint-disable-next-line\b(?P<hash>[^\n]*?))[ \t]*$"
)


class ActionTarget(msgspec.Struct, frozen=True):
    """The document the actions are for, as linted."""

    uri: str
    version: int | None
    text: str
    diagnostics: Sequence[Diagnostic]
    index: LineIndex
    markdown: bool
    #: send versioned `documentChanges` (the client said it supports them)
    versioned: bool = False


def code_actions(
    target: ActionTarget, start: int, end: int, only: Sequence[str] | None = None
) -> list[types.CodeAction]:
    """The actions for the findings that touch offsets `start`…`end` (a cursor is an
    empty range), then the fix-all action if the document has safe fixes; `only`
    filters by kind as LSP does (a kind and its sub-kinds)."""
    actions: list[types.CodeAction] = []
    if _wanted(types.CodeActionKind.QuickFix.value, only):
        for diagnostic in _touching(target.diagnostics, start, end):
            actions += _for_diagnostic(target, diagnostic)
    if _wanted(FIX_ALL, only):
        fix_all = fix_all_action(target)
        if fix_all is not None:
            actions.append(fix_all)
    return actions


def fix_all_action(target: ActionTarget) -> types.CodeAction | None:
    crlf = "\r\n" in target.text
    edits = [
        e
        for e in safe_edits(target.diagnostics, crlf)
        if target.text[e.start : e.end] != e.replacement
    ]
    if not edits:
        return None
    text_edits = [
        types.TextEdit(range=lsp_range(target.index, e.start, e.end), new_text=e.replacement)
        for e in edits
    ]
    count = f"{len(edits)} safe fix{'es' if len(edits) > 1 else ''}"
    return types.CodeAction(
        title=f"Apply all safe claimlint fixes ({count})",
        kind=FIX_ALL,
        edit=_workspace_edit(target, text_edits),
    )


def _wanted(kind: str, only: Sequence[str] | None) -> bool:
    return not only or any(kind == k or kind.startswith(k + ".") for k in only)


def _touching(diagnostics: Iterable[Diagnostic], start: int, end: int) -> Iterable[Diagnostic]:
    for d in diagnostics:
        if d.location.start <= end and start <= d.location.end:
            yield d


def _for_diagnostic(target: ActionTarget, diagnostic: Diagnostic) -> list[types.CodeAction]:
    lsp_diagnostic = to_lsp(diagnostic, target.index, target.uri)
    actions = []
    fix = _fix_edit(target, diagnostic)
    if fix is not None:
        old = target.text[diagnostic.location.start : diagnostic.location.end]
        change = (
            f"delete {excerpt(old)}"
            if not fix.new_text
            else f"{excerpt(old)} → {excerpt(fix.new_text)}"
        )
        actions.append(
            types.CodeAction(
                title=f"Fix: {change}" if diagnostic.fix_safe else f"Suggestion: {change}",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[lsp_diagnostic],
                is_preferred=diagnostic.fix_safe or None,
                edit=_workspace_edit(target, [fix]),
            )
        )
    title, edits = _disable_edits(target, diagnostic)
    actions.append(
        types.CodeAction(
            title=title,
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[lsp_diagnostic],
            edit=_workspace_edit(target, edits),
        )
    )
    return actions


def _fix_edit(target: ActionTarget, diagnostic: Diagnostic) -> types.TextEdit | None:
    if diagnostic.fix is None:
        return None
    start, end = diagnostic.location.start, diagnostic.location.end
    replacement = diagnostic.fix
    if "\r\n" in target.text:
        replacement = replacement.replace("\r\n", "\n").replace("\n", "\r\n")
    if target.text[start:end] == replacement:
        return None
    return types.TextEdit(range=lsp_range(target.index, start, end), new_text=replacement)


def _disable_edits(
    target: ActionTarget, diagnostic: Diagnostic
) -> tuple[str, list[types.TextEdit]]:
    """Silence the finding's rule on its line: add the rule to a directive just above,
    or insert one. In Markdown, a comment inside a paragraph would split it in two when
    rendered, so a line that continues a paragraph gets the paragraph wrapped in
    disable … enable instead."""
    index, text, rule = target.index, target.text, diagnostic.rule
    line, _ = index.position(diagnostic.location.start)
    eol = _line_break(text)
    above = _line(target, line - 1) if line > 0 else ""
    existing = _NEXT_LINE.match(above)
    if existing:
        group = "html" if existing.group("html") is not None else "hash"
        names = existing.group(group).strip()
        joined = f" {names}, {rule}" if names else f" {rule}"
        start, end = (
            index.starts[line - 1] + existing.start(group),
            index.starts[line - 1] + existing.end(group),
        )
        edit = types.TextEdit(range=lsp_range(index, start, end), new_text=joined)
        return f"Disable {rule} for this line", [edit]
    indent = _indent(_line(target, line))
    if target.markdown and above.strip():
        first, last = line, line
        while first > 0 and _line(target, first - 1).strip():
            first -= 1
        while last + 1 < len(index.starts) and _line(target, last + 1).strip():
            last += 1
        opening = f"{indent}<!-- claimlint-disable {rule} -->{eol}"
        closing = f"{eol}{indent}<!-- claimlint-enable {rule} -->"
        at_first, at_end = index.starts[first], index.ends[last]
        return f"Disable {rule} for this paragraph", [
            types.TextEdit(range=lsp_range(index, at_first, at_first), new_text=opening),
            types.TextEdit(range=lsp_range(index, at_end, at_end), new_text=closing),
        ]
    at = index.starts[line]
    comment = f"{indent}<!-- claimlint-disable-next-line {rule} -->{eol}"
    return f"Disable {rule} for this line", [
        types.TextEdit(range=lsp_range(index, at, at), new_text=comment)
    ]


def _line(target: ActionTarget, line: int) -> str:
    return target.text[target.index.starts[line] : target.index.ends[line]]


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


def _line_break(text: str) -> str:
    match = re.search(r"\r\n|\r|\n", text)
    return match.group() if match else "\n"


def _workspace_edit(target: ActionTarget, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    if target.versioned:
        document = types.OptionalVersionedTextDocumentIdentifier(
            uri=target.uri, version=target.version
        )
        return types.WorkspaceEdit(
            document_changes=[types.TextDocumentEdit(text_document=document, edits=list(edits))]
        )
    return types.WorkspaceEdit(changes={target.uri: list(edits)})
