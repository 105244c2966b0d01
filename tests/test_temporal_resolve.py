"""What date expressions resolve to, against a reference date."""

from __future__ import annotations

from datetime import date

import pytest

from claimlint.document import Document
from claimlint.temporal import DateExpression, Granularity, expressions_of

TUESDAY = date(2021, 3, 23)


def resolve(text: str, reference: date | None = TUESDAY, index: int = 0) -> DateExpression:
    expressions = expressions_of(Document.from_text(text, date_override=reference))
    assert expressions, f"nothing found in {text!r}"
    return expressions[index]


def iso(text: str, reference: date | None = TUESDAY) -> str | None:
    resolved = resolve(text, reference).resolved
    return resolved.iso() if resolved else None


@pytest.mark.parametrize(
    ("sentence", "expected", "granularity"),
    [
        ("Officials said today that", "2021-03-23", Granularity.DAY),
        ("Officials said yesterday that", "2021-03-22", Granularity.DAY),
        ("They meet tomorrow.", "2021-03-24", Granularity.DAY),
        ("Shots were heard last night.", "2021-03-22", Granularity.DAY),
        ("Prices rose last week.", "2021-03-15/2021-03-21", Granularity.WEEK),
        ("Prices rise next week.", "2021-03-29/2021-04-04", Granularity.WEEK),
        ("Prices rose last month.", "2021-02-01/2021-02-28", Granularity.MONTH),
        ("Prices rise next month.", "2021-04-01/2021-04-30", Granularity.MONTH),
        ("Prices rose last year.", "2020-01-01/2020-12-31", Granularity.YEAR),
        ("Prices rose over the past year.", "2020-03-23/2021-03-23", Granularity.YEAR),
        ("Prices rose earlier this month.", "2021-03-01/2021-03-22", Granularity.MONTH),
        ("Prices will rise later this month.", "2021-03-24/2021-03-31", Granularity.MONTH),
        ("Prices rose late last year.", "2020-01-01/2020-12-31", Granularity.YEAR),
        ("He resigned three days ago.", "2021-03-20", Granularity.DAY),
        ("He resigned two weeks ago.", "2021-03-06/2021-03-12", Granularity.WEEK),
        ("He resigned two months ago.", "2021-01-01/2021-01-31", Granularity.MONTH),
        ("He resigned a year ago.", "2020-01-01/2020-12-31", Granularity.YEAR),
        ("The vote is in three days.", "2021-03-26", Granularity.DAY),
        ("The strike last January killed him.", "2021-01-01/2021-01-31", Granularity.MONTH),
        ("The talks began last June.", "2020-06-01/2020-06-30", Granularity.MONTH),
        ("Talks resume next April.", "2021-04-01/2021-04-30", Granularity.MONTH),
        ("Talks resume next February.", "2022-02-01/2022-02-28", Granularity.MONTH),
        ("Talks resumed this past June.", "2020-06-01/2020-06-30", Granularity.MONTH),
        ("It began in January last year.", "2020-01-01/2020-01-31", Granularity.MONTH),
        ("It will end in June next year.", "2022-06-01/2022-06-30", Granularity.MONTH),
        ("Biden took office in January.", "2021-01-01/2021-01-31", Granularity.MONTH),
        ("The talks began in June.", "2020-06-01/2020-06-30", Granularity.MONTH),
        ("The talks will resume in June.", "2021-06-01/2021-06-30", Granularity.MONTH),
        ("Elections will be held in January.", "2022-01-01/2022-01-31", Granularity.MONTH),
        ("It was signed on March 3.", "2021-03-03", Granularity.DAY),
        ("It was signed on March 23, 2019.", "2019-03-23", Granularity.DAY),
        ("It was signed in May 2019.", "2019-05-01/2019-05-31", Granularity.MONTH),
        ("It was signed in 2019.", "2019-01-01/2019-12-31", Granularity.YEAR),
    ],
)
def test_resolution(sentence: str, expected: str, granularity: Granularity) -> None:
    expression = resolve(sentence)
    assert expression.resolved is not None
    assert expression.resolved.iso() == expected
    assert expression.granularity is granularity


