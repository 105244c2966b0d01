"""Fuzz the engine with the built-in rules: many generated inputs, checking that
nothing raises, every span lies inside the text and on the line it names, and a
second run gives the same findings. Not part of the default test run.

    python benchmarks/fuzz.py --count 100000 --seed 1 [--jobs 2] [--out fuzz-failures/]

Prints the counts tried, findings produced and failures (each failing input is
written to --out so it can be replayed).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo root, for tests.invariants

from tests.invariants import COPY_PIECES


def random_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(0, 80)):
        roll = rng.random()
        if roll < 0.7:
            parts.append(rng.choice(COPY_PIECES))
        elif roll < 0.9:
            parts.append("".join(chr(rng.randint(32, 0x2FFF)) for _ in range(rng.randint(1, 6))))
        else:
            parts.append("".join(chr(rng.randint(0, 0x10FFFF)) for _ in range(rng.randint(1, 4))))
    text = "".join(parts)
    if rng.random() < 0.01:
        text = text * rng.randint(50, 400)  # long inputs now and then
    return text


def _clean_surrogates(text: str) -> str:
    return "".join(ch for ch in text if not 0xD800 <= ord(ch) <= 0xDFFF)


def run_batch(seed: int, count: int, out: str) -> tuple[int, int, list[str]]:
    from tests.invariants import check_invariants

    from claimlint.config import DEFAULT
    from claimlint.ruleset import build_ruleset

    rules = build_ruleset(DEFAULT)
    rng = random.Random(seed)
    findings_total = 0
    failures: list[str] = []
    for i in range(count):
        text = _clean_surrogates(random_text(rng))
        path = rng.choice(["a.txt", "a.md"])
        try:
            first = check_invariants(text, path, rules)
            assert first == check_invariants(text, path, rules), "not deterministic"
            findings_total += len(first)
        except Exception as exc:  # record and go on
            name = Path(out) / f"seed{seed}-{i}{Path(path).suffix}"
            name.parent.mkdir(parents=True, exist_ok=True)
            name.write_text(text, encoding="utf-8")
            failures.append(f"{name}: {type(exc).__name__}: {exc}"[:300])
    return count, findings_total, failures


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--out", default="fuzz-failures")
    args = parser.parse_args()
    batches = max(1, args.jobs * 8)
    per = [args.count // batches + (1 if i < args.count % batches else 0) for i in range(batches)]
    started = time.perf_counter()
    tried = produced = 0
    failures: list[str] = []
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        futures = [
            pool.submit(run_batch, args.seed * 1000 + i, n, args.out) for i, n in enumerate(per)
        ]
        for future in futures:
            n, f, fails = future.result()
            tried += n
            produced += f
            failures += fails
    elapsed = time.perf_counter() - started
    for failure in failures[:50]:
        print("FAIL", failure)
    print(
        f"tried={tried} findings={produced} failures={len(failures)} seconds={elapsed:.1f} "
        f"inputs_per_second={tried / elapsed:.0f}"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
