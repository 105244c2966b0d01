"""Pair the quote marks of each paragraph, as an editor reads them.

Marks pair within their paragraph, innermost first. A double closing mark closes the
nearest open double quote (any single quote left open inside it is unclosed); a
single closing mark closes only a single quote that is innermost, otherwise it is an
apostrophe (the Joneses’ house), so a stray single closer is never reported. Quotes
left open at a paragraph's end are excused when the next paragraph opens with a mark
of the same family: the news convention for a quotation running over paragraphs. Not
when the open quotation is attributed inside its own paragraph (", said the minister",
", he added."): the writer left it open before the attribution, and the next
paragraph's mark opens another quotation.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Iterable
from typing import TYPE_CHECKING

import msgspec
import regex

from claimlint import regex_cache
from claimlint.document import Analysis
from claimlint.quotes.marks import COMPATIBLE, Family, Mark, Role, find_marks, mark_offsets

if TYPE_CHECKING:
    from claimlint.document import Document

# What may precede the first mark of a paragraph that continues a quotation:
# indentation and Markdown blockquote, list and emphasis markers.
_PARAGRAPH_LEAD = regex_cache.re_compile(r"[\s>*_]*(?:[-+]\s+)?[\s*_]*")


class Pair(msgspec.Struct, frozen=True):
    opening: Mark
    closing: Mark

    @property
    def mismatched(self) -> bool:
        return (self.opening.char, self.closing.char) not in COMPATIBLE


class ParagraphQuotes(msgspec.Struct):
    """The quote marks of one paragraph and how they pair."""

    start: int
    end: int
    marks: list[Mark]
    pairs: list[Pair] = msgspec.field(default_factory=list)
    unclosed: list[Mark] = msgspec.field(default_factory=list)
    unopened: list[Mark] = msgspec.field(default_factory=list)
    #: unclosed marks that the next paragraph continues (not errors)
    continued: list[Mark] = msgspec.field(default_factory=list)

    def closers(self) -> list[Mark]:
        """Marks that acted as closing quotes, in text order."""
        found = [pair.closing for pair in self.pairs] + self.unopened
        return sorted(found, key=lambda mark: mark.offset)


class QuoteAnalysis(msgspec.Struct, frozen=True):
    paragraphs: list[ParagraphQuotes]

    def unclosed(self) -> list[tuple[Mark, ParagraphQuotes]]:
        return [(mark, para) for para in self.paragraphs for mark in para.unclosed]

    def unopened(self) -> list[tuple[Mark, ParagraphQuotes]]:
        return [(mark, para) for para in self.paragraphs for mark in para.unopened]

    def pairs(self) -> list[Pair]:
        return [pair for para in self.paragraphs for pair in para.pairs]


def pair_marks(start: int, end: int, marks: list[Mark]) -> ParagraphQuotes:
    """Pair the marks of one paragraph (`start`..`end`)."""
    result = ParagraphQuotes(start, end, marks)
    if not marks:
        return result
    stack: list[Mark] = []

    def close_double(closing: Mark) -> bool:
        for index in range(len(stack) - 1, -1, -1):
            if stack[index].family is Family.DOUBLE:
                result.unclosed.extend(stack[index + 1 :])
                result.pairs.append(Pair(stack[index], closing))
                del stack[index:]
                return True
        return False

    for index, mark in enumerate(marks):
        role = mark.role
        if role in (Role.APOSTROPHE, Role.PRIME):
            continue
        if mark.family is Family.SINGLE:
            if role is Role.OPEN:
                stack.append(mark)
            elif stack and stack[-1].family is Family.SINGLE:
                if _apostrophe_before_closing(marks, index, stack):
                    continue
                result.pairs.append(Pair(stack.pop(), mark))
            # otherwise an apostrophe after a word, or a stray mark between spaces
            continue
        if role is Role.OPEN:
            stack.append(mark)
        elif role is Role.CLOSE:
            if close_double(mark):
                continue
            if mark.char == '"' and _straight_closer_follows(marks, index):
                # `said that" the goal is training"`: a misspaced opening mark
                stack.append(mark)
            else:
                result.unopened.append(mark)
        elif role is Role.CLOSE_OR_PRIME:
            # an inch mark, unless it is the right mark to close the innermost quote
            if stack and (stack[-1].char, mark.char) in COMPATIBLE:
                close_double(mark)
        elif stack and stack[-1].family is Family.DOUBLE:
            close_double(mark)
        else:
            stack.append(mark)
    result.unclosed.extend(stack)
    result.unclosed.sort(key=lambda mark: mark.offset)
    return result


def _straight_closer_follows(marks: list[Mark], index: int) -> bool:
    return any(
        later.char == '"' and later.role in (Role.CLOSE, Role.EITHER, Role.CLOSE_OR_PRIME)
        for later in marks[index + 1 :]
    )


def _apostrophe_before_closing(marks: list[Mark], index: int, stack: list[Mark]) -> bool:
    """Is this closing single mark a possessive inside the quote it seems to close?

    In `‘the players'’` and `‘the players' union’` a later mark is the right one to
    close the quote; in `''Hello''` two single quotes are open and both close."""
    mark, opening = marks[index], stack[-1]
    if (opening.char, mark.char) in COMPATIBLE:
        following = marks[index + 1] if index + 1 < len(marks) else None
        return (
            following is not None
            and following.offset == mark.offset + 1
            and following.family is Family.SINGLE
            and following.role in (Role.CLOSE, Role.EITHER)
            and not (len(stack) > 1 and stack[-2].family is Family.SINGLE)
        )
    depth = 0  # quotes opened after this mark, skipped over roughly
    for later in marks[index + 1 :]:
        if later.role is Role.OPEN:
            depth += 1
        elif later.role in (Role.CLOSE, Role.EITHER):
            if depth:
                depth -= 1
            elif (opening.char, later.char) in COMPATIBLE:
                return True
        elif later.role is Role.CLOSE_OR_PRIME and depth:
            depth -= 1  # `‘players' “3.5”’`: after a digit, a mark may still close
    return False


class QuotePairing(Analysis[QuoteAnalysis]):
    """The quote marks of every paragraph of a document, paired, with `elisions` (words
    written with a leading apostrophe) not taken for quotes, and `attribution` (see
    `attribution_pattern`) ending a quotation that the next paragraph would continue.
    Two pairings with the same patterns are one memo key."""

    __slots__ = ("attribution", "elisions")

    def __init__(
        self, elisions: regex.Pattern[str], attribution: regex.Pattern[str] | None = None
    ) -> None:
        self.elisions = elisions
        self.attribution = attribution

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, QuotePairing)
            and other.elisions == self.elisions
            and other.attribution == self.attribution
        )

    def __hash__(self) -> int:
        return hash((self.elisions, self.attribution))

    def compute(self, doc: Document) -> QuoteAnalysis:
        return analyse(doc, self.elisions, self.attribution)


def attribution_pattern(verbs: Iterable[str]) -> regex.Pattern[str] | None:
    """A speaker named after a comma inside a quotation: ", said the minister", ", said
    Rashid", ", he said,", ", the minister added.", ", Rashid told reporters". None
    without verbs."""
    words = sorted({w.strip().casefold() for w in verbs if w.strip()}, key=lambda w: (-len(w), w))
    if not words:
        return None
    verb = "(?i:" + "|".join(regex.escape(w) for w in words) + r")\b"
    name = r"\p{Lu}[\p{L}\p{M}’'-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}’'-]*){0,3}"
    subject = rf"(?:(?i:he|she|they)|(?i:the)[ \t]+\p{{L}}+(?:[ \t]+\p{{L}}+)?|{name})"
    return regex_cache.compile(
        rf",[ \t]+(?:{verb}[ \t]+(?:\p{{Lu}}|(?i:the|his|her|their)[ \t])"
        rf"|{subject}[ \t]+{verb}(?:[ \t]*[,.;]|[ \t]+(?i:reporters|journalists)\b))"
    )


def analyse(
    doc: Document, elisions: regex.Pattern[str], attribution: regex.Pattern[str] | None = None
) -> QuoteAnalysis:
    """The quote marks of every paragraph of `doc`, paired."""
    text = doc.lint_text
    offsets = mark_offsets(text)
    paragraphs = []
    for p in doc.paragraphs:
        mine = offsets[bisect_left(offsets, p.start) : bisect_left(offsets, p.end)]
        marks = find_marks(text, p.start, p.end, elisions, mine) if mine else []
        paragraphs.append(pair_marks(p.start, p.end, marks))
    for current, following in itertools.pairwise(paragraphs):
        _excuse_continued(text, current, following, attribution)
    return QuoteAnalysis(paragraphs)


def _excuse_continued(
    text: str,
    current: ParagraphQuotes,
    following: ParagraphQuotes,
    attribution: regex.Pattern[str] | None,
) -> None:
    if not current.unclosed or not following.marks:
        return
    first = following.marks[0]
    lead = _PARAGRAPH_LEAD.match(text, following.start, following.end)
    if first.role is not Role.OPEN or lead is None or lead.end() != first.offset:
        return
    continued = [
        m
        for m in current.unclosed
        if m.family is first.family and not _attributed(text, m, current, attribution)
    ]
    current.continued = continued
    current.unclosed = [m for m in current.unclosed if m not in continued]


def _attributed(
    text: str, mark: Mark, para: ParagraphQuotes, attribution: regex.Pattern[str] | None
) -> bool:
    """Is the quotation `mark` opens attributed in its own words, before its paragraph
    ends? Quotations nested in it (paired inside the paragraph) are its speaker's words."""
    if attribution is None:
        return False
    start = mark.offset + 1
    for pair in sorted(para.pairs, key=lambda p: p.opening.offset):
        if pair.opening.offset < start:
            continue
        if attribution.search(text, start, pair.opening.offset) is not None:
            return True
        start = pair.closing.offset + 1
    return attribution.search(text, start, para.end) is not None
