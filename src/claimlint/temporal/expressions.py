"""Find date expressions in text with compiled patterns, one per form.

Every pattern marks the expression itself with the group `x` (a leading "in" or
"on" stays outside it). Where patterns overlap, the longest expression wins:
"Tuesday, March 23, 2021" is one full date, not a weekday and a date; "January
last year" is not the bare month "January".

Names that only look like dates are left alone: "may" the verb (month names must
be capitalised), "March" the noun (a bare month needs a preposition or a
qualifier: "in March", "early March"), "Black Friday", "the Sunday Times",
"every Tuesday", "USA Today".

Speed: each pattern declares the words its matches can begin with (`starts`). One
scan of the text finds where such words begin, and each pattern is tried only there
(`pattern.match` at those offsets, resuming after each match as `finditer` does), so
the result is exactly that of running every pattern over the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import msgspec

from claimlint import regex_cache, textindex
from claimlint.temporal.lexicon import (
    COUNT,
    DAY,
    MONTH_ANY,
    MONTH_FULL,
    MONTH_WORDS,
    MONTHS,
    NUMBER_WORDS,
    WEEKDAY_ANY,
    WEEKDAY_FULL,
    WEEKDAY_WORDS,
    YEAR,
)
from claimlint.temporal.model import Form


class Candidate(msgspec.Struct, frozen=True):
    """A matched expression before resolution: its form, span and named parts."""

    form: Form
    start: int
    end: int
    text: str
    parts: dict[str, str]


_I = "(?i:"  # relative words are matched in any case
# white space within one paragraph: a headline's "... set for Thursday" and a date line
# "Feb. 18 (UPI)" under it are not one date
_IN_PARAGRAPH = r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)"
_WEEKDAY_LEAD = rf"(?:(?P<weekday>{WEEKDAY_ANY}),?{_IN_PARAGRAPH}(?:the\s+)?)?"
_PREPOSITION = (
    r"(?i:in|since|until|till|by|from|during|through|throughout|before|after|"
    r"(?:the\s+)?(?:end|beginning|start|middle)\s+of)"
)
_QUALIFIER = r"(?i:early|late|mid)"
_NOT_DIGIT_NEXT = r"(?!\s*,?\s*\d)"

# What a pattern's matches can begin with: a month or weekday name (or abbreviation),
# a digit, an ISO date, or one of the listed words in any case.
_MONTH = "<month>"
_WEEKDAY = "<weekday>"
_DIGIT = "<digit>"
_ISO = "<iso>"
_PREPOSITION_WORDS = (
    "in", "since", "until", "till", "by", "from", "during", "through", "throughout",
    "before", "after", "the", "end", "beginning", "start", "middle",
)  # fmt: skip
_QUALIFIER_WORDS = ("early", "late", "mid")

_PATTERNS: tuple[tuple[Form, tuple[str, ...], str], ...] = (
    (
        Form.FULL_DATE,
        (_MONTH, _WEEKDAY),
        rf"\b(?P<x>{_WEEKDAY_LEAD}(?P<month>{MONTH_ANY})\s+(?P<day>{DAY}),?\s+(?P<year>{YEAR}))",
    ),
    (
        Form.FULL_DATE,
        (_WEEKDAY, _DIGIT),
        rf"\b(?P<x>{_WEEKDAY_LEAD}(?P<day>{DAY})\s+(?:{_I}of)\s+)?(?P<month>{MONTH_ANY}),?\s+(?P<year>{YEAR}))",
    ),
    (
        Form.FULL_DATE,
        (_ISO,),
        r"(?<![\d-])(?P<x>(?P<year>(?:19|20)\d\d)-(?P<monthnum>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01]))(?![\d-])",
    ),
    (
        Form.MONTH_DAY,
        (_MONTH, _WEEKDAY),
        rf"\b(?P<x>{_WEEKDAY_LEAD}(?P<month>{MONTH_ANY})\s+(?P<day>{DAY}))(?![:.,]?\d)",
    ),
    (
        Form.MONTH_DAY,
        (_WEEKDAY, _DIGIT, "the"),
        rf"\b(?P<x>{_WEEKDAY_LEAD}(?:the\s+)?(?P<day>{DAY})\s+(?:{_I}of)\s+)?(?P<month>{MONTH_ANY}))\b",
    ),
    (
        Form.MONTH_DAY,
        (_WEEKDAY,),
        rf"\b(?P<x>(?P<weekday>{WEEKDAY_FULL})\s+\((?P<month>{MONTH_ANY})\s+(?P<day>{DAY})(?:,\s+(?P<year>{YEAR}))?\))",
    ),
    (
        Form.MONTH_YEAR,
        (_MONTH,),
        rf"\b(?P<x>(?P<month>{MONTH_ANY}),?\s+(?:{_I}of)\s+)?(?P<year>{YEAR}))",
    ),
    (
        Form.YEAR,
        (*_PREPOSITION_WORDS,),
        rf"\b{_PREPOSITION}\s+(?P<x>(?:(?P<qualifier>{_QUALIFIER})-?\s*)?(?P<year>{YEAR}))(?!\s*[-–]\s*\d)",
    ),
    (Form.YEAR, (*_QUALIFIER_WORDS,), rf"\b(?P<x>(?P<qualifier>{_QUALIFIER})-(?P<year>{YEAR}))"),
    (
        Form.MONTH,
        (*_PREPOSITION_WORDS,),
        rf"\b(?P<preposition>{_PREPOSITION})\s+(?P<x>(?:(?P<qualifier>{_QUALIFIER})[-\s]+)?(?P<month>{MONTH_FULL}))\b(?!-)",
    ),
    (
        Form.MONTH,
        (*_QUALIFIER_WORDS,),
        rf"\b(?P<x>(?P<qualifier>{_QUALIFIER})[-\s]+(?P<month>{MONTH_FULL}))\b(?!-)",
    ),
    (
        Form.DEICTIC_DAY,
        ("the", "today", "yesterday", "tomorrow", "tonight", "last", "this"),
        rf"\b(?P<x>(?P<word>{_I}the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|"
        rf"today|yesterday|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening))))(?:['’]s)?\b",
    ),
    (
        Form.LAST_NEXT_WEEKDAY,
        ("last", "next"),
        rf"\b(?P<x>(?P<mod>{_I}last|next))\s+(?P<weekday>{WEEKDAY_FULL}))\b",
    ),
    (
        Form.THIS_WEEKDAY,
        ("this",),
        rf"\b(?P<x>(?P<mod>{_I}this\s+past|this\s+coming|this))\s+(?P<weekday>{WEEKDAY_FULL}))\b",
    ),
    (
        Form.LAST_NEXT_MONTH_NAME,
        ("last", "next"),
        rf"\b(?P<x>(?P<mod>{_I}last|next))\s+(?P<month>{MONTH_FULL}))\b{_NOT_DIGIT_NEXT}",
    ),
    (
        Form.THIS_MONTH_NAME,
        ("this",),
        rf"\b(?P<x>(?P<mod>{_I}this\s+past|this\s+coming|this))\s+(?P<month>{MONTH_FULL}))\b{_NOT_DIGIT_NEXT}",
    ),
    (
        Form.MONTH_OF_RELATIVE_YEAR,
        (_MONTH, *_QUALIFIER_WORDS),
        rf"\b(?P<x>(?:(?P<qualifier>{_QUALIFIER})[-\s]+)?(?P<month>{MONTH_FULL}),?\s+(?:{_I}of)\s+)?(?P<mod>{_I}last|this|next))\s+{_I}year))\b",
    ),
    (
        Form.RELATIVE_UNIT,
        ("last", "next", "this"),
        rf"\b(?P<x>(?P<mod>{_I}last|next|this))\s+(?P<unit>{_I}week|weekend|month|year)))\b"
        r"(?!\s+of\b)(?![-])",
    ),
    (
        # "the last year of his term" is not a date
        Form.RELATIVE_UNIT,
        ("the",),
        rf"\b(?P<x>(?P<mod>{_I}the\s+past|the\s+coming|the\s+last|the\s+next))\s+"
        rf"(?P<unit>{_I}week|weekend|month|year)))\b(?!\s+(?:of|in|or|and|before|after)\b)(?![-])",
    ),
    (
        Form.RELATIVE_UNIT,
        ("the",),
        rf"\b(?P<x>(?P<mod>{_I}the\s+past|the\s+last|the\s+next|the\s+coming))\s+(?P<count>{COUNT})\s+"
        rf"(?P<unit>{_I}days|weeks|months|years)))\b",
    ),
    (
        Form.PART_OF_UNIT,
        ("earlier", "later", *_QUALIFIER_WORDS, "the", "end", "beginning", "start", "middle"),
        rf"\b(?P<x>(?P<part>{_I}earlier|later|early|late|mid-?|(?:the\s+)?(?:end|beginning|start|middle)\s+of))\s*"
        rf"(?P<mod>{_I}this|last|next))\s+(?P<unit>{_I}week|month|year)))\b",
    ),
    (
        Form.AGO,
        (_DIGIT, *NUMBER_WORDS),
        rf"\b(?P<x>(?P<count>{COUNT})\s+(?P<unit>{_I}days?|weeks?|months?|years?))\s+{_I}ago))\b",
    ),
    (
        Form.AGO,
        ("in",),
        rf"\b{_I}in)\s+(?P<x>(?P<future>)(?P<count>{COUNT})\s+(?P<unit>{_I}days?|weeks?)))\b(?!\s+of\b|['’])",
    ),
    (
        Form.NEIGHBOUR_DAY,
        ("the", "a"),
        rf"\b(?P<x>(?P<which>{_I}the\s+(?:day\s+(?:before|after)|(?:next|following|previous|preceding)\s+day)|a\s+day\s+(?:earlier|later))))"
        r"(?=\s*[,.;:!?)]|\s+(?:when|as|that)\b)",
    ),
    (
        Form.WEEKDAY,
        (_WEEKDAY,),
        rf"\b(?P<x>(?P<weekday>{WEEKDAY_FULL}))(?:['’]s)?\b(?![-’']\w)",
    ),
)

_COMPILED = tuple((form, regex_cache.re_compile(pattern)) for form, _, pattern in _PATTERNS)
_STARTS = tuple(frozenset(starts) for _, starts, _ in _PATTERNS)
_START_WORDS = sorted(
    {word for starts in _STARTS for word in starts if not word.startswith("<")}
    | set(MONTH_WORDS)
    | set(WEEKDAY_WORDS),
    key=lambda s: (-len(s), s),
)
# Longest first, so the word found at an offset has every other start word that
# matches there as a prefix. Month and weekday names keep their capital.
# The commonest start words begin a date only before certain words: every pattern
# that starts with "the" continues with one of these (or a day number), every one
# that starts with "a" or "an" with a unit.
_UNIT_NEXT = r"(?=\s+(?i:day|week|month|year))"
_ONLY_BEFORE = {
    "the": r"(?=\s+(?:\d|(?i:end|beginning|start|middle|day|past|coming|last|next|"
    r"following|previous|preceding)))",
    "a": _UNIT_NEXT,
    "an": _UNIT_NEXT,
}
_START_ALTERNATIVES = (
    "|".join(
        word
        if word in MONTH_WORDS or word in WEEKDAY_WORDS
        else f"(?i:{word}){_ONLY_BEFORE.get(word, '')}"
        for word in _START_WORDS
    )
    + r"|\d"
)
_START_AT_BEGINNING = regex_cache.re_compile(f"(?:{_START_ALTERNATIVES})")
# A word begins after a non-word character; matching that character first lets the
# regex engine skip quickly to candidates (a leading \b would try every offset). Then
# one character class, of the start words' first letters in any case (folded as the
# alternation folds them) and digits, turns most places away before the alternation
# is tried at all.
_START_LETTERS = "".join(re.escape(first) for first in sorted({word[0] for word in _START_WORDS}))
_START_AFTER_NON_WORD = regex_cache.re_compile(
    rf"\W(?=(?i:[{_START_LETTERS}])|\d)(?:{_START_ALTERNATIVES})"
)
_ISO_START = regex_cache.re_compile(r"(?:19|20)\d\d-")
# patterns that share their starts share their offsets
_START_SETS = tuple(dict.fromkeys(_STARTS))
_START_SET_OF_PATTERN = tuple(_START_SETS.index(starts) for starts in _STARTS)
_WORD_PATTERNS = {
    word: regex_cache.re_compile(f"(?i:{word})")
    for word in _START_WORDS
    if word not in MONTH_WORDS and word not in WEEKDAY_WORDS
}

# Named days and titles: "Black Friday", "Super Tuesday", "the Sunday Times".
_NAMED_DAY_BEFORE = frozenset(
    [
        "Black",
        "Cyber",
        "Good",
        "Super",
        "Easter",
        "Palm",
        "Bloody",
        "Holy",
        "Maundy",
        "Ash",
        "Shrove",
        "Whit",
        "Low",
        "Giving",
        "Plough",
        "Fat",
        "Blue",
        "Mad",
        "Manic",
        "Orthodox",
        "Great",
        "Clean",
        "Spy",
        "Mail",
        "Independent",
        "Observer",
        "Mirror",
        "Express",
        "Sport",
    ]
)
_NAMED_DAY_AFTER = frozenset(
    [
        "Times",
        "Telegraph",
        "Express",
        "Mirror",
        "Post",
        "Herald",
        "Night",
        "Mail",
        "Sport",
        "People",
        "Star",
        "Tribune",
        "Independent",
        "Observer",
        "Business",
        "Journal",
        "School",
        "Service",
        "League",
        "Club",
        "Record",
        "Sun",
        "Review",
        "Nation",
        "Standard",
        "Edition",
        "Show",
        "Programme",
        "Magazine",
        "Bloody",
        "Massacre",
        "Uprising",
    ]
)
_HABITUAL_BEFORE = regex_cache.re_compile(
    r"(?i:\b(?:every|each|most|some|all|a|the|that|any|other)\s+)$"
)
_WORD_BEFORE = regex_cache.re_compile(r"([A-Z][\w’'-]*)[ \t]+$")
_WORD_AFTER = regex_cache.re_compile(r"^[ \t]+([A-Z][\w-]*)")
_SENTENCE_START = regex_cache.re_compile(r"(?:^|[.!?:;“\"‘(\n]\s*|\n)$")
_MONTH_SET = frozenset(MONTHS)
# A full stop after an abbreviation ("the U.S. Capitol", "Sen. Kaine", "on Jan. 5", "John
# F. Kennedy") ends no sentence: cut there, "He will lie in state in the U.S. Capitol on
# Friday" loses its "will"
_ABBREVIATIONS = [
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "St",
    "Gen",
    "Sen",
    "Rep",
    "Gov",
    "Lt",
    "Col",
    "Sgt",
    "Capt",
    "Prof",
    "Rev",
    "Jr",
    "Sr",
    "Maj",
    "Adm",
    "Cmdr",
    "Supt",
    "Det",
    "No",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Mt",
    "Ft",
]
_NOT_AFTER = "".join(rf"(?<!\b{word}\.)" for word in _ABBREVIATIONS) + r"(?<!\b[ap]\.m\.)"
_SENTENCE_ENDS = regex_cache.re_compile(
    rf"(?=(\.(?<![.\s][A-Z]\.){_NOT_AFTER}[ \n]|[!?][ \n]|\n\n))"
)


def find(text: str) -> list[Candidate]:
    """Every date expression of `text`, in order, overlaps resolved longest-first."""
    found: list[Candidate] = []
    offsets = _start_offsets(text)
    for (form, pattern), starts in zip(_COMPILED, offsets, strict=True):
        for match in _matches_at(pattern, text, starts):
            start, end = match.span("x")
            parts = {k: v for k, v in match.groupdict().items() if v is not None and k != "x"}
            candidate = Candidate(form, start, end, text[start:end], parts)
            if _plausible(candidate, text):
                found.append(candidate)
    return _without_overlaps(found, len(text))


def _start_offsets(text: str) -> list[list[int]]:
    """For each pattern, the offsets (in order) where one of its matches may begin."""
    by_starts: list[list[int]] = [[] for _ in _START_SETS]
    first = _START_AT_BEGINNING.match(text)
    if first is not None:
        for index in _start_sets_for(first.group()):
            by_starts[index].append(0)
    for match in _START_AFTER_NON_WORD.finditer(text):
        for index in _start_sets_for(match.group()[1:]):
            by_starts[index].append(match.start() + 1)
    by_starts[_START_SETS.index(frozenset([_ISO]))] = [
        match.start() for match in _ISO_START.finditer(text)
    ]
    return [by_starts[index] for index in _START_SET_OF_PATTERN]


@lru_cache(maxsize=4096)
def _start_sets_for(word: str) -> tuple[int, ...]:
    """The start sets (indices into `_START_SETS`) of the patterns whose matches may
    begin where `word`, the longest start word found there, stands: those with a start
    that matches `word` or one of its prefixes."""
    found: set[str] = set()
    for end in range(1, len(word) + 1):
        prefix = word[:end]
        if prefix in MONTH_WORDS:
            found.add(_MONTH)
        if prefix in WEEKDAY_WORDS:
            found.add(_WEEKDAY)
        if re.fullmatch(r"\d", prefix):
            found.add(_DIGIT)
        found.update(w for w, rx in _WORD_PATTERNS.items() if rx.fullmatch(prefix))
    return tuple(i for i, starts in enumerate(_START_SETS) if starts & found)


def _matches_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int]
) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` yields, given every offset where a match may begin."""
    resume = 0
    for start in starts:
        if start >= resume:
            match = pattern.match(text, start)
            if match is not None:
                yield match
                resume = match.end()


