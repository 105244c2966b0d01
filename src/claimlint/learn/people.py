"""People from an archive: every spelling counted, spellings grouped into people, the
majority spelling proposed as the name.

Counts are kept per spelling (a surname key with a given-name key), never per article,
so memory grows with the number of people an archive names. A full name ("Mustafa
al-Kadhimi") joins others that share the given name and a surname that reads alike, or
the surname with a compatible given name; a bare surname ("Kadhimi") joins the one
person whose full name has it, and is left out when several do ("Khan").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date

import msgspec

from claimlint.learn.evidence import ArticleEvidence
from claimlint.names.grouping import group_alike, one_deletions
from claimlint.names.people import Grouper

#: a spelling used in fewer than this share of a person's articles is a misspelling
MINORITY_SHARE = 0.25
_EXAMPLES = 2

Key = tuple[str, str]  # (surname key, given key or "")


class TitleUse(msgspec.Struct):
    first: date | None = None
    last: date | None = None
    articles: int = 0

    def add(self, when: date | None) -> None:
        self.articles += 1
        if when is not None:
            self.first = when if self.first is None else min(self.first, when)
            self.last = when if self.last is None else max(self.last, when)


class SpellingStats(msgspec.Struct):
    forms: Counter[str] = msgspec.field(default_factory=Counter)
    articles: int = 0
    examples: list[str] = msgspec.field(default_factory=list)
    titles: dict[str, TitleUse] = msgspec.field(default_factory=dict)


class Spelling(msgspec.Struct, frozen=True):
    written: str
    articles: int


class PersonProposal(msgspec.Struct, frozen=True):
    name: str
    articles: int
    variants: tuple[Spelling, ...]
    misspellings: tuple[Spelling, ...]
    titles: tuple[tuple[str, TitleUse], ...]
    spellings: tuple[Spelling, ...]  # every full form, most used first
    examples: tuple[str, ...]


class PeopleLearner:
    """Counts spellings as evidence arrives; `names` is the names check's grouper (its
    spelling keys, sound keys and given-name families)."""

    def __init__(self, names: Grouper) -> None:
        self.names = names
        self.stats: dict[Key, SpellingStats] = defaultdict(SpellingStats)

    def add(self, evidence: ArticleEvidence) -> None:
        spelling_key = self.names.speller.spelling_key
        for use in evidence.names:
            key = (spelling_key(use.surname), spelling_key(use.given) if use.given else "")
            if not key[0]:
                continue
            stats = self.stats[key]
            stats.forms[use.written] += 1
            stats.articles += 1
            if len(stats.examples) < _EXAMPLES:
                stats.examples.append(f"{evidence.path}:{use.line}")
            for title in use.titles:
                stats.titles.setdefault(title, TitleUse()).add(evidence.published)

    def people(self, min_articles: int) -> list[PersonProposal]:
        groups = _group([k for k in self.stats if k[1]], self.names)
        _attach_bare_surnames(groups, [k for k in self.stats if not k[1]])
        proposals = [self._propose(keys) for keys in groups]
        return sorted(
            (p for p in proposals if p is not None and p.articles >= min_articles),
            key=lambda p: (-p.articles, p.name),
        )

    def _propose(self, keys: list[Key]) -> PersonProposal | None:
        full = [k for k in keys if k[1]]
        if not full:
            return None
        total = sum(self.stats[k].articles for k in full)
        ranked = sorted(full, key=lambda k: (-self.stats[k].articles, k))
        canonical_key = ranked[0]
        name = self.stats[canonical_key].forms.most_common(1)[0][0]
        spellings = [
            Spelling(form, count)
            for k in ranked
            for form, count in self.stats[k].forms.most_common()
        ]
        variants: list[Spelling] = []
        misspellings: list[Spelling] = []
        for k in keys:
            for form, count in self.stats[k].forms.most_common():
                if form == name:
                    continue
                share = self.stats[k].articles / total
                # the bare surname of the name itself is how news copy refers to a person
                bare_name = not k[1] and k[0] == canonical_key[0]
                accepted = bare_name or share >= MINORITY_SHARE
                (variants if accepted else misspellings).append(Spelling(form, count))
                surname = form.split()[-1]
                if not accepted and k[1] and k[0] != canonical_key[0] and surname != form:
                    # the misspelt surname is misspelt alone too ("Hussain" for "Hussein")
                    misspellings.append(Spelling(surname, count))
        titles: dict[str, TitleUse] = {}
        for k in keys:
            for title, use in self.stats[k].titles.items():
                merged = titles.setdefault(title, TitleUse())
                merged.articles += use.articles
                for when in (use.first, use.last):
                    if when is not None:
                        merged.first = when if merged.first is None else min(merged.first, when)
                        merged.last = when if merged.last is None else max(merged.last, when)
        return PersonProposal(
            name=name,
            articles=total,
            variants=tuple(_unique(variants, name)),
            misspellings=tuple(_unique(misspellings, name)),
            titles=tuple(sorted(titles.items(), key=lambda t: -t[1].articles)),
            spellings=tuple(spellings),
            examples=tuple(self.stats[canonical_key].examples),
        )


def _unique(spellings: Iterable[Spelling], name: str) -> list[Spelling]:
    seen = {name.casefold()}
    result = []
    for spelling in spellings:
        if spelling.written.casefold() not in seen:
            seen.add(spelling.written.casefold())
            result.append(spelling)
    return result


def _group(keys: list[Key], names: Grouper) -> list[list[Key]]:
    """Full-name keys of one person, compared only within shared sound keys, metaphones
    and one-letter deletions of the surname."""
    speller = names.speller

    def buckets(key: Key) -> list[str]:
        surname = key[0]
        return [
            "s" + speller.sound_key(surname),
            "m" + speller.metaphone_key(surname),
            *("d" + d for d in one_deletions(surname)),
        ]

    def one_person(a: Key, b: Key) -> bool:
        """Full names of one person: compatible given names ("Fuad", "Fouad") and
        surnames that are one, read alike or differ by one slip."""
        if not names.given_token_compatible(a[1], b[1]):
            return False
        return a[0] == b[0] or speller.sounds_alike(a[0], b[0]) or speller.is_typo(a[0], b[0])

    return group_alike(sorted(keys), buckets, one_person)


def _attach_bare_surnames(groups: list[list[Key]], bare: list[Key]) -> None:
    by_surname: dict[str, list[int]] = defaultdict(list)
    for index, group in enumerate(groups):
        for surname in {k[0] for k in group}:
            by_surname[surname].append(index)
    for key in bare:
        owners = by_surname.get(key[0], [])
        if len(owners) == 1:
            groups[owners[0]].append(key)
