"""Compiled patterns with bounds on their size and their time, so a user's pack or
config cannot hang a run or fill memory.

The built-in packs' patterns are ours and under test: they run without the time limit,
which costs a few microseconds per call (and makes the engine itself a quarter slower),
most of the time of a rule or a check that matches each line of a document on its own.
A pattern rule of a built-in pack says so with `timeout=None`; a check's patterns are
*trusted* when compiled inside `trusting()`, which the rule set opens only around a
check whose options all come from the built-in packs. Every other pattern runs against
a `Budget`: the time its rule's patterns spend in the regex engine on one document."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeAlias

import regex

from claimlint import regex_cache
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
#: whether `compile_pattern` compiles trusted patterns now (`trusting`)
_TRUSTING: ContextVar[bool] = ContextVar("trusting", default=False)
#: the trusted patterns by id (the values keep them alive, so an id is never reused);
#: a pattern compiled from the same source and flags is the same object, as safe
_TRUSTED: dict[int, Any] = {}
#: the time budget of the check running now (`spending`), for searches given none
_SPENDING: ContextVar[Budget | None] = ContextVar("spending", default=None)


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


@contextmanager
def trusting(trusted: bool = True) -> Iterator[None]:
    """Within this block (when `trusted`), `compile_pattern` compiles patterns that run
    without a time limit: the built-in packs' own, never a user's."""
    token = _TRUSTING.set(trusted)
    try:
        yield
    finally:
        _TRUSTING.reset(token)


def is_trusted(pattern: Any) -> bool:
    return id(pattern) in _TRUSTED


class PatternTimeout(Exception):
    """A pattern ran past `MATCH_TIMEOUT` on one document."""


def compile_pattern(
    pattern: str,
    field: str,
    *,
    ignorecase: bool = False,
    limit: int = MAX_PATTERN_CHARS,
    may_trust: bool = True,
) -> Any:
    """Compile a user pattern (Python `re` syntax), naming the field when it is invalid.
    Inside `trusting()` the pattern is trusted, unless `may_trust` is false (a pattern
    made from a facts file's phrases is never the packs' own)."""
    if len(pattern) > limit:
        raise OptionError(field, f"{len(pattern):,} characters; a pattern has at most {limit:,}")
    _charge(len(pattern), field)
    flags = regex.VERSION0 | regex.MULTILINE
    if ignorecase:
        flags |= regex.IGNORECASE
    try:
        compiled = regex_cache.compile(pattern, flags)
    except (regex.error, ValueError, OverflowError, RecursionError) as exc:
        # ValueError: "(?V1)" against the Python-re flags; the others: absurd nesting
        raise OptionError(field, f"invalid regular expression: {exc}") from None
    if may_trust and _TRUSTING.get():
        _TRUSTED[id(compiled)] = compiled
    return compiled


class _Limit:
    """The default time limit: `MATCH_TIMEOUT` as it is when a search starts."""


LIMIT = _Limit()
Timeout: TypeAlias = float | _Limit | None


class Budget:
    """The time a rule's patterns may spend on one document: every call of every
    pattern of the rule draws on it (a line rule calls its pattern once per line), and
    only the time inside the regex engine counts, never the rule's own work between
    two matches."""

    def __init__(self, seconds: float | _Limit = LIMIT) -> None:
        self.total = MATCH_TIMEOUT if isinstance(seconds, _Limit) else seconds
        self.left = self.total

    def check(self, pattern: Any) -> None:
        if self.left <= 0:
            raise PatternTimeout(_timeout_message(pattern, self.total))


@contextmanager
def spending(budget: Budget) -> Iterator[Budget]:
    """Within this block, a bounded search given no budget of its own draws on `budget`
    (a check searches with many patterns, from many places: one budget for them all)."""
    token = _SPENDING.set(budget)
    try:
        yield budget
    finally:
        _SPENDING.reset(token)


def _budget(budget: Budget | None, timeout: float | _Limit) -> Budget:
    return budget or _SPENDING.get() or Budget(timeout)


def finditer(
    pattern: Any,
    text: str,
    pos: int = 0,
    endpos: int | None = None,
    budget: Budget | None = None,
    *,
    timeout: Timeout = LIMIT,
) -> Iterator[Any]:
    """What `pattern.finditer` yields, the regex engine's time drawn from `budget` (a
    budget of `timeout` seconds when none is given; `timeout=None`: unbounded)."""
    end = len(text) if endpos is None else endpos
    if timeout is None or id(pattern) in _TRUSTED:
        return pattern.finditer(text, pos, end)  # type: ignore[no-any-return]
    return _bounded(pattern, text, pos, end, _budget(budget, timeout))


def _bounded(pattern: Any, text: str, pos: int, end: int, budget: Budget) -> Iterator[Any]:
    position, last = pos, None
    while True:
        # The engine's clock runs from the creation of its iterator, so it counts the
        # time a consumer takes between matches too. When it stops the iterator early,
        # a new one resumes after the last match: the same matches, only the time
        # measured here (around each step of the engine) is charged.
        budget.check(pattern)
        matches = pattern.finditer(text, position, end, timeout=budget.left)
        resumed = last is not None
        yielded = False
        while True:
            started = time.perf_counter()
            try:
                match = next(matches)
            except StopIteration:
                budget.left -= time.perf_counter() - started
                return
            except TimeoutError:
                budget.left -= time.perf_counter() - started
                if not yielded:  # no consumer ran on this iterator's clock: all engine time
                    budget.left = 0
                break
            budget.left -= time.perf_counter() - started
            if resumed and last is not None and match.span() == last.span() == (last.end(),) * 2:
                resumed = False
                continue  # the empty match the previous iterator ended on
            resumed = False
            last = match
            yielded = True
            yield match
        position = last.end() if last is not None else pos


def fullmatch(
    pattern: Any, text: str, budget: Budget | None = None, *, timeout: Timeout = LIMIT
) -> Any:
    """`pattern.fullmatch`, the time drawn from `budget` (see `finditer`)."""
    if timeout is None or id(pattern) in _TRUSTED:
        return pattern.fullmatch(text)
    return _once(pattern.fullmatch, pattern, text, 0, budget or _SPENDING.get() or Budget(timeout))


def search(pattern: Any, text: str, pos: int = 0, budget: Budget | None = None) -> Any:
    """`pattern.search`: the first match `finditer` would yield, in one call to the
    engine (no iterator to set up and resume), the time drawn from `budget`."""
    if id(pattern) in _TRUSTED:
        return pattern.search(text, pos)
    return _once(pattern.search, pattern, text, pos, budget or _SPENDING.get())


def match(pattern: Any, text: str, pos: int = 0, budget: Budget | None = None) -> Any:
    """`pattern.match`, the time drawn from `budget` (see `finditer`)."""
    if id(pattern) in _TRUSTED:
        return pattern.match(text, pos)
    return _once(pattern.match, pattern, text, pos, budget or _SPENDING.get())


def match_end(pattern: Any, text: str, pos: int = 0) -> Any:
    """The match of a reversed pattern (`(?r)`) that ends where `text` ends: one
    attempt, where a search would try every position."""
    return match(pattern, text, pos)


def _once(method: Any, pattern: Any, text: str, pos: int, budget: Budget | None) -> Any:
    # the calls of a line-by-line check: `_budget` and `Budget.check` inlined
    if budget is None:
        budget = Budget()
    elif budget.left <= 0:
        raise PatternTimeout(_timeout_message(pattern, budget.total))
    started = time.perf_counter()
    try:
        return method(text, pos, timeout=budget.left)
    except TimeoutError:
        budget.left = 0
        raise PatternTimeout(_timeout_message(pattern, budget.total)) from None
    finally:
        budget.left -= time.perf_counter() - started


def _timeout_message(pattern: Any, seconds: float) -> str:
    return (
        f"pattern {excerpt(pattern.pattern, _SHOWN)} took over {seconds:g}s on this "
        "file (all its matches together); rule stopped on this file"
    )


_ESCAPED_SPACES = regex_cache.compile(r"(\\ )+")


def phrase_pattern(phrases: list[str], field: str, *, ignorecase: bool) -> Any:
    """One alternation of literal phrases, longest first, bounded by word edges."""
    if len(phrases) > MAX_PHRASES:
        raise OptionError(field, f"{len(phrases):,} phrases; a rule lists at most {MAX_PHRASES:,}")
    alternatives = []
    for phrase in sorted(set(phrases), key=lambda p: (-len(p), p)):
        if not phrase.strip():
            raise OptionError(field, "empty phrase")
        escaped = regex.escape(phrase.strip())
        escaped = _ESCAPED_SPACES.sub(r"\\s+", escaped)
        head = r"(?<!\w)" if phrase.strip()[0].isalnum() else ""
        tail = r"(?!\w)" if phrase.strip()[-1].isalnum() else ""
        alternatives.append(f"{head}{escaped}{tail}")
    return compile_pattern(
        "|".join(alternatives),
        field,
        ignorecase=ignorecase,
        limit=MAX_PHRASE_PATTERN_CHARS,
        may_trust=False,
    )
