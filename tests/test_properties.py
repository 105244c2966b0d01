"""Properties of the whole engine with the built-in rules, on arbitrary text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimlint.config import DEFAULT
from claimlint.ruleset import build_ruleset
from tests.invariants import COPY_PIECES, Outcome, check_invariants

RULES = build_ruleset(DEFAULT)

# Text that looks like copy often enough to trigger rules, mixed with anything at all:
# every plane, combining marks, right-to-left text, controls and mixed line endings.
_pieces = st.sampled_from(COPY_PIECES)
_text = st.lists(st.one_of(_pieces, st.text(max_size=8)), max_size=60).map("".join)
_settings = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(text: str, path: str) -> Outcome:
    return check_invariants(text, path, RULES)


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
