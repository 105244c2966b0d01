"""Which event of the facts file, if any, a date is a claim about.

A date is bound to an event when, in the date's clause (`timeline.clauses`):

- the word nearest before it (else nearest after it), among the event words and the
  competing words, is a word of an event the sentence names: a noun or predicate of its kind ("exploded", "the
  blast"), one of its `predicates`, or an alias ("the Lake Orsa accord of November 9");
  a competing word nearer to the date ("born", "visited", "said") binds it to something
  else, and so does an event noun that is another instance ("a fire at a depot");
- the word is at most `max_distance` characters from the date;
- the clause names that event (a cue, an alias, a person of its title, an anchored
  generic cue), or hangs on a clause that does ("The referendum, which passed on April
  6": a relative clause whose antecedent is the event's, not "his wife, Rosalynn, who
  died last year"), or is followed by a relative clause that does ("an air strike, last
  January, which killed Qassem Soleimani").

Person and place cues only say which event the sentence is about: "Moravec, born in
1972" names the assassination of Moravec, and 1972 is not its date.
"""

from __future__ import annotations

from collections.abc import Sequence

import msgspec

from claimlint import regex_cache
from claimlint.temporal import DateExpression
from claimlint.timeline.clauses import Clause, ClauseKind
from claimlint.timeline.identify import Mention, other_instance, specified
from claimlint.timeline.terms import CueClass, Token, Vocabulary, fold

_ANTECEDENT = regex_cache.re_compile(r"([A-Z][\w’'-]+)\W*$")
_WITH_DATE = regex_cache.re_compile(r"^\s*,?\s*(?:in|of|on)\s+$")
_ANNIVERSARY_OF = regex_cache.re_compile(r"(?i)\banniversary\s+of\s+(?:the\s+)?$")
_PHRASE_END = regex_cache.re_compile(r"[,;:.!?](?=\s)|\s[-—–]\s")


class Binding(msgspec.Struct, frozen=True):
    expression: DateExpression
    trigger: Token
    #: the events the date may be about, the one named nearest to the date first
    events: tuple[int, ...]


