"""The shapes a publication date takes in a page's text, one line (or one `|`-separated
segment of a line) at a time: a date line with an optional label and time ("Published:
Mar. 14, 2023 at 8:15 AM EDT", "Posted on March 14, 2023 by Staff", "14.03.2023 09:30",
"2023-03-14T09:30:00+01:00"), a wire dateline with a year ("GDANSK, 14 March 2023",
"LAGOS, 9 June 2022 (NAN) –"), a byline or folio line split by `|`, a scraper's
" date 2023-03-14 " header, and a labelled trailer at the end ("published on:
2021-07-25"). `reference` decides which of them is the article's date.

The label words, the words that are furniture, the event-block labels and the order of
an ambiguous numeric date come from the dates check's options (`TemporalSettings`).
Month and weekday names must be capitalised, except on a line with no lower-case letter
at all ("SUNDAY, MARCH 14, 2021"), where "MAY" the verb cannot stand.
"""

from __future__ import annotations

import re
from datetime import date
from enum import IntEnum
from functools import lru_cache
from typing import Any

import msgspec

from claimlint import regex_cache
from claimlint.patterns import compile_pattern
from claimlint.temporal.lexicon import DAY, MONTH_ANY, WEEKDAY_FULL, month_number
from claimlint.temporal.settings import TemporalSettings

_WEEKDAY_ABBREVIATIONS = "Thurs|Tues|Thur|Mon|Tue|Wed|Thu|Fri|Sat|Sun"
# an abbreviated weekday needs a full stop or a comma after it: "Tue," "Tue." (not "Sun")
_WD = rf"(?:{WEEKDAY_FULL}|(?:{_WEEKDAY_ABBREVIATIONS})(?:\.|(?=,)))"
_WD_LEAD = rf"(?:(?P<weekday>{_WD})(?:\s*[,|·•–—-]\s*|\s+))?"
_YEAR = r"(?:19|20)\d\d(?!\d)"
# "September 28,2022": a comma may stand for the space
_MDY = rf"(?P<month>{MONTH_ANY})\s+(?P<day>{DAY})(?:,\s*|\s+)(?P<year>{_YEAR})"
_DMY = rf"(?P<day2>{DAY})\s+(?:of\s+)?(?P<month2>{MONTH_ANY})(?:,\s*|\s+)(?P<year2>{_YEAR})"
_ISO = (
    r"(?P<iy>(?:19|20)\d\d)-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\d-])"
)
_NUMDOT = r"(?<![\d.])(?P<dd>\d{1,2})\.(?P<dm>\d{1,2})\.(?P<dy>(?:19|20)\d\d)(?![\d.])"
_NUMYMD = r"(?<![\d/])(?P<yy>(?:19|20)\d\d)/(?P<ym>\d{1,2})/(?P<yd>\d{1,2})(?![\d/])"
_NUMSL = (
    r"(?<![\d/-])(?P<sa>\d{1,2})(?P<sep>[/-])(?P<sb>\d{1,2})(?P=sep)(?P<sy>(?:19|20)\d\d)(?![\d/-])"
)
#: one date, in any of the forms above; the weekday may lead a month-name date
DATE = rf"(?P<date>{_WD_LEAD}(?:{_MDY}|{_DMY})|{_ISO}|{_NUMDOT}|{_NUMYMD}|{_NUMSL})"
_SECOND_DATE = DATE.replace("?P<", "?P<x_").replace("(?P=sep)", "(?P=x_sep)")
_TIME = (
    r"(?:\s*(?:,|\bat\b|\||/|-|–)?\s*\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?i:[ap]\.?m\.?)?"
    r"(?:\s*(?:[A-Z]{2,5})(?:[+-]\d{1,2})?)?(?:\s*[+-]\d{2}:?\d{2})?)?"
)
#: a time before the date, as some sites print it: "UPDATED: 10:49, October 27, 2004"
_LEAD_TIME = (
    r"(?:\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?i:[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?\s*[,|/–-]?\s*)?"
)
_BY = r"(?:\s+by\s+[^|\n]{1,60})?"
_TIME_ONLY = regex_cache.re_compile(_TIME.removeprefix("(?:").removesuffix(")?") + r"\s*")
#: what may decorate a line around its text (Markdown emphasis, quotes, bullets)
_DECORATION = " \t*_#>"
_SEGMENT_SPLIT = regex_cache.re_compile(r"\s*[|·•]\s*|\s+/\s+")
_BYLINE = regex_cache.re_compile(r"By\s+[A-Z][^|,\n]{1,60}")
_BYLINE_START = regex_cache.re_compile(r"By\s+[A-Z]")
_BYLINE_CUT = regex_cache.re_compile(r"\s*,\s*|\s+[—–-]+\s+|\s*[—–]\s*")
_FURNITURE = regex_cache.re_compile(
    r"(?i:\d+\s+min(?:ute)?s?\s+read|[$£€]\s?\d[\d.,]*|(?:vol|no)\.?\s*[\w.]+|"
    r"(?:\w+\s*:?\s*)?\d+\s+(?:second|minute|hour|day|week|month|year)s?\s+ago)"
)
_NAME_ONLY = regex_cache.re_compile(r"[^\d\s|][^\d|]{0,60}")
_PLACE = r"[A-Z][A-Z .'’-]{1,30}(?:\s*\([^)\n]{1,20}\))?(?:,\s*[A-Z][A-Za-z.' ]{1,25})?"
# a place in capitals, or in title case with the agency after the date ("Islamabad,
# March 05, 2022 (PPI-OT):"): a title-case word before a date may be a sentence's
_TITLE_PLACE = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}"
_AGENCY = r"\((?P<agency>[A-Za-z][\w./ -]{0,20})\)"
_WIRE = regex_cache.re_compile(
    rf"(?:(?P<place>{_PLACE})\s*,\s*(?P<date>{_WD_LEAD}(?:{_MDY}|{_DMY}))\s*,?\s*"
    rf"(?:{_AGENCY})?"
    rf"|{_TITLE_PLACE}\s*,\s*(?P<t_date>{_WD_LEAD.replace('?P<', '?P<t_')}"
    rf"(?:{_MDY.replace('?P<', '?P<t_')}|{_DMY.replace('?P<', '?P<t_')}))\s*,?\s*"
    rf"{_AGENCY.replace('?P<', '?P<t_')})"
    r"\s*(?:[—–-]{1,2}|:|$)"
)
_SCRAPER = regex_cache.re_compile(rf"\s*(?i:date):?\s+(?P<date>{_ISO})(?=\s|$)")


