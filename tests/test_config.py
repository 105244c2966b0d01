from __future__ import annotations

from pathlib import Path

import pytest

from claimlint.config import ConfigResolver, load_config
from claimlint.findings import Level
from claimlint.ruleset import build_ruleset
from claimlint.yamlfile import YamlError


def test_config_is_found_upward_from_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "2021").mkdir()
    (tmp_path / "desk" / ".claimlint.yaml").write_text("disable: [captions]\n")
    article = tmp_path / "desk" / "2021" / "a.txt"
    article.write_text("x")
    config = ConfigResolver().for_path(str(article))
    assert config.path == (tmp_path / "desk" / ".claimlint.yaml").resolve()
    assert config.spec.disable == ["captions"]


def test_pyproject_section_is_a_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.claimlint]\nfail_on = "warning"\n')
    (tmp_path / "a.txt").write_text("x")
    assert ConfigResolver().for_path(str(tmp_path / "a.txt")).spec.fail_on == "warning"


def test_pyproject_without_section_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (tmp_path / "a.txt").write_text("x")
    assert ConfigResolver().for_path(str(tmp_path / "a.txt")).path is None


def test_a_pyproject_that_never_names_claimlint_is_not_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # most repositories' pyproject.toml belongs to other tools: no TOML parse for it
    import claimlint.config as config_module

    def refuse(path: Path) -> None:
        raise AssertionError(f"parsed {path}")

    monkeypatch.setattr(config_module, "_pyproject_section", refuse)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n[tool.ruff]\n')
    (tmp_path / "a.txt").write_text("x")
    assert ConfigResolver().for_path(str(tmp_path / "a.txt")).path is None


@pytest.mark.parametrize(
    "table",
    ['[tool.claimlint]\nfail_on = "warning"\n', '[tool."claim\\u006cint"]\nfail_on = "warning"\n'],
)
def test_a_claimlint_table_is_found_however_its_key_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, table: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n' + table)
    (tmp_path / "a.txt").write_text("x")
    assert ConfigResolver().for_path(str(tmp_path / "a.txt")).spec.fail_on == "warning"


def test_unknown_key_gets_a_hint(tmp_path: Path) -> None:
    path = tmp_path / ".claimlint.yaml"
    path.write_text("fail_on: warning\ndisabled: [x]\n")
    with pytest.raises(
        YamlError, match=r"\.claimlint\.yaml:2: disabled: unknown key \(did you mean 'disable'\?\)"
    ):
        load_config(path)


def test_bad_value_names_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / ".claimlint.yaml"
    path.write_text("include: ['*.txt']\nfail_on: fatal\n")
    with pytest.raises(YamlError, match=r":2: fail_on: Invalid enum value 'fatal'"):
        load_config(path)


def test_disable_levels_and_enable_apply(tmp_path: Path) -> None:
    path = tmp_path / ".claimlint.yaml"
    path.write_text("disable: [boilerplate]\nlevels: {doubled-punctuation: error}\n")
    ruleset = build_ruleset(load_config(path))
    ids = {r.id for r in ruleset.rules}
    assert "scraped-link-label" not in ids
    rule = ruleset.get("doubled-punctuation")
    assert rule is not None and rule.level is Level.ERROR


def test_unknown_rule_name_in_disable_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / ".claimlint.yaml"
    path.write_text("disable: [doubled-punctuaton]\n")
    with pytest.raises(YamlError, match="did you mean 'doubled-punctuation'"):
        build_ruleset(load_config(path))


def test_extra_pack_is_loaded_relative_to_the_config(tmp_path: Path) -> None:
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "style.yaml").write_text(
        "rules:\n  - id: no-corona\n    kind: substitution\n    category: style\n    level: error\n"
        "    message: \"use '{replacement}'\"\n    swap: {Corona virus: coronavirus}\n"
        "    examples: {flag: ['the Corona virus'], pass: ['the coronavirus']}\n"
    )
    path = tmp_path / ".claimlint.yaml"
    path.write_text("rules: [house/style.yaml]\n")
    ruleset = build_ruleset(load_config(path))
    assert ruleset.get("no-corona") is not None


def test_missing_pack_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / ".claimlint.yaml"
    path.write_text("rules: [nope.yaml]\n")
    with pytest.raises(YamlError, match=r"nope\.yaml: no such file"):
        build_ruleset(load_config(path))


def test_a_resolver_root_replaces_the_working_directory(tmp_path: Path) -> None:
    root = tmp_path / "workspace"
    (root / "desk").mkdir(parents=True)
    (root / ".claimlint.yaml").write_text("disable: [captions]\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    config = ConfigResolver(root=root).for_path(str(elsewhere / "a.txt"))
    assert config.path == (root / ".claimlint.yaml").resolve()
    assert config.spec.disable == ["captions"]
