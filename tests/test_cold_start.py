"""The default run loads no statistical machinery: spaCy is imported only when a rule
needs a spaCy document or a model is asked for, so one short article starts fast."""

from __future__ import annotations

import json
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
sys.stderr.write(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] == "spacy")))
"""


def test_default_check_never_imports_spacy(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", _DRIVER, str(article)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    report = json.loads(proc.stdout)
    assert report["files"], proc.stderr  # the article was checked
    # the date and name layers ran
    assert {"relative-date", "name-variant"} <= {f["rule"] for f in report["findings"]}
    assert json.loads(proc.stderr.splitlines()[-1]) == []