class Rank(IntEnum):
    """How strongly a line says it gives the article's date (lower is stronger)."""

    PUBLISHED = 1  # a publication label or a byline: "Published:", "Posted on", "By X |"
    DATELINE = 2  # an unlabelled date line, a folio, a wire dateline, a scraper header
    WEEKDAY_LEAD = 3  # "Tuesday, March 23, 2021" opening one of the first lines
    TRAILER = 4  # "published on: 2021-07-25" at the end
    UPDATED = 5  # "Updated:", "Last modified:"


class Found(msgspec.Struct, frozen=True):
    """A date a line gives, where it stands (offsets into the text) and why it counts.

    `value` is None for a numeric date that reads two ways (`readings`) under the
    configured date order.
    """

    rank: Rank
    value: date | None
    start: int
    end: int
    text: str
    kind: str
    readings: tuple[date, ...] = ()


class Patterns(msgspec.Struct, frozen=True):
    """The line patterns compiled for one set of settings."""

    date_line: re.Pattern[str]
    labelled_weekday: re.Pattern[str]
    trailer: re.Pattern[str]
    event_label: re.Pattern[str]
    caption: re.Pattern[str]
    preposition_before: re.Pattern[str]
    widget: Any  # a config's pattern: run through `patterns`, with a time limit
    publication_labels: frozenset[str]


def _words(phrases: tuple[str, ...]) -> str:
    """An alternation of phrases, longest first, any case, spaces as any whitespace."""
    ordered = sorted({p.strip() for p in phrases if p.strip()}, key=lambda s: (-len(s), s))
    if not ordered:
        return r"(?!x)x"
    return "(?i:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered) + ")"


