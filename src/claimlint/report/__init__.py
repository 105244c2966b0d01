"""Reporters: pure functions from a run's results to text (or a rich console)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimlint.diagnostics import Diagnostic
from claimlint.findings import Level

if TYPE_CHECKING:
    from claimlint.rule import Rule


@dataclass
class RunReport:
    """Everything a reporter may show: diagnostics in order, input errors, notices."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    files: dict[str, dict[str, object]] = field(default_factory=dict)
    #: every rule enabled in the run, by id (SARIF lists them as the tool's rules)
    rules: dict[str, Rule] = field(default_factory=dict)
    #: the lowest level shown (the config's `report_level`, or `--report-level`)
    report_level: Level = Level.INFO
    #: findings below `report_level`, left out of `diagnostics`, by level
    hidden: Counter[Level] = field(default_factory=Counter)

    def hide_below(self, level: Level) -> None:
        """Leave findings below `level` out of the report, counting them."""
        self.report_level = level
        shown = []
        for d in self.diagnostics:
            if d.level >= level:
                shown.append(d)
            else:
                self.hidden[d.level] += 1
        self.diagnostics = shown

    def counts(self) -> Counter[Level]:
        return Counter(d.level for d in self.diagnostics)
