"""`--format json`: one object with a `findings` list (the contract in README.md, "JSON")."""

from __future__ import annotations

import io
import json
from typing import Any, TextIO

from claimlint import __version__
from claimlint.diagnostics import Diagnostic, Location
from claimlint.findings import Level
from claimlint.report import RunReport
from claimlint.safe_text import json_safe

_CONTRACT = frozenset(
    {
        "path",
        "rule",
        "category",
        "level",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "start",
        "end",
        "fix",
        "fix_safe",
        "related",
    }
)


def _location(loc: Location) -> dict[str, int]:
    return {
        "line": loc.line,
        "column": loc.column,
        "end_line": loc.end_line,
        "end_column": loc.end_column,
        "start": loc.start,
        "end": loc.end,
    }


def finding_dict(d: Diagnostic) -> dict[str, Any]:
    out: dict[str, Any] = {
        "path": d.path,
        "rule": d.rule,
        "category": d.category,
        "level": str(d.level),
        "message": d.message,
        **_location(d.location),
        "fix": d.fix,
        "fix_safe": d.fix_safe if d.fix is not None else None,
        "related": [{**_location(r.location), "message": r.message} for r in d.related],
    }
    for key, value in d.data.items():
        if key not in _CONTRACT:
            out[key] = value
    return out


_DUMPS: dict[str, Any] = {"ensure_ascii": False, "indent": 2, "default": str}


def _payload(report: RunReport) -> dict[str, Any]:
    counts = report.counts()
    payload: dict[str, Any] = {
        "version": __version__,
        "findings": [],
        "errors": report.errors,
        "notices": report.notices,
        "files": report.files,
        "summary": {
            "files": len(report.files),
            "error": counts.get(Level.ERROR, 0),
            "warning": counts.get(Level.WARNING, 0),
            "info": counts.get(Level.INFO, 0),
        },
    }
    if report.hidden:
        payload["summary"]["hidden"] = {str(level): n for level, n in sorted(report.hidden.items())}
    return payload


def render(report: RunReport) -> str:
    """The whole report as one JSON document (what `write` streams, less the newline)."""
    buffer = io.StringIO()
    write(report, buffer)
    return buffer.getvalue().removesuffix("\n")


def write(report: RunReport, stream: TextIO) -> None:
    """`render(report)` and a newline, written finding by finding: the same bytes, without
    holding the whole document (several times the size of the findings) in memory."""
    stream.write("{")
    for index, (key, value) in enumerate(_payload(report).items()):
        stream.write(("," if index else "") + "\n  " + json.dumps(key) + ": ")
        if key == "findings":
            _write_findings(report, stream)
        elif key == "files":
            _write_files(report, stream)
        else:
            stream.write(json_safe(json.dumps(value, **_DUMPS)).replace("\n", "\n  "))
    stream.write("\n}\n")


def _write_files(report: RunReport, stream: TextIO) -> None:
    """The `files` object as `json.dumps(..., indent=2)` writes it (indented once more),
    one file at a time."""
    if not report.files:
        stream.write("{}")
        return
    stream.write("{")
    for index, (path, meta) in enumerate(report.files.entries()):
        entry = json.dumps(path, ensure_ascii=False) + ": " + json.dumps(meta, **_DUMPS)
        stream.write(("," if index else "") + "\n    " + json_safe(entry).replace("\n", "\n    "))
    stream.write("\n  }")


def _write_findings(report: RunReport, stream: TextIO) -> None:
    if not report.diagnostics:
        stream.write("[]")
        return
    # one finding per line: readable, grep-able, and written by json's C encoder
    # (indented output goes through its pure-Python encoder, the slowest serial step)
    stream.write("[")
    for index, diagnostic in enumerate(report.diagnostics):
        item = json_safe(json.dumps(finding_dict(diagnostic), ensure_ascii=False, default=str))
        stream.write(("," if index else "") + "\n    " + item)
    stream.write("\n  ]")
