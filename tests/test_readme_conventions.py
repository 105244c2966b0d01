"""The README documents every flag of `claimlint check` and every config key, each with
an example (issue 16: the new ones are what users look for first)."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from claimlint.cli import app
from claimlint.config import CONFIG_KEYS

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
#: code in the README: fenced blocks, indented blocks and inline code
CODE = "\n".join(
    re.findall(r"```[a-z]*\n(.*?)```", README, re.S)
    + re.findall(r"(?m)^    \S.*$", README)
    + re.findall(r"`([^`\n]+)`", README)
)


def _check_flags() -> list[str]:
    command = typer.main.get_command(app)
    check = command.commands["check"]  # type: ignore[attr-defined]
    flags = []
    for param in check.params:
        flags += [name for name in param.opts if name.startswith("--") and name != "--help"]
    return flags


def test_every_check_flag_appears_in_an_example() -> None:
    missing = [flag for flag in _check_flags() if flag not in CODE]
    assert not missing, missing


def test_every_config_key_appears_in_an_example() -> None:
    missing = [key for key in CONFIG_KEYS if not re.search(rf"(?m)^\s*{key}:", CODE)]
    assert not missing, missing


def test_new_conventions_have_their_examples() -> None:
    for example in (
        "claimlint check                            # the current folder",
        "claimlint check -h",
        "--select punctuation,html-entity",
        "--ignore captions,boilerplate",
        "--exit-zero",
        "-o findings.json",
        "--report-level warning",
        "report_level:",
        "per_file_ignores:",
        "extends: [../house/claimlint.yaml]",
        "pkg:newsroom_style/claimlint.yaml",
        "date_order: dmy",
        "claimlint check --fix - < a.txt",
        "args: [--report-level, warning, --fail-on, warning]",
    ):
        assert example in README, example
