"""Sentence boundaries of a document's prose, without a statistical model.

A sentence ends at ".", "!" or "?" (with any closing quotes or brackets after it)
followed by space and a capital letter, digit or opening quote; or at a paragraph
end. Abbreviations ("Mr.", "Jan.", "U.S.", initials) do not end a sentence when
the next word could continue it.
"""

from __future__ import annotations

import msgspec

from claimlint import regex_cache
from claimlint.document import Analysis, Document

_END = regex_cache.re_compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_ABBREVIATION = regex_cache.re_compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Cmdr|St|Ste|Rev|Hon|"
    r"Jr|Sr|Mt|Ft|No|Nos|Vol|Fig|vs|etc|approx|Inc|Corp|Ltd|Co|Bros|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    r"Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)"
    r"|\b(?:[A-Z]\.){1,3}[A-Z]?|\b[A-Z]|\b[ap]\.m)\.$"
)


class Sentence(msgspec.Struct, frozen=True):
    start: int
    end: int


class _Sentences(Analysis[list[Sentence]]):
    def compute(self, doc: Document) -> list[Sentence]:
        found: list[Sentence] = []
        for paragraph in doc.paragraphs:
            found.extend(_split(doc.lint_text, paragraph.start, paragraph.end))
        return found


SENTENCES = _Sentences()


def sentences_of(doc: Document) -> list[Sentence]:
    """The sentences of `doc.lint_text`, in order, computed once per document."""
    return doc.analysis(SENTENCES)


def _split(text: str, start: int, end: int) -> list[Sentence]:
    result = []
    begin = start
    for match in _END.finditer(text, start, end):
        if match.group().startswith(".") and _ABBREVIATION.search(
            text, max(start, match.start() - 12), match.start() + 1
        ):
            continue
        result.append(Sentence(begin, match.end()))
        begin = match.end()
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end and text[begin:end].strip():
        result.append(Sentence(begin, end))
    return result
