"""The reference date of the datelines study's articles (issue 16), through the command.

tests/datelines/ holds 22 short articles of our own writing, each modelled on a form a
real page uses to give its date (or on a trap: a photo caption, a future meeting, an
event's details block, a yearless wire dateline); EXPECTED.tsv says which date each
should get and from where.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.cli_helpers import claimlint

ARTICLES = Path(__file__).resolve().parent / "datelines"
SOURCES = {"dateline": "dateline", "front matter": "front-matter", "none": None}


def expected() -> list[dict[str, str]]:
    with (ARTICLES / "EXPECTED.tsv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


@pytest.mark.parametrize("row", expected(), ids=lambda row: row["file"])
def test_study_articles(row: dict[str, str]) -> None:
    path = ARTICLES / row["file"]
    result = claimlint(["check", "--isolated", "--format", "json", str(path)])
    info = json.loads(result.stdout)["files"][str(path)]
    want = None if row["expected_reference_date"] == "none" else row["expected_reference_date"]
    assert (info["reference_date"], info["reference_source"]) == (
        want,
        SOURCES[row["expected_source"]],
    ), info


def test_every_article_is_listed() -> None:
    listed = {row["file"] for row in expected()}
    on_disk = {p.name for p in ARTICLES.iterdir() if p.suffix in (".txt", ".md")}
    assert listed == on_disk and len(listed) == 22
