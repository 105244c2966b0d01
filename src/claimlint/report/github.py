"""`--format github`: GitHub Actions workflow commands, one annotation per finding.

    ::error file=a.md,line=3,col=5,endLine=3,endColumn=7,title=claimlint (rule)::message

Escaping follows GitHub's runner: in the message `%`, CR and LF are percent-encoded;
in property values `:` and `,` are too.
"""

from __future__ import annotations

import os
from pathlib import Path

from claimlint.diagnostics import Diagnostic
from claimlint.findings import Level
from claimlint.report import RunReport
from claimlint.safe_text import neutralise

COMMANDS = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "notice"}


def escape_data(value: str) -> str:
    """`value` for a workflow command: the runner's escapes for `%`, CR and LF, and no
    other control character (a log viewer acts on escape sequences)."""
    return neutralise(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _workspace_path(path: str) -> str:
    """Annotations need paths relative to the repository: relativise absolute ones
    under the working directory (where a workflow runs)."""
    if os.path.isabs(path):
        relative = os.path.relpath(path)
        if not relative.startswith(".."):
            return Path(relative).as_posix()
    return path


def annotation(d: Diagnostic) -> str:
    loc = d.location
    properties = {
        "file": _workspace_path(d.path),
        "line": str(loc.line),
        "col": str(loc.column),
        "endLine": str(loc.end_line),
        "endColumn": str(loc.end_column),
        "title": f"claimlint ({d.rule})",
    }
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    message = d.message
    if d.fix is not None:
        message += f"\n{'fix' if d.fix_safe else 'suggested fix'}: replace with {d.fix!r}"
    for related in d.related:
        message += f"\n{related.message} (line {related.location.line})"
    return f"::{COMMANDS[d.level]} {props}::{escape_data(message)}"


def render(report: RunReport) -> str:
    lines = [annotation(d) for d in report.diagnostics]
    lines += [f"::error::{escape_data(error)}" for error in report.errors]
    return "\n".join(lines)
