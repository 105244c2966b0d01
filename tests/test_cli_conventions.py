"""What users bring from ruff, Vale and eslint (issue 16): no path means the current
folder, -h is help, --select/--ignore, --exit-zero, --output-file, and usage errors
in one style."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from tests.cli_helpers import claimlint

MESSY = "The era .. America sets the date.\n\nOutside Baghdad airport .\n"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(MESSY, encoding="utf-8")


def rules_of(stdout: str) -> list[str]:
    return [f["rule"] for f in json.loads(stdout)["findings"]]


def test_check_without_a_path_checks_the_current_directory() -> None:
    Path("desk").mkdir()
    Path("desk/b.md").write_text("Prices rose .. again.\n", encoding="utf-8")
    result = claimlint(["check", "--isolated", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert sorted(json.loads(result.stdout)["files"]) == ["a.txt", os.path.join("desk", "b.md")]


@pytest.mark.parametrize(
    "args",
    [
        ["-h"],
        ["check", "-h"],
        ["rules", "-h"],
        ["explain", "-h"],
        ["facts", "-h"],
        ["facts", "check", "-h"],
        ["facts", "learn", "-h"],
        ["init", "-h"],
        ["lsp", "-h"],
    ],
)
def test_dash_h_is_help_everywhere(args: list[str]) -> None:
    result = claimlint(args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Usage: claimlint")
    assert "-h, --help" in result.stdout


def test_help_shows_no_internals() -> None:
    page = claimlint(["check", "-h"]).stdout
    for internal in ("<list[str]>", "<str>", "<path>", "<int range>", "x>=1", "{paths}"):
        assert internal not in page
    assert "Usage: claimlint check [OPTIONS] [PATH]..." in page
    assert "--format [text|json|sarif|github|html]" in page
    assert "--date YYYY-MM-DD" in page


def test_a_bad_choice_is_one_plain_line() -> None:
    result = claimlint(["check", "--format", "xml", "a.txt"])
    assert result.exit_code == 2
    assert result.stderr == (
        "claimlint: error: invalid value for '--format' / '-f': 'xml' is not one of "
        "text, json, sarif, github, html (see 'claimlint check -h')\n"
    )
    assert "Value error" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--nope", "a.txt"],
        ["check", "--format", "xml", "a.txt"],
        ["check", "--config", "missing.yaml", "a.txt"],
        ["check", "missing.txt"],
        ["explain"],
        ["explain", "no-such-rule"],
        ["facts", "check", "missing.yaml"],
        ["check", "--update-baseline", "a.txt"],
    ],
)
def test_every_error_has_one_prefix(args: list[str]) -> None:
    result = claimlint(args)
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines, result.stderr
    for line in lines:
        assert line.startswith("claimlint: error: "), line


def test_select_runs_only_the_named_rules_and_categories() -> None:
    only = claimlint(["check", "--isolated", "-f", "json", "--select", "punctuation", "a.txt"])
    assert set(rules_of(only.stdout)) == {"doubled-punctuation", "space-before-punctuation"}
    one = claimlint(["check", "--isolated", "-f", "json", "--select", "doubled-punctuation"])
    assert set(rules_of(one.stdout)) == {"doubled-punctuation"}


def test_select_takes_a_comma_separated_list_and_turns_on_rules_off_by_default() -> None:
    Path("b.txt").write_text(
        "<!-- claimlint-disable-next-line html-entity -->\nAll is well.\n", encoding="utf-8"
    )
    result = claimlint(
        ["check", "--isolated", "-f", "json", "--select", "unused-suppression,html-entity", "b.txt"]
    )
    assert rules_of(result.stdout) == ["unused-suppression"]


def test_ignore_turns_rules_off_on_top_of_the_config() -> None:
    Path(".claimlint.yaml").write_text("disable: [doubled-punctuation]\n", encoding="utf-8")
    result = claimlint(["check", "-f", "json", "--ignore", "space-before-punctuation", "a.txt"])
    assert rules_of(result.stdout) == []


def test_an_unknown_name_in_select_is_an_error_that_names_the_flag() -> None:
    result = claimlint(["check", "--isolated", "--select", "punctuaton", "a.txt"])
    assert result.exit_code == 2
    assert "--select: no rule or category named 'punctuaton' (did you mean 'punctuation'?)" in (
        result.stderr
    )


def test_exit_zero_exits_0_with_failing_findings_but_not_on_bad_input() -> None:
    failing = claimlint(["check", "--isolated", "--fail-on", "warning", "a.txt"])
    assert failing.exit_code == 1
    zero = claimlint(["check", "--isolated", "--fail-on", "warning", "--exit-zero", "a.txt"])
    assert zero.exit_code == 0
    assert "doubled-punctuation" in zero.stdout
    broken = claimlint(["check", "--isolated", "--exit-zero", "a.txt", "missing.txt"])
    assert broken.exit_code == 2


def test_output_file_holds_the_report_and_stdout_stays_empty() -> None:
    result = claimlint(["check", "--isolated", "-f", "json", "-o", "report.json", "a.txt"])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert rules_of(Path("report.json").read_text(encoding="utf-8")) == [
        "doubled-punctuation",
        "space-before-punctuation",
    ]
    claimlint(["check", "--isolated", "--output-file", "report.log", "a.txt"])
    assert "Found 2 findings" in Path("report.log").read_text(encoding="utf-8")


def test_output_file_that_cannot_be_written_is_an_error() -> None:
    result = claimlint(["check", "--isolated", "-o", "no-such-dir/report.txt", "a.txt"])
    assert result.exit_code == 2
    assert result.stderr.startswith("claimlint: error: no-such-dir/report.txt: cannot write")


def test_config_with_isolated_is_a_usage_error() -> None:
    Path("c.yaml").write_text("fail_on: warning\n", encoding="utf-8")
    for command in (["check", "a.txt"], ["rules"], ["explain", "html-entity"]):
        result = claimlint([*command, "--config", "c.yaml", "--isolated"])
        assert result.exit_code == 2, command
        assert "--config and --isolated do not go together" in result.stderr


def test_date_that_does_not_exist_is_named_as_such() -> None:
    result = claimlint(["check", "--isolated", "--date", "2023-02-30", "a.txt"])
    assert result.exit_code == 2
    assert "there is no such day (February 2023 has 28 days)" in result.stderr
    assert "YYYY-MM-DD form" not in result.stderr
    leap = claimlint(["check", "--isolated", "--date", "2024-02-29", "a.txt"])
    assert leap.exit_code == 0


@pytest.mark.parametrize("value", ["20210203", "2021-2-3", "2021-W05-3", "03/02/2021", "2021-02"])
def test_date_accepts_only_the_documented_form(value: str) -> None:
    result = claimlint(["check", "--isolated", "--date", value, "a.txt"])
    assert result.exit_code == 2
    assert "is not in YYYY-MM-DD form" in result.stderr


def test_broken_config_prints_only_the_error() -> None:
    Path(".claimlint.yaml").write_text("levels: [oops]\n", encoding="utf-8")
    result = claimlint(["check", "a.txt"])
    assert result.exit_code == 2
    assert "No findings" not in result.stdout + result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("claimlint: error: ")


def test_notices_share_the_prefix() -> None:
    Path("empty").mkdir()
    result = claimlint(["check", "--isolated", "empty"])
    assert result.stderr.startswith("claimlint: warning: empty: no files matching")


def test_baseline_file_respects_the_umask() -> None:
    old = os.umask(0o022)
    try:
        claimlint(["check", "--isolated", "--baseline", "b.json", "--update-baseline", "a.txt"])
    finally:
        os.umask(old)
    assert stat.S_IMODE(Path("b.json").stat().st_mode) == 0o644
    os.umask(0o027)
    try:
        Path("b.json").unlink()
        claimlint(["check", "--isolated", "--baseline", "b.json", "--update-baseline", "a.txt"])
    finally:
        os.umask(old)
    assert stat.S_IMODE(Path("b.json").stat().st_mode) == 0o640


def test_init_files_respect_the_umask() -> None:
    old = os.umask(0o022)
    try:
        Path("new").mkdir()
        assert claimlint(["init", "new"]).exit_code == 0
    finally:
        os.umask(old)
    for name in (".claimlint.yaml", "facts.yaml"):
        assert stat.S_IMODE((Path("new") / name).stat().st_mode) == 0o644, name


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--help"],
        ["rules", "--help"],
        ["explain", "--help"],
        ["init", "--help"],
        ["lsp", "--help"],
        ["check", "--no-such-option"],
        ["rules", "extra-argument"],
    ],
)
def test_a_command_named_first_behaves_as_in_the_whole_app(args: list[str]) -> None:
    # `main` builds only the command named first; help, usage and errors are the same
    from typer.testing import CliRunner

    from claimlint.cli import app, app_for

    narrowed = app_for(["claimlint", *args])
    assert narrowed is not app
    whole = CliRunner().invoke(app, args)
    alone = CliRunner().invoke(narrowed, args)
    assert (alone.exit_code, alone.stdout, alone.stderr) == (
        whole.exit_code,
        whole.stdout,
        whole.stderr,
    )


@pytest.mark.parametrize("args", [[], ["--version"], ["facts", "learn"], ["chek"], ["--help"]])
def test_anything_else_gets_the_whole_app(args: list[str]) -> None:
    from claimlint.cli import app, app_for

    assert app_for(["claimlint", *args]) is app
