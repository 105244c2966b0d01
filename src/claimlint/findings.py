"""What a rule reports: a `Finding`, with its span, level and optional fix."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

import msgspec


class Level(IntEnum):
    """Severity of a finding; ordered so that `level >= fail_level` decides the exit code."""

    INFO = 0
    WARNING = 1
    ERROR = 2

    @classmethod
    def parse(cls, name: str) -> Level:
        try:
            return cls[name.upper()]
        except KeyError:
            raise ValueError(f"unknown level {name!r} (expected error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


class Fix(msgspec.Struct, frozen=True):
    """Replace the finding's span with `replacement`. Only `safe` fixes are applied by --fix."""

    replacement: str
    safe: bool = False


class Related(msgspec.Struct, frozen=True):
    """A secondary location of a finding (the other spelling, the anchoring dateline)."""

    start: int
    end: int
    message: str


class Finding(msgspec.Struct):
    """One problem in one document. `start`/`end` are character offsets into `Document.text`."""

    rule: str
    category: str
    level: Level
    message: str
    start: int
    end: int
    fix: Fix | None = None
    related: tuple[Related, ...] = ()
    data: dict[str, Any] = msgspec.field(default_factory=dict)

    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.rule)
