"""`report.html.marks`: any spans over any text give well-formed HTML in which the
text reads as it was and each span covers exactly its characters."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimlint.report.html.marks import Span, markup
from tests.html_page import Page

TEXTS = st.text(alphabet=st.sampled_from("ab <>&\"'\n\r\t\x1b\u202e—é"), max_size=40)


@st.composite
def marked(draw: st.DrawFn) -> tuple[str, list[Span]]:
    text = draw(TEXTS)
    size = len(text)
    spans = []
    for index in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, size))
        end = draw(st.integers(start, size + 3))  # past the end: clipped
        spans.append(Span(start, end, f"s{index}", "f"))
    return text, spans


def shown(text: str) -> str:
    return text.replace("\x1b", "\u241b").replace("\u202e", "\ufffd")


@given(marked())
def test_spans_nest_and_cover_their_text(case: tuple[str, list[Span]]) -> None:
    text, spans = case
    page = Page(
        f'<section class="article" id="a1"><div class="text">{markup(text, spans)}</div></section>'
    )
    article = page.articles["a1"]
    assert article.text == shown(text)
    for span in spans:
        end = min(span.end, len(text))
        assert article.spans[span.ident] == (span.start, end)
        assert len(page.find("mark")) >= len(spans)


def test_a_crossing_span_continues_in_a_second_piece() -> None:
    out = markup("abcdef", [Span(0, 4, "x", "f"), Span(2, 6, "y", "f")])
    assert out == (
        '<mark id="x" class="f">ab<mark id="y" class="f">cd</mark></mark>'
        '<mark data-of="y" class="f cont">ef</mark>'
    )


def test_an_empty_span_is_an_empty_element_at_its_place() -> None:
    assert markup("ab", [Span(1, 1, "z", "f")]) == 'a<mark id="z" class="f empty"></mark>b'


def test_the_timeline_places_dates_at_the_ends_of_the_calendar() -> None:
    from claimlint.report.html import timeline

    meta = {
        "reference_date": "0001-01-02",
        "date_expressions": [
            {"start": 0, "end": 4, "line": 1, "text": "x", "resolved": "9999-12-01/9999-12-31"},
            {"start": 0, "end": 4, "line": 1, "text": "y", "resolved": "0001-01-01"},
            {"start": 0, "end": 4, "line": 1, "text": "z", "resolved": "not a date"},
        ],
    }
    out = timeline.render("a1", meta, [], linked=True)
    assert out.count('<tr class="tl-date') == 3 and "<svg" in out
    near = {"reference_date": "9999-12-30", "date_expressions": meta["date_expressions"][:1]}
    assert "<svg" in timeline.render("a1", near, [], linked=False)
