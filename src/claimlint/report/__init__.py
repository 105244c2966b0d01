"""Reporters: pure functions from a run's results to text (or a rich console)."""

from __future__ import annotations

import heapq
import itertools
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import msgspec

from claimlint.diagnostics import Diagnostic
from claimlint.findings import Level
from claimlint.report.file_table import FileTable
from claimlint.spool import Spool

if TYPE_CHECKING:
    from claimlint.rule import Rule


#: cross-file findings sorted in memory before a sorted run of them goes to disk
LATER_BATCH = 500
#: findings of a sorted run read back at a time (every run is read at once when merging)
RUN_READ = 50


class DiagnosticLog:
    """The findings of a run, read in report order (by path, then place): the files'
    findings as they come, spilled to disk past a bound (`Spool`), with the few
    cross-file findings merged into place as they are read. When the files did not
    come in path order (files named out of order), reading sorts them in memory."""

    def __init__(self, diagnostics: Iterable[Diagnostic] = ()) -> None:
        self._main: Spool[Diagnostic] = Spool()
        self._later: list[Diagnostic] = []
        #: cross-file findings past a batch, spilled as sorted runs (the names check's
        #: findings grow with the archive)
        self._later_runs: list[Spool[Diagnostic]] = []
        self._in_order = True
        self._last: tuple[str, int, int, str] | None = None
        self._counts: Counter[Level] = Counter()
        self.extend(diagnostics)

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        """Add findings in the order they come (one file's, in text order)."""
        for diagnostic in diagnostics:
            key = diagnostic.sort_key()
            if self._last is not None and key < self._last:
                self._in_order = False
            self._last = key
            self._main.append(diagnostic)
            self._counts[diagnostic.level] += 1

    def insert(self, diagnostics: Iterable[Diagnostic]) -> None:
        """Add findings that belong among those already added (cross-file findings)."""
        for diagnostic in diagnostics:
            self._later.append(diagnostic)
            self._counts[diagnostic.level] += 1
            if len(self._later) >= LATER_BATCH:
                self._later.sort(key=Diagnostic.sort_key)
                run: Spool[Diagnostic] = Spool(batch=RUN_READ)
                run.extend(self._later)
                self._later_runs.append(run)
                self._later = []
        self._later.sort(key=Diagnostic.sort_key)

    def _inserted(self) -> list[Iterable[Diagnostic]]:
        # earlier runs first: among equal keys, merging keeps the order of insertion
        return [*self._later_runs, self._later]

    def __iter__(self) -> Iterator[Diagnostic]:
        if self._in_order:
            return heapq.merge(self._main, *self._inserted(), key=Diagnostic.sort_key)
        everything = itertools.chain(self._main, *self._inserted())
        return iter(sorted(everything, key=Diagnostic.sort_key))

    def __len__(self) -> int:
        return len(self._main) + sum(len(run) for run in self._later_runs) + len(self._later)

    def __bool__(self) -> bool:
        return len(self) > 0

    def counts(self) -> Counter[Level]:
        return Counter(self._counts)


class RunReport(msgspec.Struct):
    """Everything a reporter may show: diagnostics in order, input errors, notices."""

    diagnostics: DiagnosticLog = msgspec.field(default_factory=DiagnosticLog)
    errors: list[str] = msgspec.field(default_factory=list)
    notices: list[str] = msgspec.field(default_factory=list)
    files: FileTable = msgspec.field(default_factory=FileTable)
    #: every rule enabled in the run, by id (SARIF lists them as the tool's rules)
    rules: dict[str, Rule] = msgspec.field(default_factory=dict)
    #: the lowest level shown (the config's `report_level`, or `--report-level`)
    report_level: Level = Level.INFO
    #: findings below `report_level`, left out of `diagnostics`, by level
    hidden: Counter[Level] = msgspec.field(default_factory=Counter)
    #: decoded texts a report that shows articles needs and cannot read again: stdin's,
    #: kept only when the run was asked for details (files are read again one at a time)
    texts: dict[str, str] = msgspec.field(default_factory=dict)

    def hide_below(self, level: Level) -> None:
        """Leave findings below `level` out of the report, counting them."""
        self.report_level = level
        counts = self.diagnostics.counts()
        if all(n == 0 for lvl, n in counts.items() if lvl < level):
            return
        for lvl, n in counts.items():
            if lvl < level and n:
                self.hidden[lvl] += n
        self.diagnostics = DiagnosticLog(d for d in self.diagnostics if d.level >= level)

    def counts(self) -> Counter[Level]:
        return self.diagnostics.counts()
