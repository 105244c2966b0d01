"""The faster ways of building a document and finding quote marks give what the plain
ones give: a property test against the straightforward version of each."""

from __future__ import annotations

import pickle

import msgspec
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from claimlint import markup
from claimlint.diagnostics import Diagnostic, Location, RelatedLocation
from claimlint.document import Document
from claimlint.findings import Level
from claimlint.kinds.existence import LINE_BODIES, WHITE_SPACE
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


def test_white_space_is_what_regex_calls_white_space() -> None:
    expected = {c for c in map(chr, range(0x110000)) if regex.match(r"\s", c, regex.V0)}
    assert set(WHITE_SPACE) == expected


_LEADING = regex.compile(r"[\s#>*_\[-]*")
_TRAILING = regex.compile(r"(?r)[\s*_\]]*\Z")


def plain_line_bodies(text: str) -> list[tuple[int, str]]:
    bodies = []
    offset = 0
    for line in text.split("\n"):
        if line and not line.isspace():
            lead = _LEADING.match(line).end()  # type: ignore[union-attr]
            trail = _TRAILING.search(line).start()  # type: ignore[union-attr]
            end = max(lead, trail)
            if end > lead:
                bodies.append((offset + lead, line[lead:end]))
        offset += len(line) + 1
    return bodies


@given(st.text(alphabet="ab #>*_[]-\n\t\u00a0\u2003\x1c.", max_size=60))
def test_line_bodies_are_those_the_patterns_give(text: str) -> None:
    assert LINE_BODIES.compute(Document.from_text(text)) == plain_line_bodies(
        Document.from_text(text).lint_text
    )


def test_diagnostics_pickle_with_every_field() -> None:
    loc = Location(1, 2, 3, 4, 5, 6)
    diagnostic = Diagnostic(
        "a.txt",
        "rule",
        "category",
        Level.ERROR,
        "message",
        loc,
        "line",
        "fix",
        True,
        (RelatedLocation(Location(7, 8, 9, 10, 11, 12), "note", "other line"),),
        {"resolution": "2021-03-01"},
    )
    for value in (loc, diagnostic.related[0], diagnostic):
        reduced = value.__reduce__()
        assert len(reduced[1]) == len(msgspec.structs.fields(value))  # a new field is pickled too
    assert pickle.loads(pickle.dumps(diagnostic)) == diagnostic
