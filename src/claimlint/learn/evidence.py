"""What one article tells the learner: its date, the spellings of the people it names
(with the titles written before them) and the events it dates explicitly."""

from __future__ import annotations

from datetime import date

import msgspec

from claimlint import regex_cache
from claimlint.document import Document
from claimlint.names.analysis import NameAnalyzer
from claimlint.names.mentions import Mention
from claimlint.names.spelling import Speller
from claimlint.temporal import Granularity, TemporalSettings, Timeline, timeline
from claimlint.temporal.lexicon import MONTHS, WEEKDAYS
from claimlint.timeline.claims import dated_sentences
from claimlint.timeline.events import EventNouns

#: capitalised words before a name: "Iraqi Prime Minister", "Foreign Minister"
_TITLE_RUN = regex_cache.re_compile(r"((?:[A-Z][\w.’'-]*[ \t]+){1,4})$")
#: a title that says the person no longer (or not yet) holds it
_NOT_NOW = regex_cache.re_compile(
    r"(?i)\b(?:former|ex|late|then|acting|outgoing|incoming|designate)\b"
)
_CUE = regex_cache.re_compile(r"\b[A-Z][\w’'-]{2,}(?:[ \t]+[A-Z][\w’'-]{2,})*")
_NOT_CUES = frozenset({*MONTHS, *WEEKDAYS, "The", "This", "That", "But", "And", "In", "On"})
_MAX_CUES = 6


class NameUse(msgspec.Struct, frozen=True):
    """One spelling of one person in one article."""

    written: str  # the fullest form ("Mustafa al-Kadhimi" over "Kadhimi")
    surname: str
    given: str  # the first given name, or ""
    count: int
    titles: tuple[str, ...]  # titles written before the name ("Prime Minister")
    line: int


class EventUse(msgspec.Struct, frozen=True):
    """An event noun with an explicit date in one sentence of one article."""

    noun: str  # the event key ("explosion")
    cues: tuple[str, ...]  # the names around it ("Beirut", "Hezbollah")
    date: str  # ISO, at the date's precision: "2020-08-04" or "2020-08"
    line: int


class ArticleEvidence(msgspec.Struct, frozen=True):
    path: str
    published: date | None
    names: tuple[NameUse, ...]
    events: tuple[EventUse, ...]


class Lexicon(msgspec.Struct, frozen=True):
    """What the learner reads articles with: the names check's analyzer and title
    words, the dates check's settings, the timeline check's event nouns."""

    analyzer: NameAnalyzer
    speller: Speller
    title_words: frozenset[str]
    settings: TemporalSettings
    nouns: EventNouns


def gather(doc: Document, lexicon: Lexicon) -> ArticleEvidence:
    """The evidence of one article (plain data: it crosses process boundaries)."""
    dates = timeline(doc, lexicon.settings)
    published = dates.reference.date if dates.reference else None
    return ArticleEvidence(
        doc.path,
        published,
        tuple(_names(doc, lexicon)),
        tuple(_events(doc, dates, lexicon.nouns)),
    )


def _names(doc: Document, lexicon: Lexicon) -> list[NameUse]:
    """One use per full name written in the article (given and surname keys), with the
    bare surname mentions of the one full name that has that surname; people who share
    a surname in one article ("Fuad Hussein", "Sara Hussein") stay apart."""
    mentions = doc.analysis(lexicon.analyzer).mentions
    spelling_key = lexicon.speller.spelling_key
    people: dict[tuple[str, str], list[Mention]] = {}
    for mention in mentions:
        if mention.given:
            key = (spelling_key(mention.given[0]), spelling_key(mention.surname))
            people.setdefault(key, []).append(mention)
    by_surname: dict[str, list[tuple[str, str]]] = {}
    for key in people:
        by_surname.setdefault(key[1], []).append(key)
    for mention in mentions:
        if mention.given:
            continue
        owners = by_surname.get(spelling_key(mention.surname), [])
        if len(owners) == 1:
            people[owners[0]].append(mention)
        elif not owners:
            people.setdefault(("", spelling_key(mention.surname)), []).append(mention)
    uses = []
    for group in people.values():
        best = max(group, key=lambda m: (len(m.given), -m.start))
        first = min(group, key=lambda m: m.start)
        titles = sorted(
            {t for m in group if (t := _title_before(doc, m.start, lexicon.title_words))}
        )
        uses.append(
            NameUse(
                written=best.text,
                surname=best.surname,
                given=best.given[0] if best.given else "",
                count=len(group),
                titles=tuple(titles),
                line=doc.position(first.start).line,
            )
        )
    return uses


def _title_before(doc: Document, start: int, title_words: frozenset[str]) -> str:
    """The title written right before a name ("Prime Minister" of "Iraqi Prime Minister
    Mustafa al-Kadhimi"), when it names a role held at the article's date; "" when
    there is none or it says the role is past ("Former President")."""
    run = _TITLE_RUN.search(doc.lint_text, max(0, start - 80), start)
    if run is None:
        return ""
    if _NOT_NOW.search(doc.lint_text, max(0, run.start() - 12), start):
        return ""
    words = run.group(1).split()
    while words and words[0].casefold().strip(".") not in title_words:
        words.pop(0)
    if not words or words[-1].casefold().strip(".") not in title_words:
        return ""
    return " ".join(words)


def _events(doc: Document, dates: Timeline, nouns: EventNouns) -> list[EventUse]:
    text = doc.lint_text
    uses = []
    for sentence, expressions in dated_sentences(doc, dates):
        explicit = [
            e
            for e in expressions
            if e.explicit_year
            and not e.relative
            and e.granularity in (Granularity.DAY, Granularity.MONTH)
        ]
        if len(explicit) != 1:
            continue  # two dates in one sentence: which one is the event's is a guess
        expression = explicit[0]
        noun = nouns.noun.search(text, sentence.start, sentence.end)
        if noun is None:
            continue
        key, _ = nouns.canonical(noun.group())
        cues = _cues(text[sentence.start : sentence.end], expression.text)
        if not cues or expression.resolved is None:
            continue
        iso = expression.resolved.start.isoformat()
        uses.append(
            EventUse(
                noun=key,
                cues=cues,
                date=iso if expression.granularity is Granularity.DAY else iso[:7],
                line=doc.position(expression.start).line,
            )
        )
    return uses


def _cues(sentence: str, date_text: str) -> tuple[str, ...]:
    found: list[str] = []
    for match in _CUE.finditer(sentence.replace(date_text, " ")):
        words = [w for w in match.group().split() if w not in _NOT_CUES]
        phrase = " ".join(words)
        if phrase and phrase not in found and match.start() > 0:
            found.append(phrase)
    return tuple(found[:_MAX_CUES])
