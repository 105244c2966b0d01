"""Pattern kinds, one module each: the rule language of the packs (a rule is its
pattern or phrase list, message and level). The registry maps a rule's `kind:` to its
class and imports it only when a pack uses it. Checks that need structure (names,
dates, quotes, timeline) are built-in checks: see `claimlint.checks`."""

from __future__ import annotations

import importlib

from claimlint.kinds.base import Kind

_REGISTRY: dict[str, str] = {
    "existence": "claimlint.kinds.existence:Existence",
    "substitution": "claimlint.kinds.substitution:Substitution",
}


def kind_names() -> list[str]:
    return sorted(_REGISTRY)


def kind_class(name: str) -> type[Kind] | None:
    target = _REGISTRY.get(name)
    if target is None:
        return None
    module_name, _, class_name = target.partition(":")
    cls: type[Kind] = getattr(importlib.import_module(module_name), class_name)
    return cls
