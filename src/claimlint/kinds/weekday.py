"""`weekday`: a weekday that does not match its date ("Wednesday, March 23, 2021"),
and dates that do not exist ("February 29, 2021").

A date without its year ("Friday, Jan. 3") is checked in the year the reference date
implies; with no reference date it cannot be checked and is left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from claimlint import temporal
from claimlint.document import Document
from claimlint.findings import Finding
from claimlint.kinds.base import Kind
from claimlint.rule import Rule
from claimlint.temporal import describe
from claimlint.temporal.lexicon import WEEKDAYS


class WeekdayMismatch(Kind):
    name = "weekday"

    def check(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        for expression in temporal.expressions_of(doc):
            if expression.weekday_matches is not False or expression.resolved is None:
                continue
            day = expression.resolved.start
            named = WEEKDAYS[expression.weekday or 0]
            actual = WEEKDAYS[day.weekday()]
            yield rule.finding(
                expression.start,
                expression.end,
                {
                    "text": expression.text,
                    "date": describe.day(day),
                    "named": named,
                    "actual": actual,
                },
                data={
                    "resolved": day.isoformat(),
                    "granularity": "day",
                    "suggestion": f"{describe.day(day, weekday=True)}, or the date meant for {named}",
                },
            )


class ImpossibleDate(Kind):
    name = "impossible-date"

    def check(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        for expression in temporal.expressions_of(doc):
            if expression.explicit_year and expression.resolved is None:
                yield rule.finding(expression.start, expression.end, {"text": expression.text})
