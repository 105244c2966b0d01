"""Built-in checks, one module each: the structural analyses behind the names, dates,
quotes, timeline, roles, debris and suppression rules. The registry maps a rule's
`check:` to its class and imports it only when a pack uses it."""

from __future__ import annotations

import importlib

from claimlint.checks.base import Check

_REGISTRY: dict[str, str] = {
    "dates": "claimlint.checks.dates:DatesCheck",
    "debris": "claimlint.checks.debris:DebrisCheck",
    "quotes": "claimlint.checks.quotes:QuotesCheck",
    "names": "claimlint.checks.names:NamesCheck",
    "roles": "claimlint.checks.roles:RolesCheck",
    "timeline": "claimlint.checks.timeline:TimelineCheck",
    "suppressions": "claimlint.checks.suppressions:SuppressionsCheck",
}


def check_names() -> list[str]:
    return sorted(_REGISTRY)


def check_class(name: str) -> type[Check] | None:
    target = _REGISTRY.get(name)
    if target is None:
        return None
    module_name, _, class_name = target.partition(":")
    cls: type[Check] = getattr(importlib.import_module(module_name), class_name)
    return cls
