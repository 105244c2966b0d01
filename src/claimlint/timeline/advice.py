"""What `claimlint facts check` advises about the events of sound facts files: cues that
cannot do what the editor may expect of them. Advice never fails the check.

- a cue made only of words too common to name one event ("talks", "visit",
  "President"): it counts only where the sentence or the article names the event
  otherwise;
- an event named only by generic cues ("explosion", "sworn in", "talks") with no alias
  and no person of the facts file in its title: nothing anchors them, so the event is
  never found;
- a cue listed for two events: a sentence with it names both;
- an event whose title, cues and aliases hold no noun of the timeline's event kinds
  and that lists no `predicates`: only a date written right after one of its names
  ("COP26 in November 2021") can be read as its date.
"""

from __future__ import annotations

import msgspec

from claimlint.safe_text import excerpt
from claimlint.timeline.terms import CueClass, EventTerms, Vocabulary, fold, too_common


class Advice(msgspec.Struct, frozen=True):
    source: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.field}: {self.message}"


def advise(vocabulary: Vocabulary) -> list[Advice]:
    """The advice for every event of `vocabulary`, in file order."""
    found: list[Advice] = []
    owners: dict[str, list[EventTerms]] = {}
    for terms in vocabulary.events:
        for cue in terms.event.cues:
            owners.setdefault(fold(cue), []).append(terms)
    for terms in vocabulary.events:
        event = terms.event
        where = f"events[{event.index}]"
        anchored = (
            bool(terms.persons)
            or bool(terms.aliases)
            or any(c is not CueClass.GENERIC for c in terms.cues.values())
        )
        if event.cues and not anchored:
            found.append(
                Advice(
                    event.source,
                    event.line,
                    f"{where}.cues",
                    "every cue is generic and nothing anchors them (no specific cue, alias "
                    "or person of the facts file in the title): the event is never found; "
                    "add a cue that names it (like 'Port Selim blast')",
                )
            )
        for cue in event.cues:
            key = fold(cue)
            if anchored and too_common(cue, vocabulary.generic):
                found.append(
                    Advice(
                        event.source,
                        event.line,
                        f"{where}.cues",
                        f"{excerpt(cue)} is too generic to name one event: it counts only "
                        "where the sentence or the article names the event otherwise",
                    )
                )
            first = owners.get(key, [terms])[0]
            if first is not terms:  # said once, at the second event
                found.append(
                    Advice(
                        event.source,
                        event.line,
                        f"{where}.cues",
                        f"{excerpt(cue)} is also a cue of {excerpt(first.event.id)}: "
                        "a sentence with it names both events",
                    )
                )
        if not terms.words:
            found.append(
                Advice(
                    event.source,
                    event.line,
                    where,
                    "no event noun (strike, explosion, ceasefire, inauguration…) in its title, "
                    "cues or aliases, and no `predicates`: only a date written right after "
                    "one of its names is read as its date; add `predicates` (like 'sworn in', "
                    "'went to Balmoral')",
                )
            )
    return found
