"""Every part of a person's name compared across the person's mentions.

For each part (given name, patronymic, the surname's letters, the article before it,
the honorific) the person's reference is the spelling most mentions use (a full name
counts twice; a spelling the facts file accepts wins), and each mention that writes a
part otherwise differs in that part: in its letters (Hassan / Hasan), in hyphens,
spaces or apostrophes (Sobhani-Nejad / Sobhaninejad), in case (al-Obeidi / Al-Obeidi
mid-sentence, where the article stands alike; "nazari" in machine output), in diacritics (Kılınç / Kilinc, decided by
house style), or in order (Zhang Wenhua / Wenhua Zhang). The fix is the mention
rewritten with the reference's parts, in the mention's own shape ("Saki" for
"Sacchi", "Nasser bin Saud Al Mansouri" for "Nasser bin Saud Al-Mansoori").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

import msgspec

from claimlint.names.form import NameForm, initial, normalise
from claimlint.names.lexicon import NameLexicon
from claimlint.names.mentions import SENTENCE_START, Mention
from claimlint.names.people import Grouper, Person

GIVEN = "given name"
PATRONYMIC = "patronymic"
SURNAME = "surname"
SPACING = "hyphen, space or apostrophe"
PARTICLE = "particle"
PARTICLE_CASE = "particle case"
CASE = "case"
ORDER = "order"
HONORIFIC = "honorific"
DIACRITICS = "diacritics"

_HEADLINE_ENDS = frozenset(".!?:;\"”’')…")


class Difference(msgspec.Struct, frozen=True):
    """One mention that writes its person's name otherwise than the reference."""

    mention: Mention
    parts: tuple[str, ...]
    start: int
    end: int
    found: str
    fix: str
    #: the person's whole name as the reference writes it, and where it is written
    reference: str
    reference_at: Mention

    @property
    def diacritics_only(self) -> bool:
        return self.parts == (DIACRITICS,)


class _Vote(msgspec.Struct, frozen=True):
    value: str
    weight: int
    start: int
    full: bool


def _majority(votes: Iterable[_Vote]) -> str | None:
    totals: dict[str, list[int]] = {}
    for vote in votes:
        entry = totals.setdefault(vote.value, [0, 0, -vote.start])
        entry[0] += vote.weight
        entry[1] = max(entry[1], int(vote.full))
        entry[2] = max(entry[2], -vote.start)
    if not totals:
        return None
    return max(totals, key=lambda v: tuple(totals[v]))


def _marks(text: str) -> int:
    """How many characters are not ASCII: letters with diacritics, combining marks
    (the dot of a casefolded İ), letters Unicode does not decompose."""
    return sum(1 for c in text if ord(c) > 127)


