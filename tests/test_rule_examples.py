"""Every built-in rule carries its own examples; each one is a test.

A cross-file rule's examples are runs: its `flag` examples, each one file, make one
run that must be reported; its `pass` examples make one run that must not be.
"""

from __future__ import annotations

import pytest

from claimlint.config import DEFAULT
from claimlint.engine import reduce_summaries, summaries_of
from claimlint.ruleset import RuleSet, build_ruleset
from tests.conftest import run_rules

RULESET = build_ruleset(DEFAULT)
#: rules judged over a run of files, not one text: each example is a run
CROSS_FILE = {"name-variant-across-files"}
CASES = [
    (rule.id, expect, text)
    for rule in RULESET.all_rules
    if rule.id not in CROSS_FILE
    for expect, texts in (("flag", rule.examples.flag), ("pass", rule.examples.ok))
    for text in texts
]
RUN_CASES = [
    (rule.id, expect, texts)
    for rule in RULESET.all_rules
    if rule.id in CROSS_FILE
    for expect, texts in (("flag", rule.examples.flag), ("pass", rule.examples.ok))
]


def ruleset_for(rule_id: str) -> RuleSet:
    """The built-in rule set with only `rule_id` on, built on its examples' facts."""
    rule = RULESET.get(rule_id)
    assert rule is not None
    ruleset = RULESET.with_facts(rule.examples.facts) if rule.examples.facts else RULESET
    return ruleset.only([rule_id])


def test_every_rule_has_examples() -> None:
    missing = [r.id for r in RULESET.all_rules if not (r.examples.flag and r.examples.ok)]
    assert not missing, f"rules without flag and pass examples: {missing}"


@pytest.mark.parametrize(
    ("rule_id", "expect", "text"), CASES, ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)]
)
def test_rule_example(rule_id: str, expect: str, text: str) -> None:
    findings = [f for f in run_rules(ruleset_for(rule_id), text) if f.rule == rule_id]
    if expect == "flag":
        assert findings, f"{rule_id} should flag: {text!r}"
    else:
        assert not findings, f"{rule_id} should pass: {text!r}, got {[f.message for f in findings]}"


@pytest.mark.parametrize(
    ("rule_id", "expect", "texts"), RUN_CASES, ids=[f"{c[0]}-{c[1]}" for c in RUN_CASES]
)
def test_cross_file_rule_example(rule_id: str, expect: str, texts: tuple[str, ...]) -> None:
    from claimlint.engine import lint_source
    from claimlint.sources import Source

    ruleset = ruleset_for(rule_id)
    results = [
        lint_source(Source(f"example-{i}.txt", text), ruleset) for i, text in enumerate(texts)
    ]
    found = list(reduce_summaries(summaries_of(results), ruleset))
    if expect == "flag":
        assert found, f"{rule_id} should flag the run {texts!r}"
    else:
        assert not found, (
            f"{rule_id} should pass the run {texts!r}, got {[d.message for d in found]}"
        )
