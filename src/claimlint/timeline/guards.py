"""Words right around a date that say it is not when something happened.

- an edge or a plan: "since 1998", "until 2024", "by June", "scheduled for June 12",
  "beginning on October 10";
- a report: "officials said on Monday";
- a range: "2010 to 2014", "March 3-5";
- a measured distance: "on July 20, nine days after the river rose", "two days later,
  on January 5";
- a name: "the Jan. 6 committee", "the July 15 Martyrs' Bridge", "the March 14
  alliance": a date between a determiner and a word that is not an event's.
"""

from __future__ import annotations

from claimlint import regex_cache

_EDGE_BEFORE = regex_cache.re_compile(
    r"(?i)\b(?:since|until|till|from|by|for|between|to|through|after|before|born|founded|"
    r"established|following|ahead\s+of|prior\s+to|as\s+of|as\s+early\s+as|starting|beginning|"
    r"effective)(?:\s+(?:early|late|mid|the|about|around|on|in|at))*\s*,?\s*$"
)
_SPEECH_BEFORE = regex_cache.re_compile(
    r"(?i)\b(?:said|says|told|announced|reported|added|confirmed|stated|declared|wrote|"
    r"tweeted|noted|explained|insisted|warned|claimed)\b[^.;:]{0,12}$"
)
_RANGE_AFTER = regex_cache.re_compile(r"(?i)^\s*(?:-|–|—|to|until|till|through|and)\s")
_UNITS = r"(?:hours?|days?|weeks?|months?|years?)"
_COUNT = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a\s+few|some)"
_MEASURED_AFTER = regex_cache.re_compile(
    rf"(?i)^\s*,?\s*{_COUNT}\s+{_UNITS}\s+(?:after|later|before|earlier|since|into)\b"
)
_MEASURED_BEFORE = regex_cache.re_compile(
    rf"(?i)\b{_COUNT}\s+{_UNITS}\s+(?:later|earlier|(?:after|before)(?:\s+[\w’'-]+){{1,5}})\s*,?\s*(?:on|in)?\s*$"
)
_DETERMINER_BEFORE = regex_cache.re_compile(r"(?i)\b(?:the|a|an|this|that|its|his|her|their)\s+$")
_WORD_AFTER = regex_cache.re_compile(r"^,?\s+(?P<word>[A-Za-z][\w’'-]*)")
#: words that may follow a date without making it a name ("the May 14 killing of ...")
_NOT_A_NAME = frozenset(
    {"of", "in", "on", "at", "and", "or", "to", "when", "as", "was", "were", "is", "had",
     "has", "that", "which", "who", "by", "with", "from", "after", "before", "for"}
)  # fmt: skip


def edge_or_report(text: str, clause_start: int, start: int, end: int) -> bool:
    """Whether the date at `text[start:end]` is a period's edge, a plan's target, a
    report's day or the start of a range."""
    before = text[max(clause_start, start - 40) : start]
    if _EDGE_BEFORE.search(before) or _SPEECH_BEFORE.search(before):
        return True
    return _RANGE_AFTER.match(text[end : end + 10]) is not None


def measured(text: str, sentence_start: int, start: int, end: int) -> bool:
    """Whether the date is given as a distance from something else."""
    if _MEASURED_AFTER.match(text[end : end + 40]):
        return True
    return _MEASURED_BEFORE.search(text[max(sentence_start, start - 70) : start]) is not None


def word_after_modifier(text: str, sentence_start: int, start: int, end: int) -> int | None:
    """Where the word stands that a date modifies, between a determiner and it ("the
    Jan. 6 committee", "the 2019 fire"); the caller decides whether it is an event's
    word. None when the date does not stand so."""
    if not _DETERMINER_BEFORE.search(text[max(sentence_start, start - 8) : start]):
        return None
    after = _WORD_AFTER.match(text[end : end + 40])
    if after is None or after.group("word").casefold() in _NOT_A_NAME:
        return None
    return end + after.start("word")
