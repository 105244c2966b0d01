"""Time against document size: one document of 100 KB up to 5 MB, checked with the
default (built-in) rules, for realistic copy and for the inputs that used to be
quadratic. Each line gives the CPU seconds per size (of this process: a busy machine
does not distort them) and the cost per megabyte; a check is near-linear when the cost
per megabyte stays flat as the document grows.

    python benchmarks/doc_size.py                       # copy, 100 KB .. 5 MB
    python benchmarks/doc_size.py --inputs all          # and the hostile inputs
    python benchmarks/doc_size.py --sizes 100,400,1600 --inputs monday,quotes

Exits 1 when a cost per megabyte at the largest size is more than `--slack` times the
one at the smallest (3 by default: noise, caches and the odd constant are not growth).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # corpus.py
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from corpus import article

from claimlint.config import DEFAULT
from claimlint.engine import lint_source
from claimlint.ruleset import build_ruleset
from claimlint.sources import Source


def copy(size: int) -> str:
    """Articles of the benchmark corpus, one after another, as one long document."""
    parts: list[str] = []
    total = 0
    for index in itertools.count():
        text = article(index).text
        if text.startswith("---"):  # front matter only at the very top
            text = text.split("---", 2)[2].lstrip()
        parts.append(text + "\n")
        total += len(text) + 1
        if total >= size:
            return "".join(parts)[:size]
    raise AssertionError


def _names(size: int) -> str:
    out, i = [], 0
    while sum(map(len, out)) < size:
        out.append(
            f"Alexander Qw{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}{chr(97 + i // 676 % 26)}son said. "
        )
        i += 1
    return "".join(out)[:size]


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


#: name -> (document builder, file name: .md for Markdown)
INPUTS: dict[str, tuple[Callable[[int], str], str]] = {
    "copy": (copy, "a.txt"),
    "monday": (_repeat("on Monday "), "a.txt"),  # a date every ten characters
    "quotes": (_repeat('"'), "a.txt"),  # one run of quote marks
    "curly": (_repeat("“a "), "a.txt"),
    "links": (_repeat("[a]("), "a.md"),  # unclosed link targets
    "names": (_names, "a.txt"),  # thousands of alike surnames
    "lines": (_repeat("Source link\n"), "a.txt"),
    "spaces": (_repeat(" "), "a.txt"),
}


def measure(text: str, path: str) -> float:
    ruleset = build_ruleset(DEFAULT)
    started = time.process_time()
    lint_source(Source(path, text), ruleset)
    return time.process_time() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,250,500,1000,2000,5000", help="KB, comma-separated")
    parser.add_argument(
        "--inputs", default="copy", help="comma-separated, or 'all': " + ", ".join(INPUTS)
    )
    parser.add_argument("--slack", type=float, default=3.0)
    args = parser.parse_args(argv)
    sizes = [int(s) * 1000 for s in args.sizes.split(",")]
    names = list(INPUTS) if args.inputs == "all" else args.inputs.split(",")
    header = "input    " + "".join(f"{s // 1000:>9} KB" for s in sizes) + "   s/MB first → last"
    print(header)
    worst = 0.0
    for name in names:
        build, path = INPUTS[name]
        seconds = [measure(build(size), path) for size in sizes]
        per_mb = [t / (s / 1e6) for t, s in zip(seconds, sizes, strict=True)]
        growth = per_mb[-1] / per_mb[0] if per_mb[0] else 1.0
        worst = max(worst, growth)
        cells = "".join(f"{t:>10.2f}s" for t in seconds)
        print(f"{name:<9}{cells}   {per_mb[0]:.2f} → {per_mb[-1]:.2f} (x{growth:.1f})", flush=True)
    linear = worst <= args.slack
    print(
        f"near-linear: {'yes' if linear else 'NO'} (worst growth of s/MB x{worst:.1f}, slack x{args.slack:g})"
    )
    return 0 if linear else 1


if __name__ == "__main__":
    sys.exit(main())
