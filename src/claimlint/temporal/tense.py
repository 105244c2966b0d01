"""A cheap guess at the tense around a date expression, from the nearest verb marker.

"met on Tuesday" is past, "will meet on Tuesday", "scheduled for Tuesday" and the
present of a schedule ("the council meets on Tuesday") are future. The nearest marker before the expression in its clause decides; failing that,
the nearest one after it ("Talks on Tuesday will focus on ..."); failing that,
the same in the whole sentence. No marker:
`Tense.UNKNOWN`, and the caller picks the news default.
"""

from __future__ import annotations

from enum import Enum

from claimlint import regex_cache, textindex
from claimlint.temporal.expressions import sentence_bounds


class Tense(Enum):
    PAST = "past"
    FUTURE = "future"
    UNKNOWN = "unknown"


_FUTURE = frozenset(
    [
        "will",
        "won't",
        "wont",
        "shall",
        "'ll",
        "’ll",
        "would",
        "going",
        "scheduled",
        "slated",
        "due",
        "set",
        "expected",
        "planned",
        "plans",
        "plan",
        "intends",
        "intend",
        "upcoming",
        "forthcoming",
        # the present of a schedule: "the law takes effect in January"
        *[
            "is",
            "are",
            "begins",
            "starts",
            "ends",
            "expires",
            "opens",
            "closes",
            "resumes",
            "takes",
            "meets",
            "holds",
            "comes",
        ],
        *["raises", "cuts", "lasts", "runs", "continues", "returns", "applies"],
        # the plural present of a schedule: "talks resume on Thursday"
        *["resume", "begin", "start", "open", "meet", "vote", "return", "convene", "reopen"],
        # intentions and modals look ahead: "they hope to agree by December"
        *["hope", "hopes", "hoping", "aim", "aims", "aiming", "expect", "expects", "want"],
        *["wants", "seek", "seeks", "could", "might", "should", "must", "may", "likely"],
    ]
)
#: words after "to" that show it is a preposition, not an infinitive ("to the summit")
_NOT_INFINITIVE = frozenset(
    [
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "its",
        "this",
        "that",
        "these",
        "those",
        "our",
        "my",
        "your",
        "be",
        "date",
        "power",
        "office",
        "court",
        "war",
        "home",
        "death",
        "prison",
        "port",
        "shore",
        "school",
        "work",
        "hospital",
        "jail",
        "bed",
        "town",
        "safety",
        "trial",
        "justice",
        "parliament",
        "congress",
        "police",
        "media",
        "people",
        "staff",
        "press",
    ]
)
#: words before "to" that make it a preposition: "back to port", "according to police"
_PREPOSITION_BEFORE = frozenset(
    ["back", "next", "according", "prior", "thanks", "owing", "compared", "opposed", "contrary"]
)
#: past verbs of trying and beginning before an infinitive: what was tried or begun
#: lies in the verb's own time ("failed to win on Saturday", "began to recede on
#: Thursday"), unlike what was agreed ("agreed to meet in December")
_SAME_TIME_BEFORE = frozenset(
    [
        *["failed", "failing", "tried", "managed", "attempted", "refused", "declined"],
        *["struggled", "rushed", "began", "started", "continued", "proceeded", "ceased"],
        # not "had": "he said he had to appear in court on Friday" is ahead of the story
        *["used", "appeared", "seemed", "happened"],
    ]
)
_PAST = frozenset(
    [
        "was",
        "were",
        "had",
        "did",
        "said",
        "told",
        "met",
        "held",
        "began",
        "begun",
        "took",
        "left",
        "came",
        "went",
        "made",
        "gave",
        "spoke",
        "saw",
        "found",
        "fought",
        "won",
        "lost",
        "sent",
        "wrote",
        "brought",
        "became",
        "put",
        "ran",
        "struck",
        "hit",
        "fled",
        "fell",
        "rose",
        "led",
        "kept",
        "paid",
        "sought",
        "thought",
        "felt",
        "got",
        "bought",
        "caught",
        "stood",
        "understood",
        # past forms the "-ed" test misses: too short ("died") or irregular
        "died",
        "sued",
        "tied",
        "owed",
        "eyed",
        "vied",
        "shot",
        "drew",
        "drove",
        "flew",
        "threw",
        "grew",
        "knew",
        "chose",
        "broke",
        "spent",
        "built",
        "heard",
        "sold",
        "taught",
        "stole",
        "shook",
        "swore",
        "withdrew",
        "underwent",
        "oversaw",
        "ago",
    ]
)
_NOT_PAST_ED = frozenset(
    [
        "need",
        "indeed",
        "speed",
        "feed",
        "seed",
        "proceed",
        "succeed",
        "exceed",
        "bed",
        "red",
        "shed",
    ]
)
_CLAUSE_MARKS = regex_cache.re_compile(r"(?=([,;()]| — | – ))")
_PASSIVE = frozenset({"be", "been", "being"})
# numbers are words too: "climbed to 4.80% from 4.69% late Monday" has no infinitive
_WORD = regex_cache.re_compile(r"[A-Za-z]+(?:['’][a-z]+)?|['’]ll|\d+(?:[.,]\d+)*")


