#!/usr/bin/env python3
"""Precision and recall of the `names` rules on the test articles, as a table.

For each article with an expected file (tests/articles/names_*.txt|md and the seed),
a names finding is a true positive when it overlaps an expected `names` item, a
false positive when it is a warning or error that overlaps none; an expected item
is found when some names finding overlaps it (items sharing a `group` count once); a
`must_not` entry (a look-alike of another person, a place) is counted, and flagged
when a names warning overlaps it.
With --facts, the seed is also checked with seeds/facts.yaml and its `with_facts`
items. Runs in-process with the built-in rules; prints one row per article and a
total, then the time spent in the names rules.

Usage: python benchmarks/names_accuracy.py [--facts] [ARTICLE...]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from claimlint.config import DEFAULT, Config, load_config  # noqa: E402
from claimlint.document import Document  # noqa: E402
from claimlint.engine import lint_document  # noqa: E402
from claimlint.findings import Finding, Level  # noqa: E402
from claimlint.ruleset import RuleSet, build_ruleset  # noqa: E402

SEED = ROOT / "tests" / "articles" / "000_09f3789a519224e6.txt"


@dataclass
class Score:
    items: int = 0
    found: int = 0
    findings: int = 0
    true_positive: int = 0
    false_positive: int = 0
    #: look-alikes (must_not entries: relatives, namesakes, places named after people)
    lookalikes: int = 0
    lookalikes_flagged: int = 0
    seconds: float = 0.0

    def add(self, other: Score) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        judged = self.true_positive + self.false_positive
        return self.true_positive / judged if judged else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.items if self.items else 1.0


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


def score(path: Path, ruleset: RuleSet, with_facts: bool) -> Score:
    expected: dict[str, Any] = yaml.safe_load(
        path.with_name(path.stem + ".expected.yaml").read_text()
    )
    text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    items = [i for i in expected.get("must") or [] if i["category"] == "names"]
    if with_facts:
        items += [i for i in expected.get("with_facts") or [] if i["category"] == "names"]
    groups: dict[str, list[list[tuple[int, int]]]] = defaultdict(list)
    for index, item in enumerate(items):
        groups[item.get("group") or f"#{index}"].append(
            spans_of(text, item["text"], item.get("line"))
        )
    rules = ruleset.only([r.id for r in ruleset.rules if r.category == "names"])
    doc = Document.from_text(text, path=str(path))
    began = time.perf_counter()
    findings, _ = lint_document(doc, rules)
    elapsed = time.perf_counter() - began
    spans = [(f.start, f.end) for f in findings if _counts(f)]
    result = Score(items=len(groups), findings=len(spans), seconds=elapsed)
    expected_spans = [s for group in groups.values() for item in group for s in item]
    for group in groups.values():
        if any(overlaps(f, s) for f in spans for item in group for s in item):
            result.found += 1
    for entry in expected.get("must_not") or []:
        where = spans_of(text, entry["text"], entry.get("line"))
        result.lookalikes += 1
        # with facts, a must_not span may hold an expected item (a facts spelling)
        if any(
            overlaps(f, s) and not any(overlaps(f, e) for e in expected_spans)
            for f in spans
            for s in where
        ):
            result.lookalikes_flagged += 1
    for span in spans:
        if any(overlaps(span, s) for s in expected_spans):
            result.true_positive += 1
        else:
            result.false_positive += 1
    return result


def _counts(finding: Finding) -> bool:
    return finding.level >= Level.WARNING


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", action="store_true", help="also score the seed with its facts")
    parser.add_argument("articles", nargs="*", type=Path)
    args = parser.parse_args()
    articles = args.articles or [
        *sorted(
            p for p in (ROOT / "tests" / "articles").glob("names_*") if p.suffix in (".txt", ".md")
        ),
        SEED,
    ]
    runs: list[tuple[str, Path, Config, bool]] = [(p.name, p, DEFAULT, False) for p in articles]
    if args.facts:
        runs.append(
            (f"{SEED.name} +facts", SEED, load_config(ROOT / "seeds" / ".claimlint.yaml"), True)
        )
    rulesets: dict[str, RuleSet] = {}
    total = Score()
    print(
        f"{'article':44} {'items':>5} {'found':>5} {'flags':>5} {'TP':>3} {'FP':>3} {'prec':>6} {'recall':>6}"
    )
    for name, path, config, facts in runs:
        ruleset = rulesets.setdefault(config.key, build_ruleset(config))
        row = score(path, ruleset, facts)
        total.add(row)
        print(
            f"{name:44} {row.items:5} {row.found:5} {row.findings:5} {row.true_positive:3} "
            f"{row.false_positive:3} {row.precision:6.2f} {row.recall:6.2f}"
        )
    print(
        f"{'TOTAL':44} {total.items:5} {total.found:5} {total.findings:5} {total.true_positive:3} "
        f"{total.false_positive:3} {total.precision:6.2f} {total.recall:6.2f}"
    )
    print(
        f"look-alikes (must_not entries): {total.lookalikes}, "
        f"with a names warning: {total.lookalikes_flagged}"
    )
    print(f"names rules: {total.seconds * 1000:.1f} ms over {len(runs)} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
