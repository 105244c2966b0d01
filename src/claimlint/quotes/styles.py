"""The typographic styles of a document's quotations: straight, curly, low-9, guillemet.

Each quotation counts once, by its opening mark (a lone mark by itself); apostrophes
and primes are not quotations, and a mismatched pair is reported on its own. The
head of an article (its headline and whatever stands before the first sentence of
the body) keeps a style of its own: wire headlines put straight single quotes
('sovereign decision') over a body that quotes with curly double ones.
"""

from __future__ import annotations

from collections import Counter

import msgspec

from claimlint import regex_cache
from claimlint.quotes.marks import Mark, Style
from claimlint.quotes.pairing import QuoteAnalysis

#: the head of an article (headline, standfirst, page lines) is at most this many lines
#: before the first line that ends a sentence
_HEAD_LINES = 8
# (?r): these patterns end at \Z, so a reverse search tries the end of the text first
# instead of every offset of it (only whether they match is used)
_SENTENCE_END = regex_cache.compile(r"(?r)[.!?][\"”’')\]]*\s*\Z")
_LINE = regex_cache.compile(r"[^\n]+")


class StyleMix(msgspec.Struct, frozen=True):
    counts: list[tuple[Style, int]]  # most used first
    #: first quotation of the least used style (on a tie, the one met first)
    first_minority: Mark
    first_majority: Mark


def head_end(text: str) -> int:
    """Where the head of the article ends: the start of its first line that ends a
    sentence (0 when none of the first lines does)."""
    for count, line in enumerate(_LINE.finditer(text)):
        if count >= _HEAD_LINES:
            return 0
        if _SENTENCE_END.search(line.group()):
            return line.start()
    return 0


def style_mix(analysis: QuoteAnalysis, body_start: int = 0) -> StyleMix | None:
    """How the document mixes quotation styles from `body_start` on (the head, with
    the headline, left out), or None when it keeps to one."""
    quotations: list[Mark] = []
    for para in analysis.paragraphs:
        quotations += [pair.opening for pair in para.pairs if not pair.mismatched]
        quotations += para.unclosed + para.continued + para.unopened
    quotations = [mark for mark in quotations if mark.offset >= body_start]
    quotations.sort(key=lambda mark: mark.offset)
    counts = Counter(mark.style for mark in quotations)
    if len(counts) < 2:
        return None
    first: dict[Style, Mark] = {}
    for mark in quotations:
        first.setdefault(mark.style, mark)
    # most used first; on a tie, the style met first counts as the document's own
    ranked = sorted(counts, key=lambda style: (-counts[style], first[style].offset))
    minority = min(ranked[1:], key=lambda style: (counts[style], first[style].offset))
    return StyleMix(
        counts=[(style, counts[style]) for style in ranked],
        first_minority=first[minority],
        first_majority=first[ranked[0]],
    )
