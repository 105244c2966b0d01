"""Which events of the facts file a sentence names, and where.

A cue, an alias or a person cue names its event wherever it stands. A generic cue
("the explosion", "the ceasefire") names it only when anchored:

- the sentence names the same event otherwise (a cue, an alias), or names a person of
  the event's title (a sentence that opens with "He" or "She" may lean on the sentence
  before: "He announced his resignation on September 29");
- or the event has no person in its title and the article names it by a specific cue
  or alias somewhere ("the explosion" in a piece about the Port Selim blast);

and only as a definite mention of this event: not "a ceasefire", not "the next
election", "the 1963 floods", "the death of her father", and not after the article
has introduced another one ("A ceasefire agreed in September collapsed... the
ceasefire").
"""

from __future__ import annotations

from collections.abc import Sequence

import msgspec

from claimlint import regex_cache
from claimlint.timeline.terms import CueClass, EventTerms, Token, Vocabulary, fold

#: a determiner that makes a noun another, or any, instance: "a ceasefire", "another
#: blast"; but "killed in a drone strike", "destroyed by a fire" describe the event itself
INDEFINITE_BEFORE = regex_cache.re_compile(
    r"(?i)(?:(?<!\bin\s)(?<!\bby\s)(?<!\bduring\s)\b(?:a|an)|\b(?:another|one|any|every|each|"
    r"some|no))\s+(?:[\w’'-]+\s+){0,2}$"
)
#: a modifier that makes a definite noun another instance: "the next election"
OTHER_INSTANCE_BEFORE = regex_cache.re_compile(
    r"(?i)\b(?:next|previous|first|second|third|earlier|later|new|upcoming|latest|prior|"
    r"subsequent|similar|other|former|last|recent|(?:1[89]|20)\d\d)\s+(?:[\w’'-]+\s+){0,1}$"
)
#: "of" and whose event it is: "the death of her father", "the inauguration of Kennedy"
_OWNER_AFTER = regex_cache.re_compile(
    r"^\s+of\s+(?:(?P<kin>(?:his|her|their|its)\s+(?:father|mother|husband|wife|son|daughter|"
    r"brother|sister|predecessor|successor|parents?))|(?P<owner>[^,;:.!?()\n]{1,60}))"
)
#: where the words before a noun stop: a line break or the end of a sentence (a
#: dateline's "2021" is no modifier of the headline's "air strike")
_BOUNDARY = regex_cache.re_compile(r"\n|[.!?][\"”’')]*\s")
_CAPITALISED = regex_cache.re_compile(r"\b[A-Z][\w’'.-]*")
_PRONOUN_START = regex_cache.re_compile(r"^\W*(?:He|She|His|Her|They|Their)\b")
_MONTH_OR_NUMBER = regex_cache.re_compile(
    r"^(?:\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
)


class Mention(msgspec.Struct, frozen=True):
    """Where a sentence names an event, and how (cue, alias, person, generic)."""

    start: int
    end: int
    event: int
    how: CueClass | None  # None for an alias


_RELATIVE = regex_cache.re_compile(r"(?i)\b(?:which|that|who)\b")
_CLAUSE_BREAK = regex_cache.re_compile(r"[;:.!?]\s|\s[—–]\s")


def specified(text: str, token: Token, tokens: Sequence[Token], event: int) -> bool:
    """Whether an indefinite generic cue is told apart by a relative clause that names the
    event: "an American air strike, last January, which caused the killing of Qassem
    Soleimani" (not "A ceasefire agreed in September collapsed; the Lake Orsa truce...")."""
    for other in tokens:
        if other.start <= token.end or other.start - token.end > 200:
            continue
        names = any(e == event and c is not CueClass.GENERIC for e, c in other.term.cues)
        if not (names or event in other.term.aliases or event in other.term.persons):
            continue
        between = text[token.end : other.start]
        return _CLAUSE_BREAK.search(between) is None and _RELATIVE.search(between) is not None
    return False


class DocumentCues:
    """What the whole article says that sentences may lean on: which events it names by a
    specific cue or alias, and where it first introduces each generic cue with "a"."""

    def __init__(self, text: str, tokens: Sequence[Token], vocabulary: Vocabulary) -> None:
        self.named: set[int] = set()
        self.first_indefinite: dict[str, int] = {}
        for token in tokens:
            for event, cls in token.term.cues:
                if cls in (CueClass.NAME, CueClass.SPECIFIC):
                    self.named.add(event)
                elif cls is CueClass.GENERIC:
                    key = fold(token.text)
                    before = words_before(text, token.start)
                    if (
                        key not in self.first_indefinite
                        and INDEFINITE_BEFORE.search(before)
                        and not specified(text, token, tokens, event)
                    ):
                        self.first_indefinite[key] = token.start
            self.named.update(token.term.aliases)


def words_before(text: str, start: int) -> str:
    """The 40 characters before `start`, cut at a line break or a sentence end."""
    before = text[max(0, start - 40) : start]
    ends = [m.end() for m in _BOUNDARY.finditer(before)]
    return before[ends[-1] :] if ends else before


def other_instance(text: str, start: int, end: int, terms: EventTerms) -> bool:
    """Whether the noun at `text[start:end]` is another event than `terms`': indefinite,
    another instance, or someone else's."""
    before = words_before(text, start)
    if INDEFINITE_BEFORE.search(before) or OTHER_INSTANCE_BEFORE.search(before):
        return True
    owner = _OWNER_AFTER.match(text[end : end + 60])
    if owner is None:
        return False
    if owner.group("kin"):
        return True
    names = [w for w in _CAPITALISED.findall(owner.group("owner")) if not _MONTH_OR_NUMBER.match(w)]
    return bool(names) and not terms.owned_by(names)


def identify(
    text: str,
    start: int,
    tokens: Sequence[Token],
    previous: Sequence[Token],
    vocabulary: Vocabulary,
    document: DocumentCues,
) -> list[Mention]:
    """The mentions of events in the sentence starting at `start` whose terms are
    `tokens` (`previous`: the terms of the sentence before)."""
    direct: list[Mention] = []
    generic: list[tuple[Token, int]] = []
    persons_here = {e for t in tokens for e in t.term.persons}
    persons_here.update(e for t in tokens for e, cls in t.term.cues if cls is CueClass.PERSON)
    if _PRONOUN_START.match(text[start : start + 12]):
        persons_here.update(e for t in previous for e in t.term.persons)
        persons_here.update(e for t in previous for e, cls in t.term.cues if cls is CueClass.PERSON)
    for token in tokens:
        for event in token.term.aliases:
            direct.append(Mention(token.start, token.end, event, None))
        for event, cls in token.term.cues:
            if cls is CueClass.GENERIC:
                generic.append((token, event))
            else:
                direct.append(Mention(token.start, token.end, event, cls))
    named_here = {m.event for m in direct if m.how is not CueClass.PERSON}
    found = list(direct)
    for token, event in generic:
        terms = vocabulary.events[event]
        anchored = (
            event in named_here
            or event in persons_here
            or (not terms.persons and event in document.named)
        )
        if not anchored:
            continue
        if other_instance(text, token.start, token.end, terms) and not specified(
            text, token, tokens, event
        ):
            continue
        first = document.first_indefinite.get(fold(token.text))
        if first is not None and first < token.start:
            continue
        found.append(Mention(token.start, token.end, event, CueClass.GENERIC))
    return sorted(found, key=lambda m: m.start)
