"""Photo captions and credits: what a line must look like to be one.

A credit at the end of a line ("(AP Photo/Emrah Gurel)", "REUTERS/Khalid al-Mousily",
"/ AFP") makes the line a caption unless what stands before it reports speech (said,
told, a quotation): then the credit is glued to a paragraph, not a caption. Credits
are strong (the wire formats: "AP Photo", "REUTERS/Name", "Photo by") or weak (an
agency after a separator: " / Reuters", " - AAWSAT"), which a reported sentence
turns into a glued tag.

A line without a credit is a caption by score, one point for each of: a picture verb
in the present ("waves", "gather", "is seen") after its subject, a date, a hint
("(L)", ", right,", an upper-case tag), no closing full stop in a line with an article
("a", "the": headlines, which have no stop either, drop them). A colon marks a
headline or a label ("Guns and poses: Inside …"), not a caption. A caption lead ("FILE -",
"This photo shows", "A still from video") or tag ("(archive)", "- file picture") is
enough alone. Speech (said, told, quotation marks), the first or second person and a
question end the test: such a line is copy.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

import msgspec

from claimlint import patterns, regex_cache
from claimlint.debris.lexicon import GLUED_WINDOW, Slots

_WORD = regex_cache.compile(r"[\p{L}][\p{L}’'-]*")
_QUOTATION = regex_cache.compile(r"[“”„«»]|(?<![\w])\"|\"(?![\w])")
# (?r): these patterns end at \Z, so a reverse search tries the end of the text first
# instead of every offset of it (only whether they match is used)
_FINAL_STOP = regex_cache.compile(r"(?r)[.!?][\"”’')\]]*\s*\Z")
#: a sentence of prose ends so ("… in the capital."); no credit does
_PROSE_END = regex_cache.compile(r"(?r)\p{Ll}[.!?][\"”’']?\s*\Z")
_QUESTION = regex_cache.compile(r"(?r)\?[\"”’')\]]*\s*\Z")
_CACHED_LINES = 4096


class Credit(msgspec.Struct, frozen=True):
    #: where the credit starts in the unit's text
    start: int
    strong: bool


class CaptionSettings(msgspec.Struct, frozen=True):
    strong_tails: Sequence[str]
    weak_tails: Sequence[str]
    credit_lines: Sequence[str]
    leads: Sequence[str]
    tags: Sequence[str]
    hints: Sequence[str]
    picture_verbs: Sequence[str]
    verb_blockers: Sequence[str]
    speech: Sequence[str]
    persons: Sequence[str]
    articles: Sequence[str]
    min_score: int


class CaptionModel:
    def __init__(self, settings: CaptionSettings, slots: Slots, field: str) -> None:
        # matched backwards from the end of a line: only its end can hold a credit
        tail = r"(?r)(?<!\S)(?P<credit>{})\s*\Z"
        # a wire's credit may close with a full stop ("... suspects. Photo: DCI.")
        strong_tail = r"(?r)(?<!\S)(?P<credit>{})\.?\s*\Z"
        self.strong = slots.compile(settings.strong_tails, f"{field}.strong_credits", strong_tail)
        self.weak = slots.compile(settings.weak_tails, f"{field}.agency_credits", tail)
        self.credit_line = slots.compile(settings.credit_lines, f"{field}.credit_lines")
        self.leads = slots.compile(settings.leads, f"{field}.caption_leads", r"\A{}")
        self.tags = slots.compile(settings.tags, f"{field}.caption_tags")
        self.hints = slots.compile(settings.hints, f"{field}.caption_hints")
        self.date = slots.compile(["<date>"], f"{field}.slots.date")
        self.verbs = _verb_forms(settings.picture_verbs)
        self.blockers = frozenset(w.casefold() for w in settings.verb_blockers)
        self.speech = slots.compile(settings.speech, f"{field}.speech_words", r"\b{}\b")
        self.persons = frozenset(w.lower() for w in settings.persons)
        self.articles = frozenset(w.casefold() for w in settings.articles)
        self.min_score = settings.min_score
        # a unit is asked whether it is a body paragraph, a headline and a caption
        self.strong_shape = functools.lru_cache(maxsize=_CACHED_LINES)(self._strong_shape)
        #: the signs of a caption's shape, one point each, the cheapest first
        self.signs: tuple[Callable[[str], bool], ...] = (
            self._no_stop_with_article,
            self.picture_verb,
            self._hint,
            self._date,
        )

    def credit(self, text: str) -> Credit | None:
        """The credit that ends `text`, if any (the strong reading first)."""
        if _PROSE_END.search(text):
            return None
        window = max(0, len(text) - GLUED_WINDOW)
        for pattern, strong in ((self.strong, True), (self.weak, False)):
            found = patterns.match_end(pattern, text, window)
            if found is not None:
                return Credit(int(found.start("credit")), strong)
        return None

    def is_credit_line(self, key: str) -> bool:
        return bool(patterns.fullmatch(self.credit_line, key))

    def speaks(self, text: str) -> bool:
        """Does `text` quote, report speech or speak in the first or second person?"""
        return bool(_QUOTATION.search(text)) or self.reports_speech(text)

    def reports_speech(self, text: str) -> bool:
        """Does `text` report speech or speak in the first or second person?"""
        if patterns.search(self.speech, text):
            return True
        # as written or capitalised at a sentence's start: "US" is a country
        return any(
            w in self.persons or (w.capitalize() == w and w.lower() in self.persons)
            for w in _WORD.findall(text)
        )

    def _strong_shape(self, text: str) -> bool:
        """A caption lead or tag: enough alone."""
        return bool(patterns.search(self.leads, text) or patterns.search(self.tags, text))

    def score(self, text: str) -> int:
        """Points for the caption shape of a line without a credit (see the module)."""
        if ": " in text:
            return 0
        return sum(1 for sign in self.signs if sign(text))

    def scores(self, text: str, points: int) -> bool:
        """Is `score(text)` at least `points`? The signs are asked from the cheapest, and
        no more once the answer is known (the date is the dearest: most lines have none)."""
        if points <= 0:
            return True
        if ": " in text:
            return False
        signs = self.signs
        for index, sign in enumerate(signs):
            if sign(text):
                points -= 1
                if points == 0:
                    return True
            if points > len(signs) - index - 1:
                return False
        return False

    def _no_stop_with_article(self, text: str) -> bool:
        # no closing stop, as captions and headlines have; headlines drop articles
        return not _FINAL_STOP.search(text) and any(
            w.casefold() in self.articles for w in _WORD.findall(text)
        )

    def _hint(self, text: str) -> bool:
        return bool(patterns.search(self.hints, text))

    def _date(self, text: str) -> bool:
        return bool(patterns.search(self.date, text))

    def picture_verb(self, text: str) -> bool:
        """A present-tense picture verb in lower case after at least one word of
        subject, with no auxiliary, article or "to" right before it ("waves", "are
        seen")."""
        words = _WORD.findall(text)[:14]
        for i in range(1, len(words)):
            word = words[i]  # in lower case: "March" is a month, "Wave" a headline's
            if word in self.verbs and words[i - 1].casefold() not in self.blockers:
                return True
        return False

    def shows_picture(self, text: str) -> bool:
        """A picture verb or a hint ("(L)", ", right,"): what a caption says of its picture."""
        return self.picture_verb(text) or self._hint(text)

    def ends_as_prose(self, text: str) -> bool:
        """Does `text` end as a sentence of prose does ("… in the capital.")?"""
        return bool(_PROSE_END.search(text))

    def is_question(self, text: str) -> bool:
        return bool(_QUESTION.search(text))


def _verb_forms(bases: Sequence[str]) -> frozenset[str]:
    """The present-tense forms of picture verbs: "wave" gives wave, waves; "carry"
    carry, carries; "is seen" stays a phrase's last word ("seen") after is/are."""
    forms: set[str] = set()
    for base in bases:
        word = base.strip().casefold()
        if not word:
            continue
        forms.add(word)
        if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
            forms.add(word[:-1] + "ies")
        elif word.endswith(("s", "sh", "ch", "x", "z", "o")):
            forms.add(word + "es")
        else:
            forms.add(word + "s")
    return frozenset(forms)


def final_stop(text: str) -> bool:
    return bool(_FINAL_STOP.search(text))


def any_match(pattern: Any, text: str) -> bool:
    return patterns.search(pattern, text) is not None
