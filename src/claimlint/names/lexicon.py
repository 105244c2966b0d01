"""The names check's word lists, compiled once per check into the sets and patterns
that find person mentions (see `mentions`). Everything here comes from the check's
options (`NamesOptions`, defaults in `rules/names.yaml`); nothing is a constant.
"""

from __future__ import annotations

from collections.abc import Iterable

import msgspec
import regex

from claimlint import regex_cache
from claimlint.names.options import NamesOptions
from claimlint.names.spelling import Speller


def _lower(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w.casefold() for w in words)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _phrases(phrases: Iterable[str]) -> regex.Pattern[str]:
    """Any of the phrases as words, any run of spaces between their words."""
    alternation = _alternation(_lower(phrases)).replace(r"\ ", r"\s+")
    return regex_cache.compile(rf"\b(?:{alternation})\b", regex.I)


class NameLexicon(msgspec.Struct, frozen=True, eq=False):
    """Word sets and compiled patterns of one names configuration."""

    options: NamesOptions
    speller: Speller
    titles: frozenset[str]  # titles and honorifics
    honorifics: frozenset[str]
    title_parts: frozenset[str]
    particles: frozenset[str]
    patronymic_particles: frozenset[str]
    article_particles: frozenset[str]
    suffixes: frozenset[str]
    given_names: frozenset[str]
    months: frozenset[str]
    weekdays: frozenset[str]
    organisation_words: frozenset[str]
    never_a_name: frozenset[str]
    never_in_name: frozenset[str]
    descriptors: frozenset[str]
    not_people: frozenset[str]
    stop: frozenset[str]
    sequence: regex.Pattern[str]
    token_in: regex.Pattern[str]
    speech_after: regex.Pattern[str]
    speech_before: regex.Pattern[str]
    title_before: regex.Pattern[str]
    title_of_before: regex.Pattern[str]
    appositive_after: regex.Pattern[str]
    role_in_clause: regex.Pattern[str]
    kin_cue: regex.Pattern[str]
    unrelated_cue: regex.Pattern[str]
    particle_before: regex.Pattern[str]

    @classmethod
    def build(cls, options: NamesOptions) -> NameLexicon:
        speller = Speller(
            folds=options.letter_folds,
            letters=options.plain_letters,
            article_prefixes=options.article_prefixes,
            gendered_endings=options.gendered_endings,
            min_similarity=options.min_similarity,
            min_metaphone_similarity=options.min_metaphone_similarity,
            typo_similarity=options.typo_similarity,
            min_typo_length=options.min_typo_length,
        )
        honorifics = _lower(options.honorifics)
        titles = _lower(options.titles) | honorifics
        particles = _lower(options.particles)
        months, weekdays = _lower(options.months), _lower(options.weekdays)
        demonyms, group_nouns = _lower(options.demonyms), _lower(options.group_nouns)
        not_people = _lower(options.not_people)
        countries = _lower(options.countries)
        stop = _lower(options.function_words) - particles
        title_parts = _lower(options.title_parts)

        particle_alt = _alternation(particles)
        prefix_alt = _alternation(_lower(options.article_prefixes))
        abbreviations = _alternation(_lower(options.abbreviations))
        # an apostrophe inside a name (O'Brien, Sa'adi), not a possessive or contraction
        hyphened = r"(?:[-‑]\p{L}[\p{L}\p{M}]*)*"
        inner = rf"{hyphened}(?:['’](?!(?:s|ll|re|ve|d|m|t)\b)\p{{L}}[\p{{L}}\p{{M}}]*{hyphened})?"
        word = rf"\p{{Lu}}[\p{{L}}\p{{M}}]*{inner}"
        prefixed = rf"(?:{prefix_alt})[-‑]\p{{Lu}}[\p{{L}}\p{{M}}]*{inner}"
        initial = r"(?:\p{Lu}\.){1,3}(?=[ \t]+\p{Lu})"
        token = rf"(?:{prefixed}|{initial}|{word})"
        speech_alt = _alternation(_lower(options.speech_verbs))
        title_alt = _alternation(titles)
        return cls(
            options=options,
            speller=speller,
            titles=titles,
            honorifics=honorifics,
            title_parts=title_parts,
            particles=particles,
            patronymic_particles=_lower(options.patronymic_particles),
            article_particles=_lower(options.article_prefixes),
            suffixes=_lower(options.generational_suffixes),
            given_names=_lower(options.given_names),
            months=months,
            weekdays=weekdays,
            organisation_words=_lower(options.organisation_words),
            never_a_name=months
            | weekdays
            | countries
            | demonyms
            | not_people
            | group_nouns
            | stop
            | titles,
            never_in_name=stop | weekdays,
            descriptors=title_parts | demonyms | months | group_nouns,
            not_people=countries | not_people | demonyms,
            stop=stop,
            sequence=regex_cache.compile(
                rf"(?<![\p{{L}}\p{{M}}\d'’-]){token}"
                rf"(?:[ \t]+(?:(?:{particle_alt})[ \t]+)*{token})*"
                r"(?P<possessive>['’]s\b|(?<=s)['’](?!\p{L}))?"
            ),
            token_in=regex_cache.compile(rf"{token}|(?:{particle_alt})(?=[ \t])"),
            speech_after=regex_cache.compile(
                rf"[ \t]*,?[ \t]+(?:\p{{Ll}}+ly[ \t]+|also[ \t]+|then[ \t]+|later[ \t]+)?"
                rf"(?:{speech_alt})\b"
            ),
            # The patterns that end in `$` read the text before a name: searched in
            # reverse (regex.REVERSE), they are tried at the end of that text first
            # instead of at every offset of it. Only whether they match is used, or (for
            # the title) a role that is the same either way: every match ends at the
            # same place and the longest title comes first.
            speech_before=regex_cache.compile(
                rf"\b(?:(?:{speech_alt})|according[ \t]+to)[ \t]+$", regex.I | regex.REVERSE
            ),
            title_before=regex_cache.compile(
                rf"\b(?:(?P<role>{title_alt})|(?P<role>(?i:{abbreviations}))\.)[ \t]+$",
                regex.REVERSE,
            ),
            title_of_before=regex_cache.compile(rf"\b(?P<role>(?i:{title_alt}))[ \t]+of[ \t]+$"),
            appositive_after=regex_cache.compile(
                rf",[ \t]+(?:(?:who|whose)\b|\d{{1,3}},|(?:the|a|an|his|her|their|its)[ \t]+"
                rf"(?:[\p{{L}}'’-]+[ \t]+){{0,5}}?(?P<role>{title_alt})\b)"
            ),
            role_in_clause=regex_cache.compile(
                rf"(?:\b(?i:the|a|an|its|his|her|their|as)|\p{{Lu}}[\p{{L}}\p{{M}}]*['’]s)[ \t]+"
                rf"(?:[\p{{L}}“”\"'’-]+[ \t]+){{0,8}}?"
                rf"(?P<role>{title_alt})\b"
            ),
            particle_before=regex_cache.compile(
                r"(?<![\p{L}\p{M}'’‑-])(?P<particle>"
                + _alternation(
                    _lower(options.patronymic_particles)
                    | (_lower(options.article_prefixes) & particles)
                )
                + r") $",
                regex.REVERSE,
            ),
            kin_cue=_phrases(options.kin_words),
            unrelated_cue=_phrases(options.distinct_cues),
        )

    def is_title(self, lowered: str) -> bool:
        """A title or honorific, or a hyphenated word made on one ("minister-designate",
        "president-elect"); `lowered` is casefolded, without a full stop."""
        if lowered in self.titles:
            return True
        if "-" not in lowered:
            return False
        pieces = lowered.split("-")
        if pieces[0] in self.article_particles:
            return False  # a family name such as Al-Sheikh
        return pieces[0] in self.titles or pieces[-1] in self.titles

    def is_given_name(self, word: str) -> bool:
        return word.casefold() in self.given_names