def _classify(word: str) -> Tense:
    lower = word.lower()
    if not word.islower() and lower in ("may", "march"):
        return Tense.UNKNOWN  # the months, not the verbs
    if lower in _FUTURE or lower.endswith(("'ll", "’ll")):
        return Tense.FUTURE
    if lower in _PAST:
        return Tense.PAST
    if lower.endswith("ed") and len(lower) > 4 and lower not in _NOT_PAST_ED and word[0].islower():
        return Tense.PAST
    return Tense.UNKNOWN


def tense_at(text: str, start: int, end: int) -> Tense:
    """The tense of the clause around `text[start:end]`, else of its sentence."""
    sentence_start, sentence_end = sentence_bounds(text, start, end)
    clauses = textindex.marks(text, _CLAUSE_MARKS)
    clause_start = max(sentence_start, textindex.last_within(clauses, 0, start) + 1)
    clause_end = textindex.first_within(clauses, end, sentence_end)
    clause_end = sentence_end if clause_end < 0 else clause_end
    for left, right in ((clause_start, clause_end), (sentence_start, sentence_end)):
        tense = _nearest(text[left:start], text[end:right])
        if tense is not Tense.UNKNOWN:
            return tense
    return Tense.UNKNOWN


def _infinitive(words: list[str], index: int) -> bool:
    """True when `words[index]` is the "to" of an infinitive: "to agree", not "to Baghdad"."""
    if words[index] != "to" or index + 1 >= len(words):
        return False
    following = words[index + 1]
    return (
        following.islower()
        and following not in _NOT_INFINITIVE
        and not following.endswith("ing")
        and not _plural(following)
    )


def _plural(word: str) -> bool:
    """A plural noun, not a verb: "spoke to reporters" ("to discuss", "to focus" are verbs)."""
    return word.endswith("s") and not word.endswith(("ss", "us"))


def _nearest(before_text: str, after_text: str) -> Tense:
    before = _WORD.findall(before_text)
    for index in range(len(before) - 1, -1, -1):
        if _infinitive(before, index):
            verb = before[index - 1].lower() if index > 0 else ""
            if verb in _SAME_TIME_BEFORE:
                return Tense.PAST
            if verb not in _PREPOSITION_BEFORE:
                return Tense.FUTURE  # "agreed to meet in December": the meeting is ahead
        tense = _classify(before[index])
        if tense is Tense.PAST and index > 0 and before[index - 1].lower() in _PASSIVE:
            continue  # "will be held": the auxiliary before "be" decides
        if tense is not Tense.UNKNOWN:
            return tense
    for word in _WORD.findall(after_text):
        tense = _classify(word)
        if tense is not Tense.UNKNOWN:
            return tense
    return Tense.UNKNOWN
