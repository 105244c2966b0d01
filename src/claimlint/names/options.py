"""The options of the names check: every word list, letter family and threshold the
name layer uses. Their defaults stand in the built-in pack (`rules/names.yaml`, under
`checks: names:`); a newsroom extends them from its config or a pack of its own
(`extend_honorifics: [Ustaz]`), and `NameLexicon.build` compiles them once per check.
"""

from typing import Literal

from claimlint.checks.base import CheckOptions

#: how a desk writes names with diacritics: as the person's own language does
#: (native), without them (ascii), or as most mentions in the article do (majority)
DiacriticsStyle = Literal["native", "ascii", "majority"]


class NamesOptions(CheckOptions, frozen=True, kw_only=True):
    #: compare mentions with the people of the facts file
    use_facts: bool = True
    #: message of a facts-file misspelling reported under name-variant
    misspelling_message: str = "'{found}' is a known misspelling of {canonical}"

    # -- what says a capitalised sequence is a person ---------------------------------
    #: titles and roles written before a name ("Prime Minister …", "spokeswoman …")
    titles: tuple[str, ...]
    #: titles also written as abbreviations with a full stop ("Gen.", "Dr.", "Eng.")
    abbreviations: tuple[str, ...]
    #: words inside multi-word titles ("Secretary of State", "Foreign Minister")
    title_parts: tuple[str, ...]
    #: honorifics: titles of address that stand before a name (or a given name alone)
    #: and whose spelling is part of how the article writes the person
    honorifics: tuple[str, ...]
    #: verbs of speech before or after a name ("said Sacchi", "Sacchi told")
    speech_verbs: tuple[str, ...]
    #: given names common in news copy: one before a surname is evidence of a person
    given_names: tuple[str, ...]

    # -- what is never a person --------------------------------------------------------
    months: tuple[str, ...]
    weekdays: tuple[str, ...]
    countries: tuple[str, ...]
    demonyms: tuple[str, ...]
    #: capitalised words and names that are never people in news copy
    not_people: tuple[str, ...]
    #: plural or group nouns that start sentences before a speech verb ("Officials said")
    group_nouns: tuple[str, ...]
    #: function words ("The", "However"): never part of a name
    function_words: tuple[str, ...]
    #: last words of an organisation's or a place's name ("Quds Force", "Khalifa Port")
    organisation_words: tuple[str, ...]

    # -- the parts of a name -----------------------------------------------------------
    #: lowercase pieces between the parts of a name ("Mohammed bin Salman", "van der")
    particles: tuple[str, ...]
    #: particles that start a patronymic inside a name ("Nasser bin Saud Al Mansouri")
    patronymic_particles: tuple[str, ...]
    #: Arabic article prefixes ("al-Kadhimi", "Al Mansouri"): dropped when spellings
    #: are compared, since good copy writes the surname with and without them
    article_prefixes: tuple[str, ...]
    #: suffixes after a surname that make another person ("Thomas Brennan Jr.")
    generational_suffixes: tuple[str, ...]

    # -- different people ---------------------------------------------------------------
    #: words of kinship that, next to a mention, make it another person than a
    #: namesake in the article ("his brother, Ali al-Khafaji")
    kin_words: tuple[str, ...]
    #: phrases that say so outright ("no relation", "not related", "another")
    distinct_cues: tuple[str, ...]
    #: how many words from a mention (in its sentence) such a word may stand
    cue_window: int

    # -- spellings of one name ---------------------------------------------------------
    #: transliteration letter families, applied in order to the lowercase letters of a
    #: name: [pattern, replacement]; a pattern is letters, [classes], ^, $, | and
    #: lookarounds, without repetition
    letter_folds: tuple[tuple[str, str], ...]
    #: letters Unicode does not decompose, with their plain form ([ı, i], [ł, l])
    plain_letters: tuple[tuple[str, str], ...]
    #: endings of one family name for a man and a woman ([ov, ova]): never one person
    gendered_endings: tuple[tuple[str, str], ...]
    #: given names of one person across languages and scripts ([Oleksandr, Alexander])
    given_name_families: tuple[tuple[str, ...], ...]
    #: letters that, added to a given name, make a woman's ([a]: Daniel, Daniela):
    #: never one person's two spellings, for names of at least this many letters
    feminine_given_endings: tuple[str, ...] = ()
    feminine_given_min_length: int = 4
    #: a given name of at least this many letters with one letter inside it left out
    #: ("Geoge", "George") is a slip of the keyboard
    given_slip_min_length: int = 5
    #: equal transliteration keys: how alike the letters must still be (0-100)
    min_similarity: float
    #: equal metaphone only: how alike the letters must be (0-100)
    min_metaphone_similarity: float
    #: a slip of the keyboard with the same given name or role (0-100)
    typo_similarity: float
    #: letters a surname needs before a slip of the keyboard is considered
    min_typo_length: int
    #: with the same given names, how alike two surnames must be to be one (0-100)
    same_given_similarity: float

    #: how a desk writes names with diacritics: native, ascii or majority
    diacritics: DiacriticsStyle = "native"
