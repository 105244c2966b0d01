"""Which date expressions are claims about when something happened.

A date expression in a sentence that names an event (a cue from the facts file, or an
event noun such as "the earthquake") is read as that event's date, unless the words
around it say it dates something else:

- it is the article's own date, or a range that holds it ("on Tuesday" in a Tuesday
  article, "this year"): that is when things were said, not when they happened;
- it follows a speech verb ("officials said on Monday"), or a preposition that makes
  it the edge of a period ("since 1998", "until 2024", "by June", "after May");
- it lies in the future of the article while the event is in its past;
- a day-level relative date ("on Friday", "yesterday") about an event more than a
  month away from the article's date: that is a report's day, not the event's;
- the sentence measures a distance from the event ("two days after the strike",
  "a week later", "the anniversary of"): the date is not the event's own.

These rules favour silence: a contradiction reported is one an editor must fix.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from claimlint import regex_cache
from claimlint.document import Document
from claimlint.sentences import Sentence, sentences_of
from claimlint.temporal import (
    DateExpression,
    DateRange,
    Form,
    Granularity,
    Reference,
    Timeline,
)

_BOUNDARY_BEFORE = regex_cache.re_compile(
    r"(?i)\b(?:since|until|till|from|by|between|to|through|after|before|born|founded|"
    r"established|following|ahead\s+of|prior\s+to|as\s+of|starting|beginning)"
    r"(?:\s+(?:early|late|mid|the|about|around))*\s*,?\s*$"
)
_SPEECH_BEFORE = regex_cache.re_compile(
    r"(?i)\b(?:said|says|told|announced|reported|added|confirmed|stated|declared|wrote|"
    r"tweeted|noted|explained|insisted|warned|claimed)\b[^.;:]{0,12}$"
)
_RANGE_AFTER = regex_cache.re_compile(r"(?i)^\s*(?:-|–|—|to|until|till|through|and)\s")
_MEASURED = regex_cache.re_compile(
    r"(?i)\b(?:(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|"
    r"some|many)\s+(?:days?|weeks?|months?|years?|decades?)\s+(?:after|before|later|earlier|"
    r"on|since)|(?:the\s+)?(?:day|week|month|year)\s+(?:after|before)|anniversar(?:y|ies)|"
    r"(?:first|second|third|fourth|fifth|tenth|\d+(?:st|nd|rd|th))\s+anniversary)\b"
)
#: every match of `_MEASURED` holds one of these, casefolded: a character that matches one
#: of their letters case-insensitively casefolds to it (the Kelvin sign to "k", "ſ" to "s")
_MEASURED_WORDS = ("day", "week", "month", "year", "decade", "versar")
_REPORTING_FORMS = frozenset(
    {Form.WEEKDAY, Form.LAST_NEXT_WEEKDAY, Form.THIS_WEEKDAY, Form.DEICTIC_DAY, Form.NEIGHBOUR_DAY}
)
_RECENT = timedelta(days=31)
#: how far (in characters) a date may stand from the words naming its event
MAX_DISTANCE = 160


def dated_sentences(
    doc: Document, timeline: Timeline
) -> Iterator[tuple[Sentence, list[DateExpression]]]:
    """Each sentence with its resolved date expressions, skipping sentences without any."""
    expressions = [e for e in timeline.expressions if e.resolved is not None]
    if not expressions:
        return
    index = 0
    for sentence in sentences_of(doc):
        inside = []
        while index < len(expressions) and expressions[index].start < sentence.end:
            if expressions[index].start >= sentence.start:
                inside.append(expressions[index])
            index += 1
        if inside:
            yield sentence, inside


def may_date_an_event(
    doc: Document, reference: Reference | None, expression: DateExpression, sentence: Sentence
) -> bool:
    """False when the words around `expression` say it dates something else (see module)."""
    text = doc.lint_text
    resolved = expression.resolved
    if resolved is None:
        return False
    if reference is not None:
        if reference.start is not None and reference.start <= expression.start < (
            reference.end or 0
        ):
            return False
        if resolved.start <= reference.date <= resolved.end and expression.relative:
            return False
    before = text[max(sentence.start, expression.start - 40) : expression.start]
    if _BOUNDARY_BEFORE.search(before) or _SPEECH_BEFORE.search(before):
        return False
    return not _RANGE_AFTER.match(text[expression.end : expression.end + 10])


def measured_from(doc: Document, sentence: Sentence) -> bool:
    """True when the sentence counts time from an event ("two days after the strike")."""
    text = doc.lint_text
    # `_MEASURED` is case-insensitive and opens with \b, so `re` tries it at every
    # offset; it cannot match a sentence without one of its words
    folded = text[sentence.start : sentence.end].casefold()
    if not any(word in folded for word in _MEASURED_WORDS):
        return False
    return _MEASURED.search(text, sentence.start, sentence.end) is not None


def plausible_for(
    reference: Reference | None, expression: DateExpression, event: DateRange
) -> bool:
    """Whether a date of this shape could be the event's, given the article's date."""
    resolved = expression.resolved
    if reference is None or resolved is None:
        return True
    today = reference.date
    if resolved.start > today and event.end < today:
        return False  # a coming date cannot be a past event's
    if expression.form in _REPORTING_FORMS or (
        expression.form is Form.AGO and expression.granularity is Granularity.DAY
    ):
        return _near(event, today)
    return True


def _near(event: DateRange, today: date) -> bool:
    return event.start - _RECENT <= today <= event.end + _RECENT
