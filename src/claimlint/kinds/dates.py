"""Kinds over the temporal layer: relative dates with their resolution, ambiguous
dates, and the one note for an article with no date at all.

- `relative-dates` reports each resolved relative date ("'last June' = June 2020"),
  leaving out by default the ones `ambiguous-dates` reports (one finding per date).
- `ambiguous-dates` reports the forms a reader may take two ways and the months a
  news editor wants with their year:
  `last-month` "last January" when January of the reference year and of the year
  before are both possible; `next-month` the same for "next April" (off by default:
  "next April" in March is the coming April in news use); `past-year-month` a month
  without its year that falls in a year before the reference year ("last June" in
  March 2021; a coming month of next year, "in January" written in November, is
  how news copy speaks and is left alone); `last-next-weekday` "next Friday" when this week's and next week's Friday
  are both possible.
- `undated` reports once, at the first relative date, that the article has no
  reference date, instead of one finding per unresolvable expression.

Every finding carries `resolution` (words), `resolved` (ISO date or interval) and
`granularity` in `Finding.data`, so the JSON report has them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from claimlint import temporal
from claimlint.document import Document
from claimlint.findings import Finding, Related
from claimlint.kinds.base import Kind, KindContext, Options
from claimlint.rule import Rule
from claimlint.temporal import DateExpression, Form, Reference, describe

Check = Literal["last-month", "next-month", "past-year-month", "last-next-weekday"]
DEFAULT_CHECKS: tuple[Check, ...] = ("last-month", "past-year-month", "last-next-weekday")

_MONTH_FORMS = frozenset({Form.MONTH, Form.LAST_NEXT_MONTH_NAME, Form.THIS_MONTH_NAME})


def resolution_data(expression: DateExpression) -> dict[str, Any]:
    """The extra fields of a date finding: the resolution in words and in ISO form."""
    data: dict[str, Any] = {
        "resolution": f"'{expression.text}' = {expression.description}",
        "resolved": expression.resolved.iso() if expression.resolved else None,
        "granularity": str(expression.granularity),
    }
    if expression.alternatives:
        data["alternatives"] = [r.iso() for r in expression.alternatives]
    return data


def problem(
    expression: DateExpression, reference: Reference, checks: tuple[Check, ...]
) -> str | None:
    """Why an expression needs an editor's eye, in words, or None."""
    resolved = expression.resolved
    if resolved is None or not expression.relative:
        return None
    form = expression.form
    mod = expression.text.split()[0].lower()
    if form is Form.LAST_NEXT_MONTH_NAME and expression.alternatives:
        wanted: Check = "last-month" if mod == "last" else "next-month"
        if wanted in checks:
            readings = describe.either(resolved, expression.alternatives)
            return f"may mean {readings}; write the month with its year"
    if form is Form.LAST_NEXT_WEEKDAY and expression.alternatives and "last-next-weekday" in checks:
        readings = describe.either(resolved, expression.alternatives)
        return f"may mean {readings}; name the day with its date"
    if (
        form in _MONTH_FORMS
        and "past-year-month" in checks
        and resolved.start.year < reference.date.year
        and not expression.explicit_year
    ):
        return (
            f"= {expression.description}, a year before the article's, "
            f"but the year is not written; write '{expression.description}'"
        )
    return None


def anchoring(reference: Reference) -> tuple[Related, ...]:
    """The reference date's location as a secondary location, when it is in the text."""
    if reference.start is None or reference.end is None:
        return ()
    message = f"reference date {reference.date.isoformat()}, from the {reference.label}"
    return (Related(reference.start, reference.end, message),)


class RelativeDatesOptions(Options, frozen=True):
    #: leave out the dates that an `ambiguous-dates` rule with these checks reports
    skip_checks: tuple[Check, ...] = DEFAULT_CHECKS


class RelativeDates(Kind):
    name = "relative-dates"
    options_type = RelativeDatesOptions

    def __init__(self, options: Any, context: KindContext) -> None:
        super().__init__(options, context)
        self.skip: tuple[Check, ...] = tuple(options.skip_checks)

    def check(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        reference = temporal.reference_of(doc)
        for expression in temporal.expressions_of(doc):
            if not expression.relative or expression.resolved is None:
                continue
            if reference is not None and problem(expression, reference, self.skip):
                continue
            yield rule.finding(
                expression.start,
                expression.end,
                {"text": expression.text, "resolution": expression.description},
                data=resolution_data(expression),
            )


class AmbiguousDatesOptions(Options, frozen=True):
    checks: tuple[Check, ...] = DEFAULT_CHECKS


class AmbiguousDates(Kind):
    name = "ambiguous-dates"
    options_type = AmbiguousDatesOptions

    def __init__(self, options: Any, context: KindContext) -> None:
        super().__init__(options, context)
        self.checks: tuple[Check, ...] = tuple(options.checks)

    def check(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        reference = temporal.reference_of(doc)
        if reference is None:
            return
        for expression in temporal.expressions_of(doc):
            why = problem(expression, reference, self.checks)
            if why is None:
                continue
            data = resolution_data(expression)
            data["suggestion"] = _suggestion(expression)
            yield rule.finding(
                expression.start,
                expression.end,
                {"text": expression.text, "problem": why, "resolution": expression.description},
                data=data,
                related=anchoring(reference),
            )


def _suggestion(expression: DateExpression) -> str:
    readings = [expression.resolved, *expression.alternatives]
    return " or ".join(f"'{describe.span(r)}'" for r in readings if r is not None)


class UndatedOptions(Options, frozen=True):
    #: how many of the unresolved expressions the message quotes
    quote: int = 3


class Undated(Kind):
    name = "undated"
    options_type = UndatedOptions

    def check(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        if temporal.reference_of(doc) is not None:
            return
        pending = [e for e in temporal.expressions_of(doc) if e.needs_reference]
        if not pending:
            return
        quote: int = self.options.quote  # type: ignore[attr-defined]
        examples = ", ".join(f"'{e.text}'" for e in pending[:quote])
        more = ", …" if len(pending) > quote else ""
        first = pending[0]
        yield rule.finding(
            first.start,
            first.end,
            {"count": len(pending), "examples": examples + more, "text": first.text},
            data={"unresolved": [e.text for e in pending]},
        )
