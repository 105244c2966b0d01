"""`--format html`: every finding marked in its article and listed, the timeline's
entries, an index for a directory run, and article text treated as data."""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from claimlint.engine import RunOptions
from claimlint.report import html, json_format
from claimlint.runner import article_reader, run
from claimlint.sources import InputError
from tests.cli_helpers import claimlint
from tests.conftest import REPO
from tests.html_page import Page


def render(args: list[str], input: str | None = None) -> tuple[Page, str, dict[str, Any]]:
    """The page, its source and the JSON report of the same run."""
    page_source = claimlint(["check", "--format", "html", *args], input=input).stdout
    report = json.loads(claimlint(["check", "--format", "json", *args], input=input).stdout)
    return Page(page_source), page_source, report


def sections_by_path(page: Page) -> dict[str, str]:
    return {
        heading.text: heading.section
        for heading in page.find("h2")
        if heading.section is not None and heading.attrs.get("id", "").endswith("-h")
    }


def check_every_finding(page: Page, report: dict[str, Any], root: Path) -> None:
    """Each finding of the JSON report is listed once in its article's section and
    marked over exactly its span; the text shown is the file's text."""
    sections = sections_by_path(page)
    assert set(sections) == set(report["files"])
    listed = page.find("li", "finding")
    assert len(listed) == len(report["findings"])
    items = Counter(
        (item.section, item.attrs["data-rule"], page.articles[str(item.section)].spans[target])
        for item in listed
        for target in [item.attrs["data-target"]]
    )
    expected = Counter(
        (sections[f["path"]], f["rule"], (f["start"], f["end"])) for f in report["findings"]
    )
    assert items == expected
    for path, section in sections.items():
        text = (root / path).read_bytes().decode("utf-8") if path != "stdin" else None
        if text is not None:
            assert page.articles[section].text == text.removeprefix("\ufeff")


def test_the_seed_report_marks_every_finding_and_draws_the_timeline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(REPO)
    page, _, report = render(["seeds"])
    check_every_finding(page, report, REPO)
    (section,) = page.articles
    assert "Dated 2021-03-23, from the dateline" in " ".join(
        " ".join(e.text.split()) for e in page.find("p", "meta") if e.section == section
    )
    details, _ = run(["seeds"], RunOptions(details=True))
    (meta,) = details.files.values()
    dates = page.find("tr", "tl-date")
    assert [(int(r.attrs["data-start"]), r.attrs["data-resolved"]) for r in dates] == [
        (e["start"], e["resolved"] or "") for e in meta["date_expressions"]
    ]
    assert "last January" in [" ".join(r.text.split()) for r in dates][2]
    contradicted = [r for r in dates if "contra" in r.classes]
    timeline_errors = [f for f in report["findings"] if f["rule"] == "timeline-contradiction"]
    assert len(contradicted) == len(timeline_errors) == len(page.find("g", "tl-contra")) == 1
    assert {e.attrs["data-event"] for e in page.find("tr", "tl-event")} == {
        e["id"] for e in meta["facts_events"]
    }
    assert "soleimani-strike" in {e.attrs["data-event"] for e in page.find("tr", "tl-event")}
    # the timeline's markers link to the dates in the text
    links = {e.attrs["href"] for e in page.find("a") if e.attrs.get("href", "").startswith("#")}
    for index in range(len(meta["date_expressions"])):
        assert f"#{section}-d{index}" in links
        assert f"{section}-d{index}" in page.articles[section].spans


