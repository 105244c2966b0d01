"""The phrase lexicons of the debris check, compiled from its options.

Entries are regular expressions (Python `re` syntax, case-insensitive unless a group
says otherwise) with named slots: `<date>`, `<time>`, `<n>`, `<name>`, `<agency>` and
whatever else the `slots` option defines are replaced by their patterns, so a pack
writes `views\\s*:\\s*<n>` instead of restating what a number looks like. A slot may
use other slots (two levels deep).

Three shapes, as site furniture comes:
- a *line* entry must match a unit as a whole ("Leave a Reply", "Views: 3195"); a
  *contains* entry matches inside a short line ("… All rights reserved …");
- a *prefix* entry is a label that takes the rest of its line ("Read also: <headline>");
- a *glued* entry is a label stuck to the end of a line of prose ("… said. Source
  link"); it is looked for in the last characters of a unit only.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any, Literal

import msgspec

from claimlint import patterns, regex_cache
from claimlint.kinds.base import OptionError

Where = Literal["anywhere", "outside_body", "before_body", "after_body", "headline"]

# a slot, not a named group "(?<name>…)", "(?P<name>…)" or a reference "\g<name>"
_SLOT = regex_cache.compile(r"(?<!\(\?)(?<!\(\?P)(?<!\\g)<([a-z_]{1,30})>")
_SLOT_NAME = regex_cache.compile(r"[a-z_]{1,30}")
_SLOT_DEPTH = 4
_CACHED_LINES = 4096
_REVERSE = "(?r)"
#: glued labels are looked for in this many characters at the end of a unit
GLUED_WINDOW = 240
#: whole-line entries are tried on units up to this long (furniture is short)
LINE_WINDOW = 600

# Markdown and list decoration around a line's words, and the trailing marks furniture
# carries ("Read more »", "No comments yet...", "Share this:").
_KEY_LEAD = regex_cache.compile(r"[\s•·»›>|–—*-]+")
_KEY_TRAIL = regex_cache.compile(r"(?r)[\s:.…»›>|*·•-]+\Z")


class LexiconGroup(msgspec.Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    """Phrases of one rule, all found where `where` says: anywhere, only outside the
    article's body (before its first or after its last paragraph), only before or
    after it, or (glued labels) on the headline."""

    rule: str
    patterns: tuple[str, ...]
    where: Where = "anywhere"
    #: `line`: the whole unit; `prefix`: a label and the rest of its line; `contains`:
    #: somewhere in a line of at most `max_words` words (cheaper than a line pattern
    #: that starts with ".{0,100}")
    match: Literal["line", "prefix", "contains"] = "line"
    max_words: int | None = None


class GluedGroup(msgspec.Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    """Labels stuck to the end of a line of prose, reported under `rule`. `after`:
    `sentence` when the label must follow a sentence's end (". Source link"), `word`
    when it may follow any word after a space ("… [Read more]", "Statement LINK"),
    `any` when it may stick to the last word itself (an excerpt's "a Kurdish g...").
    `sign_off`: a wire's sign-off ("… said. (Yonhap)"), not reported at the end of the
    article's last paragraph, where wire copy prints it."""

    rule: str
    patterns: tuple[str, ...]
    after: Literal["sentence", "word", "any"] = "sentence"
    where: Where = "anywhere"
    sign_off: bool = False


class CompiledGroup(msgspec.Struct, frozen=True):
    rule: str
    where: Where
    pattern: Any
    contains: bool = False
    max_words: int | None = None

    def matches(self, key: str) -> bool:
        """Does the line `key` match (as a whole, or somewhere for `contains`)?"""
        if not key or len(key) > LINE_WINDOW:
            return False
        if self.max_words is not None and len(key.split()) > self.max_words:
            return False
        return self.found_in(key)

    def found_in(self, key: str) -> bool:
        """`matches`, the length and the number of words already known to fit."""
        if self.contains:
            return patterns.search(self.pattern, key) is not None
        return bool(patterns.fullmatch(self.pattern, key))


class Lexicon:
    """The furniture groups, with a quick first test: most lines of an article match
    no group, and one pattern for all groups says so at the cost of one match."""

    def __init__(self, groups: Sequence[CompiledGroup]) -> None:
        self.groups = tuple(groups)
        self._whole = any_of([g.pattern for g in groups if not g.contains], "furniture")
        # the same lines come back (a unit asked twice, a site's furniture on every page)
        self.matches = functools.lru_cache(maxsize=_CACHED_LINES)(self._matches)

    def _matches(self, key: str) -> tuple[CompiledGroup, ...]:
        """The groups that match the line `key`, in order. `contains` groups are tried
        on short lines only, so a paragraph of prose costs one match."""
        if not key or len(key) > LINE_WINDOW:
            return ()
        words = len(key.split())
        whole = bool(patterns.fullmatch(self._whole, key))
        return tuple(
            group
            for group in self.groups
            if (group.contains or whole)
            and (group.max_words is None or words <= group.max_words)
            and group.found_in(key)
        )


class CompiledGlued(msgspec.Struct, frozen=True):
    rule: str
    where: Where
    after: Literal["sentence", "word", "any"]
    pattern: Any
    sign_off: bool = False


class Slots:
    """Named sub-patterns; `expand` puts them into an entry."""

    def __init__(self, slots: Mapping[str, str], field: str) -> None:
        self._slots = dict(slots)
        self._field = field
        for name in self._slots:
            if not _SLOT_NAME.fullmatch(name):
                raise OptionError(field, f"slot names are lower-case words; not {name!r}")

    def expand(self, pattern: str) -> str:
        for _ in range(_SLOT_DEPTH):
            # measured before it is built: slots that use slots many times over would
            # multiply into gigabytes
            if self._expanded_size(pattern) > patterns.MAX_PHRASE_PATTERN_CHARS:
                raise OptionError(
                    self._field,
                    f"slots expand to more than {patterns.MAX_PHRASE_PATTERN_CHARS:,} characters",
                )
            expanded = _SLOT.sub(self._replace, pattern)
            if expanded == pattern:
                return expanded
            pattern = expanded
        if _SLOT.search(pattern) and any(n in self._slots for n in _SLOT.findall(pattern)):
            raise OptionError(self._field, "slots nest more than three levels deep")
        return pattern

    def _expanded_size(self, pattern: str) -> int:
        return len(pattern) + sum(
            len(self._slots[m.group(1)]) + 4 - len(m.group(0))
            for m in _SLOT.finditer(pattern)
            if m.group(1) in self._slots
        )

    def _replace(self, match: Any) -> str:
        name = match.group(1)
        if name not in self._slots:
            return str(match.group(0))
        return f"(?:{self._slots[name]})"

    def compile(self, entries: Sequence[str], field: str, template: str = "{}") -> Any:
        """One pattern that matches any of `entries` (expanded), placed in `template`."""
        if not entries:
            raise OptionError(field, "an empty list of patterns")
        expanded: list[str] = []
        size = 0
        for index, entry in enumerate(entries):
            if not entry.strip():
                raise OptionError(f"{field}[{index}]", "an empty pattern")
            expanded.append(self.expand(entry))
            size += len(expanded[-1])
            if size > patterns.MAX_PHRASE_PATTERN_CHARS:
                raise OptionError(
                    field, f"more than {patterns.MAX_PHRASE_PATTERN_CHARS:,} characters expanded"
                )
        joined = template.format("(?:" + "|".join(f"(?:{text})" for text in expanded) + ")")
        try:
            return patterns.compile_pattern(
                joined, field, ignorecase=True, limit=patterns.MAX_PHRASE_PATTERN_CHARS
            )
        except OptionError:
            # name the entry at fault (compiling each costs as much as the whole)
            for index, text in enumerate(expanded):
                patterns.compile_pattern(
                    text,
                    f"{field}[{index}]",
                    ignorecase=True,
                    limit=patterns.MAX_PHRASE_PATTERN_CHARS,
                )
            raise


def compile_groups(
    groups: Sequence[LexiconGroup], slots: Slots, rule_ids: Sequence[str], field: str
) -> tuple[CompiledGroup, ...]:
    compiled = []
    for index, group in enumerate(groups):
        where = f"{field}[{index}]"
        _known_rule(group.rule, rule_ids, f"{where}.rule")
        if group.max_words is not None and group.max_words < 1:
            raise OptionError(f"{where}.max_words", "must be at least 1")
        # a `contains` entry is searched backwards: most end the line ("… posted:")
        template = {"line": "{}", "prefix": r"{}\s*\S[\s\S]*", "contains": "(?r){}"}[group.match]
        compiled.append(
            CompiledGroup(
                group.rule,
                group.where,
                slots.compile(group.patterns, f"{where}.patterns", template),
                group.match == "contains",
                group.max_words,
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
        # matched backwards from the end of a line (only its end can hold the label);
        # a label follows a space or a sentence's end ("…summary...Show More Summary")
        lead = "" if group.after == "any" else r"(?:(?<!\S)|(?<=[.…!?\]]))"
        template = r"(?r)" + lead + r"(?P<label>{})\s*\Z"
        pattern = slots.compile(group.patterns, f"{where}.patterns", template)
        compiled.append(
            CompiledGlued(group.rule, group.where, group.after, pattern, group.sign_off)
        )
    return tuple(compiled)


def any_of(patterns_: Sequence[Any], field: str) -> Any:
    """One pattern that matches where any of `patterns_` (compiled alike) does: a quick
    first test, so most lines cost one match instead of one per group."""
    if not patterns_:
        return patterns.compile_pattern(r"(?!)", field)
    sources = [p.pattern for p in patterns_]
    backwards = all(source.startswith(_REVERSE) for source in sources)
    if backwards:
        sources = [source.removeprefix(_REVERSE) for source in sources]
    joined = "|".join(f"(?:{source})" for source in sources)
    return patterns.compile_pattern(
        _REVERSE + joined if backwards else joined,
        field,
        ignorecase=True,
        limit=patterns.MAX_PHRASE_PATTERN_CHARS,
    )


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


def match_any(pattern: Any, key: str) -> bool:
    """Does `pattern` match the whole of `key` (a short line)?"""
    return bool(key) and len(key) <= LINE_WINDOW and bool(patterns.fullmatch(pattern, key))


def ends_with_any(pattern: Any, text: str) -> bool:
    """Does a glued label of `pattern` end `text`?"""
    return patterns.match_end(pattern, text, max(0, len(text) - GLUED_WINDOW)) is not None


def match_glued(group: CompiledGlued, text: str) -> int | None:
    """Where in `text` the label of `group` glued to its end starts, or None."""
    found = patterns.match_end(group.pattern, text, max(0, len(text) - GLUED_WINDOW))
    return None if found is None else int(found.start("label"))
