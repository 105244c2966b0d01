"""A generated archive with a known truth, for `claimlint facts learn`.

A cast of people (some sharing a surname), each with a canonical spelling, planted
minority spellings and a dated title; dated events, mostly given their true date, now
and then a wrong one. Articles are Markdown with a `date:` in their front matter, a
few paragraphs of invented wire-style prose naming two to four people (with their
title while they hold it, "former" after) and sometimes an event.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from claimlint.temporal.lexicon import MONTHS


@dataclass(frozen=True)
class TruePerson:
    name: str  # canonical spelling
    minority: tuple[str, ...]  # planted misspellings of the full name
    title: str
    start: date
    end: date


@dataclass(frozen=True)
class TrueEvent:
    cue: str
    noun: str
    when: date


@dataclass
class Archive:
    people: list[TruePerson]
    events: list[TrueEvent]
    files: list[Path] = field(default_factory=list)
    #: where each planted minority spelling was written: (file, spelling)
    planted: list[tuple[Path, str]] = field(default_factory=list)


PEOPLE = [
    TruePerson(
        "Mustafa al-Kadhimi",
        ("Mustafa al-Kazemi",),
        "Prime Minister",
        date(2020, 5, 7),
        date(2022, 10, 27),
    ),
    TruePerson(
        "Fuad Hussein", ("Fouad Hussain",), "Foreign Minister", date(2020, 6, 6), date(2023, 12, 31)
    ),
    TruePerson(
        "Barham Salih", ("Barham Saleh",), "President", date(2018, 10, 2), date(2022, 10, 13)
    ),
    TruePerson(
        "Jen Psaki", ("Jen Psacki",), "Press Secretary", date(2021, 1, 20), date(2022, 5, 13)
    ),
    TruePerson(
        "Olena Kovalenko", ("Olena Kovalenka",), "Mayor", date(2019, 3, 1), date(2023, 12, 31)
    ),
    TruePerson("Dmitry Orlov", ("Dmitri Orlov",), "Governor", date(2019, 1, 1), date(2021, 6, 30)),
    TruePerson(
        "Recep Yilmaz", ("Recep Yilmas",), "Defence Minister", date(2019, 7, 1), date(2023, 12, 31)
    ),
    TruePerson(
        "Amara Okonkwo",
        ("Amara Okonkow",),
        "Finance Minister",
        date(2020, 1, 1),
        date(2023, 12, 31),
    ),
    # namesakes: a surname shared with another person of the cast, different given name
    TruePerson("Sara Hussein", (), "Ambassador", date(2019, 1, 1), date(2023, 12, 31)),
    TruePerson("Ivan Orlov", (), "Spokesman", date(2019, 1, 1), date(2023, 12, 31)),
]

EVENTS = [
    TrueEvent("Beirut", "explosion", date(2020, 8, 4)),
    TrueEvent("Izmir", "earthquake", date(2020, 10, 30)),
    TrueEvent("Mosul", "referendum", date(2019, 9, 25)),
    TrueEvent("Kherson", "flood", date(2021, 7, 12)),
]

OPENERS = [
    "{a} met {b} in the capital on {weekday} to discuss the budget.",
    "{a} told reporters that talks with {b} would continue next week.",
    "Officials close to {a} said a new plan would be ready within days.",
    "{a} and {b} signed a memorandum on water sharing, the ministry said.",
]
FOLLOWERS = [
    "{last} said the talks had been useful and that more meetings would follow.",
    "According to a statement, {last} also raised the question of border crossings.",
    "{last} declined to comment on reports of a cabinet reshuffle.",
]
EVENT_LINES = [
    "The {noun} in {cue} on {when} left deep scars, residents said.",
    "Memories of the {noun} that hit {cue} on {when} are still fresh.",
]


def _written(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def _titled(person: TruePerson, spelling: str, day: date) -> str:
    if person.start <= day <= person.end:
        return f"{person.title} {spelling}"
    return f"former {person.title} {spelling}" if day > person.end else spelling


def build(folder: Path, articles: int = 240, seed: int = 7, wrong_dates: float = 0.1) -> Archive:
    """Write `articles` Markdown files into `folder`; the truth comes back."""
    rng = random.Random(seed)
    archive = Archive(PEOPLE, EVENTS)
    start = date(2019, 1, 1)
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(articles):
        day = start + timedelta(days=rng.randrange(0, 4 * 365))
        cast = rng.sample(PEOPLE, rng.randint(2, 4))
        paragraphs = []
        planted = []
        for i, person in enumerate(cast):
            spelling = person.name
            if person.minority and rng.random() < 0.12:
                spelling = rng.choice(person.minority)
                planted.append(spelling)
            other = cast[(i + 1) % len(cast)]
            opener = rng.choice(OPENERS).format(
                a=_titled(person, spelling, day),
                b=_titled(other, other.name, day),
                weekday=day.strftime("%A"),
            )
            follower = rng.choice(FOLLOWERS).format(last=spelling.split()[-1])
            paragraphs.append(f"{opener[0].upper()}{opener[1:]} {follower}")
        if rng.random() < 0.5:
            event = rng.choice(EVENTS)
            when = event.when
            if rng.random() < wrong_dates:
                when += timedelta(days=rng.choice([-1, 1, 30]))
            paragraphs.append(
                rng.choice(EVENT_LINES).format(noun=event.noun, cue=event.cue, when=_written(when))
            )
        path = folder / f"article-{index:04d}.md"
        body = "\n\n".join(paragraphs)
        path.write_text(f"---\ndate: {day.isoformat()}\n---\n\n{body}\n", encoding="utf-8")
        archive.files.append(path)
        archive.planted.extend((path, s) for s in planted)
    return archive
