"""Measure claimlint on a generated corpus, next to the peers users would otherwise pick.

    python benchmarks/bench.py                                  # 2,000 articles, all figures
    python benchmarks/bench.py --peer-python /work/venv-peers/bin/python
    python benchmarks/bench.py --articles 500 --peer-articles 100   # a quick look

Every tool is run as a separate process on the same files in the same run, so the
ratios hold on any machine even though the absolute figures do not. Figures:

- words/s and files/s of `claimlint check` (default options: one worker per core,
  and `--jobs 1`), wall time of the whole command including start-up;
- the same for Harper (`harper-py`) and proselint, when importable by `--peer-python`
  (default: this interpreter); for them only the lint loop is timed, not the import
  or Harper's dictionary build, which flatters them;
- peak memory (largest resident set of any one process of the run);
- cold start: `claimlint check` on one short article against `python -c "import spacy"`;
- `--jobs N` speed-up over `--jobs 1`, and whether the findings are identical; next to
  it, the speed-up a pure-CPU task gets from N processes on this machine right now
  (a shared or throttled machine caps every parallel figure);
- peak memory growth of `--jobs 1` when the corpus grows tenfold.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus

TARGETS = {
    "harper_ratio": 2.0,
    "proselint_ratio": 10.0,
    "cold_start_ratio": 1.5,
    "jobs_speedup": 1.7,
    "memory_growth": 1.2,
}

HARPER_DRIVER = """
import json, sys, time
import harper
linter = harper.Linter()
files = json.load(sys.stdin)
start = time.perf_counter()
words = findings = 0
for path in files:
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    words += len(text.split())
    language = "markdown" if path.endswith(".md") else "plaintext"
    findings += len(linter.lint(text, language=language))
print(json.dumps({"lint_s": time.perf_counter() - start, "words": words, "findings": findings}))
"""

PROSELINT_DRIVER = """
import json, sys, time
from pathlib import Path
from proselint.checks import __register__
from proselint.config import DEFAULT
from proselint.registry import CheckRegistry
from proselint.tools import LintFile
CheckRegistry().register_many(__register__)
files = json.load(sys.stdin)
start = time.perf_counter()
words = findings = 0
for path in files:
    lint_file = LintFile(Path(path))
    findings += len(lint_file.lint(DEFAULT))
    words += len(lint_file.content.split())
print(json.dumps({"lint_s": time.perf_counter() - start, "words": words, "findings": findings}))
"""

PEERS = {"harper": ("harper", HARPER_DRIVER), "proselint": ("proselint.tools", PROSELINT_DRIVER)}

CPU_BURN = "s = 0\nfor i in range(6_000_000): s += i * i"


@dataclass
class Run:
    """One timed process: wall seconds and peak resident memory (MiB)."""

    seconds: float
    peak_mib: float
    returncode: int
    stdout: str = field(default="", repr=False)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["NO_COLOR"] = "1"
    return env


class Popen4(subprocess.Popen[bytes]):
    """A Popen that reaps its child with wait4, keeping the child's resource usage."""

    usage: Any = None

    def _try_wait(self, wait_flags: int) -> tuple[int, int]:
        pid, status, usage = os.wait4(self.pid, wait_flags)
        if pid:
            self.usage = usage
        return pid, status


def measure(cmd: list[str], *, stdin: str | None = None, stdout_path: Path | None = None) -> Run:
    """Run `cmd`; wall time, and the peak RSS of its largest process (from wait4)."""
    with open(stdout_path or os.devnull, "wb") as out:
        start = time.perf_counter()
        proc = Popen4(
            cmd,
            stdin=subprocess.PIPE,
            stdout=out if stdout_path else subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_env(),
        )
        data, err = proc.communicate(stdin.encode() if stdin is not None else None)
        seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"bench: {' '.join(cmd[:4])} ... failed:\n{err.decode()[-2000:]}")
    peak = proc.usage.ru_maxrss / 1024 if proc.usage is not None else float("nan")
    return Run(seconds, peak, proc.returncode, (data or b"").decode())


def best_of(n: int, cmd: list[str]) -> Run:
    return min((measure(cmd) for _ in range(n)), key=lambda r: r.seconds)


def claimlint(python: str, *args: str) -> list[str]:
    return [python, "-m", "claimlint", "check", "--format", "json", *args]


def corpus_files(root: Path) -> list[str]:
    return sorted(str(p) for p in root.rglob("*") if p.suffix in (".txt", ".md"))


def peer_available(python: str, module: str) -> bool:
    probe = subprocess.run(
        [python, "-c", f"import {module}"], capture_output=True, check=False, env=_env()
    )
    return probe.returncode == 0


def cpu_parallelism(python: str, jobs: int) -> float:
    """How much faster `jobs` processes finish `jobs` units of pure CPU work than one does."""
    one = measure([python, "-c", CPU_BURN]).seconds
    script = (
        "import multiprocessing as mp\n"
        f"def burn(_):\n    {CPU_BURN.replace(chr(10), chr(10) + '    ')}\n"
        "if __name__ == '__main__':\n"
        f"    with mp.get_context('fork').Pool({jobs}) as pool: pool.map(burn, range({jobs}))\n"
    )
    many = measure([python, "-c", script]).seconds
    return jobs * one / many


