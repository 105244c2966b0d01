"""A sentence that counts time from an event ("two days after the strike") is found by a
case-insensitive pattern, asked only of sentences that hold one of its words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimlint.document import Document
from claimlint.sentences import Sentence
from claimlint.timeline import claims

KELVIN, LONG_S = "\u212a", "\u017f"


def measured(text: str) -> bool:
    return claims.measured_from(Document.from_text(text), Sentence(0, len(text)))


def test_each_way_of_counting_from_an_event_is_found() -> None:
    assert measured("Two days after the strike, the embassy closed.")
    assert measured("Three YEARS LATER the case was reopened.")
    assert measured("The week before the vote, talks stalled.")
    assert measured("Crowds marked the anniversary on Friday.")
    assert measured("It was the 10th anniversary of the war.")
    assert not measured("The embassy closed on Friday after the strike.")


def test_letters_that_only_match_ignoring_case_are_not_missed() -> None:
    assert measured(f"Two wee{KELVIN}s after the strike, the embassy closed.")
    assert measured(f"Crowds marked the anniver{LONG_S}ary on Friday.")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "two",
                "days",
                "DAY",
                "wee" + KELVIN + "s",
                "months",
                "Year",
                "decades",
                "after",
                "before",
                "later",
                "since",
                "the",
                "anniver" + LONG_S + "ary",
                "anniversaries",
                "10th",
                "first",
                "on",
                ",",
                "strike",
                "dayton",
                "weekly",
            ]
        ),
        max_size=12,
    )
)
def test_the_guard_never_changes_the_answer(words: list[str]) -> None:
    text = " ".join(words)
    expected = claims._MEASURED.search(text) is not None
    assert measured(text) == expected
