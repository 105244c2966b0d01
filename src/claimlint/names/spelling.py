"""When two spellings are one name: similarity of letters (rapidfuzz) and of sound.

The sound key folds what transliteration from Arabic, Persian or Russian lets drift
(Kadhimi, Kazemi, Kazimi; Soleimani, Suleimani; Sacchi, Saki) and then takes
jellyfish's metaphone of it. Names that differ in a consonant you can hear (Trump,
Truman; Iran, Iraq) keep different keys.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import jellyfish
from rapidfuzz import fuzz

from claimlint.names.lexicon import SURNAME_PREFIXES

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "‑": "-", "–": "-"})
_NOT_LETTER = re.compile(r"[^a-z]")
_REPEATS = re.compile(r"(.)\1+")

# Transliteration folds, applied in order to lowercase ASCII letters.
_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"cch", "k"),
        (r"ck", "k"),
        (r"q", "k"),
        (r"kh", "h"),
        (r"gh", "g"),
        (r"dh|dz|zh|z", "d"),
        (r"ph", "f"),
        (r"ou|oo|u|o|w(?=[^aeiou]|$)", "u"),
        (r"ee|ie|ei|ey|ay|ai|e|y(?![aeiou])|i", "i"),
        (r"'", ""),
    )
)


def ascii_fold(text: str) -> str:
    """Lowercase ASCII letters of a name: accents dropped, apostrophes unified."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def strip_prefix(name: str) -> str:
    """'al-Kadhimi' → 'Kadhimi': the article prefix comes and goes in good copy too."""
    lowered = name.casefold()
    for prefix in SURNAME_PREFIXES:
        if lowered.startswith(prefix) and len(name) > len(prefix) + 1:
            return name[len(prefix) :]
    return name


@lru_cache(maxsize=8192)
def spelling_key(name: str) -> str:
    """The letters that count when comparing spellings: 'Al-Kazemi' → 'kazemi'."""
    return _NOT_LETTER.sub("", ascii_fold(strip_prefix(name)))


@lru_cache(maxsize=8192)
def sound_key(name: str) -> str:
    """A key shared by transliterations of one name: 'Kadhimi', 'Kazemi' → same key."""
    folded = spelling_key(name)
    for pattern, replacement in _FOLDS:
        folded = pattern.sub(replacement, folded)
    return _REPEATS.sub(r"\1", folded)


@lru_cache(maxsize=8192)
def metaphone_key(name: str) -> str:
    folded = sound_key(name)
    return str(jellyfish.metaphone(folded)) if folded else ""


def similarity(a: str, b: str) -> float:
    """0-100: how alike two spellings are, letter by letter."""
    return float(fuzz.ratio(spelling_key(a), spelling_key(b)))


def same_spelling(a: str, b: str) -> bool:
    return spelling_key(a) == spelling_key(b)


def sounds_alike(a: str, b: str, *, min_similarity: float = 55, min_metaphone: float = 75) -> bool:
    """Two different spellings of what reads aloud as one name.

    Equal transliteration keys suffice when the letters are not far apart; an equal
    metaphone alone (Salman, Soleimani) needs the letters to agree more.
    """
    if not a or not b or same_spelling(a, b):
        return False
    key_a, key_b = sound_key(a), sound_key(b)
    if len(key_a) < 3 or len(key_b) < 3:
        return False
    score = similarity(a, b)
    if key_a == key_b:
        return score >= min_similarity
    if metaphone_key(a) == metaphone_key(b) and key_a[0] == key_b[0]:
        return score >= min_metaphone
    return False


def is_typo(a: str, b: str, *, min_similarity: float = 88) -> bool:
    """One slip of the keyboard in a long name (Bidne, Biden); needs other evidence."""
    if same_spelling(a, b):
        return False
    key_a, key_b = spelling_key(a), spelling_key(b)
    if min(len(key_a), len(key_b)) < 6:
        return False
    return (
        jellyfish.damerau_levenshtein_distance(key_a, key_b) <= 1
        or similarity(a, b) >= min_similarity
    )
