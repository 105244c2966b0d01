"""The quotes rules on realistic copy: what an editor must see, and what must stay silent."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimlint.config import load_config
from claimlint.findings import Finding, Level
from claimlint.rules_loader import load_pack
from claimlint.ruleset import build_ruleset
from claimlint.yamlfile import YamlError
from tests.conftest import ARTICLES, Lint

PAIRING = ("quote-unclosed", "quote-unopened", "quote-mismatched")
ALL = (*PAIRING, "quote-broken-boundary", "quote-mixed-styles")


def spans(text: str, findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.rule, text[f.start : f.end]) for f in findings]


# -- unclosed ---------------------------------------------------------------


def test_unclosed_quote_reported_at_its_opening_with_line_and_column(lint: Lint) -> None:
    text = (
        "Headline\n\n"
        "The ministry said, “The talks will resume next month, according to a statement.\n\n"
        "Officials declined to comment."
    )
    findings = lint(text, "quote-unclosed")
    assert spans(text, findings) == [("quote-unclosed", "“The")]
    (finding,) = findings
    assert finding.level is Level.ERROR
    assert "line 3, column 20" in finding.message
    # the secondary location is the end of the paragraph the quote should have closed in
    assert text[: finding.related[0].start].endswith("a statement.")


@pytest.mark.parametrize(
    ("text", "opened"),
    [
        ('He said "we will not leave and walked out.', '"we'),
        ("“The goal,” she said, “is to ‘train Iraqi forces.”", "‘train"),
        ("Le porte-parole a déclaré «nous partirons demain, selon la radio.", "«nous"),
        ("Der Minister sagte „wir bleiben hier, und ging.", "„wir"),
        ("The agency called it ‹a setback, officials said.", "‹a"),
    ],
)
def test_unclosed_marks_of_every_style(lint: Lint, text: str, opened: str) -> None:
    assert spans(text, lint(text, "quote-unclosed")) == [("quote-unclosed", opened)]


def test_last_paragraph_of_a_running_quotation_must_close(lint: Lint) -> None:
    text = (
        "“We will stay,” the commander said. “We will train and advise.\n\n"
        "“And then we will leave when the job is done.\n\n"
        "The embassy did not respond."
    )
    findings = lint(text, "quote-unclosed")
    assert spans(text, findings) == [("quote-unclosed", "“And")]


@pytest.mark.parametrize(
    "attribution",
    [", said the minister,", ", he said,", ", the minister added,", ", Rashid said,"],
)
def test_a_quotation_attributed_in_its_open_paragraph_is_not_continued(
    lint: Lint, attribution: str
) -> None:
    # the writer left the quote open before the attribution; the next paragraph's mark
    # opens another quotation
    text = (
        f"“We will not accept these terms{attribution} and we will answer them.\n\n"
        "“Our position has not changed,” he added."
    )
    assert spans(text, lint(text, "quote-unclosed")) == [("quote-unclosed", "“We")]


@pytest.mark.parametrize(
    "text",
    [
        # an attribution inside a quotation the speaker quotes is the speaker's words
        "“My father told me, ‘Go home, he said, and rest.’ I did not.\n\n"
        "“Then the war came,” she said.",
        # a running quotation without an attribution inside it
        "“We will train and advise.\n\n“And then we will leave,” he added.",
    ],
)
def test_a_running_quotation_is_still_continued(lint: Lint, text: str) -> None:
    assert lint(text, "quote-unclosed") == []


def test_quote_open_before_an_unquoted_paragraph_is_unclosed(lint: Lint) -> None:
    text = "The minister said “the deal is done.\n\nHe left for Cairo on Monday."
    assert spans(text, lint(text, "quote-unclosed")) == [("quote-unclosed", "“the")]


# -- unopened ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        ("The minister said the talks were productive.” Officials agreed.", "”"),
        ('He called the plan a disgrace" and left the room.', '"'),
        ("Le ministre a parlé de progrès» hier soir.", "»"),
    ],
)
def test_closing_quote_without_opening(lint: Lint, text: str, mark: str) -> None:
    findings = lint(text, "quote-unopened")
    assert spans(text, findings) == [("quote-unopened", mark)]
    assert findings[0].level is Level.WARNING


def test_misspaced_straight_opening_mark_still_pairs(lint: Lint) -> None:
    text = 'He said that" the goal is training", adding that talks would go on.'
    findings = lint(text, *PAIRING)
    assert findings == []


# -- mismatched -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'The spokeswoman said the meetings were “very productive" for both sides.',
        'He called it "a turning point” in relations.',
        "The group, known as «Popular Mobilization”, objected.",
    ],
)
def test_mismatched_pairs(lint: Lint, text: str) -> None:
    findings = lint(text, *ALL)
    assert [f.rule for f in findings] == ["quote-mismatched"]
    (finding,) = findings
    assert "line 1" in finding.message
    assert text[finding.related[0].start] in '“"«'


@pytest.mark.parametrize(
    "text",
    [
        "Der Minister sagte: „Wir bleiben.“ Dann ging er.",
        "Minister powiedział: „Zostajemy.” Potem wyszedł.",
        "Le ministre a déclaré : « Nous restons. »",
        "Ministern sa: ”Vi stannar.” Sedan gick han.",
    ],
)
def test_consistent_foreign_pairs_are_not_mismatched(lint: Lint, text: str) -> None:
    assert lint(text, *PAIRING) == []


# -- broken boundary --------------------------------------------------------


def test_broken_boundary_shows_the_fragment(lint: Lint) -> None:
    text = (
        "The White House said the administration “looks forward to reviewing the strategic "
        "dialogue with the United States.” Iraq Next April, “according to local media."
    )
    findings = lint(text, "quote-broken-boundary")
    assert spans(text, findings) == [("quote-broken-boundary", "” Iraq Next April,")]
    assert "United States.” Iraq Next April," in findings[0].message
    assert findings[0].level is Level.WARNING


def test_broken_boundary_with_a_title_cased_common_word(lint: Lint) -> None:
    text = "Officials said both sides would “resume talks.” Baghdad Last Week said it agreed."
    assert spans(text, lint(text, "quote-broken-boundary")) == [
        ("quote-broken-boundary", "” Baghdad Last Week")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "“We will win,” Prime Minister Boris Johnson said on Monday.",
        "He called the vote “a disgrace.” Labour Party leader Keir Starmer said he agreed.",
        "He called it “a mistake.” In April, “the ministry said it would review the deal.”",
        "“It is over,” said Defense Secretary Lloyd Austin, “and we will act.”",
        "She appeared on ABC’s “This Week” program and on “Meet the Press.” New York Mayor Eric Adams did not.",
        "Biden’s “Strategic Dialogue” With Iraq Set For Next April",
        "## Iraq Says “Talks” With US Will Resume Next April, “Sources” Say",
    ],
)
def test_attributions_new_sentences_and_headlines_are_not_broken_boundaries(
    lint: Lint, text: str
) -> None:
    assert lint(text, "quote-broken-boundary", path="a.md") == []


# -- mixed styles -----------------------------------------------------------


def test_mixed_styles_reported_once_at_the_first_minority_quotation(lint: Lint) -> None:
    text = (
        "The “strategic dialogue” resumes in April.\n\n"
        'The "Popular Mobilization" militia objected, and the "Quds Force" was silent.\n\n'
        "The “coalition” said it would leave, the “ministry” said."
    )
    findings = lint(text, "quote-mixed-styles")
    assert len(findings) == 1
    (finding,) = findings
    assert text.index('"Popular') == finding.start
    assert "3 curly, 2 straight" in finding.message
    assert finding.related[0].start == text.index("“strategic")


def test_guillemets_among_curly_quotes_are_mixed(lint: Lint) -> None:
    text = "The “Quds Force” commander and the «Popular Mobilization» leader were killed."
    (finding,) = lint(text, "quote-mixed-styles")
    assert text[finding.start] == "«"


def test_straight_apostrophes_in_curly_copy_are_not_a_mix(lint: Lint) -> None:
    text = "The “strategic dialogue” won't resume. It's the “coalition” that's leaving in the '90s style."
    assert lint(text, "quote-mixed-styles") == []


def test_a_headline_keeps_its_own_quote_style(lint: Lint) -> None:
    body = "“There will be no more delays,” the governor told reporters on Monday."
    assert lint(f"Governor says 'no more delays' on water plant\n\n{body}", "quotes") == []
    assert lint(f"Kremlin: talks with Baku 'constructive'\n\n{body}", "quotes") == []
    # a first paragraph that ends as a sentence is body, not a headline
    mixed = f"The governor said 'no more delays' on the plant.\n\n{body}"
    assert [f.rule for f in lint(mixed, "quote-mixed-styles")] == ["quote-mixed-styles"]


def test_the_body_still_mixes_under_a_headline(lint: Lint) -> None:
    text = (
        "Governor says 'no more delays'\n\n"
        "“We will finish,” he said.\n\n"
        'The "water board" disagreed.'
    )
    (finding,) = lint(text, "quote-mixed-styles")
    assert text[finding.start] == '"'


@pytest.mark.parametrize(
    "text",
    [
        "Home » World » Middle East",
        "Samson » October 25th, 2022",
        "»  Kurdish stand at the international fair",
        "The port handled a record cargo, the company said. Read more »",
    ],
)
def test_a_spaced_guillemet_is_a_separator(lint: Lint, text: str) -> None:
    body = "\n\n“We will finish,” he said on Monday after the talks in the capital."
    assert lint(text + body, "quotes") == []


def test_spaced_french_guillemets_still_pair(lint: Lint) -> None:
    text = "Le ministre a dit « nous partirons » puis il est sorti de la salle."
    assert lint(text, "quote-unopened", "quote-unclosed") == []
    assert lint("Le ministre a dit « nous partirons puis il est sorti.", "quote-unclosed")


# -- what must stay silent --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We don't know, and it’s not clear they’ll say, officials told Reuters.",
        "Mustafa Al-Kazemi’s arrival and the Joneses’ house and the players' union.",
        "It was rock ’n’ roll in the ’90s and rock 'n' roll in the '80s, not ‘til later.",
        'The center is 6\'2" and the guard is 5’11”; the screen is 55" wide.',
        "Shi’ite clerics read the Qur’an in Ma'arrat; Shiʿite and Qurʾan too.",
        "“He told me ‘never again’ and left,” she said.",
        "‘The “deal” is dead,’ he wrote.",
        "“She said ‘the Joneses’ house was empty’ before she left,” the officer said.",
        "Iran says talks with US 'constructive'",
        "Biden: ‘We will not fail’",
        "“Let’s go,” he said. “It’s late.”",
        "(“We are ready”), he added — “and waiting.”",
        "He said:“We are ready,”then left.",
        "The “Quds Force”’s commander and the “Popular Mobilization”’s leader were killed.",
        "“’Cause we can,” he said, “and ’tis the season.”",
        "‘The players’ union is strong,’ he said of ‘the players'’ demands.",
        "He ran the mile in 3'45\" and 4’02” at 33°18'N.",
        "“We’re done.”“Over,” he said.",
        "She lives in ’s-Hertogenbosch, near O’Brien’s bar; the Houthis hold Sana’a.",
    ],
)
def test_apostrophes_primes_nesting_and_headlines_are_silent(lint: Lint, text: str) -> None:
    assert lint(text, *ALL) == []


def test_quotation_running_over_paragraphs_is_silent(lint: Lint) -> None:
    text = (
        "The commander said: “We will stay as long as we are needed.\n\n"
        "“We will train and advise the Iraqi forces.\n\n"
        "“And then we will leave,” he said.\n\n"
        "The embassy did not respond."
    )
    assert lint(text, *ALL) == []


def test_markdown_blockquote_wrapped_over_lines_is_one_paragraph(lint: Lint) -> None:
    text = (
        "# Talks resume\n\n"
        "> “This is an important opportunity to discuss our common\n"
        "> interests,” the spokeswoman said.\n"
        ">\n"
        "> “We look forward to it.”\n"
    )
    assert lint(text, *ALL, path="article.md") == []


def test_quotes_in_code_and_urls_are_ignored(lint: Lint) -> None:
    text = 'Run `grep "foo` to see.\n\n```\nprint("unclosed)\n```\n\nSee "https://x.org/a" and https://x.org/?q=\x27a for more.'
    assert lint(text, *ALL, path="article.md") == []


def test_seed_article(lint: Lint) -> None:
    path = ARTICLES / "000_09f3789a519224e6.txt"
    text = path.read_text(encoding="utf-8")
    findings = lint(text, *ALL)
    lines = text.split("\n")
    line3 = sum(len(line) + 1 for line in lines[:2])
    got = sorted((f.rule, text[f.start : f.end], f.level) for f in findings)
    assert got == [
        ("quote-broken-boundary", "” Iraq Next April,", Level.WARNING),
        ("quote-unclosed", "“according", Level.ERROR),
    ]
    assert all(line3 <= f.start < line3 + len(lines[2]) for f in findings)


# -- configuration ----------------------------------------------------------


def test_unknown_check_names_the_field(tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        "rules:\n"
        "  - id: q\n"
        "    check: quotation\n"
        "    category: quotes\n"
        "    level: error\n"
        "    message: m\n",
        encoding="utf-8",
    )
    with pytest.raises(YamlError) as error:
        load_pack(pack)
    assert "pack.yaml:3: rules[0].check: unknown check 'quotation'" in str(error.value)


def test_a_check_reports_only_its_own_rule_ids(tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        "rules:\n  - id: q\n    check: quotes\n    category: quotes\n"
        "    level: error\n    message: m\n",
        encoding="utf-8",
    )
    with pytest.raises(YamlError, match=r"pack.yaml:2: rules\[0\].id: the quotes check reports"):
        load_pack(pack)


def test_bad_word_counts_are_refused(tmp_path: Path) -> None:
    config = tmp_path / ".claimlint.yaml"
    config.write_text("checks:\n  quotes:\n    min_words: 3\n    max_words: 2\n")
    with pytest.raises(YamlError, match=r"claimlint.yaml:4: checks.quotes.max_words: must be"):
        build_ruleset(load_config(config))


def test_user_elisions_extend_the_apostrophe_words(tmp_path: Path) -> None:
    from claimlint.document import Document
    from claimlint.engine import lint_document

    config = tmp_path / ".claimlint.yaml"
    config.write_text("checks:\n  quotes:\n    extend_elisions: [Ayn]\n", encoding="utf-8")
    ruleset = build_ruleset(load_config(config)).only(["quote-unclosed"])
    doc = Document.from_text("Troops left the ’Ayn al-Asad base.")
    assert lint_document(doc, ruleset)[0] == []
    doc = Document.from_text("Troops left the ’Ayn al-Asad base.\n\nThey said ‘we go.")
    assert [f.start for f in lint_document(doc, ruleset)[0]] == [doc.text.index("‘we")]


def test_blockquote_lines_form_paragraphs_as_markdown_reads_them() -> None:
    from claimlint.document import Document

    text = "> “One quote\n> over two lines.”\n>\n> Second paragraph.\n> - a list item\n"
    doc = Document.from_text(text, path="a.md")
    assert [text[p.start : p.end] for p in doc.paragraphs] == [
        "> “One quote\n> over two lines.”",
        "> Second paragraph.",
        "> - a list item",
    ]
