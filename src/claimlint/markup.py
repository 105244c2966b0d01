"""Regions of a document that are not prose: front matter, code, comments, URLs.

They are masked (replaced by spaces, newlines kept) so that every rule sees text of
the same length as the file and every offset still points into the original.
"""

from __future__ import annotations

import re
from typing import Any

from claimlint import markdown_blocks, regex_cache

_FRONT_MATTER = regex_cache.re_compile(
    r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL
)
_URL = regex_cache.re_compile(r"\b(?:https?://|www\.)[^\s<>\"“”]+", re.IGNORECASE)
_HTML_COMMENT = regex_cache.re_compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_INLINE_CODE = regex_cache.re_compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
# no "(" inside a target: every "](" then ends the scan of the one before (a text of
# "[a](" repeated was quadratic)
_LINK_TARGET = regex_cache.re_compile(r"\]\([^()\s]*(?:\s+\"[^\"]*\")?\)")
_HTML_TAG = regex_cache.re_compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")


def front_matter(text: str) -> tuple[int, dict[str, Any]]:
    """Return the length of a leading YAML front matter block and its mapping.

    A block that does not parse as a mapping is not front matter (it may be a
    horizontal rule in Markdown), so `(0, {})` comes back.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return 0, {}
    import yaml  # only a document with front matter needs it

    try:
        # libyaml's safe loader when PyYAML has it: the pure-Python one took a third
        # of the time of building a Markdown document
        data = yaml.load(match.group(1) or "", Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return 0, {}
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return 0, {}
    return match.end(), data


def prose_spans_to_mask(text: str, markdown: bool) -> list[tuple[int, int]]:
    """Spans of `text` that rules must not see."""
    spans = [m.span() for m in _URL.finditer(text)] if _may_have_url(text) else []
    if markdown:
        spans += [m.span() for m in _HTML_COMMENT.finditer(text)]
        spans += markdown_blocks.code_blocks(text)
        if "`" in text:  # the pattern opens with a look-behind: tried at every offset
            spans += [m.span(0) for m in _INLINE_CODE.finditer(text)]
        spans += [(m.start() + 1, m.end()) for m in _LINK_TARGET.finditer(text)]
        spans += [m.span() for m in _HTML_TAG.finditer(text)]
    return spans


def _may_have_url(text: str) -> bool:
    """False when `_URL` cannot match: every URL it finds has "://" or "www." (in any
    case) in it. Scanning for the pattern itself costs far more than these searches."""
    return "://" in text or "www." in text.lower()


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """Blank out `spans` of `text`, keeping newlines so lines stay where they were."""
    if not spans:
        return text
    parts = []
    done = 0  # text before this offset is in `parts`
    for start, end in sorted(spans):
        start = max(start, done)  # spans may overlap
        if end <= start:
            continue
        parts.append(text[done:start])
        parts.append(_blank(text[start:end]))
        done = end
    parts.append(text[done:])
    return "".join(parts)


def _blank(segment: str) -> str:
    """`segment` with every character but a newline made a space."""
    return "\n".join(" " * len(line) for line in segment.split("\n"))
