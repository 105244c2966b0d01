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


def test_the_built_in_packs_own_check_patterns_run_without_a_limit() -> None:
    from claimlint.config import DEFAULT
    from claimlint.ruleset import build_ruleset

    (debris,) = [c for c in build_ruleset(DEFAULT).checks if c.name == "debris"]
    assert patterns.is_trusted(debris.furniture._whole)  # type: ignore[attr-defined]
    assert patterns.is_trusted(debris.any_glued)  # type: ignore[attr-defined]


def test_a_check_whose_options_a_config_extends_keeps_the_limit_on_all_its_patterns() -> None:
    from claimlint.config import ConfigResolver
    from claimlint.ruleset import build_ruleset

    Path(".claimlint.yaml").write_text(
        "checks:\n  debris:\n    extend_furniture:\n"
        "      - {rule: scraped-link-label, patterns: ['zz top only']}\n"
    )
    ruleset = build_ruleset(ConfigResolver(None).for_path("a.txt"))
    (debris,) = [c for c in ruleset.checks if c.name == "debris"]
    assert not patterns.is_trusted(debris.furniture._whole)  # type: ignore[attr-defined]


def test_a_pattern_made_of_a_facts_files_phrases_is_never_trusted() -> None:
    with patterns.trusting():
        built = patterns.phrase_pattern(["Qasem Soleimani"], "cues", ignorecase=True)
        own = patterns.compile_pattern(r"a\s+test\s+of\s+trust", "pattern")
    assert not patterns.is_trusted(built)
    assert patterns.is_trusted(own)


def test_each_check_reads_only_the_options_it_declares() -> None:
    """A check's patterns are trusted only when the options it reads (its own and
    `reads_options`) all come from the built-in packs: an undeclared read would let a
    config's pattern run without a limit."""
    from collections.abc import Iterator, Mapping
    from typing import Any

    from claimlint.checks import check_class, check_names
    from claimlint.checks.base import CheckContext
    from claimlint.config import DEFAULT
    from claimlint.ruleset import build_ruleset

    built = build_ruleset(DEFAULT).context.options
    assert built is not None

    class Recording(Mapping[str, Any]):
        def __init__(self) -> None:
            self.read: set[str] = set()

        def __getitem__(self, key: str) -> Any:
            self.read.add(key)
            return built[key]

        def __iter__(self) -> Iterator[str]:
            return iter(built)

        def __len__(self) -> int:
            return len(built)

    for name in check_names():
        cls = check_class(name)
        assert cls is not None
        options = Recording()
        cls(built[name], CheckContext(options=options))
        assert options.read <= set(cls.reads_options), name
