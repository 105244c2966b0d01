"""Measure claimlint on a generated corpus, next to the peers users would otherwise pick.

    python benchmarks/bench.py                                  # every figure (long)
    python benchmarks/bench.py --peer-python /work/venv-peers/bin/python
    python benchmarks/bench.py --articles 500 --peer-articles 100 --memory-articles 300,3000
    python benchmarks/bench.py --peers proselint                # leave Harper out (minutes)

Every tool runs as a separate process on the same files in the same run, so the ratios
hold on any machine even though the absolute figures do not. Each command is started
by a small launcher process that forks and execs it and reads its resource use with
`wait4`: the peak resident set is then that of the command (the largest of its
processes), not the benchmark's own memory inherited at fork. CPU seconds (user +
system, of the command and its workers) come from the same `wait4`; on a loaded
machine they move much less than wall time, so every ratio is also given by CPU time.

Figures, with the targets of issue 21:

- words/s of `claimlint check` (the default run: one worker per core; and `--jobs 1`),
  whole command, start-up included; against proselint and Harper (`harper-py`) on the
  same files, when importable by `--peer-python` (default: this interpreter; install
  them with `pip install -e '.[bench]'`). For the peers only the lint loop is timed, not
  the import or Harper's dictionary build, which flatters them. Targets: the default
  run at least 10x proselint, `--jobs 1` at least 5x. Right before each peer, a `--jobs 1`
  run on the same files gives the ratio of two runs made minutes apart at most (a
  shared machine's speed drifts, and not alike for every tool);
- claimlint's one-core speed as a share of spaCy's blank English tokenizer on the same
  text (the tokenizer loop alone, reading included; spaCy from the `bench` or `model`
  extra): target at least 10 %;
- the peak resident memory of one process of the default run on two corpora (3,000 and
  30,000 articles unless told): the larger within 1.2x of the smaller;
- the cold start: `claimlint check` on one short article, best of `--repeat`, next to
  `python -c pass`: target at most 0.25 s;
- `--jobs N` speed-up over `--jobs 1` with whether the findings are identical, and the
  speed-up a pure-CPU task gets from N processes on this machine right now (a shared or
  throttled machine caps every parallel figure).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus

TARGETS: dict[str, tuple[str, float]] = {
    "proselint_ratio": (">=", 10.0),
    "proselint_ratio_jobs1": (">=", 5.0),
    "harper_ratio": (">=", 2.0),
    "tokenizer_share": (">=", 0.10),
    "memory_growth": ("<=", 1.2),
    "cold_start_s": ("<=", 0.25),
    "jobs_speedup": (">=", 1.7),
}

# Forks and execs the command in argv[2:], then writes its wall seconds, CPU seconds,
# peak RSS (KiB) and exit code to argv[1]. Run with -I -S: a small process to fork from.
LAUNCHER = """
import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(sys.argv[2], sys.argv[2:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
code = os.waitstatus_to_exitcode(status)
with open(sys.argv[1], "w") as out:
    out.write(f"{wall} {usage.ru_utime + usage.ru_stime} {usage.ru_maxrss} {code}")
sys.exit(code if code >= 0 else 1)
"""

# The peers' drivers print what they did: words, findings, and the seconds (wall and
# CPU) of the lint loop alone.
HARPER_DRIVER = """
import json, sys, time
import harper
linter = harper.Linter()
files = json.load(sys.stdin)
start, cpu = time.perf_counter(), time.process_time()
words = findings = 0
for path in files:
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    words += len(text.split())
    language = "markdown" if path.endswith(".md") else "plaintext"
    findings += len(linter.lint(text, language=language))
print(json.dumps({"lint_s": time.perf_counter() - start, "cpu_s": time.process_time() - cpu,
                  "words": words, "findings": findings}))
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
start, cpu = time.perf_counter(), time.process_time()
words = findings = 0
for path in files:
    lint_file = LintFile(Path(path))
    findings += len(lint_file.lint(DEFAULT))
    words += len(lint_file.content.split())
print(json.dumps({"lint_s": time.perf_counter() - start, "cpu_s": time.process_time() - cpu,
                  "words": words, "findings": findings}))
"""

TOKENIZER_DRIVER = """
import json, sys, time
import spacy
nlp = spacy.blank("en")
files = json.load(sys.stdin)
nlp.tokenizer("Warm up: the first call loads the tokenizer's tables, said Mr. Smith.")
start, cpu = time.perf_counter(), time.process_time()
words = tokens = 0
for path in files:
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    words += len(text.split())
    tokens += len(nlp.tokenizer(text))
print(json.dumps({"lint_s": time.perf_counter() - start, "cpu_s": time.process_time() - cpu,
                  "words": words, "findings": tokens}))
"""

PEERS = {"harper": ("harper", HARPER_DRIVER), "proselint": ("proselint.tools", PROSELINT_DRIVER)}

CPU_BURN = "s = 0\nfor i in range(6_000_000): s += i * i"


@dataclass
class Run:
    """One process (and its workers): wall and CPU seconds, peak resident memory (MiB)
    of its largest process."""

    seconds: float
    cpu_seconds: float
    peak_mib: float
    returncode: int
    stdout: str = field(default="", repr=False)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["NO_COLOR"] = "1"
    return env


def measure(cmd: list[str], *, stdin: str | None = None, stdout_path: Path | None = None) -> Run:
    """Run `cmd` from the launcher: its wall and CPU time and its own peak RSS."""
    with tempfile.NamedTemporaryFile("r", suffix=".usage") as usage:
        with open(stdout_path or os.devnull, "wb") as out:
            proc = subprocess.run(
                [sys.executable, "-I", "-S", "-c", LAUNCHER, usage.name, *cmd],
                input=stdin.encode() if stdin is not None else None,
                stdout=out if stdout_path else subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=_env(),
                check=False,
            )
        wall, cpu, rss_kib, code = usage.read().split()
    if int(code) not in (0, 1):
        raise SystemExit(f"bench: {' '.join(cmd[:4])} ... failed:\n{proc.stderr.decode()[-2000:]}")
    return Run(
        float(wall), float(cpu), int(rss_kib) / 1024, int(code), (proc.stdout or b"").decode()
    )


def best_of(n: int, cmd: list[str]) -> Run:
    return min((measure(cmd) for _ in range(n)), key=lambda r: r.seconds)


def claimlint(python: str, *args: str) -> list[str]:
    return [python, "-m", "claimlint", "check", "--format", "json", *args]


def corpus_files(root: Path) -> list[str]:
    return sorted(str(p) for p in root.rglob("*") if p.suffix in (".txt", ".md"))


def importable(python: str, module: str) -> bool:
    probe = subprocess.run(
        [python, "-c", f"import {module}"], capture_output=True, check=False, env=_env()
    )
    return probe.returncode == 0


def cpu_parallelism(python: str, jobs: int) -> float:
    """How much faster `jobs` processes finish `jobs` units of pure CPU work than one does,
    each timed best of three. The unit runs inside a function both times (at module
    level its loop used global names and ran slower: the figure read 4.9 on 2 cores)."""
    burn = f"def burn(_):\n    {CPU_BURN.replace(chr(10), chr(10) + '    ')}\n"
    one = min(measure([python, "-c", burn + "burn(0)\n"]).seconds for _ in range(3))
    script = (
        "import multiprocessing as mp\n" + burn + "if __name__ == '__main__':\n"
        f"    with mp.get_context('fork').Pool({jobs}) as pool: pool.map(burn, range({jobs}))\n"
    )
    many = min(measure([python, "-c", script]).seconds for _ in range(3))
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
    stats = corpus.write_corpus(big_dir, args.articles, args.seed)
    results.corpus = {"path": str(big_dir), **asdict(stats), "seed": args.seed}
    cores = os.cpu_count() or 1
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    results.machine = {"cores": cores, "python": sys.version.split()[0], "load": load}
    _say(f"corpus: {stats.files:,} articles, {stats.words:,} words in {big_dir}")

    def row(tool: str, run: Run, words: int, files: int, note: str = "") -> dict[str, Any]:
        entry = {
            "tool": tool,
            "seconds": run.seconds,
            "cpu_seconds": run.cpu_seconds,
            "words_per_s": words / run.seconds,
            "words_per_cpu_s": words / run.cpu_seconds if run.cpu_seconds else float("nan"),
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
    note = f"JSON out; whole command, start-up included; best of {args.throughput_repeat}"
    default = row(
        "claimlint (default)",
        min(default_runs, key=lambda r: r.seconds),
        stats.words,
        stats.files,
        note,
    )
    serial_run = min(serial_runs, key=lambda r: r.seconds)
    parallel_run = min(parallel_runs, key=lambda r: r.seconds)
    serial = row("claimlint --jobs 1", serial_run, stats.words, stats.files, note)
    row(f"claimlint --jobs {jobs}", parallel_run, stats.words, stats.files, note)
    _say("claimlint: text output")
    text_cmd = [python, "-m", "claimlint", "check", "--no-frames", str(big_dir)]
    row("claimlint (text out)", measure(text_cmd), stats.words, stats.files, "default run")
    same = (
        _findings(work / "j1.json")
        == _findings(work / f"j{jobs}.json")
        == _findings(work / "default.json")
    )
    f = results.figures
    f["findings"] = len(_findings(work / "j1.json"))
    f["jobs"] = jobs
    f["jobs_speedup"] = serial_run.seconds / parallel_run.seconds
    f["jobs_identical_findings"] = same
    _say("machine: pure-CPU speed-up available")
    f["cpu_parallelism"] = cpu_parallelism(python, jobs)

    # -- peers and the tokenizer ---------------------------------------------------------
    files = corpus_files(big_dir)
    if args.peer_articles:
        files = files[: args.peer_articles]
    drivers = [
        (name, module, driver, peer_python)
        for name, (module, driver) in PEERS.items()
        if name in args.peers
    ]
    spacy_python = next((p for p in (python, peer_python) if importable(p, "spacy")), None)
    drivers.append(("spacy tokenizer", "spacy", TOKENIZER_DRIVER, spacy_python or python))
    for name, module, driver, interpreter in drivers:
        key = "tokenizer" if name == "spacy tokenizer" else name
        if args.no_peers or not importable(interpreter, module):
            _say(f"{name}: {module} not importable by {interpreter}, skipped")
            continue
        # the tokenizer is fast enough for the whole corpus
        some = corpus_files(big_dir) if key == "tokenizer" else files
        paired = None
        if key != "tokenizer":
            # The machine's speed drifts between the runs above and this one, and not
            # alike for every tool: a --jobs 1 run on the same files right before the
            # peer's gives a ratio of two runs made under the same conditions.
            _say(f"claimlint: --jobs 1 on the {len(some):,} articles {name} reads")
            paired = measure(claimlint(python, "--jobs", "1", *some))
        _say(f"{name}: {len(some):,} articles")
        run = measure([interpreter, "-c", driver], stdin=json.dumps(some))
        report = json.loads(run.stdout)
        loop = Run(report["lint_s"], report["cpu_s"], run.peak_mib, 0)
        if paired is not None:
            f[f"{key}_ratio_jobs1_paired"] = loop.seconds / paired.seconds
        entry = row(name, loop, report["words"], len(some), "loop only, start-up excluded")
        f[f"{key}_words_per_s"] = entry["words_per_s"]
        if key == "tokenizer":
            f["tokenizer_share"] = serial["words_per_s"] / entry["words_per_s"]
            f["tokenizer_share_cpu"] = serial["words_per_cpu_s"] / entry["words_per_cpu_s"]
        else:
            f[f"{key}_ratio"] = default["words_per_s"] / entry["words_per_s"]
            f[f"{key}_ratio_jobs1"] = serial["words_per_s"] / entry["words_per_s"]
            f[f"{key}_ratio_jobs1_cpu"] = serial["words_per_cpu_s"] / entry["words_per_cpu_s"]

    # -- cold start --------------------------------------------------------------------
    _say(f"cold start: best of {args.repeat}")
    short = min(files[:50], key=lambda p: Path(p).stat().st_size)
    # as an installed package starts: its bytecode written (an editable install under
    # PYTHONDONTWRITEBYTECODE would compile every changed module at each start)
    compile_package(python)
    bare = best_of(args.repeat, [python, "-c", "pass"])
    cold = best_of(args.repeat, claimlint(python, short))
    f["cold_start_s"] = cold.seconds
    f["cold_start_cpu_s"] = cold.cpu_seconds
    f["cold_start_peak_mib"] = cold.peak_mib
    f["python_pass_s"] = bare.seconds
    f["cold_start_words"] = len(Path(short).read_text(encoding="utf-8").split())
    f["cold_start_kind"] = "Markdown" if short.endswith(".md") else "plain-text"
    # the other kind too: a Markdown article with front matter also loads PyYAML and
    # markdown-it, a plain-text one neither
    other = [p for p in files[:200] if p.endswith(".txt") != short.endswith(".txt")]
    if other:
        second = min(other, key=lambda p: Path(p).stat().st_size)
        f["cold_start_other_s"] = best_of(args.repeat, claimlint(python, second)).seconds
        f["cold_start_other_kind"] = "Markdown" if second.endswith(".md") else "plain-text"

    # -- memory at two corpus sizes ----------------------------------------------------
    sizes = args.memory_articles
    if sizes:
        peaks = []
        for count in sizes:
            folder = work / f"corpus-s{args.seed}-n{count}"
            corpus.write_corpus(folder, count, args.seed)
            _say(f"memory: default run on {count:,} articles")
            peaks.append(measure(claimlint(python, str(folder))).peak_mib)
        f["memory_articles"] = sizes
        f["memory_mib"] = peaks
        f["memory_growth"] = peaks[-1] / peaks[0]
    return results


def _findings(path: Path) -> list[Any]:
    findings: list[Any] = json.loads(path.read_text())["findings"]
    return findings


def _say(message: str) -> None:
    print(f"  … {message}", file=sys.stderr, flush=True)


def render(results: Results) -> str:
    f = results.figures
    c = results.corpus
    m = results.machine
    lines = [
        f"corpus: {c['files']:,} articles, {c['words']:,} words (seed {c['seed']}); "
        f"{m['cores']} cores, load {m['load']:.1f}; Python {m['python']}",
        "",
        f"{'tool':<22}{'seconds':>9}{'CPU s':>9}{'words/s':>12}{'words/CPU s':>13}"
        f"{'files/s':>10}{'peak MiB':>10}  note",
    ]
    for r in results.rows:
        lines.append(
            f"{r['tool']:<22}{r['seconds']:>9.2f}{r['cpu_seconds']:>9.2f}{r['words_per_s']:>12,.0f}"
            f"{r['words_per_cpu_s']:>13,.0f}{r['files_per_s']:>10,.1f}{r['peak_mib']:>10.1f}"
            f"  {r['note']}"
        )
    lines += ["", f"{'figure':<52}{'value':>10}{'target':>10}  verdict"]

    def check(label: str, key: str, fmt: str) -> None:
        value = f.get(key)
        sign, target = TARGETS[key]
        if value is None:
            lines.append(f"{label:<52}{'n/a':>10}{'':>10}  not measured")
            return
        ok = value >= target if sign == ">=" else value <= target
        shown = format(target, fmt if fmt.endswith("%") else "g")
        lines.append(
            f"{label:<52}{format(value, fmt):>10}{sign + shown:>10}  {'PASS' if ok else 'FAIL'}"
        )

    check("words/s vs proselint (default run)", "proselint_ratio", ".1f")
    check("words/s vs proselint (--jobs 1)", "proselint_ratio_jobs1", ".1f")
    check("words/s vs Harper (default run)", "harper_ratio", ".1f")
    check("--jobs 1 words/s as a share of spaCy's tokenizer", "tokenizer_share", ".1%")
    if "memory_mib" in f:
        sizes = " -> ".join(
            f"{n:,}: {mib:.0f} MiB"
            for n, mib in zip(f["memory_articles"], f["memory_mib"], strict=True)
        )
        check(f"peak RSS of one process ({sizes})", "memory_growth", ".2f")
    check(
        f"cold start, one {f['cold_start_words']}-word {f['cold_start_kind']} article (s)",
        "cold_start_s",
        ".3f",
    )
    check(f"--jobs {f['jobs']} speed-up over --jobs 1", "jobs_speedup", ".2f")
    lines += [""]
    by_cpu = [
        (f"words per CPU second vs proselint (--jobs 1): {f['proselint_ratio_jobs1_cpu']:.1f}")
        if "proselint_ratio_jobs1_cpu" in f
        else None,
        (f"words per CPU second vs Harper (--jobs 1): {f['harper_ratio_jobs1_cpu']:.1f}")
        if "harper_ratio_jobs1_cpu" in f
        else None,
        (f"words per CPU second as a share of the tokenizer's: {f['tokenizer_share_cpu']:.1%}")
        if "tokenizer_share_cpu" in f
        else None,
    ]
    lines += [line for line in by_cpu if line]
    lines += [
        f"words/s vs {peer} (--jobs 1), run right before {peer} on the same files: "
        f"{f[f'{peer}_ratio_jobs1_paired']:.1f}"
        for peer in PEERS
        if f"{peer}_ratio_jobs1_paired" in f
    ]
    lines += [
        f"cold start: {f['cold_start_s']:.3f} s wall, {f['cold_start_cpu_s']:.3f} CPU s, "
        f"{f['cold_start_peak_mib']:.0f} MiB; `python -c pass`: {f['python_pass_s']:.3f} s"
        + (
            f"; the shortest {f['cold_start_other_kind']} article: {f['cold_start_other_s']:.3f} s"
            if "cold_start_other_s" in f
            else ""
        ),
        f"findings: {f['findings']:,}; --jobs {f['jobs']} and default give identical findings "
        f"to --jobs 1: {'yes' if f['jobs_identical_findings'] else 'NO'}",
        f"pure-CPU speed-up from {f['jobs']} processes on this machine now: "
        f"{f['cpu_parallelism']:.2f} (the ceiling for the --jobs figure)",
    ]
    if f.get("harper_ratio_jobs1"):
        lines.append(f"words/s vs Harper with --jobs 1: {f['harper_ratio_jobs1']:.1f}")
    return "\n".join(lines)


def _peer_names(value: str) -> list[str]:
    names = [name for name in value.split(",") if name]
    unknown = sorted(set(names) - set(PEERS))
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown peer {unknown[0]!r}; known: {', '.join(PEERS)}")
    return names


def _sizes(value: str) -> list[int]:
    sizes = [int(part) for part in value.split(",") if part.strip()]
    if len(sizes) not in (0, 2) or any(n < 1 for n in sizes):
        raise argparse.ArgumentTypeError("two corpus sizes, smaller first: 3000,30000")
    return sizes


def compile_package(python: str) -> None:
    """Write the bytecode of the claimlint package `python` imports."""
    where = subprocess.run(
        [python, "-c", "import claimlint, os; print(os.path.dirname(claimlint.__file__))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    subprocess.run([python, "-m", "compileall", "-q", where], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Benchmark claimlint against proselint, Harper and spaCy's tokenizer."
    )
    parser.add_argument("--articles", type=int, default=2000, help="corpus size [2000]")
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    parser.add_argument(
        "--memory-articles",
        type=_sizes,
        default=[3000, 30000],
        help="peak memory at these two corpus sizes [3000,30000]; '' to skip",
    )
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="workers for the speed-up figure"
    )
    parser.add_argument("--python", default=sys.executable, help="interpreter with claimlint")
    parser.add_argument(
        "--peer-python", help="interpreter with harper-py / proselint [this interpreter]"
    )
    parser.add_argument("--peer-articles", type=int, help="run the peers on the first N only")
    parser.add_argument("--no-peers", action="store_true", help="skip the peers and spaCy")
    parser.add_argument(
        "--peers",
        type=_peer_names,
        default=sorted(PEERS),
        help="which peers to run, comma-separated [harper,proselint]; Harper alone takes "
        "minutes on the default corpus",
    )
    parser.add_argument("--repeat", type=int, default=10, help="cold start: best of N [10]")
    parser.add_argument(
        "--throughput-repeat", type=int, default=3, help="throughput runs: best of N [3]"
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
