"""The same person spelled differently in different articles of one run.

Each file contributes a summary (a map step that may run in another process, so the
summary is plain data): how it spells each surname, first where, how often, with which
given names. The reduce step groups surnames that read alike across files and reports
each file whose spelling is not the one most files use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import msgspec

from claimlint.diagnostics import Anchors
from claimlint.document import Document
from claimlint.names.analysis import NameAnalysis
from claimlint.names.grouping import group_alike
from claimlint.names.mentions import Mention
from claimlint.names.spelling import Speller


class SpellingUse(msgspec.Struct, frozen=True):
    """How one file spells one surname: where first, how often, with which given names."""

    key: str
    surname: str
    written: str
    given: tuple[str, ...]
    count: int
    span: tuple[int, int]
    accepted: bool


class FileNames(msgspec.Struct, frozen=True):
    anchors: Anchors
    uses: tuple[SpellingUse, ...]


class _Spelling(msgspec.Struct):
    mentions: list[Mention] = msgspec.field(default_factory=list)
    given: set[str] = msgspec.field(default_factory=set)


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


class Minority(msgspec.Struct, frozen=True):
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
    """Two passes over the run's summaries (which may be read more than once): count each
    spelling, so that memory grows with the spellings of a run and not its files, decide
    each group's majority, then report the files that use a minority spelling."""
    stats: dict[str, _KeyStats] = {}
    for summary in summaries:
        if isinstance(summary, FileNames):
            for use in summary.uses:
                stats.setdefault(use.key, _KeyStats()).add(summary.anchors.path, use)
    verdicts: dict[str, _Verdict] = {}
    for group in _groups(stats, speller, given_fit):
        verdicts.update(_decide(group, stats))
    if not verdicts:
        return
    for summary in summaries:
        if not isinstance(summary, FileNames):
            continue
        for use in summary.uses:
            verdict = verdicts.get(use.key)
            if verdict is not None and not use.accepted:
                yield Minority(summary.anchors, use, verdict.shown, verdict.files, verdict.counts)


class _KeyStats(msgspec.Struct):
    """One surname spelling over a run: in how many files, how often, with which given
    names; whether the facts accept it; how it is written."""

    files: int = 0
    mentions: int = 0
    accepted: bool = False
    given: set[str] = msgspec.field(default_factory=set)
    surname: str = ""
    shown: tuple[int, str] = (0, "")  # the longest written form's length, and its surname
    only_file: str | None = None  # the file, while there is only one

    def add(self, path: str, use: SpellingUse) -> None:
        self.only_file = path if self.files == 0 else None
        self.files += 1
        self.mentions += use.count
        self.accepted = self.accepted or use.accepted
        self.given.update(use.given)
        self.surname = self.surname or use.surname
        self.shown = max(self.shown, (len(use.written), use.surname))


class _Verdict(msgspec.Struct, frozen=True):
    """What a minority spelling's files are told: the majority spelling and the counts."""

    shown: str
    files: int
    counts: dict[str, int]


def _groups(
    stats: dict[str, _KeyStats], speller: Speller, given_fit: Callable[[str, str], bool]
) -> list[list[str]]:
    """Surname keys that read alike, compared within shared sound keys and metaphones."""

    def same(a: str, b: str) -> bool:
        given_a, given_b = stats[a].given, stats[b].given
        fit = not given_a or not given_b or any(given_fit(x, y) for x in given_a for y in given_b)
        return fit and speller.sounds_alike(a, b)

    groups = group_alike(
        sorted(stats),
        lambda key: ("s" + speller.sound_key(key), "m" + speller.metaphone_key(key)),
        same,
    )
    return [g for g in groups if len(g) > 1]


def _decide(group: list[str], stats: dict[str, _KeyStats]) -> dict[str, _Verdict]:
    """The minority spellings of a group, each with what its files are told; nothing
    when the whole group stands in one file (the in-article rule speaks)."""
    only = {stats[k].only_file for k in group}
    if len(only) == 1 and None not in only:
        return {}

    def rank(key: str) -> tuple[bool, int, int]:
        return (stats[key].accepted, stats[key].files, stats[key].mentions)

    majority = max(group, key=lambda k: (rank(k), -ord(k[0])))
    verdict = _Verdict(
        shown=stats[majority].shown[1],
        files=stats[majority].files,
        counts={stats[k].surname: stats[k].files for k in group},
    )
    return {key: verdict for key in group if key != majority}
