"""Inline suppressions: comments in an article that silence named rules.

A directive stands alone on its line, in an HTML comment (Markdown, and plain text
too) or, in plain text only, after a `#`:

    <!-- claimlint-disable-next-line doubled-punctuation, names -->
    # claimlint-disable-next-line doubled-punctuation
    <!-- claimlint-disable quotes -->   …   <!-- claimlint-enable quotes -->

Names are rule ids or categories; no name means every rule. `disable-next-line`
covers the next line that is neither blank nor another directive (one paragraph in
copy written a paragraph per line); `disable` runs to the matching `enable` or to
the end of the file. Directive lines are masked from the rules, so they are never
findings themselves.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from claimlint import markup
from claimlint.document import Document
from claimlint.findings import Finding
from claimlint.rule import Rule

Action = Literal["disable-next-line", "disable", "enable"]

_BODY = r"claimlint-(?P<action>disable-next-line|disable|enable)\b(?P<names>[^\n]*?)"
_HTML_FORM = re.compile(rf"^[ \t]*<!--[ \t]*{_BODY}[ \t]*-->[ \t]*$", re.MULTILINE)
_HASH_FORM = re.compile(rf"^[ \t]*#[ \t]*{_BODY}[ \t]*$", re.MULTILINE)
_NAME = re.compile(r"[A-Za-z0-9_.-]+")
_SEPARATOR = re.compile(r"[\s,]+")
CACHE_KEY = "suppressions"


@dataclass
class Directive:
    action: Action
    #: rule ids or categories; empty means every rule
    names: tuple[str, ...]
    start: int
    end: int
    #: the names (or "" for a blanket directive) that silenced at least one finding
    used: set[str] = field(default_factory=set)
    #: text of a malformed name list, reported as unused
    malformed: str = ""


@dataclass(frozen=True)
class _Range:
    start: int
    end: int
    directive: Directive


@dataclass
class Suppressions:
    directives: list[Directive]
    ranges: list[_Range]

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


def parse(doc: Document) -> Suppressions:
    """The directives of `doc` (memoised); their lines are masked in `doc.lint_text`."""
    cached = doc.cache.get(CACHE_KEY)
    if isinstance(cached, Suppressions):
        return cached
    directives = sorted(_directives(doc), key=lambda d: d.start)
    if directives:
        doc.lint_text = markup.mask(doc.lint_text, [(d.start, d.end) for d in directives])
    result = Suppressions(directives, _ranges(doc, directives))
    doc.cache[CACHE_KEY] = result
    return result


def _directives(doc: Document) -> Iterable[Directive]:
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


def apply(
    doc: Document,
    findings: list[Finding],
    rules: Sequence[Rule],
    known: Collection[str] | None = None,
) -> list[Finding]:
    """`findings` less the suppressed ones, plus the findings of the unused-suppression
    rule when it is among `rules`. `known` (every rule id and category of the
    configuration) lets a name that matches no rule at all be reported too."""
    suppressions = parse(doc)
    if not suppressions.directives:
        return findings
    kept = [f for f in findings if not suppressions.silences(f)]
    reporter = next((r for r in rules if r.kind_name == UNUSED_KIND), None)
    if reporter is not None:
        kept.extend(_unused(suppressions, rules, reporter, known))
        kept.sort(key=Finding.sort_key)
    return kept


UNUSED_KIND = "unused-suppression"


def _unused(
    suppressions: Suppressions,
    rules: Sequence[Rule],
    reporter: Rule,
    known: Collection[str] | None,
) -> Iterable[Finding]:
    running = {r.id for r in rules} | {r.category for r in rules}
    for directive in suppressions.directives:
        if directive.action == "enable":
            continue
        if directive.malformed:
            yield reporter.finding(
                directive.start,
                directive.end,
                {"name": directive.malformed},
                message="suppression with a malformed rule name '{name}'",
            )
            continue
        if not directive.names and "" not in directive.used:
            yield reporter.finding(directive.start, directive.end, {"name": "every rule"})
        for name in directive.names:
            if name in directive.used:
                continue
            if name in running:
                yield reporter.finding(directive.start, directive.end, {"name": name})
            elif known is not None and name not in known:
                yield reporter.finding(
                    directive.start,
                    directive.end,
                    {"name": name},
                    message="suppression names no known rule or category: '{name}'",
                )
