"""The patterns that read the text before a name are searched in reverse (from its end,
for speed); what the name layer uses of them must be what a forward search gives."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from claimlint.names import mentions
from tests.conftest import names_lexicon

LEX = names_lexicon()

_PIECES = st.sampled_from(
    [
        *sorted(LEX.titles)[:60],
        "vice-president", "secretary-general", "general", "president", "Said", "said",
        "according", "to", "told", "the", "a", "his", "Minister", "spokesman", ".", ",",
        "!", "?", ";", ":", "(", ")", "“", "”", "'", '"', "’", "\n", "\n\n",
    ]
)  # fmt: skip
_GAPS = st.sampled_from(["", " ", "  ", "\t", " \t", "\n", " \n"])


@st.composite
def text_before_a_name(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(_PIECES, _GAPS), max_size=8))
    return "".join(piece + gap for piece, gap in parts)


def forward(pattern: regex.Pattern[str]) -> regex.Pattern[str]:
    return regex.compile(pattern.pattern, pattern.flags & ~regex.REVERSE)


@settings(max_examples=600, deadline=None)
@given(text_before_a_name())
def test_reverse_search_finds_what_a_forward_search_finds(before: str) -> None:
    for pattern in (mentions.SENTENCE_START, LEX.speech_before):
        assert (pattern.search(before) is None) == (forward(pattern).search(before) is None)
    title = LEX.title_before.search(before)
    title_forward = forward(LEX.title_before).search(before)
    assert (title and title.group("role")) == (title_forward and title_forward.group("role"))
    if not before.endswith("\n"):
        clause = mentions.CLAUSE_START_REVERSE.search(before)
        clause_forward = mentions.CLAUSE_START.search(before)
        assert (clause and clause.end()) == (clause_forward and clause_forward.end())
