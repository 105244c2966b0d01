"""Event nouns: the words by which an article names one event without a facts file
("the earthquake", "the strike"), for the in-article timeline check."""

from __future__ import annotations

import re

#: nouns that name one event in an article: "the earthquake" means the one already dated
UNIQUE = {
    "earthquake": "earthquake",
    "quake": "earthquake",
    "tsunami": "tsunami",
    "eruption": "eruption",
    "explosion": "explosion",
    "blast": "explosion",
    "coup": "coup",
    "assassination": "assassination",
    "inauguration": "inauguration",
    "referendum": "referendum",
    "hurricane": "hurricane",
    "cyclone": "cyclone",
    "typhoon": "typhoon",
    "massacre": "massacre",
    "invasion": "invasion",
    "landslide": "landslide",
    "derailment": "derailment",
}
#: nouns that often name several events in one article: the later mention must share a
#: name with the dated one ("the strike that killed Soleimani")
COMMON = {
    "strike": "strike",
    "airstrike": "strike",
    "attack": "attack",
    "bombing": "bombing",
    "raid": "raid",
    "shooting": "shooting",
    "fire": "fire",
    "crash": "crash",
    "election": "election",
    "killing": "killing",
    "ambush": "ambush",
    "flood": "flood",
    "floods": "flood",
    "storm": "storm",
}
_ALL = sorted({*UNIQUE, *COMMON}, key=len, reverse=True)
NOUN = re.compile(r"\b(?:" + "|".join(_ALL) + r")\b(?!-)", re.IGNORECASE)
#: a definite determiner before the noun, perhaps with a word or two between:
#: "the earthquake", "the deadly quake", "Friday's blast"
DEFINITE_BEFORE = re.compile(
    r"(?i)(?:\b(?:the|that|this)|[A-Z][\w-]*['’]s)\s+(?P<mods>(?:[\w.,-]+\s+){0,2})$"
)
#: any determiner: a noun without one ("killing 117 people") is a verb form, not an event
DETERMINER_BEFORE = re.compile(
    r"(?i)(?:\b(?:the|a|an|this|that|its|their|his|her|our)|[A-Z][\w-]*['’]s)"
    r"\s+(?:[\w.,-]+\s+){0,2}$"
)
#: modifiers that make the noun another instance: "the next election", "a 2019 attack"
OTHER_INSTANCE = re.compile(
    r"(?i)\b(?:next|previous|last|first|second|third|another|earlier|later|new|upcoming|"
    r"recent|latest|former|prior|subsequent|similar|other|\d{4}|\d+(?:st|nd|rd|th))\b"
)


def canonical(noun: str) -> tuple[str, bool]:
    """The event key of a noun and whether it names a unique event."""
    word = noun.lower()
    if word in UNIQUE:
        return UNIQUE[word], True
    return COMMON[word], False
