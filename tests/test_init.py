"""`claimlint init`: starter config and facts file, never overwriting by accident."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from claimlint.config import CONFIG_KEYS, ConfigSpec, load_config
from tests.cli_helpers import claimlint


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_writes_a_config_that_loads_and_a_facts_file() -> None:
    result = claimlint(["init"])
    assert result.exit_code == 0
    assert Path(".claimlint.yaml").is_file() and Path("facts.yaml").is_file()
    config = load_config(Path(".claimlint.yaml"))
    defaults = ConfigSpec()
    assert config.spec.facts == ["facts.yaml"]
    for key in CONFIG_KEYS:
        if key != "facts":
            assert getattr(config.spec, key) == getattr(defaults, key), key
    facts = yaml.safe_load(Path("facts.yaml").read_text())
    assert facts["people"][0]["name"] and facts["events"][0]["date"]


def test_every_setting_is_documented_in_the_config() -> None:
    claimlint(["init"])
    text = Path(".claimlint.yaml").read_text()
    assert set(yaml.safe_load(text)) == set(CONFIG_KEYS)
    assert text.count("\n#") > 10, "the starter config explains itself in comments"


def test_check_runs_with_the_written_config() -> None:
    claimlint(["init"])
    Path("a.txt").write_text("The era .. America.\n", encoding="utf-8")
    result = claimlint(["check", "--no-frames", "a.txt"])
    assert result.exit_code == 0, result.stderr
    assert "doubled-punctuation" in result.stdout


def test_never_overwrites_without_force() -> None:
    Path("facts.yaml").write_text("people: []\n")
    result = claimlint(["init"])
    assert result.exit_code == 2
    assert "facts.yaml already exists; nothing written (use --force to overwrite)" in result.stderr
    assert Path("facts.yaml").read_text() == "people: []\n"
    assert not Path(".claimlint.yaml").exists(), "nothing is written when one file exists"
    assert claimlint(["init", "--force"]).exit_code == 0
    assert "events:" in Path("facts.yaml").read_text()


def test_into_another_directory(tmp_path: Path) -> None:
    Path("newsroom").mkdir()
    assert claimlint(["init", "newsroom"]).exit_code == 0
    assert Path("newsroom/.claimlint.yaml").is_file()
    result = claimlint(["init", "missing"])
    assert result.exit_code == 2
    assert "no such directory" in result.stderr