class Comparer:
    """Compares the mentions of people under one lexicon."""

    def __init__(self, lex: NameLexicon, grouper: Grouper) -> None:
        self.lex = lex
        self.grouper = grouper
        self.speller = lex.speller
        self.style = lex.options.diacritics

    def fold(self, text: str) -> str:
        """Casefolded, without diacritics, separators kept: the spacing level."""
        return normalise(self.speller.ascii_fold(text))

    def _written(
        self, votes: list[tuple[str, tuple[int, int, bool]]], mid: set[int] | None = None
    ) -> str | None:
        """The reference written form among forms of equal letters: the spacing most use,
        then the diacritics the house style asks for, then the case most use mid-sentence
        (`mid`: the positions of the votes that stand there; a sentence or a headline
        capitalises "de Vries")."""
        spacing = _majority(_Vote(self.fold(v), *w) for v, w in votes)
        if spacing is None:
            return None
        same = [(v, w) for v, w in votes if self.fold(v) == spacing]
        variants = sorted({v.casefold() for v, _ in same})
        if self.style != "majority" and len(variants) > 1:
            marks = [_marks(v) for v in variants]
            wanted = max(marks) if self.style == "native" else min(marks)
            keep = {v for v, m in zip(variants, marks, strict=True) if m == wanted}
            same = [(v, w) for v, w in same if v.casefold() in keep]
        chosen = _majority(_Vote(v.casefold(), *w) for v, w in same)
        cased = [(v, w) for v, w in same if v.casefold() == chosen]
        if mid is not None:
            cased = [(v, w) for v, w in cased if w[1] in mid] or cased
        return _majority(_Vote(v, *w) for v, w in cased)

    def differences(
        self, person: Person, weight: Callable[[Mention], int], text: str
    ) -> list[Difference]:
        forms = person.forms
        if len(forms) < 2 or _uniform(forms):
            return []
        ref = _Reference.of(self, forms, weight, text)
        if ref is None:
            return []
        found = []
        for form in forms:
            difference = self._compare(form, ref, text)
            if difference is not None:
                found.append(difference)
        return found

    def _compare(self, form: NameForm, ref: _Reference, text: str) -> Difference | None:
        mention = form.mention
        if ref.order is not None and form is not ref.order and self._order_differs(form, ref):
            whole = ref.order.whole()
            return Difference(
                mention, (ORDER,), mention.start, mention.end, mention.text, whole, whole, ref.at
            )
        if ref.order is not None and self.grouper.swapped(form, ref.order):
            return None  # counted as an order difference only
        if not form.full and form.surname_key and form.surname_key == ref.first_given_key:
            return None  # a given name alone ("Sheikh Nasser"; "Zhang" of "Zhang Wenhua")
        parts: list[str] = []
        at_start = _at_start(text, mention.start)
        lowercase = mention.evidence == "lowercase"
        given = form.given_text
        if form.given and ref.given_forms and form.given_names:
            given = self._compare_given(form, ref, parts, lowercase)
        patronymic = form.patronymic_text
        if form.patronymic and ref.patronymic and form.patronymic_key != ref.patronymic_key:
            parts.append(PATRONYMIC)
            patronymic = ref.patronymic
        article = form.article
        surname = form.surname
        if form.surname_key and ref.surname is not None:
            if form.surname_key != ref.surname_key:
                if form.letters == ref.letters and ref.letters:
                    parts.append(SPACING)
                    given, patronymic = ref.given, ref.patronymic
                else:
                    parts.append(SURNAME)
                surname = ref.surname
            else:
                surname = self._compare_written(
                    form.surname, ref.surname, parts, lowercase, at_start or ref.headline(mention)
                )
            if article and ref.article:
                article = self._compare_article(article, ref, parts, lowercase, at_start, form)
        honorific = mention.honorific
        start = mention.start
        fixed_honorific = ""
        if (
            honorific is not None
            and ref.honorific
            and honorific.text != ref.honorific
            and self._alike_honorific(honorific.text, ref.honorific)
        ):
            parts.append(HONORIFIC)
            start = honorific.start
            fixed_honorific = ref.honorific
        if not parts:
            return None
        pieces = [fixed_honorific, given, patronymic, article + surname]
        fix = " ".join(p for p in pieces if p)
        found = text[start : mention.end]
        whole = f"{fixed_honorific} {ref.whole}" if fixed_honorific else ref.whole
        return Difference(
            mention, tuple(dict.fromkeys(parts)), start, mention.end, found, fix, whole, ref.at
        )

    def _order_differs(self, form: NameForm, ref: _Reference) -> bool:
        return ref.order is not None and self.grouper.swapped(form, ref.order)

    def _compare_given(
        self, form: NameForm, ref: _Reference, parts: list[str], lowercase: bool
    ) -> str:
        given = form.given_text
        if form.given_key == ref.given_key:
            if len(form.given_names) != len(form.given):
                return given  # initials: the names themselves are the reference's
            return self._compare_written(given, ref.given_plain, parts, lowercase, True)
        mine = [t.text for t in form.given]
        theirs = ref.given_tokens
        key = self.speller.spelling_key
        for count in range(1, len(theirs)):
            # "Abdul Malik" for "Abdulmalik Badruddin": the first given names, spaced otherwise
            if form.given_key == "".join(key(t) for t in theirs[:count]):
                head = normalise(" ".join(theirs[:count]))
                return self._compare_written(given, head, parts, lowercase, True)
        fixed = list(mine)
        at = 0
        differs = False
        for index, token in enumerate(mine):
            if index == 0:
                match = 0 if theirs else None
            else:
                match = next(
                    (
                        j
                        for j in range(max(at, 1), len(theirs))
                        if self.grouper.given_token_compatible(token, theirs[j])
                    ),
                    None,
                )
            if match is None:
                continue
            at = match + 1
            other = theirs[match]
            if initial(token) or initial(other):
                continue
            if self.speller.spelling_key(token) != self.speller.spelling_key(other):
                honorifics = self.lex.honorifics
                if token.casefold() in honorifics and other.casefold() in honorifics:
                    parts.append(HONORIFIC)  # "Lahur Shaikh Jangi": part of the name
                else:
                    differs = True
                fixed[index] = other
            elif normalise(token) != other:
                self._compare_written(token, other, parts, lowercase, True)
                fixed[index] = other
        if differs:
            parts.append(GIVEN)
        return normalise(" ".join(fixed))

    def _compare_written(
        self, mine: str, theirs: str, parts: list[str], lowercase: bool, exempt_case: bool
    ) -> str:
        """Compare two spellings with the same letters; returns the fixed spelling."""
        if mine == theirs:
            return mine
        if self.fold(mine) != self.fold(theirs):
            parts.append(SPACING)
        elif mine.casefold() != theirs.casefold():
            parts.append(DIACRITICS)
        elif lowercase:
            parts.append(CASE)
        elif not exempt_case and _case_in_particles(mine, theirs, self.lex.particles):
            parts.append(PARTICLE_CASE)
        else:
            return mine
        return theirs

    def _compare_article(
        self,
        article: str,
        ref: _Reference,
        parts: list[str],
        lowercase: bool,
        at_start: bool,
        form: NameForm,
    ) -> str:
        theirs = ref.article
        if article[-1:] != theirs[-1:] or article[:-1].casefold() != theirs[:-1].casefold():
            parts.append(PARTICLE)
            return theirs if not at_start else _capitalised(theirs)
        if lowercase:
            if article == theirs:
                return article
            parts.append(CASE)
            return theirs if not at_start else _capitalised(theirs)
        # the case, against the mid-sentence mentions whose article stands where this
        # one's does (leading the name, or after given names)
        case = ref.article_case.get(_leads(form))
        if at_start or ref.headline(form.mention) or case is None or article == case:
            return article
        parts.append(PARTICLE_CASE)
        return case

    def _alike_honorific(self, a: str, b: str) -> bool:
        key_a = self.speller.sound_key(a.rstrip("."))
        key_b = self.speller.sound_key(b.rstrip("."))
        return key_a == key_b or self.speller.sounds_alike(a.rstrip("."), b.rstrip("."))


