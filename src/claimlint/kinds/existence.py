"""`existence`: report every match of a pattern or phrase list.

`scope: text` finds matches anywhere in the prose; `scope: line` reports lines that
match the pattern as a whole (site furniture such as "Source link" is a line of its
own, while the same words inside a sentence are fine).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

import msgspec
import regex

from claimlint import patterns
from claimlint.document import Analysis, Document
from claimlint.findings import Finding, Fix
from claimlint.kinds.base import Kind, KindContext, OptionError, Options
from claimlint.rule import Rule
from claimlint.safe_text import excerpt

# Markdown decoration around a line's words: "## ", "> ", "* ", "**", "[", "]". The
# trailing run is matched backwards from the end, so finding it is linear in its length.
_LEADING_DECORATION = regex.compile(r"[\s#>*_\[-]*")
_TRAILING_DECORATION = regex.compile(r"(?r)[\s*_\]]*\Z")
_GROUP_REFERENCE = regex.compile(r"\\(\d+)|\\g<([^>]*)>")
_UNLESS_WINDOW = 80


class FixSpec(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    replace: str
    safe: bool = False


class ExistenceOptions(Options, frozen=True):
    pattern: str | None = None
    phrases: list[str] | None = None
    ignorecase: bool = False
    scope: Literal["text", "line"] = "text"
    max_line_length: int | None = None
    unless: str | None = None
    fix: FixSpec | None = None


class Existence(Kind):
    options_type = ExistenceOptions

    def __init__(self, options: Any, context: KindContext) -> None:
        super().__init__(options, context)
        opts: ExistenceOptions = options
        if (opts.pattern is None) == (opts.phrases is None):
            raise OptionError("pattern", "give exactly one of 'pattern' or 'phrases'")
        if opts.pattern is not None:
            self.pattern = patterns.compile_pattern(
                opts.pattern, "pattern", ignorecase=opts.ignorecase
            )
        else:
            self.pattern = patterns.phrase_pattern(
                opts.phrases or [], "phrases", ignorecase=opts.ignorecase
            )
        self.unless = (
            patterns.compile_pattern(opts.unless, "unless", ignorecase=opts.ignorecase)
            if opts.unless
            else None
        )
        self.scope = opts.scope
        self.max_line_length = opts.max_line_length
        self.fix = opts.fix
        if self.fix is not None:
            _check_replacement(self.fix.replace, self.pattern)

    def check(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        if self.scope == "line":
            yield from self._check_lines(doc, rule)
        else:
            yield from self._check_text(doc, rule)

    def _check_text(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        text = doc.lint_text
        for match in patterns.finditer(self.pattern, text):
            if match.end() == match.start():
                continue
            if self.unless is not None and self._excepted(text, match.start(), match.end()):
                continue
            yield rule.finding(match.start(), match.end(), _values(match), fix=self._fix_for(match))

    def _check_lines(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        text = doc.lint_text
        for start, body in doc.analysis(LINE_BODIES):
            if self.max_line_length is not None and len(body) > self.max_line_length:
                continue
            match = patterns.fullmatch(self.pattern, body)
            if match and not (
                self.unless is not None and self._excepted(text, start, start + len(body))
            ):
                yield rule.finding(
                    start, start + len(body), _values(match), fix=self._fix_for(match)
                )

    def _excepted(self, text: str, start: int, end: int) -> bool:
        """True when an `unless` match covers the span (looking 80 characters around it)."""
        assert self.unless is not None
        window_start = max(0, start - _UNLESS_WINDOW)
        window_end = min(len(text), end + _UNLESS_WINDOW)
        return any(
            m.start() <= start and m.end() >= end
            for m in patterns.finditer(self.unless, text, window_start, window_end)
        )

    def _fix_for(self, match: Any) -> Fix | None:
        if self.fix is None:
            return None
        return Fix(match.expand(self.fix.replace), safe=self.fix.safe)


class LineBodies(Analysis[list[tuple[int, str]]]):
    """Each non-empty line's words without Markdown decoration, and where they start;
    computed once per document and shared by every line rule."""

    def compute(self, doc: Document) -> list[tuple[int, str]]:
        bodies = []
        offset = 0
        for line in doc.lint_text.split("\n"):
            if line and not line.isspace():
                # both patterns can match the empty string, so they always match
                lead: int = _LEADING_DECORATION.match(line).end()  # type: ignore[union-attr]
                trail: int = _TRAILING_DECORATION.search(line).start()  # type: ignore[union-attr]
                end = max(lead, trail)
                if end > lead:
                    bodies.append((offset + lead, line[lead:end]))
            offset += len(line) + 1
        return bodies


LINE_BODIES = LineBodies()


def _values(match: Any) -> dict[str, str]:
    values = {name: value or "" for name, value in match.groupdict().items()}
    values["match"] = match.group(0)
    return values


def _check_replacement(template: str, pattern: Any) -> None:
    for number, name in _GROUP_REFERENCE.findall(template):
        ref = name or number
        known = int(ref) <= pattern.groups if ref.isdigit() else ref in pattern.groupindex
        if not known:
            raise OptionError("fix.replace", f"the pattern has no group {excerpt(ref)}")
