"""`Rule`: one configured rule, as loaded from a pack: common fields plus its kind."""

from __future__ import annotations

import string
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import msgspec

from claimlint import regex_cache
from claimlint.findings import Finding, Fix, Level, Related
from claimlint.safe_text import excerpt

if TYPE_CHECKING:
    from claimlint.kinds.base import Kind


class Examples(msgspec.Struct, frozen=True):
    flag: tuple[str, ...] = ()
    ok: tuple[str, ...] = ()
    facts: Any = None  # `Facts` the examples are checked with, if they need any


class Rule(msgspec.Struct, frozen=True):
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
    examples: Examples = msgspec.field(default_factory=Examples)

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
_PLAIN_FIELD = regex_cache.re_compile(r"[A-Za-z_]\w*")
_NUMBER = regex_cache.re_compile(r"\d+")
#: the widest a format spec may pad or cut a value (`{match:>20}`)
MAX_FORMAT_WIDTH = 200
#: characters of one value a message quotes (a match may be megabytes long)
MAX_VALUE_CHARS = 200


def render(template: str, values: Mapping[str, Any]) -> str:
    """Fill `{name}` placeholders; unknown names stay as written instead of failing.
    A template `check_template` refuses is shown as written; long values are cut."""
    if _refused(template):
        return template
    try:
        # str.format_map is string.Formatter's vformat in C, for the plain fields it is
        # given here (check_template refuses the rest)
        return template.format_map(_Lenient({k: _clip(v) for k, v in values.items()}))
    except (ValueError, IndexError, AttributeError, KeyError, TypeError):
        return template


def _clip(value: Any) -> Any:
    if isinstance(value, str) and len(value) > MAX_VALUE_CHARS:
        return value[:MAX_VALUE_CHARS] + "…"
    return value


@lru_cache(maxsize=1024)
def _refused(template: str) -> bool:
    return check_template(template) is not None


def check_template(template: str) -> str | None:
    """Why a message template cannot be rendered, or None when it is fine: fields are
    plain names (no attributes, indexes or nested fields) with a bounded width."""
    try:
        parsed = list(_FORMATTER.parse(template))
    except ValueError as exc:
        return f"bad message template: {exc} (write '{{{{' for a literal brace)"
    for _, name, spec, _ in parsed:
        if name is None:
            continue
        if not _PLAIN_FIELD.fullmatch(name):
            return f"bad message template: {{{excerpt(name)}}} is not a plain field name like {{match}}"
        if spec and ("{" in spec or any(int(n) > MAX_FORMAT_WIDTH for n in _NUMBER.findall(spec))):
            return (
                f"bad message template: the format of {{{name}}} is nested or wider "
                f"than {MAX_FORMAT_WIDTH}"
            )
    return None
