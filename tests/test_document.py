from __future__ import annotations

from claimlint.document import Document
from claimlint.sources import Source


def test_crlf_positions_and_original_offsets() -> None:
    doc = Document.from_source(Source("a.txt", "One line.\r\nTwo lines .\r\nThree."))
    offset = doc.text.index(" .")
    assert doc.position(offset).line == 2
    assert doc.position(offset).column == 10
    assert doc.original_offset(offset) == "One line.\r\nTwo lines .".index(" .")


def test_lint_text_keeps_length_and_lines() -> None:
    text = "---\ntitle: A ..\ndate: 2021-03-23\n---\nBody .. here\n```\ncode .. here\n```\nSee https://x.org/a..b now.\n"
    doc = Document.from_source(Source("a.md", text))
    assert len(doc.lint_text) == len(doc.text)
    assert doc.lint_text.count("\n") == doc.text.count("\n")
    assert doc.lint_text.count("..") == 1  # only the body's
    assert doc.front_matter == {"title": "A ..", "date": __import__("datetime").date(2021, 3, 23)}


def test_plain_text_keeps_code_like_text() -> None:
    doc = Document.from_text("```\nBody .. here\n```\n", path="a.txt")
    assert ".." in doc.lint_text


def test_a_leading_rule_that_is_not_yaml_is_not_front_matter() -> None:
    doc = Document.from_text("---\nJust prose, not: [a mapping\n---\nText.", path="a.md")
    assert doc.front_matter == {}
    assert "Just prose" in doc.lint_text


def test_paragraphs_blank_line_separated_and_one_per_line() -> None:
    long_line = "word " * 30
    doc = Document.from_text(f"Title\n\n{long_line}\n{long_line}\n\nShort wrapped\nline here.\n")
    texts = [doc.text[p.start : p.end] for p in doc.paragraphs]
    assert texts[0] == "Title"
    assert len(texts) == 4
    assert texts[3] == "Short wrapped\nline here."


def test_markdown_headings_and_list_items_are_their_own_paragraphs() -> None:
    doc = Document.from_text("# Head\nText under it.\n- item one\n- item two\n", path="a.md")
    texts = [doc.text[p.start : p.end] for p in doc.paragraphs]
    assert texts == ["# Head", "Text under it.", "- item one", "- item two"]
