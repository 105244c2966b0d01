"""`dates`: relative dates resolved against the article's date, and what is wrong with
dates: ambiguous readings, weekdays that do not match, days that do not exist, and an
article whose relative dates cannot be resolved for want of a date.

One date expression gets one finding: an expression `ambiguous-date` reports (when it
is on) is not also listed by `relative-date`. Every finding carries `resolution`
(words), `resolved` (ISO date or interval) and `granularity` in `Finding.data`, so the
JSON report has them.

The ambiguities (`ambiguous:` option):
`last-month` "last January" when January of the reference year and of the year before
are both possible; `next-month` the same for "next April" (off by default: "next
April" in March is the coming April in news use); `past-year-month` a month without
its year that falls in a year before the reference year ("last June" in March 2021;
a coming month of next year, "in January" written in November, is how news copy
speaks and is left alone); `last-next-weekday` "next Friday" when this week's and
next week's Friday are both possible.
"""


from collections.abc import Iterator
from typing import Any, Literal

from claimlint import patterns, temporal
from claimlint.checks.base import Check, CheckContext, CheckOptions, RuleTable
from claimlint.document import Document
from claimlint.findings import Finding, Related
from claimlint.temporal import DateExpression, Form, Reference, TemporalSettings, describe
from claimlint.temporal.lexicon import WEEKDAYS
from claimlint.temporal.settings import DateOrder

Ambiguity = Literal["last-month", "next-month", "past-year-month", "last-next-weekday"]

RELATIVE = "relative-date"
AMBIGUOUS = "ambiguous-date"
WEEKDAY = "weekday-mismatch"
IMPOSSIBLE = "impossible-date"
UNDATED = "undated-article"

_MONTH_FORMS = frozenset({Form.MONTH, Form.LAST_NEXT_MONTH_NAME, Form.THIS_MONTH_NAME})


class DatesOptions(CheckOptions, frozen=True, kw_only=True):
    #: the readings `ambiguous-date` reports
    ambiguous: tuple[Ambiguity, ...]
    #: front matter keys that give the article's date, in order of preference
    front_matter_keys: tuple[str, ...]
    #: how far down the text (non-empty lines, characters) a dateline may stand
    dateline_lines: int = 6
    dateline_chars: int = 2000
    #: a weekday-dated sentence counts as the dateline only in the first lines
    weekday_dateline_lines: int = 3
    #: how far down a labelled date, and how near the end a trailer, may stand
    labelled_dateline_lines: int = 12
    trailer_lines: int = 5
    #: label words: the publication date's, an update's, a trailer's, an event block's
    publication_labels: tuple[str, ...]
    update_labels: tuple[str, ...]
    trailer_labels: tuple[str, ...]
    event_labels: tuple[str, ...]
    #: a weekday date on a line with one of these is a photo caption's
    caption_markers: tuple[str, ...]
    #: a weekday date after one of these words is an event's, not the page's
    lead_prepositions: tuple[str, ...]
    #: a line near a date line that marks it as a site widget (a regular expression)
    widget_line_pattern: str
    #: how an ambiguous numeric date (03/04/2021) reads: dmy, mdy or none
    date_order: DateOrder = "none"
    #: a month and day without a year lie within this many days of the article's date
    implied_year_window: int = 200
    #: how far back (characters) "the day before" looks for the day it counts from
    neighbour_window: int = 1500
    #: how many unresolved expressions the `undated-article` message quotes
    undated_quote: int = 3

    def temporal(self) -> TemporalSettings:
        return TemporalSettings(
            front_matter_keys=self.front_matter_keys,
            dateline_lines=self.dateline_lines,
            dateline_chars=self.dateline_chars,
            weekday_dateline_lines=self.weekday_dateline_lines,
            labelled_dateline_lines=self.labelled_dateline_lines,
            trailer_lines=self.trailer_lines,
            publication_labels=self.publication_labels,
            update_labels=self.update_labels,
            trailer_labels=self.trailer_labels,
            event_labels=self.event_labels,
            caption_markers=self.caption_markers,
            lead_prepositions=self.lead_prepositions,
            widget_line_pattern=self.widget_line_pattern,
            date_order=self.date_order,
            implied_year_window=self.implied_year_window,
            neighbour_window=self.neighbour_window,
        )


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
    expression: DateExpression, reference: Reference, checks: tuple[Ambiguity, ...]
) -> str | None:
    """Why an expression needs an editor's eye, in words, or None."""
    resolved = expression.resolved
    if resolved is None or not expression.relative:
        return None
    form = expression.form
    mod = expression.text.split()[0].lower()
    if form is Form.LAST_NEXT_MONTH_NAME and expression.alternatives:
        wanted: Ambiguity = "last-month" if mod == "last" else "next-month"
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