def test_a_directory_run_has_an_index_row_per_file_linking_to_its_section(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(REPO)
    page, _, report = render(["tests/articles"])
    check_every_finding(page, report, REPO)
    rows = [r for r in page.find("tr") if r.section is None and page_row_link(page, r)]
    assert len(rows) == len(report["files"]) > 10
    sections = sections_by_path(page)
    for row in rows:
        target = page_row_link(page, row)
        assert target is not None
        assert target.attrs["href"] == "#" + sections[target.text]
    # the counts of each row are those of its file
    by_file = Counter(f["path"] for f in report["findings"])
    for row in rows:
        link = page_row_link(page, row)
        assert link is not None
        assert int(row_cells(page, row)[0].text) == by_file[link.text]
    assert len(page.find("tr", "tl-event")) >= 2
    assert len(page.find("g", "tl-contra")) == sum(
        1 for f in report["findings"] if f["rule"].startswith("timeline-")
    )


def page_row_link(page: Page, row: Any) -> Any:
    start = index_of(page, row)
    for element in page.elements[start + 1 : start + 3]:
        if element.tag == "a":
            return element
    return None


def index_of(page: Page, element: Any) -> int:
    return next(i for i, e in enumerate(page.elements) if e is element)


def row_cells(page: Page, row: Any) -> list[Any]:
    start = index_of(page, row)
    cells = []
    for element in page.elements[start + 1 :]:
        if element.tag == "tr":
            break
        if element.tag == "td":
            cells.append(element)
    return cells


HOSTILE = (
    "Tuesday, March 23, 2021\n"
    "\n"
    'The minister said <script>alert("owned")</script> and <img src=x onerror=alert(1)> '
    "then left last January .\n"
    "\n"
    "A line with ]]> and <!-- a comment --> and </div></section> and &amp; and \x1b[31m red\x1b[0m "
    "and \u202edesrever .\n"
)


def test_article_text_is_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    name = "x<b>\"y'.txt"
    (tmp_path / name).write_text(HOSTILE, encoding="utf-8")
    page, source, report = render(["--isolated", name])
    assert report["findings"]
    assert len(page.find("script")) == 1  # the report's own
    assert not page.find("img") and not page.find("b")
    assert "<script>alert" not in source and "<img" not in source
    (article,) = page.articles.values()
    shown = (
        HOSTILE.replace("\x1b", "\u241b").replace("\u202e", "\ufffd")  # visible stand-ins
    )
    assert article.text == shown
    assert '<script>alert("owned")</script>' in article.text
    heading = next(e for e in page.find("h2") if e.attrs.get("id", "").endswith("-h"))
    assert heading.text == name
    policy = next(e for e in page.find("meta") if e.attrs.get("http-equiv"))
    assert "unsafe-inline" not in policy.attrs["content"]
    assert "default-src 'none'" in policy.attrs["content"]


def test_crlf_articles_are_marked_at_their_offsets_in_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_bytes(
        b"Talks resumed .. today.\r\nThe minister said\r\nlast January .\r\n"
    )
    # through the API: the CLI test runner turns "\r\n" in what it captures into "\n"
    options = RunOptions(isolated=True, details=True, date_override=date(2021, 3, 23))
    report, _ = run(["a.txt"], options)
    out = io.StringIO()
    html.write(report, out, article_reader(options, report))
    findings = json.loads(json_format.render(report))
    assert len(findings["findings"]) == 4
    check_every_finding(Page(out.getvalue()), findings, tmp_path)


def test_rule_messages_are_escaped_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pack.yaml").write_text(
        "rules:\n"
        "  - id: hostile\n"
        "    kind: existence\n"
        "    category: '<i>cat</i>'\n"
        "    level: warning\n"
        "    message: '<script>alert(1)</script> {match}'\n"
        "    pattern: 'minister'\n",
        encoding="utf-8",
    )
    (tmp_path / ".claimlint.yaml").write_text("rules: [pack.yaml]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("The minister spoke.\n", encoding="utf-8")
    page, source, _ = render(["a.txt"])
    assert len(page.find("script")) == 1 and not page.find("i")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; minister" in source


def test_stdin_is_shown_from_what_the_run_read() -> None:
    page, _, report = render(["--isolated", "-"], input=HOSTILE)
    (article,) = page.articles.values()
    assert article.text.startswith("Tuesday, March 23, 2021")
    assert len(page.find("li", "finding")) == len(report["findings"]) > 0


def test_a_file_changed_after_the_check_is_listed_without_its_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Talks resumed .. then stopped.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Talks resumed .. then stopped.\n", encoding="utf-8")
    options = RunOptions(isolated=True, details=True)
    report, _ = run(["a.txt", "b.txt"], options)
    (tmp_path / "a.txt").write_text("Something else entirely.\n", encoding="utf-8")
    (tmp_path / "b.txt").unlink()
    out = io.StringIO()
    html.write(report, out, article_reader(options, report))
    page = Page(out.getvalue())
    assert not page.articles["a1"].text and not page.articles["a2"].text
    notes = " ".join(e.text for e in page.find("p", "unavailable"))
    assert "changed since it was checked" in notes
    assert "no such file or directory" in notes
    assert len(page.find("li", "finding")) == len(report.diagnostics) == 2


def test_the_reader_refuses_what_the_run_did_not_keep() -> None:
    report, _ = run([], RunOptions(isolated=True))
    with pytest.raises(InputError):
        article_reader(RunOptions(isolated=True), report)("-")


def test_other_formats_do_not_carry_the_details(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    report = json.loads(claimlint(["check", "--format", "json", "seeds"]).stdout)
    (meta,) = report["files"].values()
    assert set(meta) == {"reference_date", "reference_source", "reference_detail"}


def test_filters_cover_every_level_and_category(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    page, source, report = render(["seeds"])
    boxes = {e.attrs["data-hide"] for e in page.find("input")}
    categories = sorted({f["category"] for f in report["findings"]})
    assert boxes == {"l-error", "l-warning", "l-info"} | {f"c-{i}" for i in range(len(categories))}
    for i in range(len(categories)):
        assert f".hide-c-{i} .c-{i}.f" in source
    # the level is in words and an icon, not only a colour
    for item in page.find("li", "finding"):
        level = next(c[2:] for c in item.classes if c.startswith("l-"))
        assert re.search(rf"[✖▲i] {level}", item.text)


def test_statistics_are_refused_with_html() -> None:
    result = claimlint(["check", "--format", "html", "--statistics", "-"], input="x\n")
    assert result.exit_code == 2


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_colours_have_sufficient_contrast() -> None:
    css = (REPO / "src/claimlint/report/html/report.css").read_text("utf-8")
    var = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", css))
    for level in ("error", "warning", "info"):
        background = var[f"{level}-bg"]
        assert contrast(var["ink"], background) >= 7  # the article's text on a mark
        assert contrast(var[level], background) >= 4.5  # the level's icon on its mark
        assert contrast("#ffffff", var[level]) >= 4.5  # a badge's words
    assert contrast(var["muted"], var["panel"]) >= 4.5
    for colour in html.PALETTE:  # a category's underline, on white and on every mark
        for background in ("#ffffff", var["error-bg"], var["warning-bg"], var["info-bg"]):
            assert contrast(colour, background) >= 3


def test_a_pooled_run_brings_the_same_details_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    serial, _ = run(["tests/articles"], RunOptions(details=True))
    pooled, _ = run(["tests/articles"], RunOptions(details=True, jobs=2))
    assert pooled.files == serial.files
    assert any(meta.get("facts_events") for meta in serial.files.values())


def test_a_dask_run_brings_the_same_details_back(monkeypatch: pytest.MonkeyPatch) -> None:
    distributed = pytest.importorskip("distributed")
    monkeypatch.chdir(REPO)
    serial, _ = run(["tests/articles"], RunOptions(details=True))
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        on_dask, _ = run(
            ["tests/articles"], RunOptions(details=True, scheduler=cluster.scheduler_address)
        )
    assert on_dask.files == serial.files


def test_without_a_recorded_digest_the_findings_lines_tell_a_changed_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Talks resumed .. then stopped.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Talks resumed .. then stopped.\n", encoding="utf-8")
    options = RunOptions(isolated=True)  # no details: no digest, no timeline data
    report, _ = run(["a.txt", "b.txt"], options)
    (tmp_path / "a.txt").write_text("Talks resumed, then stopped.\n", encoding="utf-8")
    out = io.StringIO()
    html.write(report, out, article_reader(options, report))
    page = Page(out.getvalue())
    assert not page.articles["a1"].text
    assert page.articles["a2"].text == "Talks resumed .. then stopped.\n"
    assert "a2-f0" in page.articles["a2"].spans
