"""`existence`: report every match of a pattern or phrase list.

`scope: text` finds matches anywhere in the prose; `scope: line` reports lines that
match the pattern as a whole (site furniture such as "Source link" is a line of its
own, while the same words inside a sentence are fine).
"""


from collections.abc import Iterator
from functools import cached_property
from typing import Any, Literal

import msgspec
import regex

from claimlint import patterns, regex_cache
from claimlint.document import Analysis, Document
from claimlint.findings import Finding, Fix
from claimlint.kinds.base import Kind, KindContext, OptionError, Options
from claimlint.rule import Rule
from claimlint.safe_text import excerpt

# Markdown decoration around a line's words: "## ", "> ", "* ", "**", "[", "]", and
# white space (what `regex` calls `\s`: Unicode's White_Space), stripped as runs.
WHITE_SPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_LEADING_DECORATION = WHITE_SPACE + "#>*_[-"
_TRAILING_DECORATION = WHITE_SPACE + "*_]"
_GROUP_REFERENCE = regex_cache.compile(r"\\(\d+)|\\g<([^>]*)>")
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
    options_type = ExistenceOptions

    def __init__(self, options: Any, context: KindContext) -> None:
        super().__init__(options, context)
        opts: ExistenceOptions = options
        if (opts.pattern is None) == (opts.phrases is None):
            raise OptionError("pattern", "give exactly one of 'pattern' or 'phrases'")
        self.scope = opts.scope
        self.max_line_length = opts.max_line_length
        self.fix = opts.fix
        self.timeout = context.timeout
        if not context.trusted:
            # compiled now: a bad pattern in a user's pack is an error at its line
            self.pattern  # noqa: B018
            self.unless  # noqa: B018  (compiled for the same reason)
            if self.fix is not None:
                self.fix_groups  # noqa: B018  (a bad replacement too)

    @cached_property
    def pattern(self) -> Any:
        opts: ExistenceOptions = self.options  # type: ignore[assignment]
        if opts.pattern is not None:
            return patterns.compile_pattern(opts.pattern, "pattern", ignorecase=opts.ignorecase)
        return patterns.phrase_pattern(opts.phrases or [], "phrases", ignorecase=opts.ignorecase)

    @cached_property
    def unless(self) -> Any:
        opts: ExistenceOptions = self.options  # type: ignore[assignment]
        if not opts.unless:
            return None
        return patterns.compile_pattern(opts.unless, "unless", ignorecase=opts.ignorecase)

    @cached_property
    def fix_groups(self) -> list[int | str]:
        """The groups `fix.replace` refers to (checked against the pattern)."""
        return [] if self.fix is None else _check_replacement(self.fix.replace, self.pattern)

    def check(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        budget = patterns.Budget()  # for every call of the rule's patterns on this document
        if self.scope == "line":
            yield from self._check_lines(doc, rule, budget)
        else:
            yield from self._check_text(doc, rule, budget)

    def _check_text(self, doc: Document, rule: Rule, budget: patterns.Budget) -> Iterator[Finding]:
        text = doc.lint_text
        for match in patterns.finditer(self.pattern, text, budget=budget, timeout=self.timeout):
            if match.end() == match.start():
                continue
            if self.unless is not None and self._excepted(text, match.start(), match.end(), budget):
                continue
            yield rule.finding(match.start(), match.end(), _values(match), fix=self._fix_for(match))

    def _check_lines(self, doc: Document, rule: Rule, budget: patterns.Budget) -> Iterator[Finding]:
        text = doc.lint_text
        for start, body in doc.analysis(LINE_BODIES):
            if self.max_line_length is not None and len(body) > self.max_line_length:
                continue
            match = patterns.fullmatch(self.pattern, body, budget, timeout=self.timeout)
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
            for m in patterns.finditer(
                self.unless, text, window_start, window_end, budget, timeout=self.timeout
            )
        )

    def _fix_for(self, match: Any) -> Fix | None:
        if self.fix is None:
            return None
        # measured before it is built: a template repeating a long match has no fix
        size = len(self.fix.replace) + sum(len(match.group(g) or "") for g in self.fix_groups)
        if size > 2 * (match.end() - match.start()) + MAX_FIX_GROWTH:
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
                lead = len(line) - len(line.lstrip(_LEADING_DECORATION))
                trail = len(line.rstrip(_TRAILING_DECORATION))
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
