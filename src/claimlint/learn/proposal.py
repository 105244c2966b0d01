"""The draft facts file: YAML an editor reviews, each entry with its evidence in a
comment. With existing facts, only what they lack is proposed as entries; what they
contradict (an unlisted spelling of a known person, another date for a known event)
is written as a comment, so nothing is ever overwritten and the draft loads beside
the existing file."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date

from claimlint.facts import Event, Facts, Person
from claimlint.learn.events import EventProposal
from claimlint.learn.people import PersonProposal, TitleUse
from claimlint.names.people import Grouper


def render(
    people: Iterable[PersonProposal],
    events: Iterable[EventProposal],
    *,
    articles: int,
    span: tuple[date | None, date | None],
    existing: Facts | None = None,
    names: Grouper | None = None,
) -> str:
    first, last = span
    lines = [
        f"# Draft facts learned by `claimlint facts learn` from {articles} article(s)"
        + (f", dated {first} to {last}." if first and last else "."),
        "# Review every entry before you commit it: counts are evidence, not truth.",
        "# Spellings used in few of a person's articles are proposed as misspellings;",
        "# titles are listed with the first and last article dates they were seen on.",
        "",
    ]
    person_lines: list[str] = []
    for person in people:
        known = _known_person(person, existing, names)
        if known is None:
            person_lines += _person(person)
        else:
            person_lines += _person_note(person, known)
    lines += ["people:", *person_lines] if person_lines else ["people: []"]
    event_lines: list[str] = []
    for event in events:
        match = _known_event(event, existing)
        if match is None:
            event_lines += _event(event)
        elif str(match.date) != event.date and not _same_date(str(match.date), event.date):
            event_lines.append(
                f"  # {match.id} (facts: {match.date}): {event.agreeing} article(s) date it "
                f"{event.date}, e.g. {', '.join(event.examples)}"
            )
    lines += ["", "events:", *event_lines] if event_lines else ["", "events: []"]
    return "\n".join(lines) + "\n"


def _q(text: str) -> str:
    """A YAML scalar: JSON strings are valid YAML and never a tag, a number or a bool."""
    return json.dumps(text, ensure_ascii=False)


def _list(items: Iterable[str]) -> str:
    return "[" + ", ".join(_q(i) for i in items) + "]"


def _person(person: PersonProposal) -> list[str]:
    counts = ", ".join(f"{_q(s.written)} {s.articles}" for s in person.spellings[:6])
    lines = [
        f"  # {person.articles} article(s): {counts}",
        f"  # e.g. {', '.join(person.examples)}",
        f"  - name: {_q(person.name)}",
    ]
    if person.variants:
        lines.append(f"    variants: {_list(s.written for s in person.variants)}")
    if person.misspellings:
        lines.append(f"    misspellings: {_list(s.written for s in person.misspellings)}")
    if person.titles:
        lines.append("    roles:")
        for title, use in person.titles:
            lines.append(f"      - title: {_q(title)}  # {_seen(use)}")
            if use.first and use.last:
                # first and last seen are not the tenure: a dated role is checked, so
                # its dates are the editor's to confirm
                lines.append(f"        # from: {use.first}  # confirm the tenure, then uncomment")
                lines.append(f"        # to: {use.last}")
    return lines


def _seen(use: TitleUse) -> str:
    when = f"{use.first} to {use.last}" if use.first and use.last else "undated articles"
    return f"seen {when} ({use.articles} article(s))"


def _person_note(person: PersonProposal, known: Person) -> list[str]:
    listed = {f.casefold() for f in (known.name, *known.variants, *known.misspellings)}
    new = [s for s in person.spellings if s.written.casefold() not in listed]
    if not new:
        return []
    forms = ", ".join(f"{_q(s.written)} ({s.articles})" for s in new[:6])
    return [f"  # {known.name} (in the facts): spellings it does not list: {forms}"]


def _event(event: EventProposal) -> list[str]:
    lines = [f"  # {event.agreeing} article(s) give {event.date}, e.g. {', '.join(event.examples)}"]
    if event.disagreeing:
        others = ", ".join(f"{d} ({n})" for d, n in event.disagreeing[:4])
        lines.append(f"  # other dates given: {others}, e.g. {', '.join(event.contrary)}")
    cue_words = " ".join(event.cues[:1])
    lines += [
        f"  - id: {_q(event.id)}",
        f"    title: {_q(f'{event.noun} ({cue_words})')}",
        f"    date: {_q(event.date)}",
        f"    cues: {_list(event.cues)}",
    ]
    return lines


def _known_person(
    person: PersonProposal, existing: Facts | None, names: Grouper | None
) -> Person | None:
    if existing is None or names is None:
        return None
    spelling_key, sounds_alike = names.speller.spelling_key, names.speller.sounds_alike
    name = person.name.split()
    for known in existing.people:
        for form in (known.name, *known.variants, *known.misspellings):
            words = form.split()
            if not words or not name:
                continue
            same_surname = spelling_key(words[-1]) == spelling_key(name[-1]) or sounds_alike(
                words[-1], name[-1]
            )
            givens_fit = (
                len(words) < 2
                or len(name) < 2
                or names.given_token_compatible(spelling_key(words[0]), spelling_key(name[0]))
            )
            if same_surname and givens_fit:
                return known
    return None


def _known_event(event: EventProposal, existing: Facts | None) -> Event | None:
    if existing is None:
        return None
    cues = {c.casefold() for c in event.cues}
    for known in existing.events:
        if cues & {c.casefold() for c in known.cues} and (
            event.noun in known.title.casefold() or _same_date(str(known.date), event.date)
        ):
            return known
    return None


def _same_date(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)
