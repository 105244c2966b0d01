"""The same person spelled differently in different articles of one run.

Each file contributes a summary (a map step that may run in another process, so the
summary is plain data): how it spells each surname, first where, how often, with which
given names. The reduce step groups surnames that read alike across files and reports
each file whose spelling is not the one most files use.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from claimlint.diagnostics import Anchors
from claimlint.document import Document
from claimlint.names.analysis import NameAnalysis
from claimlint.names.mentions import Mention
from claimlint.names.spelling import Speller


@dataclass(frozen=True, slots=True)
class SpellingUse:
    """How one file spells one surname: where first, how often, with which given names."""

    key: str
    surname: str
    written: str
    given: tuple[str, ...]
    count: int
    span: tuple[int, int]
    accepted: bool


@dataclass(frozen=True, slots=True)
class FileNames:
    anchors: Anchors
    uses: tuple[SpellingUse, ...]


@dataclass
class _Spelling:
    mentions: list[Mention] = field(default_factory=list)
    given: set[str] = field(default_factory=set)


def summarize(doc: Document, analysis: NameAnalysis, speller: Speller) -> FileNames | None:
    """How `doc` spells each surname it mentions."""
    by_key: dict[str, _Spelling] = {}
    for mention in analysis.mentions:
        if mention.evidence == "lowercase":
            continue
        key = speller.spelling_key(mention.surname)
        if not key:
            continue
        spelling = by_key.setdefault(key, _Spelling())
        spelling.mentions.append(mention)
        if mention.given:
            spelling.given.add(speller.spelling_key(mention.given[0]))
    uses = []
    for key, spelling in sorted(by_key.items(), key=lambda kv: kv[1].mentions[0].start):
        first = spelling.mentions[0]
        fullest = max(spelling.mentions, key=lambda m: (len(m.given), -m.start))
        accepted = any(
            (v := analysis.verdict(m)) is not None and v.accepted for m in spelling.mentions
        )
        uses.append(
            SpellingUse(
                key=key,
                surname=first.surname,
                written=fullest.text,
                given=tuple(sorted(spelling.given)),
                count=len(spelling.mentions),
                span=(first.surname_start, first.end),
                accepted=accepted,
            )
        )
    if not uses:
        return None
    return FileNames(Anchors.record(doc, [u.span for u in uses]), tuple(uses))


Uses = dict[str, list[tuple[Anchors, SpellingUse]]]


@dataclass(frozen=True)
class Minority:
    """One file's spelling of a surname that most files of the run spell otherwise."""

    anchors: Anchors
    use: SpellingUse
    majority: str
    files: int
    files_per_spelling: dict[str, int]


def minorities(
    summaries: Iterable[object],
    speller: Speller,
    given_fit: Callable[[str, str], bool],
) -> Iterator[Minority]:
    by_key: Uses = defaultdict(list)
    for summary in summaries:
        if isinstance(summary, FileNames):
            for use in summary.uses:
                by_key[use.key].append((summary.anchors, use))
    for group in _groups(by_key, speller, given_fit):
        yield from _minorities(group, by_key)


def _groups(
    by_key: Uses, speller: Speller, given_fit: Callable[[str, str], bool]
) -> list[list[str]]:
    """Surname keys that read alike, joined through shared sound keys and metaphones."""
    keys = sorted(by_key)
    parent = {k: k for k in keys}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def givens_fit(a: str, b: str) -> bool:
        given_a = {g for _, use in by_key[a] for g in use.given}
        given_b = {g for _, use in by_key[b] for g in use.given}
        if not given_a or not given_b:
            return True
        return any(given_fit(x, y) for x in given_a for y in given_b)

    buckets: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        buckets["s" + speller.sound_key(key)].append(key)
        buckets["m" + speller.metaphone_key(key)].append(key)
    for bucket in buckets.values():
        for i, a in enumerate(bucket):
            for b in bucket[i + 1 :]:
                if find(a) != find(b) and speller.sounds_alike(a, b) and givens_fit(a, b):
                    parent[find(a)] = find(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        groups[find(key)].append(key)
    return [g for g in groups.values() if len(g) > 1]


def _minorities(group: list[str], by_key: Uses) -> Iterator[Minority]:
    files = {key: {anchors.path for anchors, _ in by_key[key]} for key in group}
    if len(set().union(*files.values())) < 2:
        return  # one file only: the in-article rule speaks for it

    def rank(key: str) -> tuple[bool, int, int]:
        uses = by_key[key]
        return (any(u.accepted for _, u in uses), len(files[key]), sum(u.count for _, u in uses))

    majority = max(group, key=lambda k: (rank(k), -ord(k[0])))
    shown = max((u for _, u in by_key[majority]), key=lambda u: len(u.written)).surname
    counts = {by_key[k][0][1].surname: len(files[k]) for k in group}
    for key in group:
        if key == majority:
            continue
        for anchors, use in by_key[key]:
            if not use.accepted:
                yield Minority(anchors, use, shown, len(files[majority]), counts)