class _Reference(msgspec.Struct):
    """The reference spelling of each part of one person's name."""

    surname_key: str
    surname: str | None
    article: str
    #: the case of the article most mid-sentence mentions use, where it leads the name
    #: (True: "Al-Sudani") and where it follows given names (False: "Mohammed Shia
    #: al-Sudani"); some house styles capitalise the first and not the second
    article_case: dict[bool, str]
    given_key: str
    first_given_key: str
    given: str
    given_plain: str
    given_tokens: list[str]
    given_forms: bool
    patronymic: str
    patronymic_key: str
    honorific: str
    order: NameForm | None
    at: Mention
    whole: str
    letters: str
    text: str

    def headline(self, mention: Mention) -> bool:
        return _headline(self.text, mention.start)

    @classmethod
    def of(
        cls,
        comparer: Comparer,
        forms: Sequence[NameForm],
        weight: Callable[[Mention], int],
        text: str,
    ) -> _Reference | None:
        def vote(form: NameForm) -> tuple[int, int, bool]:
            return weight(form.mention) * (2 if form.full else 1), form.mention.start, form.full

        order = _order(comparer.grouper, forms, vote)
        if order is not None:
            forms = [f for f in forms if not comparer.grouper.swapped(f, order)]
        with_surname = [f for f in forms if f.surname_key]
        surname_key = _majority(_Vote(f.surname_key, *vote(f)) for f in with_surname) or ""
        same_surname = [f for f in with_surname if f.surname_key == surname_key]
        written = [(f.surname, vote(f)) for f in same_surname if f.mention.evidence != "lowercase"]
        mid_sentence = {
            f.mention.start
            for f in forms
            if not _at_start(text, f.mention.start) and not _headline(text, f.mention.start)
        }
        surname = comparer._written(written, mid_sentence) if written else None
        articles = [f for f in same_surname if f.article and f.mention.evidence != "lowercase"]
        separator = _majority(_Vote(f.article[-1], *vote(f)) for f in articles) or ""
        article = (
            _majority(_Vote(f.article, *vote(f)) for f in articles if f.article[-1] == separator)
            or ""
        )
        # the reference article's case, voted by the mid-sentence mentions that write it
        # otherwise the same (another particle or separator is reported as such)
        mid = [
            f
            for f in articles
            if f.mention.start in mid_sentence and f.article.casefold() == article.casefold()
        ]
        article_case: dict[bool, str] = {}
        for leads in (True, False):
            case = _majority(_Vote(f.article, *vote(f)) for f in mid if _leads(f) is leads)
            if case is not None:
                article_case[leads] = case
        full = [f for f in forms if f.given_names and f.mention.evidence != "lowercase"]
        given_key = _majority(_Vote(f.given_key, *vote(f)) for f in full) or ""
        same_given = [f for f in full if f.given_key == given_key]
        given = comparer._written([(f.given_text, vote(f)) for f in same_given]) or ""
        given_form = next((f for f in same_given if f.given_text == given), None)
        tokens = [t.text for t in given_form.given] if given_form else given.split()
        with_patronymic = [f for f in forms if f.patronymic]
        patronymic_key = _majority(_Vote(f.patronymic_key, *vote(f)) for f in with_patronymic)
        patronymic = next(
            (f.patronymic_text for f in with_patronymic if f.patronymic_key == patronymic_key), ""
        )
        honorifics = [f.mention.honorific.text for f in forms if f.mention.honorific]
        honorific = (
            _majority(
                _Vote(f.mention.honorific.text, *vote(f)) for f in forms if f.mention.honorific
            )
            or ""
            if honorifics
            else ""
        )
        reference_forms = [
            f
            for f in forms
            if f.surname_key == surname_key and (not f.given_names or f.given_key == given_key)
        ]
        if not reference_forms:
            return None
        at = max(
            reference_forms,
            key=lambda f: (len(f.given_names), -f.mention.start),
        ).mention
        pieces = [given, patronymic, article + (surname or "")]
        whole = " ".join(p for p in pieces if p)
        return cls(
            surname_key=surname_key,
            surname=surname,
            article=article,
            article_case=article_case,
            given_key=given_key,
            first_given_key=comparer.speller.spelling_key(tokens[0]) if tokens else "",
            given=given,
            given_plain=normalise(" ".join(t for t in tokens if not initial(t))),
            given_tokens=tokens,
            given_forms=bool(full),
            patronymic=patronymic,
            patronymic_key=patronymic_key or "",
            honorific=honorific,
            order=order,
            at=at,
            whole=whole,
            letters=given_key + (patronymic_key or "") + surname_key,
            text=text,
        )


