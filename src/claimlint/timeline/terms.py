"""The words by which a sentence names an event of the facts file and dates it.

Each event gets, once per rule set:

- its *kinds* (killing, explosion, ceasefire…: the timeline check's `event_kinds`
  whose nouns stand in its title, cues or aliases) and the *words* that bind a date to
  it: those kinds' nouns and predicates, plus the event's own `predicates`;
- its cues, sorted by what they can do:
  - a **person** cue (a name of a person of the facts file) and a **name** cue (any
    other cue with a capital letter and no event word: a place, "Flight 214") say which
    event a sentence is about, never when;
  - a **generic** cue (lower case, made only of event words and small words:
    "explosion", "ceasefire", "sworn in"; or, in any case, only of words too common to
    name one event: "talks", "visit", "President") names the event only when something
    else in the sentence or the article anchors it (see `timeline.identify`);
  - any other cue ("Port Selim blast", "fuel depot") names the event;
- its aliases: names of the event that also date it when a date is written with them
  ("the Lake Orsa accord of November 9");
- the forms of the people its title names (who anchor its generic cues).

One alternation of every phrase (longest first, whole words, any case) finds them all
in a sentence in one pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from enum import Enum
from typing import Any

import msgspec

from claimlint import patterns, regex_cache
from claimlint.facts import Event, Person, all_forms

#: small words a generic cue may hold besides event words ("the oath of office")
_SMALL = frozenset({"the", "a", "an", "of", "in", "on", "at", "to", "and", "its", "their"})
_WORD = regex_cache.re_compile(r"[\w’'-]+")


class CueClass(Enum):
    PERSON = "person"
    NAME = "name"
    GENERIC = "generic"
    SPECIFIC = "specific"


def fold(text: str) -> str:
    return " ".join(text.casefold().split())


def words_of(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


class EventTerms(msgspec.Struct, frozen=True):
    index: int
    event: Event
    kinds: frozenset[str]
    #: folded words and phrases that bind a date to the event
    words: frozenset[str]
    #: folded kind nouns (a noun can be another instance: "a fire at a depot")
    nouns: frozenset[str]
    cues: Mapping[str, CueClass]
    aliases: frozenset[str]
    #: folded cues and aliases that date the event when a date stands by them: aliases,
    #: and cues that hold a word of its kind ("Port Selim blast")
    binding_names: frozenset[str]
    #: folded forms of the facts people its title names
    persons: frozenset[str]

    @property
    def specific(self) -> bool:
        """Whether some cue or alias names the event by itself (not a person)."""
        return bool(self.aliases) or any(
            c in (CueClass.NAME, CueClass.SPECIFIC) for c in self.cues.values()
        )

    def owned_by(self, words: Sequence[str]) -> bool:
        """Whether a name ("Halden", "Moravec") is one of the event's own words."""
        own = {w for phrase in (*self.cues, *self.aliases, *self.persons) for w in phrase.split()}
        own.update(words_of(self.event.title))
        return any(w.casefold() in own for w in words)


class Term(msgspec.Struct, frozen=True):
    """What one matched phrase is: for which events a word, cue or alias, and whether it
    is a competing word."""

    words: frozenset[int] = frozenset()
    cues: tuple[tuple[int, CueClass], ...] = ()
    aliases: frozenset[int] = frozenset()
    persons: frozenset[int] = frozenset()
    competing: bool = False


class Token(msgspec.Struct, frozen=True):
    start: int
    end: int
    text: str
    term: Term


class _Building(msgspec.Struct):
    words: set[int] = msgspec.field(default_factory=set)
    cues: list[tuple[int, CueClass]] = msgspec.field(default_factory=list)
    aliases: set[int] = msgspec.field(default_factory=set)
    persons: set[int] = msgspec.field(default_factory=set)
    competing: bool = False


