"""How an article's date is read from its text (issue 16, the datelines study): the
forms, the precedence between them and the traps, on one-line cases of our own."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import msgspec
import pytest

from claimlint.config import DEFAULT
from claimlint.document import Document
from claimlint.ruleset import build_ruleset
from claimlint.temporal import TemporalSettings, timeline
from claimlint.temporal.reference import parse_date_value
from tests.cli_helpers import claimlint

SETTINGS: TemporalSettings = build_ruleset(DEFAULT).context.options_of("dates").temporal()
BODY = "\n\nThe council met on Tuesday and will meet again next week.\n"


def meta(
    text: str, path: str = "a.txt", settings: TemporalSettings = SETTINGS
) -> dict[str, object]:
    return timeline(Document.from_text(text, path=path), settings).metadata()


def reference(text: str, settings: TemporalSettings = SETTINGS) -> date | None:
    found = meta(text, settings=settings)["reference_date"]
    return date.fromisoformat(str(found)) if found else None


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("GDANSK, 14 March 2023", date(2023, 3, 14)),
        ("GDANSK, 14 March 2023 (PAP) - Dock workers met on Tuesday.", date(2023, 3, 14)),
        ("THE HAGUE, 31 December 2021, (TON): Ministers met on Friday.", date(2021, 12, 31)),
        ("BOULDER, Colo., March 14, 2023 — The council met on Tuesday.", date(2023, 3, 14)),
        ("Posted on March 14, 2023 by Staff", date(2023, 3, 14)),
        ("Posted on March 14, 2023March 16, 2023 by Staff", date(2023, 3, 14)),
        ("Published: March 14, 2023 | Updated: March 16, 2023", date(2023, 3, 14)),
        ("Updated: March 16, 2023\nPublished: March 14, 2023", date(2023, 3, 14)),
        ("Published on Tuesday, March 14th, 2023 at 9:30 am.", date(2023, 3, 14)),
        # a comma for the space; a time before the date (messy-copy study, December)
        ("Published September 28,2022", date(2022, 9, 28)),
        ("Published 28 September,2022", date(2022, 9, 28)),
        ("Published: 10:49, September 28, 2022", date(2022, 9, 28)),
        ("UPDATED: 10:49 GMT, October 27, 2004", date(2004, 10, 27)),
        ("Posted at 10:30 AM, Apr 05, 2022", date(2022, 4, 5)),
        # a title-case place with the agency after the date (messy-copy study, December)
        ("Islamabad, March 05, 2022 (PPI-OT):Interior ministry said on Friday.", date(2022, 3, 5)),
        ("Port Harcourt, 5 March 2022 (NAN) - The council met on Friday.", date(2022, 3, 5)),
        ("Tue, 14 March 2023", date(2023, 3, 14)),
        ("Tue., 14 March 2023", date(2023, 3, 14)),
        ("TUESDAY, MARCH 14, 2023", date(2023, 3, 14)),
        ("Tuesday | March 14, 2023", date(2023, 3, 14)),
        ("2023-03-14T09:30:00+01:00", date(2023, 3, 14)),
        ("Date: 2023-03-14", date(2023, 3, 14)),
        ("14/03/2023", date(2023, 3, 14)),
        ("03/14/2023", date(2023, 3, 14)),
        ("14.03.2023 09:30", date(2023, 3, 14)),
        ("14-03-2023", date(2023, 3, 14)),
        ("2023/03/14 09:30", date(2023, 3, 14)),
        ("03/03/2023", date(2023, 3, 3)),
        ("By Jane Roe, March 14, 2023", date(2023, 3, 14)),
        ("By Jane Roe | March 14, 2023 | 3 min read", date(2023, 3, 14)),
        ("Mar 14, 2023 / 09:30 PM IST", date(2023, 3, 14)),
        ("Sept. 14, 2022", date(2022, 9, 14)),
        ("March 14, 2023 at 9:30 am", date(2023, 3, 14)),
        ("THE HILLTOP GAZETTE | $2 | TUESDAY, MARCH 14, 2023", date(2023, 3, 14)),
    ],
)
def test_date_line_forms(line: str, day: date) -> None:
    assert reference(f"Council sets a date\n\n{line}{BODY}") == day


@pytest.mark.parametrize(
    "top",
    [
        "KYIV, Feb 26 (Reuters) - The council met on Tuesday.",  # no year in it
        "New Delhi, Jun 10: The council met on Tuesday.",
        "03/04/2023",  # 3 April or 4 March
        "3/4/23",  # two-digit years never anchor
        "Thursday's meeting on March 4, 2021 was postponed to a later date.",
        "The hearing is set for Monday, March 23, 2020, in the main chamber.",
        "The council met as of Sunday November 8th 2020 to review the plan.",
        "Residents wade through water Monday, Aug. 30, 2021, in Bayport. (AP Photo/Staff)",
        "Updated: 31 minutes ago",
        "Lahore, March 5, 2022 was a quiet day for the markets.",  # no agency after it
        "Posted 2 years ago",
    ],
)
def test_not_a_dateline(top: str) -> None:
    assert reference(f"Council sets a date\n\n{top}{BODY}") is None


def test_a_weekday_date_after_a_comma_in_the_lead_still_counts() -> None:
    text = "Talks\n\nThe ministry announced, Tuesday, March 23, 2021, that talks resume." + BODY
    assert reference(text) == date(2021, 3, 23)


def test_a_date_field_beside_event_details_is_not_the_pages() -> None:
    block = "Date: Thursday, 9 January 2025\nTime: 09h30\nVenue: The town hall"
    assert reference(f"Minister to visit\n\n{block}{BODY}") is None
    assert reference(f"Minister to visit\n\nDate: Thursday, 9 January 2025{BODY}") == date(
        2025, 1, 9
    )


def test_a_weather_widget_date_is_skipped_and_the_earlier_of_two_date_lines_wins() -> None:
    widget = "12.5 C\nHalden\nFriday, April 25, 2025\nHome  News  Sport\n\nMarch 14, 2023"
    assert reference(widget + BODY) == date(2023, 3, 14)
    today = "November 27, 2024\n\nHeadline of the day\n\nMarch 15, 2020"
    assert reference(today + BODY) == date(2020, 3, 15)


def test_a_trailer_needs_its_label_and_colon() -> None:
    lead = "Council sets a date\n\nThe council met on Tuesday.\n\n"
    assert reference(lead + "First published on: 2021-07-18.\n") == date(2021, 7, 18)
    prose = "The report was first published on March 3, 2021 by the ministry.\n"
    assert reference(lead + prose) is None


def test_a_publication_label_may_stand_deeper_than_a_plain_date_line() -> None:
    furniture = "".join(f"Menu item {n}\n" for n in range(8))
    assert reference(f"{furniture}Published: March 14, 2023{BODY}") == date(2023, 3, 14)
    assert reference(f"{furniture}March 14, 2023{BODY}") is None


def test_a_date_in_a_markdown_code_block_is_not_the_articles() -> None:
    text = "# Council\n\n```\n2023-03-14\n```\n" + BODY
    assert meta(text, path="a.md")["reference_date"] is None


def test_the_detail_says_which_form_was_read() -> None:
    info = meta("Council\n\nBy Jane Roe | March 14, 2023 | 3 min read" + BODY)
    assert info["reference_detail"] == "byline 'March 14, 2023', line 3"
    info = meta("Council\n\nGDANSK, 14 March 2023" + BODY)
    assert info["reference_detail"] == "wire dateline '14 March 2023', line 3"
    info = meta("Council\n\nUpdated: March 16, 2023" + BODY)
    assert info["reference_detail"] == "'updated' label 'March 16, 2023', line 3"
    info = meta("Council\n\nTHE COURIER | $1.50 | SUNDAY, MARCH 14, 2021" + BODY)
    assert info["reference_detail"] == "dateline 'SUNDAY, MARCH 14, 2021', line 3"


def test_an_ambiguous_numeric_date_is_skipped_with_a_note_unless_an_order_is_set() -> None:
    text = "School board\n\n03/04/2021" + BODY
    info = meta(text)
    assert info["reference_date"] is None
    assert "'03/04/2021' skipped: it may be 3 April 2021 or 4 March 2021" in str(
        info["reference_detail"]
    )
    day_first = msgspec.structs.replace(SETTINGS, date_order="dmy")
    month_first = msgspec.structs.replace(SETTINGS, date_order="mdy")
    assert reference(text, day_first) == date(2021, 4, 3)
    assert reference(text, month_first) == date(2021, 3, 4)


def test_front_matter_numeric_dates_follow_the_same_rule() -> None:
    assert parse_date_value("03/04/2021") is None  # was read as March 4, silently
    assert parse_date_value("03/04/2021", "dmy") == date(2021, 4, 3)
    assert parse_date_value("14/03/2023") == date(2023, 3, 14)
    assert parse_date_value("14.03.2023") == date(2023, 3, 14)
    assert parse_date_value("03/03/2021") == date(2021, 3, 3)


def test_date_order_is_an_option_of_the_dates_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("School board\n\n03/04/2021" + BODY, encoding="utf-8")
    Path(".claimlint.yaml").write_text("checks:\n  dates:\n    date_order: dmy\n", encoding="utf-8")
    result = claimlint(["check", "--format", "json", "a.txt"])
    assert json.loads(result.stdout)["files"]["a.txt"]["reference_date"] == "2021-04-03"
    Path(".claimlint.yaml").write_text("checks:\n  dates:\n    date_order: ymd\n", encoding="utf-8")
    bad = claimlint(["check", "a.txt"])
    assert bad.exit_code == 2 and "date_order" in bad.stderr


def test_labels_are_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("Council\n\nVeröffentlicht: March 14, 2023" + BODY, encoding="utf-8")
    Path(".claimlint.yaml").write_text(
        "checks:\n  dates:\n    extend_publication_labels: [veröffentlicht]\n", encoding="utf-8"
    )
    result = claimlint(["check", "--format", "json", "a.txt"])
    assert json.loads(result.stdout)["files"]["a.txt"]["reference_date"] == "2023-03-14"


def test_a_bad_widget_pattern_is_an_option_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("Council" + BODY, encoding="utf-8")
    Path(".claimlint.yaml").write_text(
        "checks:\n  dates:\n    widget_line_pattern: '(unclosed'\n", encoding="utf-8"
    )
    result = claimlint(["check", "a.txt"])
    assert result.exit_code == 2
    assert "widget_line_pattern: invalid regular expression" in result.stderr
