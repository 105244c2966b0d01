"""Code, fenced and HTML blocks of a Markdown article are what a full CommonMark parse
(inline pass included) finds, whether the block pass or the shortcut for comment lines
answers; and the shortcut answers for the common case without loading the parser."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from claimlint import markdown_blocks

_LINES = st.sampled_from(
    [
        "",
        "The minister said the talks would resume.",
        "    indented = code",
        "```",
        "```python",
        "~~~",
        "<!-- ad slot: inline-1 -->",
        "<div class='caption'>",
        "</div>",
        "> quoted <b>bold</b> text",
        "- a list item with `code` and [a link](http://x.y)",
        "1. <!-- inside a list -->",
        "# Heading <span>",
        "[ref]: http://example.com 'title'",
        "*emphasis **strong** _under_*",
        "\t\ttabbed",
    ]
)

# Pieces of lines around comments: what may put a comment's line inside something
# else (a list, a quote, a reference definition, deep nesting, another comment still
# open) or make it something other than a block of its own.
_PIECES = st.sampled_from(
    [
        "<!-- slot -->",
        "<!--",
        "-->",
        "<!-->",
        "<!---->",
        "<",
        "<b>",
        "<div>",
        "<?php",
        "> ",
        ">",
        "- ",
        "* ",
        "+ ",
        "1. ",
        "2) ",
        " ",
        "  ",
        "   ",
        "[ref]:",
        "[ref]",
        "]:",
        "\n",
        "\n\n",
        "\r",
        "Text",
        "---",
        "===",
        "\u00a0",
        "2024. ",
        "1. 1. 1. 1. 1. ",
        "- - - - - ",
        "> > > > > ",
    ]
)


def _blocks_of_a_full_parse(text: str) -> list[tuple[int, int]]:
    starts = [0, *(i + 1 for i, ch in enumerate(text) if ch == "\n")]
    spans = []
    for token in MarkdownIt("commonmark").parse(text):
        if token.type in ("fence", "code_block", "html_block") and token.map:
            first, last = token.map
            spans.append((starts[first], starts[last] if last < len(starts) else len(text)))
    return spans


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINES, min_size=1, max_size=12))
def test_the_blocks_found_are_those_of_a_full_parse(lines: list[str]) -> None:
    text = "\n".join(lines) + "\n"
    assert markdown_blocks.code_blocks(text) == _blocks_of_a_full_parse(text)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=30))
def test_the_comment_shortcut_answers_only_what_a_full_parse_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    shortcut = markdown_blocks._comment_lines(text)
    if shortcut is not None:
        assert shortcut == _blocks_of_a_full_parse(text)


@pytest.mark.parametrize(
    "text",
    [
        "Para one.\n<!-- ad slot: inline-1 -->\nPara two.\n",
        "  <!-- indented up to three -->\n\n<!-- last line, no newline -->",
        "- a list item\n<!-- ends the list -->\ntext\n",
        "> a quote\n<!-- ends the quote -->\n",
        "Text with an inline <b>tag</b> and a comment <!-- inline --> only.\n",
        "<!-->\nnot closed by its own opener for CommonMark's inline rules\n",
        "[ref]:\n<!-- ends a reference definition -->\n",
    ],
)
def test_comment_lines_are_answered_without_the_parser(text: str) -> None:
    shortcut = markdown_blocks._comment_lines(text)
    assert shortcut is not None
    assert shortcut == _blocks_of_a_full_parse(text)


@pytest.mark.parametrize(
    "text",
    [
        "1. <!-- in a list item -->\n",  # a marker before the comment
        "<!-- opens here\nand closes here -->\n",  # two lines
        "<!-- closed --> and text after\n<div>\n",  # another kind of block
        "a\rb\n<!-- c -->\n",  # a line break only the parser counts
        # ten nested lists: the parser stops reading, and finds no block after them
        "1. 1. 1. 1. 1. 1. 1. 1. 1. 1. deep\n<!-- c -->\n",
    ],
)
def test_anything_else_is_what_the_parser_finds(text: str) -> None:
    assert markdown_blocks.code_blocks(text) == _blocks_of_a_full_parse(text)


def test_a_markdown_article_with_ad_slot_comments_does_not_load_the_parser(
    tmp_path: Path,
) -> None:
    article = tmp_path / "article.md"
    article.write_text(
        "# Talks resume\n\nThe minister said talks would resume.\n\n"
        "<!-- ad slot: inline-1 -->\n\nThe opposition said it would wait.\n",
        encoding="utf-8",
    )
    driver = (
        "import sys\n"
        "from pathlib import Path\n"
        "from claimlint import document, sources\n"
        "text = Path(sys.argv[1]).read_text(encoding='utf-8')\n"
        "document.Document.from_source(sources.Source(sys.argv[1], text))\n"
        "print('markdown_it' in sys.modules)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", driver, str(article)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert run.stdout.strip() == "False", run.stderr
