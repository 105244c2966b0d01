"""`--fix` never loses another process's edit: what it read is compared with what is on
disk before a file is replaced, and a file changed or deleted meanwhile is skipped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimlint import atomic, fixes
from tests.cli_helpers import claimlint

BROKEN = "Troops left Baghdad airport .\n"
FIXED = "Troops left Baghdad airport.\n"
EDITED = "An editor rewrote this line while the run was going on .\n"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("a.txt", "b.txt"):
        Path(name).write_text(BROKEN)


def _meanwhile(monkeypatch: pytest.MonkeyPatch, action: Any) -> None:
    """Run `action` on a.txt once its fixes are computed, before anything is written."""
    real = fixes.fix_source

    def fix_then_act(source: Any, lint: Any) -> Any:
        outcome = real(source, lint)
        if source.path == "a.txt":
            action(Path("a.txt"))
        return outcome

    monkeypatch.setattr(fixes, "fix_source", fix_then_act)


def test_an_edit_made_during_the_run_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    _meanwhile(monkeypatch, lambda path: path.write_text(EDITED))
    result = claimlint(["check", "--isolated", "--fix", "a.txt", "b.txt"])
    assert Path("a.txt").read_text() == EDITED
    assert Path("b.txt").read_text() == FIXED
    assert "a.txt: changed on disk during the run; not written" in result.stderr
    assert "Fixed 1 finding in 1 file" in result.stderr
    assert result.exit_code == 2


def test_a_file_deleted_during_the_run_is_not_recreated(monkeypatch: pytest.MonkeyPatch) -> None:
    _meanwhile(monkeypatch, lambda path: path.unlink())
    result = claimlint(["check", "--isolated", "--fix", "a.txt", "b.txt"])
    assert not Path("a.txt").exists()
    assert Path("b.txt").read_text() == FIXED
    assert "a.txt: deleted during the run; not recreated" in result.stderr
    assert result.exit_code == 2


def test_an_edit_just_before_the_replace_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    real = atomic._stage

    def stage_then_edit(target: str, data: bytes) -> str:
        temp = real(target, data)
        if target == "a.txt":
            Path("a.txt").write_text(EDITED)
        return temp

    monkeypatch.setattr(atomic, "_stage", stage_then_edit)
    result = claimlint(["check", "--isolated", "--fix", "a.txt", "b.txt"])
    assert Path("a.txt").read_text() == EDITED
    assert Path("b.txt").read_text() == FIXED
    assert "a.txt: changed on disk during the run" in result.stderr
    assert sorted(p.name for p in Path(".").iterdir()) == ["a.txt", "b.txt"]  # no temp left
