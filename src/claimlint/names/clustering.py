"""Group the spellings of one person: "Jane Saki" … "Sacchi"; "al-Kadhimi" … "Kazemi".

Only the surnames of person mentions are compared (a handful per article), and
only those that share a sound key or a metaphone are even paired, so the work is
near-linear in the number of mentions, never in the number of words.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from claimlint.names.mentions import Mention
from claimlint.names.spelling import Speller


@dataclass
class Spelling:
    """One way a surname is written in the article, with every mention using it."""

    key: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def weight(self) -> int:
        # an introduction with the full name sets the spelling more than a bare surname
        return sum(2 if m.full else 1 for m in self.mentions)

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    given_keys: set[str] = field(default_factory=set)

    @property
    def roles(self) -> set[str]:
        return {role for m in self.mentions for role in m.roles}

    @property
    def written(self) -> str:
        """The fullest form in which this spelling appears ("Jane Saki" over "Saki")."""
        best = max(self.mentions, key=lambda m: (len(m.given), -m.start))
        return best.text


@dataclass
class VariantGroup:
    """Spellings judged to be one person; `reference` is the one the others differ from."""

    spellings: list[Spelling]
    reference: Spelling

    @property
    def minority(self) -> list[Spelling]:
        return [s for s in self.spellings if s is not self.reference]


def spellings_of(mentions: Iterable[Mention], speller: Speller) -> list[Spelling]:
    by_key: dict[str, Spelling] = {}
    for mention in mentions:
        key = speller.spelling_key(mention.surname)
        if key:
            spelling = by_key.setdefault(key, Spelling(key))
            spelling.mentions.append(mention)
            if mention.given:
                spelling.given_keys.add(speller.spelling_key(mention.given[0]))
    return sorted(by_key.values(), key=lambda s: s.first)


def variant_groups(
    mentions: Sequence[Mention],
    speller: Speller,
    prefer: Callable[[Spelling], bool] | None = None,
) -> list[VariantGroup]:
    """Groups of two or more spellings of one surname, by text order of first use.

    `prefer` marks spellings that an authority (the facts file) accepts: when a
    group holds one, it is the reference whatever the counts say.
    """
    spellings = spellings_of(mentions, speller)
    parent = list(range(len(spellings)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _candidate_pairs(spellings, speller):
        if same_person(spellings[i], spellings[j], speller):
            parent[find(i)] = find(j)
    members: dict[int, list[Spelling]] = defaultdict(list)
    for index, spelling in enumerate(spellings):
        members[find(index)].append(spelling)
    groups = []
    for group in members.values():
        if len(group) < 2:
            continue
        groups.append(VariantGroup(group, _reference(group, prefer)))
    return sorted(groups, key=lambda g: min(s.first for s in g.spellings))


def _candidate_pairs(spellings: Sequence[Spelling], speller: Speller) -> set[tuple[int, int]]:
    """Pairs that share a sound key, a metaphone, or a first letter and length (typos)."""
    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, spelling in enumerate(spellings):
        surname = spelling.key
        buckets[("sound", speller.sound_key(surname))].append(index)
        buckets[("meta", speller.metaphone_key(surname))].append(index)
        buckets[("typo", surname[:1])].append(index)
    pairs: set[tuple[int, int]] = set()
    for bucket in buckets.values():
        for a in range(len(bucket)):
            for b in range(a + 1, len(bucket)):
                pairs.add((bucket[a], bucket[b]))
    return pairs


def same_person(a: Spelling, b: Spelling, speller: Speller) -> bool:
    """Two surname spellings of one person: alike in sound (or one slip apart with the
    same given name or role), and never with different given names."""
    given_a, given_b = a.given_keys, b.given_keys
    if (
        given_a
        and given_b
        and not any(given_compatible(x, y, speller) for x in given_a for y in given_b)
    ):
        return False
    if speller.sounds_alike(a.key, b.key):
        return True
    shared_context = bool(given_a & given_b) or bool(a.roles & b.roles)
    return shared_context and speller.is_typo(a.key, b.key)


def given_compatible(a: str, b: str, speller: Speller) -> bool:
    """Given names that can belong to one person: equal, alike in sound, or an initial."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[:1] == b[:1]
    return speller.sounds_alike(a, b)


def _reference(group: list[Spelling], prefer: Callable[[Spelling], bool] | None) -> Spelling:
    preferred = [s for s in group if prefer is not None and prefer(s)]
    pool = preferred or group
    return max(pool, key=lambda s: (s.weight, any(m.full for m in s.mentions), -s.first))
