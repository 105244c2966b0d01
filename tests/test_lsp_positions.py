"""Character offsets ↔ LSP positions (claimlint.lsp.positions needs no pygls)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from claimlint.lsp.positions import UTF8, UTF16, UTF32, LineIndex

# text with every kind of line break, astral characters and look-alike breaks
pieces = st.sampled_from(
    ["a", "é", " ", ".", "\n", "\r\n", "\r", "\u2028", "\x0c", "\x85", "🙂", "𝒜", "中", "\t"]
)
texts = st.lists(pieces, max_size=60).map("".join)
encodings = st.sampled_from([UTF8, UTF16, UTF32])


def lsp_lines(text: str) -> list[str]:
    return re.split(r"\r\n|\r|\n", text)


def code_units(text: str, encoding: str) -> int:
    if encoding == UTF8:
        return len(text.encode("utf-8"))
    if encoding == UTF16:
        return len(text.encode("utf-16-le")) // 2
    return len(text)


def test_astral_characters_count_twice_in_utf16() -> None:
    text = "🙂🙂 x\nab𝒜c"
    index = LineIndex(text)
    assert index.position(text.index("x")) == (0, 5)
    assert index.position(text.index("c")) == (1, 4)
    assert index.offset(0, 5) == text.index("x")
    assert index.offset(1, 4) == text.index("c")
    assert LineIndex(text, UTF32).position(text.index("x")) == (0, 3)
    assert LineIndex(text, UTF8).position(text.index("x")) == (0, 9)


def test_only_lsp_line_breaks_break_lines() -> None:
    text = "one\u2028two\x0cthree\r\nfour\rfive\nsix"
    index = LineIndex(text)
    assert index.position(text.index("three")) == (0, 8)
    assert index.position(text.index("four")) == (1, 0)
    assert index.position(text.index("five")) == (2, 0)
    assert index.position(text.index("six")) == (3, 0)


def test_positions_past_a_line_end_clamp_to_it() -> None:
    index = LineIndex("ab\r\ncd")
    assert index.offset(0, 99) == 2
    assert index.offset(9, 0) == 6
    assert index.position(3) == (0, 2)  # between "\r" and "\n": the end of line 0


@given(texts, encodings)
def test_offsets_round_trip(text: str, encoding: str) -> None:
    index = LineIndex(text, encoding)
    lines = lsp_lines(text)
    for offset in range(len(text) + 1):
        if 0 < offset < len(text) and text[offset - 1 : offset + 1] == "\r\n":
            continue  # inside a line break: no position of its own
        line, character = index.position(offset)
        start = index.starts[line]
        assert 0 <= line < len(lines)
        assert character == code_units(text[start:offset], encoding)
        assert index.offset(line, character) == offset


@given(texts)
def test_a_position_inside_a_surrogate_pair_is_the_character_start(text: str) -> None:
    index = LineIndex(text)
    for offset, char in enumerate(text):
        if ord(char) > 0xFFFF:
            line, character = index.position(offset)
            assert index.offset(line, character + 1) == offset
