"""`--fix` and `--diff`: safe fixes only, atomic writes, encoding/BOM/line endings kept."""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimlint import atomic, fixes
from claimlint.diagnostics import Diagnostic, Location
from claimlint.engine import RunOptions
from claimlint.findings import Level
from claimlint.runner import source_linter
from claimlint.sources import Source
from tests.cli_helpers import claimlint

# Two safe fixes (space before punctuation) and one finding with no fix (doubled stop).
BROKEN = "Troops left Baghdad airport .\nThe talks , which began under the old government, resumed .. officials said.\n"
FIXED = "Troops left Baghdad airport.\nThe talks, which began under the old government, resumed .. officials said.\n"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def fix(*paths: str) -> tuple[int, str]:
    result = claimlint(["check", "--isolated", "--no-frames", "--fix", *paths])
    return result.exit_code, result.stderr + result.stdout


def test_fix_applies_safe_fixes_and_reports_what_remains() -> None:
    Path("a.txt").write_text(BROKEN, encoding="utf-8")
    code, output = fix("a.txt")
    assert Path("a.txt").read_text(encoding="utf-8") == FIXED
    assert "Fixed 2 findings in 1 file (space-before-punctuation: 2); 1 finding remains." in output
    assert "doubled-punctuation" in output
    assert code == 0


