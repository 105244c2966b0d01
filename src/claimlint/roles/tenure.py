"""Whether a person held a titled role on a day, by the dated roles of the facts file."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import msgspec

from claimlint.facts import Role


class Tenures(msgspec.Struct, frozen=True):
    """The dated stints of one person in one title (a title may be held several times)."""

    roles: tuple[Role, ...]

    def held(self, day: date) -> bool:
        return any(_start(r) <= day <= _end(r) for r in self.roles)

    def near_edge(self, day: date, days: int) -> bool:
        """Whether `day` is within `days` of a stint's first or last day (handover days)."""
        slack = timedelta(days=days)
        for role in self.roles:
            edges = [role.start.first_day()] if role.start is not None else []
            if role.end is not None:
                edges.append(role.end.last_day())
            if any(abs(day - edge) <= slack for edge in edges):
                return True
        return False

    def next_start(self, day: date) -> date | None:
        """The first day of the next stint after `day`, if the person has not held the
        title before it."""
        if any(_start(r) <= day for r in self.roles):
            return None
        starts = [_start(r) for r in self.roles]
        return min(starts) if starts else None

    def words(self, day: date) -> str:
        """How the tenure reads beside `day`: "was Mayor from 2018-11-05 to 2022-11-05"."""
        past = [r for r in self.roles if _end(r) < day]
        current = [r for r in self.roles if _start(r) <= day <= _end(r)]
        future = [r for r in self.roles if day < _start(r)]
        if current:
            role = current[0]
            if role.end is None:
                return f"has been {role.title} since {role.start}"
            return f"is {role.title} from {role.start} to {role.end}"
        if future and not past:
            role = future[0]
            return f"is {role.title} only from {role.start}"
        role = past[-1]
        if role.start is None:
            return f"was {role.title} until {role.end}"
        return f"was {role.title} from {role.start} to {role.end}"


def tenures(roles: Sequence[Role], title: str) -> Tenures:
    """The dated roles among `roles` whose title or an alias is `title` (any case)."""
    key = title.casefold()
    found = tuple(r for r in roles if r.dated and any(t.casefold() == key for t in r.titles))
    return Tenures(tuple(sorted(found, key=_start)))


def _start(role: Role) -> date:
    return role.start.first_day() if role.start is not None else date.min


def _end(role: Role) -> date:
    return role.end.last_day() if role.end is not None else date.max
