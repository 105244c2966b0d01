"""`name-variant-across-files`: one spelling per person across a run of articles."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

from typer.testing import CliRunner

from claimlint.cli import app
from claimlint.config import DEFAULT
from claimlint.engine import lint_source, reduce_summaries, summaries_of
from claimlint.ruleset import build_ruleset
from claimlint.sources import Source

RULESET = build_ruleset(DEFAULT)
ARTICLES = {
    "a.txt": "Iraqi Prime Minister Mustafa al-Kadhimi met officials on Tuesday.\n",
    "b.txt": "Prime Minister Mustafa al-Kadhimi said on Monday the talks would go on.\n",
    "c.txt": "The talks ended, and Iraqi Prime Minister Mustafa Al-Kazemi flew home.\n",
    "d.txt": "Former President Donald Trump said he would not attend, Truman's biographer said.\n",
}


def run(tmp_path: Path, articles: dict[str, str], *extra: str) -> list[dict[str, object]]:
    for name, text in articles.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["check", "--isolated", "--format", "json", *extra, str(tmp_path)]
    )
    assert result.exit_code in (0, 1), result.output
    findings: list[dict[str, object]] = json.loads(result.stdout)["findings"]
    return findings


def test_minority_spelling_in_another_file_is_reported(tmp_path: Path) -> None:
    findings = [f for f in run(tmp_path, ARTICLES) if f["rule"] == "name-variant-across-files"]
    assert len(findings) == 1
    (finding,) = findings
    assert str(finding["path"]).endswith("c.txt")
    assert finding["level"] == "warning"
    assert "'Al-Kazemi' here" in str(finding["message"])
    assert "al-Kadhimi" in str(finding["message"])
    text = ARTICLES["c.txt"]
    assert text[int(str(finding["start"])) : int(str(finding["end"]))] == "Al-Kazemi"


def test_the_rule_can_be_switched_off(tmp_path: Path) -> None:
    (tmp_path / ".claimlint.yaml").write_text("disable: [name-variant-across-files]\n")
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--format", "json", str(tmp_path)])
    rules = {f["rule"] for f in json.loads(result.stdout)["findings"]}
    assert "name-variant-across-files" not in rules


def test_one_spelling_everywhere_is_silent(tmp_path: Path) -> None:
    same = {k: v for k, v in ARTICLES.items() if k != "c.txt"}
    assert [f for f in run(tmp_path, same) if f["rule"] == "name-variant-across-files"] == []


def test_summaries_pickle_and_reduce_names_the_majority() -> None:
    results = []
    for name, text in ARTICLES.items():
        result = lint_source(Source(name, text), RULESET)
        results.append(pickle.loads(pickle.dumps(result)))
    diagnostics = list(reduce_summaries(summaries_of(results), RULESET))
    assert [(d.path, d.data["majority"]) for d in diagnostics] == [("c.txt", "al-Kadhimi")]
    assert diagnostics[0].fix == "Al-Kadhimi"
    assert diagnostics[0].location.line == 1
