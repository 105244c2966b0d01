"""The text report (issue 16): a level hidden without changing what fails, --quiet
without the reference-date header, aligned --statistics, code frames that fit the
terminal with the caret under the span."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from tests.cli_helpers import claimlint

REPO = Path(__file__).resolve().parents[1]
# dated by its wire dateline (a date line alone would also be reported as page metadata)
DATED = (
    "BAGHDAD, March 23, 2021 (Reuters) - The minister resigned on Monday and the era .. "
    "ended. Troops left Baghdad airport .\n"
)


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(DATED, encoding="utf-8")


# -- hiding a level -------------------------------------------------------------------


def test_report_level_hides_info_and_says_how_many() -> None:
    shown = claimlint(["check", "--isolated", "a.txt"])
    assert "info[relative-date]" in shown.stdout
    hidden = claimlint(["check", "--isolated", "--report-level", "warning", "a.txt"])
    assert "relative-date" not in hidden.stdout
    assert "reference date" not in hidden.stdout  # its header went with it
    assert "warning[doubled-punctuation]" in hidden.stdout
    assert hidden.stdout.rstrip().endswith(
        "Found 2 findings (2 warnings) in 1 file; 1 info below the report level not shown."
    )


def test_report_level_does_not_change_what_fails() -> None:
    Path("b.txt").write_text("The era .. ended.\n", encoding="utf-8")
    loud = claimlint(["check", "--isolated", "--fail-on", "warning", "b.txt"])
    quiet = claimlint(
        ["check", "--isolated", "--fail-on", "warning", "--report-level", "error", "b.txt"]
    )
    assert loud.exit_code == quiet.exit_code == 1
    # what fails the run is always shown, whatever the report level
    assert "doubled-punctuation" in quiet.stdout


def test_report_level_from_the_config_and_the_flag_overrides_it() -> None:
    Path(".claimlint.yaml").write_text("report_level: warning\n", encoding="utf-8")
    assert "relative-date" not in claimlint(["check", "a.txt"]).stdout
    assert "relative-date" in claimlint(["check", "--report-level", "info", "a.txt"]).stdout


def test_report_level_applies_to_json_with_the_hidden_counts() -> None:
    result = claimlint(["check", "--isolated", "-f", "json", "--report-level", "warning", "a.txt"])
    payload = json.loads(result.stdout)
    assert {f["level"] for f in payload["findings"]} == {"warning"}
    assert payload["summary"]["hidden"] == {"info": 1}


def test_the_precommit_hook_hides_info_by_default() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks[0]["args"] == ["--report-level", "warning"]


# -- --quiet and --statistics ---------------------------------------------------------


def test_quiet_prints_no_reference_date_header() -> None:
    loud = claimlint(["check", "--isolated", "a.txt"])
    assert "a.txt: reference date 2021-03-23" in loud.stdout
    quiet = claimlint(["check", "--isolated", "--quiet", "a.txt"])
    assert "reference date" not in quiet.stdout
    assert "info[relative-date]" in quiet.stdout


def test_statistics_columns_are_aligned() -> None:
    Path("b.txt").write_text("Prices rose .. again &amp; again.\n", encoding="utf-8")
    result = claimlint(["check", "--isolated", "--statistics", "a.txt", "b.txt"])
    rows = [line for line in result.stdout.splitlines() if line and not line.startswith("Found")]
    assert len(rows) == 4
    rule_starts = {re.search(r"[a-z]", row).start() for row in rows}  # type: ignore[union-attr]
    assert len(rule_starts) == 1
    level_starts = {re.search(r"\b(warning|info|error)\b", row).start() for row in rows}  # type: ignore[union-attr]
    assert len(level_starts) == 1


# -- code frames ----------------------------------------------------------------------


def _frames(width: int, line: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The report on `line` at `width` columns (COLUMNS, which rich also reads for a
    terminal)."""
    Path("long.txt").write_text(line + "\n", encoding="utf-8")
    monkeypatch.setenv("COLUMNS", str(width))
    return claimlint(["check", "--isolated", "long.txt"]).stdout.splitlines()


