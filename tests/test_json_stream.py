"""The streamed JSON report: valid JSON, one finding per line, the findings complete."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from claimlint.engine import RunOptions
from claimlint.report import RunReport, json_format
from claimlint.runner import run

MESSY = "Café owners said the era .. ended.\n\nOutside Baghdad airport .\n\nSource link\n"


@pytest.mark.parametrize("text", [MESSY, "A clean sentence about the port.\n"])
def test_stream_is_json_with_one_finding_per_line(tmp_path: Path, text: str) -> None:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ndate: 2021-03-23\n---\n" + text, encoding="utf-8")
    report, _ = run([str(tmp_path), str(tmp_path / "missing.txt")], RunOptions(isolated=True))
    assert report.errors
    assert bool(report.diagnostics) == (text == MESSY)
    out = io.StringIO()
    json_format.write(report, out)
    data = json.loads(out.getvalue())
    assert data["findings"] == [json_format.finding_dict(d) for d in report.diagnostics]
    assert data["errors"] == report.errors
    finding_lines = [line for line in out.getvalue().splitlines() if line.startswith('    {"path"')]
    assert len(finding_lines) == len(report.diagnostics)


def test_empty_report() -> None:
    data = json.loads(json_format.render(RunReport()))
    assert data["findings"] == [] and data["summary"]["files"] == 0
