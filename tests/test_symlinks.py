"""Symbolic and hard links: `init --force` and `--fix` write through a link only to a
regular file inside the tree, keep links and owners, and a walk never follows a link
out of the walked folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.cli_helpers import claimlint

BROKEN = "Officials met outside Baghdad airport .\n"
FIXED = "Officials met outside Baghdad airport.\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repo folder (the working directory) beside a folder that is not part of it."""
    (tmp_path / "repo").mkdir()
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "repo")
    return tmp_path / "repo"


def test_init_force_refuses_a_link_out_of_the_folder(repo: Path) -> None:
    outside = repo.parent / "elsewhere" / "precious.txt"
    outside.write_text("precious\n")
    (repo / ".claimlint.yaml").symlink_to(outside)
    result = claimlint(["init", "--force"])
    assert result.exit_code == 2
    assert "outside" in result.stderr and "nothing written" in result.stderr
    assert outside.read_text() == "precious\n"
    assert (repo / ".claimlint.yaml").is_symlink()
    assert not (repo / "facts.yaml").exists()


def test_init_force_writes_through_a_link_inside_the_folder(repo: Path) -> None:
    (repo / "configs").mkdir()
    real = repo / "configs" / "claimlint.yaml"
    real.write_text("old\n")
    (repo / ".claimlint.yaml").symlink_to("configs/claimlint.yaml")
    result = claimlint(["init", "--force"])
    assert result.exit_code == 0, result.stderr
    assert (repo / ".claimlint.yaml").is_symlink()
    assert "rules" in real.read_text()


def test_init_force_keeps_hard_links(repo: Path) -> None:
    (repo / ".claimlint.yaml").write_text("old\n")
    os.link(repo / ".claimlint.yaml", repo / "copy.yaml")
    assert claimlint(["init", "--force"]).exit_code == 0
    assert (repo / "copy.yaml").read_text() == (repo / ".claimlint.yaml").read_text() != "old\n"


def test_fix_writes_through_a_link_inside_the_tree(repo: Path) -> None:
    (repo / "drafts").mkdir()
    (repo / "drafts" / "a.txt").write_text(BROKEN)
    (repo / "a.txt").symlink_to("drafts/a.txt")
    result = claimlint(["check", "--isolated", "--fix", "a.txt"])
    assert result.exit_code == 0, result.stderr
    assert (repo / "a.txt").is_symlink()
    assert (repo / "drafts" / "a.txt").read_text() == FIXED


def test_fix_refuses_a_link_out_of_the_tree(repo: Path) -> None:
    outside = repo.parent / "elsewhere" / "a.txt"
    outside.write_text(BROKEN)
    (repo / "a.txt").symlink_to(outside)
    (repo / "b.txt").write_text(BROKEN)
    result = claimlint(["check", "--isolated", "--fix", "a.txt", "b.txt"])
    assert result.exit_code == 2
    assert "a.txt: a symbolic link to" in result.stderr and "not written" in result.stderr
    assert outside.read_text() == BROKEN
    assert (repo / "a.txt").is_symlink()
    assert (repo / "b.txt").read_text() == FIXED  # the other file is still fixed


def test_fix_keeps_hard_links_and_the_inode(repo: Path) -> None:
    (repo / "a.txt").write_text(BROKEN)
    os.link(repo / "a.txt", repo / "a-copy.txt")
    inode = (repo / "a.txt").stat().st_ino
    assert claimlint(["check", "--isolated", "--fix", "a.txt"]).exit_code == 0
    assert (repo / "a.txt").stat().st_ino == inode
    assert (repo / "a-copy.txt").read_text() == FIXED


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_fix_keeps_the_owner(repo: Path) -> None:
    (repo / "a.txt").write_text(BROKEN)
    os.chown(repo / "a.txt", 4321, 4321)
    assert claimlint(["check", "--isolated", "--fix", "a.txt"]).exit_code == 0
    info = (repo / "a.txt").stat()
    assert (info.st_uid, info.st_gid) == (4321, 4321)
    assert (repo / "a.txt").read_text() == FIXED


def test_fix_of_a_plain_file_keeps_its_mode(repo: Path) -> None:
    (repo / "a.txt").write_text(BROKEN)
    os.chmod(repo / "a.txt", 0o640)
    assert claimlint(["check", "--isolated", "--fix", "a.txt"]).exit_code == 0
    assert (repo / "a.txt").stat().st_mode & 0o777 == 0o640
    assert sorted(os.listdir(repo)) == ["a.txt"]


def test_a_walk_never_follows_a_link_out_of_the_tree(repo: Path) -> None:
    outside = repo.parent / "elsewhere" / "secret.txt"
    outside.write_text("SECRET line outside Baghdad airport .\n")
    (repo / "desk").mkdir()
    (repo / "desk" / "a.txt").write_text(BROKEN)
    (repo / "desk" / "leak.txt").symlink_to(outside)
    (repo / "desk" / "same.txt").symlink_to("a.txt")  # inside: checked
    result = claimlint(["check", "--isolated", "--format", "json", "desk"])
    assert result.exit_code == 0
    assert "SECRET" not in result.stdout
    assert "leak.txt: skipped: a symbolic link to a file outside desk" in result.stderr
    assert "same.txt" in result.stdout


def test_a_link_loop_in_a_walk_is_one_error_and_the_rest_is_checked(repo: Path) -> None:
    (repo / "a.txt").write_text(BROKEN)
    (repo / "loop.txt").symlink_to("loop.txt")
    (repo / "gone.txt").symlink_to("nowhere.txt")
    result = claimlint(["check", "."])  # configs are looked up from each file's folder
    assert result.exit_code == 2
    assert "loop.txt: symbolic link loop" in result.stderr
    assert "gone.txt: broken symbolic link" in result.stderr
    assert "space-before-punctuation" in result.stdout
    assert "Traceback" not in result.stderr
