"""A whole run: map every file (serially, over a pool or on Dask; see `parallel`),
reduce the cross-file summaries, and assemble the report in file order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

import msgspec

from claimlint.config import ConfigResolver
from claimlint.diagnostics import Diagnostic
from claimlint.engine import (
    RuleSets,
    RunOptions,
    lint_source,
    reduce_summaries,
    selection_of,
)
from claimlint.findings import Level
from claimlint.parallel import map_paths
from claimlint.report import RunReport
from claimlint.sources import STDIN, InputError, Source, expand_paths, read_source
from claimlint.spool import Spool
from claimlint.yamlfile import YamlError

if TYPE_CHECKING:
    from claimlint.learn.events import EventLearner
    from claimlint.learn.evidence import ArticleEvidence
    from claimlint.learn.people import PeopleLearner


class Progress(Protocol):
    """Told how many files a run will check, then of each one as it is done."""

    def start(self, total: int) -> None: ...

    def advance(self) -> None: ...


def run(
    paths: Sequence[str], options: RunOptions, progress: Progress | None = None
) -> tuple[RunReport, Level]:
    """Check `paths`; the report (diagnostics in file order) and the configured fail level.

    A broken explicit `--config` raises `YamlError`; everything else wrong with a file
    or its config is an error in the report.
    """
    resolver = ConfigResolver(options.config_path, isolated=options.isolated)
    rulesets = RuleSets.of_run(options)
    report = RunReport()
    summaries: dict[str, Spool[Any]] = {}
    mapped = map_paths(
        paths, options, resolver, rulesets, jobs=options.jobs, scheduler=options.scheduler
    )
    if progress is not None:
        selection = options.selection_override or selection_of(resolver.for_path("."))
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
        for name, summary in result.summaries.items():
            summaries.setdefault(name, Spool()).append(summary)
        if result.stdin_text is not None:
            report.texts[result.path] = result.stdin_text
    try:
        ruleset = rulesets.for_config(resolver.for_path("."))
    except YamlError as exc:
        if str(exc) not in report.errors:
            report.errors.append(str(exc))
        return report, Level.ERROR
    report.diagnostics.insert(reduce_summaries(summaries, ruleset))
    for spool in summaries.values():
        spool.close()
    report.rules = rulesets.enabled_rules()
    report.report_level = ruleset.report_level
    return report, ruleset.fail_on


def article_reader(options: RunOptions, report: RunReport) -> Callable[[str], str]:
    """The decoded text of a checked file, read again as the run read it (same decoding,
    same size limit), for a report that shows articles; stdin's from the report. Raises
    `InputError` when the file cannot be read any more."""
    resolver = ConfigResolver(options.config_path, isolated=options.isolated)

    def read(path: str) -> str:
        if path in report.texts:
            return report.texts[path]
        if path == STDIN:
            raise InputError(path, "stdin was not kept")
        try:
            limit = resolver.for_path(path).spec.max_file_size
        except YamlError:
            raise InputError(path, "its configuration cannot be read any more") from None
        return read_source(path, max_bytes=limit).text

    return read


def source_linter(options: RunOptions) -> Callable[[Source], list[Diagnostic]]:
    """Lint one in-memory source under the configuration that applies to its path
    (what `--fix` uses to check its own edits)."""
    resolver = ConfigResolver(options.config_path, isolated=options.isolated)
    rulesets = RuleSets.of_run(options)

    def lint(source: Source) -> list[Diagnostic]:
        ruleset = rulesets.for_file(resolver.for_path(source.path), source.path)
        return lint_source(source, ruleset, options.date_override).diagnostics

    return lint


def learn(
    paths: Sequence[str], options: RunOptions, progress: Progress | None = None
) -> LearnedFacts:
    """Read an archive for `claimlint facts learn`: the same walk, configs and map as a
    check, each file's evidence folded into the learners as it arrives."""
    from claimlint.checks.names import NamesCheck
    from claimlint.learn.events import EventLearner
    from claimlint.learn.people import PeopleLearner

    options = msgspec.structs.replace(options, learn=True)
    resolver = ConfigResolver(options.config_path, isolated=options.isolated)
    rulesets = RuleSets.of_run(options)
    ruleset = rulesets.for_config(resolver.for_path("."))
    names = next(c for c in ruleset.checks if isinstance(c, NamesCheck))
    found = LearnedFacts(PeopleLearner(names.grouper), EventLearner())
    mapped = map_paths(
        paths, options, resolver, rulesets, jobs=options.jobs, scheduler=options.scheduler
    )
    if progress is not None:
        selection = options.selection_override or selection_of(resolver.for_path("."))
        progress.start(sum(1 for _ in expand_paths(paths, selection)))
    for result in mapped:
        if progress is not None:
            progress.advance()
        for error in result.errors:
            if error not in found.errors:
                found.errors.append(error)
        found.notices.extend(result.notices)
        evidence = result.summaries.get("learn")
        if evidence is not None:
            found.add(evidence)
    return found


class LearnedFacts(msgspec.Struct):
    """What a run of `facts learn` gathered: the learners, and the run's problems."""

    people: PeopleLearner
    events: EventLearner
    articles: int = 0
    first: date | None = None
    last: date | None = None
    errors: list[str] = msgspec.field(default_factory=list)
    notices: list[str] = msgspec.field(default_factory=list)

    def add(self, evidence: ArticleEvidence) -> None:
        self.articles += 1
        when = evidence.published
        if when is not None:
            self.first = when if self.first is None else min(self.first, when)
            self.last = when if self.last is None else max(self.last, when)
        self.people.add(evidence)
        self.events.add(evidence)
