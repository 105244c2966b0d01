"""Inline suppressions: comments in an article that silence named rules.

A directive stands alone on its line, in an HTML comment (Markdown, and plain text
too) or, in plain text only, after a `#`:

    <!-- claimlint-disable-next-line doubled-punctuation, names -->
    # claimlint-disable-next-line doubled-punctuation
    <!-- claimlint-disable quotes -->   …   <!-- claimlint-enable quotes -->

Names are rule ids or categories; no name means every rule. `disable-next-line`
covers the next line that is neither blank nor another directive (one paragraph in
copy written a paragraph per line); `disable` runs to the matching `enable` or to
the end of the file. Directives are read when the document is built, and their lines
are masked from the rules, so they are never findings themselves. The check that
reports suppressions that silence nothing is `checks.suppressions`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING, Literal

import msgspec

from claimlint import regex_cache
from claimlint.findings import Finding

if TYPE_CHECKING:
    from claimlint.document import Document

Action = Literal["disable-next-line", "disable", "enable"]

_BODY = r"claimlint-(?P<action>disable-next-line|disable|enable)\b(?P<names>[^\n]*?)"
_HTML_FORM = regex_cache.re_compile(rf"^[ \t]*<!--[ \t]*{_BODY}[ \t]*-->[ \t]*$", re.MULTILINE)
_HASH_FORM = regex_cache.re_compile(rf"^[ \t]*#[ \t]*{_BODY}[ \t]*$", re.MULTILINE)
_NAME = regex_cache.re_compile(r"[A-Za-z0-9_.-]+")
_SEPARATOR = regex_cache.re_compile(r"[\s,]+")


class Directive(msgspec.Struct):
    action: Action
    #: rule ids or categories; empty means every rule
    names: tuple[str, ...]
    start: int
    end: int
    #: the names (or "" for a blanket directive) that silenced at least one finding
    used: set[str] = msgspec.field(default_factory=set)
    #: text of a malformed name list, reported as unused
    malformed: str = ""


class _Range(msgspec.Struct, frozen=True):
    start: int
    end: int
    directive: Directive


class Suppressions(msgspec.Struct):
    directives: list[Directive] = msgspec.field(default_factory=list)
    ranges: list[_Range] = msgspec.field(default_factory=list)

    def apply(self, findings: list[Finding]) -> list[Finding]:
        """`findings` less the ones a directive silences (marking those directives used)."""
        if not self.directives:
            return findings
        return [f for f in findings if not self.silences(f)]

    def silences(self, finding: Finding) -> bool:
        """True (and the directive marked used) when a directive covers the finding."""
        silenced = False
        for span in self.ranges:
            if not span.start <= finding.start <= span.end:
                continue
            names = span.directive.names
            if not names:
                span.directive.used.add("")
                silenced = True
                continue
            for name in names:
                if name in (finding.rule, finding.category):
                    span.directive.used.add(name)
                    silenced = True
        return silenced


def read(doc: Document) -> Suppressions:
    """The directives of `doc` (whose `lint_text` still shows them)."""
    directives = sorted(_directives(doc), key=lambda d: d.start)
    return Suppressions(directives, _ranges(doc, directives)) if directives else Suppressions()


def _directives(doc: Document) -> Iterable[Directive]:
    if "claimlint-" not in doc.text:  # in every directive; far cheaper than the scans
        return
    forms = [_HTML_FORM] if doc.is_markdown else [_HTML_FORM, _HASH_FORM]
    for form in forms:
        for match in form.finditer(doc.text):
            if match.start() < doc.body_start:
                continue
            raw = match.group("names").strip()
            names = tuple(n for n in _SEPARATOR.split(raw) if n)
            bad = [n for n in names if not _NAME.fullmatch(n)]
            action: Action = match.group("action")  # type: ignore[assignment]
            start = match.start() + len(match.group()) - len(match.group().lstrip())
            yield Directive(
                action, () if bad else names, start, match.end(), malformed=" ".join(bad)
            )


def _ranges(doc: Document, directives: Sequence[Directive]) -> list[_Range]:
    ranges: list[_Range] = []
    directive_lines = {doc.position(d.start).line for d in directives}
    open_blocks: list[Directive] = []
    for directive in directives:
        if directive.malformed:
            continue
        if directive.action == "disable-next-line":
            target = _next_content_line(doc, doc.position(directive.start).line, directive_lines)
            if target is not None:
                start, end = doc.line_span(target)
                ranges.append(_Range(start, end, directive))
        elif directive.action == "disable":
            open_blocks.append(directive)
        else:
            still_open = []
            for block in open_blocks:
                closes = not directive.names or (
                    block.names and set(block.names) <= set(directive.names)
                )
                if closes:
                    ranges.append(_Range(block.end, directive.start, block))
                else:
                    still_open.append(block)
            open_blocks = still_open
    ranges.extend(_Range(block.end, len(doc.text), block) for block in open_blocks)
    return ranges


def _next_content_line(doc: Document, line: int, skip: Collection[int]) -> int | None:
    for candidate in range(line + 1, len(doc.line_starts) + 1):
        start, end = doc.line_span(candidate)
        if candidate not in skip and doc.text[start:end].strip():
            return candidate
    return None
