"""The streamed JSON report is byte for byte the rendered one (the CLI streams it)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from claimlint.engine import RunOptions, run
from claimlint.report import RunReport, json_format

MESSY = "Café owners said the era .. ended.\n\nOutside Baghdad airport .\n\nSource link\n"


@pytest.mark.parametrize("text", [MESSY, "A clean sentence about the port.\n"])
def test_write_is_render_plus_newline(tmp_path: Path, text: str) -> None:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ndate: 2021-03-23\n---\n" + text, encoding="utf-8")
    report, _ = run([str(tmp_path), str(tmp_path / "missing.txt")], RunOptions(isolated=True))
    assert report.errors
    assert bool(report.diagnostics) == (text == MESSY)
    out = io.StringIO()
    json_format.write(report, out)
    assert out.getvalue() == json_format.render(report) + "\n"


def test_empty_report() -> None:
    out = io.StringIO()
    json_format.write(RunReport(), out)
    assert out.getvalue() == json_format.render(RunReport()) + "\n"
