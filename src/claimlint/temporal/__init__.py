"""The temporal layer: a document's reference date and its date expressions, resolved.

`Timeline` is the analysis (one per document and settings, see `Document.analysis`):

- `reference`: the date the article's relative dates are read against, with `source`
  ("option" for --date, "front-matter", "dateline"), a `label` in words and, except
  for --date, its span (`start`, `end`) in `doc.text`, ready for a `Related` location
  ("the dateline that anchored it"); `metadata()` is what the report says of it.
- `expressions`: every date expression of the prose (`doc.lint_text`), in text order,
  each with its span (`start`, `end` in document offsets), `text`, `form`, whether it
  is `relative`, its `granularity` (day, week, month, year) and `resolved` value (a
  `DateRange` with inclusive `start` and `end` dates, or None when it cannot be
  resolved, e.g. a relative date in an undated article), plus the other readings
  (`alternatives`) and the weekday the text names, with `weekday_matches`.

The text reads "last January"; `resolved` says which January that is. Consumers
(the dates and timeline checks) compare ranges at the coarser granularity, e.g.
with `DateRange.overlaps`. `reference_of` and `expressions_of` read a document
with the default settings.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from claimlint.document import Analysis, Document
from claimlint.temporal import expressions, resolve
from claimlint.temporal.expressions import Candidate
from claimlint.temporal.model import DateExpression, DateRange, Form, Granularity, Reference
from claimlint.temporal.reference import find
from claimlint.temporal.settings import DEFAULT_SETTINGS, TemporalSettings

__all__ = [
    "DateExpression",
    "DateRange",
    "Form",
    "Granularity",
    "Reference",
    "TemporalSettings",
    "Timeline",
    "expressions_of",
    "reference_of",
    "timeline",
]


class Timeline:
    """The dates of one document: its reference date, then its expressions (resolved
    on first use)."""

    def __init__(self, doc: Document, settings: TemporalSettings) -> None:
        self._doc = doc
        self._settings = settings
        self.candidates: list[Candidate] = expressions.find(doc.lint_text)
        found = find(
            doc.text,
            doc.body_start,
            doc.front_matter,
            doc.date_override,
            self.candidates,
            settings,
            prose=doc.lint_text,
        )
        self.reference: Reference | None = found.reference
        #: why a date near the top was not taken, when none was
        self.reference_note: str | None = found.note

    @cached_property
    def expressions(self) -> tuple[DateExpression, ...]:
        reference = self.reference
        return tuple(
            resolve.resolve_all(
                self.candidates,
                self._doc.lint_text,
                reference.date if reference else None,
                self._settings,
            )
        )

    def metadata(self) -> dict[str, Any]:
        """`reference_date`, `reference_source` and `reference_detail` for the report."""
        reference = self.reference
        if reference is None:
            return {
                "reference_date": None,
                "reference_source": None,
                "reference_detail": self.reference_note,
            }
        detail = reference.label
        if reference.start is not None:
            detail += f", line {self._doc.position(reference.start).line}"
        return {
            "reference_date": reference.date.isoformat(),
            "reference_source": reference.source,
            "reference_detail": detail,
        }

    def details(self) -> dict[str, Any]:
        """Every date expression as plain data (spans as offsets into the decoded file),
        at most `MAX_DETAILED` of them, and the reference date's span: what a report that
        shows the article draws on its timeline."""
        doc = self._doc
        reference = self.reference
        found = self.expressions
        out: dict[str, Any] = {
            "date_expressions": [_entry(doc, e) for e in found[:MAX_DETAILED]],
            "reference_span": None,
        }
        if len(found) > MAX_DETAILED:
            out["date_expressions_omitted"] = len(found) - MAX_DETAILED
        if reference is not None and reference.start is not None:
            end = reference.end if reference.end is not None else reference.start
            out["reference_span"] = [doc.original_offset(reference.start), doc.original_offset(end)]
        return out


#: date expressions a detailed report lists per document (a report, not a dump)
MAX_DETAILED = 1000


def _entry(doc: Document, expression: DateExpression) -> dict[str, Any]:
    return {
        "start": doc.original_offset(expression.start),
        "end": doc.original_offset(expression.end),
        "line": doc.position(expression.start).line,
        "text": expression.text,
        "form": str(expression.form),
        "relative": expression.relative,
        "granularity": str(expression.granularity),
        "resolved": expression.resolved.iso() if expression.resolved else None,
        "description": expression.description,
        "alternatives": [r.iso() for r in expression.alternatives],
    }


class TimelineAnalysis(Analysis[Timeline]):
    """The timeline under `settings`: two analyses with equal settings are one memo key."""

    __slots__ = ("settings",)

    def __init__(self, settings: TemporalSettings = DEFAULT_SETTINGS) -> None:
        self.settings = settings

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TimelineAnalysis) and other.settings == self.settings

    def __hash__(self) -> int:
        return hash(self.settings)

    def compute(self, doc: Document) -> Timeline:
        return Timeline(doc, self.settings)


def timeline(doc: Document, settings: TemporalSettings = DEFAULT_SETTINGS) -> Timeline:
    return doc.analysis(TimelineAnalysis(settings))


def reference_of(doc: Document, settings: TemporalSettings = DEFAULT_SETTINGS) -> Reference | None:
    """The document's reference date and where it came from (see the module doc)."""
    return timeline(doc, settings).reference


def expressions_of(
    doc: Document, settings: TemporalSettings = DEFAULT_SETTINGS
) -> tuple[DateExpression, ...]:
    """Every date expression of the document, resolved (see the module doc)."""
    return timeline(doc, settings).expressions
