#!/usr/bin/env python3
"""How well `claimlint facts learn` recovers a generated archive's truth.

Builds an archive (tests/archive.py: a cast with canonical spellings, planted
minority spellings, dated titles, and events mostly given their true date), runs
`facts learn`, and prints precision and recall of: canonical spellings, misspellings
(the planted minority spellings), roles (the title, with first and last dates inside
the tenure) and event dates. Then loads the draft as facts and checks the archive
again: the share of planted minority spellings reported.

Usage: python benchmarks/learn_accuracy.py [--articles 600] [--seed 7] [--jobs N]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.archive import Archive, build  # noqa: E402


def score(found: set[str], truth: set[str]) -> tuple[float, float]:
    hit = len(found & truth)
    return (hit / len(found) if found else 1.0, hit / len(truth) if truth else 1.0)


_ROLE = re.compile(
    r'^      - title: "(?P<title>[^"]+)"  # seen (?P<first>[\d-]+) to (?P<last>[\d-]+)', re.M
)
_NAME = re.compile(r'^  - name: "(?P<name>[^"]+)"', re.M)


def dated_roles(text: str) -> set[tuple[str, str, date, date]]:
    """(person, title, first seen, last seen) from the draft's role comments."""
    found = set()
    blocks = _NAME.split(text)[1:]
    for name, block in zip(blocks[::2], blocks[1::2], strict=True):
        for m in _ROLE.finditer(block):
            found.add(
                (name, m["title"], date.fromisoformat(m["first"]), date.fromisoformat(m["last"]))
            )
    return found


def measure(
    archive: Archive, draft: dict[str, Any], text: str, planted_reported: float
) -> dict[str, tuple[float, float]]:
    people = draft.get("people") or []
    names = {p["name"] for p in people}
    truth_names = {p.name for p in archive.people}
    misspelt = {m for p in people for m in p.get("misspellings", []) if " " in m}
    truth_misspelt = {m for p in archive.people for m in p.minority}
    by_name = {p.name: p for p in archive.people}
    # a role counts when its title is right and every article that used it fell within
    # the tenure ("former" uses left out)
    roles_found = {
        (name, title)
        for name, title, first, last in dated_roles(text)
        if name in by_name
        and by_name[name].title == title
        and by_name[name].start <= first
        and last <= by_name[name].end
    }
    roles_all = {(name, title) for name, title, _, _ in dated_roles(text)}
    roles_truth = {(p.name, p.title) for p in archive.people}
    events = {(e["cues"][0], e["date"]) for e in draft.get("events") or []}
    truth_events = {(e.cue, e.when.isoformat()) for e in archive.events}
    return {
        "canonical spellings": score(names, truth_names),
        "misspellings": score(misspelt, truth_misspelt),
        "roles (title and dates within the tenure)": (
            len(roles_found) / len(roles_all) if roles_all else 1.0,
            len(roles_found & roles_truth) / len(roles_truth),
        ),
        "event dates": score(events, truth_events),
        "planted spellings reported on re-check": (planted_reported, planted_reported),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args(argv)
    claimlint = [sys.executable, "-m", "claimlint"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "archive"
        archive = build(folder, args.articles, args.seed)
        draft_path = Path(tmp) / "learned.yaml"
        subprocess.run(
            [
                *claimlint,
                "facts",
                "learn",
                str(folder),
                "--isolated",
                "-q",
                "--jobs",
                str(args.jobs),
                "-o",
                str(draft_path),
            ],
            check=True,
        )
        draft = yaml.safe_load(draft_path.read_text(encoding="utf-8"))
        (folder / ".claimlint.yaml").write_text(f"facts: [{json.dumps(str(draft_path))}]\n")
        out = subprocess.run(
            [*claimlint, "check", str(folder), "--format", "json", "--jobs", str(args.jobs)],
            capture_output=True,
            text=True,
            check=False,
        )
        findings = json.loads(out.stdout)["findings"]
        flagged = {(Path(f["path"]).name, f["line"]) for f in findings if f["category"] == "names"}
        hits = 0
        for path, spelling in archive.planted:
            lines = path.read_text(encoding="utf-8").split("\n")
            hits += any(
                (path.name, i + 1) in flagged for i, line in enumerate(lines) if spelling in line
            )
        reported = hits / len(archive.planted) if archive.planted else 1.0
        results = measure(archive, draft, draft_path.read_text(encoding="utf-8"), reported)
    print(f"facts learn on {args.articles} generated articles (seed {args.seed})")
    print(f"{'':42} precision  recall")
    for label, (precision, recall) in results.items():
        print(f"{label:42} {precision:9.2f} {recall:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
