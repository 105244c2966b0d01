"""The reference date of an article: `--date`, else the front matter, else the text.

In the text, the date lines of `datelines` are ranked, and the strongest wins (the
first in the text within a rank):

1. a date labelled as the publication date ("Published:", "Posted on", a byline
   "By Jane Roe | March 14, 2023"), down to `labelled_dateline_lines` non-empty lines;
2. an unlabelled date line, a folio, a wire dateline with its year ("GDANSK, 14 March
   2023"), a scraper's " date 2023-03-14 " header, in the first `dateline_lines` lines.
   When two of them disagree, the earlier date wins: a site's "today" widget shows the
   day the page was fetched, never a day before publication; a date line beside a
   temperature (the same widget) does not count;
3. a weekday date opening one of the first `weekday_dateline_lines` lines, or after a
   comma ("The ministry announced, Tuesday, March 23, 2021, that ..."), not after a
   preposition ("on Monday, March 23, 2020" is an event) nor in a photo caption;
4. a labelled trailer in the last lines ("published on: 2021-07-25");
5. a date labelled "Updated:" — relative words were written on the day of filing.

A "Date:" line next to "Time:" or "Venue:" is an event's details, not a dateline. A
numeric date that reads two ways (03/04/2021) counts only under a configured
`date_order`; otherwise it is skipped, and the report says so when nothing else dates
the article. A date in the middle of the lead without any of these marks is more often
the event than the article ("On January 3, 2020, a US strike ..."): it is not taken.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from typing import Any

import msgspec

from claimlint import patterns, regex_cache
from claimlint.temporal import datelines
from claimlint.temporal.datelines import Found, Rank
from claimlint.temporal.expressions import Candidate
from claimlint.temporal.model import Form, Reference
from claimlint.temporal.settings import DEFAULT_SETTINGS, TemporalSettings

#: a line longer than this is prose, never a date line or a widget
_MAX_DATE_LINE = 300
#: how much of the end of a text the trailer is looked for in
_TRAILER_CHARS = 3000
_NUMERIC = regex_cache.re_compile(r"\s*(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\s*")


class Line(msgspec.Struct, frozen=True):
    """A non-empty line of the body: its rank (1-based), offsets and text."""

    rank: int
    start: int
    end: int
    text: str


class ReferenceResult(msgspec.Struct, frozen=True):
    """The reference date, or None and why (an ambiguous numeric date that was skipped)."""

    reference: Reference | None
    note: str | None = None


def find_reference(
    text: str,
    body_start: int,
    front_matter: dict[str, Any],
    override: date | None,
    candidates: Sequence[Candidate],
    settings: TemporalSettings = DEFAULT_SETTINGS,
    prose: str | None = None,
) -> Reference | None:
    """The reference date by the order above, or None."""
    return find(text, body_start, front_matter, override, candidates, settings, prose).reference


def find(
    text: str,
    body_start: int,
    front_matter: dict[str, Any],
    override: date | None,
    candidates: Sequence[Candidate],
    settings: TemporalSettings = DEFAULT_SETTINGS,
    prose: str | None = None,
) -> ReferenceResult:
    """`find_reference`, with a note when a date was seen and could not be read.

    `prose` is the text with what is not prose masked (code, comments: see
    `Document.lint_text`; same offsets); date lines are read in it."""
    if override is not None:
        return ReferenceResult(Reference(override, "option", "--date"))
    found = _from_front_matter(text, body_start, front_matter, settings)
    if found is not None:
        return ReferenceResult(found)
    return _from_text(prose if prose is not None else text, body_start, candidates, settings)


def parse_date_value(value: Any, date_order: str = "none") -> date | None:
    """A front matter value as a date: a YAML date or timestamp (its date as written,
    in its own zone), or a string such as "2021-03-23T10:00:00+03:00",
    "Tue, 23 Mar 2021 10:00:00 GMT" or "March 23, 2021". None unless day, month and
    year are all there, and for a numeric date that reads two ways ("03/04/2021")
    unless `date_order` ("dmy" or "mdy") says which."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip() or len(value) > 80:
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    numeric = _NUMERIC.fullmatch(text)
    if numeric is not None:
        first, separator, second, year = numeric.groups()
        order = "dmy" if separator == "." else date_order  # nobody writes month.day.year
        chosen, _ = datelines.numeric_date(int(first), int(second), int(year), order)
        return chosen
    from dateutil import parser as date_parser  # only for a date in words: slow to import

    try:
        first_try = date_parser.parse(text, default=datetime(2000, 1, 1))
        second_try = date_parser.parse(text, default=datetime(2001, 2, 2))
    except (ValueError, OverflowError):
        return None
    if first_try.date() != second_try.date():
        return None  # a part of the date was missing and filled in
    return first_try.date()


