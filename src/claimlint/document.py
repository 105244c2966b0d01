"""`Document`: one article as the rules see it.

The text is the decoded file with line endings normalised to "\\n"; `lint_text` is
the same text with non-prose regions (front matter, code, URLs) blanked out, so
offsets are shared. Offsets into the original decoded file (with its "\\r\\n") are
recovered by `original_offset`.

Inline suppression directives are read when the document is built (their lines are
masked in `lint_text`). What rules compute about a document (sentences, date
expressions, name mentions, quote pairs) is an `Analysis`, computed once per document
on first use by `Document.analysis`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date
from functools import cached_property
from typing import Any, Generic, TypeVar

import msgspec

from claimlint import markup, regex_cache, suppressions
from claimlint.sources import Source

T = TypeVar("T")


class Analysis(Generic[T]):
    """Something computed from a document and shared by the rules that need it. An
    analysis object is its own memo key: build it once (with whatever settings it
    takes, from a check's options) and ask `doc.analysis(it)`."""

    def compute(self, doc: Document) -> T:
        raise NotImplementedError


class _Failed(msgspec.Struct, frozen=True):
    error: Exception


_CRLF = regex_cache.re_compile(r"\r\n?")
_NEWLINE = regex_cache.re_compile("\n")
_BLANK_LINE = regex_cache.re_compile(r"\n[ \t]*\n")
_MARKDOWN_BLOCK_START = regex_cache.re_compile(r"(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|>)")
_HARD_WRAP_WIDTH = 100
#: (a name the constructor's `suppressions` argument does not hide)
_NO_SUPPRESSIONS = suppressions.Suppressions


class Position(msgspec.Struct, frozen=True):
    line: int
    column: int


class Paragraph(msgspec.Struct, frozen=True):
    start: int
    end: int


class Document:
    """An article ready to lint. Build with `Document.from_source` or `Document.from_text`."""

    # a plain class: a dataclass costs a millisecond to define at every start
    def __init__(
        self,
        path: str,
        text: str,
        lint_text: str,
        front_matter: dict[str, Any],
        body_start: int,
        is_markdown: bool,
        crlf_at: list[int] | None = None,
        date_override: date | None = None,
        suppressions: suppressions.Suppressions | None = None,
    ) -> None:
        self.path = path
        self.text = text
        self.lint_text = lint_text
        self.front_matter = front_matter
        self.body_start = body_start
        self.is_markdown = is_markdown
        self.crlf_at = [] if crlf_at is None else crlf_at
        self.date_override = date_override
        self.suppressions = _NO_SUPPRESSIONS() if suppressions is None else suppressions
        self._analyses: dict[Analysis[Any], Any] = {}

    def __repr__(self) -> str:
        return f"Document(path={self.path!r}, {len(self.text)} characters)"

    @classmethod
    def from_source(cls, source: Source, date_override: date | None = None) -> Document:
        raw = source.text
        crlf_at: list[int] = []
        if "\r" in raw:
            parts: list[str] = []
            last = 0
            removed = 0
            for match in _CRLF.finditer(raw):
                parts.append(raw[last : match.start()])
                parts.append("\n")
                if match.group() == "\r\n":
                    crlf_at.append(match.start() - removed)
                    removed += 1
                last = match.end()
            parts.append(raw[last:])
            text = "".join(parts)
        else:
            text = raw
        body_start, fm = markup.front_matter(text)
        spans = [(0, body_start)] if body_start else []
        spans += markup.prose_spans_to_mask(text, source.is_markdown)
        lint_text = markup.mask(text, spans)
        doc = cls(
            path=source.path,
            text=text,
            lint_text=lint_text,
            front_matter=fm,
            body_start=body_start,
            is_markdown=source.is_markdown,
            crlf_at=crlf_at,
            date_override=date_override,
        )
        doc.suppressions = suppressions.read(doc)
        if doc.suppressions.directives:
            doc.lint_text = markup.mask(
                doc.lint_text, [(d.start, d.end) for d in doc.suppressions.directives]
            )
        return doc

    @classmethod
    def from_text(
        cls, text: str, path: str = "<text>", date_override: date | None = None
    ) -> Document:
        return cls.from_source(Source(path, text), date_override=date_override)

    # -- positions ---------------------------------------------------------

    @cached_property
    def line_starts(self) -> list[int]:
        return [0, *(m.end() for m in _NEWLINE.finditer(self.text))]

    def position(self, offset: int) -> Position:
        """1-based line and column (in characters) of a character offset."""
        index = bisect_right(self.line_starts, offset) - 1
        return Position(index + 1, offset - self.line_starts[index] + 1)

    def line_span(self, line: int) -> tuple[int, int]:
        """Start and end offsets (end excludes the newline) of a 1-based line."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)
        return start, end

    def original_offset(self, offset: int) -> int:
        """Offset into the decoded file as read (before "\\r\\n" became "\\n")."""
        return offset + bisect_left(self.crlf_at, offset) if self.crlf_at else offset

    # -- structure ---------------------------------------------------------

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        """Paragraphs of the prose: blocks between blank lines, or single lines where the
        text has one paragraph per line (as scraped copy does) or Markdown starts a block."""
        result: list[Paragraph] = []
        text = self.lint_text
        pos = 0
        for match in [*_BLANK_LINE.finditer(text), None]:
            end = match.start() if match else len(text)
            self._split_block(pos, end, result)
            if match:
                pos = match.end()
        return result

    def _split_block(self, start: int, end: int, out: list[Paragraph]) -> None:
        block = self.lint_text[start:end]
        if not block.strip():
            return
        lines = block.split("\n")
        one_per_line = any(len(line) > _HARD_WRAP_WIDTH for line in lines) and len(lines) > 1
        offset = start
        para_start: int | None = None
        after_heading = False
        in_blockquote = False
        for line in lines:
            line_end = offset + len(line)
            stripped = line.strip()
            begins_block = after_heading or (
                self.is_markdown and bool(_MARKDOWN_BLOCK_START.match(stripped))
            )
            after_heading = self.is_markdown and stripped.startswith("#")
            if self.is_markdown and stripped.startswith(">"):
                # "> " lines continue one blockquote paragraph; a bare ">" separates two
                quoted = stripped.lstrip("> \t")
                if in_blockquote and quoted and not _MARKDOWN_BLOCK_START.match(quoted):
                    begins_block = False
                in_blockquote = bool(quoted)
                if not quoted:
                    stripped = ""
            else:
                in_blockquote = False
            if not stripped:
                if para_start is not None:
                    out.append(Paragraph(para_start, offset - 1))
                    para_start = None
            elif para_start is None:
                para_start = offset + (len(line) - len(line.lstrip()))
            elif one_per_line or begins_block:
                out.append(Paragraph(para_start, offset - 1))
                para_start = offset + (len(line) - len(line.lstrip()))
            offset = line_end + 1
        if para_start is not None:
            tail = self.lint_text[para_start:end].rstrip()
            out.append(Paragraph(para_start, para_start + len(tail)))

    # -- analyses ----------------------------------------------------------

    def analysis(self, analysis: Analysis[T]) -> T:
        """The result of `analysis` on this document, computed on first use. An analysis
        that failed (a config's pattern ran out of time) fails again at once when asked
        again, without doing its work twice."""
        try:
            result: T = self._analyses[analysis]
        except KeyError:
            try:
                result = self._analyses[analysis] = analysis.compute(self)
            except Exception as exc:
                self._analyses[analysis] = _Failed(exc)
                raise
        if isinstance(result, _Failed):
            raise result.error
        return result
