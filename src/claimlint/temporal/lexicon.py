"""Words of dates: month and weekday names, number words, and the regex pieces built
from them. Month and weekday names must be capitalised (so "may" the verb is never a
month); relative words match in either case."""

from __future__ import annotations

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_MONTH_ABBREVIATIONS = {
    "Jan": 1,
    "Feb": 2,
    "Mar": 3,
    "Apr": 4,
    "Jun": 6,
    "Jul": 7,
    "Aug": 8,
    "Sep": 9,
    "Sept": 9,
    "Oct": 10,
    "Nov": 11,
    "Dec": 12,
}
_WEEKDAY_ABBREVIATIONS = {
    "Mon": 0,
    "Tue": 1,
    "Tues": 1,
    "Wed": 2,
    "Thu": 3,
    "Thur": 3,
    "Thurs": 3,
    "Fri": 4,
    "Sat": 5,
    "Sun": 6,
}

NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}


#: the words a month or weekday name begins with: full names and abbreviations
MONTH_WORDS = MONTHS + tuple(_MONTH_ABBREVIATIONS)
WEEKDAY_WORDS = WEEKDAYS + tuple(_WEEKDAY_ABBREVIATIONS)


def month_number(word: str) -> int:
    """1-12 for a month name or abbreviation ("Sept.", "january")."""
    key = word.rstrip(".").capitalize()
    if key in _MONTH_ABBREVIATIONS:
        return _MONTH_ABBREVIATIONS[key]
    return MONTHS.index(key) + 1


def weekday_number(word: str) -> int:
    """0 (Monday) to 6 for a weekday name or abbreviation."""
    key = word[:-2] if word.endswith(("'s", "’s")) else word
    key = key.rstrip(".").capitalize()
    if key in _WEEKDAY_ABBREVIATIONS:
        return _WEEKDAY_ABBREVIATIONS[key]
    return WEEKDAYS.index(key)


def number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word.lower())


# -- regex pieces ------------------------------------------------------------

MONTH_FULL = "(?:" + "|".join(MONTHS) + ")"
# "May" has no abbreviation; an abbreviation may carry a full stop ("Jan.", "Sept.").
MONTH_ANY = (
    "(?:"
    + "|".join(MONTHS)
    + "|(?:"
    + "|".join(sorted(_MONTH_ABBREVIATIONS, key=lambda s: (-len(s), s)))
    + r")\.?)"
)
WEEKDAY_FULL = "(?:" + "|".join(WEEKDAYS) + ")"
WEEKDAY_ANY = (
    "(?:"
    + "|".join(WEEKDAYS)
    + "|(?:"
    + "|".join(sorted(_WEEKDAY_ABBREVIATIONS, key=lambda s: (-len(s), s)))
    + r")\.)"
)
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR = r"(?<![\d,.$£€])(?:1[89]\d\d|20\d\d)(?![\d%]|,\d)"
COUNT = "(?:" + "|".join(NUMBER_WORDS) + r"|\d{1,3})"
