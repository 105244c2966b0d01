"""The contract every pattern kind fulfils.

A kind is built once per rule from the rule's options (compile patterns here) and
is stateless afterwards: whatever one document needs to remember is an analysis of
the document (`Document.analysis`). Kinds yield findings; they never print.
"""


from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

import msgspec

if TYPE_CHECKING:
    from claimlint.document import Document
    from claimlint.findings import Finding
    from claimlint.patterns import Timeout
    from claimlint.rule import Rule


class Options(msgspec.Struct, forbid_unknown_fields=True, kw_only=True, frozen=True):
    """Base of every kind's options: unknown keys in a rule are errors."""


class OptionError(Exception):
    """An option that decodes but makes no sense (a bad regex): names the field."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


class Kind:
    """Base class of pattern kinds. Subclasses set `options_type`."""

    options_type: ClassVar[type[Options]] = Options

    def __init__(self, options: Options, context: "KindContext") -> None:
        self.options = options
        self.context = context

    def check(self, doc: "Document", rule: "Rule") -> "Iterator[Finding]":
        raise NotImplementedError


class KindContext(msgspec.Struct, frozen=True, kw_only=True):
    """What a kind may know about the run when it is built: the loaded facts, the model,
    and whether its rule comes from a built-in pack (`trusted`: its patterns are ours,
    tested, compiled on first use and run without a time limit)."""

    facts: Any = None
    model: str | None = None
    trusted: bool = False

    @property
    def timeout(self) -> "Timeout":
        """The time the patterns of the rule may take on one document (None: no limit;
        `LIMIT`: `patterns.MATCH_TIMEOUT`)."""
        from claimlint.patterns import LIMIT

        return None if self.trusted else LIMIT
