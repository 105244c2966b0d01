"""What the temporal layer produces: date ranges, expressions and the reference date."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

import msgspec


class Granularity(StrEnum):
    """How precise an expression is. A week is seven days (Monday to Sunday for
    calendar weeks), coarser than a day and finer than a month."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class DateRange(msgspec.Struct, frozen=True):
    """An inclusive range of days: a single day has `start == end`."""

    start: date
    end: date

    @classmethod
    def day(cls, value: date) -> DateRange:
        return cls(value, value)

    def iso(self) -> str:
        """ISO 8601: a date, or an interval "start/end"."""
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    def overlaps(self, other: DateRange) -> bool:
        return self.start <= other.end and other.start <= self.end


class Form(StrEnum):
    """The shape of an expression, which decides how it resolves and what may be wrong."""

    FULL_DATE = "full-date"  # March 23, 2021 / 23 March 2021 / 2021-03-23
    MONTH_DAY = "month-day"  # March 23, Jan. 3 (year implied)
    MONTH_YEAR = "month-year"  # March 2021
    YEAR = "year"  # in 2020
    MONTH = "month"  # in January (year implied)
    DEICTIC_DAY = "deictic-day"  # today, yesterday, tomorrow, last night
    WEEKDAY = "weekday"  # on Tuesday (week implied)
    LAST_NEXT_WEEKDAY = "last-next-weekday"  # last Friday, next Monday
    THIS_WEEKDAY = "this-weekday"  # this Friday
    LAST_NEXT_MONTH_NAME = "last-next-month-name"  # last January, next April
    THIS_MONTH_NAME = "this-month-name"  # this April
    MONTH_OF_RELATIVE_YEAR = "month-of-relative-year"  # January last year
    RELATIVE_UNIT = "relative-unit"  # last week, this month, next year, the past year
    PART_OF_UNIT = "part-of-unit"  # earlier this month, late last year
    AGO = "ago"  # two weeks ago, in three days
    NEIGHBOUR_DAY = "neighbour-day"  # the day before, the next day


class DateExpression(msgspec.Struct, frozen=True):
    """One date expression of a document, resolved where it can be.

    `start`/`end` are offsets into `Document.text`; `text` is the expression as
    written (without a leading preposition). `relative` is true when the text alone
    does not fix the date (a relative word, or an implied year or week); such an
    expression is resolved against the reference date, or for "the day before"
    against the day-precise expression before it. `resolved` is
    None when that was impossible. `alternatives` are other readings the words
    allow ("last January" in March 2021: January 2020 besides January 2021).
    `weekday` is the weekday the text names (0 = Monday), if any, and
    `weekday_matches` says whether it agrees with the resolved day (None when
    there is nothing to compare).
    """

    start: int
    end: int
    text: str
    form: Form
    relative: bool
    granularity: Granularity
    resolved: DateRange | None
    description: str = ""
    alternatives: tuple[DateRange, ...] = ()
    explicit_year: bool = False
    weekday: int | None = None
    weekday_matches: bool | None = None
    needs_reference: bool = False


class Reference(msgspec.Struct, frozen=True):
    """The date an article's relative dates are read against, and where it came from.

    `source` is "option" (--date), "front-matter" or "dateline"; `label` says it in
    words ("dateline 'Tuesday, March 23, 2021'"); `start`/`end` locate it in
    `Document.text` (None for --date).
    """

    date: date
    source: str
    label: str
    start: int | None = None
    end: int | None = None
