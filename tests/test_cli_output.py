"""What the command prints when piped, with NO_COLOR, --quiet and --statistics, and
the progress bar that only a terminal gets."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from claimlint.progress import MIN_FILES, FileProgress
from tests.cli_helpers import claimlint

ANSI = re.compile(r"\x1b\[[0-9;]*m")
#: SGR parameters that set a colour (foreground, background, 256/true colour)
COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m")
ARTICLE = "The first of its kind in the Biden era .. America.\n\nTroops left Baghdad airport .\n"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(ARTICLE, encoding="utf-8")


def piped(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "claimlint", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )


def test_piped_output_has_no_escape_codes() -> None:
    done = piped("check", "--isolated", "a.txt", "--fail-on", "warning")
    assert done.returncode == 1
    assert "doubled-punctuation" in done.stdout
    assert not ANSI.search(done.stdout + done.stderr)
    assert done.stdout.rstrip().endswith("Found 2 findings (2 warnings) in 1 file.")


def test_no_color_wins_over_forced_colour() -> None:
    forced = piped("check", "--isolated", "a.txt", FORCE_COLOR="1")
    assert COLOUR.search(forced.stdout), "FORCE_COLOR gives colour even when piped"
    plain = piped("check", "--isolated", "a.txt", FORCE_COLOR="1", NO_COLOR="1")
    assert not COLOUR.search(plain.stdout)
    assert ANSI.sub("", plain.stdout) == ANSI.sub("", forced.stdout)


def test_machine_formats_are_plain_even_with_forced_colour() -> None:
    for fmt in ("json", "sarif", "github"):
        done = piped("check", "--isolated", "-f", fmt, "a.txt", FORCE_COLOR="1")
        assert not ANSI.search(done.stdout), fmt


def test_quiet_prints_findings_only() -> None:
    result = claimlint(
        ["check", "--isolated", "--quiet", "--no-frames", "a.txt", "missing-dir-xyz"]
    )
    lines = result.stdout.splitlines()
    assert [line.split(" ")[1].split("[")[1] for line in lines] == [
        "doubled-punctuation]",
        "space-before-punctuation]",
    ]
    assert "Found" not in result.stdout
    assert "missing-dir-xyz: no such file or directory" in result.stderr, "errors still show"


def test_quiet_hides_notices() -> None:
    Path("empty").mkdir()
    loud = claimlint(["check", "--isolated", "a.txt", "empty"])
    quiet = claimlint(["check", "--isolated", "--quiet", "a.txt", "empty"])
    assert "no files matching" in loud.stderr
    assert quiet.stderr == ""


def test_statistics_counts_per_rule() -> None:
    Path("b.txt").write_text(ARTICLE + "Prices rose .. again.\n", encoding="utf-8")
    result = claimlint(["check", "--isolated", "--statistics", "a.txt", "b.txt"])
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["3", "doubled-punctuation", "warning"]
    assert lines[1].split() == ["2", "space-before-punctuation", "warning", "(2", "fixable)"]
    assert "a.txt:1" not in result.stdout
    rows = json.loads(
        claimlint(["check", "--isolated", "--statistics", "-f", "json", "a.txt", "b.txt"]).stdout
    )
    assert rows[0] == {
        "rule": "doubled-punctuation",
        "category": "punctuation",
        "level": "warning",
        "count": 3,
        "fixable": 0,
    }


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_and_for_many_files() -> None:
    terminal = FakeTerminal()
    with FileProgress(stream=terminal) as progress:
        progress.start(MIN_FILES)
        for _ in range(MIN_FILES):
            progress.advance()
    assert terminal.getvalue(), "a terminal gets a bar"
    pipe = io.StringIO()
    with FileProgress(stream=pipe) as progress:
        progress.start(MIN_FILES * 5)
        for _ in range(MIN_FILES * 5):
            progress.advance()
    assert pipe.getvalue() == ""
    few = FakeTerminal()
    with FileProgress(stream=few) as progress:
        progress.start(MIN_FILES - 1)
    assert few.getvalue() == ""
    quiet = FakeTerminal()
    with FileProgress(enabled=False, stream=quiet) as progress:
        progress.start(MIN_FILES * 5)
    assert quiet.getvalue() == ""


def test_many_files_piped_print_no_progress() -> None:
    for n in range(MIN_FILES + 5):
        Path(f"clean{n}.txt").write_text("Clean copy.\n", encoding="utf-8")
    done = piped("check", "--isolated", ".")
    assert done.stderr == ""
    assert (
        done.stdout.splitlines()[-1] == f"Found 2 findings (2 warnings) in {MIN_FILES + 6} files."
    )
