"""One problem, one finding: no span gets two warnings or errors."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimlint.dedupe import one_per_problem
from claimlint.findings import Finding, Level


def finding(rule: str, category: str, level: Level, start: int, end: int) -> Finding:
    return Finding(rule, category, level, f"{rule} message", start, end)


def test_the_stronger_claim_on_the_same_span_keeps_the_weaker_as_a_note() -> None:
    ambiguous = finding("ambiguous-date", "dates", Level.WARNING, 10, 22)
    wrong = finding("timeline-contradiction", "timeline", Level.ERROR, 10, 22)
    result = one_per_problem([ambiguous, wrong])
    assert [(f.rule, f.level) for f in result] == [
        ("ambiguous-date", Level.INFO),
        ("timeline-contradiction", Level.ERROR),
    ]
    assert result[0].data["absorbed_by"] == "timeline-contradiction"


def test_a_wider_finding_of_the_same_category_absorbs_a_narrower_one() -> None:
    caption = finding("caption-with-credit", "captions", Level.WARNING, 0, 40)
    credit = finding("photo-credit-line", "captions", Level.WARNING, 30, 40)
    result = one_per_problem([credit, caption])
    assert [(f.rule, f.level) for f in result] == [
        ("photo-credit-line", Level.INFO),
        ("caption-with-credit", Level.WARNING),
    ]


def test_another_category_inside_a_wider_span_is_its_own_problem() -> None:
    caption = finding("caption-with-credit", "captions", Level.WARNING, 0, 40)
    name = finding("name-variant", "names", Level.ERROR, 20, 28)
    assert one_per_problem([caption, name]) == [caption, name]


def test_punctuation_and_quotes_inside_furniture_are_notes() -> None:
    widget = finding("scraped-widget", "boilerplate", Level.WARNING, 0, 19)
    colon = finding("space-before-punctuation", "punctuation", Level.WARNING, 13, 15)
    unclosed = finding("quote-unclosed", "quotes", Level.ERROR, 5, 6)
    result = one_per_problem([widget, colon, unclosed])
    assert [(f.rule, f.level) for f in result] == [
        ("scraped-widget", Level.WARNING),
        ("space-before-punctuation", Level.INFO),
        ("quote-unclosed", Level.INFO),
    ]
    assert result[2].data == {"absorbed_by": "scraped-widget", "level_declared": "error"}


def test_outside_furniture_punctuation_stands() -> None:
    widget = finding("scraped-widget", "boilerplate", Level.WARNING, 0, 19)
    colon = finding("space-before-punctuation", "punctuation", Level.WARNING, 25, 27)
    assert one_per_problem([widget, colon]) == [widget, colon]


def test_info_findings_are_untouched() -> None:
    relative = finding("relative-date", "dates", Level.INFO, 5, 15)
    boundary = finding("quote-broken-boundary", "quotes", Level.WARNING, 0, 20)
    assert one_per_problem([boundary, relative]) == [boundary, relative]


spans = st.tuples(st.integers(0, 30), st.integers(0, 10)).map(lambda t: (t[0], t[0] + t[1]))


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a", "b", "c"]),
            st.sampled_from(["x", "y"]),
            st.sampled_from([Level.INFO, Level.WARNING, Level.ERROR]),
            spans,
        ),
        max_size=12,
    )
)
def test_no_span_gets_two_warnings_or_errors(
    items: list[tuple[str, str, Level, tuple[int, int]]],
) -> None:
    findings = [finding(rule, cat, level, *span) for rule, cat, level, span in items]
    result = one_per_problem(findings)
    assert len(result) == len(findings)
    serious = [f for f in result if f.level >= Level.WARNING]
    seen: dict[tuple[int, int], str] = {}
    for f in serious:
        span = (f.start, f.end)
        assert seen.get(span, f.rule) == f.rule, (span, seen[span], f.rule)
        seen[span] = f.rule
    # every warning or error made a note stands beside a finding at least as strong that
    # covers it and still stands
    for before, after in zip(findings, result, strict=True):
        if before.level >= Level.WARNING and after.level is Level.INFO:
            assert any(
                other.rule == after.data["absorbed_by"]
                and other.level >= before.level
                and other.start <= before.start
                and before.end <= max(other.end, other.start + 1)
                for other in serious
            )
