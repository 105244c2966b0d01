"""Person-name mentions in a document, found without a statistical model.

A capitalised sequence is a person when something says so: a title or role before
it ("Prime Minister Mustafa …", "spokeswoman, Jane Saki"), a verb of speech ("Sacchi
said", "said Sacchi"), an appositive after it (", who", ", the spokeswoman"), the
facts file, or (when asked for) the statistical model's PERSON entities. Once a
person is known, later bare mentions of the same name or surname ("Biden",
"Al-Kazemi’s") are linked to it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import regex

from claimlint.document import Document
from claimlint.names import lexicon
from claimlint.names.given_names import is_given_name
from claimlint.names.spelling import metaphone_key, sound_key, sounds_alike, spelling_key

_PARTICLE_ALT = "|".join(sorted(lexicon.PARTICLES, key=len, reverse=True))
_WORD = r"\p{Lu}[\p{L}\p{M}]*(?:['’]\p{Lu}[\p{L}\p{M}]*)?(?:[-‑]\p{L}[\p{L}\p{M}]*)*"
_PREFIXED = r"(?:[ae]l|a[dsztrn]|ash)[-‑]\p{Lu}[\p{L}\p{M}]*(?:[-‑]\p{L}[\p{L}\p{M}]*)*"
_INITIAL = r"\p{Lu}\.(?=[ \t]+\p{Lu})"
_TOKEN = rf"(?:{_PREFIXED}|{_INITIAL}|{_WORD})"
_SEQUENCE = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}\d'’-]){_TOKEN}(?:[ \t]+(?:(?:{_PARTICLE_ALT})[ \t]+)*{_TOKEN})*"
    r"(?P<possessive>['’]s\b|(?<=s)['’](?!\p{L}))?"
)
_TOKEN_IN = regex.compile(rf"{_TOKEN}|(?:{_PARTICLE_ALT})(?=[ \t])")
_LOWER_WORD = regex.compile(r"\b\p{Ll}[\p{Ll}'’-]*\b")

_SPEECH_ALT = "|".join(sorted(lexicon.SPEECH_VERBS, key=len, reverse=True))
_TITLE_ALT = "|".join(
    regex.escape(t) for t in sorted(lexicon.TITLES, key=len, reverse=True) if "." not in t
)
_SPEECH_AFTER = regex.compile(
    rf"[ \t]*,?[ \t]+(?:\p{{Ll}}+ly[ \t]+|also[ \t]+|then[ \t]+|later[ \t]+)?(?:{_SPEECH_ALT})\b"
)
# The patterns that end in `$` read the text before a name: searched in reverse
# (regex.REVERSE), they are tried at the end of that text first instead of at every
# offset of it. Only whether they match is used, or (for the title) a role that is the
# same either way: every match ends at the same place and the longest title comes first.
_SPEECH_BEFORE = regex.compile(
    rf"\b(?:(?:{_SPEECH_ALT})|according[ \t]+to)[ \t]+$", regex.I | regex.REVERSE
)
_TITLE_BEFORE = regex.compile(rf"\b(?P<role>{_TITLE_ALT})[ \t]+$", regex.REVERSE)
_TITLE_OF_BEFORE = regex.compile(rf"\b(?P<role>(?i:{_TITLE_ALT}))[ \t]+of[ \t]+$")
_APPOSITIVE_AFTER = regex.compile(
    rf",[ \t]+(?:(?:who|whose)\b|\d{{1,3}},|(?:the|a|an|his|her|their|its)[ \t]+"
    rf"(?:[\p{{L}}'’-]+[ \t]+){{0,5}}?(?P<role>{_TITLE_ALT})\b)"
)
_CLAUSE_START = regex.compile(r"[,.;:!?()\n](?=[^,.;:!?()\n]*$)")
# the same, in reverse; it differs only on text that ends in a line break, where `$`
# also matches before that break and the forward search finds the earlier mark
_CLAUSE_START_REVERSE = regex.compile(_CLAUSE_START.pattern, regex.REVERSE)
_ROLE_IN_CLAUSE = regex.compile(
    rf"\b(?i:the|a|an|its|his|her|their|as)[ \t]+(?:[\p{{L}}“”\"'’-]+[ \t]+){{0,8}}?(?P<role>{_TITLE_ALT})\b"
)
_SENTENCE_START = regex.compile(r"(?:^|[.!?]['’”\"]?[ \t]+|\n[ \t]*|[“\"][ \t]*)$", regex.REVERSE)

_NEVER_IN_NAME = lexicon.STOP | lexicon.WEEKDAYS
_DESCRIPTORS = lexicon.TITLE_PARTS | lexicon.DEMONYMS | lexicon.MONTHS | lexicon.GROUP_NOUNS
_NOT_PEOPLE = lexicon.COUNTRIES | lexicon.NOT_PEOPLE | lexicon.DEMONYMS

_MAX_NAME_TOKENS = 5
_LOOK_BEHIND = 140


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of a person: the name as written, without title or possessive."""

    start: int
    end: int
    text: str
    given: tuple[str, ...]
    surname: str
    surname_start: int
    evidence: str
    roles: tuple[str, ...] = ()

    @property
    def full(self) -> bool:
        return bool(self.given)

    @property
    def key(self) -> tuple[tuple[str, ...], str]:
        return tuple(spelling_key(g) for g in self.given), spelling_key(self.surname)


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Candidate:
    tokens: tuple[_Token, ...]
    roles: tuple[str, ...]
    title_evidence: bool
    after: int  # where the text after the name (and its possessive) begins

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


