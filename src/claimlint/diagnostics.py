"""`Diagnostic`: a finding placed in its file (path, lines, columns, original offsets),
ready for any reporter; plain data, so it crosses process boundaries."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from claimlint.document import Document
from claimlint.findings import Finding, Level


@dataclass(frozen=True, slots=True)
class Location:
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class RelatedLocation:
    location: Location
    message: str
    source_line: str


@dataclass(frozen=True, slots=True)
class Diagnostic:
    path: str
    rule: str
    category: str
    level: Level
    message: str
    location: Location
    source_line: str
    fix: str | None = None
    fix_safe: bool = False
    related: tuple[RelatedLocation, ...] = ()
    data: dict[str, Any] = field(default_factory=dict)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.location.start, self.location.end, self.rule)


def locate(doc: Document, start: int, end: int) -> Location:
    """Line/column (1-based, end exclusive) and original offsets of a span."""
    first = doc.position(start)
    last = doc.position(max(start, end))
    return Location(
        line=first.line,
        column=first.column,
        end_line=last.line,
        end_column=last.column,
        start=doc.original_offset(start),
        end=doc.original_offset(end),
    )


def line_text(doc: Document, line: int) -> str:
    start, end = doc.line_span(line)
    return doc.text[start:end]


def diagnose(doc: Document, finding: Finding) -> Diagnostic:
    location = locate(doc, finding.start, finding.end)
    related = tuple(
        RelatedLocation(
            locate(doc, r.start, r.end), r.message, line_text(doc, doc.position(r.start).line)
        )
        for r in finding.related
    )
    return Diagnostic(
        path=doc.path,
        rule=finding.rule,
        category=finding.category,
        level=finding.level,
        message=finding.message,
        location=location,
        source_line=line_text(doc, location.line),
        fix=finding.fix.replacement if finding.fix else None,
        fix_safe=finding.fix.safe if finding.fix else False,
        related=related,
        data=finding.data,
    )
