"""Dates and ranges in words, as an editor would write them ("April 2021")."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from claimlint.temporal.lexicon import MONTHS, WEEKDAYS
from claimlint.temporal.model import DateRange


def day(value: date, *, weekday: bool = False) -> str:
    text = f"{MONTHS[value.month - 1]} {value.day}, {value.year}"
    return f"{WEEKDAYS[value.weekday()]}, {text}" if weekday else text


def month(value: date) -> str:
    return f"{MONTHS[value.month - 1]} {value.year}"


def span(value: DateRange) -> str:
    """The shortest faithful wording of a range: a day, a month, a year, a week or
    "March 1–22, 2021"."""
    start, end = value.start, value.end
    if start == end:
        return day(start)
    last_of_month = calendar.monthrange(end.year, end.month)[1]
    if start.day == 1 and end.day == last_of_month:
        if (start.year, start.month) == (end.year, end.month):
            return month(start)
        if start.month == 1 and end.month == 12 and start.year == end.year:
            return str(start.year)
        if start.year == end.year:
            return f"{MONTHS[start.month - 1]}–{MONTHS[end.month - 1]} {start.year}"
    if start.weekday() == 0 and end - start == timedelta(days=6):
        return f"the week of {day(start)}"
    if start.year == end.year and start.month == end.month:
        return f"{MONTHS[start.month - 1]} {start.day}–{end.day}, {start.year}"
    if start.year == end.year:
        return f"{MONTHS[start.month - 1]} {start.day} – {MONTHS[end.month - 1]} {end.day}, {start.year}"
    return f"{day(start)} – {day(end)}"


def either(first: DateRange, others: tuple[DateRange, ...]) -> str:
    return " or ".join(span(r) for r in (first, *others))