@lru_cache(maxsize=16)
def patterns(settings: TemporalSettings) -> Patterns:
    labels = _words((*settings.publication_labels, *settings.update_labels))
    label = rf"(?P<label>{labels})(?:\s+(?:on|at))?\s*:?\s*"
    return Patterns(
        date_line=regex_cache.re_compile(
            rf"(?:{label}{_LEAD_TIME})?{DATE}{_TIME}(?:\s*{_SECOND_DATE}{_TIME})?{_BY}\s*\.?"
        ),
        labelled_weekday=regex_cache.re_compile(
            rf"{_words(settings.publication_labels)}(?:\s+on)?\s*:?\s*$"
        ),
        trailer=regex_cache.re_compile(
            rf"\b{_words(settings.trailer_labels)}(?:\s+on)?\s*:\s*{DATE}"
        ),
        event_label=regex_cache.re_compile(rf"\s*{_words(settings.event_labels)}"),
        caption=regex_cache.re_compile(_words(settings.caption_markers)),
        preposition_before=regex_cache.re_compile(rf"\b{_words(settings.lead_prepositions)}\s*$"),
        widget=compile_pattern(settings.widget_line_pattern, "widget_line_pattern"),
        publication_labels=frozenset(
            " ".join(p.lower().split()) for p in settings.publication_labels
        ),
    )


def value_of(
    match: re.Match[str], order: str, prefix: str = ""
) -> tuple[date | None, tuple[date, ...]]:
    """The date a `DATE` match names, or None and the readings a numeric date allows
    when its order is not fixed (`order`: "dmy", "mdy" or "none")."""

    groups = match.groupdict()

    def group(name: str) -> str | None:
        return groups.get(prefix + name)

    try:
        if group("month") or group("month2"):
            month = month_number(group("month") or group("month2") or "")
            day = int(re.sub(r"\D", "", group("day") or group("day2") or ""))
            return date(int(group("year") or group("year2") or ""), month, day), ()
        if group("iy"):
            return date(int(group("iy") or ""), int(group("im") or ""), int(group("id") or "")), ()
        if group("dd"):
            return date(int(group("dy") or ""), int(group("dm") or ""), int(group("dd") or "")), ()
        if group("yy"):
            return date(int(group("yy") or ""), int(group("ym") or ""), int(group("yd") or "")), ()
    except ValueError:
        return None, ()
    return numeric_date(int(group("sa") or 0), int(group("sb") or 0), int(group("sy") or 0), order)


def numeric_date(a: int, b: int, year: int, order: str) -> tuple[date | None, tuple[date, ...]]:
    """`a/b/year`: day first or month first. A field over 12 fixes the order; two equal
    fields read the same either way; otherwise the configured order decides."""
    readings = []
    for day, month in ((a, b), (b, a)):
        try:
            readings.append(date(year, month, day))
        except ValueError:
            continue
    unique = tuple(dict.fromkeys(readings))
    if len(unique) == 1:
        return unique[0], ()
    if len(unique) == 2 and order in ("dmy", "mdy"):
        return unique[0] if order == "dmy" else unique[1], ()
    return None, unique


def caps_readable(segment: str) -> str:
    """An ALL-CAPS segment in title case (same length, so offsets hold), else itself."""
    if any(ch.islower() for ch in segment) or not any(ch.isalpha() for ch in segment):
        return segment
    titled = segment.title()
    return titled if len(titled) == len(segment) else segment


def split_segments(line: str) -> list[tuple[int, str]]:
    """`line` cut at `|`, `·`, `•` and ` / `: each piece with its offset in the line."""
    pieces = []
    position = 0
    for separator in _SEGMENT_SPLIT.finditer(line):
        pieces.append((position, line[position : separator.start()]))
        position = separator.end()
    pieces.append((position, line[position:]))
    return [(offset, piece) for offset, piece in pieces if piece.strip()]


def strip_decoration(line: str) -> tuple[int, str]:
    """The line without leading and trailing decoration, and where what is left begins."""
    left = len(line) - len(line.lstrip(_DECORATION))
    return left, line[left:].rstrip(_DECORATION)


