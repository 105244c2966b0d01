"""The debris check: where a line stands decides what it may be; glued labels get narrow
findings and safe fixes only when prose still ends a sentence; options are strict."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimlint.config import DEFAULT, load_config
from claimlint.document import Document
from claimlint.engine import lint_document
from claimlint.findings import Finding, Level
from claimlint.ruleset import build_ruleset
from claimlint.yamlfile import YamlError
from tests.conftest import Lint

BODY = (
    "The provincial council approved six new bus routes on Sunday, a council spokesman said.\n\n"
    "The routes will start running next month and fares will stay the same, he added.\n\n"
)
#: more of the story, for tests that need prose on both sides of a line (the same
#: paragraphs twice would be a paragraph printed again)
MORE_BODY = (
    "Drivers will be trained over the coming weeks, and the depot will open an hour early.\n\n"
    "Passengers welcomed the plan at a public meeting on Monday evening, the spokesman said.\n\n"
)


def debris(findings: list[Finding]) -> list[tuple[str, str]]:
    return [
        (f.rule, f.message)
        for f in findings
        if f.category in ("boilerplate", "captions", "debris") and f.level >= Level.WARNING
    ]


def spans(text: str, findings: list[Finding]) -> list[tuple[str, str]]:
    return [
        (f.rule, text[f.start : f.end])
        for f in findings
        if f.category in ("boilerplate", "captions", "debris") and f.level >= Level.WARNING
    ]


# -- glued labels ---------------------------------------------------------------


def test_a_label_glued_after_a_sentence_is_reported_alone_with_a_safe_fix(lint: Lint) -> None:
    text = BODY + "Output rose by 30,000 barrels a day, the company said. Source link\n"
    (finding,) = lint(text, "glued-label")
    assert text[finding.start : finding.end] == " Source link"
    assert finding.fix is not None and finding.fix.replacement == "" and finding.fix.safe
    fixed = text[: finding.start] + text[finding.end :]
    assert fixed.endswith("the company said.\n")


def test_a_label_after_a_truncation_gets_no_safe_fix(lint: Lint) -> None:
    text = BODY + "The ministry plans to tender three more fields before the end of the year […]\n"
    (finding,) = lint(text, "glued-label")
    assert text[finding.start : finding.end] == " […]"
    assert finding.fix is not None and not finding.fix.safe


def test_a_credit_glued_to_a_reported_sentence_is_a_glued_credit(lint: Lint) -> None:
    text = BODY + "Exports through the pipeline remained suspended, the company said. / Reuters\n"
    assert spans(text, lint(text)) == [("glued-credit", " / Reuters")]


def test_an_agency_tag_after_a_sentence_is_furniture_not_a_credit(lint: Lint) -> None:
    text = (
        BODY
        + "Workers said they had been paid their overdue salaries this month. - AP\n\n"
        + "The council will review the routes after six months, the spokesman said.\n"
    )
    assert spans(text, lint(text)) == [("glued-label", " - AP")]


@pytest.mark.parametrize("tag", [" - AP", " (Yonhap)", " (AFP)"])
def test_an_agency_tag_after_the_last_sentence_is_the_wires_sign_off(lint: Lint, tag: str) -> None:
    text = BODY + f"Workers said they had been paid their overdue salaries this month.{tag}\n"
    assert debris(lint(text)) == []


def test_the_section_after_a_headline_is_glued_but_not_safely_fixed(lint: Lint) -> None:
    text = "Sadr calls for calm in Basra | Iraq News\n\n" + BODY
    (finding,) = lint(text, "glued-label")
    assert text[finding.start : finding.end] == " | Iraq News"
    assert finding.fix is not None and not finding.fix.safe


def test_prose_that_ends_like_a_label_is_prose(lint: Lint) -> None:
    text = BODY + "The ministry said it would publish the source link later.\n"
    assert debris(lint(text)) == []


# -- where a line stands -----------------------------------------------------------


def test_a_date_line_before_the_body_is_metadata_inside_it_a_subhead(lint: Lint) -> None:
    head = "Council approves bus routes\n\n9th March, 2023\n\n" + BODY
    assert [r for r, _ in debris(lint(head))] == ["page-metadata"]
    inside = BODY + "March 3, 2021\n\n" + MORE_BODY
    assert debris(lint(inside)) == []


def test_bare_comment_form_words_count_only_after_the_body(lint: Lint) -> None:
    assert [r for r, _ in debris(lint(BODY + "Website\n"))] == ["scraped-comment-form"]
    assert debris(lint("Website\n\n" + BODY)) == []


@pytest.mark.parametrize("word", ["translate", "sources", "contact us", "spread the news"])
def test_a_hard_wrapped_line_that_reads_like_a_label_is_prose(lint: Lint, word: str) -> None:
    text = (
        BODY
        + "The council said the new timetable would be hard to explain and harder to\n"
        + f"{word}.\n\n"
        + "Passengers can ask at the depot, the spokesman said.\n"
    )
    assert debris(lint(text)) == []


@pytest.mark.parametrize(
    "line", ["READ ALSO  The story of a new life in the city .", "Also Read| Turkey bans layoffs"]
)
def test_a_link_label_with_its_headline_on_one_line(lint: Lint, line: str) -> None:
    found = debris(lint(BODY + line + "\n\n" + MORE_BODY))
    assert [r for r, _ in found] == ["scraped-link-label"]


def test_read_also_in_a_sentence_is_prose(lint: Lint) -> None:
    line = "Read also the report of the committee, which the council will publish in June."
    assert debris(lint(BODY + line + "\n\n" + MORE_BODY)) == []


def test_a_teaser_tail_is_one_finding(lint: Lint) -> None:
    text = (
        "Council approves bus routes\n\n"
        + BODY
        + "Zakho traders protest new customs fees at the crossing\n"
        "Sulaymaniyah schools to switch to summer hours from May\n"
        "Erbil airport adds weekly flights to Vienna\n"
    )
    (finding,) = lint(text, "teaser-tail")
    assert text[finding.start : finding.end].startswith("Zakho")
    assert text[finding.start : finding.end].endswith("Vienna")
    assert finding.message.startswith("3 teasers")


def test_short_last_paragraphs_and_sign_offs_are_not_teasers(lint: Lint) -> None:
    text = (
        "Council approves bus routes\n\n" + BODY + "No injuries were reported.\n\n"
        "Results on Friday:\nErbil SC 2 Zakho 1\nDuhok 1 Al-Talaba 1\n\n"
        "(Reporting by Sara Mahmoud; Editing by Jan Harvey)\n"
    )
    assert debris(lint(text)) == []


def test_the_headline_printed_again_and_glued_to_itself(lint: Lint) -> None:
    text = "Sadr calls for calm in Basra\n\nSadr calls for calm in BasraSadr calls for calm in Basra\n\n"
    assert [r for r, _ in debris(lint(text + BODY))] == ["duplicate-headline"]


# -- captions --------------------------------------------------------------------------


def test_a_present_tense_picture_line_between_paragraphs_is_a_caption(lint: Lint) -> None:
    text = BODY + "The opposition leader waves to supporters in Izmir\n\n" + MORE_BODY
    assert [r for r, _ in debris(lint(text))] == ["photo-caption"]


def test_a_headline_style_crosshead_is_not_a_caption(lint: Lint) -> None:
    for crosshead in ("Turkey prepares to build wall on border", "Crisis between America and Iraq"):
        assert debris(lint(BODY + crosshead + "\n\n" + MORE_BODY)) == [], crosshead


def test_a_dateline_with_an_agency_is_not_a_caption(lint: Lint) -> None:
    text = "Tunisian olive growers count losses\n\nSfax (Tunisia) (AFP)\n\n" + BODY
    assert debris(lint(text)) == []


def test_a_caption_and_its_credit_on_the_next_line(lint: Lint) -> None:
    text = (
        "Egypt unveils restored gate\n\n"
        "A worker cleans a statue at the Avenue of Sphinxes in Luxor on November 20, 2023\n"
        "KHALED DESOUKI AFP\n\n" + BODY
    )
    assert [r for r, _ in debris(lint(text))] == ["photo-caption", "photo-credit-line"]


# -- collateral findings ------------------------------------------------------------------


def test_punctuation_inside_a_widget_is_a_note(lint: Lint) -> None:
    findings = lint("Council approves bus routes\n\nOkunma Sayısı : 594\n\n" + BODY)
    assert [(f.rule, f.level) for f in findings if f.level >= Level.WARNING] == [
        ("scraped-widget", Level.WARNING)
    ]
    assert any(f.rule == "space-before-punctuation" and f.level is Level.INFO for f in findings)


# -- options ---------------------------------------------------------------------------------


def rules_on(config: Path, text: str) -> list[str]:
    findings, _ = lint_document(
        Document.from_text(text, path="a.txt"), build_ruleset(load_config(config))
    )
    return [f.rule for f in findings if f.level >= Level.WARNING]


def test_a_user_adds_a_phrase_group(tmp_path: Path) -> None:
    config = tmp_path / ".claimlint.yaml"
    text = BODY + "Lire la suite du dossier\n"
    config.write_text("{}\n")
    assert rules_on(config, text) == []
    config.write_text(
        "checks:\n  debris:\n    extend_furniture:\n"
        "      - {rule: scraped-link-label, where: after_body, patterns: ['lire\\s+la\\s+suite.*']}\n"
    )
    assert rules_on(config, text) == ["scraped-link-label"]


@pytest.mark.parametrize(
    ("setting", "problem"),
    [
        ("extend_furniture: [{rule: no-such-rule, patterns: [x]}]", "not 'no-such-rule'"),
        ("extend_furniture: [{rule: scraped-link-label, patterns: ['(']}]", "regular expression"),
        ("extend_furniture: [{rule: scraped-link-label, patterns: []}]", "empty list"),
        ("teaser_min_lines: 0", "at least 1"),
        ("extend_slots: {Bad: x}", "slot names"),
    ],
)
def test_bad_options_are_refused_with_their_field(
    tmp_path: Path, setting: str, problem: str
) -> None:
    config = tmp_path / ".claimlint.yaml"
    config.write_text(f"checks:\n  debris:\n    {setting}\n")
    with pytest.raises(YamlError) as caught:
        build_ruleset(load_config(config))
    assert problem in str(caught.value)


# -- robustness -------------------------------------------------------------------------------

RULES = build_ruleset(DEFAULT)
PIECES = [
    "Read more »",
    "Leave a Reply",
    "Views: 12",
    "2 hours ago",
    "The minister waves to supporters",
    "REUTERS/Jane Doe",
    "(AP Photo/Jane Doe)",
    "A man walks past cars in Ceyhan, November 8, 2023.",
    "The council approved the budget after a long session, its speaker said.",
    "Zakho traders protest new customs fees at the crossing",
    "Erbil airport adds weekly flights to Vienna",
    "",
    "said. Source link",
    " […]",
    "Home » World",
]


@pytest.mark.parametrize("path", ["a.txt", "a.md"])
def test_a_repeated_paragraph_with_a_glued_label_is_one_finding(path: str) -> None:
    # found by the property below: the copy's label and the copy overlapped
    said = "The council approved the budget after a long session, its speaker said."
    lines = [said, "Read more »", said, " […]"]
    findings, _ = lint_document(Document.from_text("\n".join(lines), path=path), RULES)
    spans = sorted(
        (f.start, f.end)
        for f in findings
        if f.category == "boilerplate" and f.level >= Level.WARNING
    )
    assert all(end <= start for (_, end), (start, _) in itertools.pairwise(spans))


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30), st.sampled_from(["a.txt", "a.md"]))
def test_one_warning_per_stretch_of_text_and_category(lines: list[str], path: str) -> None:
    text = "\n".join(lines)
    findings, problems = lint_document(Document.from_text(text, path=path), RULES)
    assert not problems
    for category in ("boilerplate", "captions"):
        ours = sorted(
            (f.start, f.end)
            for f in findings
            if f.category == category and f.level >= Level.WARNING
        )
        for (_, end), (start, _) in itertools.pairwise(ours):
            assert end <= start, (category, ours)


# -- the caption score, asked lazily ---------------------------------------------------

_CAPTION_PIECES = [
    "Protesters",
    "wave",
    "flags",
    "in",
    "the",
    "a",
    "Baghdad",
    "on March 3, 2021",
    "(L)",
    ", right,",
    "said",
    ":",
    ".",
    "to",
    "carries",
    "12/05/2020",
]


@settings(max_examples=200)
@given(st.lists(st.sampled_from(_CAPTION_PIECES), max_size=12), st.integers(-1, 5))
def test_the_lazy_caption_score_agrees_with_the_full_count(pieces: list[str], points: int) -> None:
    (check,) = [c for c in RULES.checks if c.name == "debris"]
    model = check.captions  # type: ignore[attr-defined]
    text = " ".join(pieces)
    assert model.scores(text, points) == (model.score(text) >= points)


_PROSE_WORDS = [
    "the",
    "Minister",
    "said",
    "ÉLAN",
    "écoles",
    "x",
    "—",
    "It's",
    "co-op",
    "2021",
    "ok.",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_PROSE_WORDS), max_size=40),
    st.sampled_from(["", ".", "!", "…", ".”"]),
    st.sampled_from(["", "heading", "bullet"]),
)
def test_prose_shape_counts_lower_case_words_as_the_rule_says(
    words: list[str], end: str, markup: str
) -> None:
    # a sentence's end and at least a third of the words starting in lower case (the
    # count stops once it has enough)
    from claimlint.debris.layout import _LOWER_WORD, is_sentence, prose_shape
    from claimlint.debris.units import Unit

    text = " ".join(words) + end
    unit = Unit(0, 0, len(text), text, 0, markup, 1, text)  # type: ignore[arg-type]
    expected = (
        markup != "heading"
        and is_sentence(text)
        and len(_LOWER_WORD.findall(text)) >= len(text.split()) // 3
    )
    assert prose_shape(unit) == expected
