"""`--format github`: workflow-command annotations, escaped as the Actions runner expects."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimlint.diagnostics import Diagnostic, Location
from claimlint.findings import Level
from claimlint.report import RunReport, github
from tests.cli_helpers import claimlint


def test_annotations_from_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("Intro line.\nThe era .. America.\n", encoding="utf-8")
    result = claimlint(["check", "--isolated", "--format", "github", "a.txt"])
    assert result.stdout.splitlines() == [
        "::warning file=a.txt,line=2,col=9,endLine=2,endColumn=11,"
        "title=claimlint (doubled-punctuation)::doubled punctuation '..'"
    ]


def test_levels_map_to_commands() -> None:
    loc = Location(1, 1, 1, 2, 0, 1)
    commands = [
        github.annotation(Diagnostic("a.md", "r", "c", level, "m", loc, "x")).split(" ")[0]
        for level in (Level.ERROR, Level.WARNING, Level.INFO)
    ]
    assert commands == ["::error", "::warning", "::notice"]


def test_escaping_of_properties_and_message() -> None:
    loc = Location(3, 5, 3, 9, 20, 24)
    d = Diagnostic(
        path="dir,with:odd/100%.md",
        rule="r",
        category="c",
        level=Level.ERROR,
        message="50% of it:\nsecond line\r",
        location=loc,
        source_line="x",
    )
    line = github.annotation(d)
    assert line.startswith("::error file=dir%2Cwith%3Aodd/100%25.md,line=3,col=5,endLine=3,")
    assert line.endswith("::50% of it:%0Asecond line%0D".replace("50%", "50%25"))
    assert "\n" not in line


def test_no_findings_prints_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("Clean copy.\n", encoding="utf-8")
    result = claimlint(["check", "--isolated", "-f", "github", "a.txt"])
    assert result.stdout == ""
    assert result.exit_code == 0


def test_input_errors_become_error_annotations() -> None:
    report = RunReport(errors=["b.txt: not valid UTF-8"])
    assert github.render(report) == "::error::b.txt: not valid UTF-8"


def test_absolute_paths_under_the_workspace_become_relative(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    loc = Location(1, 1, 1, 2, 0, 1)
    inside = Diagnostic(str(tmp_path / "news" / "a.md"), "r", "c", Level.ERROR, "m", loc, "x")
    assert "file=news/a.md," in github.annotation(inside)
    outside = Diagnostic("/elsewhere/b.md", "r", "c", Level.ERROR, "m", loc, "x")
    assert "file=/elsewhere/b.md," in github.annotation(outside)
