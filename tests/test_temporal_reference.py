"""The reference date: --date, then front matter, then a dateline; and its source."""

from __future__ import annotations

from datetime import date

import pytest

from claimlint.config import DEFAULT
from claimlint.document import Document
from claimlint.ruleset import build_ruleset
from claimlint.temporal import Reference, timeline
from claimlint.temporal.reference import parse_date_value

#: the dates check's settings as the built-in pack gives them
SETTINGS = build_ruleset(DEFAULT).context.options_of("dates").temporal()


def reference_of(doc: Document) -> Reference | None:
    return timeline(doc, SETTINGS).reference


BODY = "The talks began last June.\n"


def reference(
    text: str, path: str = "a.md", override: date | None = None
) -> tuple[date, str] | None:
    found = reference_of(Document.from_text(text, path=path, date_override=override))
    return (found.date, found.source) if found else None


class TestOrder:
    FRONT = "---\ndate: 2021-03-20\n---\nMarch 23, 2021\n\n" + BODY

    def test_option_wins_over_everything(self) -> None:
        assert reference(self.FRONT, override=date(2021, 3, 1)) == (date(2021, 3, 1), "option")

    def test_front_matter_wins_over_dateline(self) -> None:
        assert reference(self.FRONT) == (date(2021, 3, 20), "front-matter")

    def test_dateline_when_nothing_else(self) -> None:
        assert reference("March 23, 2021\n\n" + BODY) == (date(2021, 3, 23), "dateline")

    def test_none_at_all(self) -> None:
        assert reference(BODY) is None


class TestFrontMatter:
    @pytest.mark.parametrize(
        ("line", "expected"),
        [
            ("date: 2021-03-23", date(2021, 3, 23)),
            ("published: 2021-03-23T10:45:00Z", date(2021, 3, 23)),
            ("pubDate: 2021-03-23 10:45", date(2021, 3, 23)),
            ("publishDate: '2021-03-23T23:30:00-05:00'", date(2021, 3, 23)),
            ("published_at: 2021-03-23T23:30:00-05:00", date(2021, 3, 23)),
            ("datePublished: 'Tue, 23 Mar 2021 10:00:00 GMT'", date(2021, 3, 23)),
            ("date: March 23, 2021", date(2021, 3, 23)),
            ("Date: 23 March 2021", date(2021, 3, 23)),
        ],
    )
    def test_keys_and_formats(self, line: str, expected: date) -> None:
        assert reference(f"---\ntitle: Talks\n{line}\n---\n{BODY}") == (expected, "front-matter")

    def test_a_date_without_a_day_is_not_a_date(self) -> None:
        assert parse_date_value("March 2021") is None
        assert parse_date_value("soon") is None
        assert parse_date_value(42) is None

    def test_date_is_preferred_over_created(self) -> None:
        text = f"---\ncreated: 2021-01-01\ndate: 2021-03-23\n---\n{BODY}"
        assert reference(text) == (date(2021, 3, 23), "front-matter")

    def test_unparseable_value_falls_through_to_dateline(self) -> None:
        text = f"---\ndate: tbd\n---\nMarch 23, 2021\n\n{BODY}"
        assert reference(text) == (date(2021, 3, 23), "dateline")

    def test_location_and_meta(self) -> None:
        doc = Document.from_text(f"---\ntitle: T\npubDate: 2021-03-23\n---\n{BODY}", path="a.md")
        found = reference_of(doc)
        assert found is not None and found.start is not None and found.end is not None
        assert doc.text[found.start : found.end] == "pubDate: 2021-03-23"
        assert timeline(doc, SETTINGS).metadata() == {
            "reference_date": "2021-03-23",
            "reference_source": "front-matter",
            "reference_detail": "front matter 'pubDate', line 3",
        }


class TestDateline:
    @pytest.mark.parametrize(
        "top",
        [
            "Talks to resume\n\nTuesday, March 23, 2021\n\n",
            "Talks to resume\n\n23 March 2021\n\n",
            "Talks to resume\n\nMarch 23, 2021\n\n",
            "Talks to resume\nPublished: March 23, 2021 10:45 AM\n\n",
            "Talks to resume\nPosted on 2021-03-23\n\n",
            "BAGHDAD, March 23, 2021 — ",
            "Talks\n\nThe White House announced, Tuesday, March 23, 2021, that talks resume.\n\n",
        ],
    )
    def test_dateline_forms(self, top: str) -> None:
        assert reference(top + BODY, path="a.txt") == (date(2021, 3, 23), "dateline")

    def test_a_historical_date_in_the_lead_is_not_a_dateline(self) -> None:
        text = "On January 3, 2020, a US strike killed the general. " + BODY
        assert reference(text, path="a.txt") is None

    def test_a_date_far_down_the_text_is_not_a_dateline(self) -> None:
        text = "Headline\n\n" + "A paragraph of text.\n\n" * 8 + "March 23, 2021\n\n" + BODY
        assert reference(text, path="a.txt") is None

    def test_location_is_the_date(self) -> None:
        doc = Document.from_text("Headline\n\nTuesday, March 23, 2021\n\n" + BODY, path="a.txt")
        found = reference_of(doc)
        assert found is not None and found.start is not None
        assert doc.text[found.start : found.end] == "Tuesday, March 23, 2021"
        detail = timeline(doc, SETTINGS).metadata()["reference_detail"]
        assert detail == "dateline 'Tuesday, March 23, 2021', line 3"
