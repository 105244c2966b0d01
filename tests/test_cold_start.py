"""The default run loads no statistical machinery: spaCy is imported only when a rule
needs a spaCy document or a model is asked for, so one short article starts fast. Nor
does it load what only other paths need: PyYAML once the packs are cached (and no
config, facts or front matter asks for it), rich for JSON out, the process pool."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ARTICLE = """WASHINGTON (Reuters) - Prime Minister Mustafa al-Kadhimi met President Joe Biden
on Monday, Kadhimi's office said. The two leaders last met in July 2021, three years
ago, and will meet again next month. Al-Kazemi said the talks went well.
"""

# Runs the command line in a fresh interpreter, then reports which modules it loaded.
_DRIVER = """
import json, sys
from claimlint.cli import main
sys.argv = ["claimlint", "check", "--isolated", "-f", "json", "-j", "1", "--date", "2022-03-01", sys.argv[1]]
try:
    main()
except SystemExit:
    pass
sys.stderr.write(json.dumps(sorted({m.split(".")[0] for m in sys.modules})))
"""
_NOT_ON_THE_ONE_FILE_PATH = {
    "spacy",
    "yaml",
    "rich",
    "pydantic",
    "multiprocessing",
    "concurrent",
    "markdown_it",
    "hashlib",  # OpenSSL's library: `digest` uses CPython's own SHA-256
}


def _run(driver: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """`driver` run in a fresh interpreter on the article, written to `tmp_path`."""
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-c", driver, str(article)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_one_article_loads_only_what_it_needs(tmp_path: Path) -> None:
    for run in ("cold cache", "warm cache"):
        proc = _run(_DRIVER, tmp_path)
        report = json.loads(proc.stdout)
        assert report["files"], proc.stderr  # the article was checked
        # the date and name layers ran
        assert {"relative-date", "name-variant"} <= {f["rule"] for f in report["findings"]}
        loaded = set(json.loads(proc.stderr.splitlines()[-1]))
        assert "spacy" not in loaded
        if run == "warm cache":
            assert not loaded & _NOT_ON_THE_ONE_FILE_PATH


# The terminal report piped (pre-commit's and CI's case): the findings, without rich's
# console, which only a terminal needs.
_TEXT_DRIVER = """
import sys
from claimlint.cli import main
sys.argv = ["claimlint", "check", "--isolated", "-j", "1", "--date", "2022-03-01", sys.argv[1]]
try:
    main()
except SystemExit:
    pass
sys.stderr.write(" ".join(sorted(sys.modules)))
"""


def test_a_piped_report_does_not_load_a_terminal_console(tmp_path: Path) -> None:
    proc = _run(_TEXT_DRIVER, tmp_path)
    assert "[name-variant]" in proc.stdout and "[relative-date]" in proc.stdout
    article = tmp_path / "article.txt"
    assert re.search(rf"{re.escape(str(article))}:\d+:\d+: ", proc.stdout)  # file:line:col
    loaded = set(proc.stderr.splitlines()[-1].split())
    assert not loaded & {"rich.console", "rich.text", "rich.progress"}
