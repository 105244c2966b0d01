"""Property: text whose quotations are generated balanced gets no pairing finding,
whatever the marks, the nesting, the apostrophes and the paragraphs around them.

A bare inch mark (`55"`) is left out of the generated words: right after an opening
straight quote (`"55" the"`) it is ambiguous to a reader too; heights (6'2") are in."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimlint.config import DEFAULT
from claimlint.ruleset import build_ruleset
from tests.conftest import run_rules

RULESET = build_ruleset(DEFAULT)
PAIRING = ("quote-unclosed", "quote-unopened", "quote-mismatched")

DOUBLE_PAIRS = [("“", "”"), ('"', '"'), ("„", "“"), ("«", "»"), ("« ", " »")]
SINGLE_PAIRS = [("‘", "’"), ("'", "'"), ("‹", "›"), ("‚", "‘")]
WORDS = [
    "the", "talks", "Iraq", "Washington", "said", "will", "resume", "in", "April",
    "don't", "it’s", "they’ll", "Shi’ite", "Qur’an", "Al-Kazemi’s", "Shiʿite", "o’clock",
    "the Joneses’", "players'", "’90s", "'80s", "rock ’n’ roll", "rock 'n' roll", "’em",
    "6'2\"", "5’11”", "1990’s", "— then", "(sic)", "3.5", "al-Muhandis",
]  # fmt: skip
PUNCTUATION = ["", "", "", ",", ".", "?", "!", ":", ";", "…"]

words = st.sampled_from(WORDS)


def quotation(depth: int, double: bool) -> st.SearchStrategy[str]:
    pairs = DOUBLE_PAIRS if double else SINGLE_PAIRS
    return st.builds(
        lambda pair, body, inner_end: f"{pair[0]}{body}{inner_end}{pair[1]}",
        st.sampled_from(pairs),
        phrase(depth - 1, not double),
        st.sampled_from(PUNCTUATION),
    )


def phrase(depth: int, double: bool) -> st.SearchStrategy[str]:
    item = words if depth <= 0 else st.one_of(words, words, quotation(depth, double))
    punctuated = st.builds(lambda i, p: i + p, item, st.sampled_from(PUNCTUATION))
    return st.lists(punctuated, min_size=1, max_size=6).map(" ".join)


@st.composite
def running_quotation(draw: st.DrawFn) -> str:
    """A quotation over several paragraphs: each reopens, only the last one closes."""
    opening, closing = draw(st.sampled_from(DOUBLE_PAIRS[:3]))
    parts = [f"{opening}{draw(phrase(1, False))}." for _ in range(draw(st.integers(1, 3)))]
    parts.append(f"{opening}{draw(phrase(1, False))},{closing} he said.")
    return "\n\n".join(parts)


@st.composite
def article(draw: st.DrawFn) -> str:
    blocks = draw(
        st.lists(
            st.one_of(
                st.builds(lambda p: p + ".", phrase(3, True)),
                st.builds(lambda p: p + ".", phrase(3, False)),
                running_quotation(),
            ),
            min_size=1,
            max_size=5,
        )
    )
    return "\n\n".join(blocks)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article())
# a possessive before a nested quote whose closer follows a number: the number's mark
# may still close it, so the single quote closes later
@example("“‘players' “3.5”’”.")
def test_balanced_quotations_give_no_pairing_finding(text: str) -> None:
    findings = run_rules(RULESET, text, only=PAIRING)
    assert findings == [], [(f.rule, text[max(0, f.start - 20) : f.end + 20]) for f in findings]


@settings(max_examples=100, deadline=None)
@given(article(), st.sampled_from(["“", "«", "„"]))
def test_an_opening_mark_dropped_into_a_balanced_paragraph_is_reported(
    text: str, mark: str
) -> None:
    broken = f"{text}\n\nThe minister added {mark}the talks will go on."
    findings = run_rules(RULESET, broken, only=["quote-unclosed"])
    assert [broken[f.start] for f in findings] == [mark]
