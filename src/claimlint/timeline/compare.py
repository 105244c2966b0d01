"""Do two dates agree? Each is widened to the coarser of the two granularities, then
the ranges must overlap: "last January" (a month) agrees with 3 January 2020 (a day)
only if it is January 2020; "in 2020" agrees with any day of 2020."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from claimlint.facts import FactDate
from claimlint.temporal import DateRange, Granularity

_ORDER = {Granularity.DAY: 0, Granularity.WEEK: 1, Granularity.MONTH: 2, Granularity.YEAR: 3}


def fact_range(value: FactDate) -> tuple[DateRange, Granularity]:
    """A facts-file date as a range of days and its granularity."""
    if value.month is None:
        return DateRange(date(value.year, 1, 1), date(value.year, 12, 31)), Granularity.YEAR
    if value.day is None:
        last = calendar.monthrange(value.year, value.month)[1]
        return (
            DateRange(date(value.year, value.month, 1), date(value.year, value.month, last)),
            Granularity.MONTH,
        )
    day = date(value.year, value.month, value.day)
    return DateRange(day, day), Granularity.DAY


def coarser(a: Granularity, b: Granularity) -> Granularity:
    return a if _ORDER[a] >= _ORDER[b] else b


def widen(value: DateRange, granularity: Granularity) -> DateRange:
    """The smallest range of whole units (weeks, months, years) that holds `value`."""
    start, end = value.start, value.end
    if granularity is Granularity.WEEK:
        return DateRange(
            start - timedelta(days=start.weekday()), end + timedelta(days=6 - end.weekday())
        )
    if granularity is Granularity.MONTH:
        last = calendar.monthrange(end.year, end.month)[1]
        return DateRange(start.replace(day=1), end.replace(day=last))
    if granularity is Granularity.YEAR:
        return DateRange(date(start.year, 1, 1), date(end.year, 12, 31))
    return value


def agree(a: DateRange, a_unit: Granularity, b: DateRange, b_unit: Granularity) -> bool:
    unit = coarser(a_unit, b_unit)
    return widen(a, unit).overlaps(widen(b, unit))
