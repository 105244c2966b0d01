"""The contract of a built-in check: one class that reports under several rule ids.

A check is built once per rule set from its options (merged from the built-in packs,
the user's packs and the config; see `checks.options`) and is stateless afterwards:
what one document needs to remember lives in the document's typed analyses
(`Document.analysis`). Checks yield findings; they never print.

Every rule id a check reports is declared in YAML (`check: NAME`) with its level,
message, description and examples; the check asks its `RuleTable` for them.
"""

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import msgspec

from claimlint.findings import Finding, Fix, Related

if TYPE_CHECKING:
    from claimlint.diagnostics import Placer
    from claimlint.document import Document
    from claimlint.rule import Rule


class CheckOptions(msgspec.Struct, forbid_unknown_fields=True, kw_only=True, frozen=True):
    """Base of every check's options: unknown keys are errors; lists decode to tuples so
    options are hashable and analyses built from them can be shared."""


class CheckContext(msgspec.Struct, frozen=True):
    """What a check may know about the run when it is built: the loaded facts, the
    statistical model asked for, and every check's resolved options (a check may build
    an analysis that another check configures, as the timeline reads dates)."""

    facts: Any = None
    model: str | None = None
    options: Mapping[str, CheckOptions] | None = None

    def options_of(self, check: str) -> Any:
        assert self.options is not None and check in self.options, check
        return self.options[check]


class RuleTable:
    """The rules of one check under one configuration, by id, enabled or not; and, for
    checks about rules themselves (unused suppressions), every rule id and category of
    the configuration (`known`) and those enabled (`running`)."""

    def __init__(
        self,
        rules: "Iterable[Rule]",
        known: frozenset[str] = frozenset(),
        running: frozenset[str] = frozenset(),
    ) -> None:
        self._rules = {rule.id: rule for rule in rules}
        self.known = known
        self.running = running

    def on(self, rule_id: str) -> bool:
        """Whether the rule is enabled (a check skips the work of rules that are off)."""
        rule = self._rules.get(rule_id)
        return rule is not None and rule.enabled

    def any_on(self) -> bool:
        return any(rule.enabled for rule in self._rules.values())

    def get(self, rule_id: str) -> "Rule | None":
        return self._rules.get(rule_id)

    def finding(
        self,
        rule_id: str,
        start: int,
        end: int,
        values: Mapping[str, Any] | None = None,
        *,
        fix: Fix | None = None,
        related: tuple[Related, ...] = (),
        message: str | None = None,
        data: dict[str, Any] | None = None,
    ) -> Finding:
        """A finding of `rule_id`, with the level and message its YAML declares."""
        return self._rules[rule_id].finding(
            start, end, values, fix=fix, related=related, message=message, data=data
        )

    def __iter__(self) -> "Iterator[Rule]":
        return iter(self._rules.values())


class Placed(msgspec.Struct, frozen=True):
    """A finding of a cross-file step with the placer of the file it belongs to."""

    placer: "Placer"
    finding: Finding


Stage = Literal["text", "suppressions"]


class Check:
    """Base class of built-in checks. Subclasses set `name`, `options_type`, `rule_ids`."""

    name: ClassVar[str]
    options_type: ClassVar[type[CheckOptions]] = CheckOptions
    #: the rule ids this check reports; each must be declared in a pack with `check: NAME`
    rule_ids: ClassVar[tuple[str, ...]] = ()
    #: "suppressions": runs after the inline suppressions have been applied
    stage: ClassVar[Stage] = "text"
    #: the other checks whose options this one reads when it is built
    #: (`context.options_of`): its patterns are trusted only if theirs are too
    reads_options: ClassVar[tuple[str, ...]] = ()

    def __init__(self, options: Any, context: CheckContext) -> None:
        self.options = options
        self.context = context

    def check(self, doc: "Document", rules: RuleTable) -> Iterator[Finding]:
        raise NotImplementedError

    def metadata(self, doc: "Document") -> dict[str, Any]:
        """What the report says about a file on this check's behalf (the reference date),
        asked of every check, whether its rules are on or not."""
        return {}

    def notes(self, doc: "Document") -> Iterable[str]:
        """What a reader should know about how the check went on this file (work it cut
        short), asked after `check` of every check whose rules are on."""
        return ()

    def details(self, doc: "Document") -> dict[str, Any]:
        """What a report that shows the article (`--format html`) says about a file on
        this check's behalf beyond `metadata` (every date expression, the facts events
        the article mentions). Asked only when such a report is wanted, so the other
        formats neither pay for it nor show it. Plain data: it crosses processes."""
        return {}

    # Cross-document checks: `summarize` runs per file (a map, possibly in another
    # process, so its result must pickle; None means nothing to say); `reduce` sees the
    # summaries of a whole run and yields findings placed in their files.
    cross_document: ClassVar[bool] = False

    def summarize(self, doc: "Document", rules: RuleTable) -> Any:
        return None

    def reduce(self, summaries: Iterable[Any], rules: RuleTable) -> Iterator[Placed]:
        return iter(())
