"""Find date expressions in text with compiled patterns, one per form.

Every pattern marks the expression itself with the group `x` (a leading "in" or
"on" stays outside it). Where patterns overlap, the longest expression wins:
"Tuesday, March 23, 2021" is one full date, not a weekday and a date; "January
last year" is not the bare month "January".

Names that only look like dates are left alone: "may" the verb (month names must
be capitalised), "March" the noun (a bare month needs a preposition or a
qualifier: "in March", "early March"), "Black Friday", "the Sunday Times",
"every Tuesday", "USA Today".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimlint.temporal.lexicon import (
    COUNT,
    DAY,
    MONTH_ANY,
    MONTH_FULL,
    MONTHS,
    WEEKDAY_ANY,
    WEEKDAY_FULL,
    YEAR,
)
from claimlint.temporal.model import Form


@dataclass(frozen=True, slots=True)
class Candidate:
    """A matched expression before resolution: its form, span and named parts."""

    form: Form
    start: int
    end: int
    text: str
    parts: dict[str, str]


_I = "(?i:"  # relative words are matched in any case
_WEEKDAY_LEAD = rf"(?:(?P<weekday>{WEEKDAY_ANY}),?\s+(?:the\s+)?)?"
_PREPOSITION = (
    r"(?i:in|since|until|till|by|from|during|through|throughout|before|after|"
    r"(?:the\s+)?(?:end|beginning|start|middle)\s+of)"
)
_QUALIFIER = r"(?i:early|late|mid)"
_NOT_DIGIT_NEXT = r"(?!\s*,?\s*\d)"

_PATTERNS: tuple[tuple[Form, str], ...] = (
    (
        Form.FULL_DATE,
        rf"\b(?P<x>{_WEEKDAY_LEAD}(?P<month>{MONTH_ANY})\s+(?P<day>{DAY}),?\s+(?P<year>{YEAR}))",
    ),
    (
        Form.FULL_DATE,
        rf"\b(?P<x>{_WEEKDAY_LEAD}(?P<day>{DAY})\s+(?:{_I}of)\s+)?(?P<month>{MONTH_ANY}),?\s+(?P<year>{YEAR}))",
    ),
    (
        Form.FULL_DATE,
        r"(?<![\d-])(?P<x>(?P<year>(?:19|20)\d\d)-(?P<monthnum>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01]))(?![\d-])",
    ),
    (
        Form.MONTH_DAY,
        rf"\b(?P<x>{_WEEKDAY_LEAD}(?P<month>{MONTH_ANY})\s+(?P<day>{DAY}))(?![:.,]?\d)",
    ),
    (
        Form.MONTH_DAY,
        rf"\b(?P<x>{_WEEKDAY_LEAD}(?:the\s+)?(?P<day>{DAY})\s+(?:{_I}of)\s+)?(?P<month>{MONTH_ANY}))\b",
    ),
    (
        Form.MONTH_DAY,
        rf"\b(?P<x>(?P<weekday>{WEEKDAY_FULL})\s+\((?P<month>{MONTH_ANY})\s+(?P<day>{DAY})(?:,\s+(?P<year>{YEAR}))?\))",
    ),
    (
        Form.MONTH_YEAR,
        rf"\b(?P<x>(?P<month>{MONTH_ANY}),?\s+(?:{_I}of)\s+)?(?P<year>{YEAR}))",
    ),
    (
        Form.YEAR,
        rf"\b{_PREPOSITION}\s+(?P<x>(?:(?P<qualifier>{_QUALIFIER})-?\s*)?(?P<year>{YEAR}))(?!\s*[-–]\s*\d)",
    ),
    (Form.YEAR, rf"\b(?P<x>(?P<qualifier>{_QUALIFIER})-(?P<year>{YEAR}))"),
    (
        Form.MONTH,
        rf"\b(?P<preposition>{_PREPOSITION})\s+(?P<x>(?:(?P<qualifier>{_QUALIFIER})[-\s]+)?(?P<month>{MONTH_FULL}))\b(?!-)",
    ),
    (Form.MONTH, rf"\b(?P<x>(?P<qualifier>{_QUALIFIER})[-\s]+(?P<month>{MONTH_FULL}))\b(?!-)"),
    (
        Form.DEICTIC_DAY,
        rf"\b(?P<x>(?P<word>{_I}the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|"
        rf"today|yesterday|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening))))(?:['’]s)?\b",
    ),
    (
        Form.LAST_NEXT_WEEKDAY,
        rf"\b(?P<x>(?P<mod>{_I}last|next))\s+(?P<weekday>{WEEKDAY_FULL}))\b",
    ),
    (
        Form.THIS_WEEKDAY,
        rf"\b(?P<x>(?P<mod>{_I}this\s+past|this\s+coming|this))\s+(?P<weekday>{WEEKDAY_FULL}))\b",
    ),
    (
        Form.LAST_NEXT_MONTH_NAME,
        rf"\b(?P<x>(?P<mod>{_I}last|next))\s+(?P<month>{MONTH_FULL}))\b{_NOT_DIGIT_NEXT}",
    ),
    (
        Form.THIS_MONTH_NAME,
        rf"\b(?P<x>(?P<mod>{_I}this\s+past|this\s+coming|this))\s+(?P<month>{MONTH_FULL}))\b{_NOT_DIGIT_NEXT}",
    ),
    (
        Form.MONTH_OF_RELATIVE_YEAR,
        rf"\b(?P<x>(?:(?P<qualifier>{_QUALIFIER})[-\s]+)?(?P<month>{MONTH_FULL}),?\s+(?:{_I}of)\s+)?(?P<mod>{_I}last|this|next))\s+{_I}year))\b",
    ),
    (
        Form.RELATIVE_UNIT,
        rf"\b(?P<x>(?P<mod>{_I}last|next|this))\s+(?P<unit>{_I}week|weekend|month|year)))\b"
        r"(?!\s+of\b)(?![-])",
    ),
    (
        # "the last year of his term" is not a date
        Form.RELATIVE_UNIT,
        rf"\b(?P<x>(?P<mod>{_I}the\s+past|the\s+coming|the\s+last|the\s+next))\s+"
        rf"(?P<unit>{_I}week|weekend|month|year)))\b(?!\s+(?:of|in|or|and|before|after)\b)(?![-])",
    ),
    (
        Form.RELATIVE_UNIT,
        rf"\b(?P<x>(?P<mod>{_I}the\s+past|the\s+last|the\s+next|the\s+coming))\s+(?P<count>{COUNT})\s+"
        rf"(?P<unit>{_I}days|weeks|months|years)))\b",
    ),
    (
        Form.PART_OF_UNIT,
        rf"\b(?P<x>(?P<part>{_I}earlier|later|early|late|mid-?|(?:the\s+)?(?:end|beginning|start|middle)\s+of))\s*"
        rf"(?P<mod>{_I}this|last|next))\s+(?P<unit>{_I}week|month|year)))\b",
    ),
    (
        Form.AGO,
        rf"\b(?P<x>(?P<count>{COUNT})\s+(?P<unit>{_I}days?|weeks?|months?|years?))\s+{_I}ago))\b",
    ),
    (
        Form.AGO,
        rf"\b{_I}in)\s+(?P<x>(?P<future>)(?P<count>{COUNT})\s+(?P<unit>{_I}days?|weeks?)))\b(?!\s+of\b|['’])",
    ),
    (
        Form.NEIGHBOUR_DAY,
        rf"\b(?P<x>(?P<which>{_I}the\s+(?:day\s+(?:before|after)|(?:next|following|previous|preceding)\s+day)|a\s+day\s+(?:earlier|later))))"
        r"(?=\s*[,.;:!?)]|\s+(?:when|as|that)\b)",
    ),
    (
        Form.WEEKDAY,
        rf"\b(?P<x>(?P<weekday>{WEEKDAY_FULL}))(?:['’]s)?\b(?![-’']\w)",
    ),
)

_COMPILED = tuple((form, re.compile(pattern)) for form, pattern in _PATTERNS)

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
_HABITUAL_BEFORE = re.compile(r"(?i:\b(?:every|each|most|some|all|a|the|that|any|other)\s+)$")
_WORD_BEFORE = re.compile(r"([A-Z][\w’'-]*)[ \t]+$")
_WORD_AFTER = re.compile(r"^[ \t]+([A-Z][\w-]*)")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;“\"‘(\n]\s*|\n)$")
_MONTH_SET = frozenset(MONTHS)
_SENTENCE_ENDS = (". ", ".\n", "! ", "!\n", "? ", "?\n", "\n\n")


def find(text: str) -> list[Candidate]:
    """Every date expression of `text`, in order, overlaps resolved longest-first."""
    found: list[Candidate] = []
    for form, pattern in _COMPILED:
        for match in pattern.finditer(text):
            start, end = match.span("x")
            parts = {k: v for k, v in match.groupdict().items() if v is not None and k != "x"}
            candidate = Candidate(form, start, end, text[start:end], parts)
            if _plausible(candidate, text):
                found.append(candidate)
    return _without_overlaps(found)


def _without_overlaps(found: list[Candidate]) -> list[Candidate]:
    kept: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for candidate in sorted(found, key=lambda c: (-(c.end - c.start), c.start)):
        if any(candidate.start < e and s < candidate.end for s, e in taken):
            continue
        kept.append(candidate)
        taken.append((candidate.start, candidate.end))
    return sorted(kept, key=lambda c: c.start)


def _plausible(candidate: Candidate, text: str) -> bool:
    before = text[max(0, candidate.start - 40) : candidate.start]
    after = text[candidate.end : candidate.end + 40]
    if candidate.form is Form.WEEKDAY:
        return _is_dated_weekday(before, after)
    if candidate.form is Form.DEICTIC_DAY:
        # "USA Today", "Russia Today": a capitalised "Today" inside a sentence is a name.
        return not (candidate.text[0].isupper() and not _SENTENCE_START.search(before))
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


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around a span, cut at sentence punctuation or a blank line (hard-
    wrapped text has single line breaks inside its sentences)."""
    left = max(text.rfind(mark, 0, start) for mark in _SENTENCE_ENDS)
    right_candidates = [i for i in (text.find(m, end) for m in _SENTENCE_ENDS) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    return left + 1, right
