"""Which words are date expressions, and of which form."""

from __future__ import annotations

from datetime import date

import pytest

from claimlint.document import Document
from claimlint.temporal import DateExpression, Form, expressions_of

REFERENCE = date(2021, 3, 23)  # a Tuesday


def found(text: str, reference: date | None = REFERENCE) -> list[DateExpression]:
    return list(expressions_of(Document.from_text(text, date_override=reference)))


def texts(text: str) -> list[str]:
    return [e.text for e in found(text)]


@pytest.mark.parametrize(
    ("sentence", "expected", "form"),
    [
        ("It was signed on March 23, 2021, in Baghdad.", "March 23, 2021", Form.FULL_DATE),
        ("It was signed on 23 March 2021 in Baghdad.", "23 March 2021", Form.FULL_DATE),
        ("It was signed on Jan. 3, 2020, in Baghdad.", "Jan. 3, 2020", Form.FULL_DATE),
        ("It was signed on Sept. 11th, 2001.", "Sept. 11th, 2001", Form.FULL_DATE),
        ("It was signed on 2021-03-23.", "2021-03-23", Form.FULL_DATE),
        ("It said, Tuesday, March 23, 2021, that", "Tuesday, March 23, 2021", Form.FULL_DATE),
        ("It was signed on Jan. 3 in Baghdad.", "Jan. 3", Form.MONTH_DAY),
        ("It was signed on 3 January in Baghdad.", "3 January", Form.MONTH_DAY),
        ("It was signed on Friday (March 19).", "Friday (March 19)", Form.MONTH_DAY),
        ("Talks began in June 2020.", "June 2020", Form.MONTH_YEAR),
        ("Talks began in 2020.", "2020", Form.YEAR),
        ("Talks began in mid-2020.", "mid-2020", Form.YEAR),
        ("Biden took office in January.", "January", Form.MONTH),
        ("Talks resume in early June.", "early June", Form.MONTH),
        ("Officials said today that", "today", Form.DEICTIC_DAY),
        ("Officials said yesterday that", "yesterday", Form.DEICTIC_DAY),
        ("They meet tomorrow.", "tomorrow", Form.DEICTIC_DAY),
        ("They met on Tuesday.", "Tuesday", Form.WEEKDAY),
        ("Sunday's vote was close.", "Sunday", Form.WEEKDAY),
        ("They meet next Friday.", "next Friday", Form.LAST_NEXT_WEEKDAY),
        ("They met last Monday.", "last Monday", Form.LAST_NEXT_WEEKDAY),
        ("They met this past Monday.", "this past Monday", Form.THIS_WEEKDAY),
        ("The strike last January killed him.", "last January", Form.LAST_NEXT_MONTH_NAME),
        ("Talks resume Next April.", "Next April", Form.LAST_NEXT_MONTH_NAME),
        ("Talks resume this April.", "this April", Form.THIS_MONTH_NAME),
        ("It began in January last year.", "January last year", Form.MONTH_OF_RELATIVE_YEAR),
        ("It began in June of last year.", "June of last year", Form.MONTH_OF_RELATIVE_YEAR),
        ("Prices rose last week.", "last week", Form.RELATIVE_UNIT),
        ("Prices rose last month.", "last month", Form.RELATIVE_UNIT),
        ("Prices will rise next year.", "next year", Form.RELATIVE_UNIT),
        ("Prices rose over the past two weeks.", "the past two weeks", Form.RELATIVE_UNIT),
        ("Prices rose earlier this month.", "earlier this month", Form.PART_OF_UNIT),
        ("Prices rose late last year.", "late last year", Form.PART_OF_UNIT),
        ("He resigned two weeks ago.", "two weeks ago", Form.AGO),
        ("He resigned a year ago.", "a year ago", Form.AGO),
        ("The vote is in three days.", "three days", Form.AGO),
        (
            "Police arrived on March 3, 2021. The day before, two men fled.",
            "The day before",
            Form.NEIGHBOUR_DAY,
        ),
    ],
)
def test_each_form_is_found(sentence: str, expected: str, form: Form) -> None:
    matches = [e for e in found(sentence) if e.text == expected]
    assert matches, f"{expected!r} not found in {sentence!r}: {texts(sentence)}"
    assert matches[0].form is form


@pytest.mark.parametrize(
    "sentence",
    [
        "The decision may lead to a new breakthrough.",
        "May I ask a question?",
        "Thousands joined the March on Washington.",
        "The Sunday Times reported the story first.",
        "Black Friday sales fell sharply.",
        "Super Tuesday decided the race.",
        "Good Friday prayers were held across the city.",
        "She goes to church every Sunday.",
        "The shop is closed on Sundays.",
        "The Mail on Sunday ran the interview.",
        "Reporters from USA Today asked the question.",
        "The reporter April Ryan asked the question.",
        "He was questioned by April Ryan of the Grio.",
        "Iraq holds 2,020 prisoners.",
        "He scored 1995 points over his career.",
        "The march ended peacefully.",
        "He spent the last year of his term abroad.",
    ],
)
def test_words_that_only_look_like_dates(sentence: str) -> None:
    assert texts(sentence) == []


def test_a_full_date_with_its_weekday_is_one_expression() -> None:
    expressions = found("The White House announced, Tuesday, March 23, 2021, that talks resume.")
    assert [e.text for e in expressions] == ["Tuesday, March 23, 2021"]
    assert expressions[0].weekday == 1


def test_spans_are_document_offsets() -> None:
    text = "---\ntitle: x\n---\nHe resigned last week."
    doc = Document.from_text(text, path="a.md", date_override=REFERENCE)
    (expression,) = expressions_of(doc)
    assert doc.text[expression.start : expression.end] == "last week"


def test_dates_in_code_and_urls_are_not_prose() -> None:
    text = "See `last week` and https://example.com/2021/March-23-2021 for details.\n"
    doc = Document.from_text(text, path="a.md", date_override=REFERENCE)
    assert expressions_of(doc) == ()


def test_expressions_are_computed_once_per_document() -> None:
    doc = Document.from_text("He resigned last week.", date_override=REFERENCE)
    assert expressions_of(doc) is expressions_of(doc)
