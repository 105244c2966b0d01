"""Compiled patterns with a time limit, so a user's regex cannot hang a run."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import regex

from claimlint.kinds.base import OptionError
from claimlint.safe_text import excerpt

#: seconds one pattern may spend on one document before the rule is stopped
MATCH_TIMEOUT = 2.0
#: the longest pattern a rule may give (`pattern:`, `unless:`)
MAX_PATTERN_CHARS = 10_000
#: the most phrases one rule may list (`phrases:`, `swap:`, a facts file's cues)
MAX_PHRASES = 5_000
#: the longest pattern a phrase list may become
MAX_PHRASE_PATTERN_CHARS = 200_000
#: all the patterns of one rule set together (compiling costs time and memory)
MAX_TOTAL_PATTERN_CHARS = 500_000
#: what a message quotes of a pattern
_SHOWN = 60

_BUDGET: ContextVar[list[int] | None] = ContextVar("pattern_budget", default=None)


@contextmanager
def pattern_budget() -> Iterator[None]:
    """Within this block, the patterns compiled may total `MAX_TOTAL_PATTERN_CHARS`."""
    token = _BUDGET.set([MAX_TOTAL_PATTERN_CHARS])
    try:
        yield
    finally:
        _BUDGET.reset(token)


def _charge(size: int, field: str) -> None:
    budget = _BUDGET.get()
    if budget is None:
        return
    if size > budget[0]:
        raise OptionError(
            field,
            f"the patterns of the rule set would exceed {MAX_TOTAL_PATTERN_CHARS:,} characters",
        )
    budget[0] -= size


class PatternTimeout(Exception):
    """A pattern ran past `MATCH_TIMEOUT` on one document."""


def compile_pattern(
    pattern: str, field: str, *, ignorecase: bool = False, limit: int = MAX_PATTERN_CHARS
) -> Any:
    """Compile a user pattern (Python `re` syntax), naming the field when it is invalid."""
    if len(pattern) > limit:
        raise OptionError(field, f"{len(pattern):,} characters; a pattern has at most {limit:,}")
    _charge(len(pattern), field)
    flags = regex.VERSION0 | regex.MULTILINE
    if ignorecase:
        flags |= regex.IGNORECASE
    try:
        return regex.compile(pattern, flags)
    except regex.error as exc:
        raise OptionError(field, f"invalid regular expression: {exc}") from None


def finditer(pattern: Any, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Any]:
    """`pattern.finditer` bounded by `MATCH_TIMEOUT`."""
    end = len(text) if endpos is None else endpos
    try:
        yield from pattern.finditer(text, pos, end, timeout=MATCH_TIMEOUT)
    except TimeoutError:
        raise PatternTimeout(_timeout_message(pattern)) from None


def _timeout_message(pattern: Any) -> str:
    return (
        f"pattern {excerpt(pattern.pattern, _SHOWN)} took over {MATCH_TIMEOUT:g}s; "
        "rule stopped on this file"
    )


def fullmatch(pattern: Any, text: str) -> Any:
    try:
        return pattern.fullmatch(text, timeout=MATCH_TIMEOUT)
    except TimeoutError:
        raise PatternTimeout(_timeout_message(pattern)) from None


def phrase_pattern(phrases: list[str], field: str, *, ignorecase: bool) -> Any:
    """One alternation of literal phrases, longest first, bounded by word edges."""
    if len(phrases) > MAX_PHRASES:
        raise OptionError(field, f"{len(phrases):,} phrases; a rule lists at most {MAX_PHRASES:,}")
    alternatives = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        if not phrase.strip():
            raise OptionError(field, "empty phrase")
        escaped = regex.escape(phrase.strip())
        escaped = regex.sub(r"(\\ )+", r"\\s+", escaped)
        head = r"(?<!\w)" if phrase.strip()[0].isalnum() else ""
        tail = r"(?!\w)" if phrase.strip()[-1].isalnum() else ""
        alternatives.append(f"{head}{escaped}{tail}")
    return compile_pattern(
        "|".join(alternatives), field, ignorecase=ignorecase, limit=MAX_PHRASE_PATTERN_CHARS
    )
