"""The dates test articles against their expected files (the scorer's rules, in-process)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from claimlint.findings import Level
from tests.conftest import ARTICLES, Lint

EXPECTED = sorted(ARTICLES.glob("dates_*.expected.yaml"))
LEVELS = {"info": Level.INFO, "warning": Level.WARNING, "error": Level.ERROR}


def _article(expected: Path) -> Path:
    stem = expected.name.removesuffix(".expected.yaml")
    return next(p for p in ARTICLES.glob(stem + ".*") if p.suffix in (".txt", ".md"))


def _span(text: str, item: dict[str, Any]) -> tuple[int, int]:
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[: item["line"] - 1])
    index = text.index(item["text"], start)
    return index, index + len(item["text"])


@pytest.mark.parametrize("expected", EXPECTED, ids=[p.name for p in EXPECTED])
def test_article(lint: Lint, expected: Path) -> None:
    spec = yaml.safe_load(expected.read_text(encoding="utf-8"))
    article = _article(expected)
    text = article.read_text(encoding="utf-8")
    findings = lint(text, path=article.name)
    for item in spec.get("must") or []:
        start, end = _span(text, item)
        hits = [
            f
            for f in findings
            if f.category == item["category"] and f.start < end and start < f.end
        ]
        assert hits, f"missed {item['text']!r} (line {item['line']})"
        assert max(f.level for f in hits) >= LEVELS[item["level"]], item["text"]
    for item in spec.get("must_not") or []:
        start, end = _span(text, item)
        loud = [f for f in findings if f.level > Level.INFO and f.start < end and start < f.end]
        assert not loud, f"false positive on {item['text']!r}: {[f.message for f in loud]}"
