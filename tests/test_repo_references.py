"""The repo's files point only at documents the repo has (issue 16: seeds/facts.yaml
named a DESIGN.md that is not in it)."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FOLDERS = ("seeds", "src", "rules", "tests", "benchmarks")
#: a Markdown document named in a comment or docstring: "see DESIGN.md", "(README.md, ...)"
DOCUMENT = re.compile(r"\b([A-Z][A-Z_]+\.md)\b")
#: placeholders that name no document
PLACEHOLDERS = {"NAME.md"}


def test_every_document_named_in_the_repo_is_in_it() -> None:
    missing = []
    for folder in FOLDERS:
        for path in (REPO / folder).rglob("*"):
            if not path.is_file() or path.suffix not in {".py", ".yaml", ".yml", ".md", ".txt"}:
                continue
            if path == Path(__file__) or "articles" in path.parts:
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            for name in set(DOCUMENT.findall(text)) - PLACEHOLDERS:
                if not (REPO / name).is_file():
                    missing.append(f"{path.relative_to(REPO)}: {name}")
    assert not missing, missing


def test_the_seed_facts_point_at_the_readme_section_that_exists() -> None:
    header = (REPO / "seeds" / "facts.yaml").read_text(encoding="utf-8").splitlines()[1]
    assert "DESIGN.md" not in header
    section = re.search(r'README\.md "([^"]+)"', header)
    assert section is not None
    assert f"### {section.group(1)}" in (REPO / "README.md").read_text(encoding="utf-8")
