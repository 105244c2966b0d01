"""The phrase lexicons of the debris check, compiled from its options.

Entries are regular expressions (Python `re` syntax, case-insensitive unless a group
says otherwise) with named slots: `<date>`, `<time>`, `<n>`, `<name>`, `<agency>` and
whatever else the `slots` option defines are replaced by their patterns, so a pack
writes `views\\s*:\\s*<n>` instead of restating what a number looks like. A slot may
use other slots (two levels deep).

Three shapes, as site furniture comes:
- a *line* entry must match a unit as a whole ("Leave a Reply", "Views: 3195");
- a *prefix* entry is a label that takes the rest of its line ("Read also: <headline>");
- a *glued* entry is a label stuck to the end of a line of prose ("… said. Source
  link"); it is looked for in the last characters of a unit only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import msgspec
import regex

from claimlint import patterns
from claimlint.kinds.base import OptionError

Where = Literal["anywhere", "outside_body", "before_body", "after_body", "headline"]

_SLOT = regex.compile(r"(?<![?Pg\\])<([a-z_]{1,30})>")
_SLOT_DEPTH = 4
#: glued labels are looked for in this many characters at the end of a unit
GLUED_WINDOW = 240
#: whole-line entries are tried on units up to this long (furniture is short)
LINE_WINDOW = 600

# Markdown and list decoration around a line's words, and the trailing marks furniture
# carries ("Read more »", "No comments yet...", "Share this:").
_KEY_LEAD = regex.compile(r"[\s•·»›>|–—*-]+")
_KEY_TRAIL = regex.compile(r"(?r)[\s:.…»›>|*·•-]+\Z")


class LexiconGroup(msgspec.Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    """Phrases of one rule, all found where `where` says: anywhere, only outside the
    article's body (before its first or after its last paragraph), only before or
    after it, or (glued labels) on the headline."""

    rule: str
    patterns: tuple[str, ...]
    where: Where = "anywhere"
    #: `line`: the whole unit; `prefix`: a label and the rest of its line
    match: Literal["line", "prefix"] = "line"


class GluedGroup(msgspec.Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    """Labels stuck to the end of a line of prose, reported under `rule`. `after`:
    `sentence` when the label must follow a sentence's end (". Source link"), `word`
    when it may follow anything ("… [Read more]", "Statement LINK")."""

    rule: str
    patterns: tuple[str, ...]
    after: Literal["sentence", "word"] = "sentence"
    where: Where = "anywhere"


@dataclass(frozen=True)
class CompiledGroup:
    rule: str
    where: Where
    pattern: Any


@dataclass(frozen=True)
class CompiledGlued:
    rule: str
    where: Where
    after: Literal["sentence", "word"]
    pattern: Any


class Slots:
    """Named sub-patterns; `expand` puts them into an entry."""

    def __init__(self, slots: Mapping[str, str], field: str) -> None:
        self._slots = dict(slots)
        self._field = field
        for name in self._slots:
            if not regex.fullmatch(r"[a-z_]{1,30}", name):
                raise OptionError(field, f"slot names are lower-case words; not {name!r}")

    def expand(self, pattern: str) -> str:
        for _ in range(_SLOT_DEPTH):
            expanded = _SLOT.sub(self._replace, pattern)
            if expanded == pattern:
                return expanded
            pattern = expanded
        if _SLOT.search(pattern) and any(n in self._slots for n in _SLOT.findall(pattern)):
            raise OptionError(self._field, "slots nest more than three levels deep")
        return pattern

    def _replace(self, match: Any) -> str:
        name = match.group(1)
        if name not in self._slots:
            return str(match.group(0))
        return f"(?:{self._slots[name]})"

    def compile(self, entries: Sequence[str], field: str, template: str = "{}") -> Any:
        """One pattern that matches any of `entries` (expanded), placed in `template`."""
        if not entries:
            raise OptionError(field, "an empty list of patterns")
        expanded = []
        for index, entry in enumerate(entries):
            if not entry.strip():
                raise OptionError(f"{field}[{index}]", "an empty pattern")
            text = self.expand(entry)
            patterns.compile_pattern(text, f"{field}[{index}]", ignorecase=True)
            expanded.append(f"(?:{text})")
        return patterns.compile_pattern(
            template.format("(?:" + "|".join(expanded) + ")"), field, ignorecase=True
        )


def compile_groups(
    groups: Sequence[LexiconGroup], slots: Slots, rule_ids: Sequence[str], field: str
) -> tuple[CompiledGroup, ...]:
    compiled = []
    for index, group in enumerate(groups):
        where = f"{field}[{index}]"
        _known_rule(group.rule, rule_ids, f"{where}.rule")
        template = "{}" if group.match == "line" else r"{}\s*\S[\s\S]*"
        compiled.append(
            CompiledGroup(
                group.rule,
                group.where,
                slots.compile(group.patterns, f"{where}.patterns", template),
            )
        )
    return tuple(compiled)


def compile_glued(
    groups: Sequence[GluedGroup], slots: Slots, rule_ids: Sequence[str], field: str
) -> tuple[CompiledGlued, ...]:
    compiled = []
    for index, group in enumerate(groups):
        where = f"{field}[{index}]"
        _known_rule(group.rule, rule_ids, f"{where}.rule")
        pattern = slots.compile(group.patterns, f"{where}.patterns", r"(?<!\S)(?P<label>{})\s*\Z")
        compiled.append(CompiledGlued(group.rule, group.where, group.after, pattern))
    return tuple(compiled)


def _known_rule(rule: str, rule_ids: Sequence[str], field: str) -> None:
    if rule not in rule_ids:
        raise OptionError(field, f"the debris check reports {', '.join(rule_ids)}; not {rule!r}")


def line_key(text: str) -> tuple[int, str]:
    """The words of a unit a whole-line entry is matched against, without list marks
    before them and trailing marks after them; and where they start in `text`."""
    lead = _KEY_LEAD.match(text)
    start = lead.end() if lead else 0
    trail = _KEY_TRAIL.search(text, start)
    end = trail.start() if trail else len(text)
    return start, text[start:end]


def match_line(group: CompiledGroup, key: str) -> bool:
    return bool(key) and len(key) <= LINE_WINDOW and patterns.fullmatch(group.pattern, key)


def match_glued(group: CompiledGlued, text: str) -> int | None:
    """Where in `text` the label of `group` glued to its end starts, or None."""
    window = max(0, len(text) - GLUED_WINDOW)
    found = next(patterns.finditer(group.pattern, text, window), None)
    if found is None:
        return None
    return int(found.start("label"))
