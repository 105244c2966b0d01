"""`roles`: a title before a person's name read at the date it speaks of, against the
dated roles of the facts file.

- `role-outside-tenure`: "President Anneli Varga" after Varga left office (write
  "former President"), "former President Mirela Dakic" while Dakic holds it (drop
  "former"), "President Mirela Dakic" before she took office ("President-elect").

The date a title is read at: a past date of the title's own clause (or of the clause a
subordinate one hangs on: "The accord was signed on November 9, 2022, after talks
brokered by UN envoy Nadia Rostami"), else, in a sentence without dates or plans, the
date of an event of the facts file it names by a cue that is not a person ("Rioters loyal
to President Trump stormed the Capitol"), else the article's date. A plain title is
fine when it was held at the article's date or at any of the dates read; "former" is
wrong only when the title is held at every one of them and at the article's date. Roles given as plain strings are
never checked; see rules/roles.yaml for the words that keep a title from being checked.

A check of its own rather than a rule of the timeline check: it reads people, not
events, has its own category (`roles`) and words, and is turned off on its own.
"""

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from claimlint import regex_cache, temporal
from claimlint.checks.base import Check, CheckContext, CheckOptions, RuleTable
from claimlint.document import Document
from claimlint.facts import Facts
from claimlint.findings import Finding, Fix
from claimlint.roles.tenure import Tenures
from claimlint.roles.titles import Titles, TitleUse
from claimlint.sentences import Sentence, sentences_of
from claimlint.temporal import DateExpression, DateRange, Form, describe
from claimlint.timeline import guards
from claimlint.timeline.clauses import ClauseKind, clause_at, clauses
from claimlint.timeline.terms import CueClass, Vocabulary

OUTSIDE = "role-outside-tenure"

#: a day of the article rather than of the past: never a title's own date
_NEAR_DAY_FORMS = frozenset(
    {Form.WEEKDAY, Form.LAST_NEXT_WEEKDAY, Form.THIS_WEEKDAY, Form.DEICTIC_DAY, Form.NEIGHBOUR_DAY}
)
_PLANS = regex_cache.re_compile(
    r"(?i)\b(?:will|next|plans?|planned|scheduled|due\s+to|is\s+to|are\s+to)\b"
)
_SENTENCE_START = regex_cache.re_compile(r"(?:^|[.!?]\s+|[\"“‘(]\s*)$")


class RolesOptions(CheckOptions, frozen=True, kw_only=True):
    #: words before a title that say its holder has left it ("former")
    former_words: tuple[str, ...]
    #: words before a title that keep it from being checked ("then", "the late")
    unchecked_words: tuple[str, ...]
    #: endings of a title not yet held ("-elect")
    elect_endings: tuple[str, ...]
    #: words that make another title of the one after them ("Vice" President)
    other_title_words: tuple[str, ...]
    #: capitalised words allowed between a modifier and a title ("Former Japan Prime Minister")
    qualifier_words: int = 2
    #: days around a tenure's first and last day that are never reported
    handover_days: int = 1
    #: a tenure starting within this many days gets the fix "Title-elect"
    elect_days: int = 180


