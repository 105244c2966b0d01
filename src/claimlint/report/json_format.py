"""`--format json`: one object with a `findings` list (the contract in DESIGN.md)."""

from __future__ import annotations

import json
from typing import Any

from claimlint import __version__
from claimlint.diagnostics import Diagnostic, Location
from claimlint.findings import Level
from claimlint.report import RunReport

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


def render(report: RunReport) -> str:
    counts = report.counts()
    payload = {
        "version": __version__,
        "findings": [finding_dict(d) for d in report.diagnostics],
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
    return json.dumps(payload, ensure_ascii=False, indent=2, default=str)
