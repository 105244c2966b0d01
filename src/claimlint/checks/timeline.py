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

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from typing import Any

import msgspec

from claimlint import patterns, regex_cache, temporal
from claimlint.checks.base import Check, CheckContext, CheckOptions, RuleTable
from claimlint.document import Document
from claimlint.facts import Event, FactDate, Facts
from claimlint.findings import Finding, Fix, Related
from claimlint.sentences import Sentence, sentences_of
from claimlint.temporal import DateExpression, Form, Granularity, Reference, Timeline, describe
from claimlint.temporal.lexicon import MONTHS, WEEKDAYS
from claimlint.timeline import claims, events, guards, reading, wording
from claimlint.timeline.anniversaries import Anniversaries, Claim
from claimlint.timeline.anniversaries import Sentence as AnniversarySentence
from claimlint.timeline.binding import Binding, bind
from claimlint.timeline.clauses import Clause, clause_at, clauses
from claimlint.timeline.compare import agree, fact_range
from claimlint.timeline.identify import DocumentCues, Mention, identify
from claimlint.timeline.terms import CueClass, Token, Vocabulary, fold

CONTRADICTION = "timeline-contradiction"
SELF_CONTRADICTION = "timeline-self-contradiction"

#: places a detailed report lists per event named in an article
MAX_MENTIONS = 20

_NAME = regex_cache.re_compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w’'-]{2,}")
_NOT_NAMES = frozenset({*MONTHS, *WEEKDAYS, "The", "This", "That", "But", "And"})
_REPORTING_FORMS = frozenset(
    {Form.WEEKDAY, Form.LAST_NEXT_WEEKDAY, Form.THIS_WEEKDAY, Form.DEICTIC_DAY, Form.NEIGHBOUR_DAY}
)
_RECENT = timedelta(days=31)


