"""Built-in debris rules on realistic copy, beyond the examples each rule carries."""

from __future__ import annotations

from tests.conftest import Lint


def rules_of(findings: list[object]) -> list[str]:
    return [f.rule for f in findings]  # type: ignore[attr-defined]


def test_space_before_punctuation_fix_removes_only_the_space(lint: Lint) -> None:
    (finding,) = lint("outside Baghdad airport .\n", "space-before-punctuation")
    assert finding.fix is not None and finding.fix.replacement == "." and finding.fix.safe
    assert (finding.start, finding.end) == (23, 25)


def test_doubled_punctuation_variants(lint: Lint) -> None:
    text = "Prices rose,, analysts said;; others disagreed.. Then: ::"
    assert len(lint(text, "doubled-punctuation")) == 3
    assert not lint("Wait... what? He said: “Well…” and left.", "doubled-punctuation")


def test_furniture_inside_a_sentence_is_prose(lint: Lint) -> None:
    text = (
        "Readers were asked to leave a reply on the forum.\n\n"
        "The agency said it would share this on Facebook later.\n\n"
        "She told Reuters / AFP reporters nothing.\n"
    )
    assert not lint(text)


def test_furniture_with_markdown_decoration_is_found(lint: Lint) -> None:
    text = (
        "Body text.\n\n**Source link**\n\n### Similar Posts\n\n[Read more](https://example.org/x)\n"
    )
    assert rules_of(lint(text, path="a.md")) == ["scraped-link-label"] * 3


def test_caption_requires_a_short_line_ending_in_a_credit(lint: Lint) -> None:
    assert rules_of(lint("Smoke rises over the harbour – EPA\n")) == ["caption-with-credit"]
    long_sentence = (
        "The government, which has faced weeks of protests over fuel prices and a weak "
        "currency, announced a package of subsidies on Monday that economists at several "
        "banks described as too small to matter, according to Reuters"
    )
    assert not lint(long_sentence + "\n", "caption-with-credit")
    assert not lint("“We will not back down,” he told AFP.\n", "caption-with-credit")


def test_substitution_keeps_capitals_and_offers_a_safe_fix(lint: Lint) -> None:
    (finding,) = lint("Tom &amp; Jerry", "html-entity")
    assert finding.fix is not None and finding.fix.replacement == "&" and finding.fix.safe
    assert finding.message == "HTML entity '&amp;' left in the text; write '&'"


def test_rules_do_not_look_inside_code_or_front_matter(lint: Lint) -> None:
    text = "---\ntitle: Source link\n---\n\nText.\n\n```\nairport .\nSource link\n```\n\n`a .. b`\n"
    assert not lint(text, path="a.md")