@dataclass
class Results:
    machine: dict[str, Any] = field(default_factory=dict)
    corpus: dict[str, Any] = field(default_factory=dict)
    rows: list[dict[str, Any]] = field(default_factory=list)
    figures: dict[str, Any] = field(default_factory=dict)


def bench(args: argparse.Namespace) -> Results:
    results = Results()
    python = args.python
    peer_python = args.peer_python or python
    jobs = args.jobs
    work = Path(args.workdir)
    big_dir = work / f"corpus-s{args.seed}-n{args.articles}"
    small_count = max(1, args.articles // args.growth)
    small_dir = work / f"corpus-s{args.seed}-n{small_count}"
    stats = corpus.write_corpus(big_dir, args.articles, args.seed)
    corpus.write_corpus(small_dir, small_count, args.seed)
    results.corpus = {"path": str(big_dir), **asdict(stats), "seed": args.seed}
    cores = os.cpu_count() or 1
    results.machine = {"cores": cores, "python": sys.version.split()[0]}
    _say(f"corpus: {stats.files:,} articles, {stats.words:,} words in {big_dir}")

    def row(tool: str, run: Run, words: int, files: int, note: str = "") -> dict[str, Any]:
        entry = {
            "tool": tool,
            "seconds": run.seconds,
            "words_per_s": words / run.seconds,
            "files_per_s": files / run.seconds,
            "peak_mib": run.peak_mib,
            "note": note,
        }
        results.rows.append(entry)
        return entry

    # -- claimlint throughput, findings, speed-up ------------------------------------
    # interleaved, best of --throughput-repeat: on a shared machine other load slows
    # single runs at random, and parallel runs most
    default_runs: list[Run] = []
    serial_runs: list[Run] = []
    parallel_runs: list[Run] = []
    for _ in range(args.throughput_repeat):
        _say("claimlint: default run (one worker per core)")
        default_runs.append(
            measure(claimlint(python, str(big_dir)), stdout_path=work / "default.json")
        )
        _say("claimlint: --jobs 1")
        serial_runs.append(
            measure(claimlint(python, "--jobs", "1", str(big_dir)), stdout_path=work / "j1.json")
        )
        _say(f"claimlint: --jobs {jobs}")
        parallel_runs.append(
            measure(
                claimlint(python, "--jobs", str(jobs), str(big_dir)),
                stdout_path=work / f"j{jobs}.json",
            )
        )
    default = row(
        "claimlint (default)",
        min(default_runs, key=lambda r: r.seconds),
        stats.words,
        stats.files,
        f"JSON out; whole command, start-up included; best of {args.throughput_repeat}",
    )
    _say("claimlint: text output")
    text_cmd = [python, "-m", "claimlint", "check", "--no-frames", str(big_dir)]
    row("claimlint (text out)", measure(text_cmd), stats.words, stats.files, "rich reporter")
    serial_run = min(serial_runs, key=lambda r: r.seconds)
    parallel_run = min(parallel_runs, key=lambda r: r.seconds)
    note = f"JSON out; best of {args.throughput_repeat}"
    serial = row("claimlint --jobs 1", serial_run, stats.words, stats.files, note)
    row(f"claimlint --jobs {jobs}", parallel_run, stats.words, stats.files, note)
    same = (
        _findings(work / "j1.json")
        == _findings(work / f"j{jobs}.json")
        == _findings(work / "default.json")
    )
    results.figures["findings"] = len(_findings(work / "j1.json"))
    results.figures["jobs"] = jobs
    results.figures["jobs_speedup"] = serial_run.seconds / parallel_run.seconds
    results.figures["jobs_identical_findings"] = same
    _say("machine: pure-CPU speed-up available")
    results.figures["cpu_parallelism"] = cpu_parallelism(python, jobs)

    # -- peers -------------------------------------------------------------------------
    files = corpus_files(big_dir)
    if args.peer_articles:
        files = files[: args.peer_articles]
    for name, (module, driver) in PEERS.items():
        if args.no_peers or not peer_available(peer_python, module):
            results.figures[f"{name}_ratio"] = None
            _say(f"{name}: not installed for {peer_python}, skipped")
            continue
        _say(f"{name}: {len(files):,} articles")
        run = measure([peer_python, "-c", driver], stdin=json.dumps(files))
        report = json.loads(run.stdout)
        lint_only = Run(report["lint_s"], run.peak_mib, 0)
        entry = row(name, lint_only, report["words"], len(files), "lint loop only")
        results.figures[f"{name}_ratio"] = default["words_per_s"] / entry["words_per_s"]
        results.figures[f"{name}_ratio_jobs1"] = serial["words_per_s"] / entry["words_per_s"]

    # -- cold start --------------------------------------------------------------------
    _say("cold start")
    short = min(corpus_files(small_dir)[:50], key=lambda p: Path(p).stat().st_size)
    spacy_run = best_of(args.repeat, [python, "-c", "import spacy"])
    cold = best_of(args.repeat, [python, "-m", "claimlint", "check", short])
    results.figures["cold_start_s"] = cold.seconds
    results.figures["import_spacy_s"] = spacy_run.seconds
    results.figures["cold_start_ratio"] = cold.seconds / spacy_run.seconds
    results.figures["cold_start_peak_mib"] = cold.peak_mib

    # -- memory growth -----------------------------------------------------------------
    _say(f"memory: --jobs 1 on {small_count:,} articles")
    small = measure(claimlint(python, "--jobs", "1", str(small_dir)))
    results.figures["memory_small_mib"] = small.peak_mib
    results.figures["memory_big_mib"] = serial_run.peak_mib
    results.figures["memory_growth"] = serial_run.peak_mib / small.peak_mib
    results.figures["memory_small_articles"] = small_count
    return results


def _findings(path: Path) -> list[Any]:
    findings: list[Any] = json.loads(path.read_text())["findings"]
    return findings


def _say(message: str) -> None:
    print(f"  … {message}", file=sys.stderr, flush=True)


def render(results: Results) -> str:
    f = results.figures
    c = results.corpus
    lines = [
        f"corpus: {c['files']:,} articles, {c['words']:,} words (seed {c['seed']}); "
        f"{results.machine['cores']} cores; Python {results.machine['python']}",
        "",
        f"{'tool':<22}{'seconds':>9}{'words/s':>12}{'files/s':>10}{'peak MiB':>10}  note",
    ]
    for r in results.rows:
        lines.append(
            f"{r['tool']:<22}{r['seconds']:>9.2f}{r['words_per_s']:>12,.0f}"
            f"{r['files_per_s']:>10,.1f}{r['peak_mib']:>10.1f}  {r['note']}"
        )
    lines += ["", f"{'figure':<44}{'value':>10}{'target':>10}  verdict"]

    def check(label: str, key: str, fmt: str, better: str) -> None:
        value = f.get(key)
        target = TARGETS[key]
        if value is None:
            lines.append(f"{label:<44}{'n/a':>10}{'':>10}  not measured")
            return
        ok = value >= target if better == "high" else value <= target
        sign = ">=" if better == "high" else "<="
        lines.append(
            f"{label:<44}{format(value, fmt):>10}{sign + format(target, 'g'):>10}  "
            f"{'PASS' if ok else 'FAIL'}"
        )

    check("words/s vs Harper (default run)", "harper_ratio", ".1f", "high")
    check("words/s vs proselint (default run)", "proselint_ratio", ".1f", "high")
    check(
        f"cold start / import spacy ({f['cold_start_s']:.2f}s / {f['import_spacy_s']:.2f}s)",
        "cold_start_ratio",
        ".2f",
        "low",
    )
    check(f"--jobs {f['jobs']} speed-up over --jobs 1", "jobs_speedup", ".2f", "high")
    check(
        f"peak memory x{c['files'] // max(1, f['memory_small_articles'])} corpus "
        f"({f['memory_small_mib']:.0f} -> {f['memory_big_mib']:.0f} MiB)",
        "memory_growth",
        ".2f",
        "low",
    )
    lines += [
        "",
        f"findings: {f['findings']:,}; --jobs {f['jobs']} and default give identical findings "
        f"to --jobs 1: {'yes' if f['jobs_identical_findings'] else 'NO'}",
        f"pure-CPU speed-up from {f['jobs']} processes on this machine now: "
        f"{f['cpu_parallelism']:.2f} (the ceiling for the --jobs figure)",
    ]
    if f.get("harper_ratio_jobs1"):
        lines.append(f"words/s vs Harper with --jobs 1: {f['harper_ratio_jobs1']:.1f}")
    if f.get("proselint_ratio_jobs1"):
        lines.append(f"words/s vs proselint with --jobs 1: {f['proselint_ratio_jobs1']:.1f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Benchmark claimlint against Harper and proselint on a generated corpus."
    )
    parser.add_argument("--articles", type=int, default=2000, help="corpus size [2000]")
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    parser.add_argument(
        "--growth", type=int, default=10, help="memory: compare a corpus this many times smaller"
    )
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="workers for the speed-up figure"
    )
    parser.add_argument("--python", default=sys.executable, help="interpreter with claimlint")
    parser.add_argument(
        "--peer-python", help="interpreter with harper-py / proselint [this interpreter]"
    )
    parser.add_argument("--peer-articles", type=int, help="run the peers on the first N only")
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--repeat", type=int, default=5, help="cold start: best of N [5]")
    parser.add_argument(
        "--throughput-repeat", type=int, default=3, help="--jobs runs: best of N [3]"
    )
    parser.add_argument("--workdir", help="where corpora and outputs go [a temporary folder]")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    if args.workdir is None:
        args.workdir = str(Path(tempfile.gettempdir()) / "claimlint-bench")
    Path(args.workdir).mkdir(parents=True, exist_ok=True)
    results = bench(args)
    print(render(results))
    if args.json:
        args.json.write_text(json.dumps(asdict(results), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
