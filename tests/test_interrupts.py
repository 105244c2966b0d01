"""A signal during a run ends it with one line and exit 128+N; during `--fix` no temporary
file is left and the line says what was and was not written. Temporary files of a run
that was killed outright are swept by the next one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

BROKEN = "Troops left Baghdad airport .\n"
FIXED = "Troops left Baghdad airport.\n"

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGTERM"), reason="POSIX signals")

# Runs claimlint with one function wrapped so that the process signals itself at a
# chosen moment: deterministic, unlike a signal sent from outside.
HARNESS = """
import os, signal, sys
from claimlint import atomic, engine
from claimlint.cli import main

where, count, sig = sys.argv[1], int(sys.argv[2]), getattr(signal, sys.argv[3])
calls = []

def hook(real):
    def wrapped(*args, **kwargs):
        result = real(*args, **kwargs)
        calls.append(1)
        if len(calls) == count:
            os.kill(os.getpid(), sig)
        return result
    return wrapped

module, name = {"stage": (atomic, "_stage"), "put": (atomic, "_put"),
                "lint": (engine, "lint_source")}[where]
setattr(module, name, hook(getattr(module, name)))
sys.argv = ["claimlint", *sys.argv[4:]]
main()
"""


def run(
    tmp_path: Path, where: str, count: int, sig: str, *args: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", HARNESS, where, str(count), sig, *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def articles(tmp_path: Path) -> list[Path]:
    paths = [tmp_path / f"a{i}.txt" for i in range(5)]
    for path in paths:
        path.write_text(BROKEN)
    return paths


def test_sigint_during_a_check_says_so(tmp_path: Path, articles: list[Path]) -> None:
    result = run(tmp_path, "lint", 2, "SIGINT", "check", "--isolated", "--jobs", "1", ".")
    assert result.returncode == 130
    assert result.stderr.strip().splitlines()[-1] == "claimlint: interrupted by SIGINT"
    assert "Traceback" not in result.stderr


def test_sigterm_while_staging_writes_nothing_and_leaves_no_temp(
    tmp_path: Path, articles: list[Path]
) -> None:
    result = run(tmp_path, "stage", 3, "SIGTERM", "check", "--isolated", "--fix", ".")
    assert result.returncode == 128 + signal.SIGTERM
    assert "interrupted by SIGTERM; no file was written; not written: a0.txt" in result.stderr
    assert all(p.read_text() == BROKEN for p in articles)
    assert sorted(p.name for p in tmp_path.iterdir()) == [p.name for p in articles]


def test_sigterm_while_replacing_says_what_was_written(
    tmp_path: Path, articles: list[Path]
) -> None:
    result = run(tmp_path, "put", 2, "SIGTERM", "check", "--isolated", "--fix", ".")
    assert result.returncode == 128 + signal.SIGTERM
    last = result.stderr.strip().splitlines()[-1]
    assert last == (
        "claimlint: interrupted by SIGTERM; written: a0.txt, a1.txt; "
        "not written: a2.txt, a3.txt, a4.txt"
    )
    assert [p.read_text() for p in articles] == [FIXED] * 2 + [BROKEN] * 3
    assert sorted(p.name for p in tmp_path.iterdir()) == [p.name for p in articles]


def test_temporary_files_of_a_killed_run_are_swept(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BROKEN)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".a.txt.claimlint-{dead.pid}-abc123xy.tmp"
    stale.write_text("half a file")
    live = tmp_path / f".a.txt.claimlint-{os.getpid()}-abc123xy.tmp"  # a run still going
    live.write_text("being written")
    result = subprocess.run(
        [sys.executable, "-m", "claimlint", "check", "--isolated", "--fix", "a.txt"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "a.txt").read_text() == FIXED
    assert not stale.exists()
    assert live.exists()
