"""Does a date bound to an event agree with the facts file? Each shape is read as copy
writes it:

- a day and month without a year ("killed on May 14", "the Jan. 6 riot") is how copy
  names an event's day: only day and month are compared;
- "three years ago" is a distance: it agrees when the years from the event to the
  article's date are within `years_tolerance` of three;
- anything else is compared at the coarser precision of the two (`compare.agree`);
- a day given with "night", "overnight", "evening" or "early hours" beside it may be a
  day off (a Baghdad strike is "Thursday night" in Washington).
"""

from __future__ import annotations

from datetime import date, timedelta

from claimlint import regex_cache
from claimlint.facts import FactDate
from claimlint.temporal import DateExpression, DateRange, Form, Granularity
from claimlint.temporal.lexicon import number
from claimlint.timeline.compare import agree, fact_range

_NIGHT = regex_cache.re_compile(r"(?i)\b(?:night|overnight|evening|early\s+hours|late)\b")
_DAYS_PER_YEAR = 365.2425


def years_between(earlier: date, later: date) -> float:
    return (later - earlier).days / _DAYS_PER_YEAR


def day_month_only(expression: DateExpression) -> bool:
    return expression.form is Form.MONTH_DAY and not expression.explicit_year


def years_ago(expression: DateExpression) -> int | None:
    """N of "N years ago" (None for other shapes)."""
    if expression.form is not Form.AGO or expression.granularity is not Granularity.YEAR:
        return None
    return number(expression.text.split()[0])


def agrees(
    expression: DateExpression,
    event: FactDate,
    reference: date | None,
    text_around: str,
    years_tolerance: float,
) -> bool:
    resolved = expression.resolved
    assert resolved is not None
    count = years_ago(expression)
    if count is not None and reference is not None:
        return within_years(count, event, reference, years_tolerance)
    if day_month_only(expression):
        return _same_day_of_year(resolved.start, event, _NIGHT.search(text_around) is not None)
    event_range, unit = fact_range(event)
    if agree(resolved, expression.granularity, event_range, unit):
        return True
    if expression.granularity is Granularity.DAY and _NIGHT.search(text_around):
        wider = DateRange(resolved.start - timedelta(days=1), resolved.end + timedelta(days=1))
        return agree(wider, Granularity.DAY, event_range, unit)
    return False


def within_years(count: float, event: FactDate, when: date, tolerance: float) -> bool:
    """Whether `count` years is how long before `when` the event was."""
    low = years_between(event.last_day(), when)
    high = years_between(event.first_day(), when)
    return low - tolerance < count < high + tolerance


def _same_day_of_year(day: date, event: FactDate, night: bool) -> bool:
    if event.month is None:
        return True
    if event.day is None:
        return day.month == event.month
    if (day.month, day.day) == (event.month, event.day):
        return True
    if not night:
        return False
    return any(
        (d.month, d.day) == (event.month, event.day)
        for d in (day - timedelta(days=1), day + timedelta(days=1))
    )