def find_mentions(
    doc: Document,
    known_forms: Sequence[str] = (),
    model_spans: Iterable[tuple[int, int]] = (),
) -> list[Mention]:
    """Every person mention in `doc`, in text order.

    `known_forms` are names the facts file lists (found wherever they stand);
    `model_spans` are PERSON entities of a statistical model, when one ran.
    """
    text = doc.lint_text
    lowercase_words = _LowercaseWords(text)
    candidates = list(_candidates(text))
    mentions: dict[tuple[int, int], Mention] = {}
    known_keys = {_form_key(form) for form in known_forms}
    model = sorted(model_spans)
    for cand in candidates:
        evidence, roles = _evidence(text, cand, lowercase_words)
        if roles:
            cand = _Candidate(cand.tokens, cand.roles + roles, cand.title_evidence, cand.after)
        if evidence is None and _form_key(_joined(cand.tokens)) in known_keys:
            evidence = "facts"
        if evidence is None and model and _overlaps_any(cand.start, cand.end, model):
            evidence = "model"
        if evidence is not None:
            mention = _mention(cand, evidence)
            mentions[(mention.start, mention.end)] = mention
    _link(candidates, mentions, [_surname_of(form) for form in known_forms])
    return sorted(mentions.values(), key=lambda m: m.start)


def _candidates(text: str) -> Iterator[_Candidate]:
    for match in _SEQUENCE.finditer(text):
        start, after = match.span()
        possessive = match.start("possessive")
        body_end = after if possessive < 0 else possessive
        body = text[start:body_end]
        if " " not in body and "\t" not in body:
            # one word, matched as one token by the sequence: `_runs` inlined
            if not (body.casefold() in _NEVER_IN_NAME or _is_acronym(body)):
                yield from _named_part(text, [_Token(body, start, body_end)], after)
            continue
        tokens = [
            _Token(t.group(), start + t.start(), start + t.end()) for t in _TOKEN_IN.finditer(body)
        ]
        for run in _runs(tokens):
            yield from _named_part(text, run, after if run[-1] is tokens[-1] else run[-1].end)


def _runs(tokens: list[_Token]) -> Iterator[list[_Token]]:
    """Split a capitalised sequence at words that are never part of a name."""
    run: list[_Token] = []
    for token in tokens:
        if token.text.casefold() in _NEVER_IN_NAME or _is_acronym(token.text):
            if run:
                yield run
            run = []
        else:
            run.append(token)
    if run:
        yield run


def _named_part(text: str, run: list[_Token], after: int) -> Iterator[_Candidate]:
    """The name inside a run, after any title ("Iraqi Prime Minister …")."""
    last_title = -1
    for index, token in enumerate(run):
        if token.text.casefold() in lexicon.TITLES:
            last_title = index
    roles: tuple[str, ...] = ()
    if last_title >= 0:
        roles = (run[last_title].text.casefold().rstrip("."),)
        name = run[last_title + 1 :]
    else:
        name = list(run)
        while name and _is_descriptor(name[0].text):
            name.pop(0)
        # "Secretary of State Antony Blinken": the title stands before "of"
        if len(name) < len(run):
            title_of = _TITLE_OF_BEFORE.search(text, max(0, run[0].start - 40), run[0].start)
            if title_of:
                last_title = 0
                roles = (title_of.group("role").casefold(),)
    while name and name[0].text.islower():  # a particle cannot start a name
        name.pop(0)
    while name and name[-1].text.islower():
        name.pop()
    if not name or len(name) > _MAX_NAME_TOKENS or not _could_be_name(name):
        return
    yield _Candidate(
        tuple(name), roles, last_title >= 0, after if name[-1] is run[-1] else name[-1].end
    )


def _is_descriptor(word: str) -> bool:
    return word.casefold() in _DESCRIPTORS


def _is_acronym(word: str) -> bool:
    """Two letters or more, all capitals."""
    letters = 0
    for char in word:
        if char.isalpha():
            if not char.isupper():
                return False
            letters += 1
    return letters >= 2


