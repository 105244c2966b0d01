"""`--fix -` and `--diff -`: the text read from standard input with its safe fixes
applied (what ruff does with `-`), for editors and pipes that format through claimlint.
Nothing is written to a file; the caller prints the fixed text or its diff."""

from __future__ import annotations

from typing import Any

import msgspec

from claimlint import fixes
from claimlint.config import ConfigResolver
from claimlint.diagnostics import Diagnostic
from claimlint.engine import RuleSets, RunOptions, lint_source
from claimlint.findings import Level
from claimlint.sources import STDIN, Source, read_source


class FixedInput(msgspec.Struct):
    """The fixed text, what was fixed, and the findings that remain in it."""

    outcome: fixes.FixOutcome
    remaining: list[Diagnostic]
    fail_on: Level
    report_level: Level
    meta: dict[str, Any] = msgspec.field(default_factory=dict)
    errors: list[str] = msgspec.field(default_factory=list)

    @property
    def data(self) -> bytes:
        """The fixed text in the input's own encoding (with its byte-order mark)."""
        source = self.outcome.source
        return self.outcome.text.encode(source.encoding)


def fix_stdin(options: RunOptions) -> FixedInput:
    """Read standard input and fix it under the configuration that applies to it.

    Raises `InputError` for input that is not text and `YamlError` for a broken config.
    """
    source = read_source(STDIN)
    resolver = ConfigResolver(options.config_path, isolated=options.isolated)
    ruleset = RuleSets.of_run(options).for_file(resolver.for_path(STDIN), STDIN)

    def lint(text: Source) -> list[Diagnostic]:
        return lint_source(text, ruleset, options.date_override).diagnostics

    outcome = fixes.fix_source(source, lint)
    fixed = Source(STDIN, outcome.text, source.encoding, source.bom)
    result = lint_source(fixed, ruleset, options.date_override)
    return FixedInput(
        outcome,
        result.diagnostics,
        ruleset.fail_on,
        ruleset.report_level,
        meta={STDIN: result.meta},
        errors=[
            *result.errors,
            *([f"standard input: {outcome.refused}"] if outcome.refused else []),
        ],
    )
