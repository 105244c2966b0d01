"""`claimlint lsp` end to end: a real LSP client (pygls') drives the server in a
subprocess over stdio, as an editor does."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest

pytest.importorskip("pygls")

from lsprotocol import types

from claimlint.config import ConfigResolver
from claimlint.engine import RuleSets, lint_source
from claimlint.sources import Source
from tests.lsp_session import Session, capabilities, run, session, uri_of

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SEED = "000_09f3789a519224e6.txt"


@pytest.fixture()
def desk(tmp_path: Path) -> Path:
    """A workspace holding a copy of seeds/ (the article, its config and facts)."""
    root = tmp_path / "desk"
    shutil.copytree(SEEDS, root)
    return root


def codes(diagnostics: list[types.Diagnostic]) -> list[str]:
    return [str(d.code) for d in diagnostics]


def by_code(diagnostics: list[types.Diagnostic], code: str) -> list[types.Diagnostic]:
    return [d for d in diagnostics if d.code == code]


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """Apply edits of a document with no astral characters and "\\n" line breaks."""
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)

    def offset(position: types.Position) -> int:
        return starts[position.line] + position.character

    for edit in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


def edits_of(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    assert action.edit is not None
    if action.edit.document_changes:
        (change,) = action.edit.document_changes
        assert isinstance(change, types.TextDocumentEdit)
        assert change.text_document.uri == uri
        return [e for e in change.edits if isinstance(e, types.TextEdit)]
    assert action.edit.changes is not None
    return list(action.edit.changes[uri])


def test_the_seed_gives_its_findings_as_diagnostics(desk: Path) -> None:
    article = desk / SEED
    config = ConfigResolver(root=desk).for_path(str(article))
    expected = lint_source(
        Source(str(article), article.read_text(encoding="utf-8")),
        RuleSets().for_config(config),
    ).diagnostics

    async def scenario() -> None:
        async with session(desk) as lsp:
            uri = lsp.open(article)
            diagnostics = await lsp.diagnostics(uri, version=1)
            assert [
                (str(d.code), d.range.start.line + 1, d.range.start.character + 1)
                for d in diagnostics
            ] == [(d.rule, d.location.line, d.location.column) for d in expected]
            assert {d.source for d in diagnostics} == {"claimlint"}
            (space,) = by_code(diagnostics, "space-before-punctuation")
            assert space.severity == types.DiagnosticSeverity.Warning
            assert (space.range.start.line, space.range.start.character) == (4, 364)
            assert (space.range.end.line, space.range.end.character) == (4, 366)
            assert (
                by_code(diagnostics, "quote-unclosed")[0].severity == types.DiagnosticSeverity.Error
            )
            assert (
                by_code(diagnostics, "relative-date")[0].severity
                == types.DiagnosticSeverity.Information
            )
            # the facts file of seeds/ is found through the config next to the article
            assert "timeline-contradiction" in codes(diagnostics)
            assert len(by_code(diagnostics, "name-variant")) == 3

    run(scenario())


def test_related_locations_become_related_information(tmp_path: Path) -> None:
    text = "Officials met Karin Voss on Monday.\n\nLater, Karin Vos said the talks had gone well.\n"

    async def scenario() -> None:
        async with session(tmp_path) as lsp:
            uri = lsp.open(tmp_path / "a.txt", text)
            diagnostics = await lsp.diagnostics(uri)
            related = [d for d in diagnostics if d.related_information]
            assert related, codes(diagnostics)
            for d in related:
                assert d.related_information is not None
                for info in d.related_information:
                    assert info.location.uri == uri

    run(scenario())


def test_a_change_updates_the_diagnostics(desk: Path) -> None:
    async def scenario() -> None:
        async with session(desk) as lsp:
            uri = lsp.open(desk / SEED)
            before = await lsp.diagnostics(uri, version=1)
            # "airport ." → "airport." as typed: delete the space
            version = lsp.replace(uri, (4, 364), (4, 365), "")
            after = await lsp.diagnostics(uri, version=version)
            assert "space-before-punctuation" not in codes(after)
            assert len(after) == len(before) - 1
            # a new problem typed at the end of line 1
            line = (desk / SEED).read_text(encoding="utf-8").split("\n")[0]
            version = lsp.replace(uri, (0, len(line)), (0, len(line)), " Then ,, again.")
            again = await lsp.diagnostics(uri, version=version)
            assert len(by_code(again, "doubled-punctuation")) == 2

    run(scenario())


def test_a_burst_of_changes_is_linted_together(desk: Path) -> None:
    async def scenario() -> None:
        async with session(desk, {"debounceMs": 300}) as lsp:
            uri = lsp.open(desk / SEED)
            await lsp.diagnostics(uri, version=1)
            end = len("Common interests")  # line 9 of the seed
            for at, character in enumerate(" typed .", start=end):
                lsp.replace(uri, (8, at), (8, at), character)
            versions = []
            while True:
                try:
                    params = await asyncio.wait_for(lsp.queue(uri).get(), 2.0)
                except TimeoutError:
                    break
                versions.append(params.version)
                last = params.diagnostics
            # the first change may be linted at once; the rest together, once
            assert versions[-1] == lsp.versions[uri] == 9
            assert len(versions) <= 2
            assert len(by_code(list(last), "space-before-punctuation")) == 2

    run(scenario())


def test_the_quick_fix_applies_the_airport_fix(desk: Path) -> None:
    text = (desk / SEED).read_text(encoding="utf-8")

    async def scenario() -> None:
        async with session(desk) as lsp:
            uri = lsp.open(desk / SEED)
            await lsp.diagnostics(uri, version=1)
            actions = await lsp.code_actions(uri, (4, 365))
            (fix,) = [a for a in actions if a.is_preferred]
            assert fix.kind == types.CodeActionKind.QuickFix
            assert fix.diagnostics and fix.diagnostics[0].code == "space-before-punctuation"
            edits = edits_of(fix, uri)
            fixed = apply(text, edits)
            assert "Baghdad airport." in fixed and "airport ." not in fixed
            version = lsp.change(uri, types.TextDocumentContentChangeWholeDocument(text=fixed))
            after = await lsp.diagnostics(uri, version=version)
            assert "space-before-punctuation" not in codes(after)

    run(scenario())


def test_unsafe_fixes_are_suggestions_not_preferred(desk: Path) -> None:
    async def scenario() -> None:
        async with session(desk) as lsp:
            uri = lsp.open(desk / SEED)
            diagnostics = await lsp.diagnostics(uri, version=1)
            (unlisted, _) = by_code(diagnostics, "name-unlisted-spelling")
            actions = await lsp.code_actions(
                uri,
                (unlisted.range.start.line, unlisted.range.start.character),
                (unlisted.range.end.line, unlisted.range.end.character),
            )
            suggestions = [a for a in actions if a.title.startswith("Suggestion")]
            assert suggestions and not any(a.is_preferred for a in suggestions)
            assert "al-Kadhimi" in edits_of(suggestions[0], uri)[0].new_text

    run(scenario())


def test_disable_for_this_line_inserts_the_directive(desk: Path) -> None:
    text = (desk / SEED).read_text(encoding="utf-8")

    async def scenario() -> None:
        async with session(desk) as lsp:
            uri = lsp.open(desk / SEED)
            await lsp.diagnostics(uri, version=1)
            actions = await lsp.code_actions(uri, (0, 40))
            (disable,) = [
                a for a in actions if a.title == "Disable doubled-punctuation for this line"
            ]
            fixed = apply(text, edits_of(disable, uri))
            assert fixed.startswith("<!-- claimlint-disable-next-line doubled-punctuation -->\n")
            version = lsp.change(uri, types.TextDocumentContentChangeWholeDocument(text=fixed))
            after = await lsp.diagnostics(uri, version=version)
            assert "doubled-punctuation" not in codes(after)

    run(scenario())


def test_fix_all_applies_every_safe_fix_in_one_edit(desk: Path) -> None:
    text = (desk / SEED).read_text(encoding="utf-8")

    async def scenario() -> None:
        async with session(
            desk,
            client_capabilities=capabilities(
                workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True)
            ),
        ) as lsp:
            uri = lsp.open(desk / SEED)
            await lsp.diagnostics(uri, version=1)
            result = await lsp.client.text_document_code_action_async(
                types.CodeActionParams(
                    text_document=types.TextDocumentIdentifier(uri=uri),
                    range=types.Range(
                        start=types.Position(line=0, character=0),
                        end=types.Position(line=0, character=0),
                    ),
                    context=types.CodeActionContext(
                        diagnostics=[], only=[types.CodeActionKind.SourceFixAll]
                    ),
                )
            )
            (fix_all,) = [a for a in result or [] if isinstance(a, types.CodeAction)]
            assert fix_all.kind == "source.fixAll.claimlint"
            assert fix_all.edit is not None and fix_all.edit.document_changes  # versioned
            fixed = apply(text, edits_of(fix_all, uri))
            version = lsp.change(uri, types.TextDocumentContentChangeWholeDocument(text=fixed))
            after = await lsp.diagnostics(uri, version=version)
            assert "space-before-punctuation" not in codes(after)
            assert "Jane Saki" not in fixed and "Jen Psaki" in fixed

    run(scenario())


def test_hover_shows_the_rule_explained(desk: Path) -> None:
    async def scenario() -> None:
        async with session(desk) as lsp:
            uri = lsp.open(desk / SEED)
            await lsp.diagnostics(uri, version=1)
            result = await lsp.client.text_document_hover_async(
                types.HoverParams(
                    text_document=types.TextDocumentIdentifier(uri=uri),
                    position=types.Position(line=4, character=365),
                )
            )
            assert result is not None
            assert isinstance(result.contents, types.MarkupContent)
            assert "space-before-punctuation" in result.contents.value
            assert "flagged:" in result.contents.value
            nothing = await lsp.client.text_document_hover_async(
                types.HoverParams(
                    text_document=types.TextDocumentIdentifier(uri=uri),
                    position=types.Position(line=1, character=0),
                )
            )
            assert nothing is None

    run(scenario())


def test_positions_count_utf16_code_units(tmp_path: Path) -> None:
    # two emoji (two UTF-16 units each) and a letter outside the BMP before the finding
    text = "🙂🙂 𝒜 outside the airport .\nSecond 😀 line ..\n"

    async def scenario() -> None:
        async with session(tmp_path) as lsp:
            uri = lsp.open(tmp_path / "a.txt", text)
            diagnostics = await lsp.diagnostics(uri)
            (space,) = by_code(diagnostics, "space-before-punctuation")
            first = text.split("\n")[0]
            at = first.index(" .")
            units = len(first[:at].encode("utf-16-le")) // 2
            assert (space.range.start.line, space.range.start.character) == (0, units)
            assert space.range.end.character == units + 2
            (doubled,) = by_code(diagnostics, "doubled-punctuation")
            second = text.split("\n")[1]
            assert (
                doubled.range.start.character
                == len(second[: second.index("..")].encode("utf-16-le")) // 2
            )
            # an edit after the emoji lands where the editor meant it
            version = lsp.replace(uri, (0, units), (0, units + 1), "")
            after = await lsp.diagnostics(uri, version=version)
            assert "space-before-punctuation" not in codes(after)
            actions = await lsp.code_actions(uri, (1, doubled.range.start.character))
            assert any("doubled-punctuation" in a.title for a in actions)

    run(scenario())


def test_utf32_positions_when_the_client_prefers_them(tmp_path: Path) -> None:
    text = "🙂🙂 outside the airport .\n"
    caps = capabilities()
    caps.general = types.GeneralClientCapabilities(
        position_encodings=[types.PositionEncodingKind.Utf32]
    )

    async def scenario() -> None:
        async with session(tmp_path, client_capabilities=caps) as lsp:
            uri = lsp.open(tmp_path / "a.txt", text)
            (space,) = by_code(await lsp.diagnostics(uri), "space-before-punctuation")
            assert space.range.start.character == text.index(" .")

    run(scenario())


def test_a_line_separator_is_not_a_line_break(tmp_path: Path) -> None:
    # U+2028 inside a line: LSP does not break lines there (Python's splitlines does)
    text = "A first line\u2028still the first line .\nThe second line .\n"

    async def scenario() -> None:
        async with session(tmp_path) as lsp:
            uri = lsp.open(tmp_path / "a.txt", text)
            diagnostics = by_code(await lsp.diagnostics(uri), "space-before-punctuation")
            assert [(d.range.start.line, d.range.start.character) for d in diagnostics] == [
                (0, text.index(" .")),
                (1, len("The second line")),
            ]
            version = lsp.replace(uri, (1, 15), (1, 16), "")
            after = by_code(await lsp.diagnostics(uri, version=version), "space-before-punctuation")
            assert [(d.range.start.line, d.range.start.character) for d in after] == [
                (0, text.index(" ."))
            ]

    run(scenario())


def test_a_broken_config_is_one_diagnostic_and_the_server_keeps_serving(desk: Path) -> None:
    config = desk / ".claimlint.yaml"
    good = config.read_text(encoding="utf-8")
    config.write_text("facts: [facts.yaml]\ndisabel: [captions]\n", encoding="utf-8")

    async def scenario() -> None:
        async with session(desk) as lsp:
            uri = lsp.open(desk / SEED)
            (only,) = await lsp.diagnostics(uri, version=1)
            assert only.code == "config-error"
            assert only.severity == types.DiagnosticSeverity.Error
            assert only.range.start == types.Position(line=0, character=0)
            assert "disabel" not in only.message or "did you mean" in only.message
            shown = await lsp.message()
            assert shown.type == types.MessageType.Error
            assert ".claimlint.yaml" in shown.message
            # still serving: a change, a code action and a hover are answered
            version = lsp.replace(uri, (0, 0), (0, 0), "x")
            (still,) = await lsp.diagnostics(uri, version=version)
            assert still.code == "config-error"
            assert lsp.messages.empty()  # shown once, not on every keystroke
            assert await lsp.code_actions(uri, (0, 0)) == []
            # the config is mended on disk; the client reports the change
            config.write_text(good, encoding="utf-8")
            lsp.client.workspace_did_change_watched_files(
                types.DidChangeWatchedFilesParams(
                    changes=[types.FileEvent(uri=uri_of(config), type=types.FileChangeType.Changed)]
                )
            )
            mended = await lsp.diagnostics(uri, version=version)
            assert "config-error" not in codes(mended)
            assert "space-before-punctuation" in codes(mended)

    run(scenario())


def test_a_broken_facts_file_or_pack_does_not_crash_the_server(desk: Path) -> None:
    (desk / "facts.yaml").write_text("people:\n  - name: [not, a, name]\n", encoding="utf-8")
    (desk / "house.yaml").write_text(
        "rules:\n  - id: x\n    kind: existence\n    pattern: '('\n", encoding="utf-8"
    )

    async def scenario() -> None:
        async with session(desk) as lsp:
            uri = lsp.open(desk / SEED)
            (only,) = await lsp.diagnostics(uri, version=1)
            assert only.code == "config-error" and "facts.yaml" in only.message
            await lsp.message()
            (desk / ".claimlint.yaml").write_text("rules: [house.yaml]\n", encoding="utf-8")
            lsp.client.workspace_did_change_watched_files(
                types.DidChangeWatchedFilesParams(
                    changes=[
                        types.FileEvent(
                            uri=uri_of(desk / ".claimlint.yaml"), type=types.FileChangeType.Changed
                        )
                    ]
                )
            )
            (pack,) = await lsp.diagnostics(uri, version=1)
            assert pack.code == "config-error" and "house.yaml" in pack.message

    run(scenario())


def test_a_change_to_the_facts_file_relints_open_documents(desk: Path) -> None:
    facts = desk / "facts.yaml"

    async def scenario() -> None:
        async with session(desk) as lsp:
            uri = lsp.open(desk / SEED)
            before = await lsp.diagnostics(uri, version=1)
            assert "timeline-contradiction" in codes(before)
            # the server asked to watch the config names and the facts file in use
            facts_pattern = {"baseUri": uri_of(desk), "pattern": "facts.yaml"}
            watched = await _watched(lsp, facts_pattern)
            assert "**/.claimlint.yaml" in watched
            assert facts_pattern in watched
            text = facts.read_text(encoding="utf-8")
            facts.write_text(text.replace("date: 2020-01-03", "date: 2021-01-03"), encoding="utf-8")
            lsp.client.workspace_did_change_watched_files(
                types.DidChangeWatchedFilesParams(
                    changes=[types.FileEvent(uri=uri_of(facts), type=types.FileChangeType.Changed)]
                )
            )
            after = await lsp.diagnostics(uri, version=1)
            assert "timeline-contradiction" not in codes(after)

    run(scenario())


def test_a_new_config_nearer_the_document_is_found(tmp_path: Path) -> None:
    folder = tmp_path / "desk"
    folder.mkdir()
    article = folder / "a.txt"
    article.write_text("Source link\n", encoding="utf-8")

    async def scenario() -> None:
        async with session(tmp_path) as lsp:
            uri = lsp.open(article)
            assert "scraped-link-label" in codes(await lsp.diagnostics(uri, version=1))
            config = folder / ".claimlint.yaml"
            config.write_text("disable: [boilerplate]\n", encoding="utf-8")
            lsp.client.workspace_did_change_watched_files(
                types.DidChangeWatchedFilesParams(
                    changes=[types.FileEvent(uri=uri_of(config), type=types.FileChangeType.Created)]
                )
            )
            assert await lsp.diagnostics(uri, version=1) == []

    run(scenario())


def test_an_unsaved_markdown_document_reads_its_front_matter(tmp_path: Path) -> None:
    text = "---\ndate: 2021-03-23\n---\n\nTalks resumed last June .\n"

    async def scenario() -> None:
        async with session(tmp_path) as lsp:
            uri = "untitled:Untitled-1"
            lsp.versions[uri] = 1
            lsp.client.text_document_did_open(
                types.DidOpenTextDocumentParams(
                    text_document=types.TextDocumentItem(
                        uri=uri, language_id="markdown", version=1, text=text
                    )
                )
            )
            diagnostics = await lsp.diagnostics(uri)
            assert "space-before-punctuation" in codes(diagnostics)
            (june,) = by_code(diagnostics, "ambiguous-date")
            assert "June 2020" in june.message

    run(scenario())


def test_closing_a_document_clears_its_diagnostics(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with session(tmp_path) as lsp:
            uri = lsp.open(tmp_path / "a.txt", "The airport .\n")
            assert await lsp.diagnostics(uri)
            lsp.client.text_document_did_close(
                types.DidCloseTextDocumentParams(
                    text_document=types.TextDocumentIdentifier(uri=uri)
                )
            )
            assert await lsp.diagnostics(uri) == []

    run(scenario())


NAMES = [
    "Prime Minister Mustafa al-Kadhimi met officials on Tuesday.\n",
    "Kadhimi said the talks would resume, the prime minister's office said.\n",
    "Iraqi Prime Minister Mustafa al-Kazemi arrived in Tehran on Sunday.\n",
]


@pytest.mark.parametrize("enabled", [False, True])
def test_cross_file_names_between_open_documents(tmp_path: Path, enabled: bool) -> None:
    async def scenario() -> None:
        options = {"crossFileNames": True} if enabled else None
        async with session(tmp_path, options) as lsp:
            uris = [lsp.open(tmp_path / f"{i}.txt", text) for i, text in enumerate(NAMES)]
            found: list[str] = []
            for uri in uris:
                found += codes(await _settled(lsp, uri))
            assert ("name-variant-across-files" in found) is enabled

    run(scenario())


async def _watched(lsp: Session, expected: object) -> list[object]:
    """The glob patterns the server registered for watching, once `expected` is one."""
    watched: list[object] = []
    for _ in range(200):
        watched = [
            w["globPattern"]
            for r in lsp.registrations
            if r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
            for w in r.register_options["watchers"]  # type: ignore[index]
        ]
        if expected in watched:
            break
        await asyncio.sleep(0.05)
    return watched


async def _settled(lsp: Session, uri: str) -> list[types.Diagnostic]:
    """The last diagnostics published for `uri` once the server has gone quiet."""
    last = await lsp.diagnostics(uri)
    while True:
        try:
            last = await asyncio.wait_for(lsp.diagnostics(uri), 1.0)
        except TimeoutError:
            return last


def _frame(body: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def test_a_malformed_message_is_logged_in_one_line_and_serving_goes_on(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    def request(id_: int, method: str, params: object) -> bytes:
        return _frame(
            json.dumps({"jsonrpc": "2.0", "id": id_, "method": method, "params": params}).encode()
        )

    stdin = b"".join(
        [
            _frame(b"{not json"),
            request(1, "initialize", {"processId": None, "rootUri": None, "capabilities": {}}),
            request(2, "shutdown", None),
            _frame(json.dumps({"jsonrpc": "2.0", "method": "exit"}).encode()),
        ]
    )
    done = subprocess.run(
        [sys.executable, "-m", "claimlint", "lsp"],
        input=stdin,
        capture_output=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert done.returncode == 0
    assert b'"id": 1' in done.stdout and b'"capabilities"' in done.stdout
    assert b'"id": 2' in done.stdout
    assert b"Traceback" not in done.stderr
    assert done.stderr.decode().startswith("claimlint lsp: error: ")