def _from_front_matter(
    text: str, body_start: int, front_matter: dict[str, Any], settings: TemporalSettings
) -> Reference | None:
    by_key = {_normalise(str(key)): key for key in front_matter}
    for wanted in (_normalise(k) for k in settings.front_matter_keys):
        key = by_key.get(wanted)
        if key is None:
            continue
        value = parse_date_value(front_matter[key], settings.date_order)
        if value is not None:
            start, end = _key_span(text, body_start, str(key))
            return Reference(value, "front-matter", f"front matter '{key}'", start, end)
    return None


def _normalise(key: str) -> str:
    return key.lower().replace("_", "").replace("-", "")


def _key_span(text: str, body_start: int, key: str) -> tuple[int | None, int | None]:
    match = re.search(rf"(?m)^\s*{re.escape(key)}\s*:.*$", text[:body_start])
    if match is None:
        return None, None
    return match.start() + len(match.group()) - len(match.group().lstrip()), match.end()


# -- the text ---------------------------------------------------------------------


def _from_text(
    text: str, body_start: int, candidates: Sequence[Candidate], settings: TemporalSettings
) -> ReferenceResult:
    top = list(_lines(text, body_start, settings))
    found = [*_top_dates(text, body_start, top, settings)]
    found += _weekday_leads(text, candidates, top, settings)
    found += _trailers(text, body_start, top, settings)
    readable = [f for f in found if f.value is not None]
    if readable:
        best = _best(readable)
        assert best.value is not None
        written = text[best.start : best.end]  # as written ("SUNDAY, MARCH 14, 2021")
        return ReferenceResult(
            Reference(best.value, "dateline", f"{best.kind} '{written}'", best.start, best.end)
        )
    skipped = next((f for f in found if f.readings), None)
    if skipped is None:
        return ReferenceResult(None)
    readings = " or ".join(f"{d.day} {d:%B %Y}" for d in skipped.readings)
    return ReferenceResult(
        None,
        f"'{skipped.text}' skipped: it may be {readings} "
        "(set the dates check's date_order, or pass --date)",
    )


def _best(found: list[Found]) -> Found:
    rank = min(f.rank for f in found)
    ranked = [f for f in found if f.rank == rank]
    if rank is Rank.DATELINE:
        # a "today" widget shows the day the page was fetched: the earlier date is the
        # article's (the first in the text among equals)
        earliest = min(f.value for f in ranked if f.value is not None)
        return next(f for f in ranked if f.value == earliest)
    return min(ranked, key=lambda f: f.start)


def _lines(text: str, body_start: int, settings: TemporalSettings) -> Iterator[Line]:
    """The first non-empty lines of the body that a dateline may stand in."""
    depth = max(settings.dateline_lines, settings.labelled_dateline_lines)
    limit = min(len(text), body_start + settings.dateline_chars)
    offset, rank = body_start, 0
    while offset < limit and rank < depth:
        end = text.find("\n", offset)
        end = len(text) if end < 0 else end
        if text[offset:end].strip():
            rank += 1
            yield Line(rank, offset, end, text[offset:end])
        offset = end + 1


