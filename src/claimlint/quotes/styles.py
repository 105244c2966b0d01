"""The typographic styles of a document's quotations: straight, curly, low-9, guillemet.

Each quotation counts once, by its opening mark (a lone mark by itself); apostrophes
and primes are not quotations, and a mismatched pair is reported on its own. The
headline keeps a style of its own: wire headlines put straight single quotes
('sovereign decision') over a body that quotes with curly double ones.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from claimlint.quotes.marks import Mark, Style
from claimlint.quotes.pairing import ParagraphQuotes, QuoteAnalysis

#: a headline is one line of at most this many words ...
_HEADLINE_WORDS = 25
#: ... that does not end with a full stop (a first paragraph does)
_FULL_STOP = regex.compile(r"\.[\"”’')\]]*\s*\Z")


@dataclass(frozen=True, slots=True)
class StyleMix:
    counts: list[tuple[Style, int]]  # most used first
    #: first quotation of the least used style (on a tie, the one met first)
    first_minority: Mark
    first_majority: Mark


def headline(text: str, analysis: QuoteAnalysis) -> ParagraphQuotes | None:
    """The document's first paragraph when it has a headline's shape."""
    if not analysis.paragraphs:
        return None
    first = analysis.paragraphs[0]
    words = text[first.start : first.end]
    if "\n" in words.strip() or len(words.split()) > _HEADLINE_WORDS:
        return None
    return None if _FULL_STOP.search(words) else first


def style_mix(analysis: QuoteAnalysis, skip: ParagraphQuotes | None = None) -> StyleMix | None:
    """How the document mixes quotation styles, or None when it keeps to one; the
    paragraph `skip` (the headline) is left out."""
    quotations: list[Mark] = []
    for para in analysis.paragraphs:
        if para is skip:
            continue
        quotations += [pair.opening for pair in para.pairs if not pair.mismatched]
        quotations += para.unclosed + para.continued + para.unopened
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
