"""Where the article's body stands among a page's lines, and its headline.

A body paragraph is a unit that reads as prose: enough words, a sentence's end (a
full stop, question or exclamation mark, perhaps inside a closing quote or bracket;
not an ellipsis, which ends excerpts), some words in lower case, and no phrase of the
furniture lexicon. The body runs from the first such paragraph to the last, or to a
shorter sentence after it ("No injuries were reported." ends many stories); a line is
before it, inside it or after it. Structural evidence (a date line, a run of teasers)
is only taken outside the body; inside it, a line must show what it is (a lexicon
phrase, a credit, a caption's shape).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

import msgspec

from claimlint import regex_cache
from claimlint.debris.units import Unit

Region = Literal["before", "inside", "after", "outside"]

# (?r): these patterns end at \Z, so a reverse search tries the end of the text first
# instead of every offset of it (only whether they match is used)
_SENTENCE_END = regex_cache.compile(r"(?r)(?<![.…])[.!?][\"”’')\]»]*\s*\Z")
_LOWER_WORD = regex_cache.compile(r"\b\p{Ll}[\p{L}’'-]+")


def is_sentence(text: str) -> bool:
    """Does `text` end as a sentence does (not with an ellipsis or a bare label)?"""
    return bool(_SENTENCE_END.search(text))


def prose_shape(unit: Unit) -> bool:
    """What a body paragraph asks of a unit besides its length: not a heading or an
    image, a sentence's end, and a third of its words in lower case."""
    if unit.markup in ("heading", "image") or not is_sentence(unit.text):
        return False
    need = len(unit.words) // 3
    # counted until there are enough: prose reaches a third well before its end
    for count, _ in enumerate(_LOWER_WORD.finditer(unit.text), 1):
        if count >= need:
            return True
    return need == 0


class Layout(msgspec.Struct, frozen=True):
    units: Sequence[Unit]
    first_body: int | None
    last_body: int | None
    headline: int | None

    def region(self, index: int) -> Region:
        if self.first_body is None or self.last_body is None:
            return "outside"
        if index < self.first_body:
            return "before"
        if index > self.last_body:
            return "after"
        return "inside"

    def body_units(self) -> Sequence[Unit]:
        if self.first_body is None or self.last_body is None:
            return ()
        return self.units[self.first_body : self.last_body + 1]


def find_layout(
    units: Sequence[Unit],
    is_body: Callable[[Unit], bool],
    ends_body: Callable[[Unit], bool],
    may_be_headline: Callable[[Unit], bool],
    closing: Callable[[int], int | None] = lambda _: None,
) -> Layout:
    """The layout of `units`: the body from the first unit `is_body` accepts to the
    last one it or `ends_body` (a shorter sentence) accepts, before the unit `closing`
    names after the first (where the page's closing furniture begins: what follows,
    prose or not, is other stories)."""
    body = [u.index for u in units if is_body(u)]
    first = body[0] if body else None
    last = body[-1] if body else None
    if first is not None:
        end = closing(first)
        stop = len(units) if end is None else end
        last = max(
            [
                first,
                *(i for i in body if i < stop),
                *(u.index for u in units[first:stop] if ends_body(u)),
            ]
        )
    limit = first if first is not None else min(len(units), 12)
    headline = _headline(units[:limit], may_be_headline)
    return Layout(units, first, last, headline)


def _headline(head: Sequence[Unit], may_be_headline: Callable[[Unit], bool]) -> int | None:
    """The headline: a Markdown heading if the head has one, else its first unit that
    is not furniture and has a few words."""
    headings = [u for u in head if u.markup == "heading" and may_be_headline(u)]
    if headings:
        return headings[0].index
    for unit in head:
        if unit.markup != "bullet" and len(unit.words) >= 2 and may_be_headline(unit):
            return unit.index
    return None
