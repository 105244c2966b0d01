"""`Diagnostic`: a finding placed in its file (path, lines, columns, original offsets),
ready for any reporter; plain data, so it crosses process boundaries."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

import msgspec

from claimlint.document import Document
from claimlint.findings import Finding, Level

# Diagnostics are pickled by the thousand (from workers, into the run's spool): a
# `__reduce__` that gives the fields in order pickles them about twice as fast as the
# state dictionaries of slotted dataclasses do.


class Location(msgspec.Struct, frozen=True):
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int

    def __reduce__(self) -> tuple[type[Location], tuple[int, ...]]:
        return (
            Location,
            (self.line, self.column, self.end_line, self.end_column, self.start, self.end),
        )


class RelatedLocation(msgspec.Struct, frozen=True):
    location: Location
    message: str
    source_line: str

    def __reduce__(self) -> tuple[type[RelatedLocation], tuple[Location, str, str]]:
        return (RelatedLocation, (self.location, self.message, self.source_line))


class Diagnostic(msgspec.Struct, frozen=True):
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
    data: dict[str, Any] = msgspec.field(default_factory=dict)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.location.start, self.location.end, self.rule)

    def __reduce__(self) -> tuple[type[Diagnostic], tuple[Any, ...]]:
        return (
            Diagnostic,
            (
                self.path,
                self.rule,
                self.category,
                self.level,
                self.message,
                self.location,
                self.source_line,
                self.fix,
                self.fix_safe,
                self.related,
                self.data,
            ),
        )


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


class Placer(Protocol):
    """Places spans of one file: what `diagnose` needs of a document."""

    @property
    def path(self) -> str: ...

    def locate(self, start: int, end: int) -> Location: ...

    def line_at(self, offset: int) -> str: ...


class DocumentPlacer:
    """Places spans of a document at hand."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        # one string per line however many findings it holds (a long line, copied for
        # each, made many findings on it quadratic in time and memory)
        self._lines: dict[int, str] = {}

    @property
    def path(self) -> str:
        return self.doc.path

    def locate(self, start: int, end: int) -> Location:
        return locate(self.doc, start, end)

    def line_at(self, offset: int) -> str:
        line = self.doc.position(offset).line
        text = self._lines.get(line)
        if text is None:
            text = self._lines[line] = line_text(self.doc, line)
        return text


class Anchors(msgspec.Struct, frozen=True):
    """A few spans of a document placed ahead of time, for a cross-file step that runs
    when the document is gone (plain data: it crosses process boundaries)."""

    path: str
    spans: dict[tuple[int, int], Location]
    lines: dict[int, str]  # the line of each span's start

    @classmethod
    def record(cls, doc: Document, spans: Iterable[tuple[int, int]]) -> Anchors:
        placer = DocumentPlacer(doc)
        located: dict[tuple[int, int], Location] = {}
        lines: dict[int, str] = {}
        for start, end in spans:
            located[(start, end)] = placer.locate(start, end)
            lines[start] = placer.line_at(start)
        return cls(doc.path, located, lines)

    def locate(self, start: int, end: int) -> Location:
        return self.spans[(start, end)]

    def line_at(self, offset: int) -> str:
        return self.lines[offset]


def diagnose(placer: Placer | Document, finding: Finding) -> Diagnostic:
    if isinstance(placer, Document):
        placer = DocumentPlacer(placer)
    location = placer.locate(finding.start, finding.end)
    related = tuple(
        RelatedLocation(placer.locate(r.start, r.end), r.message, placer.line_at(r.start))
        for r in finding.related
    )
    return Diagnostic(
        path=placer.path,
        rule=finding.rule,
        category=finding.category,
        level=finding.level,
        message=finding.message,
        location=location,
        source_line=placer.line_at(finding.start),
        fix=finding.fix.replacement if finding.fix else None,
        fix_safe=finding.fix.safe if finding.fix else False,
        related=related,
        data=finding.data,
    )
