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
from claimlint.document import Document
from claimlint.findings import Finding, Fix
from claimlint.kinds.base import Kind, KindContext, OptionError, Options
from claimlint.rule import Rule
from claimlint.safe_text import excerpt

# Markdown decoration around a line's words: "## ", "> ", "* ", "**", "[", "]". The
# trailing run is matched backwards from the end, so finding it is linear in its length.
_LEADING_DECORATION = regex.compile(r"[\s#>*_\[-]*")
_TRAILING_DECORATION = regex.compile(r"(?r)[\s*_\]]*\Z")
_LINE_BODIES = "existence.line_bodies"
_GROUP_REFERENCE = regex.compile(r"\\(\d+)|\\g<([^>]*)>")
_UNLESS_WINDOW = 80
#: the longest `fix.replace` template
MAX_REPLACE_CHARS = 1_000
#: a fix may lengthen what it replaces at most this much (beyond doubling it)
MAX_FIX_GROWTH = 1_000


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
    name = "existence"
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
        self.fix_groups: list[int | str] = []
        if self.fix is not None:
            self.fix_groups = _check_replacement(self.fix.replace, self.pattern)

    def check(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        budget = patterns.Budget()  # for every call of the rule's patterns on this document
        if self.scope == "line":
            yield from self._check_lines(doc, rule, budget)
        else:
            yield from self._check_text(doc, rule, budget)

    def _check_text(self, doc: Document, rule: Rule, budget: patterns.Budget) -> Iterator[Finding]:
        text = doc.lint_text
        for match in patterns.finditer(self.pattern, text, budget=budget):
            if match.end() == match.start():
                continue
            if self.unless is not None and self._excepted(text, match.start(), match.end(), budget):
                continue
            yield rule.finding(match.start(), match.end(), _values(match), fix=self._fix_for(match))

    def _check_lines(self, doc: Document, rule: Rule, budget: patterns.Budget) -> Iterator[Finding]:
        text = doc.lint_text
        for start, body in _line_bodies(doc):
            if self.max_line_length is not None and len(body) > self.max_line_length:
                continue
            match = patterns.fullmatch(self.pattern, body, budget)
            if match and not (
                self.unless is not None and self._excepted(text, start, start + len(body), budget)
            ):
                yield rule.finding(
                    start, start + len(body), _values(match), fix=self._fix_for(match)
                )

    def _excepted(self, text: str, start: int, end: int, budget: patterns.Budget) -> bool:
        """True when an `unless` match covers the span (looking 80 characters around it)."""
        assert self.unless is not None
        window_start = max(0, start - _UNLESS_WINDOW)
        window_end = min(len(text), end + _UNLESS_WINDOW)
        return any(
            m.start() <= start and m.end() >= end
            for m in patterns.finditer(self.unless, text, window_start, window_end, budget)
        )

    def _fix_for(self, match: Any) -> Fix | None:
        if self.fix is None:
            return None
        # measured before it is built: a template repeating a long match has no fix
        size = len(self.fix.replace) + sum(len(match.group(g) or "") for g in self.fix_groups)
        if size > 2 * (match.end() - match.start()) + MAX_FIX_GROWTH:
            return None
        return Fix(match.expand(self.fix.replace), safe=self.fix.safe)


def _line_bodies(doc: Document) -> list[tuple[int, str]]:
    """Each non-empty line's words without Markdown decoration, and where they start;
    computed once per document and shared by every line rule."""
    bodies: list[tuple[int, str]] | None = doc.cache.get(_LINE_BODIES)
    if bodies is None:
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
        doc.cache[_LINE_BODIES] = bodies
    return bodies


def _values(match: Any) -> dict[str, str]:
    values = {name: value or "" for name, value in match.groupdict().items()}
    values["match"] = match.group(0)
    return values


def _check_replacement(template: str, pattern: Any) -> list[int | str]:
    """The groups `template` refers to; `OptionError` when it is too long or names a
    group the pattern lacks."""
    if len(template) > MAX_REPLACE_CHARS:
        raise OptionError("fix.replace", f"longer than {MAX_REPLACE_CHARS:,} characters")
    groups: list[int | str] = []
    for number, name in _GROUP_REFERENCE.findall(template):
        ref = name or number
        known = int(ref) <= pattern.groups if ref.isdigit() else ref in pattern.groupindex
        if not known:
            raise OptionError("fix.replace", f"the pattern has no group {excerpt(ref)}")
        groups.append(int(ref) if ref.isdigit() else ref)
    # expanded once, against a pattern with the same groups that matches "", so a
    # template the engine cannot expand ("\\" at the end) fails here, not on every match
    names = {number: name for name, number in pattern.groupindex.items()}
    probe = "".join(
        f"(?P<{names[n]}>)" if n in names else "()" for n in range(1, pattern.groups + 1)
    )
    try:
        regex.compile(probe).match("").expand(template)  # type: ignore[union-attr]
    except (regex.error, IndexError, ValueError) as exc:
        raise OptionError("fix.replace", f"invalid replacement: {exc}") from None
    return groups
