"""Shared helpers: lint a text with the built-in rules, as the engine would."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from claimlint.config import DEFAULT, Config, ConfigSpec
from claimlint.document import Document
from claimlint.engine import Severity, lint_document
from claimlint.findings import Finding
from claimlint.names.lexicon import NameLexicon
from claimlint.ruleset import RuleSet, build_ruleset

# Property tests judge what the code does, not how fast a shared or loaded machine
# runs it: no per-example deadline, and slow generation of nested inputs is no failure.
settings.register_profile("claimlint", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("claimlint")

REPO = Path(__file__).resolve().parents[1]
ARTICLES = Path(__file__).resolve().parent / "articles"

Lint = Callable[..., list[Finding]]


@pytest.fixture(autouse=True, scope="session")
def _pack_cache_of_the_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The rule-pack cache (claimlint.pack_cache) of a test run is a folder of its own,
    for the run and the commands it starts, never the user's ~/.cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
        yield


@pytest.fixture(scope="session")
def builtin_ruleset() -> RuleSet:
    return build_ruleset(DEFAULT)


@cache
def names_lexicon() -> NameLexicon:
    """The names check's lexicon under the built-in options."""
    check = next(c for c in build_ruleset(DEFAULT).checks if c.name == "names")
    lexicon: NameLexicon = check.lexicon  # type: ignore[attr-defined]
    return lexicon


def run_rules(
    ruleset: RuleSet,
    text: str,
    *,
    only: Sequence[str] | None = None,
    path: str = "article.txt",
    reference_date: date | None = None,
) -> list[Finding]:
    """Findings of the ruleset (or of the rules named in `only`) on `text`."""
    doc = Document.from_text(text, path=path, date_override=reference_date)
    findings, problems = lint_document(doc, ruleset.only(only) if only else ruleset)
    assert not [p for p in problems if p.severity is Severity.ERROR], problems
    return findings


def pack_ruleset(pack: Path, *, builtin: bool = False) -> RuleSet:
    """The rule set of one pack file (with or without the built-in rules)."""
    config = Config(
        ConfigSpec(rules=[str(pack)], builtin_rules=builtin), pack.parent / ".claimlint.yaml"
    )
    return build_ruleset(config)


@pytest.fixture
def lint(builtin_ruleset: RuleSet) -> Lint:
    def _lint(text: str, *only: str, **kwargs: object) -> list[Finding]:
        return run_rules(builtin_ruleset, text, only=only or None, **kwargs)  # type: ignore[arg-type]

    return _lint
