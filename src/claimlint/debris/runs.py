"""Runs of lines after the body: related-story teasers, and short lines among furniture.

A teaser tail is what a site prints under an article: the headlines of other stories,
one a line, perhaps with their source and time. After the last body paragraph, a run
of lines that are headline-like (no closing full stop, a headline's length, not a
byline, few words shared with the article) and of fillers between them (furniture
already found, short lines such as a source name or "01:00") is one finding when it
holds at least `teaser_min_lines` headlines.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import msgspec

from claimlint import regex_cache
from claimlint.debris.layout import is_sentence
from claimlint.debris.units import Unit
from claimlint.debris.words import content_words, overlap

_BYLINE = regex_cache.compile(r"(?i)\A(?:by|reporting by|written by|from)\s")


class TeaserSettings(msgspec.Struct, frozen=True):
    min_words: int
    max_words: int
    min_lines: int
    max_overlap: float
    filler_words: int
    common_words: frozenset[str]


class TeaserRun(msgspec.Struct, frozen=True):
    first: int  # unit index of the run's first line (teaser or short filler)
    last: int  # unit index of its last teaser
    teasers: int


def headline_like(
    unit: Unit, settings: TeaserSettings, article_words: Callable[[], set[str]]
) -> bool:
    words = unit.words
    if not settings.min_words <= len(words) <= settings.max_words:
        return False
    text = unit.text
    if is_sentence(text) or text.startswith("(") or _BYLINE.match(text):
        return False
    shared = overlap(content_words(text, settings.common_words), article_words())
    return shared <= settings.max_overlap


def teaser_runs(
    tail: Sequence[Unit],
    settings: TeaserSettings,
    article_words: Callable[[], set[str]],
    is_furniture: Callable[[Unit], bool],
) -> list[TeaserRun]:
    """The teaser runs among `tail` (the units after the body, in order);
    `article_words` gives the article's words, asked only when a line may be a teaser."""
    runs: list[TeaserRun] = []
    first: int | None = None
    last: int | None = None
    count = 0

    def close() -> None:
        if first is not None and last is not None and count >= settings.min_lines:
            runs.append(TeaserRun(first, last, count))

    for unit in tail:
        if headline_like(unit, settings, article_words) and not is_furniture(unit):
            if first is None:
                first = unit.index
            last = unit.index
            count += 1
        elif is_furniture(unit):
            continue
        elif len(unit.words) <= settings.filler_words and not is_sentence(unit.text):
            if first is None:
                first = unit.index
        else:
            close()
            first, last, count = None, None, 0
    close()
    return runs
