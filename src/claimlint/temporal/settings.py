"""The temporal layer's knobs, set from the dates check's options in YAML."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TemporalSettings:
    #: front matter keys that give the article's date, in order of preference,
    #: compared without case, "_" or "-"
    front_matter_keys: tuple[str, ...] = ("date", "published")
    #: how far down the text (non-empty lines, characters) a dateline may stand
    dateline_lines: int = 6
    dateline_chars: int = 2000
    #: a weekday-dated sentence counts as the dateline only in the first lines
    weekday_dateline_lines: int = 3
    #: a month and day without a year lie within this many days of the reference date
    implied_year_window: int = 200
    #: how far back (characters) "the day before" looks for the day it counts from
    neighbour_window: int = 1500


DEFAULT_SETTINGS = TemporalSettings()
