"""One document's text → its findings, under the configuration that applies to it.

Nothing here raises: a bad config, facts file or pack, or a failure inside the engine,
is an `Outcome` with a `config_error` (or `problems`), which the server shows at the
top of the document; the server keeps serving.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import msgspec

from claimlint.diagnostics import Diagnostic
from claimlint.engine import lint_source
from claimlint.lsp.configs import Configs
from claimlint.ruleset import RuleSet
from claimlint.sources import Source
from claimlint.yamlfile import YamlError


class Outcome(msgspec.Struct):
    """What linting one version of a document gave."""

    text: str
    version: int | None
    diagnostics: list[Diagnostic] = msgspec.field(default_factory=list)
    #: the config, facts file or pack could not be used (one line)
    config_error: str | None = None
    #: what went wrong inside the engine (a rule over its time limit, say)
    problems: list[str] = msgspec.field(default_factory=list)
    #: notes from the engine (a rule that stopped reporting after its limit)
    notes: list[str] = msgspec.field(default_factory=list)
    #: the document was not checked (too large); why
    skipped: str | None = None
    ruleset: RuleSet | None = None
    config_key: str | None = None
    #: per-check summaries for the cross-file step
    summaries: dict[str, Any] = msgspec.field(default_factory=dict)


def lint_text(
    configs: Configs, path: str, text: str, version: int | None, date_override: date | None
) -> Outcome:
    outcome = Outcome(text, version)
    try:
        config, ruleset = configs.for_path(path)
    except YamlError as exc:
        outcome.config_error = str(exc)
        return outcome
    except Exception as exc:  # never let a config take the server down
        outcome.config_error = f"cannot load the configuration: {type(exc).__name__}: {exc}"
        return outcome
    outcome.ruleset = ruleset
    outcome.config_key = config.key
    limit = config.spec.max_file_size
    if len(text) > limit or len(text.encode("utf-8", "surrogatepass")) > limit:
        outcome.skipped = f"not checked: larger than max_file_size ({limit} bytes)"
        return outcome
    try:
        result = lint_source(Source(path, text), ruleset, date_override)
    except Exception as exc:
        outcome.problems.append(f"internal error: {type(exc).__name__}: {exc}")
        return outcome
    outcome.diagnostics = result.diagnostics
    outcome.problems = result.errors
    outcome.notes = result.notices
    outcome.summaries = result.summaries
    return outcome


def document_path(fs_path: str | None, language_id: str | None, root: Path | None) -> str:
    """The path a document is linted as: its file, or for an unsaved document a name in
    the workspace root whose extension follows the editor's language (Markdown or not)."""
    if fs_path:
        return fs_path
    name = "untitled.md" if language_id == "markdown" else "untitled.txt"
    return str((root or Path.cwd()) / name)
