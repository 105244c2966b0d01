"""Facts files: the people (canonical names, accepted variants, known misspellings,
roles, dated or not) and events (id, title, date at day, month or year precision,
cues, aliases, predicates) a newsroom knows. Loaded strictly: every error names the
file, the line and the field."""

from __future__ import annotations

import calendar
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

    def last_day(self) -> date:
        """The last day the date covers (December 31 of a year, the 30th of June...)."""
        if self.month is None:
            return date(self.year, 12, 31)
        if self.day is None:
            return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return date(self.year, self.month, self.day)


@dataclass(frozen=True, slots=True)
class Role:
    """A title a person holds. A plain string in the file is a role without dates, which
    is never checked; `start`/`end` (the file's `from`/`to`) make it a tenure, and a role
    with a start and no end is still held."""

    title: str
    aliases: tuple[str, ...] = ()
    start: FactDate | None = None
    end: FactDate | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    @property
    def titles(self) -> tuple[str, ...]:
        return (self.title, *self.aliases)

    def tenure(self) -> str:
        """The tenure in words: "2021-01-20 to 2022-05-13", "since 2020-02-02"."""
        if self.start is None:
            return f"until {self.end}"
        if self.end is None:
            return f"since {self.start}"
        return f"{self.start} to {self.end}"


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    roles: tuple[Role, ...] = ()
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
    #: other names of the event ("the Lake Orsa accord"): they name it, and a date
    #: written with one ("the Lake Orsa accord of November 9") dates it
    aliases: tuple[str, ...] = ()
    #: words that say the event happened ("went to Balmoral"), besides those the
    #: timeline check knows for its kind of event
    predicates: tuple[str, ...] = ()
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


class _RoleSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    title: str
    aliases: list[str] = []
    start: Any = msgspec.field(name="from", default=None)
    end: Any = msgspec.field(name="to", default=None)


class _PersonSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    name: str
    roles: list[str | _RoleSpec] = []
    variants: list[str] = []
    misspellings: list[str] = []


class _EventSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    id: str
    title: str
    date: Any
    cues: list[str] = []
    aliases: list[str] = []
    predicates: list[str] = []


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
    roles = tuple(
        _role(r, path, _item(node, "roles", i), _line(node, "roles"), f"{where}.roles[{i}]")
        for i, r in enumerate(spec.roles)
    )
    return Person(
        name=spec.name.strip(),
        roles=roles,
        variants=tuple(v.strip() for v in spec.variants),
        misspellings=tuple(m.strip() for m in spec.misspellings),
        source=path,
        line=_line(node) or 0,
        index=index,
    )


def _role(spec: str | _RoleSpec, path: str, node: Any, line: int | None, where: str) -> Role:
    if isinstance(spec, str):
        if not spec.strip():
            raise YamlError(path, line, "must not be empty", where)
        return Role(spec.strip())
    if not spec.title.strip():
        raise YamlError(path, _line(node, "title"), "must not be empty", f"{where}.title")
    for alias in spec.aliases:
        if not alias.strip():
            raise YamlError(path, _line(node, "aliases"), "must not be empty", f"{where}.aliases")
    dates: list[FactDate | None] = []
    for key, value in (("from", spec.start), ("to", spec.end)):
        try:
            dates.append(None if value is None else parse_fact_date(value))
        except ValueError as exc:
            raise YamlError(path, _line(node, key), str(exc), f"{where}.{key}") from None
    start, end = dates
    if start is not None and end is not None and end.last_day() < start.first_day():
        raise YamlError(path, _line(node, "to"), f"ends before it starts ({start})", f"{where}.to")
    return Role(spec.title.strip(), tuple(a.strip() for a in spec.aliases), start=start, end=end)


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
    for field in ("cues", "aliases", "predicates"):
        for value in getattr(spec, field):
            if not value.strip():
                raise YamlError(
                    path, _line(node, field), f"{field} must not be empty", f"{where}.{field}"
                )
    try:
        when = parse_fact_date(spec.date)
    except ValueError as exc:
        raise YamlError(path, _line(node, "date"), str(exc), f"{where}.date") from None
    return Event(
        id=spec.id,
        title=spec.title.strip(),
        date=when,
        cues=tuple(c.strip() for c in spec.cues),
        aliases=tuple(a.strip() for a in spec.aliases),
        predicates=tuple(p.strip() for p in spec.predicates),
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
