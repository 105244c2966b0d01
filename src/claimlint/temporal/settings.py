"""The temporal layer's knobs, set from the dates check's options in YAML."""

from __future__ import annotations

from typing import Literal

import msgspec

DateOrder = Literal["none", "dmy", "mdy"]


class TemporalSettings(msgspec.Struct, frozen=True):
    #: front matter keys that give the article's date, in order of preference,
    #: compared without case, "_" or "-"
    front_matter_keys: tuple[str, ...] = ("date", "published")
    #: how far down the text (non-empty lines, characters) a dateline may stand
    dateline_lines: int = 6
    dateline_chars: int = 2000
    #: a weekday-dated sentence counts as the dateline only in the first lines
    weekday_dateline_lines: int = 3
    #: a labelled date ("Published: ...") may stand this far down (non-empty lines)
    labelled_dateline_lines: int = 12
    #: a labelled trailer ("published on: 2021-07-25") stands in the last lines
    trailer_lines: int = 5
    #: labels that say a date is the publication date, and those that say it is not
    #: ("Updated:"), compared without case
    publication_labels: tuple[str, ...] = ("published", "posted")
    update_labels: tuple[str, ...] = ("updated",)
    trailer_labels: tuple[str, ...] = ("published",)
    #: a "Date:" line beside one of these ("Time:", "Venue:") is an event's, not the page's
    event_labels: tuple[str, ...] = ()
    #: a weekday date on a line with one of these is a photo caption's
    caption_markers: tuple[str, ...] = ()
    #: a weekday date after one of these words is an event's ("on Monday, March 23, 2020")
    lead_prepositions: tuple[str, ...] = ()
    #: a line near a date line that marks it as a site widget (a temperature)
    widget_line_pattern: str = r"(?!x)x"
    #: how a numeric date such as 03/04/2021 reads: "dmy", "mdy", or "none" (not a date)
    date_order: DateOrder = "none"
    #: a month and day without a year lie within this many days of the reference date
    implied_year_window: int = 200
    #: how far back (characters) "the day before" looks for the day it counts from
    neighbour_window: int = 1500


DEFAULT_SETTINGS = TemporalSettings()
