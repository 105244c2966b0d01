"""An article, a pack or a file name cannot send escape sequences to the terminal:
every report shows control, bidi and undecodable characters as visible stand-ins."""

from __future__ import annotations

import io
import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from claimlint.engine import RunOptions
from claimlint.report import text
from claimlint.runner import run
from claimlint.safe_text import neutralise
from tests.cli_helpers import claimlint

# Retitle the terminal, clear the screen (7- and 8-bit), reverse the line, ring the bell.
ATTACKS = ("\x1b]0;PWNED\x07", "\x1b[2J", "\x9b2J", "\u202eDENWP", "\x07", "\x08\x08")
ARTICLE = (
    "The minister spoke {a} outside Baghdad airport .\n\n"
    "Officials said the talks would resume {b} on Monday ..\n"
)
# what must never come out raw
RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\x08")


@pytest.fixture(autouse=True)
def _isolate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def _article(tmp_path: Path, name: str = "a.txt") -> Path:
    path = tmp_path / name
    path.write_text(ARTICLE.format(a="".join(ATTACKS), b="".join(reversed(ATTACKS))))
    return path


def _assert_clean(output: str) -> None:
    for raw in RAW:
        assert raw not in output, repr(raw)


@pytest.mark.parametrize("frames", [True, False])
def test_text_report_has_no_control_characters(tmp_path: Path, frames: bool) -> None:
    _article(tmp_path)
    args = ["check", "a.txt", "--date", "2021-03-23"] + ([] if frames else ["--no-frames"])
    result = claimlint(args)
    assert "space-before-punctuation" in result.stdout
    _assert_clean(result.stdout + result.stderr)
    if frames:
        assert "␛]0;PWNED␇" in result.stdout  # shown, visibly


def test_frames_on_a_terminal_keep_the_caret_under_the_finding(tmp_path: Path) -> None:
    _article(tmp_path)
    report, _ = run(["a.txt"], RunOptions(isolated=True))
    out = io.StringIO()
    text.render(report, Console(file=out, force_terminal=True, width=200, color_system=None))
    shown = out.getvalue()
    assert "]0;PWNED" not in shown.replace("␛]0;PWNED", "")
    assert "[2J" not in shown.replace("␛[2J", "")
    lines = shown.splitlines()
    row = next(i for i, line in enumerate(lines) if "airport" in line and "|" in line)
    caret = lines[row + 1].index("^")
    assert lines[row][caret - 1 : caret + 2] == "t ."  # the caret is under the space


@pytest.mark.parametrize("fmt", ["json", "sarif", "github"])
def test_machine_formats_never_carry_raw_control_characters(tmp_path: Path, fmt: str) -> None:
    _article(tmp_path)
    result = claimlint(["check", "a.txt", "--format", fmt])
    _assert_clean(result.stdout + result.stderr)
    if fmt != "github":
        json.loads(result.stdout)  # still valid JSON, the same strings


def test_a_pack_cannot_write_escapes_through_ids_messages_or_descriptions(tmp_path: Path) -> None:
    (tmp_path / "pack.yaml").write_text(
        "rules:\n"
        '  - id: "x\\e]0;PWNED\\a"\n'
        "    kind: existence\n"
        '    category: "c\\e[2J"\n'
        "    level: warning\n"
        '    message: "found \\e[2J{match}"\n'
        '    description: "evil \\x9b2J\\u202e"\n'
        "    pattern: airport\n"
    )
    (tmp_path / ".claimlint.yaml").write_text("rules: [pack.yaml]\n")
    _article(tmp_path)
    for args in (["check", "a.txt"], ["rules"], ["explain", "x\x1b]0;PWNED\x07"]):
        result = claimlint(args)
        _assert_clean(result.stdout + result.stderr)
    assert "found ␛[2Jairport" in claimlint(["check", "a.txt"]).stdout


def test_a_file_name_with_escapes_is_shown_safely(tmp_path: Path) -> None:
    _article(tmp_path, "a\x1b]0;PWNED\x07.txt")
    (tmp_path / "missing").mkdir()
    for args in (["check", "."], ["check", "nothing\x1b[2J.txt"], ["check", ".", "-f", "github"]):
        result = claimlint(args)
        _assert_clean(result.stdout + result.stderr)


@given(st.text())
def test_neutralise_is_one_for_one_and_leaves_nothing_raw(value: str) -> None:
    shown = neutralise(value)
    assert len(shown) == len(value)
    for raw in RAW:
        assert raw not in shown
    assert not any(unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp") for c in shown)
