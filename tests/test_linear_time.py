"""Every check is near-linear in the size of a document, whatever is in it.

Each test times one input (in CPU time, which a busy machine hardly changes) at two
sizes, eight times apart: linear work takes about
eight times as long, quadratic work sixty-four. (benchmarks/doc_size.py measures 100 KB
to 5 MB.)
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

from claimlint.config import DEFAULT
from claimlint.engine import lint_source
from claimlint.ruleset import RuleSet, build_ruleset
from claimlint.sources import Source
from claimlint.temporal import expressions
from claimlint.temporal.tense import tense_at


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return build_ruleset(DEFAULT)


def _seconds(work: Callable[[], object]) -> float:
    started = time.process_time()
    work()
    return time.process_time() - started


def assert_linear(work: Callable[[int], object], size: int) -> None:
    small = min(_seconds(lambda: work(size)) for _ in range(2))
    large = _seconds(lambda: work(8 * size))
    assert large < 24 * small + 0.5, f"{size}: {small:.2f}s, {8 * size}: {large:.2f}s"


def _repeated(unit: str, size: int) -> str:
    return unit * (size // len(unit))


@pytest.mark.parametrize(
    ("unit", "path", "size"),
    [
        ("on Monday ", "a.txt", 15_000),  # a date every ten characters, no sentence end
        ("on March 3 ", "a.txt", 15_000),  # dates that look back for a year
        ('"', "a.txt", 4_000),  # one run of quote marks
        ("[a](", "a.md", 8_000),  # link targets that never close
        ("Officials said on Monday, in March last year, that ", "a.txt", 20_000),
    ],
)
def test_hostile_documents_take_linear_time(
    ruleset: RuleSet, unit: str, path: str, size: int
) -> None:
    assert_linear(lambda n: lint_source(Source(path, _repeated(unit, n)), ruleset), size)


def test_overlapping_dates_are_resolved_in_linear_time() -> None:
    assert_linear(lambda n: expressions.find(_repeated("on Monday ", n)), 20_000)


def test_clause_and_sentence_bounds_do_not_rescan_the_text() -> None:
    def work(n: int) -> None:
        text = _repeated("met in March ", n)
        for start in range(0, len(text) - 20, 130):
            tense_at(text, start + 7, start + 12)

    assert_linear(work, 50_000)


def _alike_surnames(size: int) -> str:
    out, total, i = [], 0, 0
    while total < size:
        letters = (chr(97 + i // 26**k % 26) for k in range(3))
        name = f"Alexander Qw{''.join(letters)}son said. "
        out.append(name)
        total += len(name)
        i += 1
    return "".join(out)[:size]


def test_many_alike_surnames_take_linear_time(ruleset: RuleSet) -> None:
    assert_linear(lambda n: lint_source(Source("a.txt", _alike_surnames(n)), ruleset), 4_000)


def _compared(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the spellings full names are compared with (one entry per comparison)."""
    from claimlint.names import people

    calls: list[int] = []
    original = people.Grouper.full_match

    def counted(self: Any, a: Any, b: Any, cautious: bool) -> Any:
        calls.append(1)
        return original(self, a, b, cautious)

    monkeypatch.setattr(people.Grouper, "full_match", counted)
    return calls


def test_alike_names_are_compared_within_a_budget_and_the_run_says_so(
    ruleset: RuleSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimlint.names import people

    calls = _compared(monkeypatch)
    text = _alike_surnames(60_000)
    result = lint_source(Source("a.txt", text), ruleset)
    names = text.count("Alexander")
    assert len(calls) <= people._COMPARISON_FLOOR + people._COMPARISONS_PER_NAME * names
    assert any(
        "names:" in notice and "only to the same spelling" in notice for notice in result.notices
    )


def test_real_copy_is_compared_in_full_and_says_nothing(
    ruleset: RuleSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _compared(monkeypatch)
    text = (
        "Prime Minister Mustafa al-Kadhimi met Ayatollah Ali al-Sistani in Najaf. "
        "Kadhimi later spoke with Mustafa al-Kadimi's aides and with Jane Saki.\n\n"
        "Jane Sacchi, the spokeswoman, said the talks would resume.\n"
    ) * 3
    result = lint_source(Source("a.txt", text), ruleset)
    assert calls  # the spellings were compared
    assert not any("names:" in notice for notice in result.notices)
    assert any(d.rule == "name-variant" for d in result.diagnostics)
