"""An article's lines as the debris check reads them: units.

A unit is one non-empty line of the prose with its Markdown decoration stripped (the
same words a whole-line pattern rule sees), or several lines of one hard-wrapped
paragraph joined: scraped pages put one paragraph, label or teaser on each line, while
agency feeds wrap a paragraph over several lines. A line continues the one above it
when the two stand in one block (no blank line between) and the line above stops
mid-sentence: the next line starts in lower case, the line above ends with a comma or
a word that cannot end a sentence ("the", "of"), or the block is justified (its lines
fill one width, as a wrapped paragraph's do) and the line above does not end a
sentence. A line of furniture is never joined. In Markdown, the lines of a paragraph
are one unit unless a line starts a block of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import Literal

import msgspec

from claimlint import regex_cache
from claimlint.document import Analysis, Document
from claimlint.kinds.existence import LINE_BODIES

Markup = Literal["", "heading", "bullet", "quote", "image"]

_MARKUP = regex_cache.compile(
    r"[ \t]*(?:(?P<heading>#{1,6}\s)|(?P<quote>>)|(?P<image>!\[)|(?P<bullet>(?:[-*+•·]|\d{1,3}[.)])\s))"
)
_LAST_WORD = regex_cache.compile(r"(?r)[\p{L}’']+")
# (?r): these patterns end at \Z, so a reverse search tries the end of the text first
# instead of every offset of it (only whether they match is used)
_LINE_END = regex_cache.compile(r"(?r)[.!?:][\"”’')\]]*\Z")


class Wrap(msgspec.Struct, frozen=True):
    """What a hard-wrapped block looks like: at least `lines` lines, the widest at least
    `width` characters, and every line but the last at least `fill` of the widest."""

    lines: int
    width: int
    fill: float


class Unit(msgspec.Struct, frozen=True, dict=True):
    """A line, or the lines of a hard-wrapped paragraph joined (`dict`: room for the
    words, counted on first use and asked many times)."""

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

    @cached_property
    def words(self) -> tuple[str, ...]:
        return tuple(self.text.split())

    @property
    def full_end(self) -> int:
        return self.start + len(self.full)


class Units(Analysis[list[Unit]]):
    """The units of a document. `continuation_words` are the words after which a line
    cannot end a sentence (a hard wrap follows); a line `standalone` accepts (a line of
    furniture such as "Try refreshing your browser, or") is never joined to another."""

    def __init__(
        self,
        continuation_words: frozenset[str],
        wrap: Wrap,
        standalone: Callable[[str], bool],
    ) -> None:
        self.continuation_words = continuation_words
        self.wrap = wrap
        self.standalone = standalone

    def compute(self, doc: Document) -> list[Unit]:
        text = doc.lint_text
        lines = _lines(doc)
        justified = _justified_blocks(lines, self.wrap)
        known: dict[str, bool] = {}  # whether a line stands alone: asked of it twice
        units: list[Unit] = []
        for line in lines:
            previous = units[-1] if units else None
            if (
                previous is not None
                and previous.block == line.block
                and self._continues(previous, line, line.block in justified, doc.is_markdown, known)
            ):
                units[-1] = Unit(
                    previous.index,
                    previous.start,
                    line.end,
                    text[previous.start : line.end],
                    line.block,
                    previous.markup,
                    previous.lines + 1,
                    text[previous.start : line.start + len(line.full)],
                )
            else:
                units.append(
                    Unit(
                        len(units),
                        line.start,
                        line.end,
                        line.body,
                        line.block,
                        line.markup,
                        1,
                        line.full,
                    )
                )
        return units

    def _continues(
        self,
        previous: Unit,
        line: _Line,
        justified: bool,
        markdown: bool,
        known: dict[str, bool],
    ) -> bool:
        body = line.body
        if line.markup or previous.markup in ("heading", "image"):
            return False
        # a joined unit's last line was asked already, when it was joined
        for text in (body, previous.text) if previous.lines == 1 else (body,):
            if text not in known:
                known[text] = self.standalone(text)
            if known[text]:
                return False
        if markdown:
            return True
        if previous.markup:
            return False
        tail = previous.text.rstrip()
        last = _LAST_WORD.search(tail)
        wrapped = (
            (justified and not _LINE_END.search(tail))
            or body[:1].islower()
            # "… runs until 16 March" / "2018. …": a long line cut before a number
            or (body[:1].isdigit() and len(tail) >= self.wrap.width and not _LINE_END.search(tail))
            or tail.endswith(",")
            or bool(
                last
                and last.end() == len(tail)
                and last.group().casefold() in self.continuation_words
            )
        )
        return wrapped


class _Line(msgspec.Struct, frozen=True):
    start: int
    end: int
    body: str
    full: str
    block: int
    markup: Markup


def _lines(doc: Document) -> list[_Line]:
    """The non-empty lines of `doc` with their block (lines between blank lines)."""
    text = doc.lint_text
    found: list[_Line] = []
    block = 0
    last_line_end = -1
    for start, body in doc.analysis(LINE_BODIES):
        line_start = text.rfind("\n", 0, start) + 1
        if last_line_end >= 0 and text.count("\n", last_line_end, line_start) > 1:
            block += 1
        newline = text.find("\n", start)
        line_end = newline if newline != -1 else len(text)
        found.append(
            _Line(
                start,
                start + len(body),
                body,
                text[start:line_end].rstrip(),
                block,
                _markup(text, line_start, doc.is_markdown),
            )
        )
        last_line_end = line_end
    return found


def _justified_blocks(lines: list[_Line], wrap: Wrap) -> set[int]:
    """Blocks whose lines but the last fill the same width and mostly go on in lower
    case, as a hard-wrapped paragraph's do (a list of headlines does not)."""
    by_block: dict[int, list[_Line]] = {}
    for line in lines:
        by_block.setdefault(line.block, []).append(line)
    justified = set()
    for block, members in by_block.items():
        if len(members) < max(wrap.lines, 2):
            continue
        widths = [len(line.full) for line in members[:-1]]
        widest = max(widths)
        # wrapped prose breaks mid-sentence: most lines go on in lower case
        lower = sum(1 for line in members[1:] if line.body[:1].islower() or line.body[:1].isdigit())
        if (
            widest >= wrap.width
            and min(widths) >= widest * wrap.fill
            and 2 * lower >= len(members) - 1
        ):
            justified.add(block)
    return justified


def _markup(text: str, line_start: int, markdown: bool) -> Markup:
    found = _MARKUP.match(text, line_start)
    if not found:
        return ""
    kind = found.lastgroup
    if kind in ("heading", "image", "quote") and not markdown:
        return ""
    return kind  # type: ignore[return-value]
