"""The temporal layer: a document's reference date and its date expressions, resolved.

Public API (each computed once per document and memoised in `doc.cache`):

- `reference_of(doc) -> Reference | None`: the date the article's relative dates are
  read against, with `source` ("option" for --date, "front-matter", "dateline"),
  a `label` in words and, except for --date, its span (`start`, `end`) in
  `doc.text`, ready for a `Related` location ("the dateline that anchored it").
  Also records `reference_date`, `reference_source` and `reference_detail` in
  `doc.cache["meta"]`, which the engine reports per file.
- `expressions_of(doc) -> tuple[DateExpression, ...]`: every date expression of the
  prose (`doc.lint_text`), in text order, each with its span (`start`, `end` in
  document offsets), `text`, `form`, whether it is `relative`, its `granularity`
  (day, week, month, year) and `resolved` value (a `DateRange` with inclusive
  `start` and `end` dates, or None when it cannot be resolved, e.g. a relative
  date in an undated article), plus the other readings (`alternatives`) and the
  weekday the text names, with `weekday_matches`.

The text reads "last January"; `resolved` says which January that is. Consumers
(the dates and timeline rules) compare ranges at the coarser granularity, e.g.
with `DateRange.overlaps`.
"""

from __future__ import annotations

from claimlint.document import Document
from claimlint.temporal import expressions, resolve
from claimlint.temporal.expressions import Candidate
from claimlint.temporal.model import DateExpression, DateRange, Form, Granularity, Reference
from claimlint.temporal.reference import find_reference

__all__ = [
    "DateExpression",
    "DateRange",
    "Form",
    "Granularity",
    "Reference",
    "expressions_of",
    "reference_of",
]

_CANDIDATES = "temporal.candidates"
_REFERENCE = "temporal.reference"
_EXPRESSIONS = "temporal.expressions"


def _candidates_of(doc: Document) -> list[Candidate]:
    found: list[Candidate] | None = doc.cache.get(_CANDIDATES)
    if found is None:
        found = expressions.find(doc.lint_text)
        doc.cache[_CANDIDATES] = found
    return found


def reference_of(doc: Document) -> Reference | None:
    """The document's reference date and where it came from (see the module doc)."""
    if _REFERENCE not in doc.cache:
        reference = find_reference(
            doc.text, doc.body_start, doc.front_matter, doc.date_override, _candidates_of(doc)
        )
        doc.cache[_REFERENCE] = reference
        meta = doc.cache.setdefault("meta", {})
        if reference is None:
            meta.update(reference_date=None, reference_source=None, reference_detail=None)
        else:
            detail = reference.label
            if reference.start is not None:
                detail += f", line {doc.position(reference.start).line}"
            meta.update(
                reference_date=reference.date.isoformat(),
                reference_source=reference.source,
                reference_detail=detail,
            )
    cached: Reference | None = doc.cache[_REFERENCE]
    return cached


def expressions_of(doc: Document) -> tuple[DateExpression, ...]:
    """Every date expression of the document, resolved (see the module doc)."""
    found: tuple[DateExpression, ...] | None = doc.cache.get(_EXPRESSIONS)
    if found is None:
        reference = reference_of(doc)
        found = tuple(
            resolve.resolve_all(
                _candidates_of(doc), doc.lint_text, reference.date if reference else None
            )
        )
        doc.cache[_EXPRESSIONS] = found
    return found
