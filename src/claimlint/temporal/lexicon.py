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

#: ordinal words ("the fourth anniversary"); compounds are built with the tens
ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}  # fmt: skip
COUNT_WORDS = {**NUMBER_WORDS, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
               "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "hundred": 100}  # fmt: skip


def ordinal(text: str) -> int | None:
    """The number of an ordinal: "fourth", "21st", "thirty-fourth", "one-year"."""
    words = text.casefold().replace("-", " ").split()
    if not words:
        return None
    if words[0][:-2].isdigit() and words[0][-2:] in ("st", "nd", "rd", "th"):
        return int(words[0][:-2])
    if words[-1] == "year" and len(words) == 2:
        return number(words[0])
    if len(words) == 2 and words[0] in TENS and words[1] in ORDINAL_WORDS:
        return TENS[words[0]] + ORDINAL_WORDS[words[1]]
    return ORDINAL_WORDS.get(words[0]) if len(words) == 1 else None


def ordinal_digits(value: int) -> str:
    """3 -> "3rd", 11 -> "11th"."""
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


def ordinal_word(value: int) -> str:
    """3 -> "third", 34 -> "34th"."""
    for word, number_ in ORDINAL_WORDS.items():
        if number_ == value and value <= 20:
            return word
    return ordinal_digits(value)


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
    return NUMBER_WORDS.get(word.lower()) or COUNT_WORDS.get(word.lower())


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