def distance(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    if a_end <= b_start:
        return b_start - a_end
    if b_end <= a_start:
        return a_start - b_end
    return 0


def event_words_of(
    text: str, token: Token, named: set[int], vocabulary: Vocabulary, tokens: Sequence[Token]
) -> frozenset[int]:
    """The named events for which `token` is a binding word (none when it is a noun of
    another instance: "a ceasefire agreed in September")."""
    key = fold(token.text)
    found = set()
    for event in named:
        terms = vocabulary.events[event]
        generic = terms.cues.get(key) is CueClass.GENERIC
        if key in terms.binding_names and not generic:
            found.add(event)  # an alias or a cue that names the event
        elif key in terms.words or generic:
            if (
                (key in terms.nouns or generic)
                and other_instance(text, token.start, token.end, terms)
                and not specified(text, token, tokens, event)
            ):
                continue
            found.add(event)
    return frozenset(found)


def another_instance_near(
    text: str,
    trigger: Token,
    event: int,
    tokens: Sequence[Token],
    clause: Clause,
    vocabulary: Vocabulary,
) -> bool:
    """Whether a predicate is said of another instance of the event's kind: "Baku and
    Yerevan agreed to a cease-fire on Oct. 10", "A ceasefire agreed in September"."""
    terms = vocabulary.events[event]
    for token in tokens:
        key = fold(token.text)
        if (
            token is trigger
            or not clause.holds(token.start)
            or abs(token.start - trigger.start) > 40
        ):
            continue
        if (
            (key in terms.nouns or terms.cues.get(key) is CueClass.GENERIC)
            and other_instance(text, token.start, token.end, terms)
            and not specified(text, token, tokens, event)
        ):
            return True
    return False


def bind(
    text: str,
    expression: DateExpression,
    clause: Clause,
    clauses: Sequence[Clause],
    tokens: Sequence[Token],
    mentions: Sequence[Mention],
    vocabulary: Vocabulary,
    max_distance: int,
) -> Binding | None:
    """The binding of `expression` (see the module), or None."""
    named_by = _named_just_before(text, expression, clause, tokens, mentions)
    if named_by is not None:
        return named_by
    if _ANNIVERSARY_OF.search(text, max(clause.start, expression.start - 30), expression.start):
        return _anniversary_of(text, expression, clause, tokens, mentions, vocabulary)
    named = {m.event for m in mentions}
    before: tuple[int, int, Token, frozenset[int]] | None = None  # distance, rank, token, events
    after: tuple[int, int, Token, frozenset[int]] | None = None
    for token in tokens:
        if not clause.holds(token.start) or (
            token.start < expression.end and expression.start < token.end
        ):
            continue
        events = event_words_of(text, token, named, vocabulary, tokens)
        if not events and not token.term.competing and fold(token.text) not in vocabulary.nouns:
            continue  # a predicate of an event the sentence does not name: neither way
        gap = distance(token.start, token.end, expression.start, expression.end)
        if gap > max_distance:
            continue
        candidate = (gap, 0 if events else 1, token, events)  # at a tie the event's word wins
        if token.end <= expression.start:
            before = candidate if before is None or candidate[:2] < before[:2] else before
        elif after is None or candidate[:2] < after[:2]:
            after = candidate
    # the word before a date is what it dates ("exploded on August 27"); a date that opens
    # its clause dates what follows ("On 7 September Truss went to Balmoral")
    best = before or after
    if best is None or not best[3]:
        return None
    _, _, trigger, events = best
    present = [
        e
        for e in events
        if (
            _named_in(e, clause, trigger, mentions, text, vocabulary)
            or _named_after(e, clause, clauses, mentions)
        )
        and not another_instance_near(text, trigger, e, tokens, clause, vocabulary)
    ]
    if not present:
        return None
    present.sort(
        key=lambda e: min(
            distance(m.start, m.end, expression.start, expression.end)
            for m in mentions
            if m.event == e
        )
    )
    return Binding(expression, trigger, tuple(present))


def _named_just_before(
    text: str,
    expression: DateExpression,
    clause: Clause,
    tokens: Sequence[Token],
    mentions: Sequence[Mention],
) -> Binding | None:
    """The event's own name written with the date: "COP26 in November 2021", "the Lake
    Orsa accord of November 9" (not a person's name, and not after a competing word:
    "protesters gathered at the Capitol on January 6, 2022")."""
    for mention in mentions:
        if mention.how is CueClass.PERSON or not _WITH_DATE.match(
            text[mention.end : expression.start]
        ):
            continue
        if any(
            t.term.competing and clause.start <= t.start and t.end <= mention.start for t in tokens
        ):
            return None
        trigger = next((t for t in tokens if t.start == mention.start), None)
        if trigger is not None:
            return Binding(expression, trigger, (mention.event,))
    return None


def _anniversary_of(
    text: str,
    expression: DateExpression,
    clause: Clause,
    tokens: Sequence[Token],
    mentions: Sequence[Mention],
    vocabulary: Vocabulary,
) -> Binding | None:
    """A date that names the event an anniversary is of: "the second anniversary of the
    August 4 explosion", "on the anniversary of the Aug. 4, 2020 at least three marches
    ... for the victims of the explosion". The event is the one the words right after the
    date name, else the only one the sentence names (not by a person's name alone)."""
    named = {m.event for m in mentions}
    stop = _PHRASE_END.search(text, expression.end, clause.end)
    end = stop.start() if stop is not None else clause.end
    for token in tokens:
        if expression.end <= token.start < end:
            if token.term.competing:
                return None  # "the anniversary of the May 14 rally"
            events = event_words_of(text, token, named, vocabulary, tokens)
            if events:
                return Binding(expression, token, tuple(sorted(events)))
    identified = {m.event for m in mentions if m.how is not CueClass.PERSON}
    if len(identified) != 1 or len(named) != 1:
        return None
    mention = next(m for m in mentions if m.how is not CueClass.PERSON)
    trigger = next((t for t in tokens if t.start == mention.start), None)
    return None if trigger is None else Binding(expression, trigger, (mention.event,))


def _named_after(
    event: int, clause: Clause, clauses: Sequence[Clause], mentions: Sequence[Mention]
) -> bool:
    """Whether a relative clause right after the clause names the event: "an American air
    strike, last January, which caused the killing of Qassem Soleimani"."""
    following = next((c for c in clauses if c.head == clause), None)
    if following is None or following.kind is not ClauseKind.RELATIVE:
        return False
    return any(m.event == event and following.holds(m.start) for m in mentions)


def _named_in(
    event: int,
    clause: Clause,
    trigger: Token,
    mentions: Sequence[Mention],
    text: str,
    vocabulary: Vocabulary,
) -> bool:
    """Whether the clause (or the clause a relative clause hangs on) names the event."""
    for mention in mentions:
        if mention.event != event:
            continue
        if clause.holds(mention.start) or (
            mention.start < trigger.end and trigger.start < mention.end
        ):
            return True
    head = clause.head
    if clause.kind is not ClauseKind.RELATIVE or head is None:
        return False
    antecedent = _ANTECEDENT.search(text[max(head.start, head.end - 40) : head.end])
    if antecedent and not vocabulary.events[event].owned_by([antecedent.group(1)]):
        return False  # "his wife, Rosalynn, who died last year"
    return any(m.event == event and head.holds(m.start) for m in mentions)
