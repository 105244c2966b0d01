"""`--baseline`: record a legacy archive's findings, then report only new ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_helpers import Result, claimlint

ARTICLE = (
    "Iraq's prime minister met the delegation in Baghdad.\n"
    "\n"
    "The first of its kind in the Biden era .. America sets the date.\n"
    "\n"
    "Troops left Baghdad airport .\n"
)


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("archive").mkdir()


def check(*args: str) -> Result:
    return claimlint(["check", "--isolated", "-f", "json", *args])


def findings(result: Result) -> list[tuple[str, int]]:
    return [(f["rule"], f["line"]) for f in json.loads(result.stdout)["findings"]]


def record() -> Result:
    return check("--baseline", "baseline.json", "--update-baseline", "archive")


def test_recorded_findings_are_not_reported() -> None:
    Path("archive/a.txt").write_text(ARTICLE, encoding="utf-8")
    assert len(findings(check("archive"))) == 2
    recorded = record()
    assert findings(recorded) == []
    assert "Recorded 2 findings in baseline.json" in recorded.stderr
    result = check("--baseline", "baseline.json", "archive", "--fail-on", "warning")
    assert findings(result) == []
    assert result.exit_code == 0
    assert "2 findings recorded in baseline.json not shown" in result.stderr


def test_baseline_file_holds_no_line_numbers_for_matching() -> None:
    Path("archive/a.txt").write_text(ARTICLE, encoding="utf-8")
    record()
    data = json.loads(Path("baseline.json").read_text())
    entry = data["findings"][0]
    assert entry["path"] == "archive/a.txt"
    assert entry["rule"] == "doubled-punctuation"
    assert entry["text"] == ".."
    assert len(entry["context"]) == 16


def test_moved_lines_still_match() -> None:
    Path("archive/a.txt").write_text(ARTICLE, encoding="utf-8")
    record()
    moved = "A new first paragraph.\n\nAnd another one.\n\n" + ARTICLE
    Path("archive/a.txt").write_text(moved, encoding="utf-8")
    assert findings(check("--baseline", "baseline.json", "archive")) == []


def test_new_findings_are_reported_with_their_lines() -> None:
    Path("archive/a.txt").write_text(ARTICLE, encoding="utf-8")
    record()
    grown = ARTICLE + "\nThe talks , which began under the old government, resumed.\n"
    Path("archive/a.txt").write_text(grown, encoding="utf-8")
    result = check("--baseline", "baseline.json", "archive", "--fail-on", "warning")
    assert findings(result) == [("space-before-punctuation", 7)]
    assert result.exit_code == 1


def test_edited_context_makes_a_finding_new() -> None:
    Path("archive/a.txt").write_text(ARTICLE, encoding="utf-8")
    record()
    edited = ARTICLE.replace("Biden era .. America", "Trump era .. America")
    Path("archive/a.txt").write_text(edited, encoding="utf-8")
    assert findings(check("--baseline", "baseline.json", "archive")) == [("doubled-punctuation", 3)]


def test_multiset_one_entry_hides_one_finding() -> None:
    line = "The first of its kind in the Biden era .. America sets the date.\n"
    Path("archive/a.txt").write_text(line, encoding="utf-8")
    record()
    Path("archive/a.txt").write_text(line + "\n" + line, encoding="utf-8")
    new = findings(check("--baseline", "baseline.json", "archive"))
    # the copy is also a paragraph printed twice, a finding the baseline never held
    assert new == [("repeated-paragraph", 3), ("doubled-punctuation", 3)]


def test_same_text_in_another_file_is_new() -> None:
    Path("archive/a.txt").write_text(ARTICLE, encoding="utf-8")
    record()
    Path("archive/b.txt").write_text(ARTICLE, encoding="utf-8")
    result = check("--baseline", "baseline.json", "archive")
    assert {f["path"] for f in json.loads(result.stdout)["findings"]} == {"archive/b.txt"}


def test_paths_are_relative_to_the_baseline_not_the_working_directory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    Path("archive/a.txt").write_text(ARTICLE, encoding="utf-8")
    record()
    monkeypatch.chdir("archive")
    assert findings(check("--baseline", "../baseline.json", "a.txt")) == []


def test_update_rewrites_the_baseline() -> None:
    Path("archive/a.txt").write_text(ARTICLE, encoding="utf-8")
    record()
    Path("archive/a.txt").write_text("Clean copy.\n", encoding="utf-8")
    record()
    assert json.loads(Path("baseline.json").read_text())["findings"] == []


def test_crlf_file_matches_its_lf_baseline() -> None:
    Path("archive/a.txt").write_text(ARTICLE, encoding="utf-8")
    record()
    Path("archive/a.txt").write_bytes(ARTICLE.replace("\n", "\r\n").encode())
    assert findings(check("--baseline", "baseline.json", "archive")) == []


def test_missing_or_broken_baseline_is_a_usage_error() -> None:
    Path("archive/a.txt").write_text(ARTICLE, encoding="utf-8")
    result = check("--baseline", "nope.json", "archive")
    assert result.exit_code == 2
    assert "nope.json: no such baseline (create it with --update-baseline)" in result.stderr
    Path("bad.json").write_text("{not json")
    result = check("--baseline", "bad.json", "archive")
    assert result.exit_code == 2
    assert "bad.json: not a claimlint baseline" in result.stderr
    result = check("--update-baseline", "archive")
    assert result.exit_code == 2
    assert "--update-baseline needs --baseline FILE" in result.stderr
