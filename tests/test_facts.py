"""Facts files: loading, date precision, and errors that name file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimlint.cli import app
from claimlint.facts import FactDate, load_facts, load_facts_file, parse_fact_date
from claimlint.yamlfile import YamlError

REPO = Path(__file__).resolve().parents[1]


def write(tmp_path: Path, text: str, name: str = "facts.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_seed_facts_load() -> None:
    facts = load_facts([REPO / "seeds" / "facts.yaml"])
    names = {p.name for p in facts.people}
    assert {"Jen Psaki", "Mustafa al-Kadhimi", "Joe Biden", "Donald Trump"} <= names
    assert {"Qassem Soleimani", "Abu Mahdi al-Muhandis"} <= names
    psaki = next(p for p in facts.people if p.name == "Jen Psaki")
    assert {"Jane Saki", "Saki", "Sacchi"} <= set(psaki.misspellings)
    strike = facts.event("soleimani-strike")
    assert strike is not None and str(strike.date) == "2020-01-03"
    assert {"Soleimani", "al-Muhandis", "air strike"} <= set(strike.cues)
    inauguration = facts.event("biden-inauguration")
    assert inauguration is not None and inauguration.date == FactDate(2021, 1, 20)
    assert {"took office", "inauguration", "sworn in"} <= set(inauguration.cues)
    dialogue = facts.event("us-iraq-strategic-dialogue-start")
    assert dialogue is not None and dialogue.date.precision == "month"
    assert str(dialogue.date) == "2020-06"


@pytest.mark.parametrize(
    ("value", "expected", "precision"),
    [
        ("2020-01-03", FactDate(2020, 1, 3), "day"),
        ("2020-06", FactDate(2020, 6), "month"),
        (2020, FactDate(2020), "year"),
        ("2020", FactDate(2020), "year"),
    ],
)
def test_dates_keep_their_precision(value: object, expected: FactDate, precision: str) -> None:
    parsed = parse_fact_date(value)
    assert parsed == expected
    assert parsed.precision == precision


@pytest.mark.parametrize(
    ("text", "line", "field", "problem"),
    [
        (
            "people:\n  - name: Jen Psaki\n    variant: [Psaki]\n",
            3,
            "people[0].variant",
            "unknown key",
        ),
        ("people:\n  - roles: [spokeswoman]\n", 2, "people[0].name", "required"),
        (
            "people:\n  - name: A B\n  - name: C D\n    misspellings: ['']\n",
            4,
            "people[1].misspellings",
            "empty",
        ),
        (
            "people:\n  - name: Jen Psaki\n    variants: [Psaki]\n    misspellings: [psaki]\n",
            4,
            "people[0].misspellings",
            "already listed",
        ),
        ("events:\n  - id: a\n    title: T\n    date: 2020-13\n", 4, "events[0].date", "month 13"),
        (
            "events:\n  - id: a\n    title: T\n    date: June 2020\n",
            4,
            "events[0].date",
            "not a date",
        ),
        (
            "events:\n  - id: a\n    title: T\n    date: 2020-02-30\n",
            4,
            "date",
            "invalid date '2020-02-30'",
        ),
        ("events:\n  - id: Bad Id\n    title: T\n    date: 2020\n", 2, "events[0].id", "lowercase"),
        ("events:\n  - id: a\n    date: 2020\n", 2, "events[0].title", "required"),
        (
            "events:\n  - {id: a, title: T, date: 2020}\n  - {id: a, title: U, date: 2021}\n",
            3,
            "events[1].id",
            "duplicate event id",
        ),
        ("people: 3\n", 1, "people", "Expected `array`"),
    ],
)
def test_errors_name_file_line_and_field(
    tmp_path: Path, text: str, line: int, field: str, problem: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(YamlError) as caught:
        load_facts_file(path)
    error = caught.value
    assert (error.path, error.line, error.field) == (str(path), line, field)
    assert problem in error.problem
    assert str(error).startswith(f"{path}:{line}: {field}: ")


def test_one_spelling_belongs_to_one_person_across_files(tmp_path: Path) -> None:
    first = write(tmp_path, "people:\n  - name: Jen Psaki\n    misspellings: [Saki]\n", "a.yaml")
    second = write(tmp_path, "people:\n  - name: Saki Tanaka\n    variants: [Saki]\n", "b.yaml")
    with pytest.raises(YamlError, match="'Saki' is also listed for Jen Psaki"):
        load_facts([first, second])


def test_facts_check_command(tmp_path: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(app, ["facts", "check", str(REPO / "seeds" / "facts.yaml")])
    assert ok.exit_code == 0, ok.output
    assert "ok (6 people, 3 events)" in ok.output
    bad = write(tmp_path, "events:\n  - id: a\n    title: T\n    date: 2020-13\n")
    failed = runner.invoke(app, ["facts", "check", str(bad)])
    assert failed.exit_code == 2
    assert f"{bad}:4: events[0].date:" in failed.output
    missing = runner.invoke(app, ["facts", "check", str(tmp_path / "none.yaml")])
    assert missing.exit_code == 2
    assert "no such file" in missing.output


def test_broken_facts_file_in_config_is_a_config_error(tmp_path: Path) -> None:
    write(tmp_path, "people:\n  - nam: X\n")
    (tmp_path / ".claimlint.yaml").write_text("facts: [facts.yaml]\n")
    article = tmp_path / "a.txt"
    article.write_text("President Joe Biden spoke.\n")
    result = CliRunner().invoke(app, ["check", str(article)])
    assert result.exit_code == 2
    assert "facts.yaml:2: people[0].nam: unknown key" in result.output


DATED = """\
people:
  - name: Jen Psaki
    roles:
      - White House spokeswoman
      - title: White House press secretary
        aliases: [press secretary]
        from: 2021-01-20
        to: 2022-05-13
      - {title: MSNBC host, from: 2023}
