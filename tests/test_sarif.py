"""`--format sarif`: valid SARIF 2.1.0 that a code-scanning upload accepts."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from claimlint.diagnostics import Diagnostic, Location, RelatedLocation
from claimlint.findings import Level
from claimlint.report import DiagnosticLog, RunReport, sarif
from tests.cli_helpers import claimlint

SCHEMA = json.loads(
    (Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text("utf-8")
)
ARTICLE = (
    "Talks resumed in Baghdad .. officials said.\n"
    "\n"
    "The delegation arrived at the airport , then left.\n"
)


def validate(log: dict[str, object]) -> None:
    jsonschema.validate(log, SCHEMA, format_checker=jsonschema.FormatChecker())


@pytest.fixture
def article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "articles" / "talks.txt"
    path.parent.mkdir()
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_cli_output_validates_against_the_schema(article: Path) -> None:
    result = claimlint(["check", "--isolated", "--format", "sarif", "articles"])
    log = json.loads(result.stdout)
    validate(log)
    assert log["version"] == "2.1.0"
    assert result.exit_code == 0  # warnings only; the default fail level is error


def test_one_result_per_finding_with_region_and_level(article: Path) -> None:
    log = json.loads(claimlint(["check", "--isolated", "-f", "sarif", "articles"]).stdout)
    findings = json.loads(claimlint(["check", "--isolated", "-f", "json", "articles"]).stdout)[
        "findings"
    ]
    results = log["runs"][0]["results"]
    assert len(results) == len(findings) == 2
    first = results[0]
    assert first["ruleId"] == "doubled-punctuation"
    assert first["level"] == "warning"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "articles/talks.txt"
    assert location["region"]["startLine"] == 1
    assert location["region"]["startColumn"] == findings[0]["column"]
    assert location["region"]["endColumn"] == findings[0]["end_column"]
    second = results[1]["locations"][0]["physicalLocation"]["region"]
    assert (second["startLine"], second["startColumn"]) == (3, findings[1]["column"])


def test_rule_metadata_is_in_the_driver(article: Path) -> None:
    log = json.loads(claimlint(["check", "--isolated", "-f", "sarif", "articles"]).stdout)
    driver = log["runs"][0]["tool"]["driver"]
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert driver["name"] == "claimlint"
    assert "doubled-punctuation" in rules
    assert rules["doubled-punctuation"]["defaultConfiguration"]["level"] == "warning"
    assert rules["doubled-punctuation"]["shortDescription"]["text"].startswith("Two full stops")
    for result in log["runs"][0]["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_error_level_and_related_locations_and_fixes() -> None:
    loc = Location(line=4, column=3, end_line=4, end_column=8, start=40, end=45)
    other = Location(line=1, column=1, end_line=1, end_column=6, start=0, end=5)
    diagnostic = Diagnostic(
        path="news/a.md",
        rule="name-variant",
        category="names",
        level=Level.ERROR,
        message="'Sacchi' and 'Psaki' look like one person",
        location=loc,
        source_line="Mr Sacchi said",
        fix="Psaki",
        fix_safe=False,
        related=(RelatedLocation(other, "'Psaki' is here", "Psaki spoke"),),
    )
    info = Diagnostic(
        path="news/a.md",
        rule="unanchored-date",
        category="dates",
        level=Level.INFO,
        message="no reference date",
        location=other,
        source_line="Psaki spoke",
    )
    log = sarif.build(
        RunReport(diagnostics=DiagnosticLog([diagnostic, info]), errors=["b.txt: not valid UTF-8"])
    )
    validate(log)
    note, result = log["runs"][0]["results"]  # in report order: line 1, then line 4
    assert result["level"] == "error"
    assert note["level"] == "note"
    related = result["relatedLocations"][0]
    assert related["message"]["text"] == "'Psaki' is here"
    assert related["physicalLocation"]["region"]["startLine"] == 1
    replacement = result["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["deletedRegion"] == {"charOffset": 40, "charLength": 5}
    assert replacement["insertedContent"]["text"] == "Psaki"
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False


def test_paths_with_spaces_and_absolute_paths_are_valid_uris(tmp_path: Path) -> None:
    loc = Location(1, 1, 1, 2, 0, 1)
    report = RunReport(
        diagnostics=DiagnosticLog(
            [
                Diagnostic("my articles/a b.txt", "r", "c", Level.WARNING, "m", loc, "x"),
                Diagnostic(str(tmp_path / "c.txt"), "r", "c", Level.WARNING, "m", loc, "x"),
            ]
        )
    )
    log = sarif.build(report)
    validate(log)
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    ]
    assert "my%20articles/a%20b.txt" in uris
    assert any(uri.startswith("file:///") and uri.endswith("/c.txt") for uri in uris)


def test_empty_run_is_valid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "clean.txt").write_text("The talks resumed.\n", encoding="utf-8")
    log = json.loads(claimlint(["check", "--isolated", "-f", "sarif", "clean.txt"]).stdout)
    validate(log)
    assert log["runs"][0]["results"] == []
