"""Run rules over documents: read → decode → `Document` → rules → diagnostics.

Per-file work (`lint_source`) is independent of every other file; cross-document
rules contribute a per-file summary that `reduce_summaries` combines at the end.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from claimlint import suppressions
from claimlint.config import Config, ConfigResolver
from claimlint.diagnostics import Diagnostic, diagnose
from claimlint.document import Document
from claimlint.findings import Finding, Level
from claimlint.patterns import PatternTimeout
from claimlint.report import RunReport
from claimlint.rule import Rule
from claimlint.ruleset import RuleSet, build_ruleset
from claimlint.sources import InputError, Selection, SkippedFile, Source, expand_paths, read_source
from claimlint.yamlfile import YamlError

#: at most this many findings of one rule in one document; the rest become a note
MAX_FINDINGS_PER_RULE = 200


@dataclass
class FileResult:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    summaries: dict[str, Any] = field(default_factory=dict)
    checked: bool = False


@dataclass(frozen=True)
class RunOptions:
    config_path: Any = None
    isolated: bool = False
    date_override: date | None = None
    model: str | None = None
    selection_override: Selection | None = None
    #: worker processes for the per-file map (1: this process); see parallel.py
    jobs: int = 1
    #: a Dask scheduler address: run the per-file map on that cluster
    scheduler: str | None = None


class RuleSets:
    """One `RuleSet` per configuration file, built on first use."""

    def __init__(self, model: str | None = None) -> None:
        self._model = model
        self._cache: dict[str, RuleSet] = {}

    def for_config(self, config: Config) -> RuleSet:
        ruleset = self._cache.get(config.key)
        if ruleset is None:
            ruleset = build_ruleset(config, model=self._model)
            self._cache[config.key] = ruleset
        return ruleset

    def enabled_rules(self) -> dict[str, Rule]:
        """The rules enabled under any configuration used so far, by id."""
        return {r.id: r for ruleset in self._cache.values() for r in ruleset.rules}


def lint_document(
    doc: Document, rules: Sequence[Rule], known: Collection[str] | None = None
) -> tuple[list[Finding], list[str]]:
    """Every finding of `rules` on `doc` not silenced by an inline suppression, in text
    order, and the rules that failed. `known` (all rule ids and categories) lets
    suppressions that name no rule at all be reported."""
    suppressions.parse(doc)  # masks the directive lines before any rule reads the text
    findings: list[Finding] = []
    problems: list[str] = []
    for rule in rules:
        try:
            produced = 0
            for finding in rule.kind.check(doc, rule):
                produced += 1
                if produced <= MAX_FINDINGS_PER_RULE:
                    findings.append(finding)
            if produced > MAX_FINDINGS_PER_RULE:
                problems.append(
                    f"note: rule {rule.id} stopped reporting after {MAX_FINDINGS_PER_RULE} findings "
                    f"({produced - MAX_FINDINGS_PER_RULE} more)"
                )
        except PatternTimeout as exc:
            problems.append(f"error: rule {rule.id}: {exc}")
        except Exception as exc:  # a broken rule must not stop the others
            problems.append(f"error: internal error in rule {rule.id}: {type(exc).__name__}: {exc}")
    findings.sort(key=Finding.sort_key)
    return suppressions.apply(doc, findings, rules, known), problems


def lint_source(source: Source, ruleset: RuleSet, date_override: date | None = None) -> FileResult:
    doc = Document.from_source(source, date_override=date_override)
    findings, problems = lint_document(doc, ruleset.rules, ruleset.known_names)
    result = FileResult(path=source.path, checked=True)
    result.diagnostics = [diagnose(doc, f) for f in findings]
    for problem in problems:
        (result.errors if problem.startswith("error:") else result.notices).append(
            f"{source.path}: {problem.split(': ', 1)[1]}"
        )
    for rule in ruleset.rules:
        if rule.kind.cross_document:
            try:
                summary = rule.kind.summarize(doc, rule)
            except Exception as exc:  # a broken rule must not stop the others
                result.errors.append(
                    f"{source.path}: internal error in rule {rule.id}: {type(exc).__name__}: {exc}"
                )
                continue
            if summary is not None:
                result.summaries[rule.id] = summary
    result.meta.update(doc.cache.get("meta", {}))
    return result


class Progress(Protocol):
    """Told how many files a run will check, then of each one as it is done."""

    def start(self, total: int) -> None: ...

    def advance(self) -> None: ...


def check_paths(
    paths: Sequence[str],
    options: RunOptions,
    resolver: ConfigResolver,
    rulesets: RuleSets,
) -> Iterator[FileResult]:
    """Lint every file under `paths`; bad input becomes a `FileResult` with an error."""
    selection = options.selection_override or _selection(resolver.for_path("."))
    for item in expand_paths(paths, selection):
        if isinstance(item, SkippedFile):
            yield FileResult(path=item.path, notices=[str(item)])
        elif isinstance(item, InputError):
            yield FileResult(path=item.path, errors=[str(item)])
        else:
            yield _check_one(item, resolver, rulesets, options)


def _check_one(
    path: str, resolver: ConfigResolver, rulesets: RuleSets, options: RunOptions
) -> FileResult:
    try:
        config = resolver.for_path(path)
        ruleset = rulesets.for_config(config)
    except YamlError as exc:
        return FileResult(path=path, errors=[str(exc)])
    try:
        source = read_source(path, max_bytes=config.spec.max_file_size)
    except SkippedFile as exc:
        return FileResult(path=path, notices=[str(exc)])
    except InputError as exc:
        return FileResult(path=path, errors=[str(exc)])
    return lint_source(source, ruleset, options.date_override)


def _selection(config: Config) -> Selection:
    return Selection(include=tuple(config.spec.include), exclude=tuple(config.spec.exclude))


def reduce_summaries(results: Iterable[FileResult], ruleset: RuleSet) -> list[Diagnostic]:
    """Run the cross-document step of each cross-document rule over a run's summaries."""
    diagnostics: list[Diagnostic] = []
    by_rule: dict[str, list[Any]] = {}
    for result in results:
        for rule_id, summary in result.summaries.items():
            by_rule.setdefault(rule_id, []).append(summary)
    for rule in ruleset.rules:
        if rule.kind.cross_document and rule.id in by_rule:
            diagnostics.extend(rule.kind.reduce(by_rule[rule.id], rule))
    return diagnostics


