"""Group the spellings of one person: "Jane Saki" … "Sacchi"; "al-Kadhimi" … "Kazemi".

Only the surnames of person mentions are compared (a handful per article), and
only those that share a sound key or a metaphone are even paired, so the work is
near-linear in the number of mentions, never in the number of words. A bucket of
spellings that share a key is paired only within a window of `PAIR_WINDOW` in order
of first use: a real article never has that many alike surnames, and a made-up list
of thousands must not make the pairing quadratic; and only the first `MAX_SPELLINGS`
spellings of a document are compared.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

from claimlint.names.mentions import Mention
from claimlint.names.spelling import (
    is_typo,
    metaphone_key,
    sound_key,
    sounds_alike,
    spelling_key,
)

T = TypeVar("T")


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

    # read for every pair a spelling is in; the mentions are complete by then
    @cached_property
    def given_keys(self) -> set[str]:
        return {spelling_key(m.given[0]) for m in self.mentions if m.given}

    @cached_property
    def roles(self) -> set[str]:
        return {role for m in self.mentions for role in m.roles}

    @cached_property
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


def spellings_of(mentions: Iterable[Mention]) -> list[Spelling]:
    by_key: dict[str, Spelling] = {}
    for mention in mentions:
        key = spelling_key(mention.surname)
        if key:
            by_key.setdefault(key, Spelling(key)).mentions.append(mention)
    return sorted(by_key.values(), key=lambda s: s.first)


def variant_groups(
    mentions: Sequence[Mention],
    prefer: Callable[[Spelling], bool] | None = None,
) -> list[VariantGroup]:
    """Groups of two or more spellings of one surname, by text order of first use.

    `prefer` marks spellings that an authority (the facts file) accepts: when a
    group holds one, it is the reference whatever the counts say.
    """
    spellings = spellings_of(mentions)[:MAX_SPELLINGS]
    parent = list(range(len(spellings)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _candidate_pairs(spellings):
        if same_person(spellings[i], spellings[j]):
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


def _candidate_pairs(spellings: Sequence[Spelling]) -> set[tuple[int, int]]:
    """Pairs that share a sound key, a metaphone, or (for a typo, which `same_person`
    accepts only with a given name or a role in common) a first letter and a given name
    or role."""
    buckets: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index, spelling in enumerate(spellings):
        surname = spelling.key
        buckets[("sound", sound_key(surname))].append(index)
        buckets[("meta", metaphone_key(surname))].append(index)
        for given in spelling.given_keys:
            buckets[("typo", surname[:1], given)].append(index)
        for role in spelling.roles:
            buckets[("typo-role", surname[:1], role)].append(index)
    pairs: set[tuple[int, int]] = set()
    for bucket in buckets.values():
        pairs.update(windowed_pairs(bucket))
    return pairs


#: how many later members of a bucket each member is paired with
PAIR_WINDOW = 8
#: distinct surname spellings of one document compared, in order of first use (a news
#: article has dozens; a made-up list of a hundred thousand must not take minutes)
MAX_SPELLINGS = 2000
#: spellings of a group a finding lists (with their counts), the most used first
MAX_SPELLINGS_SHOWN = 20


def windowed_pairs(bucket: Sequence[T]) -> Iterator[tuple[T, T]]:
    """Every pair of `bucket` (in its order) when it is small; each member with the
    `PAIR_WINDOW` after it when it is not: linear, whatever the bucket."""
    for a in range(len(bucket)):
        for b in range(a + 1, min(len(bucket), a + 1 + PAIR_WINDOW)):
            yield bucket[a], bucket[b]


def same_person(a: Spelling, b: Spelling) -> bool:
    """Two surname spellings of one person: alike in sound (or one slip apart with the
    same given name or role), and never with different given names."""
    given_a, given_b = a.given_keys, b.given_keys
    if given_a and given_b and not any(given_compatible(x, y) for x in given_a for y in given_b):
        return False
    if sounds_alike(a.key, b.key):
        return True
    shared_context = bool(given_a & given_b) or bool(a.roles & b.roles)
    return shared_context and is_typo(a.key, b.key)


def given_compatible(a: str, b: str) -> bool:
    """Given names that can belong to one person: equal, alike in sound, or an initial."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[:1] == b[:1]
    return sounds_alike(a, b)


def _reference(group: list[Spelling], prefer: Callable[[Spelling], bool] | None) -> Spelling:
    preferred = [s for s in group if prefer is not None and prefer(s)]
    pool = preferred or group
    return max(pool, key=lambda s: (s.weight, any(m.full for m in s.mentions), -s.first))
