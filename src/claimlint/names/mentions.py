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
from claimlint.names.lexicon import NameLexicon

CLAUSE_START = regex.compile(r"[,.;:!?()\n](?=[^,.;:!?()\n]*$)")
# the same, in reverse; it differs only on text that ends in a line break, where `$`
# also matches before that break and the forward search finds the earlier mark
CLAUSE_START_REVERSE = regex.compile(CLAUSE_START.pattern, regex.REVERSE)
_LOWER_WORD = regex.compile(r"\b\p{Ll}[\p{Ll}'’-]*\b")
SENTENCE_START = regex.compile(r"(?:^|[.!?]['’”\"]?[ \t]+|\n[ \t]*|[“\"][ \t]*)$", regex.REVERSE)

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
        evidence, roles = _evidence(text, cand, lowercase_words, lex)
        if roles:
            cand = _Candidate(cand.tokens, cand.roles + roles, cand.title_evidence, cand.after)
        if evidence is None and form_key(_joined(cand.tokens), lex) in known_keys:
            evidence = "facts"
        if evidence is None and model and _overlaps_any(cand.start, cand.end, model):
            evidence = "model"
        if evidence is not None:
            mention = _mention(cand, evidence)
            mentions[(mention.start, mention.end)] = mention
    _link(candidates, mentions, [_surname_of(form) for form in known_forms], lex)
    return sorted(mentions.values(), key=lambda m: m.start)


def _candidates(text: str, lex: NameLexicon) -> Iterator[_Candidate]:
    for match in lex.sequence.finditer(text):
        start, after = match.span()
        possessive = match.start("possessive")
        body_end = after if possessive < 0 else possessive
        body = text[start:body_end]
        if " " not in body and "\t" not in body:
            # one word, matched as one token by the sequence: `_runs` inlined
            if not (body.casefold() in lex.never_in_name or _is_acronym(body)):
                yield from _named_part(text, [_Token(body, start, body_end)], after, lex)
            continue
        tokens = [
            _Token(t.group(), start + t.start(), start + t.end())
            for t in lex.token_in.finditer(body)
        ]
        for run in _runs(tokens, lex):
            end = after if run[-1] is tokens[-1] else run[-1].end
            yield from _named_part(text, run, end, lex)


def _runs(tokens: list[_Token], lex: NameLexicon) -> Iterator[list[_Token]]:
    """Split a capitalised sequence at words that are never part of a name."""
    run: list[_Token] = []
    for token in tokens:
        if token.text.casefold() in lex.never_in_name or _is_acronym(token.text):
            if run:
                yield run
            run = []
        else:
            run.append(token)
    if run:
        yield run


def _named_part(text: str, run: list[_Token], after: int, lex: NameLexicon) -> Iterator[_Candidate]:
    """The name inside a run, after any title ("Iraqi Prime Minister …")."""
    last_title = -1
    for index, token in enumerate(run):
        if token.text.casefold().rstrip(".") in lex.titles:
            last_title = index
    roles: tuple[str, ...] = ()
    if last_title >= 0:
        roles = (run[last_title].text.casefold().rstrip("."),)
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
    while name and name[0].text.islower():  # a particle cannot start a name
        name.pop(0)
    while name and name[-1].text.islower():
        name.pop()
    if not name or len(name) > _MAX_NAME_TOKENS or not _could_be_name(name, lex):
        return
    yield _Candidate(
        tuple(name), roles, last_title >= 0, after if name[-1] is run[-1] else name[-1].end
    )


def _is_acronym(word: str) -> bool:
    """Two letters or more, all capitals."""
    letters = 0
    for char in word:
        if char.isalpha():
            if not char.isupper():
                return False
            letters += 1
    return letters >= 2


def _could_be_name(tokens: Sequence[_Token], lex: NameLexicon) -> bool:
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
) -> tuple[str | None, tuple[str, ...]]:
    """What says the candidate is a person, and the roles given to it there."""
    if cand.title_evidence:
        return "title", ()
    before = text[max(0, cand.start - _LOOK_BEHIND) : cand.start]
    single = len(cand.tokens) == 1
    if (
        single
        and SENTENCE_START.search(before)
        and cand.tokens[0].text.casefold() in lowercase_words
    ):
        return None, ()  # an ordinary word that starts a sentence ("Officials said")
    title = lex.title_before.search(before)
    if title:
        return "role", (title.group("role").casefold(),)
    appositive = lex.appositive_after.match(text, cand.after)
    if appositive:
        role = appositive.group("role")
        return "appositive", (role.casefold(),) if role else ()
    if lex.speech_after.match(text, cand.after) or lex.speech_before.search(before):
        return "speech", ()
    if len(cand.tokens) >= 2 and lex.is_given_name(cand.tokens[0].text):
        return "given-name", ()
    if before.rstrip(" \t").endswith(","):
        clause_end = len(before.rstrip(" \t")) - 1
        clause = before[:clause_end]
        clause_start = CLAUSE_START if clause.endswith("\n") else CLAUSE_START_REVERSE
        boundary = clause_start.search(clause)
        clause = clause[boundary.end() :] if boundary else clause
        roles = [m.group("role").casefold() for m in lex.role_in_clause.finditer(clause)]
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
    candidates: list[_Candidate],
    mentions: dict[tuple[int, int], Mention],
    known: list[str],
    lex: NameLexicon,
) -> None:
    """Bare mentions of a known person: the same full name or surname, or a surname that
    reads like a known one (the drift this layer exists to catch: "Suleimani had led")."""
    sp = lex.speller
    spelling_key, sound_key, metaphone_key = sp.spelling_key, sp.sound_key, sp.metaphone_key
    full_names = {form_key(m.text, lex) for m in mentions.values()}
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
        key = form_key(_joined(cand.tokens), lex)
        last = spelling_key(cand.tokens[-1].text)
        evidence = None
        if key in full_names or last in surnames:
            evidence = "linked"
        elif any(
            sp.sounds_alike(last, other)
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


def form_key(name: str, lex: NameLexicon) -> str:
    """A written name reduced to the letters that identify it: 'Mustafa Al-Kazemi' → 'mustafa kazemi'."""
    key = lex.speller.spelling_key
    return " ".join(key(part) for part in name.split() if not part.islower())


def _overlaps_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)
