"""Every built-in rule carries its own examples; each one is a test.

A cross-file rule's examples are runs: its `flag` examples, each one file, make one
run that must be reported; its `pass` examples make one run that must not be.
"""

from __future__ import annotations

import dataclasses

import pytest

from claimlint.config import DEFAULT
from claimlint.document import Document
from claimlint.rules_loader import with_example_facts
from claimlint.ruleset import build_ruleset
from tests.conftest import run_rules

RULESET = build_ruleset(DEFAULT)
CASES = [
    (rule.id, expect, text)
    for rule in RULESET.all_rules
    if not rule.kind.cross_document
    for expect, texts in (("flag", rule.examples.flag), ("pass", rule.examples.ok))
    for text in texts
]
RUN_CASES = [
    (rule.id, expect, texts)
    for rule in RULESET.all_rules
    if rule.kind.cross_document
    for expect, texts in (("flag", rule.examples.flag), ("pass", rule.examples.ok))
]


def test_every_rule_has_examples() -> None:
    missing = [r.id for r in RULESET.all_rules if not (r.examples.flag and r.examples.ok)]
    assert not missing, f"rules without flag and pass examples: {missing}"


@pytest.mark.parametrize(
    ("rule_id", "expect", "text"), CASES, ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)]
)
def test_rule_example(rule_id: str, expect: str, text: str) -> None:
    rule = RULESET.get(rule_id)
    assert rule is not None
    ruleset = dataclasses.replace(RULESET, all_rules=(with_example_facts(rule),))
    findings = [f for f in run_rules(ruleset, text, only=[rule_id]) if f.rule == rule_id]
    if expect == "flag":
        assert findings, f"{rule_id} should flag: {text!r}"
    else:
        assert not findings, f"{rule_id} should pass: {text!r}, got {[f.message for f in findings]}"


@pytest.mark.parametrize(
    ("rule_id", "expect", "texts"), RUN_CASES, ids=[f"{c[0]}-{c[1]}" for c in RUN_CASES]
)
def test_cross_file_rule_example(rule_id: str, expect: str, texts: tuple[str, ...]) -> None:
    rule = RULESET.get(rule_id)
    assert rule is not None
    summaries = [
        rule.kind.summarize(Document.from_text(text, path=f"example-{i}.txt"), rule)
        for i, text in enumerate(texts)
    ]
    found = list(rule.kind.reduce([s for s in summaries if s is not None], rule))
    if expect == "flag":
        assert found, f"{rule_id} should flag the run {texts!r}"
    else:
        assert not found, (
            f"{rule_id} should pass the run {texts!r}, got {[d.message for d in found]}"
        )
