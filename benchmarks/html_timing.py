"""How long `--format html` takes next to `--format json` on a large run.

Builds the deterministic corpus (`corpus.py`, 1,000 articles by default), then:

1. the whole command, `claimlint check --isolated CORPUS --format json|html > FILE`,
   interleaved (json, html, json, html, …) so both see the same machine, best and
   median of `--repeat` runs, with the peak memory of each and the size of its output;
2. the report step alone, in this process: one run with the details the HTML report
   needs, then `json_format.write` and `html.write` of that same run to a file, best of
   `--repeat` (what the format itself costs, without the noise of the linting).

    python benchmarks/html_timing.py [--articles 1000] [--repeat 3] [--jobs N] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus


def timed(command: list[str], out: Path) -> tuple[float, int, int]:
    """Seconds, peak memory (KiB) and exit code of `command` with stdout to `out`."""
    with out.open("wb") as handle:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=handle, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss, process.returncode


def whole_command(
    claimlint: str, folder: Path, out: Path, repeat: int, jobs: int | None
) -> dict[str, Any]:
    results: dict[str, Any] = {}
    times: dict[str, list[float]] = {"json": [], "html": []}
    memory: dict[str, int] = {"json": 0, "html": 0}
    for _ in range(repeat):
        for fmt in ("json", "html"):
            command = [claimlint, "check", "--isolated", str(folder), "--format", fmt]
            if jobs is not None:
                command += ["--jobs", str(jobs)]
            seconds, peak, code = timed(command, out / f"report.{fmt}")
            if code not in (0, 1):
                raise SystemExit(f"{' '.join(command)} exited {code}")
            times[fmt].append(seconds)
            memory[fmt] = max(memory[fmt], peak)
    for fmt in ("json", "html"):
        results[fmt] = {
            "best_s": round(min(times[fmt]), 2),
            "median_s": round(statistics.median(times[fmt]), 2),
            "runs_s": [round(t, 2) for t in times[fmt]],
            "peak_rss_mib": round(memory[fmt] / 1024, 1),
            "output_bytes": (out / f"report.{fmt}").stat().st_size,
        }
    return results


def report_step(folder: Path, out: Path, repeat: int, jobs: int | None) -> dict[str, Any]:
    from claimlint.engine import RunOptions
    from claimlint.parallel import default_jobs
    from claimlint.report import html, json_format
    from claimlint.runner import article_reader, run

    options = RunOptions(isolated=True, details=True, jobs=jobs or default_jobs())
    report, _ = run([str(folder)], options)
    plain, _ = run([str(folder)], RunOptions(isolated=True, jobs=jobs or default_jobs()))
    best = {"json": float("inf"), "html": float("inf")}
    for _ in range(repeat):
        with (out / "step.json").open("w", encoding="utf-8") as handle:
            start = time.perf_counter()
            json_format.write(plain, handle)
            best["json"] = min(best["json"], time.perf_counter() - start)
        with (out / "step.html").open("w", encoding="utf-8") as handle:
            start = time.perf_counter()
            html.write(report, handle, article_reader(options, report))
            best["html"] = min(best["html"], time.perf_counter() - start)
    return {
        "findings": len(report.diagnostics),
        "json_write_s": round(best["json"], 3),
        "html_write_s": round(best["html"], 3),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=None, help="passed to claimlint --jobs")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    claimlint = os.environ.get("CLAIMLINT", str(Path(sys.executable).parent / "claimlint"))
    with tempfile.TemporaryDirectory(prefix="claimlint-html-timing-") as scratch:
        folder, out = Path(scratch) / "corpus", Path(scratch) / "out"
        out.mkdir()
        stats = corpus.write_corpus(folder, args.articles, args.seed)
        print(f"corpus: {stats.files} articles, {stats.words:,} words, {stats.bytes:,} bytes")
        figures: dict[str, Any] = {
            "articles": stats.files,
            "words": stats.words,
            "cpus": len(os.sched_getaffinity(0)),
            "command": whole_command(claimlint, folder, out, args.repeat, args.jobs),
            "report_step": report_step(folder, out, args.repeat, args.jobs),
        }
    command = figures["command"]
    print(f"{'format':8} {'best s':>8} {'median s':>9} {'peak MiB':>9} {'output':>12}")
    for fmt in ("json", "html"):
        row = command[fmt]
        print(
            f"{fmt:8} {row['best_s']:8.2f} {row['median_s']:9.2f} "
            f"{row['peak_rss_mib']:9.1f} {row['output_bytes']:12,}"
        )
    ratio = command["html"]["best_s"] / command["json"]["best_s"]
    print(f"html / json, whole command (best): {ratio:.2f}")
    step = figures["report_step"]
    print(
        f"report step alone ({step['findings']:,} findings): json {step['json_write_s']:.2f} s, "
        f"html {step['html_write_s']:.2f} s"
    )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