def test_second_fix_changes_nothing() -> None:
    Path("a.txt").write_text(BROKEN, encoding="utf-8")
    fix("a.txt")
    before = Path("a.txt").read_bytes()
    mtime = os.stat("a.txt").st_mtime_ns
    _, output = fix("a.txt")
    assert Path("a.txt").read_bytes() == before
    assert os.stat("a.txt").st_mtime_ns == mtime, "an unchanged file is not rewritten"
    assert "No safe fixes to apply" in output


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (b"", "utf-8"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_encoding_and_bom_are_kept(bom: bytes, codec: str) -> None:
    Path("a.txt").write_bytes(bom + BROKEN.encode(codec))
    fix("a.txt")
    assert Path("a.txt").read_bytes() == bom + FIXED.encode(codec)


def test_crlf_line_endings_are_kept_and_offsets_stay_right() -> None:
    Path("a.txt").write_bytes(BROKEN.replace("\n", "\r\n").encode())
    fix("a.txt")
    assert Path("a.txt").read_bytes() == FIXED.replace("\n", "\r\n").encode()


def test_mixed_line_endings_are_kept() -> None:
    text = "One.\r\nTwo , three.\nFour .\r\n"
    Path("a.txt").write_bytes(text.encode())
    fix("a.txt")
    assert Path("a.txt").read_bytes() == b"One.\r\nTwo, three.\nFour.\r\n"


def test_markdown_and_non_ascii_text() -> None:
    text = "---\ntitle: Talks\n---\n\n# Héadline\n\n“Naïve” café owners ,  said Zoë .\n"
    Path("a.md").write_text(text, encoding="utf-8")
    fix("a.md")
    assert Path("a.md").read_text(encoding="utf-8") == text.replace(
        " ,  said Zoë .", ",  said Zoë."
    )


def test_file_mode_is_kept() -> None:
    Path("a.txt").write_text(BROKEN, encoding="utf-8")
    os.chmod("a.txt", 0o640)
    fix("a.txt")
    assert os.stat("a.txt").st_mode & 0o777 == 0o640


def test_diff_shows_changes_without_writing() -> None:
    Path("a.txt").write_text(BROKEN, encoding="utf-8")
    result = claimlint(["check", "--isolated", "--diff", "a.txt"])
    assert Path("a.txt").read_text(encoding="utf-8") == BROKEN
    assert result.exit_code == 1
    assert "--- a/a.txt\n+++ b/a.txt\n" in result.stdout
    assert "\n-Troops left Baghdad airport .\n" in result.stdout
    assert "\n+Troops left Baghdad airport.\n" in result.stdout
    assert "resumed .. officials" in result.stdout, "the finding without a fix stays as it was"
    assert "+The talks, which began" in result.stdout
    Path("a.txt").write_text(FIXED, encoding="utf-8")
    result = claimlint(["check", "--isolated", "--diff", "a.txt"])
    assert (result.exit_code, result.stdout) == (0, "")


def test_unsafe_fixes_are_not_applied() -> None:
    loc = Location(1, 1, 1, 4, 0, 3)
    unsafe = Diagnostic(
        "a.txt", "r", "c", Level.WARNING, "m", loc, "abc", fix="xyz", fix_safe=False
    )
    assert fixes.safe_edits([unsafe]) == []


def test_overlapping_fixes_resolve_deterministically() -> None:
    def d(rule: str, start: int, end: int, fix: str) -> Diagnostic:
        return Diagnostic(
            "a.txt",
            rule,
            "c",
            Level.WARNING,
            "m",
            Location(1, 1, 1, 1, start, end),
            "",
            fix=fix,
            fix_safe=True,
        )

    items = [d("b", 2, 6, "X"), d("a", 0, 4, "Y"), d("c", 6, 8, "Z"), d("d", 0, 4, "Y")]
    for order in (items, list(reversed(items))):
        edits = fixes.safe_edits(order)
        assert [(e.start, e.end, e.replacement) for e in edits] == [(0, 4, "Y"), (6, 8, "Z")]
    assert fixes.apply_edits("0123456789", fixes.safe_edits(items)) == "Y45Z89"


def test_several_files_fixed_together() -> None:
    Path("a.txt").write_text(BROKEN, encoding="utf-8")
    Path("b.txt").write_text(BROKEN, encoding="utf-8")
    Path("c.txt").write_text(FIXED, encoding="utf-8")
    _, output = fix(".")
    assert Path("a.txt").read_text() == Path("b.txt").read_text() == FIXED
    assert "Fixed 4 findings in 2 files" in output


def test_failure_while_writing_leaves_every_file_untouched(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        Path(name).write_text(BROKEN, encoding="utf-8")
    real_fsync = os.fsync
    calls = []

    def failing_fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(atomic.os, "fsync", failing_fsync)
    result = claimlint(["check", "--isolated", "--fix", "."])
    assert result.exit_code == 2
    assert "no file was changed" in result.stderr
    for name in ("a.txt", "b.txt", "c.txt"):
        assert Path(name).read_text(encoding="utf-8") == BROKEN
    assert sorted(os.listdir(".")) == ["a.txt", "b.txt", "c.txt"], "no temporary file is left"


def test_failure_while_replacing_leaves_each_file_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("a.txt", "b.txt"):
        Path(name).write_text(BROKEN, encoding="utf-8")
    real_replace = os.replace
    calls = []

    def failing_replace(src: str, dst: str) -> None:
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(5, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", failing_replace)
    claimlint(["check", "--isolated", "--fix", "."])
    contents = sorted(Path(n).read_text(encoding="utf-8") for n in ("a.txt", "b.txt"))
    assert contents == sorted([FIXED, BROKEN])
    assert sorted(os.listdir(".")) == ["a.txt", "b.txt"]


def test_fix_reaches_a_fixed_point_when_fixes_overlap() -> None:
    # A rule that flags every pair of spaces gives overlapping fixes on a run of
    # spaces; each pass applies the ones that do not overlap, and the loop goes on
    # until none is left, so one --fix does all the work.
    def lint(source: Source) -> list[Diagnostic]:
        return [
            Diagnostic(
                source.path,
                "double-space",
                "spacing",
                Level.WARNING,
                "two spaces",
                Location(1, 1, 1, 1, m.start(), m.start() + 2),
                "",
                fix=" ",
                fix_safe=True,
            )
            for m in re.finditer(r"(?=  )", source.text)
        ]

    outcome = fixes.fix_source(Source("a.txt", "A      B   C\n"), lint)
    assert outcome.text == "A B C\n"
    assert outcome.converged
    again = fixes.fix_source(Source("a.txt", outcome.text), lint)
    assert not again.changed


_LINTER = source_linter(RunOptions(isolated=True))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Troops",
                "left",
                "Baghdad",
                " ",
                "  ",
                " .",
                " ,",
                "..",
                ",",
                "\n",
                "\r\n",
                "é",
                "“",
                "”",
            ]
        ),
        max_size=40,
    ).map("".join)
)
def test_fix_is_idempotent_and_keeps_line_endings(text: str) -> None:
    source = Source("a.txt", text)
    outcome = fixes.fix_source(source, _LINTER)
    assert outcome.converged
    again = fixes.fix_source(Source("a.txt", outcome.text), _LINTER)
    assert not again.changed
    assert outcome.text.count("\r\n") == text.count("\r\n")
    assert outcome.text.count("\n") == text.count("\n")
