"""A sentence cut into clauses, cheaply: at semicolons, colons, dashes and brackets (and
at a full stop the sentence splitter kept inside: "attack. - Prime Minister…"), at a
comma before "which", "who", "whose" or "where" (a relative clause), at a comma before
"while", "but" or "and", and before a subordinating word ("when", "after", "since"…).

A date belongs to the words of its own clause: in "Tanase, who was first elected in
December 2014, spent the night of the coup attempt in a bunker", December 2014 goes
with "elected", not with the coup attempt. A relative clause also reaches back to the
clause it hangs on (its `head`): in "The referendum, which passed on April 6", the date
is the referendum's.
"""

from __future__ import annotations

from enum import Enum

import msgspec

from claimlint import regex_cache

_SPLIT = regex_cache.re_compile(
    r"""(?ix)
      [;:!?](?=\s) | \.(?=\s+[-—–])
    | \s[-—–]\s | — | [()]
    | ,\s+(?P<relative>which|who|whose|where)\b
    | ,\s+(?:while|but|and)\b
    | \s(?P<subordinate>when|after|before|while|since|until|as|because|whereas|following|once)\s
    """
)


class ClauseKind(Enum):
    MAIN = "main"
    RELATIVE = "relative"
    SUBORDINATE = "subordinate"


class Clause(msgspec.Struct, frozen=True):
    start: int
    end: int
    kind: ClauseKind
    #: the clause before it in the sentence (what a relative or subordinate clause hangs on)
    head: Clause | None = None

    def holds(self, position: int) -> bool:
        return self.start <= position <= self.end


def clauses(text: str, start: int, end: int) -> list[Clause]:
    """The clauses of `text[start:end]`, in order, covering it."""
    found: list[Clause] = []
    begin, kind = start, ClauseKind.MAIN
    for match in _SPLIT.finditer(text, start, end):
        found.append(Clause(begin, match.start(), kind, found[-1] if found else None))
        begin = match.end()
        if match.group("relative"):
            begin = match.start("relative")
            kind = ClauseKind.RELATIVE
        elif match.group("subordinate"):
            kind = ClauseKind.SUBORDINATE
        else:
            kind = ClauseKind.MAIN
    found.append(Clause(begin, end, kind, found[-1] if found else None))
    return found


def clause_at(found: list[Clause], position: int) -> Clause:
    """The clause that holds `position` (the last one when it is past the end)."""
    for clause in found:
        if clause.start <= position < clause.end:
            return clause
    for clause in reversed(found):
        if clause.start <= position:
            return clause
    return found[0]
