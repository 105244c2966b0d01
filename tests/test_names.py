"""The `name-variant` rule without facts: one person, one spelling within an article."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimlint.document import Document
from claimlint.findings import Level
from claimlint.names.mentions import Mention
from claimlint.names.mentions import find_mentions as find_with
from tests.conftest import ARTICLES, Lint, names_lexicon

LEX = names_lexicon()
sounds_alike = LEX.speller.sounds_alike


def find_mentions(doc: Document) -> list[Mention]:
    return find_with(doc, LEX)


SEED = (ARTICLES / "000_09f3789a519224e6.txt").read_text(encoding="utf-8")


def flagged(findings: list, text: str) -> list[str]:  # type: ignore[type-arg]
    return [text[f.start : f.end] for f in findings if f.rule == "name-variant"]


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kadhimi", "Kazemi"),
        ("Kazemi", "Kazimi"),
        ("Kadhimi", "Kazimi"),
        ("al-Kadhimi", "Al-Kazemi"),
        ("Soleimani", "Suleimani"),
        ("Rouhani", "Rohani"),
        ("Sacchi", "Saki"),
        ("Mohammed", "Muhammad"),
    ],
)
def test_transliterations_read_alike(a: str, b: str) -> None:
    assert sounds_alike(a, b)
    assert sounds_alike(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Trump", "Truman"),
        ("Iran", "Iraq"),
        ("Johnson", "Johnston"),
        ("Salman", "Soleimani"),
        ("Psaki", "Saki"),  # a silent letter dropped is left to the facts file
        ("Biden", "Biden"),
        ("al-Kadhimi", "Kadhimi"),  # the article prefix comes and goes in good copy
    ],
)
def test_near_names_do_not_read_alike(a: str, b: str) -> None:
    assert not sounds_alike(a, b)


@pytest.mark.parametrize(
    ("text", "minority"),
    [
        (
            "Prime Minister Mustafa al-Kadhimi arrived on Monday. "
            "Kazemi said the talks went well. Kazimi added that more would follow.",
            ["Kazemi", "Kazimi"],
        ),
        (
            "The commander of the Quds Force, Qassem Soleimani, was killed in 2020. "
            "Soleimani had led the force since 1998. Crowds carried pictures of Suleimani.",
            ["Suleimani"],
        ),
        (
            "Iranian President Hassan Rouhani spoke on Wednesday. Rohani said sanctions had failed.",
            ["Rohani"],
        ),
    ],
)
def test_transliteration_variants_are_grouped(lint: Lint, text: str, minority: list[str]) -> None:
    findings = [f for f in lint(text, "name-variant")]
    assert flagged(findings, text) == minority
    assert all(f.level is Level.ERROR for f in findings)


def test_seed_spokeswoman_reported_at_each_minority_spelling(lint: Lint) -> None:
    findings = lint(SEED, "name-variant")
    assert [(line_of(SEED, f.start), SEED[f.start : f.end]) for f in findings] == [
        (11, "Sacchi"),
        (17, "Sacchi"),
    ]
    for finding in findings:
        assert "Jane Saki" in finding.message
        (related,) = finding.related
        assert SEED[related.start : related.end] == "Jane Saki"
        assert line_of(SEED, related.start) == 3
        assert finding.fix is not None and finding.fix.replacement == "Saki"
        assert not finding.fix.safe


def test_seed_must_not_names_are_silent(lint: Lint) -> None:
    spans = [(f.start, f.end) for f in lint(SEED, "name-variant")]
    for needle in ("Joe Biden", "Donald Trump", "Iran", "Mustafa Al-Kazemi’s", "Al-Kazemi"):
        at = SEED.find(needle)
        while at != -1:
            assert not any(s < at + len(needle) and at < e for s, e in spans), needle
            at = SEED.find(needle, at + 1)


@pytest.mark.parametrize(
    "text",
    [
        # surname-only references and family members
        "President Joe Biden spoke on Tuesday. Biden said his son, Hunter Biden, would not attend.",
        # near-names that are different people
        "Former President Donald Trump spoke in Iowa. Historians compared him to Harry Truman, "
        "whose aides were questioned in 1948. Trump said he was not worried. Truman said nothing.",
        "Senator Ron Johnson said on Monday he would call witnesses. Representative Dusty "
        "Johnston, a Democrat, said the inquiry was going in circles. Johnston added more.",
        "Former Prime Minister Nouri al-Maliki met Palestinian Foreign Minister Riyad al-Malki. "
        "Maliki said the talks were useful. Malki said the visit was fruitful.",
        "Saudi King Salman received the envoy. The commander, Qassem Soleimani, was killed in 2020.",
        # a man's name and a woman's made from it by a final "a": a brother and sister, a
        # husband and wife, known names or not (a transliteration that writes a final
        # vowel, Jayanath and Jayanatha, is missed for their sake)
        "The family of Daniel Okafor and his sister Daniela Okafor said both were safe. "
        "Daniel Okafor thanked the rescuers.",
        "Jamil Ahmed and his wife Jamila Ahmed ran the shop for 30 years. "
        "Jamil Ahmed said the fire destroyed everything.",
        "Stanislav Kovac and his twin sister Stanislava Kovac both won medals. "
        "Stanislava Kovac won gold.",
        # countries, months, weekdays and sentence starts
        "Officials in Iran and Iraq said on Tuesday that talks would resume in May. "
        "Iraq owes Iran about $1.6 billion. Officials said the debt would be paid by March.",
        "Police said two people were hurt. Witnesses said the blast shattered windows. "
        "Analysts said the attack was linked to a dispute, Reuters reported.",
        # possessives are the same spelling
        "Iraqi Prime Minister Mustafa Al-Kazemi met officials. Since Mustafa Al-Kazemi’s "
        "arrival as prime minister, relations improved. Al-Kazemi's office said so.",
        # organisations and places with Al- prefixes
        "Al-Shorta beat Al-Zawraa at Al-Shaab Stadium. Coach Ahmed Salah said, "
        '"We worked all season." Salah told reporters the title was deserved.',
    ],
)
def test_clean_copy_is_silent(lint: Lint, text: str) -> None:
    assert flagged(lint(text, "name-variant"), text) == []


def test_surname_only_mentions_link_to_the_full_name() -> None:
    doc = Document.from_text("US President Joe Biden spoke. The talks were the first under Biden.")
    mentions = find_mentions(doc)
    assert [(m.text, m.evidence) for m in mentions] == [("Joe Biden", "title"), ("Biden", "linked")]


def test_possessive_is_outside_the_mention() -> None:
    doc = Document.from_text("Prime Minister Mustafa Al-Kazemi spoke. Mustafa Al-Kazemi’s arrival.")
    mentions = find_mentions(doc)
    assert [doc.text[m.start : m.end] for m in mentions] == ["Mustafa Al-Kazemi"] * 2
    assert mentions[1].surname == "Al-Kazemi"


def test_evidence_kinds() -> None:
    text = (
        "The White House spokeswoman, Jane Saki, spoke. In a statement, Sacchi said it was "
        'fine. "No," said Marta Lopez. Omar Haddad, who chairs the panel, agreed.'
    )
    found = {m.text: m.evidence for m in find_mentions(Document.from_text(text))}
    assert found == {
        "Jane Saki": "appositive",
        "Sacchi": "speech",
        "Marta Lopez": "speech",
        "Omar Haddad": "appositive",
    }


def test_reference_is_the_spelling_most_used() -> None:
    text = (
        "Spokesman Saeed Khatibzade spoke on Monday. Khatibzadeh said the talks went well. "
        "Khatibzadeh added that more would follow. Khatibzadeh left on Tuesday."
    )
    from claimlint.config import DEFAULT
    from claimlint.ruleset import build_ruleset
    from tests.conftest import run_rules

    findings = run_rules(build_ruleset(DEFAULT), text, only=["name-variant"])
    assert flagged(findings, text) == ["Saeed Khatibzade"]
    (finding,) = findings
    assert finding.fix is not None and finding.fix.replacement == "Saeed Khatibzadeh"
    assert "surname differs" in finding.message


def _occurrences(text: str, needle: str, line: int) -> list[tuple[int, int]]:
    lo = sum(len(x) + 1 for x in text.split("\n")[: line - 1])
    hi = lo + len(text.split("\n")[line - 1])
    found, at = [], text.find(needle, lo, hi)
    while at != -1:
        found.append((at, at + len(needle)))
        at = text.find(needle, at + 1, hi)
    return found


@pytest.mark.parametrize(
    "article",
    sorted(p.name for p in Path(ARTICLES).glob("names_*") if p.suffix in (".txt", ".md")),
)
def test_test_articles_match_their_expected_names(lint: Lint, article: str) -> None:
    import yaml

    path = ARTICLES / article
    text = path.read_text(encoding="utf-8")
    expected = yaml.safe_load(path.with_name(path.stem + ".expected.yaml").read_text())
    spans = [(f.start, f.end) for f in lint(text, "name-variant", "name-diacritics", path=article)]

    def hit(item: dict[str, object]) -> bool:
        places = _occurrences(text, str(item["text"]), int(str(item["line"])))
        assert places, f"bad expected item {item}"
        return any(s < e2 and s2 < e for s, e in spans for s2, e2 in places)

    groups: dict[str, list[dict[str, object]]] = {}
    for index, item in enumerate(expected["must"]):
        if item["category"] == "names":
            groups.setdefault(item.get("group") or str(index), []).append(item)
    for group in groups.values():
        assert any(hit(item) for item in group), group
    for item in expected["must_not"]:
        assert not hit(item), item


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("Aa Ll-’'sSKkzZ.,\n\"“”Bb SaidPresident ")),
        max_size=200,
    )
)
def test_mentions_are_spans_of_the_text(text: str) -> None:
    doc = Document.from_text(text)
    for mention in find_mentions(doc):
        assert 0 <= mention.start <= mention.surname_start < mention.end <= len(text)
        assert doc.text[mention.surname_start : mention.end] == mention.surname


def test_title_with_of_before_the_name() -> None:
    doc = Document.from_text("Secretary of State Antony Blinken met officials. Blinken left.")
    assert [(m.text, m.evidence) for m in find_mentions(doc)] == [
        ("Antony Blinken", "title"),
        ("Blinken", "linked"),
    ]


def test_a_known_given_name_is_evidence_of_a_person(lint: Lint) -> None:
    text = (
        "Esmail Qaani succeeded Qassem Soleimani in 2020.\n\n"
        "Speaking in Tehran, Qaani said Suleimani's killing would not be forgotten.\n"
    )
    findings = lint(text, "name-variant")
    assert [text[f.start : f.end] for f in findings] == ["Suleimani"]


def test_a_given_name_alone_is_not_enough_without_a_surname(lint: Lint) -> None:
    text = "Mohammed said nothing. Sarah Street and Kevin Road were closed.\n"
    assert lint(text, "name-variant") == []
