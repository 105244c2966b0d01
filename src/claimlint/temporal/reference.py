"""The reference date of an article: `--date`, else the front matter, else a dateline.

A dateline is a full date (day, month and year) near the top of the text that
presents itself as the article's date: a line of its own ("March 23, 2021",
"Published: Tue 23 March 2021 10:45"), a wire dateline ("BAGHDAD, March 23, 2021 —"),
or, in the first lines, a date with its weekday ("The White House announced,
Tuesday, March 23, 2021, that ..."). A date in the middle of the lead without
any of these marks is more often the event than the article ("On January 3, 2020,
a US strike ..."), so it is not taken.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from dateutil import parser as date_parser

from claimlint.temporal.expressions import Candidate
from claimlint.temporal.model import Form, Reference
from claimlint.temporal.settings import DEFAULT_SETTINGS, TemporalSettings

_LABEL = re.compile(
    r"(?i)^[\s*_#>|]*(?:(?:published|posted|updated|date|dated|last\s+updated)(?:\s+on)?\s*:?\s*)?$"
)
_TRAILER = re.compile(
    r"(?i)^[\s*_|,]*(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?"
    r"(?:\s*[-+]\d{2}:?\d{2})?)?[\s*_|]*$"
)
_WIRE_LEAD = re.compile(r"^[\s*_]*[A-Z][A-Z .'-]+(?:\([^)]*\))?,\s*$")
_WIRE_TRAIL = re.compile(r"^\s*(?:[—–-]|\((?:AP|AFP|Reuters|UPI|IANS|PTI|dpa|ANI)\))")


def find_reference(
    text: str,
    body_start: int,
    front_matter: dict[str, Any],
    override: date | None,
    candidates: Sequence[Candidate],
    settings: TemporalSettings = DEFAULT_SETTINGS,
) -> Reference | None:
    """The reference date by the order above, or None."""
    if override is not None:
        return Reference(override, "option", "--date")
    found = _from_front_matter(text, body_start, front_matter, settings.front_matter_keys)
    if found is not None:
        return found
    return _from_dateline(text, body_start, candidates, settings)


def parse_date_value(value: Any) -> date | None:
    """A front matter value as a date: a YAML date or timestamp (its date as written,
    in its own zone), or a string such as "2021-03-23T10:00:00+03:00",
    "Tue, 23 Mar 2021 10:00:00 GMT" or "March 23, 2021". None unless day, month and
    year are all there."""
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
    try:
        first = date_parser.parse(text, default=datetime(2000, 1, 1))
        second = date_parser.parse(text, default=datetime(2001, 2, 2))
    except (ValueError, OverflowError):
        return None
    if first.date() != second.date():
        return None  # a part of the date was missing and filled in
    return first.date()


def _from_front_matter(
    text: str, body_start: int, front_matter: dict[str, Any], keys: Sequence[str]
) -> Reference | None:
    by_key = {_normalise(str(key)): key for key in front_matter}
    for wanted in (_normalise(k) for k in keys):
        key = by_key.get(wanted)
        if key is None:
            continue
        value = parse_date_value(front_matter[key])
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


def _from_dateline(
    text: str, body_start: int, candidates: Sequence[Candidate], settings: TemporalSettings
) -> Reference | None:
    limit = min(len(text), body_start + settings.dateline_chars)
    line_index = _line_indexer(text, body_start, limit, settings.dateline_lines)
    weekday_dated: Candidate | None = None
    for candidate in candidates:
        if candidate.start < body_start:
            continue
        if candidate.start >= limit:
            break
        line = line_index(candidate.start)
        if line is None:
            break
        if candidate.form is not Form.FULL_DATE:
            continue
        value = _candidate_date(candidate)
        if value is None:
            continue
        line_start = text.rfind("\n", 0, candidate.start) + 1
        line_end = text.find("\n", candidate.end)
        line_end = len(text) if line_end < 0 else line_end
        before = text[line_start : candidate.start]
        after = text[candidate.end : line_end]
        stands_alone = _LABEL.match(before) and _TRAILER.match(after)
        wire = _WIRE_LEAD.match(before) and _WIRE_TRAIL.match(after)
        if stands_alone or wire:
            return _dateline(value, candidate)
        if (
            weekday_dated is None
            and "weekday" in candidate.parts
            and line <= settings.weekday_dateline_lines
        ):
            weekday_dated = candidate
    if weekday_dated is not None:
        value = _candidate_date(weekday_dated)
        assert value is not None
        return _dateline(value, weekday_dated)
    return None


def _dateline(value: date, candidate: Candidate) -> Reference:
    return Reference(
        value, "dateline", f"dateline '{candidate.text}'", candidate.start, candidate.end
    )


def _candidate_date(candidate: Candidate) -> date | None:
    from claimlint.temporal.lexicon import month_number

    parts = candidate.parts
    month = int(parts["monthnum"]) if "monthnum" in parts else month_number(parts["month"])
    day = int("".join(ch for ch in parts["day"] if ch.isdigit()))
    try:
        return date(int(parts["year"]), month, day)
    except ValueError:
        return None


def _line_indexer(text: str, start: int, limit: int, top_lines: int) -> Any:
    """Map an offset to its rank among the non-empty lines from `start` (1-based),
    or None past `top_lines`."""
    ranks: list[tuple[int, int]] = []
    offset = start
    rank = 0
    while offset < limit and rank < top_lines:
        end = text.find("\n", offset)
        end = len(text) if end < 0 else end
        if text[offset:end].strip():
            rank += 1
            ranks.append((end, rank))
        offset = end + 1

    def index(position: int) -> int | None:
        for end, line_rank in ranks:
            if position <= end:
                return line_rank
        return None

    return index