def read_line(line: str, offset: int, settings: TemporalSettings) -> Found | None:
    """The date `line` gives as a date line, a segmented line or a wire dateline (its
    text starts at `offset` in the document), or None."""
    compiled = patterns(settings)
    left, body = strip_decoration(line)
    if not body:
        return None
    base = offset + left
    readable = caps_readable(body)
    whole = _date_line(readable, base, 0, compiled, settings)
    if whole is not None:
        return whole
    byline = _byline_date(readable, base, compiled, settings)
    if byline is not None:
        return byline
    wire = _WIRE.match(readable)
    if wire is not None:
        prefix = "" if wire.group("date") is not None else "t_"
        value, readings = value_of(wire, settings.date_order, prefix)
        start, end = wire.span(prefix + "date")
        return Found(
            Rank.DATELINE, value, base + start, base + end, body[start:end], "wire dateline",
            readings,
        )  # fmt: skip
    return _segmented(body, base, compiled, settings)


def _date_line(
    segment: str, base: int, at: int, compiled: Patterns, settings: TemporalSettings
) -> Found | None:
    match = compiled.date_line.fullmatch(segment.strip())
    if match is None:
        return None
    shift = at + len(segment) - len(segment.lstrip())
    label = " ".join((match.group("label") or "").lower().split())
    if not label:
        rank, kind = Rank.DATELINE, "dateline"
    elif label in compiled.publication_labels:
        rank, kind = Rank.PUBLISHED, f"'{label}' label"
    else:
        rank, kind = Rank.UPDATED, f"'{label}' label"
    value, readings = value_of(match, settings.date_order)
    start, end = match.start("date") + shift, match.end("date") + shift
    return Found(
        rank,
        value,
        base + start,
        base + end,
        segment.strip()[match.start("date") : match.end("date")],
        kind,
        readings,
    )


def _byline_date(
    body: str, base: int, compiled: Patterns, settings: TemporalSettings
) -> Found | None:
    """ "By Jane Roe, March 14, 2023" / "By Jane Roe, Staff Writer — March 14, 2023"."""
    if not _BYLINE_START.match(body):
        return None
    for cut in _BYLINE_CUT.finditer(body, 0, min(len(body), 80)):
        found = _date_line(body[cut.end() :], base, cut.end(), compiled, settings)
        if found is not None and found.rank is Rank.DATELINE:
            return Found(
                Rank.PUBLISHED,
                found.value,
                found.start,
                found.end,
                found.text,
                "byline",
                found.readings,
            )
    return None


def _segmented(
    body: str, base: int, compiled: Patterns, settings: TemporalSettings
) -> Found | None:
    """A line of segments ("By Jane Roe | March 14, 2023 | 3 min read", "THE COURIER |
    $1.50 | SUNDAY, MARCH 14, 2021"): a date segment and nothing but furniture around it."""
    segments = split_segments(body)
    if len(segments) < 2:
        return None
    dates: list[Found] = []
    byline = False
    for at, segment in segments:
        readable = caps_readable(segment)
        found = _date_line(readable, base, at, compiled, settings)
        if found is not None:
            dates.append(found)
            continue
        text = segment.strip()
        if _BYLINE.fullmatch(text):
            byline = True
        elif not (
            _FURNITURE.fullmatch(text) or _NAME_ONLY.fullmatch(text) or _TIME_ONLY.fullmatch(text)
        ):
            return None
    if not dates:
        return None
    best = min(dates, key=lambda f: f.rank)
    if byline and best.rank is Rank.DATELINE:
        return Found(
            Rank.PUBLISHED, best.value, best.start, best.end, best.text, "byline", best.readings
        )
    return best


def scraper_header(text: str, body_start: int, settings: TemporalSettings) -> Found | None:
    """ " date 2020-11-23 Last week ...": a scraper's header at the very start of the body."""
    match = _SCRAPER.match(text, body_start)
    if match is None:
        return None
    value, readings = value_of(match, settings.date_order)
    return Found(
        Rank.DATELINE, value, match.start("date"), match.end("date"),
        match.group("date"), "scraper header", readings,
    )  # fmt: skip


def trailer(line: str, offset: int, settings: TemporalSettings) -> Found | None:
    """ "This story has been published on: 2021-07-25." near the end (a colon is needed:
    "was first published on March 3 by the ministry" is prose)."""
    match = patterns(settings).trailer.search(line)
    if match is None:
        return None
    value, readings = value_of(match, settings.date_order)
    return Found(
        Rank.TRAILER, value, offset + match.start("date"), offset + match.end("date"),
        match.group("date"), "trailer", readings,
    )  # fmt: skip
