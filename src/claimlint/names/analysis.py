"""The name layer of one document, built once and shared by every names rule."""

from __future__ import annotations

import msgspec

from claimlint.document import Analysis, Document
from claimlint.names.form import NameForm
from claimlint.names.known import KnownPeople, Verdict
from claimlint.names.lexicon import NameLexicon
from claimlint.names.mentions import Mention, find_mentions
from claimlint.names.people import Cues, Grouper, Person

PERSON_LABELS = frozenset({"PERSON", "PER"})


class NameAnalysis(msgspec.Struct, frozen=True):
    mentions: list[Mention]
    verdicts: dict[int, Verdict]  # by mention start
    people: list[Person]
    #: False when the article held more alike names than are compared: later full names
    #: were grouped only when written exactly as before
    complete: bool = True

    def verdict(self, mention: Mention) -> Verdict | None:
        return self.verdicts.get(mention.start)


class NameAnalyzer(Analysis[NameAnalysis]):
    """Mentions of people in a document, the people they name, and what the facts say
    about each. One analyzer per check (compared by identity), so every names rule
    shares one analysis."""

    __slots__ = ("grouper", "known", "lexicon", "model")

    def __init__(
        self, lexicon: NameLexicon, grouper: Grouper, known: KnownPeople, model: str | None = None
    ) -> None:
        self.lexicon = lexicon
        self.grouper = grouper
        self.known = known
        self.model = model

    def compute(self, doc: Document) -> NameAnalysis:
        return analyse(doc, self.lexicon, self.known, self.model, self.grouper)


def analyse(
    doc: Document,
    lex: NameLexicon,
    known: KnownPeople,
    model: str | None,
    grouper: Grouper | None = None,
) -> NameAnalysis:
    """Mentions of people in `doc`, grouped into people, and what the facts say."""
    spans = model_person_spans(doc, model) if model else ()
    mentions = find_mentions(doc, lex, known.forms, spans)
    verdicts: dict[int, Verdict] = {}
    if known:
        for mention in mentions:
            verdict = known.verdict(mention)
            if verdict is not None:
                verdicts[mention.start] = verdict
    if len(mentions) <= 1:
        return NameAnalysis(mentions, verdicts, [])
    grouper = grouper or Grouper(lex)
    forms = [NameForm.of(m, lex) for m in mentions]
    grouped = grouper.group(forms, Cues(lex, doc.lint_text))
    return NameAnalysis(mentions, verdicts, grouped.people, grouped.complete)


def model_person_spans(doc: Document, model: str) -> list[tuple[int, int]]:
    """PERSON entities of the statistical model the user asked for."""
    from claimlint.nlp import pipeline

    parsed = pipeline(model)(doc.lint_text)
    return [(e.start_char, e.end_char) for e in parsed.ents if e.label_ in PERSON_LABELS]
