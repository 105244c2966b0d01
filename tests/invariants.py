"""What must hold for any input, checked by the property tests and the fuzz script:
no rule fails, every span lies inside the text and on the line it names, and the
original offsets stay inside the file as read."""

from __future__ import annotations

from claimlint.diagnostics import diagnose
from claimlint.document import Document
from claimlint.engine import Severity, lint_document
from claimlint.ruleset import RuleSet
from claimlint.sources import Source

Outcome = list[tuple[str, int, int, str]]

#: pieces of copy that trigger rules, mixed by generators with arbitrary text: every
#: plane, combining marks, right-to-left text, controls, mixed line endings
COPY_PIECES = [
    " ",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    ".",
    "..",
    "...",
    " .",
    " ,",
    ",,",
    "“",
    "”",
    "‘",
    "’",
    '"',
    "'",
    "«",
    "»",
    "„",
    "‹",
    "›",
    "Source link",
    "Leave a Reply",
    "Similar Posts",
    " / Reuters",
    " – archive – AFP",
    "(Photo: AP)",
    "Read more »",
    " […]",
    "(AP Photo/Jane Doe)",
    "REUTERS/Jane Doe",
    "KHALED DESOUKI AFP",
    "15 PHOTOS",
    "Views: 12",
    "Kurdistan Now2 hours ago",
    "Posted by Admin",
    "FILE - This photo shows",
    "A man waves to supporters",
    "ALSO READ",
    "Home » World",
    "{{author}}",
    "By of",
    " | Iraq News",
    "Jane Saki",
    "Sacchi",
    "Psaki",
    "Biden",
    "Joe Biden",
    "Al-Kazemi’s",
    "said",
    "told",
    "spokeswoman, ",
    "last January",
    "next April",
    "on Tuesday",
    "Tuesday, March 23, 2021",
    "Wednesday, March 23, 2021",
    "23 March 2021",
    "two weeks ago",
    "in January",
    "2020",
    "Feb. 29, 2021",
    "---\n",
    "date: 2021-03-23\n",
    "```\n",
    "~~~\n",
    "    ",
    "<!-- claimlint-disable -->",
    "<!--",
    "-->",
    "# ",
    "> ",
    "- ",
    "[link](http://x.y/..)",
    "https://a.b/c..d",
    "`code ..`",
    "&amp;",
    "\u200f",
    "\u200e",
    "مرحبا",
    "שלום",
    "日本語",
    "e\u0301",
    "\U0001f600",
    "\U0010fffd",
    "\x00",
    "\x0b",
    "\x1b",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\t",
    "\x85",
    "A",
    "The",
    "Iraq",
    "Iran",
]


def check_invariants(text: str, path: str, ruleset: RuleSet) -> Outcome:
    """Lint `text` as file `path`; assert the invariants; return the findings in brief."""
    doc = Document.from_source(Source(path, text))
    findings, problems = lint_document(doc, ruleset)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    assert not errors, errors
    outcome = []
    for finding in findings:
        assert 0 <= finding.start <= finding.end <= len(doc.text), (finding.rule, finding.start)
        location = diagnose(doc, finding).location
        line_start, line_end = doc.line_span(location.line)
        assert line_start <= finding.start <= line_end + 1, finding.rule
        assert location.column == finding.start - line_start + 1, finding.rule
        assert 0 <= location.start <= location.end <= len(text), finding.rule
        outcome.append((finding.rule, finding.start, finding.end, finding.message))
    return outcome
