"""Every built-in rule carries its own examples; each one is a test."""

from __future__ import annotations

import pytest

from claimlint.config import DEFAULT
from claimlint.ruleset import build_ruleset
from tests.conftest import run_rules

RULESET = build_ruleset(DEFAULT)
CASES = [
    (rule.id, expect, text)
    for rule in RULESET.all_rules
    for expect, texts in (("flag", rule.examples.flag), ("pass", rule.examples.ok))
    for text in texts
]


def test_every_rule_has_examples() -> None:
    missing = [r.id for r in RULESET.all_rules if not (r.examples.flag and r.examples.ok)]
    assert not missing, f"rules without flag and pass examples: {missing}"


@pytest.mark.parametrize(
    ("rule_id", "expect", "text"), CASES, ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)]
)
def test_rule_example(rule_id: str, expect: str, text: str) -> None:
    findings = [f for f in run_rules(RULESET, text, only=[rule_id]) if f.rule == rule_id]
    if expect == "flag":
        assert findings, f"{rule_id} should flag: {text!r}"
    else:
        assert not findings, f"{rule_id} should pass: {text!r}, got {[f.message for f in findings]}"
