"""Rule kinds, one module each. The registry maps a rule's `kind:` to its class and
imports it only when a pack uses it."""

from __future__ import annotations

import importlib

from claimlint.kinds.base import Kind

_REGISTRY: dict[str, str] = {
    "existence": "claimlint.kinds.existence:Existence",
    "substitution": "claimlint.kinds.substitution:Substitution",
    "relative-dates": "claimlint.kinds.dates:RelativeDates",
    "ambiguous-dates": "claimlint.kinds.dates:AmbiguousDates",
    "undated": "claimlint.kinds.dates:Undated",
    "weekday": "claimlint.kinds.weekday:WeekdayMismatch",
    "impossible-date": "claimlint.kinds.weekday:ImpossibleDate",
    "names": "claimlint.kinds.names:Names",
    "timeline-facts": "claimlint.kinds.timeline_facts:TimelineFacts",
    "timeline-article": "claimlint.kinds.timeline_article:TimelineArticle",
    "names-across-files": "claimlint.kinds.names_across:NamesAcrossFiles",
    "unused-suppression": "claimlint.kinds.unused_suppression:UnusedSuppression",
    "quotes": "claimlint.kinds.quotes:Quotes",
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
