"""Lint one file: read → decode → `Document` → pattern rules and built-in checks →
one finding per problem → suppressions → diagnostics.

Per-file work is independent of every other file; cross-document checks contribute a
per-file summary that `reduce_summaries` combines at the end of a run. How files are
mapped (serially, over a process pool, on Dask) is `parallel`'s business; a whole run
is `runner`'s.
"""

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from enum import Enum
from typing import Any

import msgspec

from claimlint import dedupe, patterns
from claimlint.checks.base import Check, RuleTable
from claimlint.config import Config, ConfigResolver
from claimlint.diagnostics import Diagnostic, diagnose
from claimlint.document import Document
from claimlint.findings import Finding
from claimlint.patterns import PatternTimeout
from claimlint.rule import Rule
from claimlint.ruleset import NO_FILTER, RuleFilter, RuleSet, build_ruleset
from claimlint.sources import (
    STDIN,
    InputError,
    Selection,
    SkippedFile,
    Source,
    read_source,
    text_digest,
)
from claimlint.yamlfile import YamlError

#: at most this many findings of one rule in one document; the rest become a note
MAX_FINDINGS_PER_RULE = 200


class Severity(Enum):
    ERROR = "error"
    NOTE = "note"


class Problem(msgspec.Struct, frozen=True):
    """Something that went wrong while linting (not a finding about the text)."""

    severity: Severity
    message: str


class FileResult(msgspec.Struct):
    path: str
    diagnostics: list[Diagnostic] = msgspec.field(default_factory=list)
    errors: list[str] = msgspec.field(default_factory=list)
    notices: list[str] = msgspec.field(default_factory=list)
    meta: dict[str, Any] = msgspec.field(default_factory=dict)
    summaries: dict[str, Any] = msgspec.field(default_factory=dict)
    checked: bool = False
    #: the decoded text of stdin, kept when details are asked for (it cannot be read again)
    stdin_text: str | None = None


class RunOptions(msgspec.Struct, frozen=True):
    config_path: Any = None
    isolated: bool = False
    date_override: date | None = None
    model: str | None = None
    selection_override: Selection | None = None
    #: worker processes for the per-file map (1: this process); see parallel.py
    jobs: int = 1
    #: a Dask scheduler address: run the per-file map on that cluster
    scheduler: str | None = None
    #: `--select` / `--ignore`
    rule_filter: RuleFilter = NO_FILTER
    #: also ask each check for its `details` (what `--format html` shows: the timelines)
    details: bool = False
    #: gather facts for `claimlint facts learn` instead of linting
    learn: bool = False


class RuleSets:
    """One `RuleSet` per configuration file, built on first use (and one per set of
    `per_file_ignores` that applies to some file under it)."""

    def __init__(self, model: str | None = None, rule_filter: RuleFilter = NO_FILTER) -> None:
        self._model = model
        self._filter = rule_filter
        self._cache: dict[str, RuleSet] = {}
        self._narrowed: dict[tuple[str, tuple[str, ...]], RuleSet] = {}

    @classmethod
    def of_run(cls, options: RunOptions) -> "RuleSets":
        return cls(model=options.model, rule_filter=options.rule_filter)

    def for_config(self, config: Config) -> RuleSet:
        ruleset = self._cache.get(config.key)
        if ruleset is None:
            ruleset = build_ruleset(config, model=self._model, rule_filter=self._filter)
            self._cache[config.key] = ruleset
        return ruleset

    def for_file(self, config: Config, path: str) -> RuleSet:
        """The rule set for `path`: its config's, less what `per_file_ignores` turns off."""
        ruleset = self.for_config(config)
        ignored = config.ignored_for(path)
        if not ignored:
            return ruleset
        key = (config.key, ignored)
        narrowed = self._narrowed.get(key)
        if narrowed is None:
            narrowed = self._narrowed[key] = ruleset.without(ignored)
        return narrowed

    def enabled_rules(self) -> dict[str, Rule]:
        """The rules enabled under any configuration used so far, by id."""
        return {r.id: r for ruleset in self._cache.values() for r in ruleset.rules}


def selection_of(config: Config) -> Selection:
    """What a directory walk picks up under `config`."""
    return Selection(include=tuple(config.spec.include), exclude=tuple(config.spec.exclude))


def lint_document(doc: Document, ruleset: RuleSet) -> tuple[list[Finding], list[Problem]]:
    """Every finding of the enabled rules on `doc` not silenced by an inline suppression,
    one per problem, in text order; and what went wrong on the way."""
    findings: list[Finding] = []
    problems: list[Problem] = []
    for rule in ruleset.pattern_rules:
        assert rule.kind is not None
        _collect(rule.kind.check(doc, rule), rule.id, findings, problems)
    late = []
    for check in ruleset.active_checks:
        if check.stage == "suppressions":
            late.append(check)
            continue
        _collect_check(check, doc, ruleset, findings, problems)
    enabled = {r.id for r in ruleset.rules}
    findings = [f for f in findings if f.rule in enabled]
    findings = dedupe.one_per_problem(findings)
    findings = doc.suppressions.apply(findings)
    for check in late:
        _collect_check(check, doc, ruleset, findings, problems)
    findings.sort(key=Finding.sort_key)
    return findings, problems


