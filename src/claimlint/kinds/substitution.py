"""`substitution`: a map of wrong → right forms; each wrong form found is reported with
the right one as its fix (case of the first letter kept)."""


from collections.abc import Iterator
from functools import cached_property
from typing import Any

from claimlint import patterns
from claimlint.document import Document
from claimlint.findings import Finding, Fix
from claimlint.kinds.base import Kind, KindContext, OptionError, Options
from claimlint.rule import Rule


class SubstitutionOptions(Options, frozen=True):
    swap: dict[str, str]
    ignorecase: bool = True
    safe: bool = False


class Substitution(Kind):
    options_type = SubstitutionOptions

    def __init__(self, options: Any, context: KindContext) -> None:
        super().__init__(options, context)
        opts: SubstitutionOptions = options
        if not opts.swap:
            raise OptionError("swap", "needs at least one 'wrong: right' entry")
        self.ignorecase = opts.ignorecase
        self.safe = opts.safe
        self.swap = {(k.casefold() if opts.ignorecase else k): v for k, v in opts.swap.items()}
        self.timeout = context.timeout
        if not context.trusted:
            self.pattern  # noqa: B018  (compiled now: a bad phrase is an error at its line)

    @cached_property
    def pattern(self) -> Any:
        opts: SubstitutionOptions = self.options  # type: ignore[assignment]
        return patterns.phrase_pattern(list(opts.swap), "swap", ignorecase=opts.ignorecase)

    def check(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        for match in patterns.finditer(self.pattern, doc.lint_text, timeout=self.timeout):
            found = match.group(0)
            key = " ".join(found.split())
            right = self.swap.get(key.casefold() if self.ignorecase else key)
            if right is None or right == found:
                continue
            right = _follow_case(found, right)
            yield rule.finding(
                match.start(),
                match.end(),
                {"match": found, "replacement": right},
                fix=Fix(right, safe=self.safe),
            )


def _follow_case(found: str, right: str) -> str:
    if found[:1].isupper() and right[:1].islower():
        return right[:1].upper() + right[1:]
    return right
