"""The server's settings, from the client's `initializationOptions` (or a
`workspace/didChangeConfiguration` push): read leniently, since every editor spells
its configuration differently, but never trusted: a wrong value is reported and the
default kept."""

from __future__ import annotations

from datetime import date
from typing import Any

import msgspec

#: the longest debounce a client may ask for, in milliseconds
MAX_DEBOUNCE_MS = 5000


class Settings(msgspec.Struct, frozen=True):
    #: changes to a document closer together than this are linted together (the first
    #: change after a quiet spell is linted at once)
    debounce_ms: int = 100
    #: report `name-variant-across-files` between the open documents
    cross_file_names: bool = False
    #: the publication date relative dates are read against (default: the document's own)
    date: date | None = None


def read_settings(raw: Any, current: Settings | None = None) -> tuple[Settings, list[str]]:
    """Settings from `raw` (keys `debounceMs`, `crossFileNames`, `date`, at the top or
    under `claimlint`), starting from `current`; and one line per value ignored."""
    settings = current or Settings()
    if isinstance(raw, dict) and isinstance(raw.get("claimlint"), dict):
        raw = raw["claimlint"]
    if not isinstance(raw, dict):
        return settings, [] if raw is None else ["settings: expected an object; ignored"]
    problems: list[str] = []
    values: dict[str, Any] = {}
    debounce = raw.get("debounceMs")
    if debounce is not None:
        if isinstance(debounce, int) and not isinstance(debounce, bool) and debounce >= 0:
            values["debounce_ms"] = min(debounce, MAX_DEBOUNCE_MS)
        else:
            problems.append("settings: debounceMs must be a number of milliseconds; ignored")
    cross = raw.get("crossFileNames")
    if cross is not None:
        if isinstance(cross, bool):
            values["cross_file_names"] = cross
        else:
            problems.append("settings: crossFileNames must be true or false; ignored")
    if "date" in raw:
        day = raw["date"]
        if day is None:
            values["date"] = None
        else:
            try:
                values["date"] = date.fromisoformat(day) if isinstance(day, str) else None
            except ValueError:
                values["date"] = None
            if values["date"] is None:
                del values["date"]
                problems.append("settings: date must be YYYY-MM-DD; ignored")
    return msgspec.structs.replace(settings, **values), problems