class Vocabulary:
    """The events' terms and one pattern that finds every one of them."""

    def __init__(
        self,
        events: Sequence[Event],
        people: Sequence[Person],
        kinds: Mapping[str, Any],
        competing: Iterable[str],
        generic: Iterable[str] = (),
    ) -> None:
        self.kind_nouns = {k: frozenset(fold(n) for n in v.nouns) for k, v in kinds.items()}
        self.kind_words = {
            k: self.kind_nouns[k] | {fold(p) for p in v.predicates} for k, v in kinds.items()
        }
        event_words = {w for ws in self.kind_words.values() for w in ws}
        #: every kind's nouns: a noun of an event the sentence does not name dates that
        #: other event ("a disputed referendum on March 16, 2014")
        self.nouns = frozenset(n for ns in self.kind_nouns.values() for n in ns)
        self.person_forms = {fold(f) for p in people for f in all_forms(p)}
        self.generic = frozenset(fold(w) for w in generic)
        self.events = tuple(
            self._terms(i, event, people, event_words) for i, event in enumerate(events)
        )
        table: dict[str, _Building] = {}
        for terms in self.events:
            for word in terms.words:
                table.setdefault(word, _Building()).words.add(terms.index)
            for cue, cls in terms.cues.items():
                table.setdefault(cue, _Building()).cues.append((terms.index, cls))
            for alias in terms.aliases:
                table.setdefault(alias, _Building()).aliases.add(terms.index)
            for person in terms.persons:
                table.setdefault(person, _Building()).persons.add(terms.index)
        for word in competing:
            table.setdefault(fold(word), _Building()).competing = True
        _inherit_names(table)
        self.table = {
            k: Term(
                frozenset(b.words),
                tuple(b.cues),
                frozenset(b.aliases),
                frozenset(b.persons),
                b.competing,
            )
            for k, b in table.items()
        }
        self.pattern = (
            patterns.phrase_pattern(list(self.table), "timeline", ignorecase=True)
            if self.table
            else None
        )

    def _terms(
        self, index: int, event: Event, people: Sequence[Person], event_words: set[str]
    ) -> EventTerms:
        named = [
            fold(event.title),
            *(fold(c) for c in event.cues),
            *(fold(a) for a in event.aliases),
        ]
        kinds = frozenset(
            kind
            for kind, nouns in self.kind_nouns.items()
            if any(_contains(phrase, noun) for phrase in named for noun in nouns)
        )
        words = {w for kind in kinds for w in self.kind_words[kind]}
        words.update(fold(p) for p in event.predicates)
        cues = {
            fold(c): classify(c, event_words, self.person_forms, self.generic) for c in event.cues
        }
        for person in people:  # a person cue: every spelling of the person names the event
            forms = [fold(f) for f in all_forms(person)]
            if any(cues.get(f) is CueClass.PERSON for f in forms):
                cues.update({f: CueClass.PERSON for f in forms})
        aliases = frozenset(fold(a) for a in event.aliases)
        binding_names = aliases | {
            cue
            for cue, cls in cues.items()
            if cls in (CueClass.GENERIC, CueClass.SPECIFIC)
            and any(_contains(cue, w) for w in words)
        }
        persons = frozenset(
            fold(form)
            for person in people
            if any(_contains(fold(event.title), fold(f)) for f in (person.name, *person.variants))
            for form in (person.name, *person.variants)
            if len(form) >= 3
        )
        return EventTerms(
            index=index,
            event=event,
            kinds=kinds,
            words=frozenset(words),
            nouns=frozenset(n for kind in kinds for n in self.kind_nouns[kind]),
            cues=cues,
            aliases=aliases,
            binding_names=binding_names,
            persons=persons,
        )

    def tokens(self, text: str, start: int, end: int) -> Iterator[Token]:
        """Every term in `text[start:end]`, in order."""
        if self.pattern is None:
            return
        for match in patterns.finditer(self.pattern, text, start, end):
            term = self.table.get(fold(match.group()))
            if term is not None:
                yield Token(match.start(), match.end(), match.group(), term)


def _inherit_names(table: dict[str, _Building]) -> None:
    """A longer phrase that holds a cue, an alias or a person's name names what it names:
    the pattern matches the longest phrase ("announced his resignation" holds the cue
    "resignation"), so the shorter one would otherwise be lost."""
    named = [k for k, b in table.items() if b.cues or b.aliases or b.persons]
    for key, building in table.items():
        if " " not in key:
            continue
        for part in named:
            if part != key and len(part) < len(key) and _contains(key, part):
                inner = table[part]
                building.cues.extend(c for c in inner.cues if c not in building.cues)
                building.aliases.update(inner.aliases)
                building.persons.update(inner.persons)


def classify(
    cue: str,
    event_words: set[str] | frozenset[str],
    person_forms: set[str],
    generic: frozenset[str] = frozenset(),
) -> CueClass:
    folded = fold(cue)
    if folded in person_forms:
        return CueClass.PERSON
    words = words_of(cue)
    has_event_word = any(_contains(folded, w) for w in event_words)
    if too_common(cue, generic):
        return CueClass.GENERIC  # "talks", "the visit", "President"
    if cue == cue.lower() and all(
        w in _SMALL or w in generic or _in_phrases(w, event_words) for w in words
    ):
        return CueClass.GENERIC
    if not has_event_word and cue != cue.lower():
        return CueClass.NAME
    return CueClass.SPECIFIC


def too_common(cue: str, generic: frozenset[str]) -> bool:
    """Whether a cue is made only of words too common to name one event ("talks")."""
    return all(w in _SMALL or w in generic for w in words_of(cue))


def _in_phrases(word: str, phrases: set[str] | frozenset[str]) -> bool:
    return word in phrases or any(word in p.split() for p in phrases if " " in p)


def _contains(phrase: str, part: str) -> bool:
    """Whether `part` stands in `phrase` as whole words."""
    return re.search(r"(?<![\w-])" + re.escape(part) + r"(?![\w-])", phrase) is not None
