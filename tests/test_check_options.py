"""Built-in checks are configured from YAML: the built-in packs give the defaults, a
user's pack or config replaces (`key`) or extends (`extend_key`) them, strictly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimlint.config import load_config
from claimlint.document import Document
from claimlint.engine import lint_document
from claimlint.ruleset import build_ruleset
from claimlint.yamlfile import YamlError
from tests.cli_helpers import claimlint

QUAKE = (
    "---\ndate: 2023-11-20\n---\n"
    "The sandstorm swept across the capital on February 6, 2023.\n\n"
    "Survivors of the sandstorm last March still wait for help.\n"
)


def rules_on(config: Path, text: str, *rule_ids: str) -> list[str]:
    ruleset = build_ruleset(load_config(config)).only(rule_ids)
    findings, _ = lint_document(Document.from_text(text, path="a.md"), ruleset)
    return [text[f.start : f.end] for f in findings]


def test_a_user_pack_adds_an_event_noun(tmp_path: Path) -> None:
    config = tmp_path / ".claimlint.yaml"
    config.write_text("{}\n")
    assert rules_on(config, QUAKE, "timeline-self-contradiction") == []
    (tmp_path / "desk.yaml").write_text(
        "checks:\n  timeline:\n    extend_unique_event_nouns: {sandstorm: sandstorm}\n"
    )
    config.write_text("rules: [desk.yaml]\n")
    assert rules_on(config, QUAKE, "timeline-self-contradiction") == ["last March"]


def test_the_config_replaces_a_list_option(tmp_path: Path) -> None:
    config = tmp_path / ".claimlint.yaml"
    text = "---\nposted: 2021-03-23\n---\nThe minister resigned last week.\n"
    config.write_text("{}\n")
    assert rules_on(config, text, "relative-date") == []  # "posted" is not a date key
    config.write_text("checks:\n  dates:\n    extend_front_matter_keys: [posted]\n")
    assert rules_on(config, text, "relative-date") == ["last week"]


@pytest.mark.parametrize(
    ("config", "message"),
    [
        (
            "checks:\n  dates:\n    implied_year_windo: 3\n",
            ".claimlint.yaml:3: checks.dates.implied_year_windo: unknown option for the dates check",
        ),
        (
            "checks:\n  dates:\n    implied_year_window: soon\n",
            ".claimlint.yaml:3: checks.dates.implied_year_window: Expected `int`, got `str`",
        ),
        (
            "checks:\n  dates:\n    extend_implied_year_window: [3]\n",
            ".claimlint.yaml:3: checks.dates.extend_implied_year_window: extend_ adds to a list",
        ),
        (
            "checks:\n  weather: {}\n",
            ".claimlint.yaml:2: checks.weather: unknown check",
        ),
    ],
)
def test_bad_options_name_file_line_and_field(tmp_path: Path, config: str, message: str) -> None:
    path = tmp_path / ".claimlint.yaml"
    path.write_text(config)
    with pytest.raises(YamlError) as error:
        build_ruleset(load_config(path))
    assert message in str(error.value)


def test_reference_date_is_reported_with_the_date_rules_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path(".claimlint.yaml").write_text("disable: [dates, timeline]\n")
    Path("a.txt").write_text("The talks resumed on Tuesday.\n")
    result = claimlint(["check", "--format", "json", "--date", "2021-03-23", "a.txt"])
    files = json.loads(result.stdout)["files"]
    assert files["a.txt"]["reference_date"] == "2021-03-23"
    assert files["a.txt"]["reference_source"] == "option"


def test_explain_lists_the_options_of_the_check(tmp_path: Path) -> None:
    result = claimlint(["explain", "ambiguous-date", "--isolated"])
    assert "Options of the dates check" in result.stdout
    assert "implied_year_window: 200" in result.stdout


RALLY = (
    "Party president Abdul Hadi Awang spoke on Friday in Kota Bharu. "
    "Thousands cheered Ustaz Awwang at the rally.\n"
)


def test_a_user_pack_adds_an_honorific_and_changes_a_names_threshold(tmp_path: Path) -> None:
    """Issue 12: a desk adds an honorific and tightens a threshold without Python."""
    config = tmp_path / ".claimlint.yaml"
    config.write_text("{}\n")
    # "Ustaz" is no honorific by default: "Ustaz Awwang" reads as a given name and a
    # surname, another person than Abdul Hadi Awang
    assert rules_on(config, RALLY, "name-variant") == []
    (tmp_path / "desk.yaml").write_text("checks:\n  names:\n    extend_honorifics: [Ustaz]\n")
    config.write_text("rules: [desk.yaml]\n")
    assert rules_on(config, RALLY, "name-variant") == ["Awwang"]
    # the same pack, with letters that must agree more before two spellings that sound
    # alike (one metaphone) are one
    (tmp_path / "desk.yaml").write_text(
        "checks:\n  names:\n    extend_honorifics: [Ustaz]\n    min_metaphone_similarity: 95\n"
    )
    assert rules_on(config, RALLY, "name-variant") == []


def test_one_desk_pack_adds_an_honorific_and_an_event_noun_and_tightens_a_threshold(
    tmp_path: Path,
) -> None:
    """Issue 12, all in one pack: each setting shows on the article it concerns."""
    config = tmp_path / ".claimlint.yaml"
    config.write_text("rules: [desk.yaml]\n")
    desk = tmp_path / "desk.yaml"
    desk.write_text(
        "checks:\n"
        "  names:\n    extend_honorifics: [Ustaz]\n"
        "  timeline:\n    extend_unique_event_nouns: {sandstorm: sandstorm}\n"
    )
    assert rules_on(config, RALLY, "name-variant") == ["Awwang"]
    assert rules_on(config, QUAKE, "timeline-self-contradiction") == ["last March"]
    desk.write_text(desk.read_text() + "  names:\n    min_metaphone_similarity: 95\n")
    with pytest.raises(YamlError):  # a check named twice in one mapping
        build_ruleset(load_config(config))
    desk.write_text(
        "checks:\n"
        "  names:\n    extend_honorifics: [Ustaz]\n    min_metaphone_similarity: 95\n"
        "  timeline:\n    extend_unique_event_nouns: {sandstorm: sandstorm}\n"
    )
    assert rules_on(config, RALLY, "name-variant") == []
    assert rules_on(config, QUAKE, "timeline-self-contradiction") == ["last March"]


def test_the_house_style_for_diacritics_is_an_option(tmp_path: Path) -> None:
    text = (
        "The lawyer, İlhan Kılınç, said no charges had been filed. "
        "Kilinc told a channel the case was political.\n"
    )
    config = tmp_path / ".claimlint.yaml"
    config.write_text("{}\n")
    assert rules_on(config, text, "name-diacritics") == ["Kilinc"]
    config.write_text("checks:\n  names:\n    diacritics: ascii\n")
    assert rules_on(config, text, "name-diacritics") == ["İlhan Kılınç"]


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        (
            'letter_folds: [["(a+)+", b]]',
            "checks.names.letter_folds: '(a+)+': a fold is lowercase letters",
        ),
        ("plain_letters: [[ab, c]]", "checks.names.plain_letters: each entry maps one letter"),
        ("diacritics: french", "checks.names.diacritics: Invalid enum value 'french'"),
    ],
)
def test_bad_names_options_are_errors_at_their_line(
    tmp_path: Path, setting: str, message: str
) -> None:
    path = tmp_path / ".claimlint.yaml"
    path.write_text(f"checks:\n  names:\n    {setting}\n")
    with pytest.raises(YamlError) as error:
        build_ruleset(load_config(path))
    assert message in str(error.value)
    assert ".claimlint.yaml:3:" in str(error.value)
