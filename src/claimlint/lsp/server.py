"""`claimlint lsp`: the language server, wired on pygls.

Documents are linted on open, on save, and on change. Changes are debounced with a
leading edge: a change to a document that has not been linted in the last
`debounce_ms` is linted at once (so a keystroke's findings come as fast as the engine
allows); changes that follow within that window are linted together when it ends.
All engine work (config loading, linting) runs on one worker thread, one document at a
time, so the event loop keeps reading the client's messages; a change that arrives
while its document is being linted makes one more run when that one ends, and a result
for a version that is no longer current is not published.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from claimlint import __version__
from claimlint.engine import FileResult, reduce_summaries, summaries_of
from claimlint.lsp.actions import ActionTarget, code_actions
from claimlint.lsp.configs import CONFIG_FILE_NAMES, Configs
from claimlint.lsp.convert import CONFIG_ERROR, lsp_range, to_lsp, top_of_document
from claimlint.lsp.documents import OpenDocument, apply_changes
from claimlint.lsp.hover import hover, hover_text
from claimlint.lsp.linting import Outcome, document_path, lint_text
from claimlint.lsp.positions import UTF16, LineIndex
from claimlint.lsp.settings import Settings, read_settings
from claimlint.safe_text import neutralise

T = TypeVar("T")
logger = logging.getLogger(__name__)

_WATCH_ID = "claimlint-config-files"
#: messages remembered as shown (so each is shown once) before the memory is reset
_MAX_SHOWN = 200


class ClaimlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            "claimlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental
        )
        self.settings = Settings()
        self.configs = Configs(None)
        self.documents: dict[str, OpenDocument] = {}
        self.engine = ThreadPoolExecutor(max_workers=1, thread_name_prefix="claimlint-engine")
        self._timers: dict[str, asyncio.TimerHandle] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self._running: set[str] = set()
        self._again: set[str] = set()
        #: when each document's latest lint started (event-loop time)
        self._started: dict[str, float] = {}
        self._shown: set[str] = set()
        self._pending_messages: list[str] = []
        self._watched: frozenset[Path] | None = None

    # -- capabilities --------------------------------------------------------

    @property
    def encoding(self) -> str:
        encoding = self.workspace.position_encoding
        return str(getattr(encoding, "value", encoding) or UTF16)

    def _client_supports(self, *fields: str) -> bool:
        value: Any = self.client_capabilities
        for name in fields:
            value = getattr(value, name, None)
            if value is None:
                return False
        return bool(value)

    # -- engine work -----------------------------------------------------------

    async def _run(self, function: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self.engine, function, *args)

    def schedule(self, uri: str, delay: float) -> None:
        """Lint `uri` after `delay` seconds (instead of any lint already scheduled)."""
        timer = self._timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        loop = asyncio.get_running_loop()
        self._timers[uri] = loop.call_later(delay, self._start, uri)

    def changed(self, uri: str) -> None:
        """A change: lint now if the window since the last lint has passed, else when it
        does (a lint already due then will see this change too)."""
        if uri in self._timers:
            return
        now = asyncio.get_running_loop().time()
        window = self.settings.debounce_ms / 1000
        self.schedule(uri, max(0.0, self._started.get(uri, -window) + window - now))

    def _start(self, uri: str) -> None:
        self._timers.pop(uri, None)
        task = asyncio.ensure_future(self.lint(uri))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def lint(self, uri: str) -> None:
        doc = self.documents.get(uri)
        if doc is None:
            return
        if uri in self._running:
            self._again.add(uri)
            return
        self._running.add(uri)
        self._started[uri] = asyncio.get_running_loop().time()
        try:
            outcome = await self._run(
                lint_text, self.configs, doc.path, doc.text, doc.version, self.settings.date
            )
            self._accept(uri, outcome)
        except Exception:  # a bug here must not stop the server
            logger.exception("linting %s failed", uri)
        finally:
            self._running.discard(uri)
        if uri in self._again:
            self._again.discard(uri)
            self.changed(uri)

    async def current_outcome(self, doc: OpenDocument) -> Outcome:
        """The outcome for the document's current text, linting it now if need be."""
        if doc.outcome is not None and doc.outcome.text == doc.text:
            return doc.outcome
        outcome = await self._run(
            lint_text, self.configs, doc.path, doc.text, doc.version, self.settings.date
        )
        self._accept(doc.uri, outcome)
        return outcome

    def _accept(self, uri: str, outcome: Outcome) -> None:
        """Publish an outcome if it is still the document's current text."""
        doc = self.documents.get(uri)
        if doc is None or doc.text != outcome.text:
            return
        doc.outcome = outcome
        self.publish(doc)
        self._announce(outcome)
        if self.settings.cross_file_names:
            self.cross_file_names()
        self._update_watchers()

    def publish(self, doc: OpenDocument) -> None:
        outcome = doc.outcome
        if outcome is None:
            return
        index = LineIndex(outcome.text, self.encoding)
        diagnostics = [to_lsp(d, index, doc.uri) for d in outcome.diagnostics]
        if outcome.config_error is not None:
            diagnostics = [
                top_of_document(
                    index,
                    f"claimlint: {outcome.config_error}",
                    CONFIG_ERROR,
                    types.DiagnosticSeverity.Error,
                )
            ]
        elif outcome.skipped is not None:
            diagnostics = [
                top_of_document(
                    index, outcome.skipped, "not-checked", types.DiagnosticSeverity.Information
                )
            ]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=doc.uri, diagnostics=[*diagnostics, *doc.extra], version=outcome.version
            )
        )

    def _announce(self, outcome: Outcome) -> None:
        """Show a configuration error or an engine problem once (not on every keystroke);
        log the engine's notes."""
        for note in outcome.notes:
            self.window_log_message(
                types.LogMessageParams(type=types.MessageType.Info, message=neutralise(note))
            )
        problems = [outcome.config_error] if outcome.config_error else outcome.problems
        for problem in problems:
            self.show_once(f"claimlint: {problem}", types.MessageType.Error)

    def show_once(self, message: str, kind: types.MessageType) -> None:
        message = neutralise(message)
        if message in self._shown:
            return
        if len(self._shown) >= _MAX_SHOWN:
            self._shown.clear()
        self._shown.add(message)
        self.window_show_message(types.ShowMessageParams(type=kind, message=message))
        self.window_log_message(types.LogMessageParams(type=kind, message=message))

    def warm_up(self) -> None:
        """Build the workspace root's rule set now, on the engine's thread, so the first
        document opened does not wait for it (a bad config is reported when one is)."""
        root = self.configs.root or Path.cwd()
        configs = self.configs

        def build() -> None:
            try:
                configs.for_path(str(root / "untitled.txt"))
            except Exception as exc:
                logger.info("warm-up: %s", exc)

        self.engine.submit(build)

    # -- configuration changes ----------------------------------------------------

    async def reload(self) -> None:
        """A config, facts or pack file changed: resolve and lint every open document
        afresh."""
        await self._run(self.configs.reload)
        self._shown.clear()
        for uri in list(self.documents):
            self.schedule(uri, 0)

    def concerns_configuration(self, uri: str) -> bool:
        path = to_fs_path(uri)
        return path is not None and self.configs.concerns(Path(path))

    def _update_watchers(self) -> None:
        """Ask the client to watch the config files anywhere in the workspace, and each
        facts file and pack in use (which may be outside it)."""
        if not self._client_supports(
            "workspace", "did_change_watched_files", "dynamic_registration"
        ):
            return
        files = self.configs.files
        if files == self._watched:
            return
        first = self._watched is None
        self._watched = files
        relative = self._client_supports(
            "workspace", "did_change_watched_files", "relative_pattern_support"
        )
        watchers = [
            types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_FILE_NAMES
        ]
        for path in sorted(files):
            if relative:
                pattern: types.GlobPattern = types.RelativePattern(
                    base_uri=from_fs_path(str(path.parent)) or str(path.parent),
                    pattern=path.name,
                )
            else:
                pattern = path.as_posix()
            watchers.append(types.FileSystemWatcher(glob_pattern=pattern))
        task = asyncio.ensure_future(self._register_watchers(watchers, first))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _register_watchers(
        self, watchers: list[types.FileSystemWatcher], first: bool
    ) -> None:
        method = types.WORKSPACE_DID_CHANGE_WATCHED_FILES
        try:
            if not first:
                await self.client_unregister_capability_async(
                    types.UnregistrationParams(
                        unregisterations=[types.Unregistration(id=_WATCH_ID, method=method)]
                    )
                )
            await self.client_register_capability_async(
                types.RegistrationParams(
                    registrations=[
                        types.Registration(
                            id=_WATCH_ID,
                            method=method,
                            register_options=types.DidChangeWatchedFilesRegistrationOptions(
                                watchers=watchers
                            ),
                        )
                    ]
                )
            )
        except Exception as exc:  # the client said no: saves of config files still count
            logger.info("file watching not registered: %s", exc)

    # -- cross-file names ----------------------------------------------------------

    def cross_file_names(self) -> None:
        """`name-variant-across-files` between the open documents under one config;
        republish each document whose cross-file findings changed."""
        groups: dict[str, list[OpenDocument]] = {}
        for doc in self.documents.values():
            outcome = doc.outcome
            if outcome is not None and outcome.config_key is not None:
                groups.setdefault(outcome.config_key, []).append(doc)
        for docs in groups.values():
            ruleset = docs[0].outcome.ruleset if docs[0].outcome else None
            found: dict[str, list[types.Diagnostic]] = {doc.path: [] for doc in docs}
            if ruleset is not None and self.settings.cross_file_names:
                results = [
                    FileResult(path=d.path, summaries=d.outcome.summaries)
                    for d in docs
                    if d.outcome is not None
                ]
                by_path = {d.path: d for d in docs}
                for diagnostic in reduce_summaries(summaries_of(results), ruleset):
                    owner = by_path.get(diagnostic.path)
                    if owner is not None and owner.outcome is not None:
                        index = LineIndex(owner.outcome.text, self.encoding)
                        found[owner.path].append(to_lsp(diagnostic, index, owner.uri))
            for doc in docs:
                if found[doc.path] != doc.extra:
                    doc.extra = found[doc.path]
                    self.publish(doc)

    def shutdown(self) -> None:
        for timer in self._timers.values():
            timer.cancel()
        self._timers.clear()
        self.engine.shutdown(wait=False, cancel_futures=True)
        super().shutdown()  # type: ignore[no-untyped-call]


