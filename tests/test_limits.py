"""A run must end: bad user patterns are stopped, noisy rules are capped."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from claimlint import engine, patterns
from claimlint.document import Document
from claimlint.engine import Problem, Severity, lint_document
from claimlint.ruleset import RuleSet
from tests.conftest import pack_ruleset

PACK = """\
rules:
  - id: {id}
    kind: existence
    category: style
    level: warning
    message: "found {{match}}"
    pattern: '{pattern}'
"""


def rule_from(tmp_path: Path, rule_id: str, pattern: str) -> RuleSet:
    path = tmp_path / "pack.yaml"
    path.write_text(PACK.format(id=rule_id, pattern=pattern))
    return pack_ruleset(path)


def test_catastrophic_pattern_is_stopped_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(patterns, "MATCH_TIMEOUT", 0.2)
    slow = rule_from(tmp_path, "slow-rule", "(a|aa)+$")
    doc = Document.from_text("a" * 5000 + "b")
    started = time.monotonic()
    findings, problems = lint_document(doc, slow)
    assert time.monotonic() - started < 5
    assert findings == []
    assert len(problems) == 1
    assert problems[0].severity is Severity.ERROR
    assert problems[0].message.startswith("rule slow-rule: pattern '(a|aa)+$' took over 0.2s")


def test_findings_are_capped_per_rule_with_a_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "MAX_FINDINGS_PER_RULE", 10)
    noisy = rule_from(tmp_path, "every-x", "x")
    findings, problems = lint_document(Document.from_text("x " * 25), noisy)
    assert len(findings) == 10
    assert problems == [
        Problem(Severity.NOTE, "rule every-x stopped reporting after 10 findings (15 more)")
    ]


def test_a_line_rule_shares_one_time_limit_over_all_its_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # each line takes well under the limit; all of them together far over it
    monkeypatch.setattr(patterns, "MATCH_TIMEOUT", 0.5)
    path = tmp_path / "pack.yaml"
    path.write_text(PACK.format(id="slow-lines", pattern="(a|aa)+c") + "    scope: line\n")
    slow = pack_ruleset(path)
    doc = Document.from_text(("a" * 25 + "b\n\n") * 60)
    started = time.process_time()
    findings, problems = lint_document(doc, slow)
    assert time.process_time() - started < 2.5
    assert findings == []
    assert len(problems) == 1 and "took over 0.5s" in problems[0].message


def test_the_time_a_rule_spends_between_matches_is_not_the_pattern_s(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(patterns, "MATCH_TIMEOUT", 0.2)
    pattern = patterns.compile_pattern(r"\w+", "pattern")
    text = "word " * 150
    found = 0
    for _ in patterns.finditer(pattern, text, timeout=patterns.MATCH_TIMEOUT):
        found += 1
        until = time.perf_counter() + 0.005  # the rule's own work: 0.75 s in all
        while time.perf_counter() < until:
            pass
    assert found == 150
