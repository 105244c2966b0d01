"""The pre-commit hook, for real: a temporary editorial repo whose
.pre-commit-config.yaml points at this checkout, and `git commit` runs claimlint.

Slow on the first run (pre-commit builds a virtualenv with claimlint in it); skipped
when git or pre-commit is missing, or when this checkout is not a git repository.
The hook is taken from the checkout's HEAD commit, as pre-commit always does.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BROKEN = "Troops left Baghdad airport .\n\nThe first of its kind in the Biden era .. America.\n"
CLEAN = "Troops left Baghdad airport on Tuesday, officials said.\n"

pytestmark = pytest.mark.slow


def _environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(
        PRE_COMMIT_HOME=str(home),
        GIT_AUTHOR_NAME="Desk Editor",
        GIT_AUTHOR_EMAIL="desk@example.com",
        GIT_COMMITTER_NAME="Desk Editor",
        GIT_COMMITTER_EMAIL="desk@example.com",
        GIT_CONFIG_NOSYSTEM="1",
        NO_COLOR="1",
    )
    return env


def _head_of_checkout() -> str:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if importlib.util.find_spec("pre_commit") is None:
        pytest.skip("pre-commit is not installed (pip install -e '.[dev]')")
    found = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "HEAD"], capture_output=True, text=True
    )
    if found.returncode != 0:
        pytest.skip("this checkout is not a git repository")
    shown = subprocess.run(
        ["git", "-C", str(REPO), "cat-file", "-e", "HEAD:.pre-commit-hooks.yaml"],
        capture_output=True,
    )
    if shown.returncode != 0:
        pytest.fail(".pre-commit-hooks.yaml is not committed at HEAD")
    return found.stdout.strip()


@pytest.fixture(scope="module")
def editorial_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    rev = _head_of_checkout()
    root = tmp_path_factory.mktemp("newsroom")
    env = _environment(root / ".pre-commit-home")
    repo = root / "repo"
    repo.mkdir()
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {REPO}\n"
        f"    rev: {rev}\n"
        "    hooks:\n"
        "      - id: claimlint\n"
        "        args: [--fail-on, warning]\n",
        encoding="utf-8",
    )
    _run(["git", "init", "-q", "-b", "main"], repo, env)
    _run([sys.executable, "-m", "pre_commit", "install"], repo, env)
    _run(["git", "add", ".pre-commit-config.yaml"], repo, env)
    # The first commit builds the hook's environment (the slow part).
    _run(["git", "commit", "-q", "-m", "pre-commit config"], repo, env, timeout=900)
    return repo, env


def _run(
    args: list[str], cwd: Path, env: dict[str, str], check: bool = True, timeout: int = 300
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    if check and done.returncode != 0:
        raise AssertionError(f"{args} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done


def _commit(
    repo: Path, env: dict[str, str], files: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    for name, content in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        _run(["git", "add", name], repo, env)
    return _run(["git", "commit", "-m", f"add {', '.join(files)}"], repo, env, check=False)


def test_commit_of_an_article_with_findings_fails(
    editorial_repo: tuple[Path, dict[str, str]],
) -> None:
    repo, env = editorial_repo
    done = _commit(repo, env, {"articles/broken.md": BROKEN})
    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert "claimlint" in output and "Failed" in output
    assert "articles/broken.md:3:" in output and "doubled-punctuation" in output
    head = _run(["git", "log", "--format=%s", "-1"], repo, env).stdout.strip()
    assert head == "pre-commit config", "the commit was refused"
    _run(["git", "reset", "-q", "--hard", "HEAD"], repo, env)


def test_commit_of_a_clean_article_passes(editorial_repo: tuple[Path, dict[str, str]]) -> None:
    repo, env = editorial_repo
    done = _commit(repo, env, {"articles/clean.txt": CLEAN})
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "claimlint" in output and "Passed" in output


def test_files_that_are_not_articles_are_not_checked(
    editorial_repo: tuple[Path, dict[str, str]],
) -> None:
    repo, env = editorial_repo
    done = _commit(repo, env, {"tools/notes.yaml": f"note: '{BROKEN.strip()}'\n"})
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "(no files to check)Skipped" in output