def _excerpt_and_carets(lines: list[str]) -> list[tuple[str, str]]:
    pairs = []
    for i, line in enumerate(lines):
        if re.match(r"\s*\^", line.split("|", 1)[-1]) and "|" in line:
            pairs.append((lines[i - 1], line))
    return pairs


LONG = ("Officials said the convoy moved slowly through the valley. " * 3) + (
    "The era .. America began. " + "Residents watched from the roadside as trucks passed. " * 3
)


@pytest.mark.parametrize("width", [60, 80, 120])
def test_frames_fit_the_terminal_and_the_caret_stays_under_the_span(
    width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = _frames(width, LONG, monkeypatch)
    for line in lines:
        if re.match(r"\d* +\|", line):  # a frame line (a message may wrap like prose)
            assert cell_len(line) < width, line
    (excerpt, carets), *_ = _excerpt_and_carets(lines)
    column = carets.index("^")
    assert excerpt[column : column + 2] == ".."


def test_a_wide_terminal_shows_more_context(monkeypatch: pytest.MonkeyPatch) -> None:
    narrow = _excerpt_and_carets(_frames(80, LONG, monkeypatch))[0][0]
    wide = _excerpt_and_carets(_frames(200, LONG, monkeypatch))[0][0]
    assert len(wide) > 150
    assert len(wide) > len(narrow) + 60


def test_a_line_that_fits_is_shown_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    line = "The era .. America began, and a decade of doubt ended with it, she said."
    excerpt, _ = _excerpt_and_carets(_frames(80, line.strip(), monkeypatch))[0]
    assert excerpt.endswith(line.strip())
    assert "…" not in excerpt


@st.composite
def line_span_room(
    draw: st.DrawFn, alphabet: str, max_size: int, *, cut: bool = False
) -> tuple[str, int, int, int]:
    """A line of `alphabet`, a span of it and the columns to show it in (with `cut`, at
    most as many columns as the line has characters, so it must be cut)."""
    text = draw(st.text(alphabet=st.sampled_from(alphabet), min_size=1, max_size=max_size))
    start = draw(st.integers(min_value=0, max_value=len(text) - 1))
    end = draw(st.integers(min_value=start + 1, max_value=len(text)))
    most = max(20, len(text)) if cut else 200
    return text, start, end, draw(st.integers(min_value=20, max_value=most))


@settings(max_examples=200, deadline=None)
@given(case=line_span_room("ab 漢é", 300))
def test_excerpt_window_fits_and_keeps_the_span_start(case: tuple[str, int, int, int]) -> None:
    from claimlint.report.text import excerpt_window

    text, start, end, room = case
    left, right = excerpt_window(text, start, end, room)
    assert 0 <= left <= start < right <= len(text)
    marks = (left > 0) + (right < len(text))
    assert cell_len(text[left:right]) + marks <= room


def test_a_terminal_frame_uses_the_terminal_width(monkeypatch: pytest.MonkeyPatch) -> None:
    from claimlint.report import text as text_report

    monkeypatch.delenv("COLUMNS", raising=False)
    assert text_report.frame_width(Console(file=io.StringIO())) == text_report.PIPED_WIDTH
    terminal = Console(file=io.StringIO(), width=132, force_terminal=True)
    assert text_report.frame_width(terminal) == 132


@settings(max_examples=300, deadline=None)
@given(case=line_span_room("ab .“”—é", 400, cut=True))
# a span mid-line, near the start and at the end of lines far longer than the room
@example(case=("ab “c” — " * 30, 120, 124, 40))
@example(case=("ab “c” — " * 30, 3, 90, 30))
@example(case=("ab “c” — " * 30, 268, 270, 25))
def test_a_narrow_line_gets_the_window_measuring_would_give(
    case: tuple[str, int, int, int],
) -> None:
    """Where every character takes one column the window is counted, not measured: the
    same window as measuring each character."""
    from claimlint.report import text as text_report

    text, start, end, room = case
    counted = text_report._narrow_window(len(text), start, end, room)
    assert counted == text_report._measured_window(text, start, end, room)
