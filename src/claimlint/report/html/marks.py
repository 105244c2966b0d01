"""An article's text as HTML with spans marked: every character of the text is data
(escaped, with control and bidi-control characters shown as visible stand-ins), and
spans that cross each other are split into properly nested pieces.

A span's first piece carries its `id` and attributes; a span cut in two by another
span's edge continues in a further piece with the same class and title, and
`data-of` naming the id.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import msgspec

from claimlint import regex_cache

# controls other than tab and line breaks, DEL, C1 controls, and bidi embeddings,
# overrides, isolates and marks: in a report they would hide text or reorder a line
_HIDDEN = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_TEXT_UNSAFE = regex_cache.re_compile(f"[&<>{_HIDDEN}]")
_ATTR_UNSAFE = regex_cache.re_compile(f"[&<>\"'{_HIDDEN}]")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"}


def _replace(match: re.Match[str]) -> str:
    char = match.group()
    entity = _ENTITIES.get(char)
    if entity is not None:
        return entity
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␀, ␛ …
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def text(value: str) -> str:
    """`value` as HTML character data, one visible character per hidden one."""
    return _TEXT_UNSAFE.sub(_replace, value)


def attr(value: str) -> str:
    """`value` for a double-quoted attribute."""
    return _ATTR_UNSAFE.sub(_replace, value)


class Span(msgspec.Struct, frozen=True):
    """A span of the text to mark. `ident`, `classes` and `attrs` are written by the
    reporter (never from the article); `title` is escaped here."""

    start: int
    end: int
    ident: str
    classes: str
    attrs: str = ""
    title: str = ""
    tag: str = "mark"


def markup(value: str, spans: Sequence[Span]) -> str:
    """`value` as HTML with each span wrapped in its element. Spans are clipped to the
    text; an empty span is an empty element at its place."""
    size = len(value)
    empty: dict[int, list[int]] = {}
    starts: dict[int, list[tuple[int, int]]] = {}
    ends: dict[int, set[int]] = {}
    for i, span in enumerate(spans):
        start = span.start
        if start > size:
            continue
        end = span.end if span.end < size else size
        if end <= start:
            empty.setdefault(start, []).append(i)
        else:
            starts.setdefault(start, []).append((-end, i))  # outermost first
            ends.setdefault(end, set()).add(i)
    bounds = sorted({0, size, *starts, *ends, *empty})
    closers = [f"</{span.tag}>" for span in spans]
    out: list[str] = []
    active: list[int] = []  # spans covering the current segment, outermost first
    opened: list[int] = []  # elements open in `out`, outermost first
    begun: set[int] = set()
    last = len(bounds) - 1
    for index, at in enumerate(bounds):
        closing = ends.get(at)
        if closing:
            active = [i for i in active if i not in closing]
        new = starts.get(at)
        if new:
            active.extend(i for _, i in sorted(new))
        keep = 0
        limit = min(len(opened), len(active))
        while keep < limit and opened[keep] == active[keep]:
            keep += 1
        if keep < len(opened):
            out.extend(closers[i] for i in reversed(opened[keep:]))
            del opened[keep:]
        for i in empty.get(at, ()):
            out.append(_open(spans[i], first=True, extra=" empty") + closers[i])
        for i in active[keep:]:
            out.append(_open(spans[i], first=i not in begun))
            begun.add(i)
            opened.append(i)
        if index < last:
            out.append(_TEXT_UNSAFE.sub(_replace, value[at : bounds[index + 1]]))
    out.extend(closers[i] for i in reversed(opened))
    return "".join(out)


def _open(span: Span, *, first: bool, extra: str = "") -> str:
    if first:
        parts = [f'<{span.tag} id="{span.ident}" class="{span.classes}{extra}"']
        if span.attrs:
            parts.append(" " + span.attrs)
    else:
        parts = [f'<{span.tag} data-of="{span.ident}" class="{span.classes} cont"']
    if span.title:
        parts.append(f' title="{attr(span.title)}"')
    return "".join(parts) + ">"
