"""Properties of the whole engine with the built-in rules, on arbitrary text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimlint.config import DEFAULT
from claimlint.diagnostics import diagnose
from claimlint.document import Document
from claimlint.engine import lint_document
from claimlint.ruleset import build_ruleset
from claimlint.sources import Source

RULES = build_ruleset(DEFAULT).rules

# Text that looks like copy often enough to trigger rules, mixed with anything at all:
# every plane, combining marks, right-to-left text, controls and mixed line endings.
_pieces = st.sampled_from(
    [
        " ",
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        ".",
        "..",
        " .",
        ",",
        "“",
        "”",
        "‘",
        "’",
        '"',
        "'",
        "«",
        "»",
        "„",
        "Source link",
        "Leave a Reply",
        " / Reuters",
        " – archive – AFP",
        "Jane Saki",
        "Sacchi",
        "said",
        "last January",
        "next April",
        "Tuesday, March 23, 2021",
        "on Tuesday",
        "2021",
        "---\n",
        "```\n",
        "<!-- x -->",
        "https://a.b/c..d",
        "\u200f",
        "مرحبا",
        "שלום",
        "e\u0301",
        "\U0001f600",
        "\x00",
        "\x0b",
        "\u2028",
        "\ufeff",
        "\t",
    ]
)
_text = st.lists(st.one_of(_pieces, st.text(max_size=8)), max_size=60).map("".join)
_settings = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(text: str, path: str) -> list[tuple[object, ...]]:
    doc = Document.from_source(Source(path, text))
    findings, problems = lint_document(doc, RULES)
    assert not [p for p in problems if p.startswith("error:")], problems
    result = []
    for finding in findings:
        assert 0 <= finding.start <= finding.end <= len(doc.text)
        diagnostic = diagnose(doc, finding)
        loc = diagnostic.location
        line_start, line_end = doc.line_span(loc.line)
        assert line_start <= finding.start <= line_end + 1
        assert loc.column == finding.start - line_start + 1
        assert 0 <= loc.start <= loc.end <= len(text)
        result.append((finding.rule, finding.start, finding.end, finding.message))
    return result


@_settings
@given(_text, st.sampled_from(["a.txt", "a.md"]))
def test_no_crash_spans_in_range_and_deterministic(text: str, path: str) -> None:
    first = _check(text, path)
    assert first == _check(text, path)


@_settings
@given(_text)
def test_line_endings_do_not_change_findings(text: str) -> None:
    unix = text.replace("\r\n", "\n").replace("\r", "\n")
    assert _check(unix, "a.txt") == _check(unix.replace("\n", "\r\n"), "a.txt")


@settings(max_examples=30, deadline=None)
@given(st.text(min_size=1, max_size=3), st.integers(min_value=5_000, max_value=40_000))
def test_very_long_lines(piece: str, length: int) -> None:
    _check((piece * (length // len(piece)))[:length], "a.txt")
