"""Broken quote boundaries: a closing quote with a capitalised fragment glued after it.

`with the United States.” Iraq Next April, “according to…` — translation moved the
quote marks, so a run of capitalised words hangs between two quotations. Clean copy
puts capitalised words after a closing quote all the time (`“We won,” Prime Minister
Boris Johnson said`), so a run counts as a broken boundary only when it has no verb
around it: it is squeezed, with a comma, between a closing quote and an opening one
that goes on in lower case (`“according`), or it carries a word that running text
never capitalises inside a name ("Next", "Last", "According"). A run that starts like
a sentence ("In April, “the ministry…") and headlines (title case) are left alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import msgspec

from claimlint import regex_cache
from claimlint.quotes.marks import Mark, Role
from claimlint.quotes.pairing import ParagraphQuotes

_CAPITALISED_WORD = r"\p{Lu}[\p{L}\p{M}\p{Nd}’'.\-]*"
_WORD = regex_cache.compile(r"\p{L}[\p{L}\p{M}’'\-]*")
_SENTENCE_END = regex_cache.compile(r"[.!?…:;][”’\"')\]*_]*\s*$")
#: a headline: most of its longer words start with a capital
_TITLE_CASE_SHARE = 0.6


class Boundary(msgspec.Struct, frozen=True):
    start: int  # the closing mark
    end: int  # end of the fragment (after its comma, if any)
    fragment: str  # the capitalised run and its comma
    before: str  # the few words that end the quotation, for the message


class BoundaryFinder:
    """Finds broken boundaries; built once per rule from its options."""

    def __init__(
        self,
        min_words: int,
        max_words: int,
        never_capitalised: Iterable[str],
        sentence_openers: Iterable[str],
    ) -> None:
        self.never_capitalised = frozenset(word.casefold() for word in never_capitalised)
        self.sentence_openers = frozenset(word.casefold() for word in sentence_openers)
        self.run = regex_cache.compile(
            rf"[ \t\u00a0]+(?P<run>{_CAPITALISED_WORD}(?:[ \t\u00a0]+{_CAPITALISED_WORD}){{{min_words - 1},{max_words - 1}}})"
            r"(?!\w)(?P<comma>,?)(?P<gap>[ \t\u00a0]*)"
        )

    def find(self, text: str, paragraph: ParagraphQuotes) -> Iterator[Boundary]:
        closers = paragraph.closers()
        if not closers or _is_headline(text[paragraph.start : paragraph.end]):
            return
        openers = {m.offset for m in paragraph.marks if m.role in (Role.OPEN, Role.EITHER)}
        for closer in closers:
            match = self.run.match(text, closer.offset + 1, paragraph.end)
            if match is None:
                continue
            words = match.group("run").split()
            glued_to_quote = (
                match.group("comma") == ","
                and match.end() in openers
                and text[match.end() + 1 : match.end() + 2].islower()
                and words[0].casefold() not in self.sentence_openers
            )
            odd_capital = any(
                word.rstrip(".").casefold() in self.never_capitalised for word in words[1:]
            )
            if not (glued_to_quote or odd_capital):
                continue
            end = match.end("comma")
            yield Boundary(
                start=closer.offset,
                end=end,
                fragment=text[match.start("run") : end],
                before=_last_words(text, paragraph.start, closer),
            )


def _last_words(text: str, start: int, closer: Mark, count: int = 3) -> str:
    head = text[max(start, closer.offset - 60) : closer.offset + 1]
    return " ".join(head.split()[-count:])


def _is_headline(paragraph: str) -> bool:
    stripped = paragraph.strip().lstrip("#").strip()
    if not stripped or "\n" in stripped or _SENTENCE_END.search(stripped):
        return False
    words = [w for w in _WORD.findall(stripped) if len(w) > 3]
    if not words:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= _TITLE_CASE_SHARE
