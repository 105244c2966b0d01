"""Where a Markdown article's code blocks, fences and raw HTML blocks are.

CommonMark decides, and markdown-it's block pass answers. Most articles do not need
the parser, whose import is about a sixth of a one-article run: an article without a
fence, an indented line, a tab or a "<" has no such block, and one whose only raw HTML
is comments that open and close on their own lines (a CMS's ad slots and "<!-- more
-->" marks) has exactly those lines as blocks. Anything else goes to the parser.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from claimlint import regex_cache

# without one of these there is no code block, fence or raw HTML block
_BLOCK_MARKS = ("```", "~~~", "    ", "\t", "<")
# Marks of what could hold a comment's line without the line being a block of its
# own (a fence, indented code; another HTML block is a "<" line of its own), and "\r",
# which the parser counts as a line break. Any other block a comment's line follows
# ends there: a paragraph, a list, a quote, a link reference definition.
_PARSER_MARKS = ("```", "~~~", "    ", "\t", "\r")
# a "<" after nothing but what may open a block quote or a list item, and indentation:
# where an HTML block can begin
_TAG_AT_BLOCK_START = regex_cache.re_compile(r"^([ >*+\-.)0-9]*)<(.*)$", re.MULTILINE)
# Five block quote or list markers before a line's text. The parser stops reading at
# twenty levels of nesting, and the rest of the article is then no block at all. A
# level needs a marker or indentation on the line where a block starts: a line with
# at most four markers and no run of four spaces opens at most 14 levels (3 for each
# quote, with the list its indentation may continue, 2 for each list, 2 for a list
# continued from the margin).
_DEEP_NESTING = regex_cache.re_compile(
    r"^ *(?:(?:>|[-+*](?= |$)|[0-9]{1,9}[.)](?= |$)) *){5}", re.MULTILINE
)


def code_blocks(text: str) -> list[tuple[int, int]]:
    """The spans of the lines of `text` that CommonMark reads as a code block, a fence
    or a raw HTML block, each from the start of its first line to the start of the
    line after its last (or the end of `text`)."""
    if not any(mark in text for mark in _BLOCK_MARKS):
        return []
    spans = _comment_lines(text)
    if spans is not None:
        return spans
    return _parsed_blocks(text)


def _comment_lines(text: str) -> list[tuple[int, int]] | None:
    """The HTML blocks of `text` when each is a comment that opens (after at most
    three spaces) and closes on one line and there is no other block to find; None
    when only the parser can tell."""
    if any(mark in text for mark in _PARSER_MARKS):
        return None
    spans = []
    for match in _TAG_AT_BLOCK_START.finditer(text):
        indent, rest = match.groups()
        # "-->" may overlap "<!--" ("<!-->"): the parser looks for it from the "<" on
        if indent.strip(" ") or not rest.startswith("!--") or "-->" not in rest:
            return None
        end = text.find("\n", match.end())
        spans.append((match.start(), len(text) if end < 0 else end + 1))
    if spans and _DEEP_NESTING.search(text):
        return None
    return spans


def _parsed_blocks(text: str) -> list[tuple[int, int]]:
    tokens = _markdown_parser().parse(text)
    starts = _line_starts(text)
    spans = []
    for token in tokens:
        if token.type in ("fence", "code_block", "html_block") and token.map:
            first, last = token.map
            start = starts[first]
            end = starts[last] if last < len(starts) else len(text)
            spans.append((start, end))
    return spans


@lru_cache(maxsize=1)
def _markdown_parser() -> Any:
    from markdown_it import MarkdownIt

    # Only block tokens are read, and CommonMark settles the blocks before any inline
    # parsing: without the inline pass the same blocks come back, in about 60% of the time.
    return MarkdownIt("commonmark").disable("inline")


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts
