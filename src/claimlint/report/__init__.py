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
    #: decoded texts a report that shows articles needs and cannot read again: stdin's,
    #: kept only when the run was asked for details (files are read again one at a time)
    texts: dict[str, str] = field(default_factory=dict)

    def counts(self) -> Counter[Level]:
        return Counter(d.level for d in self.diagnostics)