def _without_overlaps(found: list[Candidate], size: int) -> list[Candidate]:
    """The longest candidates that overlap no longer (or earlier) one. Characters already
    taken are marked in a map of the text, so each candidate costs its own length (the
    matches of one pattern never overlap: linear in the text for all of them)."""
    kept: list[Candidate] = []
    taken = bytearray(size)
    for candidate in sorted(found, key=lambda c: (-(c.end - c.start), c.start)):
        if taken.find(1, candidate.start, candidate.end) >= 0:
            continue
        kept.append(candidate)
        taken[candidate.start : candidate.end] = b"\x01" * (candidate.end - candidate.start)
    return sorted(kept, key=lambda c: c.start)


def _plausible(candidate: Candidate, text: str) -> bool:
    before = text[max(0, candidate.start - 40) : candidate.start]
    after = text[candidate.end : candidate.end + 40]
    if candidate.form is Form.WEEKDAY:
        return _is_dated_weekday(before, after)
    if candidate.form is Form.DEICTIC_DAY:
        # "USA Today", "Russia Today": a capitalised "Today" inside a sentence is a name.
        return not (candidate.text[0].isupper() and not _SENTENCE_START.search(before))
    if candidate.form is Form.RELATIVE_UNIT and candidate.text.istitle():
        # "on ABC's This Week", "Next Year in Jerusalem": a title inside a sentence
        return bool(_SENTENCE_START.search(before))
    if candidate.form is Form.MONTH and "qualifier" not in candidate.parts:
        # "by April Ryan", "in March Madness": a name, not a month.
        word = _WORD_AFTER.match(after)
        return not (word and word.group(1) not in _MONTH_SET)
    return True


def _is_dated_weekday(before: str, after: str) -> bool:
    if _HABITUAL_BEFORE.search(before):
        return False
    word = _WORD_BEFORE.search(before)
    if word and word.group(1) in _NAMED_DAY_BEFORE:
        return False
    if before.endswith(("Mail on ", "Independent on ", "Observer on ")):
        return False
    word = _WORD_AFTER.match(after)
    return not (word and word.group(1) in _NAMED_DAY_AFTER)


#: the farthest a sentence reaches either side of a span: real sentences are far
#: shorter, and a text without a sentence end must not make every date read all of it
SENTENCE_REACH = 1000


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around a span, cut at sentence punctuation or a blank line (hard-
    wrapped text has single line breaks inside its sentences), and at `SENTENCE_REACH`."""
    ends = textindex.marks(text, _SENTENCE_ENDS)
    floor = max(0, start - SENTENCE_REACH)
    ceiling = min(len(text), end + SENTENCE_REACH)
    left = textindex.last_within(ends, floor, start)
    right = textindex.first_within(ends, end, ceiling)
    return (left + 1 if left >= 0 else floor), (right if right >= 0 else ceiling)
