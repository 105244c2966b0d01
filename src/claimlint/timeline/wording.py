"""How a timeline finding words dates and its suggested replacement."""

from __future__ import annotations

from claimlint import regex_cache
from claimlint.facts import FactDate
from claimlint.temporal import DateExpression, Form, Granularity, describe
from claimlint.temporal.lexicon import MONTHS
from claimlint.timeline.compare import coarser, fact_range

_NEEDS_PREPOSITION = frozenset(
    {
        Form.LAST_NEXT_MONTH_NAME,
        Form.THIS_MONTH_NAME,
        Form.MONTH_OF_RELATIVE_YEAR,
        Form.RELATIVE_UNIT,
        Form.LAST_NEXT_WEEKDAY,
        Form.THIS_WEEKDAY,
        Form.DEICTIC_DAY,
        Form.AGO,
    }
)
_PREPOSITION_BEFORE = regex_cache.re_compile(r"(?i)\b(?:in|on|of|during|since|from|by)\s*$")


def fact_date(value: FactDate) -> str:
    """A facts-file date in words at its own precision ("January 3, 2020", "June 2020")."""
    first = value.first_day()
    if value.precision == "day":
        return describe.day(first)
    if value.precision == "month":
        return describe.month(first)
    return str(value.year)


def day_and_month(value: FactDate) -> str | None:
    """A facts-file date as a day and month ("May 14"), when it is known to the day."""
    if value.precision != "day":
        return None
    first = value.first_day()
    return f"{MONTHS[first.month - 1]} {first.day}"


def suggestion(expression: DateExpression, event: FactDate, text_before: str) -> str:
    """The event's date worded at the precision the text used (never finer than known)."""
    _, event_unit = fact_range(event)
    written = (
        Granularity.DAY if expression.granularity is Granularity.WEEK else expression.granularity
    )
    unit = coarser(written, event_unit)
    first = event.first_day()
    if unit is Granularity.DAY:
        words, preposition = describe.day(first), "on"
    elif unit is Granularity.MONTH:
        words, preposition = describe.month(first), "in"
    else:
        words, preposition = str(first.year), "in"
    if expression.form in _NEEDS_PREPOSITION and not _PREPOSITION_BEFORE.search(text_before):
        return f"{preposition} {words}"
    return words


def claim(expression: DateExpression, claimed: str) -> str:
    """How the text's date reads: "'last January' reads as January 2021", or "'April 2020'"."""
    if expression.relative and claimed != expression.text:
        return f"'{expression.text}' reads as {claimed}"
    return f"'{expression.text}'"
