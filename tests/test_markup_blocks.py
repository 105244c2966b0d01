"""Code, fenced and HTML blocks of a Markdown article are found by the block pass
alone: what a full CommonMark parse (inline pass included) finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from claimlint import markup

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
def test_the_block_pass_finds_what_a_full_parse_finds(lines: list[str]) -> None:
    text = "\n".join(lines) + "\n"
    assert markup._markdown_code_blocks(text) == _blocks_of_a_full_parse(text)
