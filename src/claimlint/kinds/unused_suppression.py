"""`unused-suppression`: inline suppressions that silenced nothing.

The kind itself finds nothing in the text: suppressions are applied after every
other rule has run (see `claimlint.suppressions.apply`), which then reports, through
the rule of this kind, each directive name that matched no finding.
"""

from __future__ import annotations

from collections.abc import Iterator

from claimlint.document import Document
from claimlint.findings import Finding
from claimlint.kinds.base import Kind
from claimlint.rule import Rule


class UnusedSuppression(Kind):
    name = "unused-suppression"

    def check(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        return iter(())
