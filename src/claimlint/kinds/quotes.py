"""`quotes`: quotation marks that do not pair, broken quote boundaries, mixed styles.

One kind, five checks (`check:` in the rule); the marks of a document are found and
paired once (`claimlint.quotes.pairing`) and shared by every quotes rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

import msgspec
import regex

from claimlint.document import Document
from claimlint.findings import Finding, Related
from claimlint.kinds.base import Kind, KindContext, OptionError, Options
from claimlint.quotes.boundary import BoundaryFinder
from claimlint.quotes.marks import Mark, elision_pattern
from claimlint.quotes.pairing import QuoteAnalysis, analyse
from claimlint.quotes.styles import style_mix
from claimlint.rule import Rule

Check = Literal["unclosed", "unopened", "mismatched", "broken-boundary", "mixed-styles"]

#: words written with a leading apostrophe; also a stray space before a contraction
#: ("they ’re") is an apostrophe problem, not a quotation
DEFAULT_ELISIONS = (
    "em", "n'", "n", "til", "tis", "twas", "cause", "bout", "round", "nuff", "cept",
    "ol'", "Ndrangheta", "s", "re", "ll", "ve", "d", "m", "t",
)  # fmt: skip
#: words capitalised inside a run only by title-casing debris ("Iraq Next April")
DEFAULT_NEVER_CAPITALISED = (
    "next", "last", "according", "said", "says", "told", "ago", "earlier", "later",
)  # fmt: skip
#: first words of a run that make it the start of an ordinary sentence
DEFAULT_SENTENCE_OPENERS = (
    "a", "an", "the", "in", "on", "at", "by", "for", "from", "to", "of", "with", "after",
    "before", "during", "since", "until", "under", "over", "despite", "as", "when", "while",
    "if", "but", "and", "or", "so", "yet", "then", "now", "meanwhile", "however",
    "last", "this", "next", "earlier", "later", "today", "yesterday", "according", "asked",
    "speaking", "separately", "instead", "still", "also", "he", "she", "they", "we", "it",
)  # fmt: skip

_WORD_AFTER_MARK = regex.compile(r"[\p{L}\p{M}\p{N}’'\-]{0,40}")


class QuotesOptions(Options, frozen=True):
    check: Check
    elisions: list[str] = msgspec.field(default_factory=lambda: list(DEFAULT_ELISIONS))
    never_capitalised: list[str] = msgspec.field(
        default_factory=lambda: list(DEFAULT_NEVER_CAPITALISED)
    )
    sentence_openers: list[str] = msgspec.field(
        default_factory=lambda: list(DEFAULT_SENTENCE_OPENERS)
    )
    min_words: int = 2
    max_words: int = 6


class Quotes(Kind):
    name = "quotes"
    options_type = QuotesOptions

    def __init__(self, options: Any, context: KindContext) -> None:
        super().__init__(options, context)
        opts: QuotesOptions = options
        if opts.min_words < 1:
            raise OptionError("min_words", "must be at least 1")
        if opts.max_words < opts.min_words:
            raise OptionError("max_words", "must be at least min_words")
        self.check_name = opts.check
        self.elisions = elision_pattern(opts.elisions)
        self.boundaries = BoundaryFinder(
            opts.min_words, opts.max_words, opts.never_capitalised, opts.sentence_openers
        )

    def check(self, doc: Document, rule: Rule) -> Iterator[Finding]:
        analysis = analyse(doc, self.elisions)
        if self.check_name == "unclosed":
            yield from _unclosed(doc, rule, analysis)
        elif self.check_name == "unopened":
            yield from _unopened(doc, rule, analysis)
        elif self.check_name == "mismatched":
            yield from _mismatched(doc, rule, analysis)
        elif self.check_name == "broken-boundary":
            yield from self._broken_boundaries(doc, rule, analysis)
        else:
            yield from _mixed_styles(doc, rule, analysis)

    def _broken_boundaries(
        self, doc: Document, rule: Rule, analysis: QuoteAnalysis
    ) -> Iterator[Finding]:
        for para in analysis.paragraphs:
            for found in self.boundaries.find(doc.lint_text, para):
                yield rule.finding(
                    found.start,
                    found.end,
                    {
                        "fragment": found.fragment,
                        "before": found.before,
                        "match": doc.text[found.start : found.end],
                    },
                )


def _where(doc: Document, mark: Mark) -> dict[str, Any]:
    position = doc.position(mark.offset)
    return {"mark": mark.char, "line": position.line, "column": position.column}


def _mark_and_word(doc: Document, mark: Mark) -> int:
    """End of the span that shows a mark with the word it opens (`“according`)."""
    word = _WORD_AFTER_MARK.match(doc.lint_text, mark.offset + 1)
    return word.end() if word else mark.offset + 1


def _unclosed(doc: Document, rule: Rule, analysis: QuoteAnalysis) -> Iterator[Finding]:
    for mark, para in analysis.unclosed():
        where = _where(doc, mark)
        end = _mark_and_word(doc, mark)
        yield rule.finding(
            mark.offset,
            end,
            {**where, "match": doc.text[mark.offset : end]},
            related=(Related(para.end, para.end, "the paragraph ends here, the quote still open"),),
            data={"opened_line": where["line"], "opened_column": where["column"]},
        )


def _unopened(doc: Document, rule: Rule, analysis: QuoteAnalysis) -> Iterator[Finding]:
    for mark, _para in analysis.unopened():
        yield rule.finding(mark.offset, mark.offset + 1, {**_where(doc, mark), "match": mark.char})


def _mismatched(doc: Document, rule: Rule, analysis: QuoteAnalysis) -> Iterator[Finding]:
    for pair in analysis.pairs():
        if not pair.mismatched:
            continue
        opened = _where(doc, pair.opening)
        closed = _where(doc, pair.closing)
        yield rule.finding(
            pair.closing.offset,
            pair.closing.offset + 1,
            {
                "opening": pair.opening.char,
                "closing": pair.closing.char,
                "line": opened["line"],
                "column": opened["column"],
                "match": pair.closing.char,
                "closing_line": closed["line"],
                "closing_column": closed["column"],
            },
            related=(
                Related(pair.opening.offset, pair.opening.offset + 1, "the quote opens here"),
            ),
        )


def _mixed_styles(doc: Document, rule: Rule, analysis: QuoteAnalysis) -> Iterator[Finding]:
    mix = style_mix(analysis)
    if mix is None:
        return
    minority = mix.first_minority
    majority = mix.first_majority
    yield rule.finding(
        minority.offset,
        minority.offset + 1,
        {
            "counts": ", ".join(f"{count} {style}" for style, count in mix.counts),
            "minority": str(minority.style),
            "majority": str(majority.style),
            "match": minority.char,
        },
        related=(
            Related(majority.offset, majority.offset + 1, f"first {majority.style} quotation"),
        ),
        data={"styles": {str(style): count for style, count in mix.counts}},
    )
