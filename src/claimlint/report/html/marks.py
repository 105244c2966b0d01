"""An article's text as HTML with spans marked: every character of the text is data
(escaped, with control and bidi-control characters shown as visible stand-ins), and
spans that cross each other are split into properly nested pieces.

A span's first piece carries its attributes (its `id`); a span cut in two by another
span's edge continues in a second piece with the same class and title.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

# controls other than tab and line breaks, DEL, C1 controls, and bidi embeddings,
# overrides, isolates and marks: in a report they would hide text or reorder a line
_HIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␀, ␛ …
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def text(value: str) -> str:
    """`value` as HTML character data, one visible character per hidden one."""
    return html.escape(_HIDDEN.sub(_picture, value), quote=False)


def attr(value: str) -> str:
    """`value` for a double-quoted attribute."""
    return html.escape(_HIDDEN.sub(_picture, value), quote=True)


@dataclass(frozen=True, slots=True)
class Span:
    """A span of the text to mark. `classes` and `attrs` are written by the reporter
    (never from the article); `title` is escaped here."""

    start: int
    end: int
    classes: str
    attrs: str = ""
    title: str = ""
    tag: str = "mark"


def markup(value: str, spans: Sequence[Span]) -> str:
    """`value` as HTML with each span wrapped in its element. Spans are clipped to the
    text; an empty span is an empty element at its place."""
    size = len(value)
    order = sorted(
        (i for i, s in enumerate(spans) if s.start <= size),
        key=lambda i: (spans[i].start, -min(spans[i].end, size), i),
    )
    empty: dict[int, list[int]] = {}
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for i in order:
        span = spans[i]
        end = max(span.start, min(span.end, size))
        if end == span.start:
            empty.setdefault(span.start, []).append(i)
        else:
            starts.setdefault(span.start, []).append(i)
            ends.setdefault(end, []).append(i)
    bounds = sorted({0, size, *starts, *ends, *empty})
    out: list[str] = []
    active: list[int] = []  # spans covering the current segment, outermost first
    opened: list[int] = []  # elements open in `out`, outermost first
    begun: set[int] = set()
    for index, at in enumerate(bounds):
        if at in ends:
            closing = set(ends[at])
            active = [i for i in active if i not in closing]
        active.extend(starts.get(at, ()))
        keep = 0
        while keep < len(opened) and keep < len(active) and opened[keep] == active[keep]:
            keep += 1
        for i in reversed(opened[keep:]):
            out.append(f"</{spans[i].tag}>")
        opened = opened[:keep]
        for i in empty.get(at, ()):
            out.append(_open(spans[i], first=True, extra=" empty") + f"</{spans[i].tag}>")
        for i in active[keep:]:
            out.append(_open(spans[i], first=i not in begun))
            begun.add(i)
            opened.append(i)
        if index + 1 < len(bounds):
            out.append(text(value[at : bounds[index + 1]]))
    for i in reversed(opened):
        out.append(f"</{spans[i].tag}>")
    return "".join(out)


def _open(span: Span, *, first: bool, extra: str = "") -> str:
    parts = [f'<{span.tag} class="{span.classes}{extra}{"" if first else " cont"}"']
    if first and span.attrs:
        parts.append(" " + span.attrs)
    if span.title:
        parts.append(f' title="{attr(span.title)}"')
    return "".join(parts) + ">"
