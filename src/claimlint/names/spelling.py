"""When two spellings are one name: similarity of letters (rapidfuzz) and of sound.

A `Speller` is built once per names check from its options: the letter families of
transliteration (Kadhimi, Kazemi, Kazimi; Soleimani, Suleimani; Sacchi, Saki) as
ordered folds, the letters Unicode does not decompose (ı, ł, ø), the gendered
endings that make two surnames two people (Volkov, Volkova), and the thresholds.
The sound key is the folded spelling; jellyfish's metaphone of it is a second key.
Names that differ in a consonant you can hear (Trump, Truman; Iran, Iraq) keep
different keys.

Diacritics are folded with NFKD and the `plain_letters` table (ı, ł, ø: letters NFKD
keeps); a transliteration library (anyascii, unidecode) would only be needed for
non-Latin scripts, which English copy does not print. Sound keys are these folds plus
jellyfish's metaphone: Beider–Morse (abydos) was slower, missed Kadhimi/Kazemi and
joined Navalny/Navalnaya.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache
from types import ModuleType

from claimlint import regex_cache


@cache
def _fuzz() -> ModuleType:
    """rapidfuzz, loaded when two spellings are first compared (most of a one-article
    run's names need no comparison, and loading it is a good part of a short run)."""
    from rapidfuzz import fuzz

    return fuzz


@cache
def _jellyfish() -> ModuleType:
    import jellyfish

    return jellyfish


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "‑": "-", "–": "-"})
_NOT_LETTER = regex_cache.re_compile(r"[^a-z]")
_REPEATS = regex_cache.re_compile(r"(.)\1+")

# A fold pattern is a small regular expression without repetition, so that no fold can
# take more than linear time on a name: letters, classes of letters, anchors, and
# lookarounds made of the same, joined by `|`.
_CLASS = r"\[\^?(?:[a-z]-[a-z]|[a-z'])+\]"
_UNIT = rf"(?:[a-z']|{_CLASS}|\^|\$)"
_LOOK = rf"\(\?<?[=!]{_UNIT}+(?:\|{_UNIT}+)*\)"
_PIECE = rf"(?:{_UNIT}|{_LOOK})"
_FOLD_SYNTAX = regex_cache.re_compile(rf"{_PIECE}+(?:\|{_PIECE}+)*")
_REPLACEMENT = regex_cache.re_compile(r"[a-z]*")

_CACHE_LIMIT = 20000


