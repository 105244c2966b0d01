"""The dates rules as an editor meets them: levels, messages, resolutions, silence."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimlint.cli import app
from claimlint.findings import Finding, Level
from tests.conftest import ARTICLES, Lint

DATE_RULES = (
    "relative-date",
    "ambiguous-date",
    "weekday-mismatch",
    "impossible-date",
    "undated-article",
)
SEED = ARTICLES / "000_09f3789a519224e6.txt"
TUESDAY = date(2021, 3, 23)


def dated(lint: Lint, text: str, reference: date | None = TUESDAY) -> list[Finding]:
    return lint(text, *DATE_RULES, reference_date=reference)


def at(findings: list[Finding], text: str, source: str) -> list[Finding]:
    start = source.index(text)
    return [f for f in findings if f.start < start + len(text) and start < f.end]


class TestSeed:
    text = SEED.read_text(encoding="utf-8")

    def test_next_april_is_info_with_its_resolution(self, lint: Lint) -> None:
        (finding,) = at(dated(lint, self.text, None), "Next April", self.text)
        assert finding.level is Level.INFO
        assert finding.data["resolution"] == "'Next April' = April 2021"
        assert finding.data["resolved"] == "2021-04-01/2021-04-30"
        assert finding.data["granularity"] == "month"

    def test_last_january_is_ambiguous(self, lint: Lint) -> None:
        (finding,) = at(dated(lint, self.text, None), "last January", self.text)
        assert finding.level is Level.WARNING
        assert "January 2021 or January 2020" in finding.message
        assert finding.related and "dateline" in finding.related[0].message

    def test_last_june_wants_its_year(self, lint: Lint) -> None:
        (finding,) = at(dated(lint, self.text, None), "last June", self.text)
        assert finding.level is Level.WARNING
        assert finding.data["resolved"] == "2020-06-01/2020-06-30"
        assert "June 2020" in finding.message

    def test_quiet_where_nothing_is_wrong(self, lint: Lint) -> None:
        findings = dated(lint, self.text, None)
        for text in ("Tuesday, March 23, 2021", "Associated Press, Tuesday", "office in January"):
            assert all(f.level is Level.INFO for f in at(findings, text, self.text)), text
        assert not at(findings, "Tuesday, March 23, 2021", self.text)


class TestLevels:
    def test_each_relative_date_once(self, lint: Lint) -> None:
        findings = dated(lint, "The strike last January killed him, officials said last week.")
        assert [(f.rule, f.level) for f in findings] == [
            ("ambiguous-date", Level.WARNING),
            ("relative-date", Level.INFO),
        ]

    def test_last_december_in_january(self, lint: Lint) -> None:
        (finding,) = dated(lint, "The law was passed last December.", date(2021, 1, 5))
        assert finding.level is Level.WARNING
        assert finding.data["resolved"] == "2020-12-01/2020-12-31"

    def test_next_friday_in_the_same_week_is_ambiguous(self, lint: Lint) -> None:
        (finding,) = dated(lint, "The vote is set for next Friday.")
        assert finding.level is Level.WARNING
        assert "March 26, 2021 or April 2, 2021" in finding.message

    def test_a_month_of_a_past_year_wants_its_year(self, lint: Lint) -> None:
        (finding,) = dated(lint, "The talks began in June.")
        assert finding.level is Level.WARNING
        assert "June 2020" in finding.message

    def test_a_year_after_since_lends_no_month_its_year(self, lint: Lint) -> None:
        text = "He has served in the senate since 1987, and will face re-election in November."
        (finding,) = [f for f in dated(lint, text) if f.data.get("resolved")]
        assert finding.data["resolved"] == "2021-11-01/2021-11-30"
        text = "Sales fell in 2019, with the worst month in June."
        (finding,) = [f for f in dated(lint, text) if "June" in f.message]
        assert finding.data["resolved"] == "2019-06-01/2019-06-30"

    def test_a_coming_month_of_next_year_is_info(self, lint: Lint) -> None:
        (finding,) = dated(lint, "Elections will be held in January.")
        assert finding.level is Level.INFO
        assert finding.message == "'January' = January 2022"

    def test_bare_weekdays_are_info(self, lint: Lint) -> None:
        findings = dated(lint, "The ministers met on Friday and will meet again on Monday.")
        assert [(f.level, f.data["resolved"]) for f in findings] == [
            (Level.INFO, "2021-03-19"),
            (Level.INFO, "2021-03-29"),
        ]


PAST_FRIDAY, PAST_SATURDAY, COMING_FRIDAY = "2021-03-19", "2021-03-20", "2021-03-26"

#: (sentence, where its bare weekday points), said on Tuesday, March 23, 2021
TENSE_CASES = [
    # a short past the "-ed" test misses, and irregular pasts
    ("The first woman ever to win the race, she died Friday at her home.", PAST_FRIDAY),
    *[
        (f"Hoping to gain ground, the rebels {verb} back on Saturday.", PAST_SATURDAY)
        for verb in ("drew", "flew", "withdrew", "underwent", "shot")
    ],
    # a full stop after an abbreviation or a time of day ends no sentence
    ("He will lie in state in the U.S. Capitol building on Friday.", COMING_FRIDAY),
    ("The plan will go to Sen. Alvarez and the committee on Friday.", COMING_FRIDAY),
    ("The court will hear from Gov. Ruiz and then rule on Friday.", COMING_FRIDAY),
    ("The hearing will begin at 10 a.m. on Friday in the main chamber.", COMING_FRIDAY),
    # "to" before a place or a plural noun is a preposition; before a verb, ahead
    ("A fire forced the ferry back to port on Saturday.", PAST_SATURDAY),
    ("The bill, sent to parliament on Monday, was passed.", "2021-03-22"),
    ("The mayor spoke to reporters on Monday.", "2021-03-22"),
    ("The ministers are due to discuss the plan on Friday.", COMING_FRIDAY),
    # what was tried or begun lies in its verb's time; what was agreed is ahead
    (
        "The mayor was forced out after failing to win enough support at Saturday's sitting.",
        PAST_SATURDAY,
    ),
    ("Flood waters began to recede on Thursday, officials said.", "2021-03-18"),
    ("He said he had to appear in court on Friday.", COMING_FRIDAY),
    ("The talks broke up, and the two sides agreed to meet again on Friday.", COMING_FRIDAY),
    # a full stop after a word still ends the sentence: "will" stays in the first one
    ("Talks will resume in May. Negotiators met on Friday.", PAST_FRIDAY),
]


@pytest.mark.parametrize(("text", "day"), TENSE_CASES)
def test_a_bare_weekday_points_the_way_its_verbs_do(lint: Lint, text: str, day: str) -> None:
    resolved = [f.data["resolved"] for f in dated(lint, text) if f.rule == "relative-date"]
    weekdays = [r for r in resolved if "/" not in r]  # "in May" resolves to a month
    assert weekdays == [day]


class TestTitles:
    def test_a_title_case_programme_inside_a_sentence_is_no_date(self, lint: Lint) -> None:
        text = "The senator told ABC's This Week that the vote would pass."
        assert dated(lint, text) == []

    def test_this_week_at_a_sentence_start_is_a_date(self, lint: Lint) -> None:
        findings = dated(lint, "Talks stalled. This Week the ministers meet again.")
        assert [f.data["resolved"] for f in findings] == ["2021-03-22/2021-03-28"]


class TestWeekdayMismatch:
    def test_a_headline_weekday_and_the_date_line_under_it_are_not_one_date(
        self, lint: Lint
    ) -> None:
        text = "Court hearing set for Thursday\n\nFeb. 19, 2021 (UPI) -- The court met.\n"
        assert not [f for f in dated(lint, text) if f.rule == "weekday-mismatch"]
        wrapped = "The court met on Thursday\nFeb. 19, 2021, to hear the case.\n"
        assert [f.rule for f in dated(lint, wrapped)] == ["weekday-mismatch"]

    def test_wrong_weekday_is_an_error(self, lint: Lint) -> None:
        (finding,) = dated(lint, "The ministry announced, Wednesday, March 23, 2021, that", None)
        assert finding.rule == "weekday-mismatch"
        assert finding.level is Level.ERROR
        assert finding.message == (
            "'Wednesday, March 23, 2021': March 23, 2021 is a Tuesday, not a Wednesday"
        )

    def test_wrong_weekday_in_a_dateline_is_still_the_reference(self, lint: Lint) -> None:
        text = "Wednesday, March 23, 2021\n\nThe minister resigned yesterday."
        findings = dated(lint, text, None)
        assert [f.rule for f in findings] == ["weekday-mismatch", "relative-date"]
        assert findings[1].data["resolved"] == "2021-03-22"

    def test_date_without_year_is_checked_in_the_implied_year(self, lint: Lint) -> None:
        findings = dated(lint, "The meeting on Friday, Jan. 3, was cancelled.")
        (finding,) = [f for f in findings if f.level is Level.ERROR]
        assert finding.rule == "weekday-mismatch"
        assert "January 3, 2021 is a Sunday" in finding.message

    def test_right_weekdays_are_silent(self, lint: Lint) -> None:
        text = "Votes were cast on Sunday, Feb. 28, 2021, and on Monday 1 March 2021."
        assert dated(lint, text) == []

    def test_impossible_date(self, lint: Lint) -> None:
        (finding,) = dated(lint, "The deal was signed on February 29, 2021.")
        assert finding.rule == "impossible-date"


class TestUndated:
    def test_one_finding_for_the_article(self, lint: Lint) -> None:
        text = "The minister resigned last week.\n\nOfficials said on Tuesday that talks begin next month."
        (finding,) = dated(lint, text, None)
        assert finding.rule == "undated-article"
        assert finding.level is Level.INFO
        assert "3 relative date(s)" in finding.message
        assert text[finding.start : finding.end] == "last week"

    def test_absolute_dates_need_no_reference(self, lint: Lint) -> None:
        assert dated(lint, "The deal was signed on March 3, 2021, in Baghdad.", None) == []


def test_clean_wire_copy_gets_no_warnings(lint: Lint) -> None:
    text = (
        "BAGHDAD, March 23, 2021 — Iraq's prime minister said on Tuesday that talks with "
        "the United States would resume in April, a year after they began in June 2020. "
        "The Sunday Times reported that the March 2020 deal may be revised. "
        "Officials meet every Friday, and Black Friday sales were down in November 2020. "
        "The strike on Jan. 3, 2020, killed Qassem Soleimani. Biden took office in January."
    )
    findings = dated(lint, text, None)
    assert [f for f in findings if f.level > Level.INFO] == []


def test_json_output_carries_the_resolution_and_the_reference(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Tuesday, March 23, 2021\n\nThe talks began last June.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--format", "json", "--isolated", str(article)])
    payload = json.loads(result.stdout)
    (finding,) = [f for f in payload["findings"] if f["category"] == "dates"]
    assert finding["resolved"] == "2020-06-01/2020-06-30"
    assert finding["granularity"] == "month"
    assert finding["resolution"] == "'last June' = June 2020"
    meta = payload["files"][str(article)]
    assert meta["reference_date"] == "2021-03-23"
    assert meta["reference_source"] == "dateline"


def test_text_report_names_the_reference_date_once(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "Tuesday, March 23, 2021\n\nTalks began last June and last May.\n", encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["check", "--isolated", "--date", "2021-03-24", str(article)])
    assert result.stdout.count("reference date 2021-03-24 from --date") == 1
