"""`names`: one person, one spelling — in an article, against the facts file, and across
the articles of one run.

- `name-variant`: spellings of one surname that look or sound alike ("Jane Saki" …
  "Sacchi") in one article; every minority spelling is reported, pointing at the
  spelling it differs from. With a facts file, a known misspelling is reported here
  too, with the canonical name as a safe fix.
- `name-unlisted-spelling`: a spelling close to a facts-file person that the file does
  not list ("Al-Kazemi" for "al-Kadhimi"), with the facts spelling as an unsafe fix.
- `name-variant-across-files`: across a run (an editorial repo), a file whose spelling
  of a surname is not the one most files use. Each file contributes a summary (a map
  step that may run in another process, so the summary is plain data); the reduce
  step groups spellings that read alike across files.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from claimlint.checks.base import Check, CheckContext, Placed, RuleTable
from claimlint.diagnostics import Anchors
from claimlint.document import Document
from claimlint.findings import Finding, Fix, Related
from claimlint.kinds.base import OptionError
from claimlint.names.analysis import NameAnalysis, NameAnalyzer
from claimlint.names.clustering import (
    Spelling,
    VariantGroup,
    given_compatible,
    spellings_of,
    variant_groups,
)
from claimlint.names.known import KnownPeople
from claimlint.names.lexicon import NameLexicon
from claimlint.names.mentions import Mention
from claimlint.names.options import NamesOptions
from claimlint.names.spelling import FoldError, Speller
from claimlint.nlp import ModelNotAvailable
from claimlint.sources import display_path

VARIANT = "name-variant"
UNLISTED = "name-unlisted-spelling"
ACROSS = "name-variant-across-files"

_MAX_RELATED = 3


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


class NamesCheck(Check):
    name = "names"
    options_type = NamesOptions
    rule_ids = (VARIANT, UNLISTED, ACROSS)
    cross_document = True

    def __init__(self, options: Any, context: CheckContext) -> None:
        super().__init__(options, context)
        self.opts: NamesOptions = options
        try:
            self.lexicon = NameLexicon.build(self.opts)
        except FoldError as exc:
            raise OptionError(exc.field, exc.problem) from None
        self.speller = self.lexicon.speller
        known = KnownPeople(context.facts if self.opts.use_facts else None, self.lexicon)
        self.analyzer = NameAnalyzer(self.lexicon, known, context.model)

    def check(self, doc: Document, rules: RuleTable) -> Iterator[Finding]:
        if not (rules.on(VARIANT) or rules.on(UNLISTED)):
            return
        analysis = doc.analysis(self.analyzer)
        reported: set[int] = set()
        for mention in analysis.mentions:
            finding = self._facts_finding(mention, analysis, rules)
            if finding is not None:
                reported.add(mention.start)
                yield finding

        def accepted(spelling: Spelling) -> bool:
            return any(
                (v := analysis.verdict(m)) is not None and v.accepted for m in spelling.mentions
            )

        for group in variant_groups(analysis.mentions, self.speller, prefer=accepted):
            for spelling in group.minority:
                for mention in spelling.mentions:
                    if mention.start not in reported:
                        yield _variant_finding(mention, group, rules, self.speller)

    def _facts_finding(
        self, mention: Mention, analysis: NameAnalysis, rules: RuleTable
    ) -> Finding | None:
        verdict = analysis.verdict(mention)
        if verdict is None or verdict.accepted:
            return None
        values = {
            "found": mention.text,
            "canonical": verdict.suggestion,
            "person": verdict.person.name,
        }
        data = {"canonical": verdict.person.name, "facts": display_path(verdict.person.source)}
        if verdict.status == "misspelling":
            return rules.finding(
                VARIANT,
                mention.start,
                mention.end,
                values,
                fix=Fix(verdict.suggestion, safe=True),
                message=self.opts.misspelling_message,
                data=data,
            )
        return rules.finding(
            UNLISTED,
            mention.start,
            mention.end,
            values,
            fix=Fix(verdict.suggestion, safe=False),
            data=data,
        )

    # -- across files ----------------------------------------------------------------

    def summarize(self, doc: Document, rules: RuleTable) -> FileNames | None:
        if not rules.on(ACROSS):
            return None
        try:
            analysis = doc.analysis(self.analyzer)
        except ModelNotAvailable:
            return None  # the in-article rule reports the missing model for this file
        uses = []
        for spelling in spellings_of(analysis.mentions, self.speller):
            first = min(spelling.mentions, key=lambda m: m.start)
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
                    span=(first.surname_start, first.end),
                    accepted=accepted,
                )
            )
        if not uses:
            return None
        return FileNames(Anchors.record(doc, [u.span for u in uses]), tuple(uses))

    def reduce(self, summaries: Iterable[Any], rules: RuleTable) -> Iterator[Placed]:
        by_key: dict[str, list[tuple[Anchors, SpellingUse]]] = defaultdict(list)
        for summary in summaries:
            if isinstance(summary, FileNames):
                for use in summary.uses:
                    by_key[use.key].append((summary.anchors, use))
        for group in _groups(by_key, self.speller):
            yield from _report(group, by_key, rules, self.speller)


def _variant_finding(
    mention: Mention, group: VariantGroup, rules: RuleTable, speller: Speller
) -> Finding:
    reference = group.reference
    shown = reference.written
    first = min(reference.mentions, key=lambda m: m.start)
    related = [Related(first.start, first.end, f"'{first.text}' is written here")]
    for other in group.minority:
        if other.key == speller.spelling_key(mention.surname):
            continue
        example = min(other.mentions, key=lambda m: m.start)
        related.append(Related(example.start, example.end, f"also spelled '{example.text}'"))
    return rules.finding(
        VARIANT,
        mention.surname_start,
        mention.end,
        {"found": mention.surname, "other": shown},
        fix=Fix(_keep_prefix(mention.surname, first.surname, speller), safe=False),
        related=tuple(related[: _MAX_RELATED + 1]),
        data={
            "spellings": {s.written: len(s.mentions) for s in group.spellings},
            "reference": shown,
        },
    )


Uses = dict[str, list[tuple[Anchors, SpellingUse]]]


def _groups(by_key: Uses, speller: Speller) -> list[list[str]]:
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
        buckets["s" + speller.sound_key(key)].append(key)
        buckets["m" + speller.metaphone_key(key)].append(key)
    for bucket in buckets.values():
        for i, a in enumerate(bucket):
            for b in bucket[i + 1 :]:
                if (
                    find(a) != find(b)
                    and speller.sounds_alike(a, b)
                    and _givens_fit(by_key[a], by_key[b], speller)
                ):
                    parent[find(a)] = find(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        groups[find(key)].append(key)
    return [g for g in groups.values() if len(g) > 1]


def _givens_fit(
    a: list[tuple[Anchors, SpellingUse]], b: list[tuple[Anchors, SpellingUse]], speller: Speller
) -> bool:
    given_a = {g for _, use in a for g in use.given}
    given_b = {g for _, use in b for g in use.given}
    if not given_a or not given_b:
        return True
    return any(given_compatible(x, y, speller) for x in given_a for y in given_b)


def _report(group: list[str], by_key: Uses, rules: RuleTable, speller: Speller) -> Iterator[Placed]:
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
            if use.accepted:
                continue
            values = {"found": use.surname, "majority": shown, "files": len(files[majority])}
            finding = rules.finding(
                ACROSS,
                *use.span,
                values,
                fix=Fix(_keep_prefix(use.surname, shown, speller), safe=False),
                data={"majority": shown, "files_per_spelling": counts},
            )
            yield Placed(anchors, finding)


def _keep_prefix(found: str, reference: str, speller: Speller) -> str:
    """The reference surname, keeping or dropping an 'al-' prefix as the mention did."""
    bare = speller.strip_prefix(reference)
    if speller.strip_prefix(found) == found:
        return bare
    return found[: len(found) - len(speller.strip_prefix(found))] + bare
