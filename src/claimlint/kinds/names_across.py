"""`names-across-files`: one person, one spelling across a whole run (an editorial repo).

Each file contributes a summary of the surnames it spells (a map step that may run in
another process, so the summary is plain data); the reduce step groups spellings that
read alike across files and reports each file that uses a minority spelling.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from claimlint.diagnostics import Diagnostic, Location, line_text, locate
from claimlint.document import Document
from claimlint.findings import Fix
from claimlint.kinds.base import Kind, KindContext, Options
from claimlint.names.analysis import analyse
from claimlint.names.clustering import (
    MAX_SPELLINGS_SHOWN,
    given_compatible,
    spellings_of,
    windowed_pairs,
)
from claimlint.names.known import KnownPeople
from claimlint.names.spelling import metaphone_key, sound_key, sounds_alike, strip_prefix
from claimlint.nlp import ModelNotAvailable
from claimlint.rule import Rule, render


@dataclass(frozen=True, slots=True)
class SpellingUse:
    """How one file spells one surname: where first, how often, with which given names."""

    key: str
    surname: str
    written: str
    given: tuple[str, ...]
    count: int
    location: Location
    source_line: str
    accepted: bool


@dataclass(frozen=True, slots=True)
class FileNames:
    path: str
    uses: tuple[SpellingUse, ...]


class AcrossOptions(Options, frozen=True):
    use_facts: bool = True


class NamesAcrossFiles(Kind):
    name = "names-across-files"
    options_type = AcrossOptions
    cross_document = True

    def __init__(self, options: Any, context: KindContext) -> None:
        super().__init__(options, context)
        opts: AcrossOptions = options
        self.known = KnownPeople(context.facts if opts.use_facts else None)

    def check(self, doc: Document, rule: Rule) -> Iterator[Any]:
        return iter(())

    def summarize(self, doc: Document, rule: Rule) -> FileNames | None:
        try:
            analysis = analyse(doc, self.known, self.context.model)
        except ModelNotAvailable:
            return None  # the in-article rule reports the missing model for this file
        uses = []
        for spelling in spellings_of(analysis.mentions):
            first = min(spelling.mentions, key=lambda m: m.start)
            location = locate(doc, first.surname_start, first.end)
            accepted = any(
                (v := analysis.verdict(m)) is not None and v.accepted for m in spelling.mentions
            )
            uses.append(
                SpellingUse(
                    key=spelling.key,
                    surname=first.surname,
                    written=spelling.written,
                    given=tuple(sorted(spelling.given_keys)),
                    count=len(spelling.mentions),
                    location=location,
                    source_line=line_text(doc, location.line),
                    accepted=accepted,
                )
            )
        return FileNames(doc.path, tuple(uses)) if uses else None

    def reduce(self, summaries: Iterable[Any], rule: Rule) -> Iterator[Diagnostic]:
        by_key: dict[str, list[tuple[str, SpellingUse]]] = defaultdict(list)
        for summary in summaries:
            if isinstance(summary, FileNames):
                for use in summary.uses:
                    by_key[use.key].append((summary.path, use))
        for group in _groups(by_key):
            yield from _report(group, by_key, rule)


def _groups(by_key: dict[str, list[tuple[str, SpellingUse]]]) -> list[list[str]]:
    """Surname keys that read alike, joined through shared sound keys and metaphones."""
    keys = sorted(by_key)
    parent = {k: k for k in keys}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    buckets: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        buckets["s" + sound_key(key)].append(key)
        buckets["m" + metaphone_key(key)].append(key)
    for bucket in buckets.values():
        for a, b in windowed_pairs(bucket):
            if find(a) != find(b) and sounds_alike(a, b) and _givens_fit(by_key[a], by_key[b]):
                parent[find(a)] = find(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        groups[find(key)].append(key)
    return [g for g in groups.values() if len(g) > 1]


def _givens_fit(a: list[tuple[str, SpellingUse]], b: list[tuple[str, SpellingUse]]) -> bool:
    given_a = {g for _, use in a for g in use.given}
    given_b = {g for _, use in b for g in use.given}
    if not given_a or not given_b:
        return True
    return any(given_compatible(x, y) for x in given_a for y in given_b)


def _report(
    group: list[str], by_key: dict[str, list[tuple[str, SpellingUse]]], rule: Rule
) -> Iterator[Diagnostic]:
    files = {key: {path for path, _ in by_key[key]} for key in group}
    if len(set().union(*files.values())) < 2:
        return  # one file only: the in-article rule speaks for it

    def rank(key: str) -> tuple[bool, int, int]:
        uses = by_key[key]
        return (any(u.accepted for _, u in uses), len(files[key]), sum(u.count for _, u in uses))

    majority = max(group, key=lambda k: (rank(k), -ord(k[0])))
    majority_uses = by_key[majority]
    shown = max((u for _, u in majority_uses), key=lambda u: len(u.written)).surname
    most_used = set(sorted(group, key=lambda k: -len(files[k]))[:MAX_SPELLINGS_SHOWN])
    counts = {by_key[k][0][1].surname: len(files[k]) for k in group if k in most_used}
    for key in group:
        if key == majority:
            continue
        for path, use in by_key[key]:
            if use.accepted:
                continue
            values = {"found": use.surname, "majority": shown, "files": len(files[majority])}
            yield Diagnostic(
                path=path,
                rule=rule.id,
                category=rule.category,
                level=rule.level,
                message=render(rule.message, values),
                location=use.location,
                source_line=use.source_line,
                fix=_keep_prefix(use.surname, shown),
                fix_safe=False,
                data={"majority": shown, "files_per_spelling": counts},
            )


def _keep_prefix(found: str, majority: str) -> str:
    bare = strip_prefix(majority)
    if strip_prefix(found) == found:
        return bare
    return found[: len(found) - len(strip_prefix(found))] + bare


__all__ = ["FileNames", "Fix", "NamesAcrossFiles", "SpellingUse"]
