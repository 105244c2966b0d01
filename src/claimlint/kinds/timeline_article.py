"""`timeline-article`: one event given two dates in the same article, with no facts
file: "the earthquake that struck on February 6, 2023" and later "the earthquake
last March". The explicit date (with its year) anchors the event; a later date for
"the earthquake" that disagrees with it is reported, pointing at the anchor.

Only what can be checked reliably: an event noun with a definite article, one
explicit dated mention of it (two different explicit dates mean two events), and
for nouns that often name several events ("the attack") a name shared with the
anchor's sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from claimlint.document import Document
from claimlint.findings import Finding, Related
from claimlint.kinds.base import Kind, KindContext, Options
from claimlint.rule import Rule
from claimlint.sentences import Sentence
from claimlint.temporal import DateExpression, Granularity, describe
from claimlint.temporal.lexicon import MONTHS, WEEKDAYS
from claimlint.timeline import claims, events, wording
from claimlint.timeline.compare import agree

_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w’'-]{2,}")
_NOT_NAMES = frozenset({*MONTHS, *WEEKDAYS, "The", "This", "That", "But", "And"})


class TimelineArticleOptions(Options, frozen=True):
    max_distance: int = 80


@dataclass(frozen=True, slots=True)
class _Dated:
    key: str
    unique: bool
    definite: bool
    expression: DateExpression
    sentence: Sentence


class TimelineArticle(Kind):
    name = "timeline-article"
    options_type = TimelineArticleOptions

    def __init__(self, options: Any, context: KindContext) -> None:
        super().__init__(options, context)
        self.max_distance: int = options.max_distance

    def check(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        dated = list(self._dated_mentions(doc))
        anchors: dict[str, list[_Dated]] = {}
        for item in dated:
            expression = item.expression
            if (
                expression.explicit_year
                and not expression.relative
                and expression.granularity
                in (
                    Granularity.DAY,
                    Granularity.MONTH,
                )
            ):
                anchors.setdefault(item.key, []).append(item)
        for key, found in anchors.items():
            anchor = found[0]
            assert anchor.expression.resolved is not None
            if any(
                other.expression.resolved is None
                or not agree(
                    anchor.expression.resolved,
                    anchor.expression.granularity,
                    other.expression.resolved,
                    other.expression.granularity,
                )
                for other in found[1:]
            ):
                continue  # two explicit dates: two events of that kind
            for item in dated:
                if item.key != key or item in found or not item.definite:
                    continue
                finding = self._compare(doc, rule, item, anchor)
                if finding is not None:
                    yield finding

    def _dated_mentions(self, doc: Document) -> Iterator[_Dated]:
        text = doc.lint_text
        for sentence, expressions in claims.dated_sentences(doc):
            if claims.measured_from(doc, sentence):
                continue
            nouns = [
                m
                for m in events.NOUN.finditer(text, sentence.start, sentence.end)
                if events.DETERMINER_BEFORE.search(
                    text[max(sentence.start, m.start() - 40) : m.start()]
                )
            ]
            if not nouns:
                continue
            for expression in expressions:
                if not claims.may_date_an_event(doc, expression, sentence):
                    continue
                noun = _event_noun(nouns, expression, self.max_distance)
                if noun is None:
                    continue
                before = events.DEFINITE_BEFORE.search(
                    text[max(sentence.start, noun.start() - 40) : noun.start()]
                )
                if before and events.OTHER_INSTANCE.search(before.group("mods")):
                    continue
                key, unique = events.canonical(noun.group())
                yield _Dated(key, unique, before is not None, expression, sentence)

    def _compare(self, doc: Document, rule: Rule, item: _Dated, anchor: _Dated) -> Finding | None:
        claim, fixed = item.expression, anchor.expression
        if claim.resolved is None or fixed.resolved is None or item.sentence == anchor.sentence:
            return None
        if not claims.plausible_for(doc, claim, fixed.resolved):
            return None
        if agree(claim.resolved, claim.granularity, fixed.resolved, fixed.granularity):
            return None
        if not item.unique and not (_names(doc, item.sentence) & _names(doc, anchor.sentence)):
            return None
        anchor_line = doc.position(fixed.start).line
        claimed = describe.span(claim.resolved)
        return rule.finding(
            claim.start,
            claim.end,
            {
                "text": claim.text,
                "claim": wording.claim(claim, claimed),
                "claimed": claimed,
                "event": item.key,
                "anchor": fixed.text,
                "anchor_line": anchor_line,
            },
            related=(
                Related(fixed.start, fixed.end, f"the {item.key} is dated '{fixed.text}' here"),
            ),
            data={"resolved": claim.resolved.iso(), "anchor_date": fixed.resolved.iso()},
        )


def _event_noun(
    nouns: list[re.Match[str]], expression: DateExpression, limit: int
) -> re.Match[str] | None:
    """The noun a date belongs to: the nearest one before it (the event is usually named
    first: "the earthquake struck on ..."), else the nearest one after it."""
    before = [
        n for n in nouns if n.end() <= expression.start and expression.start - n.end() <= limit
    ]
    if before:
        return before[-1]
    after = [
        n for n in nouns if n.start() >= expression.end and n.start() - expression.end <= limit
    ]
    return after[0] if after else None


def _names(doc: Document, sentence: Sentence) -> set[str]:
    words = _NAME.findall(doc.lint_text[sentence.start : sentence.end])
    return {w.rstrip("’'s") for w in words if w not in _NOT_NAMES}
