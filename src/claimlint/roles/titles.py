"""Titles written before a person's name: "President Anneli Varga", "Former Vice
President Jonas Halvorsen", "former Drovian Prime Minister Sven Aukland".

A title is any title or alias of the facts file's dated roles, matched in any case and
longest first ("Vice President" before "President"), followed on the same line by a
spelling of a person who holds that title in the file. Before it may stand a modifier
("former", "then-", "the late"), with up to `qualifier_words` capitalised words between
("Former Japan Prime Minister"); a word of `other_title_words` right before the title
makes it another title ("Vice President" is not "President"), and is skipped. After it
may stand an ending ("-elect"), and after the name a tenure in brackets ("(1989-93)").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import msgspec

from claimlint import patterns, regex_cache
from claimlint.facts import Person, all_forms
from claimlint.roles.tenure import Tenures, tenures

_WORD_BEFORE = regex_cache.re_compile(
    r"(?P<word>[A-Za-z][\w’'.]*(?:-[A-Za-z]+)*)(?P<gap>[ \t]+|-)$"
)
_BRACKETED_YEARS = regex_cache.re_compile(r"^\s*\([^()\n]{0,40}?\b(?:1[89]|20)\d\d")


class TitleUse(msgspec.Struct, frozen=True):
    start: int
    end: int
    title: str
    name: str
    person: Person
    tenures: Tenures
    #: the modifier before the title ("former", "then"), lower case, or ""
    modifier: str
    #: where the words after the modifier start (qualifiers, then the title)
    after_modifier: int
    title_start: int
    ending: str
    bracketed: bool


class Titles:
    """Every dated title of the facts file and the people who hold it."""

    def __init__(
        self,
        people: Sequence[Person],
        modifiers: Iterable[str],
        other_title_words: Iterable[str],
        elect_endings: Iterable[str],
        qualifier_words: int,
    ) -> None:
        self.holders: dict[str, list[tuple[Person, list[str]]]] = {}
        written: set[str] = set()
        for person in people:
            titles = {t for r in person.roles if r.dated for t in r.titles}
            forms = sorted(set(all_forms(person)), key=len, reverse=True)
            written.update(titles)
            for title in titles:
                key = " ".join(title.casefold().split())
                self.holders.setdefault(key, []).append((person, forms))
        self.modifiers = {m.casefold().rstrip("-") for m in modifiers}
        self.other_title_words = {w.casefold() for w in other_title_words}
        self.endings = tuple(sorted(elect_endings, key=len, reverse=True))
        self.qualifier_words = qualifier_words
        self.pattern = (
            patterns.phrase_pattern(sorted(written), "roles", ignorecase=True) if written else None
        )

    def uses(self, text: str, start: int, end: int) -> Iterator[TitleUse]:
        """The title-before-name uses in `text[start:end]`."""
        if self.pattern is None:
            return
        for match in patterns.finditer(self.pattern, text, start, end):
            use = self._use(text, match.start(), match.end(), match.group())
            if use is not None:
                yield use

    def _use(self, text: str, title_start: int, title_end: int, title: str) -> TitleUse | None:
        holders = self.holders.get(" ".join(title.casefold().split()))
        if not holders:
            return None
        rest = text[title_end : title_end + 120]
        ending = next((e for e in self.endings if rest.casefold().startswith(e)), "")
        after = rest[len(ending) :]
        spaces = len(after) - len(after.lstrip(" \t"))
        if not spaces:
            return None
        name_start = title_end + len(ending) + spaces
        for person, forms in holders:
            form = next((f for f in forms if _starts_with_name(text, name_start, f)), None)
            if form is None:
                continue
            found = self._modifier(text, title_start)
            if found is None:
                return None  # another title: "Vice President", "Deputy Prime Minister"
            modifier, use_start, after_modifier = found
            name_end = name_start + len(form)
            return TitleUse(
                start=use_start,
                end=name_end,
                title=title,
                name=form,
                person=person,
                tenures=tenures(person.roles, title),
                modifier=modifier,
                after_modifier=after_modifier,
                title_start=title_start,
                ending=ending,
                bracketed=_BRACKETED_YEARS.match(text[name_end : name_end + 50]) is not None,
            )
        return None

    def _modifier(self, text: str, title_start: int) -> tuple[str, int, int] | None:
        """The modifier before a title, where the use starts and where the words after the
        modifier start; None when a word makes it another title."""
        position = title_start
        qualifiers = 0
        while True:
            before = _WORD_BEFORE.search(text[max(0, position - 40) : position])
            if before is None:
                return "", title_start, title_start
            word = before.group("word")
            folded = word.casefold().rstrip(".")
            word_start = position - len(before.group())
            if folded in self.modifiers:
                return folded, word_start, position
            if position == title_start and folded in self.other_title_words:
                return None
            if (
                before.group("gap") == "-"
                or not word[:1].isupper()
                or qualifiers >= self.qualifier_words
            ):
                return "", title_start, title_start
            qualifiers += 1
            position = word_start


def _starts_with_name(text: str, at: int, form: str) -> bool:
    if not text.startswith(form, at):
        return False
    after = text[at + len(form) : at + len(form) + 1]
    return not (after.isalnum() or after == "-")
