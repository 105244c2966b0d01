"""Inline suppressions in Markdown and plain text, and the report of unused ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimlint.config import Config, ConfigSpec
from claimlint.document import Document
from claimlint.engine import lint_document
from claimlint.ruleset import build_ruleset
from tests.cli_helpers import claimlint
from tests.conftest import Lint

DOUBLED = "The first of its kind in the Biden era .. America sets the date."
#: the rules these tests suppress (the same line printed again is also a repeated
#: paragraph, a finding of its own)
PUNCTUATION = ("doubled-punctuation", "space-before-punctuation")
SPACED = "Troops left Baghdad airport ."


def rules_of(findings: list[object]) -> list[str]:
    return [f.rule for f in findings]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("path", "directive"),
    [
        ("a.md", "<!-- claimlint-disable-next-line doubled-punctuation -->"),
        ("a.txt", "<!-- claimlint-disable-next-line doubled-punctuation -->"),
        ("a.txt", "# claimlint-disable-next-line doubled-punctuation"),
        ("a.txt", "  #claimlint-disable-next-line   doubled-punctuation  "),
    ],
)
def test_next_line_silences_the_named_rule_only(lint: Lint, path: str, directive: str) -> None:
    text = f"{directive}\n{DOUBLED} {SPACED}\n\n{DOUBLED}\n"
    found = lint(text, path=path)
    assert rules_of(found) == ["space-before-punctuation", "doubled-punctuation"]
    assert found[-1].start > text.index("\n\n"), "the line after next is still checked"


def test_next_line_skips_blank_lines(lint: Lint) -> None:
    text = f"<!-- claimlint-disable-next-line doubled-punctuation -->\n\n{DOUBLED}\n"
    assert lint(text, path="a.md") == []


def test_several_names_and_categories(lint: Lint) -> None:
    text = f"<!-- claimlint-disable-next-line doubled-punctuation, space-before-punctuation -->\n{DOUBLED} {SPACED}\n"
    assert lint(text, path="a.md") == []
    text = f"# claimlint-disable-next-line punctuation\n{DOUBLED} {SPACED}\n"
    assert lint(text, path="a.txt") == []


def test_no_name_silences_every_rule(lint: Lint) -> None:
    text = f"<!-- claimlint-disable-next-line -->\n{DOUBLED} {SPACED}\n{DOUBLED}\n"
    assert len(lint(text, path="a.md")) == 1


def test_block_disable_and_enable(lint: Lint) -> None:
    text = (
        f"{DOUBLED}\n\n"
        "<!-- claimlint-disable doubled-punctuation -->\n\n"
        f"{DOUBLED}\n\n{DOUBLED} {SPACED}\n\n"
        "<!-- claimlint-enable doubled-punctuation -->\n\n"
        f"{DOUBLED}\n"
    )
    found = lint(text, *PUNCTUATION, path="a.md")
    lines = [text.count("\n", 0, f.start) + 1 for f in found]
    assert list(zip(rules_of(found), lines, strict=True)) == [
        ("doubled-punctuation", 1),
        ("space-before-punctuation", 7),
        ("doubled-punctuation", 11),
    ]


def test_block_without_enable_runs_to_the_end(lint: Lint) -> None:
    text = f"{DOUBLED}\n# claimlint-disable doubled-punctuation\n{DOUBLED}\n{DOUBLED}\n"
    assert len(lint(text, *PUNCTUATION, path="a.txt")) == 1


def test_plain_enable_closes_every_block(lint: Lint) -> None:
    text = f"# claimlint-disable doubled-punctuation\n{DOUBLED}\n# claimlint-enable\n{DOUBLED}\n"
    assert len(lint(text, *PUNCTUATION, path="a.txt")) == 1


def test_directive_lines_are_never_findings_themselves(lint: Lint) -> None:
    # " ," in the name list would be a space before punctuation if the directive were
    # read as prose; the block covers no finding, so only masking keeps this clean.
    for path, directive in (
        ("a.txt", "# claimlint-disable quotes , names"),
        ("a.txt", "<!-- claimlint-disable quotes , names -->"),
        ("a.md", "<!-- claimlint-disable quotes , names -->"),
    ):
        assert lint(f"{directive}\nThe talks resumed.\n", path=path) == [], directive


def test_suppressed_line_after_a_directive(lint: Lint) -> None:
    text = (
        "The talks resumed.\n<!-- claimlint-disable-next-line scraped-comment-form -->\nComments\n"
    )
    assert lint(text, path="a.txt") == []
    assert rules_of(
        lint(text.replace("-next-line scraped", "-next-line quotes"), path="a.txt")
    ) == ["scraped-comment-form"]


def test_hash_form_is_not_a_directive_in_markdown(lint: Lint) -> None:
    # In Markdown "# …" is a heading; only the HTML comment is a directive there.
    text = f"# claimlint-disable-next-line doubled-punctuation\n\n{DOUBLED}\n"
    assert rules_of(lint(text, path="a.md")) == ["doubled-punctuation"]


def test_directive_words_inside_a_sentence_do_nothing(lint: Lint) -> None:
    text = f"The editor wrote claimlint-disable-next-line doubled-punctuation in the note.\n{DOUBLED}\n"
    assert rules_of(lint(text, path="a.txt")) == ["doubled-punctuation"]


def _with_unused_rule(text: str, path: str = "a.md") -> list[str]:
    ruleset = build_ruleset(Config(ConfigSpec(enable=["unused-suppression"])))
    doc = Document.from_text(text, path=path)
    findings, _ = lint_document(doc, ruleset)
    return [f"{f.rule}: {f.message}" for f in findings]


def test_unused_suppressions_are_reported_when_enabled() -> None:
    text = (
        "<!-- claimlint-disable-next-line doubled-punctuation, space-before-punctuation -->\n"
        f"{DOUBLED}\n\n"
        "<!-- claimlint-disable-next-line doubled-punctuaton -->\n"
        "Clean copy here.\n"
    )
    assert _with_unused_rule(text) == [
        "unused-suppression: unused suppression: 'space-before-punctuation' silenced nothing here",
        "unused-suppression: suppression names no known rule or category: 'doubled-punctuaton'",
    ]


def test_used_suppressions_are_not_reported() -> None:
    text = f"<!-- claimlint-disable doubled-punctuation -->\n{DOUBLED}\n<!-- claimlint-enable doubled-punctuation -->\n"
    assert _with_unused_rule(text) == []


def test_unused_suppression_is_off_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.md").write_text("<!-- claimlint-disable-next-line doubled-punctuation -->\nClean.\n")
    result = claimlint(["check", "--isolated", "-f", "json", "a.md"])
    assert json.loads(result.stdout)["findings"] == []
    Path(".claimlint.yaml").write_text("enable: [unused-suppression]\n")
    result = claimlint(["check", "-f", "json", "a.md"])
    finding = json.loads(result.stdout)["findings"][0]
    assert (finding["rule"], finding["level"], finding["line"]) == ("unused-suppression", "info", 1)
