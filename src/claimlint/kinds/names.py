"""`names`: one person, one spelling.

Within an article, spellings of one surname that look or sound alike ("Jane Saki" …
"Sacchi") are grouped and every minority spelling is reported, pointing at the
spelling it differs from. With a facts file, known misspellings are reported with
the canonical name as a safe fix, and close but unlisted spellings as a warning.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from claimlint.document import Document
from claimlint.findings import Finding, Fix, Level, Related
from claimlint.kinds.base import Kind, KindContext, Options
from claimlint.names.analysis import NameAnalysis, analyse
from claimlint.names.clustering import (
    MAX_SPELLINGS_SHOWN,
    Spelling,
    VariantGroup,
    variant_groups,
)
from claimlint.names.known import KnownPeople
from claimlint.names.mentions import Mention
from claimlint.names.spelling import strip_prefix
from claimlint.rule import Rule
from claimlint.sources import display_path

_MAX_RELATED = 3


class NamesOptions(Options, frozen=True):
    use_facts: bool = True
    misspelling_message: str = "'{found}' is a known misspelling of {canonical}"
    close_message: str = "'{found}': the facts file spells this name '{canonical}'"


class Names(Kind):
    name = "names"
    options_type = NamesOptions

    def __init__(self, options: Any, context: KindContext) -> None:
        super().__init__(options, context)
        self.opts: NamesOptions = options
        self.known = KnownPeople(context.facts if self.opts.use_facts else None)

    def check(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        analysis = analyse(doc, self.known, self.context.model)
        reported: set[int] = set()
        for mention in analysis.mentions:
            finding = self._facts_finding(mention, analysis, rule)
            if finding is not None:
                reported.add(mention.start)
                yield finding

        def accepted(spelling: Spelling) -> bool:
            return any(
                (v := analysis.verdict(m)) is not None and v.accepted for m in spelling.mentions
            )

        for group in variant_groups(analysis.mentions, prefer=accepted):
            shared = _GroupFacts.of(group)  # once per group: a finding costs no more
            for spelling in group.minority:
                related = shared.related_for(spelling)
                for mention in spelling.mentions:
                    if mention.start not in reported:
                        yield _variant_finding(mention, shared, related, rule)

    def _facts_finding(
        self, mention: Mention, analysis: NameAnalysis, rule: Rule
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
            return rule.finding(
                mention.start,
                mention.end,
                values,
                fix=Fix(verdict.suggestion, safe=True),
                message=self.opts.misspelling_message,
                data=data,
            )
        return rule.finding(
            mention.start,
            mention.end,
            values,
            fix=Fix(verdict.suggestion, safe=False),
            level=min(rule.level, Level.WARNING),
            message=self.opts.close_message,
            data=data,
        )


@dataclass(frozen=True)
class _GroupFacts:
    """What every finding of one variant group shows, computed once for the group."""

    shown: str
    first: Mention
    examples: tuple[tuple[str, Mention], ...]  # (spelling key, its first mention)
    spellings: dict[str, int]

    @classmethod
    def of(cls, group: VariantGroup) -> _GroupFacts:
        most_used = {
            id(s)
            for s in sorted(group.spellings, key=lambda s: -len(s.mentions))[:MAX_SPELLINGS_SHOWN]
        }
        return cls(
            shown=group.reference.written,
            first=min(group.reference.mentions, key=lambda m: m.start),
            examples=tuple(
                (other.key, min(other.mentions, key=lambda m: m.start)) for other in group.minority
            ),
            spellings={s.written: len(s.mentions) for s in group.spellings if id(s) in most_used},
        )

    def related_for(self, spelling: Spelling) -> tuple[Related, ...]:
        first = self.first
        related = [Related(first.start, first.end, f"'{first.text}' is written here")]
        for key, example in self.examples:
            if len(related) > _MAX_RELATED:
                break
            if key != spelling.key:
                related.append(
                    Related(example.start, example.end, f"also spelled '{example.text}'")
                )
        return tuple(related)


def _variant_finding(
    mention: Mention, group: _GroupFacts, related: tuple[Related, ...], rule: Rule
) -> Finding:
    return rule.finding(
        mention.surname_start,
        mention.end,
        {"found": mention.surname, "other": group.shown},
        fix=Fix(_replacement(mention.surname, group.first.surname), safe=False),
        related=related,
        data={"spellings": group.spellings, "reference": group.shown},
    )


def _replacement(found: str, reference: str) -> str:
    """The reference surname, keeping or dropping an 'al-' prefix as the mention did."""
    bare = strip_prefix(reference)
    if strip_prefix(found) == found:
        return bare
    prefix = found[: len(found) - len(strip_prefix(found))]
    return prefix + bare
