"""Facts files: the people (canonical names, accepted variants, known misspellings,
roles) and events (id, title, date at day, month or year precision, cues) a newsroom
knows. Loaded strictly: every error names the file, the line and the field."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

import msgspec

from claimlint import yamlfile
from claimlint.safe_text import excerpt
from claimlint.yamlfile import LineDict, LineList, YamlError

Precision = Literal["day", "month", "year"]

_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")
_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_EVENT_ID = re.compile(r"[a-z0-9][a-z0-9._-]*")


@dataclass(frozen=True, slots=True)
class FactDate:
    """A date known to a day, a month or a year."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    roles: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    misspellings: tuple[str, ...] = ()
    source: str = ""
    line: int = 0
    index: int = 0


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    title: str
    date: FactDate
    cues: tuple[str, ...] = ()
    source: str = ""
    line: int = 0
    index: int = 0


@dataclass(frozen=True, slots=True)
class Facts:
    """Everything the loaded facts files say; plain data, so it pickles."""

    people: tuple[Person, ...] = ()
    events: tuple[Event, ...] = ()
    sources: tuple[str, ...] = ()

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)


# -- the file format, decoded strictly -------------------------------------


class _PersonSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    name: str
    roles: list[str] = []
    variants: list[str] = []
    misspellings: list[str] = []


class _EventSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    id: str
    title: str
    date: Any
    cues: list[str] = []


class _FactsSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    people: list[_PersonSpec] = []
    events: list[_EventSpec] = []


def load_facts(paths: Iterable[Path | str]) -> Facts:
    """Load and merge facts files; the first `YamlError` found is raised."""
    people: list[Person] = []
    events: list[Event] = []
    sources: list[str] = []
    for path in paths:
        facts = load_facts_file(path)
        people.extend(facts.people)
        events.extend(facts.events)
        sources.append(str(path))
    merged = Facts(tuple(people), tuple(events), tuple(sources))
    _check_across(merged)
    return merged


def load_facts_file(path: Path | str) -> Facts:
    return facts_from_data(yamlfile.load_file(path), str(path))


def facts_from_data(data: Any, name: str) -> Facts:
    """Facts from YAML already loaded (with line numbers, see `yamlfile`), named `name`
    in errors: a facts file, or the inline facts of a rule's examples."""
    if data is None:
        return Facts(sources=(name,))
    if not isinstance(data, dict) or (data and not {"people", "events"} & data.keys()):
        # said before any key is named: a path in a config may point at any file
        raise YamlError(
            name,
            getattr(data, "line", 1),
            "not a facts file (a facts file is a mapping with 'people' and 'events')",
        )
    spec = yamlfile.convert(data, _FactsSpec, name)
    people = tuple(_person(p, name, _item(data, "people", i), i) for i, p in enumerate(spec.people))
    events = tuple(_event(e, name, _item(data, "events", i), i) for i, e in enumerate(spec.events))
    facts = Facts(people, events, (name,))
    _check_across(facts)
    return facts


def _item(data: Any, key: str, index: int) -> Any:
    items = data.get(key) if isinstance(data, dict) else None
    if isinstance(items, LineList) and index < len(items):
        return items[index]
    return None


def _line(node: Any, key: str | None = None) -> int | None:
    if isinstance(node, LineDict):
        return node.key_lines.get(key, node.line) if key else node.line
    return getattr(node, "line", None)


def _person(spec: _PersonSpec, path: str, node: Any, index: int) -> Person:
    where = f"people[{index}]"
    forms: dict[str, str] = {}
    for field in ("name", "variants", "misspellings"):
        values = [spec.name] if field == "name" else getattr(spec, field)
        for value in values:
            if not value.strip():
                raise YamlError(path, _line(node, field), "must not be empty", f"{where}.{field}")
            key = value.strip().casefold()
            if key in forms:
                raise YamlError(
                    path,
                    _line(node, field),
                    f"{excerpt(value)} is already listed under {forms[key]}",
                    f"{where}.{field}",
                )
            forms[key] = field
    return Person(
        name=spec.name.strip(),
        roles=tuple(r.strip() for r in spec.roles),
        variants=tuple(v.strip() for v in spec.variants),
        misspellings=tuple(m.strip() for m in spec.misspellings),
        source=path,
        line=_line(node) or 0,
        index=index,
    )


def _event(spec: _EventSpec, path: str, node: Any, index: int) -> Event:
    where = f"events[{index}]"
    if not _EVENT_ID.fullmatch(spec.id):
        raise YamlError(
            path,
            _line(node, "id"),
            "use lowercase letters, digits, '-', '_' or '.' (like soleimani-strike)",
            f"{where}.id",
        )
    if not spec.title.strip():
        raise YamlError(path, _line(node, "title"), "must not be empty", f"{where}.title")
    for cue in spec.cues:
        if not cue.strip():
            raise YamlError(path, _line(node, "cues"), "cues must not be empty", f"{where}.cues")
    try:
        when = parse_fact_date(spec.date)
    except ValueError as exc:
        raise YamlError(path, _line(node, "date"), str(exc), f"{where}.date") from None
    return Event(
        id=spec.id,
        title=spec.title.strip(),
        date=when,
        cues=tuple(c.strip() for c in spec.cues),
        source=path,
        line=_line(node) or 0,
        index=index,
    )


def parse_fact_date(value: Any) -> FactDate:
    """`2020-01-03`, `2020-06` or `2020` (YAML may hand over a date or an int)."""
    if isinstance(value, bool) or not isinstance(value, date | int | str):
        raise ValueError("write the date as 2020-01-03, 2020-06 or 2020")
    if isinstance(value, date):
        return FactDate(value.year, value.month, value.day)
    text = str(value).strip()
    match = _PARTIAL_DATE.fullmatch(text)
    if not match:
        raise ValueError(f"{excerpt(text)} is not a date (write 2020-01-03, 2020-06 or 2020)")
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"{excerpt(text)}: month {month} is not 1 to 12")
    if day is not None:
        try:
            date(year, month or 1, day)
        except ValueError:
            raise ValueError(f"{excerpt(text)}: day {day} is not in that month") from None
    return FactDate(year, month, day)


def _check_across(facts: Facts) -> None:
    """Event ids are unique, and one spelling belongs to one person, across all files."""
    seen_ids: dict[str, Event] = {}
    for event in facts.events:
        first = seen_ids.get(event.id)
        if first is not None:
            raise YamlError(
                event.source,
                event.line,
                f"duplicate event id {excerpt(event.id)} (first in {first.source}:{first.line})",
                f"events[{event.index}].id",
            )
        seen_ids[event.id] = event
    owner: dict[str, Person] = {}
    for person in facts.people:
        fields = [("name", person.name)]
        fields += [("variants", v) for v in person.variants]
        fields += [("misspellings", m) for m in person.misspellings]
        for field, form in fields:
            key = form.casefold()
            other = owner.get(key)
            if other is not None and other is not person:
                raise YamlError(
                    person.source,
                    person.line,
                    f"{excerpt(form)} is also listed for {other.name} ({other.source}:{other.line})",
                    f"people[{person.index}].{field}",
                )
            owner[key] = person


def describe(facts: Facts) -> str:
    return f"{len(facts.people)} people, {len(facts.events)} events"


def all_forms(person: Person) -> Sequence[str]:
    return (person.name, *person.variants, *person.misspellings)
