"""`suppressions`: inline suppressions that silenced nothing (`unused-suppression`).

Runs after the suppressions have been applied to every other finding, so it knows
which directives were used; a name that matches no rule or category of the
configuration at all, and a malformed name list, are reported too.
"""


from collections.abc import Iterator

from claimlint.checks.base import Check, CheckOptions, RuleTable
from claimlint.document import Document
from claimlint.findings import Finding

UNUSED = "unused-suppression"


class SuppressionsOptions(CheckOptions, frozen=True, kw_only=True):
    malformed_message: str = "suppression with a malformed rule name '{name}'"
    unknown_message: str = "suppression names no known rule or category: '{name}'"


class SuppressionsCheck(Check):
    name = "suppressions"
    options_type = SuppressionsOptions
    rule_ids = (UNUSED,)
    stage = "suppressions"

    def check(self, doc: Document, rules: RuleTable) -> Iterator[Finding]:
        opts: SuppressionsOptions = self.options
        for directive in doc.suppressions.directives:
            if directive.action == "enable":
                continue
            span = (directive.start, directive.end)
            if directive.malformed:
                yield rules.finding(
                    UNUSED, *span, {"name": directive.malformed}, message=opts.malformed_message
                )
                continue
            if not directive.names and "" not in directive.used:
                yield rules.finding(UNUSED, *span, {"name": "every rule"})
            for name in directive.names:
                if name in directive.used:
                    continue
                if name in rules.running:
                    yield rules.finding(UNUSED, *span, {"name": name})
                elif name not in rules.known:
                    yield rules.finding(UNUSED, *span, {"name": name}, message=opts.unknown_message)
