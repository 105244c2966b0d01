"""Event nouns: the words by which an article names one event without a facts file
("the earthquake", "the strike"), for the in-article timeline check. The nouns
themselves are options of the timeline check (rules/timeline.yaml)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from claimlint import regex_cache

#: a definite determiner before the noun, perhaps with a word or two between:
#: "the earthquake", "the deadly quake", "Friday's blast"
DEFINITE_BEFORE = regex_cache.re_compile(
    r"(?i)(?:\b(?:the|that|this)|[A-Z][\w-]*['’]s)\s+(?P<mods>(?:[\w.,-]+\s+){0,2})$"
)
#: any determiner: a noun without one ("killing 117 people") is a verb form, not an event
DETERMINER_BEFORE = regex_cache.re_compile(
    r"(?i)(?:\b(?:the|a|an|this|that|its|their|his|her|our)|[A-Z][\w-]*['’]s)"
    r"\s+(?:[\w.,-]+\s+){0,2}$"
)
#: modifiers that make the noun another instance: "the next election", "a 2019 attack"
OTHER_INSTANCE = regex_cache.re_compile(
    r"(?i)\b(?:next|previous|last|first|second|third|another|earlier|later|new|upcoming|"
    r"recent|latest|former|prior|subsequent|similar|other|\d{4}|\d+(?:st|nd|rd|th))\b"
)


class EventNouns:
    """The nouns by which an article names an event: `unique` ones name one event ("the
    earthquake" means the one already dated), `common` ones often name several ("the
    attack"), so a later mention must share a name with the dated one. Each maps a
    word to its event key ("quake" → "earthquake")."""

    def __init__(self, unique: Mapping[str, str], common: Mapping[str, str]) -> None:
        self.unique = {k.lower(): v for k, v in unique.items()}
        self.common = {k.lower(): v for k, v in common.items()}
        words = sorted({*self.unique, *self.common}, key=lambda s: (-len(s), s))
        alternation = "|".join(re.escape(w) for w in words) or "(?!)"
        self.noun = regex_cache.re_compile(r"\b(?:" + alternation + r")\b(?!-)", re.IGNORECASE)

    def canonical(self, noun: str) -> tuple[str, bool]:
        """The event key of a noun and whether it names a unique event."""
        word = noun.lower()
        if word in self.unique:
            return self.unique[word], True
        return self.common[word], False
