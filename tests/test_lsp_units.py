"""The language server's parts without a client: document sync, settings, code
actions, hover, linting outcomes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("pygls")

from hypothesis import given
from hypothesis import strategies as st
from lsprotocol import types

from claimlint.lsp.actions import FIX_ALL, ActionTarget, code_actions
from claimlint.lsp.configs import Configs
from claimlint.lsp.documents import apply_changes
from claimlint.lsp.hover import hover_text
from claimlint.lsp.linting import Outcome, document_path, lint_text
from claimlint.lsp.positions import UTF16, LineIndex
from claimlint.lsp.settings import MAX_DEBOUNCE_MS, Settings, read_settings


def partial(
    start: tuple[int, int], end: tuple[int, int], text: str
) -> types.TextDocumentContentChangePartial:
    return types.TextDocumentContentChangePartial(
        range=types.Range(
            start=types.Position(line=start[0], character=start[1]),
            end=types.Position(line=end[0], character=end[1]),
        ),
        text=text,
    )


# -- document sync -------------------------------------------------------------


def test_changes_apply_in_order_with_lsp_lines_and_utf16_columns() -> None:
    text = "one\u2028two 🙂 three\r\nfour\n"
    changes = [
        partial((0, 11), (0, 11), "X"),  # after "one\u2028two 🙂 ": 🙂 is two units
        partial((1, 0), (1, 4), "FOUR"),
        types.TextDocumentContentChangePartial(
            range=types.Range(
                start=types.Position(line=2, character=0), end=types.Position(line=2, character=0)
            ),
            text="five",
        ),
    ]
    assert apply_changes(text, changes, UTF16) == "one\u2028two 🙂 Xthree\r\nFOUR\nfive"


def test_a_whole_document_change_replaces_the_text() -> None:
    change = types.TextDocumentContentChangeWholeDocument(text="new")
    assert apply_changes("old", [partial((0, 0), (0, 0), "x"), change], UTF16) == "new"


@given(
    st.lists(st.sampled_from(["a", "\n", "\r\n", "🙂", "\u2028", "é"]), max_size=30).map("".join),
    st.data(),
)
def test_an_edit_by_positions_is_the_edit_by_offsets(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    if any(0 < o < len(text) and text[o - 1 : o + 1] == "\r\n" for o in (start, end)):
        return
    index = LineIndex(text)
    edit = partial(index.position(start), index.position(end), "Z🙂")
    assert apply_changes(text, [edit], UTF16) == text[:start] + "Z🙂" + text[end:]


# -- settings --------------------------------------------------------------------


def test_settings_are_read_leniently_and_wrong_values_reported() -> None:
    settings, problems = read_settings(
        {"claimlint": {"debounceMs": 10**9, "crossFileNames": True, "date": "2021-03-23"}}
    )
    assert settings == Settings(MAX_DEBOUNCE_MS, True, date(2021, 3, 23))
    assert problems == []
    kept, problems = read_settings(
        {"debounceMs": "soon", "crossFileNames": "yes", "date": "March"}, settings
    )
    assert kept == settings
    assert len(problems) == 3
    assert read_settings(None) == (Settings(), [])
    assert read_settings([1])[1] == ["settings: expected an object; ignored"]


# -- linting outcomes -------------------------------------------------------------


def test_an_unsaved_document_is_linted_as_markdown_or_text_in_the_root(tmp_path: Path) -> None:
    assert document_path(None, "markdown", tmp_path) == str(tmp_path / "untitled.md")
    assert document_path(None, "plaintext", tmp_path) == str(tmp_path / "untitled.txt")
    assert document_path("/x/a.txt", "markdown", tmp_path) == "/x/a.txt"


def test_a_document_over_the_size_limit_is_not_checked(tmp_path: Path) -> None:
    (tmp_path / ".claimlint.yaml").write_text("max_file_size: 10\n", encoding="utf-8")
    outcome = lint_text(Configs(tmp_path), str(tmp_path / "a.txt"), "The airport .\n", 1, None)
    assert outcome.skipped and not outcome.diagnostics


def test_a_bad_config_is_an_outcome_not_an_exception(tmp_path: Path) -> None:
    (tmp_path / ".claimlint.yaml").write_text("levels: {x: loud}\n", encoding="utf-8")
    outcome = lint_text(Configs(tmp_path), str(tmp_path / "a.txt"), "Text.\n", 1, None)
    assert outcome.config_error and ".claimlint.yaml" in outcome.config_error


def test_configs_know_which_files_concern_them(tmp_path: Path) -> None:
    (tmp_path / ".claimlint.yaml").write_text("facts: [people.yaml]\n", encoding="utf-8")
    (tmp_path / "people.yaml").write_text("people: []\n", encoding="utf-8")
    configs = Configs(tmp_path)
    configs.for_path(str(tmp_path / "a.txt"))
    assert configs.concerns(tmp_path / "people.yaml")
    assert configs.concerns(tmp_path / "sub" / ".claimlint.yaml")
    assert not configs.concerns(tmp_path / "other.yaml")
    configs.reload()
    assert configs.files == frozenset()


# -- code actions --------------------------------------------------------------------


def target_for(
    tmp_path: Path, text: str, name: str = "a.txt", versioned: bool = False
) -> ActionTarget:
    outcome: Outcome = lint_text(Configs(tmp_path), str(tmp_path / name), text, 3, None)
    return ActionTarget(
        uri=f"file:///{name}",
        version=3,
        text=text,
        diagnostics=outcome.diagnostics,
        index=LineIndex(text),
        markdown=name.endswith(".md"),
        versioned=versioned,
    )


def edits(action: types.CodeAction) -> list[types.TextEdit]:
    assert action.edit is not None
    if action.edit.document_changes:
        (change,) = action.edit.document_changes
        assert isinstance(change, types.TextDocumentEdit)
        return [e for e in change.edits if isinstance(e, types.TextEdit)]
    assert action.edit.changes is not None
    (found,) = action.edit.changes.values()
    return list(found)


def apply(text: str, found: list[types.TextEdit]) -> str:
    index = LineIndex(text)
    for edit in sorted(
        found, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True
    ):
        start = index.offset(edit.range.start.line, edit.range.start.character)
        end = index.offset(edit.range.end.line, edit.range.end.character)
        text = text[:start] + edit.new_text + text[end:]
    return text


def action(actions: list[types.CodeAction], title_start: str) -> types.CodeAction:
    (found,) = [a for a in actions if a.title.startswith(title_start)]
    return found


def test_a_safe_fix_keeps_crlf_line_breaks(tmp_path: Path) -> None:
    text = "First line.\r\nThe airport .\r\n"
    target = target_for(tmp_path, text)
    fix = action(code_actions(target, text.index(" ."), text.index(" .")), "Fix:")
    assert fix.is_preferred
    assert apply(text, edits(fix)) == "First line.\r\nThe airport.\r\n"
    disable = action(code_actions(target, text.index(" ."), text.index(" .")), "Disable")
    assert apply(text, edits(disable)) == (
        "First line.\r\n<!-- claimlint-disable-next-line space-before-punctuation -->\r\n"
        "The airport .\r\n"
    )


def test_disable_adds_the_rule_to_a_directive_just_above(tmp_path: Path) -> None:
    text = "Intro.\n\n  <!-- claimlint-disable-next-line html-entity -->\n  The airport .. &amp; more\n"
    target = target_for(tmp_path, text)
    at = text.index("..")
    disable = action(code_actions(target, at, at), "Disable doubled-punctuation")
    assert apply(text, edits(disable)) == text.replace(
        "html-entity -->", "html-entity, doubled-punctuation -->"
    )
    hashed = "Intro.\n# claimlint-disable-next-line html-entity\nThe airport .. here\n"
    target = target_for(tmp_path, hashed)
    at = hashed.index("..")
    disable = action(code_actions(target, at, at), "Disable doubled-punctuation")
    assert "# claimlint-disable-next-line html-entity, doubled-punctuation\n" in apply(
        hashed, edits(disable)
    )


def test_disable_keeps_a_markdown_paragraph_whole(tmp_path: Path) -> None:
    text = "# Title\n\nA paragraph that is\nwrapped at the airport .\nand goes on.\n\nNext.\n"
    target = target_for(tmp_path, text, "a.md")
    at = text.index(" .")
    disable = action(code_actions(target, at, at), "Disable space-before-punctuation")
    assert disable.title.endswith("for this paragraph")
    assert apply(text, edits(disable)) == (
        "# Title\n\n<!-- claimlint-disable space-before-punctuation -->\nA paragraph that is\n"
        "wrapped at the airport .\nand goes on.\n<!-- claimlint-enable space-before-punctuation -->"
        "\n\nNext.\n"
    )
    # the fixed text has no finding left, and the comments are not findings themselves
    fixed = apply(text, edits(disable))
    assert not target_for(tmp_path, fixed, "a.md").diagnostics


def test_fix_all_is_versioned_when_the_client_supports_it(tmp_path: Path) -> None:
    text = "The airport . And &amp; the port .\n"
    target = target_for(tmp_path, text, versioned=True)
    (fix_all,) = code_actions(target, 0, 0, [types.CodeActionKind.SourceFixAll])
    assert fix_all.kind == FIX_ALL
    assert apply(text, edits(fix_all)) == "The airport. And & the port.\n"
    assert fix_all.edit and fix_all.edit.document_changes
    change = fix_all.edit.document_changes[0]
    assert isinstance(change, types.TextDocumentEdit) and change.text_document.version == 3
    assert code_actions(target, 0, 0, [types.CodeActionKind.Refactor]) == []


def test_no_fix_all_without_safe_fixes(tmp_path: Path) -> None:
    target = target_for(tmp_path, "A clean sentence.\n")
    assert code_actions(target, 0, 0) == []


# -- hover -----------------------------------------------------------------------------


def test_hover_text_comes_from_explain_in_a_code_block(tmp_path: Path) -> None:
    text = "The airport .\n"
    outcome = lint_text(Configs(tmp_path), str(tmp_path / "a.txt"), text, 1, None)
    assert outcome.ruleset is not None
    shown = hover_text(outcome.ruleset, outcome.diagnostics, text.index("."))
    assert shown is not None
    assert shown.startswith("**claimlint: space-before-punctuation**")
    assert "```text\n" in shown and "flagged:" in shown
    assert hover_text(outcome.ruleset, outcome.diagnostics, 0) is None
