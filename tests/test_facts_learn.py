"""`claimlint facts learn`: a draft facts file from an archive with a known truth."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from claimlint.facts import load_facts
from tests.archive import Archive, build
from tests.cli_helpers import claimlint


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    return build(tmp_path_factory.mktemp("desk") / "archive", articles=160, seed=3)


@pytest.fixture(scope="module")
def draft(archive: Archive, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("draft") / "learned.yaml"
    result = claimlint(
        [
            "facts",
            "learn",
            str(archive.files[0].parent),
            "--isolated",
            "-q",
            "-j",
            "1",
            "-o",
            str(path),
        ]
    )
    assert result.exit_code == 0, result.stderr
    return path


def test_the_majority_spelling_of_each_person_is_the_name(archive: Archive, draft: Path) -> None:
    people = yaml.safe_load(draft.read_text(encoding="utf-8"))["people"]
    assert {p["name"] for p in people} == {p.name for p in archive.people}


def test_planted_minority_spellings_are_misspellings(archive: Archive, draft: Path) -> None:
    people = {p["name"]: p for p in yaml.safe_load(draft.read_text(encoding="utf-8"))["people"]}
    planted = {spelling for _, spelling in archive.planted}
    for person in archive.people:
        learned = people[person.name]
        assert set(person.minority) & planted <= set(learned.get("misspellings", []))
        assert person.name not in learned.get("misspellings", [])
        assert person.title in [role["title"] for role in learned.get("roles", [])]


def test_roles_are_proposed_with_their_dates_to_confirm(archive: Archive, draft: Path) -> None:
    """A learned title loads as a role without dates (never checked); the dates it was
    first and last seen are there, commented out, for the editor to confirm."""
    text = draft.read_text(encoding="utf-8")
    facts = load_facts([draft])
    for person in archive.people:
        roles = next(p.roles for p in facts.people if p.name == person.name)
        assert [r.title for r in roles] == [person.title]
        assert not roles[0].dated
    assert "# from: " in text and "# to: " in text


def test_events_get_the_date_most_articles_give(archive: Archive, draft: Path) -> None:
    events = yaml.safe_load(draft.read_text(encoding="utf-8"))["events"]
    learned = {e["cues"][0]: e["date"] for e in events}
    assert learned == {e.cue: e.when.isoformat() for e in archive.events}


def test_every_entry_carries_its_evidence(draft: Path) -> None:
    text = draft.read_text(encoding="utf-8")
    entries = [i for i, line in enumerate(text.splitlines()) if line.startswith("  - ")]
    lines = text.splitlines()
    assert entries
    for index in entries:
        assert lines[index - 1].startswith("  # e.g. ") or lines[index - 1].startswith("  # other")


def test_the_draft_is_a_valid_facts_file_that_reports_the_minority_spellings(
    archive: Archive, draft: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert claimlint(["facts", "check", str(draft)]).exit_code == 0
    folder = archive.files[0].parent
    config = tmp_path / "config.yaml"
    config.write_text(f"facts: [{json.dumps(str(draft))}]\n")
    result = claimlint(
        ["check", str(folder), "--config", str(config), "--format", "json", "-j", "1"]
    )
    flagged = {
        (Path(f["path"]).name, f["line"])
        for f in json.loads(result.stdout)["findings"]
        if f["category"] == "names"
    }
    for path, spelling in archive.planted:
        lines = path.read_text(encoding="utf-8").split("\n")
        assert any(
            (path.name, i + 1) in flagged for i, line in enumerate(lines) if spelling in line
        ), (
            path.name,
            spelling,
        )


def test_with_existing_facts_only_what_they_lack_is_proposed(
    archive: Archive, draft: Path, tmp_path: Path
) -> None:
    known = tmp_path / "known.yaml"
    known.write_text(
        "people:\n  - name: Jen Psaki\n    variants: [Psaki]\n"
        "events:\n  - {id: beirut-port, title: Beirut port explosion, date: 2020-08-04, cues: [Beirut]}\n"
    )
    result = claimlint(
        [
            "facts",
            "learn",
            str(archive.files[0].parent),
            "--isolated",
            "-q",
            "-j",
            "1",
            "--facts",
            str(known),
        ]
    )
    proposed = yaml.safe_load(result.stdout)
    assert "Jen Psaki" not in {p["name"] for p in proposed["people"]}
    assert "Beirut" not in {e["cues"][0] for e in proposed["events"] or []}
    assert "# Jen Psaki (in the facts): spellings it does not list:" in result.stdout
    assert "Jen Psacki" in result.stdout  # the unlisted spelling is shown, as a comment


def test_parallel_runs_propose_the_same(archive: Archive, draft: Path) -> None:
    result = claimlint(
        ["facts", "learn", str(archive.files[0].parent), "--isolated", "-q", "-j", "2"]
    )
    assert result.stdout == draft.read_text(encoding="utf-8")


def test_min_articles_leaves_out_the_rarely_seen(archive: Archive) -> None:
    result = claimlint(
        [
            "facts",
            "learn",
            str(archive.files[0].parent),
            "--isolated",
            "-q",
            "-j",
            "1",
            "--min-articles",
            "1000",
        ]
    )
    assert yaml.safe_load(result.stdout) == {"people": [], "events": []}