events:
  - id: orsa-truce
    title: Lake Orsa ceasefire
    date: 2022-11-09
    cues: [Orsa]
    aliases: [Lake Orsa accord]
    predicates: [signed at the lake]
"""


def test_dated_roles_aliases_and_predicates_load(tmp_path: Path) -> None:
    facts = load_facts_file(write(tmp_path, DATED))
    plain, tenure, open_ended = facts.people[0].roles
    assert plain.title == "White House spokeswoman" and not plain.dated
    assert tenure.titles == ("White House press secretary", "press secretary")
    assert tenure.start == FactDate(2021, 1, 20) and tenure.end == FactDate(2022, 5, 13)
    assert tenure.tenure() == "2021-01-20 to 2022-05-13"
    assert open_ended.dated and open_ended.end is None and open_ended.tenure() == "since 2023"
    event = facts.events[0]
    assert event.aliases == ("Lake Orsa accord",)
    assert event.predicates == ("signed at the lake",)


@pytest.mark.parametrize(
    ("role", "line", "field", "problem"),
    [
        ("{title: X, from: 2021, to: 2020}", 3, "people[0].roles[0].to", "ends before"),
        ("{title: X, form: 2020}", 3, "people[0].roles[0].form", "unknown key"),
        ("{title: X, from: 2020-13}", 3, "people[0].roles[0].from", "month 13"),
        ("{title: '', from: 2020}", 3, "people[0].roles[0].title", "empty"),
        ("{from: 2020}", 3, "people[0].roles[0].title", "required"),
        ("''", 3, "people[0].roles[0]", "empty"),
    ],
)
def test_bad_roles_name_the_field(
    tmp_path: Path, role: str, line: int, field: str, problem: str
) -> None:
    path = write(tmp_path, f"people:\n  - name: A B\n    roles: [{role}]\n")
    with pytest.raises(YamlError) as caught:
        load_facts_file(path)
    assert (caught.value.line, caught.value.field) == (line, field)
    assert problem in caught.value.problem
