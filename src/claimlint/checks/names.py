"""`names`: one person, one spelling — in an article, against the facts file, and across
the articles of one run.

- `name-variant`: a person whose name an article writes two ways: in the letters of a
  given name or surname ("Jane Saki" … "Sacchi"; "Hassan" … "Hasan al-Khafaji"), in
  hyphens or spaces, in the particle, in order, in case, or in the honorific. Every
  mention that differs from the person's reference spelling is reported, naming the
  part that differs, with the mention rewritten in the reference spelling as the fix.
  With a facts file, a known misspelling is reported here too, with the canonical
  name as a safe fix.
- `name-diacritics`: the same, when only diacritics differ ("Kılınç" … "Kilinc"); the
  house style (`diacritics:` option) decides which spelling is the reference.
- `name-unlisted-spelling`: a spelling close to a facts-file person that the file does
  not list ("Al-Kazemi" for "al-Kadhimi"), with the facts spelling as an unsafe fix.
- `name-variant-across-files`: across a run (an editorial repo), a file whose spelling
  of a surname is not the one most files use.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from claimlint.checks.base import Check, CheckContext, Placed, RuleTable
from claimlint.document import Document
from claimlint.findings import Finding, Fix, Related
from claimlint.kinds.base import OptionError
from claimlint.names.across import minorities, summarize
from claimlint.names.analysis import NameAnalysis, NameAnalyzer
from claimlint.names.compare import Comparer, Difference
from claimlint.names.known import KnownPeople
from claimlint.names.lexicon import NameLexicon
from claimlint.names.mentions import Mention
from claimlint.names.options import NamesOptions
from claimlint.names.people import Grouper, Person
from claimlint.names.spelling import FoldError, Speller
from claimlint.nlp import ModelNotAvailable
from claimlint.sources import display_path

VARIANT = "name-variant"
DIACRITICS = "name-diacritics"
UNLISTED = "name-unlisted-spelling"
ACROSS = "name-variant-across-files"

_MAX_RELATED = 3
_MAX_SPELLINGS = 20
#: a mention the facts file accepts outweighs any count of other spellings
_ACCEPTED_WEIGHT = 1000


class NamesCheck(Check):
    name = "names"
    options_type = NamesOptions
    rule_ids = (VARIANT, DIACRITICS, UNLISTED, ACROSS)
    cross_document = True

    def __init__(self, options: Any, context: CheckContext) -> None:
        super().__init__(options, context)
        self.opts: NamesOptions = options
        try:
            self.lexicon = NameLexicon.build(self.opts)
        except FoldError as exc:
            raise OptionError(exc.field, exc.problem) from None
        self.speller: Speller = self.lexicon.speller
        self.grouper = Grouper(self.lexicon)
        self.comparer = Comparer(self.lexicon, self.grouper)
        known = KnownPeople(context.facts if self.opts.use_facts else None, self.lexicon)
        self.analyzer = NameAnalyzer(self.lexicon, self.grouper, known, context.model)

    def notes(self, doc: Document) -> Iterable[str]:
        analysis = doc.analysis(self.analyzer)
        if not analysis.complete:
            yield (
                f"names: {len(analysis.mentions):,} names, more alike than are compared in "
                "one article; the later ones were matched only to the same spelling"
            )

    def check(self, doc: Document, rules: RuleTable) -> Iterator[Finding]:
        if not (rules.on(VARIANT) or rules.on(UNLISTED) or rules.on(DIACRITICS)):
            return
        analysis = doc.analysis(self.analyzer)
        reported: set[int] = set()
        for mention in analysis.mentions:
            finding = self._facts_finding(mention, analysis, rules)
            if finding is not None:
                reported.add(mention.start)
                yield finding

        def weight(mention: Mention) -> int:
            verdict = analysis.verdict(mention)
            if verdict is not None and verdict.accepted:
                return _ACCEPTED_WEIGHT
            return 1

        text = doc.lint_text
        for person in analysis.people:
            differences = self.comparer.differences(person, weight, text)
            if not differences:
                continue
            spellings = _spellings(person)
            for difference in differences:
                if difference.mention.start in reported:
                    continue
                rule = DIACRITICS if difference.diacritics_only else VARIANT
                if rules.on(rule):
                    yield _variant_finding(rule, difference, differences, spellings, rules)

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

    def summarize(self, doc: Document, rules: RuleTable) -> Any:
        if not rules.on(ACROSS):
            return None
        try:
            analysis = doc.analysis(self.analyzer)
        except ModelNotAvailable:
            return None  # the in-article rule reports the missing model for this file
        return summarize(doc, analysis, self.speller)

    def reduce(self, summaries: Iterable[Any], rules: RuleTable) -> Iterator[Placed]:
        for minority in minorities(summaries, self.speller, self.grouper.given_token_compatible):
            use = minority.use
            values = {"found": use.surname, "majority": minority.majority, "files": minority.files}
            finding = rules.finding(
                ACROSS,
                *use.span,
                values,
                fix=Fix(_keep_prefix(use.surname, minority.majority, self.speller), safe=False),
                data={
                    "majority": minority.majority,
                    "files_per_spelling": minority.files_per_spelling,
                },
            )
            yield Placed(minority.anchors, finding)


def _spellings(person: Person) -> dict[str, int]:
    """How often each spelling of the person is written: the `_MAX_SPELLINGS` most
    written (a finding of each of a thousand spellings must not list them all)."""
    counts = Counter(mention.text for mention in person.mentions)  # in order of use
    if len(counts) <= _MAX_SPELLINGS:
        return dict(counts)
    kept = {text for text, _ in counts.most_common(_MAX_SPELLINGS)}
    return {text: count for text, count in counts.items() if text in kept}


def _variant_finding(
    rule: str,
    difference: Difference,
    differences: list[Difference],
    spellings: dict[str, int],
    rules: RuleTable,
) -> Finding:
    reference = difference.reference_at
    related = [Related(reference.start, reference.end, f"'{reference.text}' is written here")]
    seen = {difference.found}
    for other in differences:
        if len(related) > _MAX_RELATED:
            break
        if other.found not in seen:
            seen.add(other.found)
            related.append(Related(other.start, other.end, f"also written '{other.found}'"))
    return rules.finding(
        rule,
        difference.start,
        difference.end,
        {
            "found": difference.found,
            "other": difference.reference,
            "part": " and ".join(difference.parts),
        },
        fix=Fix(difference.fix, safe=False),
        related=tuple(related[: _MAX_RELATED + 1]),
        data={
            "parts": list(difference.parts),
            "reference": difference.reference,
            "spellings": spellings,
        },
    )


def _keep_prefix(found: str, reference: str, speller: Speller) -> str:
    """The reference surname, keeping or dropping an 'al-' prefix as the mention did."""
    bare = speller.strip_prefix(reference)
    if speller.strip_prefix(found) == found:
        return bare
    return found[: len(found) - len(speller.strip_prefix(found))] + bare
