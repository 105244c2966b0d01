"""Drive `claimlint lsp` as an editor would: pygls' language client talking to the
server in a subprocess over stdio (no in-process shortcuts)."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

#: generous: the first lint of a session builds the rule set
TIMEOUT = 30.0


def uri_of(path: Path) -> str:
    uri = from_fs_path(str(path))
    assert uri is not None
    return uri


@dataclass
class Session:
    client: LanguageClient
    published: dict[str, asyncio.Queue[types.PublishDiagnosticsParams]] = field(
        default_factory=dict
    )
    messages: asyncio.Queue[types.ShowMessageParams] = field(default_factory=asyncio.Queue)
    registrations: list[types.Registration] = field(default_factory=list)
    versions: dict[str, int] = field(default_factory=dict)

    def queue(self, uri: str) -> asyncio.Queue[types.PublishDiagnosticsParams]:
        return self.published.setdefault(uri, asyncio.Queue())

    def open(self, path: Path, text: str | None = None, language: str = "plaintext") -> str:
        uri = uri_of(path)
        self.versions[uri] = 1
        item = types.TextDocumentItem(
            uri=uri,
            language_id=language,
            version=1,
            text=path.read_text(encoding="utf-8") if text is None else text,
        )
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
        return uri

    def change(self, uri: str, *changes: types.TextDocumentContentChangeEvent) -> int:
        self.versions[uri] += 1
        version = self.versions[uri]
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=list(changes),
            )
        )
        return version

    def replace(self, uri: str, start: tuple[int, int], end: tuple[int, int], text: str) -> int:
        return self.change(
            uri,
            types.TextDocumentContentChangePartial(
                range=types.Range(
                    start=types.Position(line=start[0], character=start[1]),
                    end=types.Position(line=end[0], character=end[1]),
                ),
                text=text,
            ),
        )

    async def diagnostics(self, uri: str, version: int | None = None) -> list[types.Diagnostic]:
        """The next diagnostics published for `uri` (for `version`, if given)."""
        while True:
            params = await asyncio.wait_for(self.queue(uri).get(), TIMEOUT)
            if version is None or params.version == version:
                return list(params.diagnostics)

    async def message(self) -> types.ShowMessageParams:
        return await asyncio.wait_for(self.messages.get(), TIMEOUT)

    async def code_actions(
        self, uri: str, start: tuple[int, int], end: tuple[int, int] | None = None
    ) -> list[types.CodeAction]:
        end = end or start
        result = await self.client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=types.Range(
                    start=types.Position(line=start[0], character=start[1]),
                    end=types.Position(line=end[0], character=end[1]),
                ),
                context=types.CodeActionContext(diagnostics=[]),
            )
        )
        return [a for a in result or [] if isinstance(a, types.CodeAction)]


def capabilities(**workspace: Any) -> types.ClientCapabilities:
    return types.ClientCapabilities(
        workspace=types.WorkspaceClientCapabilities(
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                dynamic_registration=True, relative_pattern_support=True
            ),
            **workspace,
        ),
        text_document=types.TextDocumentClientCapabilities(
            publish_diagnostics=types.PublishDiagnosticsClientCapabilities(
                related_information=True, version_support=True
            )
        ),
    )


@asynccontextmanager
async def session(
    root: Path,
    options: dict[str, Any] | None = None,
    client_capabilities: types.ClientCapabilities | None = None,
) -> AsyncIterator[Session]:
    """A server for the workspace `root`, initialized; shut down and exited cleanly at
    the end (the test fails if the server does not exit with status 0)."""
    client = LanguageClient("claimlint-tests", "0")
    state = Session(client)

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        state.queue(params.uri).put_nowait(params)

    @client.feature(types.WINDOW_SHOW_MESSAGE)
    def on_message(params: types.ShowMessageParams) -> None:
        state.messages.put_nowait(params)

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def on_register(params: types.RegistrationParams) -> None:
        state.registrations += params.registrations

    @client.feature(types.CLIENT_UNREGISTER_CAPABILITY)
    def on_unregister(params: types.UnregistrationParams) -> None:
        gone = {u.id for u in params.unregisterations}
        state.registrations = [r for r in state.registrations if r.id not in gone]

    await client.start_io(sys.executable, "-m", "claimlint", "lsp", "--stdio")
    try:
        await asyncio.wait_for(
            client.initialize_async(
                types.InitializeParams(
                    capabilities=client_capabilities or capabilities(),
                    root_uri=uri_of(root),
                    workspace_folders=[types.WorkspaceFolder(uri=uri_of(root), name="articles")],
                    initialization_options=options,
                )
            ),
            TIMEOUT,
        )
        client.initialized(types.InitializedParams())
        yield state
        await asyncio.wait_for(client.shutdown_async(None), TIMEOUT)
        client.exit(None)
        server = client._server
        assert server is not None
        assert await asyncio.wait_for(server.wait(), TIMEOUT) == 0
    finally:
        server = client._server
        if server is not None and server.returncode is None:
            server.kill()
        await client.stop()


def run(coroutine: Any) -> None:
    asyncio.run(coroutine)