class FoldError(ValueError):
    """A letter fold or plain letter that is not of the allowed form."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(problem)
        self.field = field
        self.problem = problem


def compile_folds(folds: Iterable[tuple[str, str]]) -> tuple[tuple[re.Pattern[str], str], ...]:
    """The folds as compiled patterns; each must be letters, classes, anchors and
    lookarounds (no repetition), its replacement plain lowercase letters."""
    compiled = []
    for pattern, replacement in folds:
        if not _FOLD_SYNTAX.fullmatch(pattern):
            raise FoldError(
                "letter_folds",
                f"{pattern!r}: a fold is lowercase letters, [classes], ^, $, | and "
                "lookarounds such as (?=[aeiou]); no repetition",
            )
        if not _REPLACEMENT.fullmatch(replacement):
            raise FoldError("letter_folds", f"{replacement!r}: a replacement is lowercase letters")
        compiled.append((regex_cache.re_compile(pattern), replacement))
    return tuple(compiled)


def _memo(function: Callable[[str], str]) -> Callable[[str], str]:
    """A bounded per-speller cache (names repeat within and across articles)."""
    cache: dict[str, str] = {}

    def cached(name: str) -> str:
        value = cache.get(name)
        if value is None:
            if len(cache) >= _CACHE_LIMIT:
                cache.clear()
            value = cache[name] = function(name)
        return value

    return cached


def _common_start(a: str, b: str) -> int:
    """How many letters `a` and `b` share at the start."""
    shared = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        shared += 1
    return shared


class Speller:
    """Keys and comparisons of name spellings under one configuration."""

    def __init__(
        self,
        *,
        folds: Iterable[tuple[str, str]],
        letters: Iterable[tuple[str, str]],
        article_prefixes: Iterable[str],
        gendered_endings: Iterable[tuple[str, str]],
        min_similarity: float,
        min_metaphone_similarity: float,
        typo_similarity: float,
        min_typo_length: int,
    ) -> None:
        self.folds = compile_folds(folds)
        plain = dict(letters)
        if any(len(letter) != 1 for letter in plain):
            raise FoldError("plain_letters", "each entry maps one letter to its plain form")
        self._letters = str.maketrans(plain)
        self._prefixes = tuple(
            sorted({f"{p}{sep}" for p in article_prefixes for sep in "- "}, key=len, reverse=True)
        )
        # each pair of endings by what differs once their common start is dropped
        # (-ov, -ova: "", "a"), with that common start ("ov"), so that a pair of names
        # is looked up, not scanned
        self._gendered: dict[tuple[str, str], set[str]] = {}
        for a, b in gendered_endings:
            if a != b:
                for x, y in ((a, b), (b, a)):
                    shared = _common_start(x, y)
                    self._gendered.setdefault((x[shared:], y[shared:]), set()).add(x[:shared])
        self.min_similarity = min_similarity
        self.min_metaphone_similarity = min_metaphone_similarity
        self.typo_similarity = typo_similarity
        self.min_typo_length = min_typo_length
        self.spelling_key = _memo(self._spelling_key)
        self.sound_key = _memo(self._sound_key)
        self.metaphone_key = _memo(self._metaphone_key)

    def ascii_fold(self, text: str) -> str:
        """Lowercase letters of a name without diacritics: accents dropped (NFKD), the
        letters Unicode does not decompose mapped (ı → i), apostrophes unified."""
        decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
        return plain.casefold().translate(self._letters)

    def strip_prefix(self, name: str) -> str:
        """'al-Kadhimi' → 'Kadhimi': the article prefix comes and goes in good copy too."""
        if "-" not in name and "‑" not in name and " " not in name:
            return name
        lowered = name.casefold().translate(_APOSTROPHES)
        for prefix in self._prefixes:
            if lowered.startswith(prefix) and len(name) > len(prefix) + 1:
                return name[len(prefix) :]
        return name

    def _spelling_key(self, name: str) -> str:
        """The letters that count when comparing spellings: 'Al-Kazemi' → 'kazemi'."""
        return _NOT_LETTER.sub("", self.ascii_fold(self.strip_prefix(name)))

    def _sound_key(self, name: str) -> str:
        """A key shared by transliterations of one name: 'Kadhimi', 'Kazemi' → same key."""
        folded = self.spelling_key(name)
        for pattern, replacement in self.folds:
            folded = pattern.sub(replacement, folded)
        return _REPEATS.sub(r"\1", folded)

    def _metaphone_key(self, name: str) -> str:
        folded = self.sound_key(name)
        return str(_jellyfish().metaphone(folded)) if folded else ""

    def similarity(self, a: str, b: str) -> float:
        """0-100: how alike two spellings are, letter by letter."""
        return float(_fuzz().ratio(self.spelling_key(a), self.spelling_key(b)))

    def same_spelling(self, a: str, b: str) -> bool:
        return self.spelling_key(a) == self.spelling_key(b)

    def gendered_pair(self, a: str, b: str) -> bool:
        """Two forms of one family name for a man and a woman (Volkov, Volkova)."""
        key_a, key_b = self.spelling_key(a), self.spelling_key(b)
        start = _common_start(key_a, key_b)
        shared = self._gendered.get((key_a[start:], key_b[start:]), ())
        return any(key_a[:start].endswith(ending) for ending in shared)

    def sounds_alike(self, a: str, b: str) -> bool:
        """Two different spellings of what reads aloud as one name.

        Equal transliteration keys suffice when the letters are not far apart; an equal
        metaphone alone (Salman, Soleimani) needs the letters to agree more.
        """
        if not a or not b or self.same_spelling(a, b):
            return False
        # the letters' score first: one C call, and most pairs fail it
        score = self.similarity(a, b)
        if score < min(self.min_similarity, self.min_metaphone_similarity):
            return False
        key_a, key_b = self.sound_key(a), self.sound_key(b)
        if len(key_a) < 3 or len(key_b) < 3 or self.gendered_pair(a, b):
            return False
        if key_a == key_b:
            return score >= self.min_similarity
        if self.metaphone_key(a) == self.metaphone_key(b) and key_a[0] == key_b[0]:
            return score >= self.min_metaphone_similarity
        return False

    def is_typo(self, a: str, b: str) -> bool:
        """One slip of the keyboard in a long name (Bidne, Biden); needs other evidence."""
        if self.same_spelling(a, b) or self.gendered_pair(a, b):
            return False
        key_a, key_b = self.spelling_key(a), self.spelling_key(b)
        if min(len(key_a), len(key_b)) < self.min_typo_length:
            return False
        return (
            _jellyfish().damerau_levenshtein_distance(key_a, key_b) <= 1
            or self.similarity(a, b) >= self.typo_similarity
        )
