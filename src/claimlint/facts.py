"""Facts files: the people (canonical names, accepted variants, known misspellings,
roles, dated or not) and events (id, title, date at day, month or year precision,
cues, aliases, predicates) a newsroom knows. Loaded strictly: every error names the
file, the line and the field."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, Literal, TypeVar

import msgspec

from claimlint import regex_cache, yamlfile
from claimlint.safe_text import excerpt
from claimlint.yamlfile import LineDict, LineList, YamlError

Precision = Literal["day", "month", "year"]
T = TypeVar("T")

_PARTIAL_DATE = regex_cache.re_compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")
_ISO_DAY = regex_cache.re_compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_EVENT_ID = regex_cache.re_compile(r"[a-z0-9][a-z0-9._-]*")


class FactDate(msgspec.Struct, frozen=True):
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


class Role(msgspec.Struct, frozen=True):
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


class Person(msgspec.Struct, frozen=True):
    name: str
    roles: tuple[Role, ...] = ()
    variants: tuple[str, ...] = ()
    misspellings: tuple[str, ...] = ()
    source: str = ""
    line: int = 0
    index: int = 0


class Event(msgspec.Struct, frozen=True):
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


class Facts(msgspec.Struct, frozen=True):
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


#: at most this many problems are collected from one run of `check_facts`
MAX_PROBLEMS = 1000
_SECTIONS = ("people", "events")


class Problems:
    """The problems found so far (every one names its file, line and field)."""

    def __init__(self) -> None:
        self.errors: list[YamlError] = []

    def add(self, error: YamlError) -> None:
        if len(self.errors) < MAX_PROBLEMS:
            self.errors.append(error)

    def __bool__(self) -> bool:
        return bool(self.errors)


def load_facts(paths: Iterable[Path | str]) -> Facts:
    """Load and merge facts files; the first problem found is raised as `YamlError`."""
    facts, problems = check_facts(paths)
    if problems:
        raise problems[0]
    return facts


def check_facts(paths: Iterable[Path | str]) -> tuple[Facts, list[YamlError]]:
    """Load and merge facts files, collecting every problem instead of stopping at the
    first: what each file holds that is sound, and the problems, in file order."""
    problems = Problems()
    people: list[Person] = []
    events: list[Event] = []
    sources: list[str] = []
    for path in paths:
        try:
            data = yamlfile.load_file(path)
        except YamlError as exc:
            problems.add(exc)
            continue
        facts = _facts(data, str(path), problems)
        people.extend(facts.people)
        events.extend(facts.events)
        sources.append(str(path))
    merged = Facts(tuple(people), tuple(events), tuple(sources))
    _check_across(merged, problems)
    order = {source: rank for rank, source in enumerate(sources)}
    found = sorted(problems.errors, key=lambda e: (order.get(e.path, -1), e.line or 0))
    return merged, found


def load_facts_file(path: Path | str) -> Facts:
    return load_facts([path])


def facts_from_data(data: Any, name: str) -> Facts:
    """Facts from YAML already loaded (with line numbers, see `yamlfile`), named `name`
    in errors: a facts file, or the inline facts of a rule's examples. The first
    problem is raised."""
    problems = Problems()
    facts = _facts(data, name, problems)
    _check_across(facts, problems)
    if problems:
        raise problems.errors[0]
    return facts


def _facts(data: Any, name: str, problems: Problems) -> Facts:
    if data is None:
        return Facts(sources=(name,))
    if not isinstance(data, dict) or (data and not set(_SECTIONS) & data.keys()):
        # said before any key is named: a path in a config may point at any file
        problems.add(
            YamlError(
                name,
                getattr(data, "line", 1),
                "not a facts file (a facts file is a mapping with 'people' and 'events')",
            )
        )
        return Facts(sources=(name,))
    for key in data:
        if key not in _SECTIONS:
            problems.add(YamlError(name, _line(data, str(key)), "unknown key", str(key)))
    people = tuple(
        person
        for index, node in _items(data, "people", name, problems)
        if (person := _person(node, name, index, problems)) is not None
    )
    ids: dict[str, int] = {}  # event id -> line, in this file
    events = tuple(
        event
        for index, node in _items(data, "events", name, problems)
        if (event := _event(node, name, index, problems, ids)) is not None
    )
    return Facts(people, events, (name,))


def _items(data: Any, key: str, name: str, problems: Problems) -> list[tuple[int, Any]]:
    section = data.get(key)
    if section is None:
        return []
    if not isinstance(section, list):
        problems.add(
            YamlError(name, _line(data, key), f"Expected `array`, got `{_kind(section)}`", key)
        )
        return []
    lines = getattr(section, "item_lines", None) or [None] * len(section)
    items = []
    for index, (node, line) in enumerate(zip(section, lines, strict=True)):
        if isinstance(node, dict):
            items.append((index, node))
        else:
            problem = f"Expected `object`, got `{_kind(node)}`"
            problems.add(YamlError(name, line, problem, f"{key}[{index}]"))
    return items


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "object"
    if value is None:
        return "null"
    return type(value).__name__


def _decode(node: Any, into: type[T], name: str, where: str, problems: Problems) -> T | None:
    """`node` decoded strictly into `into`; a problem (its field under `where`) or None."""
    try:
        return yamlfile.convert(node, into, name)
    except YamlError as exc:
        field = f"{where}.{exc.field}" if exc.field else where
        problems.add(YamlError(name, exc.line or _line(node), exc.problem, field))
        return None


def _item(data: Any, key: str, index: int) -> Any:
    items = data.get(key) if isinstance(data, dict) else None
    if isinstance(items, LineList) and index < len(items):
        return items[index]
    return None


def _line(node: Any, key: str | None = None) -> int | None:
    if isinstance(node, LineDict):
        return node.key_lines.get(key, node.line) if key else node.line
    return getattr(node, "line", None)


def _person(node: Any, path: str, index: int, problems: Problems) -> Person | None:
    """The person `node` describes, with the spellings that are sound (so that the
    others can still be checked against them); None if it cannot be read at all."""
    where = f"people[{index}]"
    spec = _decode(node, _PersonSpec, path, where, problems)
    if spec is None:
        return None
    forms: dict[str, str] = {}
    good: dict[str, list[str]] = {"name": [], "variants": [], "misspellings": []}
    for field in ("name", "variants", "misspellings"):
        values = [spec.name] if field == "name" else getattr(spec, field)
        for value in values:
            if not value.strip():
                problems.add(
                    YamlError(path, _line(node, field), "must not be empty", f"{where}.{field}")
                )
                continue
            key = value.strip().casefold()
            if key in forms:
                problems.add(
                    YamlError(
                        path,
                        _line(node, field),
                        f"{excerpt(value)} is already listed under {forms[key]}",
                        f"{where}.{field}",
                    )
                )
                continue
            forms[key] = field
            good[field].append(value.strip())
    roles: list[Role] = []
    for i, item in enumerate(spec.roles):
        where_role = f"{where}.roles[{i}]"
        line = _line(node, "roles")
        role = _role(item, path, _item(node, "roles", i), line, where_role, problems)
        if role is not None:
            roles.append(role)
    return Person(
        name=spec.name.strip(),
        roles=tuple(roles),
        variants=tuple(good["variants"]),
        misspellings=tuple(good["misspellings"]),
        source=path,
        line=_line(node) or 0,
        index=index,
    )


def _role(
    spec: str | _RoleSpec, path: str, node: Any, line: int | None, where: str, problems: Problems
) -> Role | None:
    """The role `spec` describes, or None (with its problems added) when it is wrong."""
    if isinstance(spec, str):
        if not spec.strip():
            problems.add(YamlError(path, line, "must not be empty", where))
            return None
        return Role(spec.strip())
    before = len(problems.errors)
    if not spec.title.strip():
        problems.add(YamlError(path, _line(node, "title"), "must not be empty", f"{where}.title"))
    if any(not alias.strip() for alias in spec.aliases):
        problems.add(
            YamlError(path, _line(node, "aliases"), "must not be empty", f"{where}.aliases")
        )
    dates: list[FactDate | None] = []
    for key, value in (("from", spec.start), ("to", spec.end)):
        try:
            dates.append(None if value is None else parse_fact_date(value))
        except ValueError as exc:
            problems.add(YamlError(path, _line(node, key), str(exc), f"{where}.{key}"))
            dates.append(None)
    start, end = dates
    if start is not None and end is not None and end.last_day() < start.first_day():
        problems.add(
            YamlError(path, _line(node, "to"), f"ends before it starts ({start})", f"{where}.to")
        )
    if len(problems.errors) > before:
        return None
    return Role(spec.title.strip(), tuple(a.strip() for a in spec.aliases), start=start, end=end)


def _event(
    node: Any, path: str, index: int, problems: Problems, ids: dict[str, int]
) -> Event | None:
    """The event `node` describes, or None when something in it is wrong; `ids` (the
    event ids met so far in the file, with their lines) finds duplicates."""
    where = f"events[{index}]"
    spec = _decode(node, _EventSpec, path, where, problems)
    if spec is None:
        return None
    before = len(problems.errors)
    if spec.id in ids:
        problems.add(
            YamlError(
                path,
                _line(node, "id"),
                f"duplicate event id {excerpt(spec.id)} (first in {path}:{ids[spec.id]})",
                f"{where}.id",
            )
        )
    else:
        ids[spec.id] = _line(node) or 0
    if not _EVENT_ID.fullmatch(spec.id):
        problems.add(
            YamlError(
                path,
                _line(node, "id"),
                "use lowercase letters, digits, '-', '_' or '.' (like soleimani-strike)",
                f"{where}.id",
            )
        )
    if not spec.title.strip():
        problems.add(YamlError(path, _line(node, "title"), "must not be empty", f"{where}.title"))
    for field in ("cues", "aliases", "predicates"):
        if any(not value.strip() for value in getattr(spec, field)):
            problems.add(
                YamlError(
                    path, _line(node, field), f"{field} must not be empty", f"{where}.{field}"
                )
            )
    when: FactDate | None = None
    try:
        when = parse_fact_date(spec.date)
    except ValueError as exc:
        problems.add(YamlError(path, _line(node, "date"), str(exc), f"{where}.date"))
    if when is None or len(problems.errors) > before:
        return None
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


def _check_across(facts: Facts, problems: Problems) -> None:
    """Event ids are unique, and one spelling belongs to one person, across all files."""
    seen_ids: dict[str, Event] = {}
    for event in facts.events:
        first = seen_ids.get(event.id)
        if first is not None and first.source != event.source:  # in one file: see _event
            problems.add(
                YamlError(
                    event.source,
                    event.line,
                    f"duplicate event id {excerpt(event.id)} (first in {first.source}:{first.line})",
                    f"events[{event.index}].id",
                )
            )
            continue
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
                problems.add(
                    YamlError(
                        person.source,
                        person.line,
                        f"{excerpt(form)} is also listed for {other.name} "
                        f"({other.source}:{other.line})",
                        f"people[{person.index}].{field}",
                    )
                )
                continue
            owner[key] = person


def describe(facts: Facts) -> str:
    return f"{len(facts.people)} people, {len(facts.events)} events"


def all_forms(person: Person) -> Sequence[str]:
    return (person.name, *person.variants, *person.misspellings)