class EventKind(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """A kind of event: the nouns that name it (and make an event of the facts file of
    this kind when its title, a cue or an alias holds one) and the predicates that say
    it happened."""

    nouns: tuple[str, ...]
    predicates: tuple[str, ...] = ()


class TimelineOptions(CheckOptions, frozen=True, kw_only=True):
    #: how far (characters) the word that binds a date to an event may stand from it
    max_distance: int = 90
    #: how far a date may stand from the event noun it dates (in-article check)
    noun_distance: int = 80
    #: "three years ago", "five years after": how many years off still agrees
    years_tolerance: float = 0.75
    #: kinds of events and the words that bind a date to them
    event_kinds: dict[str, EventKind]
    #: words that bind a date to something else ("born", "visited", "said")
    competing_words: tuple[str, ...]
    #: words of a paragraph or sentence whose closing date is a photo's or a commemoration's
    caption_words: tuple[str, ...] = ()
    #: words too common to name one event (`claimlint facts check` warns about cues of them)
    generic_words: tuple[str, ...] = ()
    #: nouns that name one event in an article ("the earthquake"), with the event key
    unique_event_nouns: dict[str, str]
    #: nouns that often name several events ("the attack"), with the event key
    common_event_nouns: dict[str, str]


class _Dated(msgspec.Struct, frozen=True):
    key: str
    unique: bool
    definite: bool
    expression: DateExpression
    sentence: Sentence


class _Captions(msgspec.Struct, frozen=True):
    """Paragraphs (by their start offsets) that speak of a picture or a commemoration:
    a date closing one of their sentences after a comma is the photo's or the day's."""

    starts: list[int]
    marked: frozenset[int]

    def holds(self, offset: int) -> bool:
        return bisect_right(self.starts, offset) - 1 in self.marked


class TimelineCheck(Check):
    name = "timeline"
    options_type = TimelineOptions
    rule_ids = (CONTRADICTION, SELF_CONTRADICTION)
    reads_options = ("dates",)

    def __init__(self, options: Any, context: CheckContext) -> None:
        super().__init__(options, context)
        self.opts: TimelineOptions = options
        self.settings = context.options_of("dates").temporal()
        self.nouns = events.EventNouns(options.unique_event_nouns, options.common_event_nouns)
        facts: Facts | None = context.facts
        self.vocabulary = Vocabulary(
            facts.events if facts else (),
            facts.people if facts else (),
            options.event_kinds,
            options.competing_words,
            options.generic_words,
        )
        self.anniversaries = Anniversaries(self.vocabulary, options.years_tolerance)
        # the events an article names by a cue or an alias, for `details`
        self.by_cue: dict[str, list[Event]] = {}
        for event in self.vocabulary.events:
            for cue in (*event.event.cues, *event.event.aliases):
                self.by_cue.setdefault(fold(cue), []).append(event.event)
        self.cues = (
            patterns.phrase_pattern(list(self.by_cue), "cues", ignorecase=True)
            if self.by_cue
            else None
        )
        self.caption_words = (
            patterns.phrase_pattern(list(options.caption_words), "caption_words", ignorecase=True)
            if options.caption_words
            else None
        )

    def details(self, doc: Document) -> dict[str, Any]:
        """The facts events the article names by a cue, each with its date and where it
        is named (the first `MAX_MENTIONS` places, and how many there are)."""
        if self.cues is None:
            return {}
        mentioned: dict[str, dict[str, Any]] = {}
        for match in patterns.finditer(self.cues, doc.lint_text):
            for event in self.by_cue.get(fold(match.group()), []):
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
        if rules.on(CONTRADICTION) and self.vocabulary.events:
            yield from self._against_facts(doc, timeline, rules)
        if rules.on(SELF_CONTRADICTION):
            yield from self._within_article(doc, timeline, rules)

    def _against_facts(
        self, doc: Document, timeline: Timeline, rules: RuleTable
    ) -> Iterator[Finding]:
        text = doc.lint_text
        tokens = _outside(list(self.vocabulary.tokens(text, 0, len(text))), timeline.expressions)
        if not tokens:
            return
        document = DocumentCues(text, tokens, self.vocabulary)
        captions = self._captions(doc)
        expressions = [e for e in timeline.expressions if e.resolved is not None]
        previous: list[Token] = []
        next_token = next_expression = 0
        for sentence in sentences_of(doc):
            here: list[Token] = []
            while next_token < len(tokens) and tokens[next_token].start < sentence.end:
                if tokens[next_token].start >= sentence.start:
                    here.append(tokens[next_token])
                next_token += 1
            dated: list[DateExpression] = []
            while (
                next_expression < len(expressions)
                and expressions[next_expression].start < sentence.end
            ):
                if expressions[next_expression].start >= sentence.start:
                    dated.append(expressions[next_expression])
                next_expression += 1
            mentions = (
                identify(text, sentence.start, here, previous, self.vocabulary, document)
                if here
                else []
            )
            previous = here
            if mentions:
                yield from self._sentence(
                    doc, timeline, rules, sentence, here, mentions, dated, captions
                )

    def _sentence(
        self,
        doc: Document,
        timeline: Timeline,
        rules: RuleTable,
        sentence: Sentence,
        tokens: list[Token],
        mentions: list[Mention],
        expressions: list[DateExpression],
        captions: _Captions,
    ) -> Iterator[Finding]:
        text = doc.lint_text
        reference = timeline.reference
        found = clauses(text, sentence.start, sentence.end)
        caption = captions.holds(sentence.start)
        bindings: dict[int, Binding] = {}
        for expression in expressions:
            if not self._may_be_bound(doc, reference, sentence, found, tokens, expression):
                continue
            if caption and _trailing(text, sentence, expression):
                continue  # a photo's or a commemoration's date (an ordinal is checked apart)
            binding = bind(
                text,
                expression,
                clause_at(found, expression.start),
                found,
                tokens,
                mentions,
                self.vocabulary,
                self.opts.max_distance,
            )
            if binding is not None:
                bindings[expression.start] = binding
        today = reference.date if reference is not None else None
        checked = AnniversarySentence(
            sentence.start, sentence.end, tokens, mentions, expressions, frozenset(bindings)
        )
        claims, used = self.anniversaries.check(text, checked, today)
        for claim in claims:
            yield self._anniversary_finding(rules, claim)
        for start, binding in bindings.items():
            if start not in used:
                finding = self._judge(doc, timeline, rules, binding)
                if finding is not None:
                    yield finding

    def _captions(self, doc: Document) -> _Captions:
        """The paragraphs that speak of a picture or a commemoration (one pass)."""
        starts = [p.start for p in doc.paragraphs]
        marked: set[int] = set()
        if self.caption_words is not None:
            for match in patterns.finditer(self.caption_words, doc.lint_text):
                marked.add(bisect_right(starts, match.start()) - 1)
        return _Captions(starts, frozenset(marked))

    def _may_be_bound(
        self,
        doc: Document,
        reference: Reference | None,
        sentence: Sentence,
        found: list[Clause],
        tokens: list[Token],
        expression: DateExpression,
    ) -> bool:
        text = doc.lint_text
        if (
            reference is not None
            and reference.start is not None
            and reference.start <= expression.start < (reference.end or 0)
        ):
            return False  # the dateline
        clause = clause_at(found, expression.start)
        if guards.edge_or_report(text, clause.start, expression.start, expression.end):
            return False
        if guards.measured(text, sentence.start, expression.start, expression.end):
            return False
        word = guards.word_after_modifier(text, sentence.start, expression.start, expression.end)
        # "the Jan. 6 committee" is a name; "the 2019 fire", "the Aug. 4 Beirut port blast" not
        return word is None or any(t.start == word and _names_an_event(t) for t in tokens)

    def _judge(
        self, doc: Document, timeline: Timeline, rules: RuleTable, binding: Binding
    ) -> Finding | None:
        expression = binding.expression
        assert expression.resolved is not None
        reference = timeline.reference
        today = reference.date if reference is not None else None
        text = doc.lint_text
        around = text[max(0, expression.start - 30) : expression.end + 30]
        candidates = []
        for index in binding.events:
            event = self.vocabulary.events[index].event
            if not _plausible(expression, event.date, today):
                continue
            if reading.agrees(expression, event.date, today, around, self.opts.years_tolerance):
                return None
            candidates.append(event)
        if not candidates:
            return None
        event = candidates[0]
        before = text[max(0, expression.start - 12) : expression.start]
        count = reading.years_ago(expression)
        if count is not None and today is not None:
            years = round(reading.years_between(event.date.first_day(), today))
            claimed = f"{count} years before {describe.day(today)}"
            replacement = f"{years} year{'s' if years != 1 else ''} ago"
        elif reading.day_month_only(expression):
            claimed = describe.span(expression.resolved)
            replacement = wording.day_and_month(event.date) or wording.suggestion(
                expression, event.date, before
            )
        else:
            claimed = describe.span(expression.resolved)
            replacement = wording.suggestion(expression, event.date, before)
        related: tuple[Related, ...] = ()
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
                "event_date": wording.fact_date(event.date),
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
                "bound_by": binding.trigger.text,
            },
        )

    def _anniversary_finding(self, rules: RuleTable, claim: Claim) -> Finding:
        event = self.vocabulary.events[claim.event].event
        return rules.finding(
            CONTRADICTION,
            claim.start,
            claim.end,
            {
                "text": claim.text,
                "claim": claim.claim,
                "claimed": claim.claim,
                "event": event.title,
                "event_date": wording.fact_date(event.date),
                "suggestion": claim.suggestion,
                "source": event.source,
            },
            fix=Fix(claim.suggestion, safe=False),
            data={"event": event.id, "event_date": str(event.date)},
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


def _plausible(expression: DateExpression, event: FactDate, today: date | None) -> bool:
    """Whether a date of this shape can be the event's, given the article's date: a coming
    date is not a past event's, and a report's day ("on Friday", "yesterday", "three days
    ago") dates only an event within a month of the article."""
    resolved = expression.resolved
    if today is None or resolved is None:
        return True
    if resolved.start > today and event.last_day() < today:
        return False
    reporting = expression.form in _REPORTING_FORMS or (
        expression.form is Form.AGO
        and expression.granularity in (Granularity.DAY, Granularity.WEEK)
        and reading.years_ago(expression) is None
        and "year" not in expression.text.casefold()
    )
    if reporting:
        return event.first_day() - _RECENT <= today <= event.last_day() + _RECENT
    return True


def _names_an_event(token: Token) -> bool:
    term = token.term
    return bool(term.words or term.aliases or any(c is not CueClass.PERSON for _, c in term.cues))


def _outside(tokens: list[Token], expressions: Sequence[DateExpression]) -> list[Token]:
    """The tokens that are not part of a date ("March" the month is no march)."""
    kept, index = [], 0
    for token in tokens:
        while index < len(expressions) and expressions[index].end <= token.start:
            index += 1
        if index < len(expressions) and expressions[index].start < token.end:
            continue
        kept.append(token)
    return kept


def _trailing(text: str, sentence: Sentence, expression: DateExpression) -> bool:
    """Whether the date closes the sentence after a comma, as a caption's date does."""
    before = text[max(sentence.start, expression.start - 3) : expression.start]
    return "," in before and not text[expression.end : sentence.end].strip(" .”\"')\n")


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
