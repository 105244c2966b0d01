"""`quotes`: quotation marks that do not pair, broken quote boundaries, mixed styles.

One check, five rules; the marks of a document are found and paired once
(`claimlint.quotes.pairing.QuotePairing`) and shared by all of them. The word lists
(elisions, words never capitalised inside a quote, sentence openers) are options in
the built-in pack.
"""

from collections.abc import Iterator
from typing import Any

from claimlint import regex_cache
from claimlint.checks.base import Check, CheckContext, CheckOptions, RuleTable
from claimlint.document import Document
from claimlint.findings import Finding, Related
from claimlint.kinds.base import OptionError
from claimlint.quotes.boundary import BoundaryFinder
from claimlint.quotes.marks import Mark, elision_pattern
from claimlint.quotes.pairing import QuoteAnalysis, QuotePairing, attribution_pattern
from claimlint.quotes.styles import head_end, style_mix

UNCLOSED = "quote-unclosed"
UNOPENED = "quote-unopened"
MISMATCHED = "quote-mismatched"
BROKEN = "quote-broken-boundary"
MIXED = "quote-mixed-styles"

_WORD_AFTER_MARK = regex_cache.compile(r"[\p{L}\p{M}\p{N}’'\-]{0,40}")


class QuotesOptions(CheckOptions, frozen=True, kw_only=True):
    #: words written with a leading apostrophe ('em, 'til); also a stray space before a
    #: contraction ("they ’re") is an apostrophe problem, not a quotation
    elisions: tuple[str, ...]
    #: words capitalised inside a run only by title-casing debris ("Iraq Next April")
    never_capitalised: tuple[str, ...]
    #: first words of a run that make it the start of an ordinary sentence
    sentence_openers: tuple[str, ...]
    #: how many words a run glued to a quote may have to be reported
    min_words: int = 2
    max_words: int = 6
    #: verbs that attribute a quotation (", said the minister", ", he added."): a
    #: quotation attributed inside a paragraph it leaves open is not continued by the
    #: next paragraph's opening mark
    attribution_verbs: tuple[str, ...] = ()


class QuotesCheck(Check):
    name = "quotes"
    options_type = QuotesOptions
    rule_ids = (UNCLOSED, UNOPENED, MISMATCHED, BROKEN, MIXED)

    def __init__(self, options: Any, context: CheckContext) -> None:
        super().__init__(options, context)
        opts: QuotesOptions = options
        if opts.min_words < 1:
            raise OptionError("min_words", "must be at least 1")
        if opts.max_words < opts.min_words:
            raise OptionError("max_words", "must be at least min_words")
        self.pairing = QuotePairing(
            elision_pattern(opts.elisions), attribution_pattern(opts.attribution_verbs)
        )
        self.boundaries = BoundaryFinder(
            opts.min_words,
            opts.max_words,
            list(opts.never_capitalised),
            list(opts.sentence_openers),
        )

    def check(self, doc: Document, rules: RuleTable) -> Iterator[Finding]:
        analysis = doc.analysis(self.pairing)
        if rules.on(UNCLOSED):
            yield from _unclosed(doc, rules, analysis)
        if rules.on(UNOPENED):
            yield from _unopened(doc, rules, analysis)
        if rules.on(MISMATCHED):
            yield from _mismatched(doc, rules, analysis)
        if rules.on(BROKEN):
            yield from self._broken_boundaries(doc, rules, analysis)
        if rules.on(MIXED):
            yield from _mixed_styles(doc, rules, analysis)

    def _broken_boundaries(
        self, doc: Document, rules: RuleTable, analysis: QuoteAnalysis
    ) -> Iterator[Finding]:
        for para in analysis.paragraphs:
            for found in self.boundaries.find(doc.lint_text, para):
                yield rules.finding(
                    BROKEN,
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


def _unclosed(doc: Document, rules: RuleTable, analysis: QuoteAnalysis) -> Iterator[Finding]:
    for mark, para in analysis.unclosed():
        where = _where(doc, mark)
        end = _mark_and_word(doc, mark)
        yield rules.finding(
            UNCLOSED,
            mark.offset,
            end,
            {**where, "match": doc.text[mark.offset : end]},
            related=(Related(para.end, para.end, "the paragraph ends here, the quote still open"),),
            data={"opened_line": where["line"], "opened_column": where["column"]},
        )


def _unopened(doc: Document, rules: RuleTable, analysis: QuoteAnalysis) -> Iterator[Finding]:
    for mark, _para in analysis.unopened():
        yield rules.finding(
            UNOPENED, mark.offset, mark.offset + 1, {**_where(doc, mark), "match": mark.char}
        )


def _mismatched(doc: Document, rules: RuleTable, analysis: QuoteAnalysis) -> Iterator[Finding]:
    for pair in analysis.pairs():
        if not pair.mismatched:
            continue
        opened = _where(doc, pair.opening)
        closed = _where(doc, pair.closing)
        yield rules.finding(
            MISMATCHED,
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


def _mixed_styles(doc: Document, rules: RuleTable, analysis: QuoteAnalysis) -> Iterator[Finding]:
    mix = style_mix(analysis, head_end(doc.lint_text))
    if mix is None:
        return
    minority = mix.first_minority
    majority = mix.first_majority
    yield rules.finding(
        MIXED,
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
