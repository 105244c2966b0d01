"""Anniversaries and distances in years, checked against the event's date.

- an ordinal: "the fourth anniversary of the explosion", "Moravec's third
  assassination anniversary": the years from the event to the commemoration (a date the
  sentence gives to it, "next October" being the event's day that October; else the
  article's date), rounded;
- "N years since/after X", "N years on", "a year since X": the years from the event to
  the article's date (or to a full date of the sentence), within a tolerance; not after
  "over", "nearly", "about"…;
- a day called the anniversary: "on Friday, November 8, the anniversary of the
  ceasefire", "August 29 marks the anniversary of the explosion": day and month must be
  the event's.

The event is the one the words after "anniversary of" or "since/after" name (a cue, an
alias, a word of its kind), among those the sentence names; for an ordinal without
"of", the one named just before it ("Moravec's third…").
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import msgspec

from claimlint import regex_cache
from claimlint.facts import FactDate
from claimlint.temporal import DateExpression, Form, Granularity
from claimlint.temporal.lexicon import (
    MONTHS,
    ORDINAL_WORDS,
    TENS,
    number,
    ordinal,
    ordinal_digits,
    ordinal_word,
)
from claimlint.timeline.binding import event_words_of
from claimlint.timeline.identify import Mention
from claimlint.timeline.reading import within_years, years_between
from claimlint.timeline.terms import CueClass, Token, Vocabulary

_ORDINAL = (
    r"(?:(?:" + "|".join(TENS) + r")[- ])?(?:" + "|".join(ORDINAL_WORDS) + r")"
    r"|\d{1,3}(?:st|nd|rd|th)|(?:one|1|a)[- ]year"
)
ORDINAL_ANNIVERSARY = regex_cache.re_compile(
    rf"(?i)\b(?P<ordinal>{_ORDINAL})(?:[- ](?P<what>martyrdom|assassination|death|killing))?"
    r"[- ]anniversary\b(?P<of>\s+of\b)?"
)
_COUNT = r"\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty"
YEARS_SINCE = regex_cache.re_compile(
    rf"(?i)\b(?P<count>{_COUNT})(?P<half>[- ]and[- ]a[- ]half)?[- ](?P<unit>years?|decades?)"
    r"(?:\s+to\s+the\s+day)?\s+(?P<relation>since|after|on)\b"
)
_QUALIFIED = regex_cache.re_compile(
    r"(?i)\b(?:over|more\s+than|nearly|almost|about|some|around|at\s+least|less\s+than|under|"
    r"close\s+to|roughly|up\s+to|than|just)\s+$"
)
_CALLED_ANNIVERSARY = regex_cache.re_compile(
    r"(?i)^\s*,?\s*(?:(?:which|that)\s+)?(?:is|was|marks|marked|will\s+mark|being|on)?\s*"
    r"(?:the|its)\s+(?:[\w-]+\s+){0,2}?anniversary\s+of\b"
)
_FUTURE = regex_cache.re_compile(
    r"(?i)\b(?:will|next|plans?|planned|scheduled|due\s+to|is\s+to|are\s+to)\b"
)
_LOOK_AHEAD = 80
_PHRASE_END = regex_cache.re_compile(r"[,;:.!?](?=\s)|\s[-—–]\s")


class Claim(msgspec.Struct, frozen=True):
    """An anniversary or a distance that the facts contradict."""

    start: int
    end: int
    text: str
    event: int
    #: how the text reads, and what the facts make of it
    claim: str
    suggestion: str


class Sentence(msgspec.Struct, frozen=True):
    """What the checks need of one sentence."""

    start: int
    end: int
    tokens: Sequence[Token]
    mentions: Sequence[Mention]
    expressions: Sequence[DateExpression]
    #: expressions already bound to an event (not a commemoration's date)
    bound: frozenset[int]


class Anniversaries:
    def __init__(self, vocabulary: Vocabulary, years_tolerance: float) -> None:
        self.vocabulary = vocabulary
        self.tolerance = years_tolerance

    def check(
        self, text: str, sentence: Sentence, reference: date | None
    ) -> tuple[list[Claim], set[int]]:
        """The contradicted anniversaries of a sentence, and the start offsets of the
        date expressions they account for (not claims of the event's own date)."""
        claims: list[Claim] = []
        used: set[int] = set()
        claims += self._ordinals(text, sentence, reference, used)
        if reference is not None:
            claims += self._years_since(text, sentence, reference)
        claims += self._days_called_anniversary(text, sentence, used)
        return claims, used

    # -- which event -----------------------------------------------------------

    def _event_after(self, text: str, sentence: Sentence, start: int) -> int | None:
        """The event named first after `start` (within a short reach)."""
        named = {m.event for m in sentence.mentions}
        end = min(sentence.end, start + _LOOK_AHEAD)
        stop = _PHRASE_END.search(text, start, end)
        if stop is not None:
            end = stop.start()  # "70 years since her coronation, ...": not past the phrase
        for token in sentence.tokens:
            if start <= token.start < end:
                # a word that names the happening: a person or a place says whose or where,
                # not which ("70 years since Queen Elizabeth's coronation")
                events = event_words_of(text, token, named, self.vocabulary, sentence.tokens)
                if events:
                    return _nearest(events, sentence.mentions, token.start)
        return None

    def _event_before(self, sentence: Sentence, start: int, compound: bool) -> int | None:
        """The event named right before an ordinal: by its name ("the Lake Orsa accord's
        second anniversary"), or by a person or place when the anniversary says of what
        ("Moravec's third assassination anniversary")."""
        for mention in sentence.mentions:
            if 0 <= start - mention.end <= 6 and (
                compound or mention.how not in (CueClass.PERSON, CueClass.NAME)
            ):
                return mention.event
        return None

    # -- the three shapes ------------------------------------------------------

    def _ordinals(
        self, text: str, sentence: Sentence, reference: date | None, used: set[int]
    ) -> list[Claim]:
        found = []
        for match in ORDINAL_ANNIVERSARY.finditer(text, sentence.start, sentence.end):
            count = ordinal(match.group("ordinal"))
            if not count:
                continue
            if match.group("of"):
                event = self._event_after(text, sentence, match.end())
            else:
                event = self._event_before(sentence, match.start(), bool(match.group("what")))
            if event is None:
                continue
            fact = self.vocabulary.events[event].event.date
            when, expression = self._commemoration(text, sentence, fact, match.start())
            if expression is not None:
                used.add(expression.start)
            when = when or reference
            if when is None or when <= fact.first_day():
                continue
            low = years_between(fact.last_day(), when)
            high = years_between(fact.first_day(), when)
            if round(low) <= count <= round(high):
                continue
            expected = round(high)
            if expected < 1:
                continue
            span = match.group().removesuffix(match.group("of") or "")
            found.append(
                Claim(
                    match.start(),
                    match.start() + len(span),
                    span,
                    event,
                    f"'{span}' on {_words(when)}",
                    _ordinal_like(match.group("ordinal"), expected)
                    + span[len(match.group("ordinal")) :],
                )
            )
        return found

    def _commemoration(
        self, text: str, sentence: Sentence, fact: FactDate, near: int
    ) -> tuple[date | None, DateExpression | None]:
        """The day the sentence gives to a commemoration: a date of the sentence after the
        event, not bound to it ("on Friday", "next October", "August 27, 2026")."""
        first = fact.first_day()
        for expression in sorted(sentence.expressions, key=lambda e: abs(e.start - near)):
            resolved = expression.resolved
            if resolved is None or expression.start in sentence.bound or resolved.start <= first:
                continue
            if expression.granularity in (Granularity.DAY, Granularity.WEEK):
                return resolved.start, expression
            try:
                day = first.replace(year=resolved.start.year)
            except ValueError:  # February 29
                day = first.replace(year=resolved.start.year, day=28)
            return (day if resolved.start <= day <= resolved.end else resolved.start), expression
        return None, None

    def _years_since(self, text: str, sentence: Sentence, reference: date) -> list[Claim]:
        found = []
        for match in YEARS_SINCE.finditer(text, sentence.start, sentence.end):
            if _QUALIFIED.search(text[max(sentence.start, match.start() - 14) : match.start()]):
                continue
            count = number(match.group("count"))
            if count is None:
                continue
            value = count + (0.5 if match.group("half") else 0)
            decades = match.group("unit").casefold().startswith("decade")
            if decades:
                value *= 10
            if match.group("relation").casefold() == "on":
                events = {m.event for m in sentence.mentions}
                if len(events) != 1:
                    continue
                event = next(iter(events))
            else:
                found_event = self._event_after(text, sentence, match.end())
                if found_event is None:
                    continue
                event = found_event
            if _FUTURE.search(text, sentence.start, sentence.end):
                continue  # "next year will mark five years since..."
            fact = self.vocabulary.events[event].event.date
            when = self._full_date(sentence, fact) or reference
            tolerance = self.tolerance * (10 if decades else 1)
            if within_years(value, fact, when, tolerance):
                continue
            span = match.group()
            years = years_between(fact.first_day(), when)
            found.append(
                Claim(
                    match.start(),
                    match.end(),
                    span,
                    event,
                    f"'{span}' on {_words(when)}",
                    _distance_words(years, match.group("relation")),
                )
            )
        return found

    def _full_date(self, sentence: Sentence, fact: FactDate) -> date | None:
        for expression in sentence.expressions:
            resolved = expression.resolved
            if (
                resolved is not None
                and expression.form is Form.FULL_DATE
                and expression.start not in sentence.bound
                and resolved.start > fact.last_day()
            ):
                return resolved.start
        return None

    def _days_called_anniversary(
        self, text: str, sentence: Sentence, used: set[int]
    ) -> list[Claim]:
        found = []
        for expression in sentence.expressions:
            resolved = expression.resolved
            if resolved is None or expression.granularity is not Granularity.DAY:
                continue
            if expression.form not in (Form.MONTH_DAY, Form.FULL_DATE):
                continue
            called = _CALLED_ANNIVERSARY.match(text[expression.end : expression.end + 60])
            if called is None:
                continue
            used.add(expression.start)
            event = self._event_after(text, sentence, expression.end + called.end())
            if event is None:
                continue
            fact = self.vocabulary.events[event].event.date
            if fact.day is None or fact.month is None:
                continue
            day = resolved.start
            if (day.month, day.day) == (fact.month, fact.day):
                continue
            anniversary = fact.first_day().replace(year=2000)
            found.append(
                Claim(
                    expression.start,
                    expression.end,
                    expression.text,
                    event,
                    f"'{expression.text}' is called its anniversary",
                    f"{MONTHS[anniversary.month - 1]} {anniversary.day}",
                )
            )
        return found


def _nearest(events: set[int] | frozenset[int], mentions: Sequence[Mention], at: int) -> int:
    def gap(event: int) -> int:
        return min((abs(m.start - at) for m in mentions if m.event == event), default=10**9)

    return min(sorted(events), key=gap)


def _words(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def _ordinal_like(written: str, value: int) -> str:
    """`value` as an ordinal written like `written` ("4th" -> "3rd", "Fourth" -> "Third")."""
    word = ordinal_digits(value) if written[:1].isdigit() else ordinal_word(value)
    if written[:1].isupper():
        word = word[:1].upper() + word[1:]
    return word


def _distance_words(years: float, relation: str) -> str:
    whole = round(years)
    if whole < 1:
        return f"less than a year {relation.casefold()}"
    return f"{whole} year{'s' if whole != 1 else ''} {relation.casefold()}"
