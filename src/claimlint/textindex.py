"""Where short marks (sentence ends, clause marks) stand in a text, found once per text.

Asking "where does the sentence around this date begin?" with `str.rfind` scans back
to the start of the text when there is no such mark, once per date: quadratic in a
long text without one. Here the marks are listed once, the list is kept for the text
last asked about (compared by identity: a document's text is one object), and each
question is a binary search.
"""

from __future__ import annotations

import re
from bisect import bisect_left

#: pattern -> (text, [(start, end) of each mark]); one text per pattern at a time
_CACHE: dict[re.Pattern[str], tuple[str, list[tuple[int, int]]]] = {}


def marks(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """Every mark of `pattern` (a lookahead with one group, so marks may overlap) in
    `text`, as (start, end), in order."""
    hit = _CACHE.get(pattern)
    if hit is not None and hit[0] is text:
        return hit[1]
    found = [(m.start(), m.start() + len(m.group(1))) for m in pattern.finditer(text)]
    _CACHE[pattern] = (text, found)
    return found


def last_within(found: list[tuple[int, int]], low: int, high: int) -> int:
    """The start of the last mark lying wholly in `[low, high)`, else -1 (what the
    largest `text.rfind(mark, low, high)` over the marks gives)."""
    index = bisect_left(found, (high, -1)) - 1
    while index >= 0 and found[index][0] >= low:
        start, end = found[index]
        if end <= high:
            return start
        index -= 1
    return -1


def first_within(found: list[tuple[int, int]], low: int, high: int) -> int:
    """The start of the first mark lying wholly in `[low, high)`, else -1 (what the
    smallest `text.find(mark, low, high)` over the marks gives)."""
    index = bisect_left(found, (low, -1))
    while index < len(found) and found[index][0] < high:
        start, end = found[index]
        if end <= high:
            return start
        index += 1
    return -1
