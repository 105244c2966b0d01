"""The typographic styles of a document's quotations: straight, curly, low-9, guillemet.

Each quotation counts once, by its opening mark (a lone mark by itself); apostrophes
and primes are not quotations, and a mismatched pair is reported on its own.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from claimlint.quotes.marks import Mark, Style
from claimlint.quotes.pairing import QuoteAnalysis


@dataclass(frozen=True, slots=True)
class StyleMix:
    counts: list[tuple[Style, int]]  # most used first
    #: first quotation of the least used style (on a tie, the one met first)
    first_minority: Mark
    first_majority: Mark


def style_mix(analysis: QuoteAnalysis) -> StyleMix | None:
    """How the document mixes quotation styles, or None when it keeps to one."""
    quotations: list[Mark] = []
    for para in analysis.paragraphs:
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
