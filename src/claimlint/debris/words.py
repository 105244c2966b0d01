"""Comparing lines by their words: a headline printed twice, a teaser about another
story."""

from __future__ import annotations

from collections.abc import Iterable

from claimlint import regex_cache

_NON_WORD = regex_cache.compile(r"[^\p{L}\p{N}]+")
_WORD = regex_cache.compile(r"[\p{L}][\p{L}’'-]*")
_SECTION_SUFFIX = regex_cache.compile(r"\s+[|–—-]\s+[^|–—]{1,40}\Z")


def normalised(text: str) -> str:
    """Case, spaces and punctuation folded: "Sadr calls  for calm!" = "sadr calls for calm"."""
    return _NON_WORD.sub(" ", text.casefold()).strip()


def without_section(text: str) -> str:
    """A headline without the sections a site prints after it ("… | Iraq News",
    "… - Turkish Daily | NewsNow")."""
    for _ in range(2):
        text = _SECTION_SUFFIX.sub("", text)
    return text


def content_words(text: str, common: frozenset[str], min_length: int = 4) -> set[str]:
    return {
        w
        for w in (m.casefold().strip("’'-") for m in _WORD.findall(text))
        if len(w) >= min_length and w not in common
    }


def overlap(words: set[str], known: Iterable[str] | set[str]) -> float:
    """The share of `words` found in `known` (1.0 for no words)."""
    if not words:
        return 1.0
    pool = known if isinstance(known, set) else set(known)
    return len(words & pool) / len(words)


def glued_double(text: str) -> str | None:
    """The line printed twice with nothing between ("Oil Exports ResumeOil Exports
    Resume"), as the half, or None."""
    stripped = text.strip()
    half, odd = divmod(len(stripped), 2)
    if half < 8:
        return None
    first, second = stripped[:half], stripped[half + odd :]
    if first == second or first.strip() == stripped[half:].strip():
        return first.strip()
    return None