class RolesCheck(Check):
    name = "roles"
    options_type = RolesOptions
    rule_ids = (OUTSIDE,)
    reads_options = ("dates", "timeline")

    def __init__(self, options: Any, context: CheckContext) -> None:
        super().__init__(options, context)
        self.opts: RolesOptions = options
        self.settings = context.options_of("dates").temporal()
        facts: Facts | None = context.facts
        people = facts.people if facts else ()
        self.former = frozenset(w.casefold().rstrip("-") for w in options.former_words)
        self.unchecked = frozenset(w.casefold().rstrip("-") for w in options.unchecked_words)
        self.titles = Titles(
            people,
            (*options.former_words, *options.unchecked_words),
            options.other_title_words,
            options.elect_endings,
            options.qualifier_words,
        )
        timeline = (context.options or {}).get("timeline")
        self.events = (
            Vocabulary(
                facts.events if facts else (), people, getattr(timeline, "event_kinds", {}), ()
            )
            if self.titles.pattern is not None
            else None
        )

    def check(self, doc: Document, rules: RuleTable) -> Iterator[Finding]:
        if self.titles.pattern is None or not rules.on(OUTSIDE):
            return
        text = doc.lint_text
        found = temporal.timeline(doc, self.settings)
        reference = found.reference
        today = reference.date if reference is not None else None
        expressions = [e for e in found.expressions if e.resolved is not None]
        for sentence in sentences_of(doc):
            uses = list(self.titles.uses(text, sentence.start, sentence.end))
            if not uses:
                continue
            dated = [e for e in expressions if sentence.start <= e.start < sentence.end]
            for use in uses:
                if self._unchecked(use):
                    continue
                readings = self._readings(text, sentence, use, dated, today)
                finding = self._judge(text, rules, use, readings, today)
                if finding is not None:
                    yield finding

    def _unchecked(self, use: TitleUse) -> bool:
        return (
            not use.tenures.roles
            or use.modifier in self.unchecked
            or bool(use.ending)
            or use.bracketed
        )

    def _readings(
        self,
        text: str,
        sentence: Sentence,
        use: TitleUse,
        dated: Sequence[DateExpression],
        today: date | None,
    ) -> list[DateRange]:
        """The dates the sentence gives the title (see the module)."""
        found = clauses(text, sentence.start, sentence.end)
        clause = clause_at(found, use.title_start)
        zones = [clause]
        if clause.kind is ClauseKind.SUBORDINATE and clause.head is not None:
            zones.append(clause.head)
        readings = []
        for expression in dated:
            resolved = expression.resolved
            assert resolved is not None
            if not any(z.holds(expression.start) for z in zones):
                continue
            if expression.form in _NEAR_DAY_FORMS or (today is not None and resolved.end > today):
                continue
            zone = clause_at(found, expression.start)
            if guards.edge_or_report(text, zone.start, expression.start, expression.end):
                continue
            readings.append(resolved)
        if readings or dated or _PLANS.search(text, sentence.start, sentence.end):
            return readings
        return self._event_dates(text, sentence)

    def _event_dates(self, text: str, sentence: Sentence) -> list[DateRange]:
        """The dates of the events a dateless sentence names by a cue that is not a
        person's name or a generic word."""
        if self.events is None:
            return []
        found = []
        for token in self.events.tokens(text, sentence.start, sentence.end):
            events = {e for e, c in token.term.cues if c in (CueClass.NAME, CueClass.SPECIFIC)}
            events.update(token.term.aliases)
            for index in events:
                fact = self.events.events[index].event.date
                found.append(DateRange(fact.first_day(), fact.last_day()))
        return found

    def _judge(
        self,
        text: str,
        rules: RuleTable,
        use: TitleUse,
        readings: list[DateRange],
        today: date | None,
    ) -> Finding | None:
        tenures = use.tenures
        days = self.opts.handover_days
        points = readings or ([DateRange(today, today)] if today is not None else [])
        if not points or any(
            tenures.near_edge(r.start, days) or tenures.near_edge(r.end, days) for r in points
        ):
            return None
        if use.modifier in self.former:
            # "former" may speak from the sentence's time or from the article's: it is
            # wrong only when the title is held at both
            now = [DateRange(today, today)] if today is not None else []
            if not all(_held_all_along(tenures, r) for r in (*points, *now)):
                return None
            return self._finding(text, rules, use, points[0], "former")
        if today is not None and (tenures.held(today) or tenures.near_edge(today, days)):
            return None
        if any(_held_during(tenures, r) for r in points):
            return None
        return self._finding(text, rules, use, points[0], "outside")

    def _finding(
        self, text: str, rules: RuleTable, use: TitleUse, when: DateRange, problem: str
    ) -> Finding:
        written = text[use.start : use.end]
        day = when.start if problem == "former" else when.end
        upper = _SENTENCE_START.search(text[max(0, use.start - 4) : use.start]) is not None
        if problem == "former":
            suggestion = _capitalised(text[use.after_modifier : use.end], upper)
        else:
            start = use.tenures.next_start(day)
            if start is not None and (start - day).days <= self.opts.elect_days:
                suggestion = (
                    text[use.start : use.title_start]
                    + f"{text[use.title_start : use.title_start + len(use.title)]}-elect "
                    + use.name
                )
            else:
                suggestion = _capitalised("former ", upper) + written
        return rules.finding(
            OUTSIDE,
            use.start,
            use.end,
            {
                "found": written,
                "when": _when(when),
                "person": use.person.name,
                "tenure": use.tenures.words(day),
                "suggestion": suggestion,
            },
            fix=Fix(suggestion, safe=False),
            data={"person": use.person.name, "title": use.title, "read_at": when.iso()},
        )


def _held_during(tenures: Tenures, span: DateRange) -> bool:
    return any(
        (r.start is None or r.start.first_day() <= span.end)
        and (r.end is None or span.start <= r.end.last_day())
        for r in tenures.roles
    )


def _held_all_along(tenures: Tenures, span: DateRange) -> bool:
    return tenures.held(span.start) and tenures.held(span.end)


def _when(span: DateRange) -> str:
    words = describe.span(span)
    return f"on {words}" if span.start == span.end else f"in {words}"


def _capitalised(words: str, upper: bool) -> str:
    return words[:1].upper() + words[1:] if upper else words
