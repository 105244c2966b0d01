"""The people of the facts file, indexed for lookup by spelling and by sound."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Literal

import msgspec

from claimlint.facts import Facts, Person, all_forms
from claimlint.names.lexicon import NameLexicon
from claimlint.names.mentions import Mention, form_key

Status = Literal["canonical", "variant", "misspelling", "close"]


class Verdict(msgspec.Struct, frozen=True):
    """What the facts file says about one mention."""

    person: Person
    status: Status
    suggestion: str

    @property
    def accepted(self) -> bool:
        return self.status in ("canonical", "variant")


class _Form(msgspec.Struct, frozen=True):
    person: Person
    status: Status
    text: str


class KnownPeople:
    def __init__(self, facts: Facts | None, lex: NameLexicon) -> None:
        self.lex = lex
        self.speller = lex.speller
        self.people: tuple[Person, ...] = facts.people if facts else ()
        self._exact: dict[str, _Form] = {}
        self._surnames: dict[str, list[tuple[Person, str]]] = defaultdict(list)
        self._accepted_surnames: dict[str, list[Person]] = defaultdict(list)
        self._given: dict[str, set[str]] = defaultdict(set)
        for person in self.people:
            self._add(person)

    def _add(self, person: Person) -> None:
        statuses: list[tuple[str, Status]] = [(person.name, "canonical")]
        statuses += [(v, "variant") for v in person.variants]
        statuses += [(m, "misspelling") for m in person.misspellings]
        for text, status in statuses:
            self._exact.setdefault(form_key(text, self.lex), _Form(person, status, text))
            if status == "misspelling":
                continue
            words = [w for w in text.split() if not w.islower()]
            if not words:
                continue
            sp = self.speller
            surname = sp.spelling_key(words[-1])
            self._accepted_surnames[surname].append(person)
            for bucket in (("s", sp.sound_key(surname)), ("m", sp.metaphone_key(surname))):
                self._surnames["|".join(bucket)].append((person, surname))
            if len(words) > 1:
                self._given[person.name].add(sp.spelling_key(words[0]))

    @property
    def forms(self) -> Sequence[str]:
        return [form for person in self.people for form in all_forms(person)]

    def __bool__(self) -> bool:
        return bool(self.people)

    def verdict(self, mention: Mention) -> Verdict | None:
        """The facts file's word on a mention: accepted, a known misspelling, or a close
        but non-canonical spelling of a listed person; None when it knows nobody alike."""
        sp = self.speller
        exact = self._exact.get(form_key(mention.text, self.lex))
        if exact is not None:
            return Verdict(exact.person, exact.status, _suggest(exact.person, mention))
        surname = sp.spelling_key(mention.surname)
        given = sp.spelling_key(mention.given[0]) if mention.given else ""
        for person in self._accepted_surnames.get(surname, ()):
            if self._given_fits(person, given):
                return Verdict(person, "variant", person.name)
        best: tuple[float, Person] | None = None
        seen: set[str] = set()
        for bucket in (f"s|{sp.sound_key(surname)}", f"m|{sp.metaphone_key(surname)}"):
            for person, known in self._surnames.get(bucket, ()):
                if person.name in seen or not sp.sounds_alike(surname, known):
                    continue
                seen.add(person.name)
                if not self._given_fits(person, given):
                    continue
                score = sp.similarity(surname, known)
                if best is None or score > best[0]:
                    best = (score, person)
        if best is None:
            return None
        return Verdict(best[1], "close", _suggest(best[1], mention))

    def _given_fits(self, person: Person, given: str) -> bool:
        known = self._given.get(person.name)
        return not given or not known or any(_given_compatible(given, g, self.lex) for g in known)


def _given_compatible(a: str, b: str, lex: NameLexicon) -> bool:
    """Given names that can belong to one person: equal, alike in sound, or an initial."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[:1] == b[:1]
    return lex.speller.sounds_alike(a, b)


def _suggest(person: Person, mention: Mention) -> str:
    """The canonical name in the shape of the mention: full for full, surname for surname."""
    if mention.given:
        return person.name
    words = person.name.split()
    surname_index = len(words) - 1
    while surname_index > 0 and words[surname_index - 1].islower():
        surname_index -= 1
    return " ".join(words[surname_index:])
