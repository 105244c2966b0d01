"""The patterns a config gives a built-in check (a debris lexicon entry, the dates
check's widget line) run against the same time limit as a rule's: one budget per check
and document, whatever calls them and however often (issue 19, item 8)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from claimlint import patterns
from tests.cli_helpers import Result, claimlint

SLOW = "(a|aa)+c"  # exponential on a run of a's that does not end in c


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(patterns, "MATCH_TIMEOUT", 0.3)


def timed_check(*paths: str) -> tuple[Result, float]:
    started = time.process_time()
    result = claimlint(["check", *paths])
    return result, time.process_time() - started


def test_a_debris_entry_of_a_config_shares_one_budget_over_all_lines() -> None:
    Path(".claimlint.yaml").write_text(
        "checks:\n  debris:\n    extend_furniture:\n"
        f"      - {{rule: scraped-link-label, patterns: ['{SLOW}']}}\n"
    )
    # each line costs the pattern well under the limit; the lines together far over it
    lines = "".join(f"{'a' * 22}b {i}\n\n" for i in range(400))
    Path("a.txt").write_text(f"Talks resume\n\nThe talks resumed, officials said.\n\n{lines}")
    Path("b.txt").write_text("Troops left Baghdad airport .\n")
    result, seconds = timed_check("a.txt", "b.txt")
    assert seconds < 4
    assert result.exit_code == 2
    assert "a.txt: rule debris: pattern" in result.stderr
    assert "took over 0.3s on this file" in result.stderr
    assert "internal error" not in result.stderr
    assert "b.txt:1:" in result.stdout  # the other file is still checked


def test_a_catastrophic_widget_pattern_is_stopped_once_per_document() -> None:
    Path(".claimlint.yaml").write_text(f"checks:\n  dates:\n    widget_line_pattern: '{SLOW}'\n")
    # a dateline with a short line beside it: the widget pattern is tried on that line
    Path("a.txt").write_text(
        f"PARIS, 14 March 2023\n\n{'a' * 39}b\n\nThe talks resumed on Monday, officials said.\n"
    )
    result, seconds = timed_check("a.txt")
    assert seconds < 2.5  # the timeline is not computed again by each check that asks
    assert result.exit_code == 2
    assert "a.txt: rule dates: pattern '(a|aa)+c' took over 0.3s" in result.stderr
    assert "internal error" not in result.stderr


def test_a_widget_pattern_that_does_not_compile_is_an_error_at_its_line() -> None:
    Path(".claimlint.yaml").write_text("checks:\n  dates:\n    widget_line_pattern: '(?V1)['\n")
    Path("a.txt").write_text("The talks resumed.\n")
    result = claimlint(["check", "a.txt"])
    assert result.exit_code == 2
    assert ".claimlint.yaml:3: checks.dates.widget_line_pattern: invalid regular" in result.stderr
