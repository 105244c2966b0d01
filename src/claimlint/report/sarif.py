"""`--format sarif`: a SARIF 2.1.0 log for code-scanning uploads (GitHub, Azure DevOps).

One run; the rules in `tool.driver.rules`; one result per finding with its region
(lines and columns in Unicode code points, as claimlint counts them) and its
secondary locations as `relatedLocations`. Safe and suggested fixes become SARIF
`fixes`, so a viewer can offer them.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from claimlint import __version__, regex_cache
from claimlint.diagnostics import Diagnostic, Location
from claimlint.findings import Level
from claimlint.report import RunReport
from claimlint.rule import Rule
from claimlint.safe_text import json_safe

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_SENTENCE_END = regex_cache.re_compile(r"[.!?](?=\s+[A-Z“\"(])")
LEVELS = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "note"}


def artifact_uri(path: str) -> str:
    """A relative URI for a path under the working directory, else an absolute file URI."""
    if path == "-":
        return "stdin"
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.relative_to(Path.cwd())
        except ValueError:
            return candidate.as_uri()
    # the file name's own bytes, percent-encoded (a name need not be UTF-8)
    return quote(os.fsencode(Path(os.path.normpath(candidate)).as_posix()))


def _region(loc: Location, snippet: str | None = None) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": loc.line,
        "startColumn": loc.column,
        "endLine": loc.end_line,
        "endColumn": loc.end_column,
        "charOffset": loc.start,
        "charLength": loc.end - loc.start,
    }
    if snippet:
        region["snippet"] = {"text": snippet}
    return region


def _physical(path: str, loc: Location, snippet: str | None = None) -> dict[str, Any]:
    return {
        "artifactLocation": {"uri": artifact_uri(path)},
        "region": _region(loc, snippet),
    }


def _rule_descriptor(rule: Rule) -> dict[str, Any]:
    short = _first_sentence(rule.description) or rule.message
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": _pascal(rule.id),
        "shortDescription": {"text": short},
        "defaultConfiguration": {"level": LEVELS[rule.level]},
        "properties": {"category": rule.category, "tags": sorted({rule.category, rule.kind_name})},
    }
    if rule.description:
        descriptor["fullDescription"] = {"text": " ".join(rule.description.split())}
    return descriptor


def _first_sentence(description: str) -> str:
    flat = " ".join(description.split())
    match = _SENTENCE_END.search(flat)
    return flat[: match.start() + 1] if match else flat


def _pascal(rule_id: str) -> str:
    return "".join(part.capitalize() for part in rule_id.replace("_", "-").split("-"))


def _result(d: Diagnostic, rule_index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": d.rule,
        "level": LEVELS[d.level],
        "message": {"text": d.message},
        "locations": [{"physicalLocation": _physical(d.path, d.location, d.source_line)}],
    }
    if d.rule in rule_index:
        result["ruleIndex"] = rule_index[d.rule]
    if d.related:
        result["relatedLocations"] = [
            {
                "id": number,
                "physicalLocation": _physical(d.path, r.location, r.source_line),
                "message": {"text": r.message},
            }
            for number, r in enumerate(d.related, start=1)
        ]
    if d.fix is not None:
        result["fixes"] = [
            {
                "description": {
                    "text": f"{'fix' if d.fix_safe else 'suggested fix'}: replace with {d.fix!r}"
                },
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": artifact_uri(d.path)},
                        "replacements": [
                            {
                                "deletedRegion": {
                                    "charOffset": d.location.start,
                                    "charLength": d.location.end - d.location.start,
                                },
                                "insertedContent": {"text": d.fix},
                            }
                        ],
                    }
                ],
            }
        ]
    result["properties"] = {"category": d.category, "fixSafe": d.fix_safe}
    return result


def build(report: RunReport) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dict."""
    rules = dict(report.rules)
    descriptors = [_rule_descriptor(rules[rule_id]) for rule_id in sorted(rules)]
    for rule_id in sorted({d.rule for d in report.diagnostics} - set(rules)):
        descriptors.append(
            {"id": rule_id, "shortDescription": {"text": rule_id}, "name": _pascal(rule_id)}
        )
    rule_index = {descriptor["id"]: i for i, descriptor in enumerate(descriptors)}
    notifications = [{"level": "error", "message": {"text": error}} for error in report.errors] + [
        {"level": "warning", "message": {"text": notice}} for notice in report.notices
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "claimlint",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": descriptors,
            }
        },
        "invocations": [
            {
                "executionSuccessful": not report.errors,
                "toolExecutionNotifications": notifications,
            }
        ],
        "columnKind": "unicodeCodePoints",
        "results": [_result(d, rule_index) for d in report.diagnostics],
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(report: RunReport) -> str:
    return json_safe(json.dumps(build(report), ensure_ascii=False, indent=2))
