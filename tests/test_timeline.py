"""Timeline rules: dates claimed for events against the facts file and the article."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from claimlint.config import Config, ConfigSpec
from claimlint.document import Document
from claimlint.engine import lint_document
from claimlint.facts import FactDate
from claimlint.findings import Finding
from claimlint.ruleset import RuleSet, build_ruleset
from claimlint.temporal import DateRange, Granularity
from claimlint.timeline.compare import agree, fact_range

FACTS = """\
events:
  - {id: quake, title: Aegean earthquake, date: 2020-10-30, cues: [Aegean earthquake, Samos earthquake]}
  - {id: summit, title: Lisbon summit, date: 2021-05, cues: [Lisbon summit]}
  - {id: games, title: Tokyo Olympics, date: 2021, cues: [Tokyo Olympics, Tokyo Games]}
  - {id: vote, title: Scottish independence referendum, date: 2014-09-18, cues: [independence referendum]}
  - {id: visit, title: Pope's visit to Iraq, date: 2021-03-05, cues: [papal visit, visit]}
"""


@pytest.fixture(scope="module")
def ruleset(tmp_path_factory: pytest.TempPathFactory) -> RuleSet:
    folder: Path = tmp_path_factory.mktemp("facts")
    (folder / "facts.yaml").write_text(FACTS, encoding="utf-8")
    return build_ruleset(Config(ConfigSpec(facts=["facts.yaml"]), folder / ".claimlint.yaml"))


def timeline(
    ruleset: RuleSet, text: str, reference: date | None = date(2021, 6, 10)
) -> list[Finding]:
    timeline_ids = [r.id for r in ruleset.rules if r.category == "timeline"]
    doc = Document.from_text(text, date_override=reference)
    findings, problems = lint_document(doc, ruleset.only(timeline_ids))
    assert not problems
    return findings


def flagged(findings: list[Finding], text: str) -> list[str]:
    return [text[f.start : f.end] for f in findings]


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("The Aegean earthquake on October 30, 2020, killed 117 people.", None),
        ("The Aegean earthquake on October 31, 2020, killed 117 people.", "October 31, 2020"),
        ("The Aegean earthquake last October killed 117 people.", None),
        ("The Aegean earthquake in October 2019 killed 117 people.", "October 2019"),
        ("The Aegean earthquake in 2020 killed 117 people.", None),
        ("The Aegean earthquake in 2019 killed 117 people.", "2019"),
        ("Leaders met at the Lisbon summit on May 8, 2021.", None),
        ("Leaders met at the Lisbon summit on June 8, 2021.", "June 8, 2021"),
        ("Leaders met at the Lisbon summit last month.", None),
        ("Leaders met at the Lisbon summit in May.", None),
        ("The Tokyo Olympics, held in July 2021, had no spectators.", None),
        ("The Tokyo Olympics, held in July 2020, had no spectators.", "July 2020"),
    ],
)
def test_contradiction_and_agreement_at_each_precision(
    ruleset: RuleSet, text: str, wrong: str | None
) -> None:
    assert flagged(timeline(ruleset, text), text) == ([wrong] if wrong else [])


def test_message_gives_both_dates_and_the_absolute_wording(ruleset: RuleSet) -> None:
    text = "Survivors of the Samos earthquake last December still live in tents."
    (finding,) = timeline(ruleset, text)
    assert finding.rule == "timeline-contradiction"
    assert finding.message == (
        "'last December' reads as December 2020, but the facts file dates Aegean earthquake "
        "to October 30, 2020; write 'in October 2020'"
    )
    assert finding.fix is not None and not finding.fix.safe
    assert finding.data["event"] == "quake" and finding.data["event_date"] == "2020-10-30"


def test_cue_in_a_neighbouring_sentence_is_not_a_claim(ruleset: RuleSet) -> None:
    text = "The Aegean earthquake destroyed hundreds of homes. In October 2019, a new code took effect."
    assert timeline(ruleset, text) == []


def test_several_events_in_one_sentence_each_date_goes_to_its_nearest_event(
    ruleset: RuleSet,
) -> None:
    text = (
        "Athletes at the Tokyo Olympics in July 2021 remembered the Aegean earthquake "
        "of October 2020 and the independence referendum of September 2015."
    )
    assert flagged(timeline(ruleset, text), text) == ["September 2015"]


@pytest.mark.parametrize(
    "text",
    [
        "Turkey marked the anniversary of the Aegean earthquake on October 30, 2021.",
        "Two weeks after the Aegean earthquake, on November 13, 2020, schools reopened.",
        "Officials said on Tuesday that the Aegean earthquake damage had been repaired.",
        "Since the independence referendum in 2014, the party has grown. It was founded in 1934.",
        "The next Lisbon summit will be held in 2023.",
        "Scientists have studied the Aegean earthquake since 2020.",
    ],
)
def test_dates_of_other_things_in_an_event_sentence_stay_silent(
    ruleset: RuleSet, text: str
) -> None:
    assert timeline(ruleset, text) == []


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        (
            "On the anniversary of the October 31, 2020 Aegean earthquake, candles were lit.",
            "October 31, 2020",
        ),
        ("On the anniversary of the October 30, 2020 Aegean earthquake, candles were lit.", None),
        (
            "On the first anniversary of the Oct. 30, 2019 at least a thousand people mourned the victims of the Aegean earthquake.",
            "Oct. 30, 2019",
        ),
        (
            "On the anniversary of the Oct. 30 rally against the Aegean earthquake response, 2019 was recalled.",
            None,
        ),
    ],
)
def test_a_date_that_names_the_event_an_anniversary_is_of(
    ruleset: RuleSet, text: str, wrong: str | None
) -> None:
    assert flagged(timeline(ruleset, text, date(2021, 11, 1)), text) == ([wrong] if wrong else [])


@pytest.mark.parametrize(
    "text",
    [
        "A rescuer carries a child from the rubble after the Aegean earthquake, November 2, 2020. (File photo)",
        "Crowds gathered in Izmir on October 30, 2021, on the one-year anniversary of the Aegean earthquake.",
        "Rescuers pull a survivor from the ruins after the Aegean earthquake in Izmir, "
        "November 3, 2020. The picture was taken by a resident.",
    ],
)
def test_a_caption_or_commemoration_date_is_not_the_event_date(ruleset: RuleSet, text: str) -> None:
    assert timeline(ruleset, text, date(2021, 11, 1)) == []


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("The Saudi crown prince's visit in May 2019 was short.", None),
        ("Macron's visit on May 3, 2021 was short.", None),
        ("The papal visit in May 2019 was short.", "May 2019"),
    ],
)
def test_a_cue_too_common_to_name_one_event_needs_an_anchor(
    ruleset: RuleSet, text: str, wrong: str | None
) -> None:
    assert flagged(timeline(ruleset, text), text) == ([wrong] if wrong else [])


def test_no_facts_no_facts_check() -> None:
    ruleset = build_ruleset(Config(ConfigSpec()))
    text = "Survivors of the Samos earthquake last December still live in tents."
    assert timeline(ruleset, text) == []


def test_in_article_contradiction_points_at_the_anchor() -> None:
    ruleset = build_ruleset(Config(ConfigSpec()))
    text = (
        "The earthquake struck the island on October 30, 2020, killing 117 people.\n\n"
        "Many survivors of the earthquake last December are still in tents."
    )
    (finding,) = timeline(ruleset, text)
    assert finding.rule == "timeline-self-contradiction"
    assert text[finding.start : finding.end] == "last December"
    assert "'October 30, 2020' (line 1)" in finding.message
    (related,) = finding.related
    assert text[related.start : related.end] == "October 30, 2020"


@pytest.mark.parametrize(
    "second",
    [
        "Many survivors of the earthquake last October are still in tents.",
        "Another earthquake last December caused little damage.",
        "The next earthquake could come at any time, experts said in December.",
        "A year after the earthquake, in October 2021, a memorial will open.",
    ],
)
def test_in_article_agreement_and_other_instances_stay_silent(second: str) -> None:
    ruleset = build_ruleset(Config(ConfigSpec()))
    text = f"The earthquake struck the island on October 30, 2020, killing 117 people.\n\n{second}"
    assert timeline(ruleset, text) == []


def test_two_explicit_dates_mean_two_events() -> None:
    ruleset = build_ruleset(Config(ConfigSpec()))
    text = (
        "The earthquake on October 30, 2020, hit Samos.\n\n"
        "The earthquake on February 6, 2023, hit Turkey.\n\n"
        "Survivors of the earthquake last March still wait."
    )
    assert timeline(ruleset, text, reference=date(2023, 11, 20)) == []


def test_common_nouns_need_a_shared_name() -> None:
    ruleset = build_ruleset(Config(ConfigSpec()))
    base = "The attack on the Kabul airport on August 26, 2021, killed 183 people.\n\n"
    assert (
        timeline(ruleset, base + "The attack last June shocked the city.", date(2022, 3, 1)) == []
    )
    text = base + "The attack at Kabul airport last June shocked the city."
    assert flagged(timeline(ruleset, text, date(2022, 3, 1)), text) == ["last June"]


@pytest.mark.parametrize(
    ("fact", "claimed", "unit", "expected"),
    [
        (
            FactDate(2020, 1, 3),
            DateRange(date(2020, 1, 1), date(2020, 1, 31)),
            Granularity.MONTH,
            True,
        ),
        (
            FactDate(2020, 1, 3),
            DateRange(date(2021, 1, 1), date(2021, 1, 31)),
            Granularity.MONTH,
            False,
        ),
        (FactDate(2020, 6), DateRange.day(date(2020, 6, 30)), Granularity.DAY, True),
        (FactDate(2020), DateRange.day(date(2020, 12, 31)), Granularity.DAY, True),
        (FactDate(2020), DateRange.day(date(2021, 1, 1)), Granularity.DAY, False),
        (
            FactDate(2020, 12, 31),
            DateRange(date(2020, 12, 28), date(2021, 1, 3)),
            Granularity.WEEK,
            True,
        ),
        (
            FactDate(2024, 2, 29),
            DateRange(date(2024, 2, 1), date(2024, 2, 29)),
            Granularity.MONTH,
            True,
        ),
    ],
)
def test_agree_compares_at_the_coarser_precision(
    fact: FactDate, claimed: DateRange, unit: Granularity, expected: bool
) -> None:
    event, event_unit = fact_range(fact)
    assert agree(claimed, unit, event, event_unit) is expected
