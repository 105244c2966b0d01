"""The faster ways of building a document and finding quote marks give what the plain
ones give: a property test against the straightforward version of each."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimlint import markup
from claimlint.quotes.marks import (
    APOSTROPHES,
    _elided,
    elision_pattern,
    find_marks,
    mark_offsets,
)

ALPHABET = "ab1 \n'’‘\"“”«»-.,_#<>/:w"


def plain_mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


@st.composite
def text_and_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = draw(st.text(alphabet=ALPHABET, max_size=60))
    bound = st.integers(0, len(text))
    spans = draw(st.lists(st.tuples(bound, bound), max_size=6))
    return text, spans


@given(text_and_spans())
def test_mask_blanks_what_the_plain_loop_blanks(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, spans = case
    assert markup.mask(text, spans) == plain_mask(text, spans)


@given(st.text(alphabet=ALPHABET + "HhtpsWW", max_size=80))
def test_urls_are_found_as_without_the_shortcut(text: str) -> None:
    spans = markup.prose_spans_to_mask(text, markdown=False)
    assert spans == [m.span() for m in markup._URL.finditer(text)]


ELISIONS = elision_pattern(["'em", "'til", "n'", "rock 'n' roll", "'n'"])


def plain_elided(text: str, start: int, end: int) -> set[int]:
    return {
        m.start() + i
        for m in ELISIONS.finditer(text, start, end)
        for i, ch in enumerate(m.group())
        if ch in APOSTROPHES
    }


@settings(max_examples=300)
@given(st.text(alphabet="'’‘\"“” abn9emtilrock", max_size=40), st.data())
def test_marks_and_elisions_are_those_of_a_paragraph_scan(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    offsets = [o for o in mark_offsets(text) if start <= o < end]
    marks = find_marks(text, start, end, ELISIONS, offsets)
    assert marks == find_marks(text, start, end, ELISIONS)
    assert [m.offset for m in marks] == offsets
    assert _elided(text, end, ELISIONS, offsets) == plain_elided(text, start, end)