def _root(params: types.InitializeParams) -> Path | None:
    uri = params.workspace_folders[0].uri if params.workspace_folders else params.root_uri
    path = to_fs_path(uri) if uri else params.root_path
    return Path(path) if path else None


def build_server() -> ClaimlintServer:
    server = ClaimlintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: ClaimlintServer, params: types.InitializeParams) -> None:
        ls.configs = Configs(_root(params))
        ls.settings, problems = read_settings(params.initialization_options)
        ls._pending_messages += problems

    @server.feature(types.INITIALIZED)
    def initialized(ls: ClaimlintServer, params: types.InitializedParams) -> None:
        for message in ls._pending_messages:
            ls.show_once(f"claimlint: {message}", types.MessageType.Warning)
        ls._pending_messages.clear()
        ls._update_watchers()
        ls.warm_up()

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def did_change_configuration(
        ls: ClaimlintServer, params: types.DidChangeConfigurationParams
    ) -> None:
        settings, problems = read_settings(params.settings, ls.settings)
        for message in problems:
            ls.show_once(f"claimlint: {message}", types.MessageType.Warning)
        if settings != ls.settings:
            ls.settings = settings
            for doc in ls.documents.values():
                doc.extra = []
                ls.schedule(doc.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ClaimlintServer, params: types.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        path = document_path(to_fs_path(item.uri), item.language_id, ls.configs.root)
        ls.documents[item.uri] = OpenDocument(
            item.uri, item.text, item.version, item.language_id, path
        )
        ls.schedule(item.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ClaimlintServer, params: types.DidChangeTextDocumentParams) -> None:
        doc = ls.documents.get(params.text_document.uri)
        if doc is None:
            return
        doc.text = apply_changes(doc.text, params.content_changes, ls.encoding)
        doc.version = params.text_document.version
        ls.changed(doc.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    async def did_save(ls: ClaimlintServer, params: types.DidSaveTextDocumentParams) -> None:
        if ls.concerns_configuration(params.text_document.uri):
            await ls.reload()
        elif params.text_document.uri in ls.documents:
            ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ClaimlintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        timer = ls._timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        ls._started.pop(uri, None)
        if ls.documents.pop(uri, None) is not None:
            ls.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
            )
            if ls.settings.cross_file_names:
                ls.cross_file_names()

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    async def did_change_watched_files(
        ls: ClaimlintServer, params: types.DidChangeWatchedFilesParams
    ) -> None:
        if any(ls.concerns_configuration(change.uri) for change in params.changes):
            await ls.reload()

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll],
            resolve_provider=False,
        ),
    )
    async def code_action(
        ls: ClaimlintServer, params: types.CodeActionParams
    ) -> list[types.CodeAction] | None:
        doc = ls.documents.get(params.text_document.uri)
        if doc is None:
            return None
        outcome = await ls.current_outcome(doc)
        index = LineIndex(outcome.text, ls.encoding)
        start = index.offset(params.range.start.line, params.range.start.character)
        end = index.offset(params.range.end.line, params.range.end.character)
        target = ActionTarget(
            uri=doc.uri,
            version=outcome.version,
            text=outcome.text,
            diagnostics=outcome.diagnostics,
            index=index,
            markdown=doc.path.lower().endswith((".md", ".markdown", ".mdx")),
            versioned=ls._client_supports("workspace", "workspace_edit", "document_changes"),
        )
        return code_actions(target, start, end, params.context.only)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def on_hover(ls: ClaimlintServer, params: types.HoverParams) -> types.Hover | None:
        doc = ls.documents.get(params.text_document.uri)
        if doc is None:
            return None
        outcome = await ls.current_outcome(doc)
        if outcome.ruleset is None:
            return None
        index = LineIndex(outcome.text, ls.encoding)
        offset = index.offset(params.position.line, params.position.character)
        text = hover_text(outcome.ruleset, outcome.diagnostics, offset)
        if text is None:
            return None
        first = next(d for d in outcome.diagnostics if d.location.start <= offset <= d.location.end)
        return hover(text, lsp_range(index, first.location.start, first.location.end))

    return server


class _OneLine(logging.Formatter):
    """Log lines for the editor's log pane: one line each, an exception by its type and
    message, never a traceback."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            message += f" ({type(error).__name__}: {error})"
        line = f"claimlint lsp: {record.levelname.lower()}: {message}"
        return neutralise(" ".join(line.splitlines()))


def serve() -> None:
    """Serve one client over stdin and stdout until it says exit."""
    handler = logging.StreamHandler()  # stderr: stdout is the protocol's
    handler.setFormatter(_OneLine())
    logging.getLogger().addHandler(handler)
    build_server().start_io()
