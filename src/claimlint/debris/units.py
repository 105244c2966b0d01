"""An article's lines as the debris check reads them: units.

A unit is one non-empty line of the prose with its Markdown decoration stripped (the
same words a whole-line pattern rule sees), or several lines of one hard-wrapped
paragraph joined: scraped pages put one paragraph, label or teaser on each line, while
agency feeds wrap a paragraph over several lines. A line continues the one above it
when the two stand in one block (no blank line between) and the line above stops
mid-sentence: the next line starts in lower case, or the line above ends with a comma
or a word that cannot end a sentence ("the", "of"). In Markdown, the lines of a
paragraph are one unit unless a line starts a block of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import regex

from claimlint.document import Analysis, Document
from claimlint.kinds.existence import LINE_BODIES

Markup = Literal["", "heading", "bullet", "quote", "image"]

_MARKUP = regex.compile(
    r"[ \t]*(?:(?P<heading>#{1,6}\s)|(?P<quote>>)|(?P<image>!\[)|(?P<bullet>(?:[-*+•·]|\d{1,3}[.)])\s))"
)
_LAST_WORD = regex.compile(r"(?r)[\p{L}’']+")


@dataclass(frozen=True, slots=True)
class Unit:
    index: int
    #: offsets of the unit's words in the document (decoration excluded)
    start: int
    end: int
    #: the words as the rules see them (`Document.lint_text`); joined lines keep "\n"
    text: str
    #: index of the block (lines between blank lines) the unit stands in
    block: int
    markup: Markup
    #: how many lines the unit joins
    lines: int = 1
    #: the unit's text to the end of its last line (what Markdown decoration hides,
    #: such as a closing "]", is kept: a label glued to the end is looked for there)
    full: str = ""

    @property
    def words(self) -> list[str]:
        return self.text.split()

    @property
    def full_end(self) -> int:
        return self.start + len(self.full)


class Units(Analysis[list[Unit]]):
    """The units of a document. `continuation_words` are the words after which a line
    cannot end a sentence (a hard wrap follows); a line `standalone` accepts (a line of
    furniture such as "Try refreshing your browser, or") is never joined to another."""

    def __init__(
        self, continuation_words: frozenset[str], standalone: Callable[[str], bool]
    ) -> None:
        self.continuation_words = continuation_words
        self.standalone = standalone

    def compute(self, doc: Document) -> list[Unit]:
        text = doc.lint_text
        units: list[Unit] = []
        block = 0
        last_line_end = -1
        for start, body in doc.analysis(LINE_BODIES):
            end = start + len(body)
            line_start = text.rfind("\n", 0, start) + 1
            if last_line_end >= 0 and text[last_line_end:line_start].count("\n") > 1:
                block += 1
            markup = _markup(text, line_start, doc.is_markdown)
            previous = units[-1] if units else None
            newline = text.find("\n", end)
            line_end = newline if newline != -1 else len(text)
            full = text[start:line_end].rstrip()
            if (
                previous is not None
                and previous.block == block
                and last_line_end >= 0
                and text[last_line_end:line_start].count("\n") == 1
                and self._continues(previous, body, markup, doc.is_markdown)
            ):
                units[-1] = Unit(
                    previous.index,
                    previous.start,
                    end,
                    text[previous.start : end],
                    block,
                    previous.markup,
                    previous.lines + 1,
                    text[previous.start : start + len(full)],
                )
            else:
                units.append(Unit(len(units), start, end, body, block, markup, 1, full))
            last_line_end = line_end
        return units

    def _continues(self, previous: Unit, body: str, markup: Markup, markdown: bool) -> bool:
        if markup or previous.markup in ("heading", "image"):
            return False
        if markdown:
            return True
        if previous.markup:
            return False
        tail = previous.text.rstrip()
        last = _LAST_WORD.search(tail)
        wrapped = (
            body[:1].islower()
            or tail.endswith(",")
            or bool(
                last
                and last.end() == len(tail)
                and last.group().casefold() in self.continuation_words
            )
        )
        return wrapped and not (self.standalone(body) or self.standalone(previous.text))


def _markup(text: str, line_start: int, markdown: bool) -> Markup:
    found = _MARKUP.match(text, line_start)
    if not found:
        return ""
    kind = found.lastgroup
    if kind in ("heading", "image", "quote") and not markdown:
        return ""
    return kind  # type: ignore[return-value]
