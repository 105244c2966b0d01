"""`claimlint facts check` reports every problem, each with file, line and field (issue 16)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.cli_helpers import claimlint

BROKEN = """\
people:
  - name: Jen Psaki
    variant: [Psaki]
  - roles: [spokeswoman]
  - name: Ana Ruiz
    misspellings: ['', Anna Ruiz]
bogus: 1
events:
  - id: Bad Id
    title: ''
    date: June 2020
  - {id: talks, title: Talks open, date: 2020}
  - {id: talks, title: Talks close, date: 2021-13}
  - 7
"""

EXPECTED = [
    ("3", "people[0].variant", "unknown key"),
    ("4", "people[1].name", "required key is missing"),
    ("6", "people[2].misspellings", "must not be empty"),
    ("7", "bogus", "unknown key"),
    ("9", "events[0].id", "use lowercase letters"),
    ("10", "events[0].title", "must not be empty"),
    ("11", "events[0].date", "is not a date"),
    ("13", "events[2].id", "duplicate event id 'talks'"),
    ("13", "events[2].date", "month 13 is not 1 to 12"),
    ("14", "events[3]", "Expected `object`, got `int`"),
]


def test_every_problem_is_reported_with_file_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    result = claimlint(["facts", "check", str(path)])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == len(EXPECTED), result.stderr
    for line, (number, field, problem) in zip(lines, EXPECTED, strict=True):
        match = re.fullmatch(rf"claimlint: error: {re.escape(str(path))}:(\d+): (\S+): (.*)", line)
        assert match, line
        assert (match.group(1), match.group(2)) == (number, field)
        assert problem in match.group(3)
    assert "ok" not in result.stdout


def test_good_files_are_ok_next_to_a_bad_one_and_clashes_across_files_count(
    tmp_path: Path,
) -> None:
    good = tmp_path / "good.yaml"
    good.write_text("people:\n  - name: Jen Psaki\n", encoding="utf-8")
    other = tmp_path / "other.yaml"
    other.write_text("events:\n  - {id: a, title: T, date: 2020}\n", encoding="utf-8")
    clash = tmp_path / "clash.yaml"
    clash.write_text(
        "people:\n  - name: Saki Tanaka\n    variants: [Jen Psaki]\n"
        "events:\n  - {id: a, title: U, date: 2021}\n",
        encoding="utf-8",
    )
    result = claimlint(["facts", "check", str(good), str(other), str(clash)])
    assert result.exit_code == 2
    assert f"{clash}:2: people[0].variants: 'Jen Psaki' is also listed for Jen Psaki" in (
        result.stderr
    )
    assert f"{clash}:5: events[0].id: duplicate event id 'a' (first in {other}:2)" in result.stderr
    assert result.stderr.count("claimlint: error: ") == 2
    assert f"{good}: ok (1 people, 0 events)" in result.stdout
    assert f"{other}: ok (0 people, 1 events)" in result.stdout


ADVISED = """\
people:
  - name: Ana Ruiz
events:
  - id: port-blast
    title: explosion at the port of Selim
    date: 2021-08-27
    cues: [Port Selim blast, explosion, talks]
  - id: fire
    title: fire
    date: 2020
    cues: [fire, blaze]
  - id: summit
    title: Ruiz at the Orsa summit
    date: 2022-05
    cues: [Orsa summit, Port Selim blast]
  - id: balmoral
    title: Ana Ruiz went to Balmoral
    date: 2022-09-06
    cues: [Balmoral]
"""


def test_cues_that_cannot_name_one_event_are_warned_about_and_pass(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(ADVISED, encoding="utf-8")
    result = claimlint(["facts", "check", str(path)])
    assert result.exit_code == 0, result.stderr
    assert f"{path}: ok (1 people, 4 events)" in result.stdout
    lines = result.stderr.splitlines()
    assert all(line.startswith("claimlint: warning: ") for line in lines), lines
    said = "\n".join(lines)
    # "talks" names no event; "explosion" beside a specific cue is how cues are written
    assert f"{path}:4: events[0].cues: 'talks' is too generic" in said
    assert "'explosion'" not in said
    assert f"{path}:8: events[1].cues: every cue is generic" in said
    assert f"{path}:12: events[2].cues: 'Port Selim blast' is also a cue of 'port-blast'" in said
    assert f"{path}:16: events[3]: no event noun" in said
    assert len(lines) == 4, said
