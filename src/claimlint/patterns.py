"""Compiled patterns with a time limit, so a user's regex cannot hang a run.

The built-in packs' patterns are ours and under test: they run without the limit
(`timeout=None`), which costs a few microseconds per call, most of the time of a rule
that matches each line of a document on its own."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import regex

from claimlint import regex_cache
from claimlint.kinds.base import OptionError

#: seconds one pattern may spend on one document before the rule is stopped
MATCH_TIMEOUT = 2.0


class PatternTimeout(Exception):
    """A pattern ran past `MATCH_TIMEOUT` on one document."""


def compile_pattern(pattern: str, field: str, *, ignorecase: bool = False) -> Any:
    """Compile a user pattern (Python `re` syntax), naming the field when it is invalid."""
    flags = regex.VERSION0 | regex.MULTILINE
    if ignorecase:
        flags |= regex.IGNORECASE
    try:
        return regex_cache.compile(pattern, flags)
    except regex.error as exc:
        raise OptionError(field, f"invalid regular expression: {exc}") from None


def finditer(
    pattern: Any,
    text: str,
    pos: int = 0,
    endpos: int | None = None,
    *,
    timeout: float | None = MATCH_TIMEOUT,
) -> Iterator[Any]:
    """`pattern.finditer` bounded by `timeout` seconds (None: unbounded)."""
    end = len(text) if endpos is None else endpos
    if timeout is None:
        return pattern.finditer(text, pos, end)  # type: ignore[no-any-return]
    return _bounded(pattern, text, pos, end, timeout)


def _bounded(pattern: Any, text: str, pos: int, end: int, timeout: float) -> Iterator[Any]:
    try:
        yield from pattern.finditer(text, pos, end, timeout=timeout)
    except TimeoutError:
        raise PatternTimeout(
            f"pattern {pattern.pattern!r} took over {timeout:g}s; rule stopped on this file"
        ) from None


def fullmatch(pattern: Any, text: str, *, timeout: float | None = MATCH_TIMEOUT) -> Any:
    if timeout is None:
        return pattern.fullmatch(text)
    try:
        return pattern.fullmatch(text, timeout=timeout)
    except TimeoutError:
        raise PatternTimeout(
            f"pattern {pattern.pattern!r} took over {timeout:g}s; rule stopped on this file"
        ) from None


def match_end(pattern: Any, text: str, pos: int = 0) -> Any:
    """The match of a reversed pattern (`(?r)`) that ends where `text` ends: one
    attempt, where a search would try every position."""
    try:
        return pattern.match(text, pos, timeout=MATCH_TIMEOUT)
    except TimeoutError:
        raise PatternTimeout(
            f"pattern {pattern.pattern!r} took over {MATCH_TIMEOUT:g}s; rule stopped on this file"
        ) from None


def phrase_pattern(phrases: list[str], field: str, *, ignorecase: bool) -> Any:
    """One alternation of literal phrases, longest first, bounded by word edges."""
    alternatives = []
    for phrase in sorted(set(phrases), key=lambda p: (-len(p), p)):
        if not phrase.strip():
            raise OptionError(field, "empty phrase")
        escaped = regex.escape(phrase.strip())
        escaped = regex.sub(r"(\\ )+", r"\\s+", escaped)
        head = r"(?<!\w)" if phrase.strip()[0].isalnum() else ""
        tail = r"(?!\w)" if phrase.strip()[-1].isalnum() else ""
        alternatives.append(f"{head}{escaped}{tail}")
    return compile_pattern("|".join(alternatives), field, ignorecase=ignorecase)
