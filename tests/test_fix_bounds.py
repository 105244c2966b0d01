"""A pack's safe fix that never settles, or that feeds on itself, is refused: `--fix`
stops, says so, and leaves the file as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimlint.document import Document
from claimlint.engine import lint_document
from tests.cli_helpers import claimlint
from tests.conftest import pack_ruleset

PACK = """\
rules:
  - id: {id}
    kind: existence
    category: c
    level: warning
    message: m
    pattern: '{pattern}'
    fix: {{replace: '{replace}', safe: true}}
"""


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def _setup(rule_id: str, pattern: str, replace: str) -> None:
    Path("pack.yaml").write_text(PACK.format(id=rule_id, pattern=pattern, replace=replace))
    Path(".claimlint.yaml").write_text("rules: [pack.yaml]\nbuiltin_rules: false\n")


def test_a_fix_that_grows_the_file_is_refused() -> None:
    _setup("double-z", "z+", r"\g<0>\g<0>")
    Path("a.txt").write_text("z" * 5_000 + "\n")
    Path("b.txt").write_text("fine\n")
    result = claimlint(["check", "--fix", "a.txt", "b.txt"])
    assert result.exit_code == 2
    assert "a.txt: the safe fixes (double-z) would make it longer than" in result.stderr
    assert "not fixed" in result.stderr
    assert Path("a.txt").read_text() == "z" * 5_000 + "\n"


def test_a_fix_that_never_settles_is_reported_and_not_written() -> None:
    _setup("swap", r"\b(a)(b)\b|\b(b)(a)\b", r"\2\1\4\3")
    Path("a.txt").write_text("ab\n")
    result = claimlint(["check", "--fix", "a.txt"])
    assert result.exit_code == 2
    assert "a.txt: the safe fixes (swap) did not settle in 10 passes" in result.stderr
    assert Path("a.txt").read_text() == "ab\n"


def test_diff_reports_a_refused_fix_too() -> None:
    _setup("double-z", "z+", r"\g<0>\g<0>")
    Path("a.txt").write_text("zzz\n" * 1000)
    result = claimlint(["check", "--diff", "a.txt"])
    assert result.exit_code == 2
    assert "would make it longer" in result.stderr


def test_a_refused_fix_on_standard_input_leaves_the_text_as_it_was() -> None:
    _setup("double-z", "z+", r"\g<0>\g<0>")
    result = claimlint(["check", "--fix", "-"], input="z" * 5_000 + "\n")
    assert result.exit_code == 2
    assert "standard input: the safe fixes (double-z) would make it longer" in result.stderr
    assert result.stdout == "z" * 5_000 + "\n"


def test_a_replacement_that_repeats_a_long_match_is_not_offered(tmp_path: Path) -> None:
    _setup("many", "y+", r"\g<0>" * 50)
    ruleset = pack_ruleset(tmp_path / "pack.yaml")
    findings, _ = lint_document(Document.from_text("y" * 10_000 + " y"), ruleset)
    assert findings[0].fix is None  # 50 copies of 10,000 characters: no fix
    assert findings[1].fix is not None and findings[1].fix.replacement == "y" * 50
