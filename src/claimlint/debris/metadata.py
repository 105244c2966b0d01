"""Page metadata lines: a date, a time or "2 hours ago", with at most a few words of
label or source around it ("Posted: 16 Mar 2015 04:51 PM", "Shafaq News2 days ago",
"Source: Global Times | 2020/7/27 21:38:40", "9th March, 2023").

The words left once the stamps and separators are taken out must be few, and each
either capitalised (a source, a name) or a label word of the `metadata_words` option
("posted", "published", "on"): "It happened on March 3, 2021." leaves "happened",
which is prose. A line whose other words are all in capitals is a dateline
("BAGHDAD, March 23"), which is copy.
"""

from __future__ import annotations

from typing import Any

import msgspec

from claimlint import patterns, regex_cache

_TOKEN = regex_cache.compile(r"[\p{L}\p{N}][\p{L}\p{N}’'.-]*")
_NUMBER = regex_cache.compile(r"[\d.,:/-]+\Z")
#: a line longer than this many characters a word is not a page's time stamp
_CHARS_PER_WORD = 16


class MetadataModel(msgspec.Struct, frozen=True):
    stamp: Any  # the compiled <stamp> slot: dates, times, "an hour ago"
    label_words: frozenset[str]
    max_words: int
    max_label_words: int
    #: words of a headline that carries its date ("Kyodo News Digest: Aug. 28, 2024")
    title_words: frozenset[str] = frozenset()

    def is_metadata(self, text: str) -> bool:
        words = self._label_words(text)
        if words is None or len(words) > self.max_label_words:
            return False
        if any(w.casefold() in self.title_words for w in words):
            return False  # a headline: "Morning Briefing: June 5, 2024"
        if words and all(w.isupper() and len(w) > 1 for w in words):
            return False  # a dateline: "BAGHDAD, March 23"
        return all(w[0].isupper() or w.casefold() in self.label_words for w in words)

    def is_bare_stamp(self, text: str) -> bool:
        """Is `text` a stamp alone ("3:45 p.m.", "March 3, 2021"), with no label?"""
        return self._label_words(text) == []

    def _label_words(self, text: str) -> list[str] | None:
        """The words of a short line besides its stamps, or None when the line is too
        long or has no stamp."""
        if len(text) > _CHARS_PER_WORD * self.max_words or len(text.split()) > self.max_words:
            return None
        stamps = list(patterns.finditer(self.stamp, text))
        if not stamps:
            return None
        rest = []
        last = 0
        for found in stamps:
            rest.append(text[last : found.start()])
            last = found.end()
        rest.append(text[last:])
        return [w for w in _TOKEN.findall(" ".join(rest)) if not _NUMBER.match(w)]