def _collect_check(
    check: Check, doc: Document, ruleset: RuleSet, out: list[Finding], problems: list[Problem]
) -> None:
    """`_collect` for a check: its searches with the patterns of its options (which a
    config may set) share one time budget on the document, as a rule's do."""
    with patterns.spending(patterns.Budget()):
        _collect(check.check(doc, ruleset.tables[check.name]), check.name, out, problems)


def _collect(
    produced: Iterable[Finding], name: str, out: list[Finding], problems: list[Problem]
) -> None:
    """Append what one rule or check yields, at most `MAX_FINDINGS_PER_RULE` per rule; a
    rule that fails is a problem, not the end of the run."""
    counts: dict[str, int] = {}
    try:
        for finding in produced:
            count = counts[finding.rule] = counts.get(finding.rule, 0) + 1
            if count <= MAX_FINDINGS_PER_RULE:
                out.append(finding)
    except PatternTimeout as exc:
        problems.append(Problem(Severity.ERROR, f"rule {name}: {exc}"))
    except Exception as exc:  # a broken rule must not stop the others
        problems.append(
            Problem(Severity.ERROR, f"internal error in {name}: {type(exc).__name__}: {exc}")
        )
    for rule_id, count in counts.items():
        if count > MAX_FINDINGS_PER_RULE:
            problems.append(
                Problem(
                    Severity.NOTE,
                    f"rule {rule_id} stopped reporting after {MAX_FINDINGS_PER_RULE} findings "
                    f"({count - MAX_FINDINGS_PER_RULE} more)",
                )
            )


def lint_source(
    source: Source,
    ruleset: RuleSet,
    date_override: date | None = None,
    *,
    details: bool = False,
    learn: bool = False,
) -> FileResult:
    """Lint one decoded file: its diagnostics, problems, metadata (with `details`, the
    checks' details too) and cross-file summaries (with `learn`, only what `claimlint
    facts learn` gathers from it)."""
    doc = Document.from_source(source, date_override=date_override)
    if learn:
        from claimlint.learn.mapping import evidence_of

        try:
            with patterns.spending(patterns.Budget()):
                evidence = evidence_of(doc, ruleset)
        except PatternTimeout as exc:
            return FileResult(path=source.path, checked=True, errors=[f"{source.path}: {exc}"])
        return FileResult(path=source.path, checked=True, summaries={"learn": evidence})
    findings, problems = lint_document(doc, ruleset)
    result = FileResult(path=source.path, checked=True)
    result.diagnostics = [diagnose(doc, f) for f in findings]
    for problem in problems:
        target = result.errors if problem.severity is Severity.ERROR else result.notices
        target.append(f"{source.path}: {problem.message}")
    for check in ruleset.active_checks:
        result.notices.extend(f"{source.path}: {note}" for note in check.notes(doc))
    for check in ruleset.checks:
        try:
            with patterns.spending(patterns.Budget()):
                result.meta.update(check.metadata(doc))
                if details:
                    result.meta.update(check.details(doc))
                if check.cross_document and check in ruleset.active_checks:
                    summary = check.summarize(doc, ruleset.tables[check.name])
                    if summary is not None:
                        result.summaries[check.name] = summary
        except PatternTimeout as exc:
            result.errors.append(f"{source.path}: check {check.name}: {exc}")
        except Exception as exc:  # a broken check must not stop the others
            result.errors.append(
                f"{source.path}: internal error in {check.name}: {type(exc).__name__}: {exc}"
            )
    if details:
        result.meta["text_sha256"] = text_digest(source.text)
        if source.path == STDIN:
            result.stdin_text = source.text
    return result


def check_file(
    path: str, resolver: ConfigResolver, rulesets: RuleSets, options: RunOptions
) -> FileResult:
    """Read and lint the file at `path` under the configuration that applies to it."""
    try:
        config = resolver.for_path(path)
        ruleset = rulesets.for_file(config, path)
    except YamlError as exc:
        return FileResult(path=path, errors=[str(exc)])
    try:
        source = read_source(path, max_bytes=config.spec.max_file_size)
    except SkippedFile as exc:
        return FileResult(path=path, notices=[str(exc)])
    except InputError as exc:
        return FileResult(path=path, errors=[str(exc)])
    return lint_source(
        source, ruleset, options.date_override, details=options.details, learn=options.learn
    )


def unreadable(item: InputError) -> FileResult:
    """The result for a path that could not be read (or was skipped)."""
    if isinstance(item, SkippedFile):
        return FileResult(path=item.path, notices=[str(item)])
    return FileResult(path=item.path, errors=[str(item)])


def summaries_of(results: Iterable[FileResult]) -> dict[str, list[Any]]:
    """The cross-file summaries of some file results, by check."""
    by_check: dict[str, list[Any]] = {}
    for result in results:
        for name, summary in result.summaries.items():
            by_check.setdefault(name, []).append(summary)
    return by_check


def reduce_summaries(
    by_check: Mapping[str, Iterable[Any]], ruleset: RuleSet
) -> Iterator[Diagnostic]:
    """Run the cross-document step of each cross-document check over a run's summaries
    (by check name; a check may read its summaries more than once)."""
    enabled = {r.id for r in ruleset.rules}
    for check in ruleset.active_checks:
        if check.cross_document and check.name in by_check:
            table: RuleTable = ruleset.tables[check.name]
            for placed in check.reduce(by_check[check.name], table):
                if placed.finding.rule in enabled:
                    yield diagnose(placed.placer, placed.finding)


__all__ = ["Check", "FileResult", "Problem", "RuleSets", "RunOptions", "Severity"]