def _order(
    grouper: Grouper, forms: Sequence[NameForm], vote: Callable[[NameForm], tuple[int, int, bool]]
) -> NameForm | None:
    """The two-word form in the order most mentions use, when the person is written in
    both orders."""
    two = [f for f in forms if len(f.mention.tokens) == 2]
    if len(two) < 2:
        return None
    first = two[0]
    same = [f for f in two if not grouper.swapped(f, first)]
    other = [f for f in two if grouper.swapped(f, first)]
    if not other:
        return None
    weight: dict[int, int] = defaultdict(int)
    for f in same:
        weight[0] += vote(f)[0]
    for f in other:
        weight[1] += vote(f)[0]
    return first if weight[0] >= weight[1] else other[0]


def _uniform(forms: Sequence[NameForm]) -> bool:
    """Every mention writes every part it has the same way (most people in most copy)."""
    given: set[str] = set()
    surname: set[str] = set()
    other: set[str] = set()
    for form in forms:
        if form.mention.evidence in ("lowercase", "order"):
            return False
        if form.given:
            given.add(form.given_text)
        if form.surname_key:
            surname.add(form.article + form.surname)
        if form.patronymic:
            other.add(form.patronymic_text)
        if form.mention.honorific is not None:
            other.add("/" + form.mention.honorific.text)
    return (
        len(given) <= 1
        and len(surname) <= 1
        and len(other) <= 2
        and (len({o for o in other if o.startswith("/")}) <= 1)
    )


def _leads(form: NameForm) -> bool:
    """The article begins the name as written ("Al-Sudani", "Minister Al-Sudani")."""
    return not form.given and not form.patronymic


def _case_in_particles(mine: str, theirs: str, particles: frozenset[str]) -> bool:
    """The two differ in case only in their particles ("bin Salman" / "Bin Salman")."""
    a, b = mine.split(), theirs.split()
    if len(a) != len(b):
        return False
    return any(x != y and x.casefold() in particles for x, y in zip(a, b, strict=True))


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _at_start(text: str, offset: int) -> bool:
    """The offset begins a sentence, a line or a quotation."""
    return SENTENCE_START.search(text[max(0, offset - 12) : offset]) is not None


def _headline(text: str, offset: int) -> bool:
    """The offset is in a headline: a Markdown heading, or a line with no closing
    punctuation (title case is no evidence there)."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start : end if end >= 0 else len(text)].strip()
    return line.startswith("#") or (bool(line) and line[-1] not in _HEADLINE_ENDS)
