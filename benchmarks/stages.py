"""Where one core's time goes: each stage of `claimlint check --jobs 1`, timed in CPU
seconds (so other load on the machine does not move the shares), without a profiler.

    python benchmarks/stages.py CORPUS_DIR              # e.g. from benchmarks/corpus.py
    python benchmarks/stages.py CORPUS_DIR --limit 500 --json stages.json

The stages follow `engine.lint_source`: reading and decoding, building the document
(masking, suppressions, paragraphs, sentences), each pattern rule (grouped as "pattern
rules"), each built-in check in the engine's order (a shared analysis is charged to the
first check that asks for it: the timeline reuses the dates' expressions), dedupe and
suppressions, placing the findings, the per-file cross-file summaries, the cross-file
reduce, and writing the JSON report. Start-up imports and building the rule packs are
timed in this (fresh) process.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

_T0 = time.process_time()

from claimlint import cli, dedupe  # noqa: E402  (timed: the start-up imports)
from claimlint.config import ConfigResolver  # noqa: E402
from claimlint.diagnostics import diagnose  # noqa: E402
from claimlint.document import Document  # noqa: E402
from claimlint.engine import RuleSets, reduce_summaries, selection_of  # noqa: E402
from claimlint.report import RunReport, json_format  # noqa: E402
from claimlint.sentences import sentences_of  # noqa: E402
from claimlint.sources import expand_paths, read_source  # noqa: E402

_IMPORTS = time.process_time() - _T0
del cli


def stages(root: str, limit: int | None) -> tuple[dict[str, float], int, int]:
    """CPU seconds by stage, the number of files and their words."""
    spent: dict[str, float] = defaultdict(float)
    spent["start-up imports"] = _IMPORTS
    clock = time.process_time

    t = clock()
    resolver = ConfigResolver(None)
    rulesets = RuleSets()
    ruleset = rulesets.for_config(resolver.for_path("."))
    spent["packs and config"] += clock() - t

    report = RunReport()
    summaries: dict[str, list[Any]] = defaultdict(list)
    files = words = 0
    enabled = {r.id for r in ruleset.rules}
    paths = expand_paths([root], selection_of(resolver.for_path(".")))
    for path in paths:
        if not isinstance(path, str):
            continue
        if limit is not None and files >= limit:
            break
        t = clock()
        config = resolver.for_path(path)
        ruleset = rulesets.for_config(config)
        source = read_source(path, max_bytes=config.spec.max_file_size)
        t1 = clock()
        spent["read and decode"] += t1 - t
        doc = Document.from_source(source)
        doc.paragraphs  # noqa: B018  (a cached property: built here, used by the checks)
        sentences_of(doc)
        t2 = clock()
        spent["document"] += t2 - t1
        files += 1
        words += len(source.text.split())
        findings = []
        for rule in ruleset.pattern_rules:
            assert rule.kind is not None
            t = clock()
            findings += list(rule.kind.check(doc, rule))
            spent["pattern rules"] += clock() - t
        late = []
        for check in ruleset.active_checks:
            if check.stage == "suppressions":
                late.append(check)
                continue
            t = clock()
            findings += list(check.check(doc, ruleset.tables[check.name]))
            spent[f"check {check.name}"] += clock() - t
        t = clock()
        findings = [f for f in findings if f.rule in enabled]
        findings = dedupe.one_per_problem(findings)
        findings = doc.suppressions.apply(findings)
        for check in late:
            findings += list(check.check(doc, ruleset.tables[check.name]))
        findings.sort(key=lambda f: f.sort_key())
        t1 = clock()
        spent["dedupe and suppressions"] += t1 - t
        report.diagnostics.extend(diagnose(doc, f) for f in findings)
        t2 = clock()
        spent["placing findings"] += t2 - t1
        meta: dict[str, Any] = {}
        for check in ruleset.checks:
            meta.update(check.metadata(doc))
            if check.cross_document and check in ruleset.active_checks:
                summary = check.summarize(doc, ruleset.tables[check.name])
                if summary is not None:
                    summaries[check.name].append(summary)
        report.files[path] = meta
        spent["metadata and summaries"] += clock() - t2
    t = clock()
    report.diagnostics.insert(reduce_summaries(summaries, ruleset))
    spent["cross-file reduce"] += clock() - t
    t = clock()
    json_format.write(report, io.StringIO())
    spent["JSON report"] += clock() - t
    return dict(spent), files, words


def render(spent: dict[str, float], files: int, words: int) -> str:
    total = sum(spent.values())
    lines = [
        f"{files:,} files, {words:,} words; {total:.2f} CPU s in all, "
        f"{words / total:,.0f} words per CPU second",
        "",
        f"{'stage':<28}{'CPU s':>9}{'share':>8}{'ms/file':>9}",
    ]
    for name, seconds in sorted(spent.items(), key=lambda item: -item[1]):
        lines.append(
            f"{name:<28}{seconds:>9.2f}{seconds / total:>8.1%}{1000 * seconds / max(1, files):>9.2f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="CPU time of each stage of a --jobs 1 run.")
    parser.add_argument("corpus", help="a folder of articles (benchmarks/corpus.py)")
    parser.add_argument("--limit", type=int, help="only the first N files")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    spent, files, words = stages(args.corpus, args.limit)
    print(render(spent, files, words))
    if args.json:
        args.json.write_text(json.dumps({"files": files, "words": words, "cpu_s": spent}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
