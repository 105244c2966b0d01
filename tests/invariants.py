"""What must hold for any input, checked by the property tests and the fuzz script:
no rule fails, every span lies inside the text and on the line it names, and the
original offsets stay inside the file as read."""

from __future__ import annotations

from collections.abc import Sequence

from claimlint.diagnostics import diagnose
from claimlint.document import Document
from claimlint.engine import lint_document
from claimlint.rule import Rule
from claimlint.sources import Source

Outcome = list[tuple[str, int, int, str]]


def check_invariants(text: str, path: str, rules: Sequence[Rule]) -> Outcome:
    """Lint `text` as file `path`; assert the invariants; return the findings in brief."""
    doc = Document.from_source(Source(path, text))
    findings, problems = lint_document(doc, rules)
    errors = [p for p in problems if p.startswith("error:")]
    assert not errors, errors
    outcome = []
    for finding in findings:
        assert 0 <= finding.start <= finding.end <= len(doc.text), (finding.rule, finding.start)
        location = diagnose(doc, finding).location
        line_start, line_end = doc.line_span(location.line)
        assert line_start <= finding.start <= line_end + 1, finding.rule
        assert location.column == finding.start - line_start + 1, finding.rule
        assert 0 <= location.start <= location.end <= len(text), finding.rule
        outcome.append((finding.rule, finding.start, finding.end, finding.message))
    return outcome
