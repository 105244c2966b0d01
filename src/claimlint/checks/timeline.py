"""`timeline`: dates claimed for events, checked against the facts file and against the
article itself.

- `timeline-contradiction`: a date the article gives for an event of the facts file
  that the facts file contradicts ("last January" for a strike on 3 January 2020,
  read in March 2021). Which dates count as claims about an event: `timeline.claims`.
- `timeline-self-contradiction`: one event given two dates in the same article, with
  no facts file: "the earthquake that struck on February 6, 2023" and later "the
  earthquake last March". The explicit date (with its year) anchors the event; a
  later date for "the earthquake" that disagrees with it is reported, pointing at the
  anchor. Only what can be checked reliably: an event noun with a definite article,
  one explicit dated mention of it (two different explicit dates mean two events),
  and for nouns that often name several events ("the attack") a name shared with
  the anchor's sentence. The nouns are options (`unique_event_nouns`,
  `common_event_nouns`).

Dates are read with the dates check's settings (the article's reference date).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from claimlint import patterns, temporal
from claimlint.checks.base import Check, CheckContext, CheckOptions, RuleTable
from claimlint.document import Document
from claimlint.facts import Event, Facts
from claimlint.findings import Finding, Fix, Related
from claimlint.sentences import Sentence
from claimlint.temporal import DateExpression, Granularity, Timeline, describe
from claimlint.temporal.lexicon import MONTHS, WEEKDAYS
from claimlint.timeline import claims, events, wording
from claimlint.timeline.compare import agree, fact_range

CONTRADICTION = "timeline-contradiction"
SELF_CONTRADICTION = "timeline-self-contradiction"

#: places a detailed report lists per event named in an article
MAX_MENTIONS = 20

_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w’'-]{2,}")
_NOT_NAMES = frozenset({*MONTHS, *WEEKDAYS, "The", "This", "That", "But", "And"})


class TimelineOptions(CheckOptions, frozen=True, kw_only=True):
    #: how far (characters) a date may stand from the cue of a facts-file event
    max_distance: int = claims.MAX_DISTANCE
    #: how far a date may stand from the event noun it dates (in-article check)
    noun_distance: int = 80
    #: nouns that name one event in an article ("the earthquake"), with the event key
    unique_event_nouns: dict[str, str]
    #: nouns that often name several events ("the attack"), with the event key
    common_event_nouns: dict[str, str]


@dataclass(frozen=True, slots=True)
class _Dated:
    key: str
    unique: bool
    definite: bool
    expression: DateExpression
    sentence: Sentence


class TimelineCheck(Check):
    name = "timeline"
    options_type = TimelineOptions
    rule_ids = (CONTRADICTION, SELF_CONTRADICTION)

    def __init__(self, options: Any, context: CheckContext) -> None:
        super().__init__(options, context)
        self.opts: TimelineOptions = options
        self.settings = context.options_of("dates").temporal()
        self.nouns = events.EventNouns(options.unique_event_nouns, options.common_event_nouns)
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

    def details(self, doc: Document) -> dict[str, Any]:
        """The facts events the article names by a cue, each with its date and where it
        is named (the first `MAX_MENTIONS` places, and how many there are)."""
        if self.cues is None:
            return {}
        mentioned: dict[str, dict[str, Any]] = {}
        for match in patterns.finditer(self.cues, doc.lint_text):
            for event in self.by_cue.get(" ".join(match.group().casefold().split()), []):
                entry = mentioned.get(event.id)
                if entry is None:
                    span, unit = fact_range(event.date)
                    entry = mentioned[event.id] = {
                        "id": event.id,
                        "title": event.title,
                        "date": str(event.date),
                        "range": span.iso(),
                        "granularity": str(unit),
                        "count": 0,
                        "mentions": [],
                    }
                entry["count"] += 1
                if len(entry["mentions"]) < MAX_MENTIONS:
                    entry["mentions"].append(
                        {
                            "start": doc.original_offset(match.start()),
                            "end": doc.original_offset(match.end()),
                            "line": doc.position(match.start()).line,
                        }
                    )
        return {"facts_events": list(mentioned.values())}

    def check(self, doc: Document, rules: RuleTable) -> Iterator[Finding]:
        timeline = temporal.timeline(doc, self.settings)
        if rules.on(CONTRADICTION) and self.cues is not None:
            yield from self._against_facts(doc, timeline, rules)
        if rules.on(SELF_CONTRADICTION):
            yield from self._within_article(doc, timeline, rules)

    def _against_facts(
        self, doc: Document, timeline: Timeline, rules: RuleTable
    ) -> Iterator[Finding]:
        assert self.cues is not None
        for sentence, expressions in claims.dated_sentences(doc, timeline):
            mentions = [
                (m.start(), m.end(), event)
                for m in patterns.finditer(self.cues, doc.lint_text, sentence.start, sentence.end)
                for event in self.by_cue.get(" ".join(m.group().casefold().split()), [])
            ]
            if not mentions or claims.measured_from(doc, sentence):
                continue
            for expression in expressions:
                finding = self._check_expression(
                    doc, timeline, rules, expression, sentence, mentions
                )
                if finding is not None:
                    yield finding

    def _check_expression(
        self,
        doc: Document,
        timeline: Timeline,
        rules: RuleTable,
        expression: DateExpression,
        sentence: Sentence,
        mentions: list[tuple[int, int, Event]],
    ) -> Finding | None:
        if expression.resolved is None or not claims.may_date_an_event(
            doc, timeline.reference, expression, sentence
        ):
            return None
        near: dict[str, tuple[int, Event]] = {}
        for start, end, event in mentions:
            gap = claims.distance(start, end, expression.start, expression.end)
            if gap <= self.opts.max_distance and (event.id not in near or gap < near[event.id][0]):
                near[event.id] = (gap, event)
        candidates = [
            (gap, event)
            for gap, event in near.values()
            if claims.plausible_for(timeline.reference, expression, fact_range(event.date)[0])
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
        reference = timeline.reference
        if expression.relative and reference is not None and reference.start is not None:
            related = (
                Related(
                    reference.start,
                    reference.end or reference.start,
                    f"read against {reference.label}",
                ),
            )
        return rules.finding(
            CONTRADICTION,
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

    def _within_article(
        self, doc: Document, timeline: Timeline, rules: RuleTable
    ) -> Iterator[Finding]:
        dated = list(self._dated_mentions(doc, timeline))
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
                finding = self._compare(doc, timeline, rules, item, anchor)
                if finding is not None:
                    yield finding

    def _dated_mentions(self, doc: Document, timeline: Timeline) -> Iterator[_Dated]:
        text = doc.lint_text
        for sentence, expressions in claims.dated_sentences(doc, timeline):
            if claims.measured_from(doc, sentence):
                continue
            nouns = [
                m
                for m in self.nouns.noun.finditer(text, sentence.start, sentence.end)
                if events.DETERMINER_BEFORE.search(
                    text[max(sentence.start, m.start() - 40) : m.start()]
                )
            ]
            if not nouns:
                continue
            for expression in expressions:
                if not claims.may_date_an_event(doc, timeline.reference, expression, sentence):
                    continue
                noun = _event_noun(nouns, expression, self.opts.noun_distance)
                if noun is None:
                    continue
                before = events.DEFINITE_BEFORE.search(
                    text[max(sentence.start, noun.start() - 40) : noun.start()]
                )
                if before and events.OTHER_INSTANCE.search(before.group("mods")):
                    continue
                key, unique = self.nouns.canonical(noun.group())
                yield _Dated(key, unique, before is not None, expression, sentence)

    def _compare(
        self, doc: Document, timeline: Timeline, rules: RuleTable, item: _Dated, anchor: _Dated
    ) -> Finding | None:
        claim, fixed = item.expression, anchor.expression
        if claim.resolved is None or fixed.resolved is None or item.sentence == anchor.sentence:
            return None
        if not claims.plausible_for(timeline.reference, claim, fixed.resolved):
            return None
        if agree(claim.resolved, claim.granularity, fixed.resolved, fixed.granularity):
            return None
        if not item.unique and not (_names(doc, item.sentence) & _names(doc, anchor.sentence)):
            return None
        anchor_line = doc.position(fixed.start).line
        claimed = describe.span(claim.resolved)
        return rules.finding(
            SELF_CONTRADICTION,
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