def _top_dates(
    text: str, body_start: int, lines: list[Line], settings: TemporalSettings
) -> Iterator[Found]:
    compiled = datelines.patterns(settings)
    header = datelines.scraper_header(text, body_start, settings)
    if header is not None:
        yield header
    for index, line in enumerate(lines):
        # a long line is a paragraph: only a wire dateline can open it
        found = datelines.read_line(line.text[:_MAX_DATE_LINE], line.start, settings)
        if found is None:
            continue
        deepest = (
            settings.dateline_lines
            if found.rank is Rank.DATELINE
            else settings.labelled_dateline_lines
        )
        if line.rank > deepest:
            continue
        if found.kind == "'date' label" and _beside(lines, index, compiled.event_label.match):
            continue  # "Date: ... / Time: ... / Venue: ...": an event's details
        if found.rank is Rank.DATELINE and _beside(lines, index, _matcher(compiled.widget), 2):
            continue  # a temperature beside it: a weather-and-today widget
        if found.kind == "wire dateline" and line.rank > settings.dateline_lines:
            continue
        yield found


def _beside(
    lines: list[Line], index: int, matches: Callable[[str], object], reach: int = 1
) -> bool:
    """Whether a line within `reach` non-empty lines of `lines[index]` `matches` (short
    lines only: labels and widgets are short)."""
    for other in lines[max(0, index - reach) : index + reach + 1]:
        if other is lines[index]:
            continue
        stripped = other.text.strip(" \t*_#>|")
        if len(stripped) <= 40 and matches(stripped):
            return True
    return False


def _matcher(pattern: Any) -> Callable[[str], object]:
    """A match at the start of a line, for a pattern a config gave (time-limited)."""
    return lambda line: patterns.match(pattern, line)


def _weekday_leads(
    text: str, candidates: Sequence[Candidate], lines: list[Line], settings: TemporalSettings
) -> Iterator[Found]:
    """Weekday-dated full dates that open one of the first lines, or follow a comma or a
    publication label in them; not after a preposition, not in a photo caption."""
    compiled = datelines.patterns(settings)
    window = [line for line in lines if line.rank <= settings.weekday_dateline_lines]
    if not window:
        return
    limit = window[-1].end
    for candidate in candidates:
        if candidate.start >= limit:
            break
        if candidate.form is not Form.FULL_DATE or "weekday" not in candidate.parts:
            continue
        line = next((ln for ln in window if ln.start <= candidate.start < ln.end), None)
        if line is None:
            continue
        before = text[line.start : candidate.start]
        opening = not before.strip(" \t*_#>|")
        after_comma = before.rstrip().endswith(",")
        labelled = bool(compiled.labelled_weekday.search(before))
        if not (opening or after_comma or labelled):
            continue
        if not labelled and compiled.preposition_before.search(before.rstrip(" ,")):
            continue  # "on Monday, March 23, 2020": an event ("Published on ..." is not)
        if compiled.caption.search(line.text):
            continue
        index = lines.index(line)
        if _beside(lines, index, _matcher(compiled.widget), reach=2):
            continue
        if labelled and _beside(lines, index, compiled.event_label.match):
            continue  # "Date: Monday, ..." over "Time: ...": an event's details
        value = _candidate_date(candidate)
        if value is not None:
            yield Found(
                Rank.WEEKDAY_LEAD, value, candidate.start, candidate.end, candidate.text,
                "dateline",
            )  # fmt: skip


def _trailers(
    text: str, body_start: int, top: list[Line], settings: TemporalSettings
) -> Iterator[Found]:
    """A labelled trailer in the last `trailer_lines` non-empty lines."""
    floor = max(body_start, len(text) - _TRAILER_CHARS)
    tail: list[tuple[int, str]] = []
    offset = floor
    for piece in text[floor:].split("\n"):
        if piece.strip():
            tail.append((offset, piece))
        offset += len(piece) + 1
    for start, line in reversed(tail[-settings.trailer_lines :]):
        found = datelines.trailer(line, start, settings)
        if found is not None:
            yield found
            return


def _candidate_date(candidate: Candidate) -> date | None:
    from claimlint.temporal.lexicon import month_number

    parts = candidate.parts
    month = int(parts["monthnum"]) if "monthnum" in parts else month_number(parts["month"])
    day = int("".join(ch for ch in parts["day"] if ch.isdigit()))
    try:
        return date(int(parts["year"]), month, day)
    except ValueError:
        return None
