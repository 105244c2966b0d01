"""`timeline-facts`: a date the article gives for an event of the facts file that the
facts file contradicts ("last January" for a strike on 3 January 2020, read in March
2021). Which dates count as claims about an event: see `timeline.claims`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from claimlint import patterns
from claimlint.document import Document
from claimlint.facts import Event, Facts
from claimlint.findings import Finding, Fix, Related
from claimlint.kinds.base import Kind, KindContext, Options
from claimlint.rule import Rule
from claimlint.sentences import Sentence
from claimlint.temporal import DateExpression, describe, reference_of
from claimlint.timeline import claims, wording
from claimlint.timeline.compare import agree, fact_range


class TimelineFactsOptions(Options, frozen=True):
    max_distance: int = claims.MAX_DISTANCE


class TimelineFacts(Kind):
    name = "timeline-facts"
    options_type = TimelineFactsOptions

    def __init__(self, options: Any, context: KindContext) -> None:
        super().__init__(options, context)
        self.max_distance: int = options.max_distance
        facts: Facts | None = context.facts
        self.events: tuple[Event, ...] = facts.events if facts else ()
        self.by_cue: dict[str, list[Event]] = {}
        for event in self.events:
            for cue in event.cues:
                self.by_cue.setdefault(" ".join(cue.casefold().split()), []).append(event)
        self.cues = (
            patterns.phrase_pattern(
                list({c for e in self.events for c in e.cues}), "cues", ignorecase=True
            )
            if self.by_cue
            else None
        )

    def check(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        if self.cues is None:
            return
        budget = patterns.Budget()  # one for all the sentences of the document
        for sentence, expressions in claims.dated_sentences(doc):
            mentions = [
                (m.start(), m.end(), event)
                for m in patterns.finditer(
                    self.cues, doc.lint_text, sentence.start, sentence.end, budget
                )
                for event in self.by_cue.get(" ".join(m.group().casefold().split()), [])
            ]
            if not mentions or claims.measured_from(doc, sentence):
                continue
            for expression in expressions:
                finding = self._check_expression(doc, rule, expression, sentence, mentions)
                if finding is not None:
                    yield finding

    def _check_expression(
        self,
        doc: Document,
        rule: Rule,
        expression: DateExpression,
        sentence: Sentence,
        mentions: list[tuple[int, int, Event]],
    ) -> Finding | None:
        if expression.resolved is None or not claims.may_date_an_event(doc, expression, sentence):
            return None
        near: dict[str, tuple[int, Event]] = {}
        for start, end, event in mentions:
            gap = claims.distance(start, end, expression.start, expression.end)
            if gap <= self.max_distance and (event.id not in near or gap < near[event.id][0]):
                near[event.id] = (gap, event)
        candidates = [
            (gap, event)
            for gap, event in near.values()
            if claims.plausible_for(doc, expression, fact_range(event.date)[0])
        ]
        if not candidates:
            return None
        for _, event in candidates:
            event_range, event_unit = fact_range(event.date)
            if agree(expression.resolved, expression.granularity, event_range, event_unit):
                return None
        _, event = min(candidates, key=lambda pair: pair[0])
        claimed = describe.span(expression.resolved)
        event_date = wording.fact_date(event.date)
        before = doc.lint_text[max(0, expression.start - 12) : expression.start]
        replacement = wording.suggestion(expression, event.date, before)
        related: tuple[Related, ...] = ()
        reference = reference_of(doc)
        if expression.relative and reference is not None and reference.start is not None:
            related = (
                Related(
                    reference.start,
                    reference.end or reference.start,
                    f"read against {reference.label}",
                ),
            )
        return rule.finding(
            expression.start,
            expression.end,
            {
                "text": expression.text,
                "claim": wording.claim(expression, claimed),
                "claimed": claimed,
                "event": event.title,
                "event_date": event_date,
                "suggestion": replacement,
                "source": event.source,
            },
            fix=Fix(replacement, safe=False),
            related=related,
            data={
                "event": event.id,
                "event_date": str(event.date),
                "resolved": expression.resolved.iso(),
                "resolution": f"'{expression.text}' = {claimed}",
            },
        )
