"""The claims test set (tests/claims): timeline contradictions and titles outside tenure
in 19 articles of our own writing, with their facts file. Every expected finding must be
found (but those marked `known_miss`, which the benchmark counts against recall), and
no timeline or roles warning may stand anywhere else, in particular on the
`must_not` items (birth years, other events of the same people, reporting days, right
anniversaries, titles right at their date). Read with each article's reference date, as
`benchmarks/claims_accuracy.py` does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from claimlint.engine import RunOptions
from claimlint.findings import Level
from claimlint.runner import run

CLAIMS = Path(__file__).resolve().parent / "claims"
CATEGORIES = {"timeline", "roles"}


def articles() -> list[tuple[Path, dict[str, Any]]]:
    found = []
    for path in sorted(CLAIMS.glob("*.expected.yaml")):
        stem = path.name.removesuffix(".expected.yaml")
        article = next(p for p in CLAIMS.glob(stem + ".*") if p.suffix in (".txt", ".md"))
        found.append((article, yaml.safe_load(path.read_text(encoding="utf-8"))))
    return found


def spans(text: str, needle: str, line: int) -> list[tuple[int, int]]:
    lines = text.split("\n")
    start = sum(len(part) + 1 for part in lines[: line - 1])
    end = start + len(lines[line - 1])
    found, at = [], text.find(needle, start, end)
    while at != -1:
        found.append((at, at + len(needle)))
        at = text.find(needle, at + 1, end)
    assert found, f"bad expected item {needle!r} on line {line}"
    return found


@pytest.mark.parametrize(("article", "expected"), articles(), ids=lambda a: getattr(a, "name", ""))
def test_claims_article(article: Path, expected: dict[str, Any]) -> None:
    text = article.read_text(encoding="utf-8")
    report, _ = run([str(article)], RunOptions(date_override=expected["reference_date"]))
    assert not report.errors
    found = [
        (d, (d.location.start, d.location.end))
        for d in report.diagnostics
        if d.category in CATEGORIES and d.level >= Level.WARNING
    ]
    claimed: set[int] = set()
    misses = []
    for item in expected["with_facts"]:
        places = spans(text, item["text"], item["line"])
        hits = [
            i
            for i, (d, span) in enumerate(found)
            if d.category == item["category"]
            and d.rule == item["rule"]
            and any(span[0] < e and s < span[1] for s, e in places)
        ]
        claimed.update(hits)
        if not hits and not item.get("known_miss"):
            misses.append(f"line {item['line']}: {item['text']!r} ({item['shape']})")
    assert not misses, f"missed: {misses}"
    false = [
        f"line {d.location.line}: {d.rule}: {d.message}"
        for i, (d, _) in enumerate(found)
        if i not in claimed
    ]
    assert not false, f"false findings: {false}"


def test_the_set_is_big_enough() -> None:
    """The issue's bar: at least 30 real timeline contradictions (titles outside tenure
    come on top) and 80 dated sentences that are not claims."""
    loaded = articles()
    contradictions = sum(
        1 for _, e in loaded for item in e["with_facts"] if item["category"] == "timeline"
    )
    quiet = sum(
        1 for _, e in loaded for item in e["must_not"] if not item["shape"].startswith("role")
    )
    assert contradictions >= 30 and quiet >= 80
