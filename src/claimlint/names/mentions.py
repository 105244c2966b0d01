"""Person-name mentions in a document, found without a statistical model.

A capitalised sequence is a person when something says so: a title, role or honorific
before it ("Prime Minister Mustafa …", "spokeswoman, Jane Saki", "Sayyed al-Hadi"), a
verb of speech ("Sacchi said", "said Sacchi"), an appositive after it (", who", ", the
spokeswoman"), a common given name before a surname, the facts file, or (when asked
for) the statistical model's PERSON entities. Once a person is known, later mentions of
the same name are linked to it: a bare surname ("Biden", "Al-Kazemi’s"), a surname that
reads like a known one ("Suleimani had led"), the two words of a known name in the other
order ("Wenhua Zhang" after "Zhang Wenhua"), and a known surname that machine output
wrote in lower case ("a statement by al-zubaidi said").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import msgspec
import regex

from claimlint import regex_cache
from claimlint.document import Document
from claimlint.names.lexicon import NameLexicon

CLAUSE_START = regex_cache.compile(r"[,.;:!?()\n](?=[^,.;:!?()\n]*$)")
# the same, in reverse; it differs only on text that ends in a line break, where `$`
# also matches before that break and the forward search finds the earlier mark
CLAUSE_START_REVERSE = regex_cache.compile(CLAUSE_START.pattern, regex.REVERSE)
_LOWER_WORD = regex_cache.compile(r"\b\p{Ll}[\p{Ll}'’-]*\b")
SENTENCE_START = regex_cache.compile(
    r"(?:^|[.!?]['’”\"]?[ \t]+|\n[ \t]*|[“\"][ \t]*)$", regex.REVERSE
)

_MAX_NAME_TOKENS = 5
_ADJECTIVE = regex_cache.compile(r"\p{Lu}\p{Ll}+(?:[-‑]\p{Ll}{3,})+$")
_LOOK_BEHIND = 140
_MAX_LINKED_TOKENS = 3


class Token(msgspec.Struct, frozen=True):
    text: str
    start: int
    end: int


class Mention(msgspec.Struct, frozen=True):
    """One mention of a person: the name as written, without title or possessive."""

    start: int
    end: int
    text: str
    given: tuple[str, ...]
    surname: str
    surname_start: int
    evidence: str
    roles: tuple[str, ...] = ()
    #: the words of the name, particles included
    tokens: tuple[Token, ...] = ()
    #: an honorific written just before the name ("Sheikh", "Mulla", "Mr.")
    honorific: Token | None = None
    #: a generational suffix after it ("jr", "iii"), casefolded without its full stop
    suffix: str = ""

    @property
    def full(self) -> bool:
        return bool(self.given)


class _Candidate(msgspec.Struct, frozen=True):
    tokens: tuple[Token, ...]
    roles: tuple[str, ...]
    title_evidence: bool
    after: int  # where the text after the name (and its possessive) begins
    honorific: Token | None = None
    suffix: str = ""

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


def find_mentions(
    doc: Document,
    lex: NameLexicon,
    known_forms: Sequence[str] = (),
    model_spans: Iterable[tuple[int, int]] = (),
) -> list[Mention]:
    """Every person mention in `doc`, in text order.

    `known_forms` are names the facts file lists (found wherever they stand);
    `model_spans` are PERSON entities of a statistical model, when one ran.
    """
    text = doc.lint_text
    lowercase_words = _LowercaseWords(text)
    candidates = list(_candidates(text, lex))
    mentions: dict[tuple[int, int], Mention] = {}
    known_keys = {form_key(form, lex) for form in known_forms}
    model = sorted(model_spans)
    for cand in candidates:
        evidence, roles, honorific = _evidence(text, cand, lowercase_words, lex)
        if roles or honorific:
            cand = _Candidate(
                cand.tokens,
                cand.roles + roles,
                cand.title_evidence,
                cand.after,
                cand.honorific or honorific,
                cand.suffix,
            )
        if evidence is None and form_key(_joined(cand.tokens), lex) in known_keys:
            evidence = "facts"
        if evidence is None and model and _overlaps_any(cand.start, cand.end, model):
            evidence = "model"
        if evidence is not None:
            mention = _mention(cand, evidence)
            mentions[(mention.start, mention.end)] = mention
    if mentions or known_forms:
        _link(candidates, mentions, [_surname_of(form) for form in known_forms], lex)
        _link_lowercase(text, mentions, lex)
    return sorted(mentions.values(), key=lambda m: m.start)


def _candidates(text: str, lex: NameLexicon) -> Iterator[_Candidate]:
    # by number: `regex` looks a group's name up at each call, four times the cost
    possessive_group = lex.sequence.groupindex["possessive"]
    for match in lex.sequence.finditer(text):
        start, after = match.span()
        possessive = match.start(possessive_group)
        body_end = after if possessive < 0 else possessive
        body = text[start:body_end]
        if " " not in body and "\t" not in body:
            # one word, matched as one token by the sequence: `_runs` and `_named_part`
            # inlined (a title or descriptor alone names nobody)
            lowered = body.casefold()
            if (
                lowered in lex.never_in_name
                or lowered.rstrip(".") in lex.titles
                or lowered in lex.descriptors
                or _is_acronym(body)
            ):
                continue
            token = Token(body, start, body_end)
            if _could_be_name((token,), lex) and not _organisation_after(
                text, after, possessive, lex
            ):
                yield _Candidate(_with_particle(text, (token,), lex), (), False, after)
            continue
        tokens = [
            Token(t.group(), start + t.start(), start + t.end())
            for t in lex.token_in.finditer(body)
        ]
        if _organisation_after(text, after, possessive, lex):
            continue  # "the Zubaidi tribe", "the Haqqani network": not a person
        for run in _runs(tokens, lex):
            end = after if run[-1] is tokens[-1] else run[-1].end
            yield from _named_part(text, run, end, lex)


def _organisation_after(text: str, after: int, possessive: int, lex: NameLexicon) -> bool:
    """A lower-case word after the name makes it an organisation's or a place's ("the
    Zubaidi tribe"); capitalised ones are inside the name."""
    return possessive < 0 and _next_word(text, after) in lex.organisation_words


def _next_word(text: str, at: int) -> str:
    """The lower-case word after one space or tab at `at`, or ""."""
    if text[at : at + 1] not in (" ", "\t"):
        return ""
    end = at + 1
    while end < len(text) and text[end].islower():
        end += 1
    return text[at + 1 : end]


def _runs(tokens: list[Token], lex: NameLexicon) -> Iterator[list[Token]]:
    """Split a capitalised sequence at words that are never part of a name."""
    run: list[Token] = []
    for token in tokens:
        lowered = token.text.casefold()
        if lowered in lex.never_in_name or (
            _is_acronym(token.text) and lowered not in lex.suffixes and not lowered.endswith(".")
        ):
            if run:
                yield run
            run = []
        else:
            run.append(token)
    if run:
        yield run


def _title_index(run: list[Token], lex: NameLexicon) -> int:
    """Where the last title of a run stands, or -1. An honorific after a word of the name
    is part of it ("Lahur Sheikh Jangi"), not a title."""
    last = -1
    for index, token in enumerate(run):
        lowered = token.text.casefold().rstrip(".")
        if not lex.is_title(lowered):
            continue
        if lowered in lex.honorifics and index > 0:
            before = run[index - 1].text.casefold().rstrip(".")
            if before not in lex.titles and before not in lex.descriptors:
                continue
        last = index
    return last


def _named_part(text: str, run: list[Token], after: int, lex: NameLexicon) -> Iterator[_Candidate]:
    """The name inside a run, after any title ("Iraqi Prime Minister …")."""
    last_title = _title_index(run, lex)
    roles: tuple[str, ...] = ()
    honorific = None
    if last_title >= 0:
        title = run[last_title]
        roles = (title.text.casefold().rstrip("."),)
        if roles[0] in lex.honorifics:
            honorific = title
        name = run[last_title + 1 :]
    else:
        name = list(run)
        while name and name[0].text.casefold() in lex.descriptors:
            name.pop(0)
        # "Secretary of State Antony Blinken": the title stands before "of"
        if len(name) < len(run):
            title_of = lex.title_of_before.search(text, max(0, run[0].start - 40), run[0].start)
            if title_of:
                last_title = 0
                roles = (title_of.group("role").casefold(),)
    # "Commander of the Land Forces Oleksandr Sirsky": the name follows the organisation
    for index in range(len(name) - 2, -1, -1):
        if name[index].text.casefold() in lex.organisation_words:
            name = name[index + 1 :]
            break
    # "Western-educated Gadaffi": a hyphenated adjective at the start of a sentence
    if len(name) > 1 and _ADJECTIVE.match(name[0].text):
        name.pop(0)
    while name and name[0].text.islower():  # a particle cannot start a name
        name.pop(0)
    suffix = ""
    while len(name) > 1 and name[-1].text.casefold().rstrip(".") in lex.suffixes:
        suffix = name.pop().text.casefold().rstrip(".")
    while name and name[-1].text.islower():
        name.pop()
    if not name or len(name) > _MAX_NAME_TOKENS or not _could_be_name(name, lex):
        return
    tokens = tuple(name)
    if name[0] is run[0] and last_title < 0:
        tokens = _with_particle(text, tokens, lex)
    yield _Candidate(
        tokens,
        roles,
        last_title >= 0,
        after if name[-1] is run[-1] else name[-1].end,
        honorific,
        suffix,
    )


def _with_particle(text: str, tokens: tuple[Token, ...], lex: NameLexicon) -> tuple[Token, ...]:
    """The name with a lower-case particle written before it ("bin Javaid", "al Sudani")."""
    start = tokens[0].start
    if start == 0 or text[start - 1] != " ":
        return tokens
    particle = lex.particle_before.search(text, max(0, start - 6), start)
    if particle is None:
        return tokens
    return (Token(particle.group("particle"), particle.start(), particle.end() - 1), *tokens)


def _is_acronym(word: str) -> bool:
    """Two letters or more, all capitals."""
    letters = 0
    for char in word:
        if char.isalpha():
            if not char.isupper():
                return False
            letters += 1
    return letters >= 2


def _could_be_name(tokens: Sequence[Token], lex: NameLexicon) -> bool:
    words = [t.text for t in tokens if not t.text.islower()]
    last = lex.speller.spelling_key(words[-1]) if words else ""
    lowered_last = words[-1].casefold() if words else ""
    if not last or lowered_last in lex.organisation_words:
        return False
    if len(words) == 1:
        return lowered_last not in lex.never_a_name and lowered_last not in lex.title_parts
    not_people = lex.not_people
    return lowered_last not in not_people and not all(w.casefold() in not_people for w in words)


class _LowercaseWords:
    """The words a text writes in lower case (casefolded), collected on first use."""

    __slots__ = ("_text", "_words")

    def __init__(self, text: str) -> None:
        self._text = text
        self._words: set[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self._words is None:
            self._words = set(map(str.casefold, _LOWER_WORD.findall(self._text)))
        return word in self._words


def _evidence(
    text: str, cand: _Candidate, lowercase_words: _LowercaseWords, lex: NameLexicon
) -> tuple[str | None, tuple[str, ...], Token | None]:
    """What says the candidate is a person, the roles given to it there, and an
    honorific written before it."""
    if cand.title_evidence:
        return "title", (), None
    start = max(0, cand.start - _LOOK_BEHIND)
    before = text[start : cand.start]
    single = len(cand.tokens) == 1
    if (
        single
        and SENTENCE_START.search(before)
        and cand.tokens[0].text.casefold() in lowercase_words
    ):
        return None, (), None  # an ordinary word that starts a sentence ("Officials said")
    title = lex.title_before.search(before)
    if title:
        role = title.group("role")
        honorific = None
        if role.casefold() in lex.honorifics:
            honorific = Token(role, start + title.start("role"), start + title.end("role"))
        return "role", (role.casefold(),), honorific
    appositive = lex.appositive_after.match(text, cand.after)
    if appositive:
        role = appositive.group("role")
        return "appositive", (role.casefold(),) if role else (), None
    if lex.speech_after.match(text, cand.after) or lex.speech_before.search(before):
        return "speech", (), None
    if len(cand.tokens) >= 2 and lex.is_given_name(cand.tokens[0].text):
        return "given-name", (), None
    if before.rstrip(" \t").endswith(","):
        clause_end = len(before.rstrip(" \t")) - 1
        clause = before[:clause_end]
        clause_start = CLAUSE_START if clause.endswith("\n") else CLAUSE_START_REVERSE
        boundary = clause_start.search(clause)
        clause = clause[boundary.end() :] if boundary else clause
        roles = [m.group("role").casefold() for m in lex.role_in_clause.finditer(clause)]
        if roles:
            return "appositive", (roles[-1],), None
    return None, (), None


def _mention(cand: _Candidate, evidence: str) -> Mention:
    tokens = cand.tokens
    surname_index = len(tokens) - 1
    # particles belong to the surname: "bin Salman", "van der Leyen"
    while surname_index > 0 and tokens[surname_index - 1].text.islower():
        surname_index -= 1
    given = tuple(t.text for t in tokens[:surname_index] if not t.text.endswith("."))
    return Mention(
        start=tokens[0].start,
        end=tokens[-1].end,
        text=_joined(tokens),
        given=given,
        surname=tokens[-1].text,
        surname_start=tokens[-1].start,
        evidence=evidence,
        roles=cand.roles,
        tokens=tokens,
        honorific=cand.honorific,
        suffix=cand.suffix,
    )


def _link(
    candidates: list[_Candidate],
    mentions: dict[tuple[int, int], Mention],
    known: list[str],
    lex: NameLexicon,
) -> None:
    """Bare mentions of a known person: the same full name or surname, a surname that
    reads like a known one (the drift this layer exists to catch: "Suleimani had led"),
    or a known two-word name in the other order ("Wenhua Zhang" after "Zhang Wenhua")."""
    sp = lex.speller
    spelling_key, sound_key, metaphone_key = sp.spelling_key, sp.sound_key, sp.metaphone_key
    full_names = {form_key(m.text, lex) for m in mentions.values()}
    swapped = {
        f"{spelling_key(m.tokens[1].text)} {spelling_key(m.tokens[0].text)}"
        for m in mentions.values()
        if len(m.tokens) == 2
    }
    surnames = {spelling_key(m.surname) for m in mentions.values() if m.full}
    alike: dict[str, list[str]] = {}
    for surname in {spelling_key(m.surname) for m in mentions.values()} | {
        spelling_key(k) for k in known if k
    }:
        for bucket in (sound_key(surname), "|" + metaphone_key(surname)):
            alike.setdefault(bucket, []).append(surname)
    for cand in candidates:
        if (cand.start, cand.end) in mentions or len(cand.tokens) > _MAX_LINKED_TOKENS:
            continue
        key = form_key(_joined(cand.tokens), lex)
        last = spelling_key(cand.tokens[-1].text)
        evidence = None
        if key in full_names or last in surnames:
            evidence = "linked"
        elif len(cand.tokens) == 2 and key in swapped:
            evidence = "order"
        elif any(
            sp.sounds_alike(last, other)
            for bucket in (sound_key(last), "|" + metaphone_key(last))
            for other in alike.get(bucket, ())
        ):
            evidence = "alike"
        if evidence is not None:
            mention = _mention(cand, evidence)
            mentions[(mention.start, mention.end)] = mention


def _link_lowercase(text: str, mentions: dict[tuple[int, int], Mention], lex: NameLexicon) -> None:
    """A known surname written in lower case by machine output: with its article
    ("al-zubaidi"), before a verb of speech ("by nazari said"), or after an honorific
    ("Sheikh jangi")."""
    known = {
        lex.speller.strip_prefix(m.surname).casefold()
        for m in mentions.values()
        if m.full and len(m.surname) >= 4 and not m.surname.islower()
    }
    known = {k for k in known if k not in lex.never_a_name and k.isalpha()}
    if len(known) <= _FEW_SURNAMES:
        places = ((at, at + len(k)) for k in known for at in _occurrences(text, k))
    else:  # one pass over the lower-case words, not one per surname
        places = (
            (m.start("word"), m.end("word"))
            for m in _LOWER_NAME.finditer(text)
            if m.group("word") in known
        )
    for at, end in places:
        found = _lowercase_at(text, at, end, lex)
        if found is not None and (found.start, found.end) not in mentions:
            mentions[(found.start, found.end)] = found


def _occurrences(text: str, word: str) -> Iterator[int]:
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + len(word))


def _lowercase_at(text: str, at: int, end: int, lex: NameLexicon) -> Mention | None:
    if end < len(text) and (text[end].isalpha() or text[end] in "-‑'’"):
        return None
    start = at
    article = _ARTICLE_BEFORE.search(text, max(0, at - 6), at)
    if article is not None and article.group("article").casefold() in lex.article_particles:
        start = article.start()
    elif at > 0 and (text[at - 1].isalpha() or text[at - 1] in "-‑'’"):
        return None
    word = text[start:end]
    before = text[max(0, start - _LOOK_BEHIND) : start]
    honorific = None
    title = lex.title_before.search(before)
    if title and title.group("role").casefold() in lex.honorifics:
        offset = start - len(before)
        role = title.group("role")
        honorific = Token(role, offset + title.start("role"), offset + title.end("role"))
    if start == at and honorific is None and not lex.speech_after.match(text, end):
        return None
    return Mention(
        start=start,
        end=end,
        text=word,
        given=(),
        surname=word,
        surname_start=start,
        evidence="lowercase",
        tokens=(Token(word, start, end),),
        honorific=honorific,
    )


_FEW_SURNAMES = 8
#: a whole word, for the one-pass search; _lowercase_at decides as for text.find's hits
_LOWER_NAME = regex_cache.compile(r"(?<![\p{L}\p{M}'’])(?P<word>[\p{L}\p{M}]+)(?![\p{L}\p{M}'’‑-])")
_ARTICLE_BEFORE = regex_cache.compile(r"(?<![\p{L}\p{M}'’‑-])(?P<article>\p{Ll}{2,3})[-‑]$")


def _surname_of(form: str) -> str:
    words = [w for w in form.split() if not w.islower()]
    return words[-1] if words else ""


def _joined(tokens: Sequence[Token]) -> str:
    return " ".join(t.text for t in tokens)


def form_key(name: str, lex: NameLexicon) -> str:
    """A written name reduced to the letters that identify it: 'Mustafa Al-Kazemi' → 'mustafa kazemi'."""
    key = lex.speller.spelling_key
    return " ".join(key(part) for part in name.split() if not part.islower())


def _overlaps_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)
