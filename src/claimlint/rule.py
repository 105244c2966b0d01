"""`Rule`: one configured rule, as loaded from a pack: common fields plus its kind."""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from claimlint.findings import Finding, Fix, Level, Related

if TYPE_CHECKING:
    from claimlint.kinds.base import Kind


@dataclass(frozen=True, slots=True)
class Examples:
    flag: tuple[str, ...] = ()
    ok: tuple[str, ...] = ()
    facts: Any = None  # `Facts` the examples are checked with, if they need any


@dataclass(frozen=True)
class Rule:
    """A rule as declared in YAML: a pattern rule (`kind` set) or a rule reported by a
    built-in check (`check` names it). `kind_name` is the kind's or the check's name."""

    id: str
    kind_name: str
    category: str
    level: Level
    message: str
    kind: Kind | None = None
    check: str | None = None
    description: str = ""
    enabled: bool = True
    pack: str = ""
    source: str = ""
    examples: Examples = field(default_factory=Examples)

    def finding(
        self,
        start: int,
        end: int,
        values: Mapping[str, Any] | None = None,
        *,
        fix: Fix | None = None,
        related: tuple[Related, ...] = (),
        message: str | None = None,
        data: dict[str, Any] | None = None,
    ) -> Finding:
        """A finding of this rule, its message rendered from the rule's template."""
        template = self.message if message is None else message
        return Finding(
            rule=self.id,
            category=self.category,
            level=self.level,
            message=render(template, values or {}),
            start=start,
            end=end,
            fix=fix,
            related=related,
            data=data or {},
        )


class _Lenient(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


_FORMATTER = string.Formatter()


def render(template: str, values: Mapping[str, Any]) -> str:
    """Fill `{name}` placeholders; unknown names stay as written instead of failing."""
    try:
        return _FORMATTER.vformat(template, (), _Lenient(values))
    except (ValueError, IndexError, AttributeError, KeyError):
        return template


def check_template(template: str) -> str | None:
    """Why a message template cannot be rendered, or None when it is fine."""
    try:
        list(_FORMATTER.parse(template))
    except ValueError as exc:
        return f"bad message template: {exc} (write '{{{{' for a literal brace)"
    return None
