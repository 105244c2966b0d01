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

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from claimlint.checks.base import Check, CheckContext, CheckOptions, Placed, RuleTable
from claimlint.diagnostics import Anchors
from claimlint.document import Document
from claimlint.findings import Finding, Fix, Related
from claimlint.names.analysis import NameAnalysis, NameAnalyzer
from claimlint.names.clustering import (
    Spelling,
    VariantGroup,
    given_compatible,
    spellings_of,
    variant_groups,
)
from claimlint.names.grouping import group_alike
from claimlint.names.known import KnownPeople
from claimlint.names.mentions import Mention
from claimlint.names.spelling import (
    metaphone_key,
    sound_key,
    sounds_alike,
    spelling_key,
    strip_prefix,
)
from claimlint.nlp import ModelNotAvailable
from claimlint.sources import display_path

VARIANT = "name-variant"
UNLISTED = "name-unlisted-spelling"
ACROSS = "name-variant-across-files"

_MAX_RELATED = 3


class NamesOptions(CheckOptions, frozen=True, kw_only=True):
    #: compare mentions with the people of the facts file
    use_facts: bool = True
    #: message of a facts-file misspelling reported under name-variant
    misspelling_message: str = "'{found}' is a known misspelling of {canonical}"


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
        known = KnownPeople(context.facts if self.opts.use_facts else None)
        self.analyzer = NameAnalyzer(known, context.model)

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

        for group in variant_groups(analysis.mentions, prefer=accepted):
            for spelling in group.minority:
                for mention in spelling.mentions:
                    if mention.start not in reported:
                        yield _variant_finding(mention, group, rules)

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
        for spelling in spellings_of(analysis.mentions):
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
        """Two passes over the run's summaries: count each spelling (memory grows with
        the spellings of a run, not its files), decide each group's majority, then
        report the files that use a minority spelling."""
        stats: dict[str, _KeyStats] = {}
        for summary in summaries:
            if isinstance(summary, FileNames):
                for use in summary.uses:
                    stats.setdefault(use.key, _KeyStats()).add(summary.anchors.path, use)
        verdicts: dict[str, _Verdict] = {}
        for group in _groups(stats):
            verdicts.update(_decide(group, stats))
        if not verdicts:
            return
        for summary in summaries:
            if not isinstance(summary, FileNames):
                continue
            for use in summary.uses:
                verdict = verdicts.get(use.key)
                if verdict is None or use.accepted:
                    continue
                values = {"found": use.surname, "majority": verdict.shown, "files": verdict.files}
                finding = rules.finding(
                    ACROSS,
                    *use.span,
                    values,
                    fix=Fix(_keep_prefix(use.surname, verdict.shown), safe=False),
                    data={"majority": verdict.shown, "files_per_spelling": verdict.counts},
                )
                yield Placed(summary.anchors, finding)


@dataclass
class _KeyStats:
    """One surname spelling over a run: in how many files, how often, with which given
    names; whether the facts accept it; how it is written."""

    files: int = 0
    mentions: int = 0
    accepted: bool = False
    given: set[str] = field(default_factory=set)
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


@dataclass(frozen=True)
class _Verdict:
    """What a minority spelling's files are told: the majority spelling and the counts."""

    shown: str
    files: int
    counts: dict[str, int]


def _variant_finding(mention: Mention, group: VariantGroup, rules: RuleTable) -> Finding:
    reference = group.reference
    shown = reference.written
    first = min(reference.mentions, key=lambda m: m.start)
    related = [Related(first.start, first.end, f"'{first.text}' is written here")]
    for other in group.minority:
        if other.key == spelling_key(mention.surname):
            continue
        example = min(other.mentions, key=lambda m: m.start)
        related.append(Related(example.start, example.end, f"also spelled '{example.text}'"))
    return rules.finding(
        VARIANT,
        mention.surname_start,
        mention.end,
        {"found": mention.surname, "other": shown},
        fix=Fix(_keep_prefix(mention.surname, first.surname), safe=False),
        related=tuple(related[: _MAX_RELATED + 1]),
        data={
            "spellings": {s.written: len(s.mentions) for s in group.spellings},
            "reference": shown,
        },
    )


def _groups(stats: dict[str, _KeyStats]) -> list[list[str]]:
    """Surname keys that read alike, compared within shared sound keys and metaphones."""

    def same(a: str, b: str) -> bool:
        return sounds_alike(a, b) and _givens_fit(stats[a].given, stats[b].given)

    groups = group_alike(
        sorted(stats), lambda key: ("s" + sound_key(key), "m" + metaphone_key(key)), same
    )
    return [g for g in groups if len(g) > 1]


def _givens_fit(given_a: set[str], given_b: set[str]) -> bool:
    if not given_a or not given_b:
        return True
    return any(given_compatible(x, y) for x in given_a for y in given_b)


def _decide(group: list[str], stats: dict[str, _KeyStats]) -> dict[str, _Verdict]:
    """The minority spellings of a group read alike, each with what its files are told;
    nothing when the whole group stands in one file (the in-article rule speaks)."""
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


def _keep_prefix(found: str, reference: str) -> str:
    """The reference surname, keeping or dropping an 'al-' prefix as the mention did."""
    bare = strip_prefix(reference)
    if strip_prefix(found) == found:
        return bare
    return found[: len(found) - len(strip_prefix(found))] + bare
