"""The name layer of one document, built once and shared by every names rule."""

from __future__ import annotations

from dataclasses import dataclass

from claimlint.document import Document
from claimlint.names.known import KnownPeople, Verdict
from claimlint.names.mentions import Mention, find_mentions

PERSON_LABELS = frozenset({"PERSON", "PER"})


@dataclass(frozen=True)
class NameAnalysis:
    mentions: list[Mention]
    verdicts: dict[int, Verdict]  # by mention start

    def verdict(self, mention: Mention) -> Verdict | None:
        return self.verdicts.get(mention.start)


def analyse(doc: Document, known: KnownPeople, model: str | None) -> NameAnalysis:
    """Mentions of people in `doc` and what the facts say about each (memoised on `doc`)."""
    cache_key = ("names", model, tuple(p.name for p in known.people))
    cached = doc.cache.get("names.analysis")
    if isinstance(cached, tuple) and cached[0] == cache_key:
        result: NameAnalysis = cached[1]
        return result
    spans = model_person_spans(doc, model) if model else ()
    mentions = find_mentions(doc, known.forms, spans)
    verdicts: dict[int, Verdict] = {}
    if known:
        for mention in mentions:
            verdict = known.verdict(mention)
            if verdict is not None:
                verdicts[mention.start] = verdict
    result = NameAnalysis(mentions, verdicts)
    doc.cache["names.analysis"] = (cache_key, result)
    return result


def model_person_spans(doc: Document, model: str) -> list[tuple[int, int]]:
    """PERSON entities of the statistical model the user asked for."""
    from claimlint.nlp import pipeline

    key = f"names.model:{model}"
    spans = doc.cache.get(key)
    if spans is None:
        parsed = pipeline(model)(doc.lint_text)
        spans = [(e.start_char, e.end_char) for e in parsed.ents if e.label_ in PERSON_LABELS]
        doc.cache[key] = spans
    result: list[tuple[int, int]] = spans
    return result
