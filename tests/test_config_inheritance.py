"""`extends` (a shared house config) and `per_file_ignores` (issue 16)."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from claimlint.config import load_config
from claimlint.yamlfile import YamlError
from tests.cli_helpers import claimlint

MESSY = "The era .. America sets the date.\n\nOutside Baghdad airport .\n\nSource link\n"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def write(path: str, text: str) -> Path:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def rules_in(args: list[str]) -> dict[str, list[str]]:
    result = claimlint(["check", "--format", "json", *args])
    assert result.exit_code in (0, 1), result.stderr
    found: dict[str, list[str]] = {}
    for finding in json.loads(result.stdout)["findings"]:
        found.setdefault(Path(finding["path"]).as_posix(), []).append(finding["rule"])
    return found


def test_a_desk_config_extends_the_house_config_by_relative_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    write("house/claimlint.yaml", "disable: [boilerplate]\nfail_on: warning\n")
    write("desk/.claimlint.yaml", "extends: ../house/claimlint.yaml\n")
    write("desk/a.txt", MESSY)
    config = load_config(Path("desk/.claimlint.yaml"))
    assert config.spec.disable == ["boilerplate"]
    assert config.spec.fail_on == "warning"
    monkeypatch.chdir("desk")
    result = claimlint(["check", "a.txt"])
    assert result.exit_code == 1  # fail_on: warning, inherited
    assert "scraped-link-label" not in result.stdout


def test_merge_keys_set_win_lists_add_and_later_files_win_on_enable_and_disable() -> None:
    write(
        "house/claimlint.yaml",
        "rules: [house-pack.yaml]\nfacts: [house-facts.yaml]\ndisable: [captions, debris]\n"
        "levels: {punctuation: error, quotes: info}\nfail_on: warning\n"
        "include: ['*.txt']\n",
    )
    write(
        "desk/.claimlint.yaml",
        "extends: [../house/claimlint.yaml]\nrules: [desk-pack.yaml]\nenable: [debris]\n"
        "levels: {quotes: warning}\nfail_on: error\n",
    )
    spec = load_config(Path("desk/.claimlint.yaml")).spec
    root = Path.cwd().resolve()
    assert spec.rules == [str(root / "house/house-pack.yaml"), "desk-pack.yaml"]
    assert spec.facts == [str(root / "house/house-facts.yaml")]
    assert spec.disable == ["captions"]
    assert spec.enable == ["debris"]
    assert spec.levels == {"punctuation": "error", "quotes": "warning"}
    assert spec.fail_on == "error"  # set here: wins
    assert spec.include == ["*.txt"]  # not set here: inherited


def test_checks_sections_apply_in_order_so_extend_adds_to_the_house_list() -> None:
    write(
        "house.yaml",
        "checks:\n  dates:\n    front_matter_keys: [date]\n    implied_year_window: 100\n",
    )
    write(
        ".claimlint.yaml",
        "extends: house.yaml\nchecks:\n  dates:\n    extend_front_matter_keys: [posted]\n",
    )
    result = claimlint(["explain", "relative-date"])
    assert "front_matter_keys: [date, posted]" in result.stdout
    assert "implied_year_window: 100" in result.stdout


def test_two_bases_the_later_one_wins() -> None:
    write("a.yaml", "fail_on: warning\nreport_level: warning\n")
    write("b.yaml", "fail_on: info\n")
    write(".claimlint.yaml", "extends: [a.yaml, b.yaml]\n")
    config = load_config(Path(".claimlint.yaml"))
    assert config.spec.fail_on == "info"
    assert config.spec.report_level == "warning"
    assert config.bases == (Path("a.yaml").resolve(), Path("b.yaml").resolve())


def test_a_cycle_is_an_error_naming_the_chain() -> None:
    write("a.yaml", "extends: b.yaml\n")
    write("b.yaml", "extends: a.yaml\n")
    with pytest.raises(
        YamlError, match=r"configs extend each other: .*a\.yaml -> .*b\.yaml -> .*a\.yaml"
    ):
        load_config(Path("a.yaml"))
    write("self.yaml", "extends: self.yaml\n")
    with pytest.raises(YamlError, match="extend each other"):
        load_config(Path("self.yaml"))
    write(".claimlint.yaml", "extends: a.yaml\n")
    write("x.txt", "Fine.\n")
    result = claimlint(["check", "x.txt"])
    assert result.exit_code == 2
    assert "extend each other" in result.stderr


def test_a_missing_base_names_the_file_that_extends_it() -> None:
    write(".claimlint.yaml", "extends: nowhere.yaml\n")
    with pytest.raises(YamlError, match=r"nowhere\.yaml: no such file"):
        load_config(Path(".claimlint.yaml"))


def test_a_base_from_an_installed_package_is_found_without_importing_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    write(str(site / "newsroom_house/__init__.py"), "raise RuntimeError('imported!')\n")
    write(str(site / "newsroom_house/configs/claimlint.yaml"), "disable: [boilerplate]\n")
    monkeypatch.syspath_prepend(str(site))
    importlib.invalidate_caches()
    write(".claimlint.yaml", "extends: pkg:newsroom_house/configs/claimlint.yaml\n")
    assert load_config(Path(".claimlint.yaml")).spec.disable == ["boilerplate"]
    write(".claimlint.yaml", "extends: pkg:newsroom_house/missing.yaml\n")
    with pytest.raises(YamlError, match="package 'newsroom_house' has no file"):
        load_config(Path(".claimlint.yaml"))
    write(".claimlint.yaml", "extends: pkg:no_such_package_xyz/c.yaml\n")
    with pytest.raises(YamlError, match="no installed package named 'no_such_package_xyz'"):
        load_config(Path(".claimlint.yaml"))
    write(".claimlint.yaml", "extends: pkg:newsroom_house/../../escape.yaml\n")
    write(str(tmp_path / "escape.yaml"), "fail_on: info\n")
    with pytest.raises(YamlError, match="has no file"):
        load_config(Path(".claimlint.yaml"))


def test_per_file_ignores_turn_rules_off_for_matching_files_only() -> None:
    write(
        ".claimlint.yaml",
        "per_file_ignores:\n  'wire/*.txt': [boilerplate, doubled-punctuation]\n"
        "  'b.txt': [punctuation]\n",
    )
    write("wire/a.txt", MESSY)
    write("desk/a.txt", MESSY)
    write("desk/b.txt", MESSY)
    found = rules_in(["."])
    assert sorted(found["wire/a.txt"]) == ["space-before-punctuation"]
    assert sorted(found["desk/a.txt"]) == [
        "doubled-punctuation",
        "scraped-link-label",
        "space-before-punctuation",
    ]
    assert found["desk/b.txt"] == ["scraped-link-label"]  # a bare name matches in any folder


def test_per_file_ignores_with_an_unknown_rule_is_an_error() -> None:
    write(".claimlint.yaml", "per_file_ignores:\n  '*.txt': [punctuaton]\n")
    write("a.txt", MESSY)
    result = claimlint(["check", "a.txt"])
    assert result.exit_code == 2
    assert "per_file_ignores: no rule or category named 'punctuaton'" in result.stderr


def test_per_file_ignores_globs_are_relative_to_the_config() -> None:
    write("repo/.claimlint.yaml", "per_file_ignores:\n  'wire/**': [boilerplate]\n")
    write("repo/wire/2021/a.txt", MESSY)
    found = rules_in(["repo"])
    assert "scraped-link-label" not in found["repo/wire/2021/a.txt"]