def _could_be_name(tokens: Sequence[_Token]) -> bool:
    words = [t.text for t in tokens if not t.text.islower()]
    last = spelling_key(words[-1]) if words else ""
    lowered_last = words[-1].casefold() if words else ""
    if not last or lowered_last in lexicon.ORGANISATION_WORDS:
        return False
    if len(words) == 1:
        return lowered_last not in lexicon.NEVER_A_NAME and lowered_last not in lexicon.TITLE_PARTS
    return lowered_last not in _NOT_PEOPLE and not all(w.casefold() in _NOT_PEOPLE for w in words)


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
    text: str, cand: _Candidate, lowercase_words: _LowercaseWords
) -> tuple[str | None, tuple[str, ...]]:
    """What says the candidate is a person, and the roles given to it there."""
    if cand.title_evidence:
        return "title", ()
    before = text[max(0, cand.start - _LOOK_BEHIND) : cand.start]
    single = len(cand.tokens) == 1
    if (
        single
        and _SENTENCE_START.search(before)
        and cand.tokens[0].text.casefold() in lowercase_words
    ):
        return None, ()  # an ordinary word that starts a sentence ("Officials said")
    title = _TITLE_BEFORE.search(before)
    if title:
        return "role", (title.group("role").casefold(),)
    appositive = _APPOSITIVE_AFTER.match(text, cand.after)
    if appositive:
        role = appositive.group("role")
        return "appositive", (role.casefold(),) if role else ()
    if _SPEECH_AFTER.match(text, cand.after) or _SPEECH_BEFORE.search(before):
        return "speech", ()
    if len(cand.tokens) >= 2 and is_given_name(cand.tokens[0].text):
        return "given-name", ()
    if before.rstrip(" \t").endswith(","):
        clause_end = len(before.rstrip(" \t")) - 1
        clause = before[:clause_end]
        clause_start = _CLAUSE_START if clause.endswith("\n") else _CLAUSE_START_REVERSE
        boundary = clause_start.search(clause)
        clause = clause[boundary.end() :] if boundary else clause
        roles = [m.group("role").casefold() for m in _ROLE_IN_CLAUSE.finditer(clause)]
        if roles:
            return "appositive", (roles[-1],)
    return None, ()


def _mention(cand: _Candidate, evidence: str) -> Mention:
    tokens = cand.tokens
    surname_index = len(tokens) - 1
    # particles belong to the surname: "bin Salman", "van der Leyen"
    while surname_index > 0 and tokens[surname_index - 1].text.islower():
        surname_index -= 1
    given = tuple(t.text for t in tokens[:surname_index] if not t.text.endswith("."))
    surname_tokens = tokens[surname_index:]
    return Mention(
        start=tokens[0].start,
        end=tokens[-1].end,
        text=_joined(tokens),
        given=given,
        surname=tokens[-1].text,
        surname_start=surname_tokens[-1].start,
        evidence=evidence,
        roles=cand.roles,
    )


def _link(
    candidates: list[_Candidate], mentions: dict[tuple[int, int], Mention], known: list[str]
) -> None:
    """Bare mentions of a known person: the same full name or surname, or a surname that
    reads like a known one (the drift this layer exists to catch: "Suleimani had led")."""
    full_names = {_form_key(m.text) for m in mentions.values()}
    surnames = {spelling_key(m.surname) for m in mentions.values() if m.full}
    alike: dict[str, list[str]] = {}
    for surname in {spelling_key(m.surname) for m in mentions.values()} | {
        spelling_key(k) for k in known if k
    }:
        for bucket in (sound_key(surname), "|" + metaphone_key(surname)):
            alike.setdefault(bucket, []).append(surname)
    for cand in candidates:
        if (cand.start, cand.end) in mentions or len(cand.tokens) > 3:
            continue
        key = _form_key(_joined(cand.tokens))
        last = spelling_key(cand.tokens[-1].text)
        evidence = None
        if key in full_names or last in surnames:
            evidence = "linked"
        elif any(
            sounds_alike(last, other)
            for bucket in (sound_key(last), "|" + metaphone_key(last))
            for other in alike.get(bucket, ())
        ):
            evidence = "alike"
        if evidence is not None:
            mention = _mention(cand, evidence)
            mentions[(mention.start, mention.end)] = mention


def _surname_of(form: str) -> str:
    words = [w for w in form.split() if not w.islower()]
    return words[-1] if words else ""


def _joined(tokens: Sequence[_Token]) -> str:
    return " ".join(t.text for t in tokens)


def _form_key(name: str) -> str:
    return " ".join(spelling_key(part) for part in name.split() if not part.islower())


def form_key(name: str) -> str:
    """A written name reduced to the letters that identify it: 'Mustafa Al-Kazemi' → 'mustafa kazemi'."""
    return _form_key(name)


def _overlaps_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)
