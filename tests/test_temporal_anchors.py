"""The date patterns run only where a match can begin; that must find exactly what
running every pattern over the whole text finds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimlint.temporal import expressions
from claimlint.temporal.lexicon import MONTH_WORDS, NUMBER_WORDS, WEEKDAY_WORDS

ARTICLES = Path(__file__).resolve().parent / "articles"


def spans_by_full_scan(text: str) -> list[list[tuple[int, int]]]:
    return [[m.span() for m in pattern.finditer(text)] for _, pattern in expressions._COMPILED]


def spans_at_starts(text: str) -> list[list[tuple[int, int]]]:
    offsets = expressions._start_offsets(text)
    return [
        [m.span() for m in expressions._matches_at(pattern, text, starts)]
        for (_, pattern), starts in zip(expressions._COMPILED, offsets, strict=True)
    ]


@pytest.mark.parametrize(
    "path", sorted(p for p in ARTICLES.iterdir() if p.suffix in {".txt", ".md"}), ids=str
)
def test_same_matches_on_the_test_articles(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for variant in (text, text.upper(), text.lower(), text.replace(" ", "")):
        assert spans_at_starts(variant) == spans_by_full_scan(variant)


# Text made of what the patterns match (and bits around it), in every case and spacing.
_PHRASES = st.one_of(
    *(st.from_regex(pattern) for _, _, pattern in expressions._PATTERNS),
    st.sampled_from(
        [*MONTH_WORDS, *WEEKDAY_WORDS, *NUMBER_WORDS, *expressions._START_WORDS, "ſince", "İn"]
    ),
)
_SEPARATORS = st.sampled_from(["", " ", "\n", ", ", ".", "-", "(", "“"])


@st.composite
def date_soup(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(_PHRASES, _SEPARATORS), min_size=1, max_size=6))
    text = "".join(phrase + separator for phrase, separator in parts)
    return draw(st.sampled_from([text, text.upper(), text.lower(), text.title()]))


@settings(max_examples=300, deadline=None)
@given(date_soup())
def test_same_matches_on_any_text_made_of_date_phrases(text: str) -> None:
    assert spans_at_starts(text) == spans_by_full_scan(text)


_THEN = [
    *["day", "days", "week", "weeks", "weekend", "month", "months", "year", "years", "ago", "of", "the", "a"],
    *["past", "coming", "last", "next", "this", "following", "previous", "preceding", "before", "after"],
    *["end", "beginning", "start", "middle", "early", "late", "mid-", "morning", "night", "when"],
    "5", "23rd", "2021", "March", "Sept.", "Friday", "(March", "two", ",",
]  # fmt: skip


def test_same_matches_on_every_start_word_followed_by_date_words() -> None:
    """Every start word, in three cases, before every pair of words that may follow."""
    starts = [*expressions._START_WORDS, "5", "2021"]
    phrases = [
        f"{case} {second} {third}"
        for word in starts
        for case in {word, word.title(), word.upper()}
        for second in _THEN
        for third in ("year ago", "day,", "of 2021", "week", "2020", "June", "day when")
    ]
    for index in range(0, len(phrases), 200):
        text = ". ".join(phrases[index : index + 200])
        assert spans_at_starts(text) == spans_by_full_scan(text)
