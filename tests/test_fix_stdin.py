"""`--fix` and `--diff` on standard input write the fixed text (or its diff) to stdout,
as ruff does with `-`; `--fix --diff` together is a usage error (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimlint.cli import app
from tests.cli_helpers import claimlint

MESSY = "Troops left Baghdad airport .\nThe era .. ended &amp; began.\n"
FIXED = "Troops left Baghdad airport.\nThe era .. ended & began.\n"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_fix_on_stdin_writes_the_fixed_text_to_stdout() -> None:
    result = claimlint(["check", "--isolated", "--fix", "-"], input=MESSY)
    assert result.exit_code == 0
    assert result.stdout == FIXED
    assert "doubled-punctuation" in result.stderr  # what remains is reported on stderr
    assert "Fixed 2 findings in standard input; 1 finding remains." in result.stderr


def test_fix_on_stdin_exits_1_when_what_remains_fails_the_run() -> None:
    result = claimlint(["check", "--isolated", "--fix", "--fail-on", "warning", "-"], input=MESSY)
    assert result.exit_code == 1
    assert result.stdout == FIXED
    zero = claimlint(
        ["check", "--isolated", "--fix", "--fail-on", "warning", "--exit-zero", "-"], input=MESSY
    )
    assert zero.exit_code == 0


def test_fix_on_stdin_with_nothing_to_fix_echoes_the_text() -> None:
    clean = "The talks resume next week.\n"
    result = claimlint(["check", "--isolated", "--fix", "-"], input=clean)
    assert result.exit_code == 0
    assert result.stdout == clean


def test_fix_on_stdin_keeps_line_endings_and_the_byte_order_mark() -> None:
    data = "\ufeff".encode() + MESSY.replace("\n", "\r\n").encode()
    result = CliRunner().invoke(app, ["check", "--isolated", "--fix", "-"], input=data)
    assert result.exit_code == 0
    assert result.stdout_bytes == "\ufeff".encode() + FIXED.replace("\n", "\r\n").encode()


def test_fix_on_stdin_to_an_output_file() -> None:
    result = claimlint(["check", "--isolated", "--fix", "-o", "fixed.txt", "-"], input=MESSY)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert Path("fixed.txt").read_text(encoding="utf-8") == FIXED


def test_diff_on_stdin_shows_the_fixes() -> None:
    result = claimlint(["check", "--isolated", "--diff", "-"], input=MESSY)
    assert result.exit_code == 1
    assert result.stdout.startswith("--- a/-\n+++ b/-\n")
    assert "-Troops left Baghdad airport .\n" in result.stdout
    assert "+Troops left Baghdad airport.\n" in result.stdout
    assert "Would fix 2 findings in standard input." in result.stderr
    clean = claimlint(["check", "--isolated", "--diff", "-"], input="All is well.\n")
    assert clean.exit_code == 0
    assert clean.stdout == ""


def test_fix_and_diff_together_are_a_usage_error() -> None:
    Path("a.txt").write_text(MESSY, encoding="utf-8")
    result = claimlint(["check", "--isolated", "--fix", "--diff", "a.txt"])
    assert result.exit_code == 2
    assert "--fix and --diff do not go together" in result.stderr
    assert Path("a.txt").read_text(encoding="utf-8") == MESSY  # nothing written


def test_fix_on_stdin_with_files_is_refused() -> None:
    Path("a.txt").write_text(MESSY, encoding="utf-8")
    result = claimlint(["check", "--isolated", "--fix", "-", "a.txt"], input=MESSY)
    assert result.exit_code == 2
    assert "take standard input alone" in result.stderr
    assert Path("a.txt").read_text(encoding="utf-8") == MESSY


def test_fix_on_binary_stdin_is_an_input_error() -> None:
    result = CliRunner().invoke(app, ["check", "--isolated", "--fix", "-"], input=b"\x00\x01\x02")
    assert result.exit_code == 2
    assert "claimlint: error: -: binary file" in result.stderr
