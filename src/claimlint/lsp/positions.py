"""Character offsets ↔ LSP positions.

claimlint places findings by character offsets into the text (code points); LSP counts
lines from 0, splits them at "\\n", "\\r\\n" and "\\r", and counts characters within a
line in the position encoding agreed with the client: UTF-16 code units by default
(a character outside the Basic Multilingual Plane, such as most emoji, is two), or
UTF-8 bytes, or UTF-32 (code points). Pure Python, no protocol types.
"""

from __future__ import annotations

from bisect import bisect_right

from claimlint import regex_cache

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
_LINE_BREAK = regex_cache.re_compile(r"\r\n|\r|\n")


def units(text: str, encoding: str) -> int:
    """Length of `text` in code units of the position encoding."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class LineIndex:
    """The line structure of one text, for converting positions both ways."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding if encoding in (UTF8, UTF32) else UTF16
        #: offset of each line's first character, and of each line's end (before its break)
        self.starts = [0]
        self.ends: list[int] = []
        for match in _LINE_BREAK.finditer(text):
            self.ends.append(match.start())
            self.starts.append(match.end())
        self.ends.append(len(text))

    def position(self, offset: int) -> tuple[int, int]:
        """The 0-based (line, character) of a character offset (clamped to the text)."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        # an offset between "\r" and "\n" belongs to the end of its line
        column = min(offset, self.ends[line]) - self.starts[line]
        if self.encoding == UTF32 or column == 0:
            return line, column
        start = self.starts[line]
        return line, units(self.text[start : start + column], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The character offset of a 0-based LSP position; a position past the end of its
        line is the line's end, one inside a character (half a surrogate pair, part of a
        UTF-8 sequence) is that character's start."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[line], self.ends[line]
        if self.encoding == UTF32:
            return min(start + max(character, 0), end)
        counted = 0
        for index in range(start, end):
            width = units(self.text[index], self.encoding)
            if counted + width > character:
                return index
            counted += width
        return end
