"""Group an article's name mentions into people.

Full names come first, in text order: a full name joins the person whose full names
have a compatible surname (the same letters, or alike in sound: Kadhimi, Kazemi) *and*
compatible given names (the same letters, alike in sound, one given-name family such as
Oleksandr and Alexander, an initial, a middle name left out, a compound written split
or joined), with no different patronymic (Mohammed bin Rashid is not Mohamed bin
Sultan) and no different generational suffix (Jr.). Two-word names in the other order
are one person (Zhang Wenhua, Wenhua Zhang). Then the short mentions: a bare surname,
a surname after an honorific, a surname in lower case, or an honorific with a given
name ("Sheikh Nasser") joins the person it names: the one whose surname it spells
exactly (the most recently mentioned, when several), else whose given name it spells
after an honorific, else whose surname it reads like, else (one slip of the keyboard)
who holds the same role.

What keeps people apart, whatever the spellings say: a word of kinship or a "no
relation" next to the mention (his brother, Ali al-Khafaji; Rafael Sousa, no
relation), gendered endings (Volkov, Volkova), and a bare surname that is exactly
another person's.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterable, Sequence

import msgspec
import regex

from claimlint import regex_cache
from claimlint.names.form import NameForm, initial
from claimlint.names.lexicon import NameLexicon
from claimlint.names.mentions import Mention

#: what a word next to a mention says of it
KIN = "kin"  # a relative of someone in the article ("his brother, …")
UNRELATED = "unrelated"  # not the namesake ("no relation", "another", "Jr.")

#: how a full name matches a person (higher is closer)
_EXACT = 4
_ORDER = 1


#: how many people sharing an index key, and how many distinct spellings of one
#: person, a new mention is compared with (the most recent): work stays near-linear
#: in the mentions of an article, however many namesakes or spellings it holds
_MAX_CANDIDATES = 48
_MAX_SPELLINGS = 24
#: how many spellings an article's full names are compared with in all: a floor, and so
#: many per full name. Real copy stays far below it (a few per name); an article made
#: of thousands of alike names would otherwise cost the caps above at every mention
#: (on 438 real pages and 554 test articles the most any used was 10).
#: Past it, a full name joins a person only when written exactly as before.
_COMPARISON_FLOOR = 2_000
_COMPARISONS_PER_NAME = 8


class Grouped(msgspec.Struct, frozen=True):
    people: list[Person]
    #: False when the article held more alike names than are compared (`_COMPARISON_FLOOR`)
    complete: bool


class Person(msgspec.Struct):
    """The mentions of one person, with what later mentions are matched against."""

    forms: list[NameForm] = msgspec.field(default_factory=list)
    #: where the person is mentioned, sorted
    starts: list[int] = msgspec.field(default_factory=list)
    #: the distinct full names, by written form, in order of first use
    spellings: dict[tuple[str, str], NameForm] = msgspec.field(default_factory=dict)
    #: the surnames (with suffix), letters and first given names of its forms
    surnames: set[tuple[str, str]] = msgspec.field(default_factory=set)
    #: in order of first use (a dict, so that which ones are compared is reproducible)
    surname_keys: dict[str, None] = msgspec.field(default_factory=dict)
    letters: set[str] = msgspec.field(default_factory=set)
    first_given: set[str] = msgspec.field(default_factory=set)
    roles: set[str] = msgspec.field(default_factory=set)

    def add(self, form: NameForm) -> None:
        self.forms.append(form)
        mention = form.mention
        bisect.insort(self.starts, mention.start)
        if form.surname_key:
            self.surnames.add((form.surname_key, mention.suffix))
            self.surname_keys.setdefault(form.surname_key)
        self.roles.update(mention.roles)
        if form.full:
            self.spellings.setdefault((mention.text, mention.suffix), form)
            self.letters.add(form.letters)
            if form.given_keys:
                self.first_given.add(form.given_keys[0])

    @property
    def mentions(self) -> list[Mention]:
        return [f.mention for f in self.forms]

    @property
    def full_forms(self) -> list[NameForm]:
        """The distinct full names, the most recently added last (at most a few dozen)."""
        forms = list(self.spellings.values())
        return forms[-_MAX_SPELLINGS:]

    def last_before(self, offset: int) -> int:
        """Where this person was last mentioned before `offset` (-1: not yet)."""
        at = bisect.bisect_left(self.starts, offset)
        return self.starts[at - 1] if at else -1

    @property
    def first(self) -> int:
        return self.starts[0]


class Grouper:
    """Groups forms into people under one lexicon (one per check)."""

    def __init__(self, lex: NameLexicon) -> None:
        self.lex = lex
        self.speller = lex.speller
        self.options = lex.options
        self._family: dict[str, int] = {}
        for index, family in enumerate(lex.options.given_name_families):
            for name in family:
                self._family.setdefault(self.speller.spelling_key(name), index)

    # -- compatibility of parts -----------------------------------------------------

    def given_token_compatible(self, a: str, b: str) -> bool:
        """Two given names that can be one name: same letters, an initial, alike in
        sound, or one family (Oleksandr, Alexander)."""
        if initial(a) or initial(b):
            return a[:1].casefold() == b[:1].casefold()
        if self._feminine_pair(a, b):
            return False
        key_a, key_b = self.speller.spelling_key(a), self.speller.spelling_key(b)
        if len(key_a) == 1 or len(key_b) == 1:
            return key_a[:1] == key_b[:1]  # an initial, as a key
        if key_a == key_b:
            return True
        family = self._family.get(key_a)
        if family is not None and family == self._family.get(key_b):
            return True
        return self.speller.sounds_alike(key_a, key_b) or self._dropped_letter(a, b)

    def _feminine_pair(self, a: str, b: str) -> bool:
        """A man's given name and a woman's made from it (Daniel, Daniela; Louis,
        Louise): two people."""
        short, long = _by_length(a, b)
        return len(short) >= self.options.feminine_given_min_length and any(
            long == short + ending for ending in self.options.feminine_given_endings
        )

    def _dropped_letter(self, a: str, b: str) -> bool:
        """One of two given names is the other with one letter inside it left out
        ("Geoge", "George"): a slip of the keyboard. A letter at either end makes
        another name ("Daniel", "Daniela"), and so does a shorter name that is one
        itself ("Marina", "Martina")."""
        short, long = _by_length(a, b)
        if len(short) < self.options.given_slip_min_length or len(long) != len(short) + 1:
            return False
        if short in self.lex.given_names:
            return False
        return any(long[:i] + long[i + 1 :] == short for i in range(1, len(long) - 1))

    def given_match(self, a: NameForm, b: NameForm) -> int | None:
        """2: the same given names; 1: compatible; None: two different people."""
        if not a.given or not b.given:
            return 1
        if a.initials and b.initials and a.initials != b.initials:
            return None  # George H.W. Bush, George W. Bush
        if a.given_key and a.given_key == b.given_key:
            return 2
        tokens_a = [t.text for t in a.given]
        tokens_b = [t.text for t in b.given]
        if not self.given_token_compatible(tokens_a[0], tokens_b[0]):
            return None
        short, long = sorted((tokens_a[1:], tokens_b[1:]), key=len)
        at = 0
        for token in short:  # a middle name may be left out, never changed
            while at < len(long) and not self.given_token_compatible(token, long[at]):
                at += 1
            if at == len(long):
                return None
            at += 1
        return 1

    def whole_given(self, a: NameForm, b: NameForm) -> bool:
        """The same given names, each alike, none left out or shortened to an initial."""
        if len(a.given) != len(b.given) or self.swapped(a, b):
            return False
        return all(
            not initial(x.text)
            and not initial(y.text)
            and self.given_token_compatible(x.text, y.text)
            for x, y in zip(a.given, b.given, strict=True)
        )

    def surname_match(self, a: NameForm, b: NameForm) -> int | None:
        """2: the same letters; 1: alike in sound; None: different."""
        if a.surname_key == b.surname_key:
            return 2
        if self.speller.sounds_alike(a.surname_key, b.surname_key):
            return 1
        return None

    def patronymic_fits(self, a: NameForm, b: NameForm) -> bool:
        if not a.patronymic_key or not b.patronymic_key:
            return True
        return a.patronymic_key == b.patronymic_key or self.speller.sounds_alike(
            a.patronymic_key, b.patronymic_key
        )

    def swapped(self, a: NameForm, b: NameForm) -> bool:
        """Two words in the other order, neither a particle nor both common given names
        (Ali Hassan and Hassan Ali are two men)."""
        ta, tb = a.mention.tokens, b.mention.tokens
        if len(ta) != 2 or len(tb) != 2 or a.article or b.article:
            return False
        key = self.speller.spelling_key
        if not (key(ta[0].text) == key(tb[1].text) and key(ta[1].text) == key(tb[0].text)):
            return False
        return not (self.lex.is_given_name(ta[0].text) and self.lex.is_given_name(ta[1].text))

    def full_match(self, a: NameForm, b: NameForm, cautious: bool) -> int | None:
        """How closely two full names match as one person; None: two people."""
        if a.mention.suffix != b.mention.suffix:
            return None
        if a.letters == b.letters:
            return _EXACT + 1
        if cautious:
            return None
        if self.swapped(a, b):
            return _ORDER
        if not self.patronymic_fits(a, b):
            return None
        given = self.given_match(a, b)
        if given is None:
            return None
        surname = self.surname_match(a, b)
        if surname is None and given == 2 and self._close_surnames(a, b):
            surname = 1
        if surname is None:
            return None
        return given + surname

    def _close_surnames(self, a: NameForm, b: NameForm) -> bool:
        """With the same given names, surnames need only be close in letters
        (Gebremichael, Gebremikael), unless they are a man's and a woman's."""
        sp = self.speller
        return (
            min(len(a.surname_key), len(b.surname_key)) >= sp.min_typo_length
            and sp.similarity(a.surname_key, b.surname_key) >= self.options.same_given_similarity
            and not sp.gendered_pair(a.surname_key, b.surname_key)
        )

    # -- grouping ---------------------------------------------------------------------

    def group(self, forms: Sequence[NameForm], distinct: Callable[[Mention], str]) -> Grouped:
        """The people of an article, and whether every full name was compared (see
        `_COMPARISON_FLOOR`). `distinct` tells what stands next to a mention (KIN,
        UNRELATED or ""); it is asked only when spellings differ."""
        full = sum(1 for form in forms if form.full)
        state = _Grouping(self, distinct, _COMPARISON_FLOOR + _COMPARISONS_PER_NAME * full)
        for form in forms:
            if form.full:
                state.place_full(form)
        for form in forms:
            if not form.full:
                state.place_short(form)
        return Grouped(state.people, state.comparisons_left >= 0)

    def full_keys(self, form: NameForm) -> list[tuple[str, str]]:
        """Index keys under which a full name finds the people it may belong to."""
        sp = self.speller
        surname = form.surname_key
        keys = [
            ("s", surname),
            ("k", sp.sound_key(surname)),
            ("m", sp.metaphone_key(surname)),
            ("l", form.letters),
            ("g", form.given_key),
        ]
        tokens = form.mention.tokens
        if len(tokens) == 2:
            keys.append(("o", " ".join(sorted(sp.spelling_key(t.text) for t in tokens))))
        return keys

    def short_keys(self, form: NameForm) -> list[tuple[str, str]]:
        sp = self.speller
        surname = form.surname_key
        keys = [("s", surname), ("k", sp.sound_key(surname)), ("m", sp.metaphone_key(surname))]
        if form.full:
            keys.append(("f", form.given_keys[0]))
        return keys


class _Grouping:
    """The people found so far in one article, indexed by keys of their names."""

    def __init__(
        self, grouper: Grouper, distinct: Callable[[Mention], str], comparisons: int
    ) -> None:
        self.grouper = grouper
        #: spellings a full name may still be compared with (below zero: cut short)
        self.comparisons_left = comparisons
        self.speller = grouper.speller
        self.distinct = distinct
        self.people: list[Person] = []
        self.index: dict[tuple[str, str], dict[int, Person]] = {}
        #: each full name as written, with the person it was first given to
        self.written: dict[tuple[str, str, bool], Person] = {}

    def _add(self, person: Person, form: NameForm) -> None:
        new_roles = set(form.mention.roles) - person.roles
        person.add(form)
        for role in new_roles:
            self.index.setdefault(("r", role), {})[id(person)] = person
        written = (form.mention.text, form.mention.suffix, form.full)
        if written in self.written:
            return  # indexed under the same keys already
        self.written[written] = person
        keys = self.grouper.short_keys(form)
        if form.full:
            keys += self.grouper.full_keys(form)
        for key in keys:
            bucket = self.index.setdefault(key, {})
            bucket.pop(id(person), None)
            bucket[id(person)] = person  # the most recently named last

    def _new(self, form: NameForm) -> None:
        person = Person()
        self.people.append(person)
        self._add(person, form)

    def _found(self, keys: Iterable[tuple[str, str]]) -> list[Person]:
        """The people indexed under any of `keys`, at most a few dozen per key (the most
        recently named)."""
        found: dict[int, Person] = {}
        for key in keys:
            bucket = self.index.get(key)
            if bucket:
                found.update(itertools.islice(reversed(bucket.items()), _MAX_CANDIDATES))
        return list(found.values())

    def _unrelated(self, person: Person) -> bool:
        """The person was introduced as no relation of a namesake ("Rafael Sousa, no
        relation"): only their own spelling joins them."""
        return self.distinct(person.forms[0].mention) == UNRELATED

    def _may_join(self, form: NameForm, person: Person) -> bool:
        """Whether a full name that matches a person only in part (alike in sound, in
        another order) may join them: not when said to be no relation, and next to a
        word of kinship ("his brother, …") only with the very same given names."""
        if self._unrelated(person):
            return False
        cue = self.distinct(form.mention)
        if cue == UNRELATED:
            return False
        if cue == KIN:
            # a relative may share a family name and a given name with a middle name
            # or an initial more or less; only the whole given name makes one person
            return any(self.grouper.whole_given(form, f) for f in person.full_forms)
        return True

    def _given_alone(self, form: NameForm) -> Person | None:
        """After an honorific, a name whose letters are a person's given names ("Sayyid
        Abdul Malik" for Abdulmalik al-Houthi)."""
        if form.mention.honorific is None:
            return None
        letters = form.letters
        found = [
            p
            for p in self._found([("g", letters), ("f", letters)])
            if letters in p.first_given or any(f.given_key == letters for f in p.full_forms)
        ]
        return max(found, key=lambda p: p.last_before(form.mention.start), default=None)

    def place_full(self, form: NameForm) -> None:
        same = self.written.get((form.mention.text, form.mention.suffix, True))
        if same is not None:
            self._add(same, form)  # a full name written as before is the same person
            return
        ranked: list[tuple[int, int, Person]] = []
        for person in self._found(self.grouper.full_keys(form)):
            spellings = person.full_forms
            if len(spellings) > self.comparisons_left:
                self.comparisons_left = -1
                break
            self.comparisons_left -= len(spellings)
            match = max(
                (
                    m
                    for other in spellings
                    if (m := self.grouper.full_match(form, other, False)) is not None
                ),
                default=None,
            )
            if match is not None:
                ranked.append((match, person.last_before(form.mention.start), person))
        ranked.sort(key=lambda r: r[:2], reverse=True)
        for match, _, person in ranked:
            if match > _EXACT or self._may_join(form, person):
                self._add(person, form)
                return
        given = self._given_alone(form)
        if given is not None:
            self._add(given, form.as_given())
            return
        self._new(form)

    def place_short(self, form: NameForm) -> None:
        mention = form.mention
        start = mention.start
        suffix = mention.suffix
        sp = self.speller

        def pick(found: Iterable[Person]) -> Person | None:
            found = list(found)
            if not found:
                return None
            before = [p for p in found if p.last_before(start) >= 0]
            if before:
                return max(before, key=lambda p: p.last_before(start))
            return min(found, key=lambda p: p.first)

        surname = form.surname_key
        letters = form.letters
        chosen = pick(p for p in self._found([("s", surname)]) if (surname, suffix) in p.surnames)
        if chosen is None:
            # "Amir-Abdollahian" for "Amir Abdollahian": the same letters, spaced otherwise
            chosen = pick(p for p in self._found([("l", letters)]) if letters in p.letters)
        if chosen is None and len(mention.tokens) == 1:
            # a given name alone: "Sheikh Nasser", "Mr. Qubad", "Zabihullah said"
            chosen = pick(p for p in self._found([("f", surname)]) if surname in p.first_given)
            if chosen is not None:
                form = form.as_given()
        if chosen is None and self.distinct(mention) != UNRELATED:
            alike = [
                p
                for p in self._found(
                    [("k", sp.sound_key(surname)), ("m", sp.metaphone_key(surname))]
                )
                if any(sp.sounds_alike(key, surname) for key in _some(p.surname_keys))
            ]
            if not alike and mention.roles:
                alike = [
                    p
                    for p in self._found(("r", role) for role in mention.roles)
                    if any(sp.is_typo(key, surname) for key in _some(p.surname_keys))
                ]
            chosen = pick(p for p in alike if not self._unrelated(p))
        if chosen is None:
            self._new(form)
        else:
            self._add(chosen, form)


def _some(keys: dict[str, None]) -> list[str]:
    """The most recently used of a person's surname keys, at most a few dozen."""
    return list(keys)[-_MAX_SPELLINGS:]


class Cues:
    """What stands next to a mention: a word of kinship ("his brother, Ali al-Khafaji")
    or a word that makes it another person than a namesake ("no relation", "not
    related", "another", a generational suffix)."""

    def __init__(self, lex: NameLexicon, text: str) -> None:
        self.kin = lex.kin_cue
        self.unrelated = lex.unrelated_cue
        self.window = lex.options.cue_window
        self.text = text
        self._cache: dict[int, str] = {}

    def __call__(self, mention: Mention) -> str:
        """KIN, UNRELATED or ""."""
        cached = self._cache.get(mention.start)
        if cached is None:
            cached = self._cache[mention.start] = self._cue(mention)
        return cached

    def _sentence(self, start: int, end: int) -> tuple[int, int]:
        """The sentence around a span, roughly: from the last sentence end before it
        to the next one after it, within a few hundred characters."""
        text = self.text
        low = max(0, start - _REACH)
        head = _SENTENCE_END.search(text, low, start)
        begin = head.end() if head else low
        tail = _NEXT_SENTENCE_END.search(text, end, min(len(text), end + _REACH))
        return begin, (tail.end() if tail else min(len(text), end + _REACH))

    def _cue(self, mention: Mention) -> str:
        if mention.suffix:
            return UNRELATED
        start, end = self._sentence(mention.start, mention.end)
        if self._near(self.unrelated, mention, start, end):
            return UNRELATED
        if self._near(self.kin, mention, start, end):
            return KIN
        return ""

    def _near(self, pattern: regex.Pattern[str], mention: Mention, start: int, end: int) -> bool:
        for cue in pattern.finditer(self.text, start, end):
            if cue.end() <= mention.start:
                between = self.text[cue.end() : mention.start]
            elif cue.start() >= mention.end:
                between = self.text[mention.end : cue.start()]
                if _POSSESSIVE.match(between):
                    continue  # "Mangal's brother, Saifullah Mangal": the cue is the other's
            else:
                continue
            if len(_WORD.findall(between)) <= self.window:
                return True
        return False


_REACH = 300
# the last sentence end before a mention (searched in reverse) and the next one after
_SENTENCE_END = regex_cache.compile(r"[.!?][\"'”’)]*\s|\n", regex.REVERSE)
_NEXT_SENTENCE_END = regex_cache.compile(r"[.!?][\"'”’)]*(?=\s|$)|\n")
_WORD = regex_cache.compile(r"[\p{L}\p{N}][\p{L}\p{N}&'’-]*")
_POSSESSIVE = regex_cache.re_compile(r"['’]s?\s")


def _by_length(a: str, b: str) -> tuple[str, str]:
    """`a` and `b` casefolded, the shorter first."""
    short, long = sorted((a.casefold(), b.casefold()), key=len)
    return short, long
