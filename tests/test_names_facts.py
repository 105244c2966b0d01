"""`name-variant` with a facts file: known misspellings and non-canonical spellings."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimlint.config import load_config
from claimlint.findings import Finding, Level
from claimlint.ruleset import RuleSet, build_ruleset
from tests.conftest import ARTICLES, run_rules

REPO = Path(__file__).resolve().parents[1]
SEED = (ARTICLES / "000_09f3789a519224e6.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_rules() -> RuleSet:
    return build_ruleset(load_config(REPO / "seeds" / ".claimlint.yaml"))


def names(ruleset: RuleSet, text: str) -> list[Finding]:
    return run_rules(ruleset, text, only=["name-variant", "name-unlisted-spelling"])


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def test_seed_with_facts(seed_rules: RuleSet) -> None:
    found = {
        (
            line_of(SEED, f.start),
            SEED[f.start : f.end],
            f.level,
            f.fix.replacement if f.fix else None,
        )
        for f in names(seed_rules, SEED)
    }
    assert found == {
        (3, "Jane Saki", Level.ERROR, "Jen Psaki"),
        (7, "Mustafa Al-Kazemi", Level.WARNING, "Mustafa al-Kadhimi"),
        (11, "Sacchi", Level.ERROR, "Psaki"),
        (17, "Sacchi", Level.ERROR, "Psaki"),
        (29, "Mustafa Al-Kazemi", Level.WARNING, "Mustafa al-Kadhimi"),
    }


def test_known_misspelling_has_a_safe_fix(seed_rules: RuleSet) -> None:
    text = "The White House press secretary, Jane Saki, said on Monday that talks would resume."
    (finding,) = names(seed_rules, text)
    assert text[finding.start : finding.end] == "Jane Saki"
    assert finding.level is Level.ERROR
    assert finding.fix is not None
    assert (finding.fix.replacement, finding.fix.safe) == ("Jen Psaki", True)
    assert "known misspelling of Jen Psaki" in finding.message


def test_close_unlisted_spelling_is_a_warning_with_an_unsafe_fix(seed_rules: RuleSet) -> None:
    text = "Crowds carried pictures of the commander, Qassem Suleimani, through Baghdad."
    (finding,) = names(seed_rules, text)
    assert text[finding.start : finding.end] == "Qassem Suleimani"
    assert finding.level is Level.WARNING
    assert finding.fix is not None
    assert (finding.fix.replacement, finding.fix.safe) == ("Qassem Soleimani", False)


def test_surname_only_gets_the_canonical_surname(seed_rules: RuleSet) -> None:
    text = "Iraqi Prime Minister Mustafa al-Kadhimi spoke. Kazemi said the visit went well."
    (finding,) = names(seed_rules, text)
    assert text[finding.start : finding.end] == "Kazemi"
    assert finding.fix is not None and finding.fix.replacement == "al-Kadhimi"


@pytest.mark.parametrize(
    "text",
    [
        "White House press secretary Jen Psaki said on Monday that Psaki's briefing was over.",
        "Iraqi Prime Minister Mustafa al-Kadhimi met President Joe Biden. Kadhimi said so.",
        "President Joe Biden said his son, Hunter Biden, would attend. Biden left on Friday.",
        "Former President Donald Trump and President Harry Truman were compared, Trump said.",
    ],
)
def test_accepted_spellings_and_other_people_are_silent(seed_rules: RuleSet, text: str) -> None:
    assert names(seed_rules, text) == []


def test_facts_spelling_is_the_reference_for_in_article_groups(seed_rules: RuleSet) -> None:
    # Kazemi is in the majority, but the facts file accepts Kadhimi: Kazemi is reported.
    text = (
        "Prime Minister Mustafa Al-Kazemi arrived. Kazemi said the talks went well. "
        "Kazemi added more. Kadhimi left on Friday."
    )
    flagged = {text[f.start : f.end] for f in names(seed_rules, text)}
    assert "Kadhimi" not in flagged
    assert {"Mustafa Al-Kazemi", "Kazemi"} <= flagged


def test_use_facts_can_be_switched_off(tmp_path: Path) -> None:
    (tmp_path / "facts.yaml").write_text((REPO / "seeds" / "facts.yaml").read_text())
    (tmp_path / ".claimlint.yaml").write_text(
        "facts: [facts.yaml]\nchecks:\n  names: {use_facts: false}\n"
    )
    ruleset = build_ruleset(load_config(tmp_path / ".claimlint.yaml"))
    text = "The White House press secretary, Jane Saki, said on Monday that talks would resume."
    assert run_rules(ruleset, text, only=["name-variant", "name-unlisted-spelling"]) == []
