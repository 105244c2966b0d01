"""Every test article with an `.expected.yaml` beside it: what a careful editor finds
must be found (at its level), and nothing at warning or above may stand anywhere else.

The format is that of the seed's expected file (see benchmarks/score_expected.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from claimlint.diagnostics import Diagnostic
from claimlint.engine import RunOptions
from claimlint.findings import Level
from claimlint.runner import run

ARTICLES = Path(__file__).resolve().parent / "articles"
#: categories whose rules exist; items of other categories are not yet checked
IMPLEMENTED = {
    "punctuation",
    "boilerplate",
    "captions",
    "debris",
    "dates",
    "names",
    "timeline",
    "roles",
    "quotes",
}


@dataclass(frozen=True)
class Case:
    article: Path
    expected: dict[str, Any]


def cases() -> list[Case]:
    found = []
    for path in sorted(ARTICLES.glob("*.expected.yaml")):
        stem = path.name.removesuffix(".expected.yaml")
        article = next(p for p in path.parent.glob(stem + ".*") if p.suffix in (".txt", ".md"))
        found.append(Case(article, yaml.safe_load(path.read_text(encoding="utf-8")) or {}))
    return found


def declared_level(d: Diagnostic) -> Level:
    declared = d.data.get("level_declared")
    return Level.parse(declared) if d.data.get("absorbed_by") and declared else d.level


def spans_of(text: str, needle: str, line: int | None) -> list[tuple[int, int]]:
    lines = text.split("\n")
    starts = [0]
    for part in lines[:-1]:
        starts.append(starts[-1] + len(part) + 1)
    lo, hi = (starts[line - 1], starts[line - 1] + len(lines[line - 1])) if line else (0, len(text))
    out, i = [], text.find(needle, lo, hi)
    while i != -1:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + 1, hi)
    assert out, f"bad expected item: {needle!r} not on line {line}"
    return out


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@pytest.mark.parametrize("case", cases(), ids=lambda c: c.article.name)
def test_article(case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(case.article.parent)
    text = case.article.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    report, _ = run([str(case.article)], RunOptions())
    assert not report.errors
    lines = text.split("\n")
    starts = [0]
    for part in lines[:-1]:
        starts.append(starts[-1] + len(part) + 1)
    found = [
        (
            d,
            (
                starts[d.location.line - 1] + d.location.column - 1,
                starts[d.location.end_line - 1] + d.location.end_column - 1,
            ),
        )
        for d in report.diagnostics
    ]
    expected = case.expected
    # the articles' config loads tests/articles/facts.yaml, so with_facts items count too
    items = [
        it
        for it in [*(expected.get("must") or []), *(expected.get("with_facts") or [])]
        if it["category"] in IMPLEMENTED
    ]
    if not expected.get("reference_date"):
        items = [it for it in items if it["category"] != "dates"]
    misses = []
    claimed: set[int] = set()
    explained: list[tuple[int, int]] = []
    for item in items:
        occurrences = spans_of(text, item["text"], item.get("line"))
        explained += occurrences
        level = Level.parse(item.get("level", "info"))
        hits = [
            i
            for i, (d, span) in enumerate(found)
            if d.category == item["category"] and any(overlaps(span, o) for o in occurrences)
        ]
        claimed.update(hits)
        # a warning made a note beside a stronger finding on the same span (dedupe) still
        # counts at the level its rule declares: the editor sees both on that span
        if not any(declared_level(found[i][0]) >= level for i in hits):
            misses.append(f"{item['category']} line {item.get('line')}: {item['text']!r}")
    assert not misses, f"missed: {misses}"
    forbidden = [
        o
        for it in expected.get("must_not") or []
        for o in spans_of(text, it["text"], it.get("line"))
    ]
    false_positives = [
        f"{d.rule} line {d.location.line}: {d.message}"
        for i, (d, span) in enumerate(found)
        if d.level >= Level.WARNING
        and i not in claimed
        and (
            any(overlaps(span, o) for o in forbidden)
            or not any(overlaps(span, o) for o in explained)
        )
    ]
    assert not false_positives, f"false positives: {false_positives}"


def test_reference_dates_are_valid() -> None:
    for case in cases():
        value = case.expected.get("reference_date")
        assert value is None or isinstance(value, date)
