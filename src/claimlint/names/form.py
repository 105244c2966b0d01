"""The parts of one written name: honorific, given names, patronymic, particles,
surname — and the keys that compare them.

"Sheikh Nasser bin Saud Al Mansouri" is the honorific "Sheikh", the given name
"Nasser", the patronymic "bin Saud" and the surname "Al Mansouri", whose article "Al"
comes and goes in good copy (so it is left out of the surname's letters) while "bin" in
"Mohammed bin Salman" or "Ben" in "Ben Salem" is part of it. Keys are letters only
(diacritics folded, case and separators dropped); the written forms keep what the
letters do not say, so hyphens, spaces, case and diacritics can be compared on
their own.
"""

from __future__ import annotations

from collections.abc import Callable

import msgspec

from claimlint import regex_cache
from claimlint.names.lexicon import NameLexicon
from claimlint.names.mentions import Mention, Token

_SEPARATORS = str.maketrans({"‑": "-", "–": "-", "’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_SPACES = regex_cache.re_compile(r"[ \t]+")


def normalise(text: str) -> str:
    """A written name with its separators unified (one space, ASCII hyphen and apostrophe)."""
    text = text.translate(_SEPARATORS)
    return _SPACES.sub(" ", text) if "  " in text or "\t" in text else text


class NameForm(msgspec.Struct, frozen=True):
    """One mention split into its parts, with comparison keys (letters only)."""

    mention: Mention
    given: tuple[Token, ...]
    patronymic: tuple[Token, ...]
    #: the article before the surname as written, with its separator ("al-", "Al ", "")
    article: str
    #: the surname without its article, as written ("Mansouri", "Ben-Ami", "bin Salman")
    surname: str
    surname_key: str
    given_keys: tuple[str, ...]
    #: the given names that are not initials, and their letters joined
    given_names: tuple[str, ...]
    given_key: str
    patronymic_key: str
    key_of: Callable[[str], str]

    @classmethod
    def of(cls, mention: Mention, lex: NameLexicon) -> NameForm:
        tokens = mention.tokens
        particles = lex.particles
        core = len(tokens) - 1
        while core > 0 and tokens[core - 1].text.casefold() in particles:
            core -= 1
        rest = tokens[:core]
        patronymic_at = len(rest)
        for index in range(1, len(rest)):
            if rest[index].text.casefold() in lex.patronymic_particles:
                patronymic_at = index
                break
        article = ""
        pieces = [t.text for t in tokens[core:]]
        key = lex.speller.spelling_key
        if len(pieces) > 1 and pieces[0].casefold() in lex.article_particles:
            article = pieces.pop(0) + " "
        elif len(pieces) == 1:
            stripped = lex.speller.strip_prefix(pieces[0])
            if stripped != pieces[0]:
                article = pieces[0][: len(pieces[0]) - len(stripped)]
                pieces[0] = stripped
        given = rest[:patronymic_at]
        patronymic = rest[patronymic_at:]
        given_names = tuple(t.text for t in given if not _initial(t.text))
        return cls(
            mention=mention,
            given=given,
            patronymic=patronymic,
            article=normalise(article),
            surname=normalise(" ".join(pieces)),
            surname_key="".join(key(piece) for piece in pieces),
            given_keys=tuple(key(t.text) for t in given),
            given_names=given_names,
            given_key="".join(key(g) for g in given_names),
            patronymic_key="".join(key(t.text) for t in patronymic),
            key_of=key,
        )

    @property
    def letters(self) -> str:
        """Every letter of the name but its article: 'Usman Dan Kwambo' = 'Usman Dankwambo'
        (initials too: George H.W. Bush is not George W. Bush)."""
        return "".join(self.given_keys) + self.patronymic_key + self.surname_key

    @property
    def initials(self) -> str:
        """The letters of the initials among the given names ("H.W." → "hw")."""
        return "".join(
            k for k, t in zip(self.given_keys, self.given, strict=True) if _initial(t.text)
        )

    @property
    def full(self) -> bool:
        """A given name and a surname."""
        return bool(self.given_names) and bool(self.surname_key)

    def as_given(self) -> NameForm:
        """This one-word form read as a given name alone ("Sheikh Nasser")."""
        tokens = self.mention.tokens
        given_names = tuple(t.text for t in tokens if not _initial(t.text))
        keys = tuple(self.key_of(t.text) for t in tokens)
        return msgspec.structs.replace(
            self,
            given=tokens,
            patronymic=(),
            article="",
            surname="",
            surname_key="",
            given_keys=keys,
            given_names=given_names,
            given_key="".join(k for k, t in zip(keys, tokens, strict=True) if not _initial(t.text)),
            patronymic_key="",
        )

    @property
    def given_text(self) -> str:
        return normalise(" ".join(t.text for t in self.given))

    @property
    def patronymic_text(self) -> str:
        return normalise(" ".join(t.text for t in self.patronymic))

    def whole(self) -> str:
        """The name as written, without honorific: given, patronymic, article, surname."""
        parts = [self.given_text, self.patronymic_text, self.article + self.surname]
        return " ".join(p for p in parts if p)


def _initial(word: str) -> bool:
    return word.endswith(".") and all(len(piece) == 1 for piece in word[:-1].split("."))


def initial(word: str) -> bool:
    """An initial ("J.") standing for a given name."""
    return _initial(word)
