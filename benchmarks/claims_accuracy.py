#!/usr/bin/env python3
"""Recall and false findings of the claim rules (timeline and roles) on the claims test
set (tests/claims: 19 articles of our own writing, their facts file with dated roles and
expected files), by shape.

Each article is checked in-process with its folder's config (tests/claims/.claimlint.yaml,
which loads tests/claims/facts.yaml) and, as a desk with dated metadata would, with the
expected file's `reference_date` as --date (`--no-date`: only what the article itself
says). An expected `with_facts` item is found when a finding of its category overlaps
it; a timeline or roles finding at warning or above that overlaps no expected item is
false, counted under the shape of the `must_not` item it overlaps. Prints recall by
shape, the false findings by shape, the counts of real problems and of dated
non-claims, and exits 1 when recall is under --min-recall or any finding is false.
Items marked `known_miss` (a limit we know of; the test suite does not require them)
count as misses here.

Usage: python benchmarks/claims_accuracy.py [--no-date] [--min-recall 0.85] [-v] [DIR]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from claimlint.engine import RunOptions  # noqa: E402
from claimlint.findings import Level  # noqa: E402
from claimlint.runner import run  # noqa: E402

CATEGORIES = ("timeline", "roles")


def spans(text: str, needle: str, line: int) -> list[tuple[int, int]]:
    lines = text.split("\n")
    start = sum(len(part) + 1 for part in lines[: line - 1])
    end = start + len(lines[line - 1])
    found, at = [], text.find(needle, start, end)
    while at != -1:
        found.append((at, at + len(needle)))
        at = text.find(needle, at + 1, end)
    if not found:
        raise SystemExit(f"bad expected item: {needle!r} is not on line {line}")
    return found


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(folder: Path, use_date: bool, verbose: bool) -> dict[str, Any]:
    wanted: Counter[tuple[str, str]] = Counter()
    found: Counter[tuple[str, str]] = Counter()
    false: Counter[str] = Counter()
    quiet: Counter[str] = Counter()
    for expected_path in sorted(folder.glob("*.expected.yaml")):
        stem = expected_path.name.removesuffix(".expected.yaml")
        article = next(p for p in folder.glob(stem + ".*") if p.suffix in (".txt", ".md"))
        expected = yaml.safe_load(expected_path.read_text(encoding="utf-8")) or {}
        reference: date | None = expected.get("reference_date") if use_date else None
        text = article.read_text(encoding="utf-8").replace("\r\n", "\n")
        report, _ = run([str(article)], RunOptions(date_override=reference))
        findings = [
            (d, (d.location.start, d.location.end))
            for d in report.diagnostics
            if d.category in CATEGORIES and d.level >= Level.WARNING
        ]
        claimed: set[int] = set()
        for item in expected.get("with_facts") or []:
            if item["category"] not in CATEGORIES:
                continue
            key = (item["category"], item["shape"])
            wanted[key] += 1
            places = spans(text, item["text"], item["line"])
            hits = [
                i
                for i, (d, span) in enumerate(findings)
                if d.category == item["category"] and any(overlaps(span, p) for p in places)
            ]
            claimed.update(hits)
            if hits:
                found[key] += 1
            elif verbose:
                print(f"MISS  {article.name}:{item['line']} {item['text']!r} ({item['shape']})")
        not_items = [
            (item, spans(text, item["text"], item["line"]))
            for item in expected.get("must_not") or []
        ]
        for item, _ in not_items:
            quiet["role" if item["shape"].startswith("role") else "date"] += 1
        for i, (d, span) in enumerate(findings):
            if i in claimed:
                continue
            shape = next(
                (it["shape"] for it, places in not_items if any(overlaps(span, p) for p in places)),
                "(no expected item)",
            )
            false[shape] += 1
            if verbose:
                print(f"FALSE {article.name}:{d.location.line} {d.rule} ({shape}): {d.message}")
    return {"wanted": wanted, "found": found, "false": false, "quiet": quiet}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT / "tests" / "claims"))
    parser.add_argument("--no-date", action="store_true", help="do not pass the reference date")
    parser.add_argument("--min-recall", type=float, default=0.85)
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and false ones")
    args = parser.parse_args()
    result = score(Path(args.folder), not args.no_date, args.verbose)
    wanted, found, false = result["wanted"], result["found"], result["false"]
    print(f"{'category':9} {'shape':26} {'found':>9}")
    for key in sorted(wanted):
        print(f"{key[0]:9} {key[1]:26} {found[key]:>4}/{wanted[key]:<4}")
    total, hits = sum(wanted.values()), sum(found.values())
    recall = hits / total if total else 1.0
    timeline = sum(n for (c, _), n in wanted.items() if c == "timeline")
    roles = sum(n for (c, _), n in wanted.items() if c == "roles")
    print(f"{'total':36} {hits:>4}/{total:<4} recall {recall:.3f}")
    print(
        f"real problems: {timeline} timeline contradictions, {roles} titles outside tenure; "
        f"must_not: {result['quiet']['date']} dated non-claims, {result['quiet']['role']} titles"
    )
    print(f"false findings (warning or error): {sum(false.values())}")
    for shape, n in sorted(false.items()):
        print(f"  {shape:26} {n}")
    return 0 if recall >= args.min_recall and not false else 1


if __name__ == "__main__":
    sys.exit(main())