def source_linter(options: RunOptions) -> Callable[[Source], list[Diagnostic]]:
    """Lint one in-memory source under the configuration that applies to its path
    (what `--fix` uses to check its own edits)."""
    resolver = ConfigResolver(options.config_path, isolated=options.isolated)
    rulesets = RuleSets(model=options.model)

    def lint(source: Source) -> list[Diagnostic]:
        ruleset = rulesets.for_config(resolver.for_path(source.path))
        return lint_source(source, ruleset, options.date_override).diagnostics

    return lint


def run(
    paths: Sequence[str], options: RunOptions, progress: Progress | None = None
) -> tuple[RunReport, Level]:
    """Check `paths`; the report (diagnostics in file order) and the configured fail level.

    A broken explicit `--config` raises `YamlError`; everything else wrong with a file
    or its config is an error in the report.
    """
    resolver = ConfigResolver(options.config_path, isolated=options.isolated)
    rulesets = RuleSets(model=options.model)
    report = RunReport()
    results = []
    from claimlint.parallel import map_paths

    mapped = map_paths(
        paths, options, resolver, rulesets, jobs=options.jobs, scheduler=options.scheduler
    )
    if progress is not None:
        selection = options.selection_override or _selection(resolver.for_path("."))
        progress.start(sum(1 for _ in expand_paths(paths, selection)))  # a second, cheap walk
    for result in mapped:
        if progress is not None:
            progress.advance()
        report.diagnostics.extend(result.diagnostics)
        for error in result.errors:
            if error not in report.errors:
                report.errors.append(error)
        report.notices.extend(result.notices)
        if result.checked:
            report.files[result.path] = result.meta
        if result.summaries:
            results.append(result)
        result.diagnostics = []
    try:
        ruleset = rulesets.for_config(resolver.for_path("."))
    except YamlError as exc:
        if str(exc) not in report.errors:
            report.errors.append(str(exc))
        return report, Level.ERROR
    report.diagnostics.extend(reduce_summaries(results, ruleset))
    report.rules = rulesets.enabled_rules()
    report.diagnostics.sort(key=Diagnostic.sort_key)
    return report, ruleset.fail_on