class DatesCheck(Check):
    name = "dates"
    options_type = DatesOptions
    rule_ids = (RELATIVE, AMBIGUOUS, WEEKDAY, IMPOSSIBLE, UNDATED)

    def __init__(self, options: Any, context: CheckContext) -> None:
        super().__init__(options, context)
        self.opts: DatesOptions = options
        patterns.compile_pattern(self.opts.widget_line_pattern, "widget_line_pattern")
        self.settings = self.opts.temporal()

    def metadata(self, doc: Document) -> dict[str, Any]:
        return temporal.timeline(doc, self.settings).metadata()

    def details(self, doc: Document) -> dict[str, Any]:
        return temporal.timeline(doc, self.settings).details()

    def check(self, doc: Document, rules: RuleTable) -> Iterator[Finding]:
        timeline = temporal.timeline(doc, self.settings)
        reference = timeline.reference
        ambiguous = self.opts.ambiguous if rules.on(AMBIGUOUS) else ()
        if reference is None and rules.on(UNDATED):
            yield from self._undated(timeline.expressions, rules)
        for expression in timeline.expressions:
            if expression.weekday_matches is False and expression.resolved is not None:
                yield _weekday_mismatch(expression, rules)
            if expression.explicit_year and expression.resolved is None:
                yield rules.finding(
                    IMPOSSIBLE, expression.start, expression.end, expression_values(expression)
                )
            if not expression.relative or expression.resolved is None:
                continue
            why = problem(expression, reference, ambiguous) if reference and ambiguous else None
            if why is not None and reference is not None:
                data = resolution_data(expression)
                data["suggestion"] = _suggestion(expression)
                yield rules.finding(
                    AMBIGUOUS,
                    expression.start,
                    expression.end,
                    {**expression_values(expression), "problem": why},
                    data=data,
                    related=anchoring(reference),
                )
            else:
                yield rules.finding(
                    RELATIVE,
                    expression.start,
                    expression.end,
                    expression_values(expression),
                    data=resolution_data(expression),
                )

    def _undated(
        self, expressions: tuple[DateExpression, ...], rules: RuleTable
    ) -> Iterator[Finding]:
        pending = [e for e in expressions if e.needs_reference]
        if not pending:
            return
        quote = self.opts.undated_quote
        examples = ", ".join(f"'{e.text}'" for e in pending[:quote])
        more = ", …" if len(pending) > quote else ""
        first = pending[0]
        yield rules.finding(
            UNDATED,
            first.start,
            first.end,
            {"count": len(pending), "examples": examples + more, "text": first.text},
            data={"unresolved": [e.text for e in pending]},
        )


def expression_values(expression: DateExpression) -> dict[str, Any]:
    return {"text": expression.text, "resolution": expression.description}


def _weekday_mismatch(expression: DateExpression, rules: RuleTable) -> Finding:
    assert expression.resolved is not None
    day = expression.resolved.start
    named = WEEKDAYS[expression.weekday or 0]
    return rules.finding(
        WEEKDAY,
        expression.start,
        expression.end,
        {
            "text": expression.text,
            "date": describe.day(day),
            "named": named,
            "actual": WEEKDAYS[day.weekday()],
        },
        data={
            "resolved": day.isoformat(),
            "granularity": "day",
            "suggestion": f"{describe.day(day, weekday=True)}, or the date meant for {named}",
        },
    )


def _suggestion(expression: DateExpression) -> str:
    readings = [expression.resolved, *expression.alternatives]
    return " or ".join(f"'{describe.span(r)}'" for r in readings if r is not None)