class TestWeekdays:
    def test_the_reference_weekday_is_the_reference_day(self) -> None:
        assert iso("Iraqi officials told the Associated Press, Tuesday.") == "2021-03-23"
        assert iso("Officials will meet on Tuesday.") == "2021-03-23"

    def test_past_tense_takes_the_previous_one(self) -> None:
        assert iso("The ministers met on Friday.") == "2021-03-19"

    def test_future_tense_takes_the_coming_one(self) -> None:
        assert iso("The ministers will meet on Friday.") == "2021-03-26"
        assert iso("The vote is scheduled for Friday.") == "2021-03-26"

    def test_a_plural_schedule_and_an_infinitive_look_ahead(self) -> None:
        assert iso("Talks resume on Friday.") == "2021-03-26"
        assert iso("The parties have said they hope to agree a deal by Friday.") == "2021-03-26"
        assert iso("The envoy returned to Baghdad on Friday.") == "2021-03-19"
        # "to" before a number is a preposition, not an infinitive's
        assert iso("The yield climbed to 4.80% from 4.69% late Friday.") == "2021-03-19"

    def test_an_intention_makes_a_later_month_this_years(self) -> None:
        sentence = (
            "The parties have said they hope to agree a coalition contract by early December."
        )
        assert iso(sentence).startswith("2021-12")

    def test_no_tense_marker_reads_as_past_like_news_copy(self) -> None:
        assert iso("Protests on Sunday drew thousands.") == "2021-03-21"

    def test_last_weekday_in_the_same_week_has_two_readings(self) -> None:
        expression = resolve("They met last Monday.")
        assert expression.resolved is not None
        assert expression.resolved.iso() == "2021-03-22"
        assert [r.iso() for r in expression.alternatives] == ["2021-03-15"]

    def test_last_weekday_in_the_previous_week_has_one_reading(self) -> None:
        expression = resolve("They met last Friday.")
        assert expression.resolved is not None
        assert expression.resolved.iso() == "2021-03-19"
        assert expression.alternatives == ()

    def test_next_weekday(self) -> None:
        expression = resolve("They meet next Friday.")
        assert expression.resolved is not None
        assert expression.resolved.iso() == "2021-03-26"
        assert [r.iso() for r in expression.alternatives] == ["2021-04-02"]
        friday = date(2021, 3, 26)
        expression = resolve("They meet next Monday.", friday)
        assert expression.resolved is not None
        assert expression.resolved.iso() == "2021-03-29"
        assert expression.alternatives == ()

    def test_this_weekday_is_in_the_reference_week(self) -> None:
        assert iso("They meet this Thursday.") == "2021-03-25"
        assert iso("They met this past Tuesday.") == "2021-03-16"


class TestYearBoundaries:
    JAN_5 = date(2021, 1, 5)

    def test_last_december_in_early_january_is_the_previous_year(self) -> None:
        expression = resolve("The law was passed last December.", self.JAN_5)
        assert expression.resolved is not None
        assert expression.resolved.iso() == "2020-12-01/2020-12-31"
        assert expression.alternatives == ()

    def test_last_month_in_january_is_december(self) -> None:
        assert iso("Prices rose last month.", self.JAN_5) == "2020-12-01/2020-12-31"

    def test_month_and_day_without_year_near_new_year(self) -> None:
        assert iso("The law was passed on Dec. 28.", self.JAN_5) == "2020-12-28"
        assert iso("The law takes effect on Jan. 20.", self.JAN_5) == "2021-01-20"

    def test_a_past_december_read_from_january(self) -> None:
        assert iso("The talks began in December.", self.JAN_5) == "2020-12-01/2020-12-31"

    def test_next_january_read_from_december(self) -> None:
        assert iso("Talks resume next January.", date(2020, 12, 10)) == "2021-01-01/2021-01-31"

    def test_last_week_across_the_year_end(self) -> None:
        assert iso("Prices rose last week.", date(2021, 1, 1)) == "2020-12-21/2020-12-27"

    def test_weeks_ago_across_the_month_end(self) -> None:
        assert iso("He resigned two days ago.", date(2021, 3, 1)) == "2021-02-27"


class TestLeapYears:
    def test_a_month_before_march_31_is_february_in_a_leap_year(self) -> None:
        assert iso("He resigned a month ago.", date(2020, 3, 31)) == "2020-02-01/2020-02-29"

    def test_february_29_exists_in_2020_only(self) -> None:
        assert iso("It was signed on February 29, 2020.") == "2020-02-29"
        assert iso("It was signed on February 29, 2021.") is None

    def test_february_29_without_year_takes_the_leap_year(self) -> None:
        assert iso("It was signed on February 29.", date(2020, 3, 10)) == "2020-02-29"

    def test_a_day_ago_on_march_1_of_a_leap_year(self) -> None:
        assert iso("He resigned yesterday.", date(2020, 3, 1)) == "2020-02-29"
        assert iso("He resigned yesterday.", date(2021, 3, 1)) == "2021-02-28"

    def test_last_february_spans_its_leap_day(self) -> None:
        assert iso("Prices rose last month.", date(2024, 3, 5)) == "2024-02-01/2024-02-29"


class TestWithoutReference:
    def test_relative_dates_stay_unresolved(self) -> None:
        expression = resolve("Prices rose last week.", None)
        assert expression.resolved is None
        assert expression.needs_reference

    def test_absolute_dates_still_resolve(self) -> None:
        assert iso("It was signed on March 23, 2019.", None) == "2019-03-23"


def test_the_day_before_counts_from_the_date_before_it() -> None:
    expression = resolve("Police arrived on March 3, 2021. The day before, two men fled.", index=1)
    assert expression.resolved is not None
    assert expression.resolved.iso() == "2021-03-02"
    assert not expression.needs_reference


def test_weekday_with_date_records_whether_they_match() -> None:
    assert resolve("It opened on Tuesday, March 23, 2021.").weekday_matches is True
    assert resolve("It opened on Wednesday, March 23, 2021.").weekday_matches is False


def test_descriptions_name_the_resolution() -> None:
    assert resolve("Talks resume next April.").description == "April 2021"
    assert resolve("They met last Monday.").description == "March 22, 2021"
    assert resolve("Prices rose late last year.").description == "late 2020"
    assert resolve("Prices rose last week.").description == "the week of March 15, 2021"


def test_a_bare_month_takes_the_year_written_before_it_in_its_sentence() -> None:
    expression = resolve("No budget was passed in 2019 after oil prices fell in April.", index=1)
    assert expression.resolved is not None
    assert expression.resolved.iso() == "2019-04-01/2019-04-30"
    assert expression.explicit_year
