#!/usr/bin/env python3
"""Recall per class of debris and false positives of the debris rules on the test articles.

Every article of tests/articles with an expected file counts. An expected item of the
categories boilerplate, captions or debris is found when a finding of its category at
its level overlaps it (a warning made a note beside a stronger finding counts at the
level its rule declares, as in tests/test_articles.py). Items carry the study's class
(`class: comment`, `teaser`, `cap_credit`, …; issue 14); items without one count under
their category. Classes group into captions (cap_credit, cap_nocredit, credit) and
furniture (the rest). A false positive is a warning or error of those categories that
overlaps no expected item, or overlaps a `must_not` span; and, in a clean article (a
name with "clean"), any warning or error at all. A finding on an expected item of its
own category is never a false positive. Runs in-process with the articles'
configuration.

Usage: python benchmarks/debris_accuracy.py [-v] [ARTICLE...]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from claimlint.config import load_config  # noqa: E402
from claimlint.document import Document  # noqa: E402
from claimlint.engine import lint_document  # noqa: E402
from claimlint.findings import Finding, Level  # noqa: E402
from claimlint.ruleset import build_ruleset  # noqa: E402

ARTICLES = ROOT / "tests" / "articles"
CATEGORIES = ("boilerplate", "captions", "debris")
CAPTIONS = frozenset({"cap_credit", "cap_nocredit", "credit", "captions"})


def spans_of(text: str, needle: str, line: int | None) -> list[tuple[int, int]]:
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    lo = starts[line - 1] if line else 0
    hi = (starts[line] if line < len(starts) else len(text)) if line else len(text)
    found, at = [], text.find(needle, lo, hi)
    while at != -1:
        found.append((at, at + len(needle)))
        at = text.find(needle, at + 1, hi)
    return found


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def declared(finding: Finding) -> Level:
    level = finding.data.get("level_declared")
    return Level.parse(level) if finding.data.get("absorbed_by") and level else finding.level


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses")
    parser.add_argument("articles", nargs="*", type=Path)
    args = parser.parse_args()
    articles = args.articles or sorted(
        p
        for p in ARTICLES.iterdir()
        if p.suffix in (".txt", ".md") and p.with_name(p.stem + ".expected.yaml").exists()
    )
    ruleset = build_ruleset(load_config(ARTICLES / ".claimlint.yaml"))
    present: Counter[str] = Counter()
    found: Counter[str] = Counter()
    misses: list[str] = []
    false_positives: list[str] = []
    clean_files = clean_silent = 0
    for path in articles:
        expected: dict[str, Any] = (
            yaml.safe_load(path.with_name(path.stem + ".expected.yaml").read_text(encoding="utf-8"))
            or {}
        )
        text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        findings, _ = lint_document(Document.from_text(text, path=str(path)), ruleset)
        spans = [(f, (f.start, max(f.end, f.start + 1))) for f in findings]
        all_items = [*(expected.get("must") or []), *(expected.get("with_facts") or [])]
        explained = [o for it in all_items for o in spans_of(text, it["text"], it.get("line"))]
        forbidden = [
            o
            for it in expected.get("must_not") or []
            for o in spans_of(text, it["text"], it.get("line"))
        ]
        for item in expected.get("must") or []:
            if item["category"] not in CATEGORIES:
                continue
            kind = item.get("class") or item["category"]
            present[kind] += 1
            occurrences = spans_of(text, item["text"], item.get("line"))
            want = Level.parse(item.get("level", "info"))
            if any(
                f.category == item["category"]
                and declared(f) >= want
                and any(overlaps(span, o) for o in occurrences)
                for f, span in spans
            ):
                found[kind] += 1
            else:
                misses.append(f"{path.name}:{item.get('line')} [{kind}] {item['text'][:60]!r}")
        clean = "clean" in path.stem
        claimed = [
            (it["category"], o)
            for it in all_items
            for o in spans_of(text, it["text"], it.get("line"))
        ]
        serious = [
            (f, span)
            for f, span in spans
            if f.level >= Level.WARNING
            and not any(c == f.category and overlaps(span, o) for c, o in claimed)
        ]
        for f, span in serious:
            unexplained = not any(overlaps(span, o) for o in explained)
            wrong = (f.category in CATEGORIES or clean) and unexplained
            if wrong or any(overlaps(span, o) for o in forbidden):
                false_positives.append(f"{path.name}: {f.rule}: {text[span[0] : span[1]][:60]!r}")
        if clean:
            clean_files += 1
            clean_silent += not any(
                not any(overlaps(span, o) for o in explained) for _, span in serious
            )
    print(f"{'class':14} {'items':>5} {'found':>5} {'recall':>6}")
    for kind in sorted(present, key=lambda k: (k in CAPTIONS, -present[k], k)):
        print(f"{kind:14} {present[kind]:5} {found[kind]:5} {found[kind] / present[kind]:6.2f}")
    for name, group in (
        ("furniture", [k for k in present if k not in CAPTIONS]),
        ("captions", [k for k in present if k in CAPTIONS]),
    ):
        items = sum(present[k] for k in group)
        hits = sum(found[k] for k in group)
        print(f"{name.upper():14} {items:5} {hits:5} {hits / items if items else 1.0:6.2f}")
    print(f"clean articles with no unexpected warning: {clean_silent}/{clean_files}")
    print(f"false positives: {len(false_positives)}")
    for line in false_positives:
        print(f"  FP   {line}")
    if args.verbose:
        for line in misses:
            print(f"  MISS {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
