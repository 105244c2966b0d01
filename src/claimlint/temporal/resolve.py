"""Resolve found expressions to date ranges, against the reference date where needed.

Calendar arithmetic is python-dateutil's (`relativedelta` clamps "a month before
March 31" to February 28 or 29, as a reader would). Weeks run Monday to Sunday.

Choices where English is loose, made once here:
- a bare weekday is the reference day when it names that day; otherwise the coming
  one when the clause is in the future tense, else the past one (news reports the past);
- a bare month takes the year written earlier in its sentence ("in 2020 ... in
  April"); else it is in the reference year, unless the tense puts it in the year before
  ("began in June" in a March article) or after ("will vote in January");
- a month and day without a year lie within about six months of the reference date
  (near New Year, the tense or a named weekday picks between the two years);
- "last January" is the most recent January before the reference month, and, when
  that is in the reference year, January of the year before is the other reading;
  "next Friday" likewise is the nearest Friday, with the one a week later as the
  other reading when the nearest is in the same week.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from claimlint import regex_cache
from claimlint.temporal import describe
from claimlint.temporal.expressions import Candidate, sentence_bounds
from claimlint.temporal.lexicon import month_number, number, weekday_number
from claimlint.temporal.model import DateExpression, DateRange, Form, Granularity
from claimlint.temporal.settings import DEFAULT_SETTINGS, TemporalSettings
from claimlint.temporal.tense import Tense, tense_at


def resolve_all(
    candidates: Sequence[Candidate],
    text: str,
    reference: date | None,
    settings: TemporalSettings = DEFAULT_SETTINGS,
) -> list[DateExpression]:
    """Resolve each candidate in text order (later ones may lean on earlier ones)."""
    resolved: list[DateExpression] = []
    for candidate in candidates:
        resolved.append(_resolve(candidate, text, reference, resolved, settings))
    return resolved


# -- calendar helpers ----------------------------------------------------------


def month_range(year: int, month: int) -> DateRange:
    return DateRange(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))


def year_range(year: int) -> DateRange:
    return DateRange(date(year, 1, 1), date(year, 12, 31))


def week_range(day: date) -> DateRange:
    monday = day - timedelta(days=day.weekday())
    return DateRange(monday, monday + timedelta(days=6))


def _previous_weekday(reference: date, weekday: int) -> date:
    """The nearest `weekday` strictly before `reference`."""
    return reference - timedelta(days=(reference.weekday() - weekday - 1) % 7 + 1)


def _next_weekday(reference: date, weekday: int) -> date:
    """The nearest `weekday` strictly after `reference`."""
    return reference + timedelta(days=(weekday - reference.weekday() - 1) % 7 + 1)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# -- one expression ----------------------------------------------------------------


class _Result:
    """What a form resolver returns; fields mirror `DateExpression`."""

    __slots__ = ("alternatives", "granularity", "qualifier", "resolved")

    def __init__(
        self,
        resolved: DateRange | None,
        granularity: Granularity,
        alternatives: tuple[DateRange, ...] = (),
        qualifier: str = "",
    ) -> None:
        self.resolved = resolved
        self.granularity = granularity
        self.alternatives = alternatives
        self.qualifier = qualifier


_ABSOLUTE = frozenset({Form.FULL_DATE, Form.MONTH_YEAR, Form.YEAR})


def _resolve(
    candidate: Candidate,
    text: str,
    reference: date | None,
    earlier: Sequence[DateExpression],
    settings: TemporalSettings,
) -> DateExpression:
    parts = candidate.parts
    form = candidate.form
    explicit_year = "year" in parts
    relative = not explicit_year and form not in _ABSOLUTE
    needs_reference = relative and form is not Form.NEIGHBOUR_DAY
    anchor: DateExpression | None = None
    if form is Form.NEIGHBOUR_DAY:
        anchor = _anchor(candidate, earlier, settings.neighbour_window)
        result = _neighbour_day(parts, anchor)
    elif needs_reference and reference is None:
        result = _Result(None, _granularity_of(form, parts))
    else:
        resolver = _RESOLVERS[form]
        result = resolver(candidate, text, reference or date.min, settings)
    if form is Form.MONTH:
        year = _year_in_sentence(candidate, text, earlier)
        if year is not None:
            # "no budget in 2020 because of the fall of oil prices in April"
            explicit_year = True
            month = month_number(parts["month"])
            result = _Result(
                month_range(year, month), Granularity.MONTH, qualifier=result.qualifier
            )
    weekday = weekday_number(parts["weekday"]) if "weekday" in parts else None
    matches: bool | None = None
    resolved = result.resolved
    if weekday is not None and resolved is not None and resolved.start == resolved.end:
        matches = resolved.start.weekday() == weekday
    description = ""
    if resolved is not None:
        description = describe.span(resolved)
        if result.qualifier:
            description = f"{result.qualifier} {description}"
        if anchor is not None and anchor.resolved is not None:
            description += f" (counted from {describe.span(anchor.resolved)})"
    return DateExpression(
        start=candidate.start,
        end=candidate.end,
        text=candidate.text,
        form=form,
        relative=relative,
        granularity=result.granularity,
        resolved=resolved,
        description=description,
        alternatives=result.alternatives,
        explicit_year=explicit_year,
        weekday=weekday,
        weekday_matches=matches,
        needs_reference=needs_reference,
    )


_SINCE = regex_cache.re_compile(r"(?i:\bsince)\s+\Z")


def _year_in_sentence(
    candidate: Candidate, text: str, earlier: Sequence[DateExpression]
) -> int | None:
    """The year written last before it in the same sentence, if any; not one that
    opens a span up to now ("has served since 1987, and faces re-election in November")."""
    sentence_start, _ = sentence_bounds(text, candidate.start, candidate.end)
    for e in reversed(earlier):
        if e.start < sentence_start:
            return None
        if _SINCE.search(text, max(0, e.start - 8), e.start):
            return None
        if e.explicit_year and e.resolved is not None:
            if e.resolved.start.year == e.resolved.end.year:
                return e.resolved.start.year
            return None
    return None


def _granularity_of(form: Form, parts: dict[str, str]) -> Granularity:
    if form in (Form.MONTH, Form.MONTH_YEAR, Form.LAST_NEXT_MONTH_NAME, Form.THIS_MONTH_NAME):
        return Granularity.MONTH
    if form is Form.MONTH_OF_RELATIVE_YEAR:
        return Granularity.MONTH
    if form is Form.YEAR:
        return Granularity.YEAR
    if form in (Form.RELATIVE_UNIT, Form.PART_OF_UNIT, Form.AGO):
        unit = parts["unit"].lower().split()[-1].rstrip("s")
        return {
            "day": Granularity.DAY,
            "week": Granularity.WEEK,
            "weekend": Granularity.WEEK,
            "month": Granularity.MONTH,
            "year": Granularity.YEAR,
        }[unit]
    return Granularity.DAY


def _full_date(
    candidate: Candidate, text: str, reference: date, settings: TemporalSettings
) -> _Result:
    parts = candidate.parts
    month = int(parts["monthnum"]) if "monthnum" in parts else month_number(parts["month"])
    day = _safe_date(int(parts["year"]), month, int(_digits(parts["day"])))
    return _Result(DateRange.day(day) if day else None, Granularity.DAY)


def _month_day(
    candidate: Candidate, text: str, reference: date, settings: TemporalSettings
) -> _Result:
    parts = candidate.parts
    month = month_number(parts["month"])
    day_number = int(_digits(parts["day"]))
    if "year" in parts:
        day = _safe_date(int(parts["year"]), month, day_number)
        return _Result(DateRange.day(day) if day else None, Granularity.DAY)
    options = [
        d
        for d in (_safe_date(reference.year + k, month, day_number) for k in (-1, 0, 1))
        if d is not None and abs((d - reference).days) <= settings.implied_year_window
    ]
    if not options:
        return _Result(None, Granularity.DAY)
    if "weekday" in parts:
        weekday = weekday_number(parts["weekday"])
        options = [d for d in options if d.weekday() == weekday] or options
    tense = tense_at(text, candidate.start, candidate.end)
    if tense is Tense.FUTURE:
        options = [d for d in options if d >= reference] or options
    elif tense is Tense.PAST:
        options = [d for d in options if d <= reference] or options
    nearest = min(options, key=lambda d: abs((d - reference).days))
    return _Result(DateRange.day(nearest), Granularity.DAY)


def _month_year(
    candidate: Candidate, text: str, reference: date, settings: TemporalSettings
) -> _Result:
    parts = candidate.parts
    return _Result(month_range(int(parts["year"]), month_number(parts["month"])), Granularity.MONTH)


def _year(candidate: Candidate, text: str, reference: date, settings: TemporalSettings) -> _Result:
    parts = candidate.parts
    qualifier = parts.get("qualifier", "").lower()
    return _Result(year_range(int(parts["year"])), Granularity.YEAR, qualifier=qualifier)


def _month(candidate: Candidate, text: str, reference: date, settings: TemporalSettings) -> _Result:
    parts = candidate.parts
    month = month_number(parts["month"])
    year = reference.year
    tense = tense_at(text, candidate.start, candidate.end)
    if parts.get("preposition", "").lower() == "since":
        tense = Tense.PAST
    if tense is Tense.PAST and month > reference.month:
        year -= 1
    elif tense is Tense.FUTURE and month < reference.month:
        year += 1
    qualifier = parts.get("qualifier", "").lower()
    return _Result(month_range(year, month), Granularity.MONTH, qualifier=qualifier)


_DEICTIC_OFFSETS = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
    "last night": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}


def _deictic(
    candidate: Candidate, text: str, reference: date, settings: TemporalSettings
) -> _Result:
    word = " ".join(candidate.parts["word"].lower().split())
    day = reference + timedelta(days=_DEICTIC_OFFSETS[word])
    return _Result(DateRange.day(day), Granularity.DAY)


def _weekday(
    candidate: Candidate, text: str, reference: date, settings: TemporalSettings
) -> _Result:
    weekday = weekday_number(candidate.parts["weekday"])
    if weekday == reference.weekday():
        return _Result(DateRange.day(reference), Granularity.DAY)
    tense = tense_at(text, candidate.start, candidate.end)
    if tense is Tense.FUTURE:
        day = _next_weekday(reference, weekday)
    else:
        day = _previous_weekday(reference, weekday)
    return _Result(DateRange.day(day), Granularity.DAY)


def _last_next_weekday(
    candidate: Candidate, text: str, reference: date, settings: TemporalSettings
) -> _Result:
    weekday = weekday_number(candidate.parts["weekday"])
    monday = reference - timedelta(days=reference.weekday())
    if candidate.parts["mod"].lower() == "last":
        nearest = _previous_weekday(reference, weekday)
        other = monday - timedelta(days=7) + timedelta(days=weekday)
    else:
        nearest = _next_weekday(reference, weekday)
        other = monday + timedelta(days=7 + weekday)
    alternatives = (DateRange.day(other),) if other != nearest else ()
    return _Result(DateRange.day(nearest), Granularity.DAY, alternatives)


def _this_weekday(
    candidate: Candidate, text: str, reference: date, settings: TemporalSettings
) -> _Result:
    weekday = weekday_number(candidate.parts["weekday"])
    mod = " ".join(candidate.parts["mod"].lower().split())
    if mod == "this past":
        day = _previous_weekday(reference, weekday)
    elif mod == "this coming":
        day = _next_weekday(reference, weekday)
    else:
        day = reference - timedelta(days=reference.weekday() - weekday)
    return _Result(DateRange.day(day), Granularity.DAY)


def _last_next_month_name(
    candidate: Candidate, text: str, reference: date, settings: TemporalSettings
) -> _Result:
    month = month_number(candidate.parts["month"])
    if candidate.parts["mod"].lower() == "last":
        year = reference.year if month < reference.month else reference.year - 1
        other = year - 1
    else:
        year = reference.year if month > reference.month else reference.year + 1
        other = year + 1
    alternatives = (month_range(other, month),) if year == reference.year else ()
    return _Result(month_range(year, month), Granularity.MONTH, alternatives)


def _this_month_name(
    candidate: Candidate, text: str, reference: date, settings: TemporalSettings
) -> _Result:
    month = month_number(candidate.parts["month"])
    mod = " ".join(candidate.parts["mod"].lower().split())
    year = reference.year
    if mod == "this past" and month >= reference.month:
        year -= 1
    elif mod == "this coming" and month <= reference.month:
        year += 1
    return _Result(month_range(year, month), Granularity.MONTH)


_YEAR_STEP = {"last": -1, "this": 0, "next": 1}


def _month_of_relative_year(
    candidate: Candidate, text: str, reference: date, settings: TemporalSettings
) -> _Result:
    parts = candidate.parts
    year = reference.year + _YEAR_STEP[parts["mod"].lower()]
    qualifier = parts.get("qualifier", "").lower()
    return _Result(
        month_range(year, month_number(parts["month"])), Granularity.MONTH, qualifier=qualifier
    )


def _calendar_unit(unit: str, step: int, reference: date) -> DateRange:
    """The week, weekend, month or year `step` units from the one holding `reference`."""
    if unit == "week":
        return week_range(reference + timedelta(weeks=step))
    if unit == "weekend":
        saturday = week_range(reference).start + timedelta(days=5 + 7 * step)
        return DateRange(saturday, saturday + timedelta(days=1))
    if unit == "month":
        shifted = reference + relativedelta(months=step)
        return month_range(shifted.year, shifted.month)
    return year_range(reference.year + step)


_UNIT_DELTA: dict[str, Callable[[int], relativedelta]] = {
    "day": lambda n: relativedelta(days=n),
    "week": lambda n: relativedelta(weeks=n),
    "month": lambda n: relativedelta(months=n),
    "year": lambda n: relativedelta(years=n),
}


def _relative_unit(
    candidate: Candidate, text: str, reference: date, settings: TemporalSettings
) -> _Result:
    parts = candidate.parts
    mod = " ".join(parts["mod"].lower().split())
    unit = parts["unit"].lower().rstrip("s")
    granularity = _granularity_of(Form.RELATIVE_UNIT, parts)
    if mod in _YEAR_STEP:
        return _Result(_calendar_unit(unit, _YEAR_STEP[mod], reference), granularity)
    count = number(parts["count"]) if "count" in parts else 1
    delta = _UNIT_DELTA["week" if unit == "weekend" else unit](count or 1)
    if mod in ("the past", "the last"):
        return _Result(DateRange(reference - delta, reference), granularity)
    return _Result(DateRange(reference, reference + delta), granularity)


def _part_of_unit(
    candidate: Candidate, text: str, reference: date, settings: TemporalSettings
) -> _Result:
    parts = candidate.parts
    part = " ".join(parts["part"].lower().replace("-", "").split())
    mod = parts["mod"].lower()
    unit = parts["unit"].lower()
    whole = _calendar_unit(unit, _YEAR_STEP[mod], reference)
    granularity = _granularity_of(Form.PART_OF_UNIT, parts)
    if mod == "this" and part == "earlier" and whole.start < reference:
        return _Result(DateRange(whole.start, reference - timedelta(days=1)), granularity)
    if mod == "this" and part == "later" and reference < whole.end:
        return _Result(DateRange(reference + timedelta(days=1), whole.end), granularity)
    words = {"earlier": "earlier in", "later": "later in"}
    qualifier = words.get(part, part.removeprefix("the "))
    return _Result(whole, granularity, qualifier=qualifier)


def _ago(candidate: Candidate, text: str, reference: date, settings: TemporalSettings) -> _Result:
    parts = candidate.parts
    count = number(parts["count"].split()[0]) or 1
    unit = parts["unit"].lower().split()[-1].rstrip("s")
    sign = 1 if "future" in parts else -1
    moment = reference + sign * _UNIT_DELTA[unit](count)
    if unit == "day":
        return _Result(DateRange.day(moment), Granularity.DAY)
    if unit == "week":
        return _Result(
            DateRange(moment - timedelta(days=3), moment + timedelta(days=3)), Granularity.WEEK
        )
    if unit == "month":
        return _Result(month_range(moment.year, moment.month), Granularity.MONTH)
    return _Result(year_range(moment.year), Granularity.YEAR)


def _anchor(
    candidate: Candidate, earlier: Sequence[DateExpression], window: int
) -> DateExpression | None:
    for expression in reversed(earlier):
        if candidate.start - expression.end > window:
            return None
        if expression.granularity is Granularity.DAY and expression.resolved is not None:
            return expression
    return None


def _neighbour_day(parts: dict[str, str], anchor: DateExpression | None) -> _Result:
    if anchor is None or anchor.resolved is None:
        return _Result(None, Granularity.DAY)
    which = parts["which"].lower()
    step = -1 if any(w in which for w in ("before", "previous", "preceding", "earlier")) else 1
    return _Result(DateRange.day(anchor.resolved.start + timedelta(days=step)), Granularity.DAY)


def _digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


_RESOLVERS: dict[Form, Callable[[Candidate, str, date, TemporalSettings], _Result]] = {
    Form.FULL_DATE: _full_date,
    Form.MONTH_DAY: _month_day,
    Form.MONTH_YEAR: _month_year,
    Form.YEAR: _year,
    Form.MONTH: _month,
    Form.DEICTIC_DAY: _deictic,
    Form.WEEKDAY: _weekday,
    Form.LAST_NEXT_WEEKDAY: _last_next_weekday,
    Form.THIS_WEEKDAY: _this_weekday,
    Form.LAST_NEXT_MONTH_NAME: _last_next_month_name,
    Form.THIS_MONTH_NAME: _this_month_name,
    Form.MONTH_OF_RELATIVE_YEAR: _month_of_relative_year,
    Form.RELATIVE_UNIT: _relative_unit,
    Form.PART_OF_UNIT: _part_of_unit,
    Form.AGO: _ago,
}
