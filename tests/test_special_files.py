"""FIFOs, devices and endless input never hang a run or grow its memory: only regular
files are read, each with a bound, and stdin stops at the size limit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")

CLEAN = "The talks resumed on Tuesday.\n"
#: generous for a run that reads nothing it should not; a hang is caught by it
TIMEOUT = 60


def run(args: list[str], cwd: Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimlint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(CLEAN)
    os.mkfifo(tmp_path / "fifo.txt")
    return tmp_path


@pytest.mark.parametrize("args", [["fifo.txt", "a.txt"], ["."]])
def test_a_fifo_article_is_one_error(folder: Path, args: list[str]) -> None:
    result = run(["check", *args], folder)
    assert result.returncode == 2
    assert "fifo.txt: a FIFO, not a regular file" in result.stderr
    assert "in 1 file" in result.stdout  # a.txt was still checked


@pytest.mark.parametrize(
    ("config", "args"),
    [
        (None, ["--config", "fifo.txt"]),
        ("rules: [fifo.txt]\n", []),
        ("facts: [fifo.txt]\n", []),
        (None, ["--baseline", "fifo.txt"]),
    ],
)
def test_a_fifo_config_pack_facts_or_baseline_is_one_error(
    folder: Path, config: str | None, args: list[str]
) -> None:
    if config:
        (folder / ".claimlint.yaml").write_text(config)
    result = run(["check", *args, "a.txt"], folder)
    assert result.returncode == 2
    assert "a FIFO, not a regular file" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
@pytest.mark.parametrize("where", ["article", "pack", "facts", "config"])
def test_a_link_to_dev_zero_is_refused(tmp_path: Path, where: str) -> None:
    (tmp_path / "a.txt").write_text(CLEAN)
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    args = ["check", "a.txt"]
    if where == "article":
        args.append("zero.txt")
    elif where == "config":
        args[1:1] = ["--config", "zero.txt"]
    else:
        key = "rules" if where == "pack" else "facts"
        (tmp_path / ".claimlint.yaml").write_text(f"{key}: [zero.txt]\n")
    result = run(args, tmp_path)
    assert result.returncode == 2
    assert "a device, not a regular file" in result.stderr


def test_endless_stdin_stops_at_the_size_limit(tmp_path: Path) -> None:
    (tmp_path / ".claimlint.yaml").write_text("max_file_size: 100000\n")
    source = subprocess.Popen(
        [sys.executable, "-c", "import sys\nwhile True: sys.stdout.write('y\\n' * 1000)"],
        stdout=subprocess.PIPE,
    )
    try:
        result = run(["check", "-"], tmp_path, stdin=source.stdout)
    finally:
        source.kill()
        source.wait()
    assert result.returncode == 0
    assert "-: skipped: over the 100,000-byte limit" in result.stderr


def test_stdin_under_the_limit_is_checked(tmp_path: Path) -> None:
    result = run(["check", "-"], tmp_path, input="Outside Baghdad airport .\n")
    assert result.returncode == 0
    assert "space-before-punctuation" in result.stdout
