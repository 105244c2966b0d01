"""Quote marks and the part each one plays where it stands.

A mark's glyph says which family it belongs to (double or single) and its style
(straight, curly, low-9, guillemet); curly glyphs also say which way they face, but
translation and smart-quote software get that wrong often enough that the
surrounding characters (CommonMark's "flanking") decide first. Single marks are
mostly apostrophes: between two letters or digits (don't, Shi’ite, 1990’s), in an
elision (’90s, rock ’n’ roll) or after a word with nothing to close (the Joneses’).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from enum import Enum, StrEnum

import msgspec
import regex

from claimlint import regex_cache


class Family(StrEnum):
    DOUBLE = "double"
    SINGLE = "single"


class Style(StrEnum):
    STRAIGHT = "straight"
    CURLY = "curly"
    LOW9 = "low-9"
    GUILLEMET = "guillemet"


class Role(Enum):
    OPEN = "open"
    CLOSE = "close"
    #: faces neither way (a straight mark between spaces or letters): opens or closes by state
    EITHER = "either"
    #: a straight or curly double after a digit: an inch mark unless a quote is open
    CLOSE_OR_PRIME = "close-or-prime"
    APOSTROPHE = "apostrophe"
    PRIME = "prime"


class Glyph(msgspec.Struct, frozen=True):
    family: Family
    style: Style
    #: the role the glyph itself suggests when the context does not decide
    facing: Role


GLYPHS: dict[str, Glyph] = {
    '"': Glyph(Family.DOUBLE, Style.STRAIGHT, Role.EITHER),
    "'": Glyph(Family.SINGLE, Style.STRAIGHT, Role.EITHER),
    "“": Glyph(Family.DOUBLE, Style.CURLY, Role.OPEN),
    "”": Glyph(Family.DOUBLE, Style.CURLY, Role.CLOSE),
    "‟": Glyph(Family.DOUBLE, Style.CURLY, Role.OPEN),
    "‘": Glyph(Family.SINGLE, Style.CURLY, Role.OPEN),
    "’": Glyph(Family.SINGLE, Style.CURLY, Role.CLOSE),
    "‛": Glyph(Family.SINGLE, Style.CURLY, Role.OPEN),
    "„": Glyph(Family.DOUBLE, Style.LOW9, Role.OPEN),
    "‚": Glyph(Family.SINGLE, Style.LOW9, Role.OPEN),
    "«": Glyph(Family.DOUBLE, Style.GUILLEMET, Role.OPEN),
    "»": Glyph(Family.DOUBLE, Style.GUILLEMET, Role.CLOSE),
    "‹": Glyph(Family.SINGLE, Style.GUILLEMET, Role.OPEN),
    "›": Glyph(Family.SINGLE, Style.GUILLEMET, Role.CLOSE),
}

MARK_PATTERN = regex_cache.compile("[" + regex.escape("".join(GLYPHS)) + "]")
APOSTROPHES = "'’‘"

#: opening/closing pairs that are correct somewhere (English, German, Polish, Swedish,
#: French); anything else within a family is a mismatched pair
COMPATIBLE: frozenset[tuple[str, str]] = frozenset(
    {
        ("“", "”"),
        ('"', '"'),
        ("„", "“"),
        ("„", "”"),
        ("”", "”"),
        ("‟", "”"),
        ("«", "»"),
        ("‘", "’"),
        ("'", "'"),
        ("‚", "‘"),
        ("‚", "’"),
        ("’", "’"),
        ("‛", "’"),
        ("‹", "›"),
    }
)

# Characters that may stand right before an opening mark (besides a space) and right
# after a closing one: brackets, dashes, slashes, Markdown emphasis, other quote marks.
_EDGE_EXTRA = "/*_~"
_INITIAL_QUOTES = "“‘„‚«‹‟‛\"'"
_CATEGORIES_BEFORE_OPEN = {"Ps", "Pi", "Pd"}
_CATEGORIES_AFTER_CLOSE = {"Pe", "Pf", "Pd", "Po"}

_SENTENCE_PUNCTUATION = ".,;:!?"
#: marks looked through when classifying a neighbour: guillemets face where they point
_RUN_MARKS = "".join(ch for ch, glyph in GLYPHS.items() if glyph.style is not Style.GUILLEMET)
_DECADE = r"\d0s|\d\d(?!\d)"


class Mark(msgspec.Struct, frozen=True):
    offset: int
    char: str
    glyph: Glyph
    role: Role

    @property
    def family(self) -> Family:
        return self.glyph.family

    @property
    def style(self) -> Style:
        return self.glyph.style


def elision_pattern(words: Iterable[str]) -> regex.Pattern[str]:
    """Words written with a leading apostrophe ('em, 'til, 'n'), and decades ('90s).

    An apostrophe inside a listed word ("n'") matches any apostrophe glyph."""
    alternatives = [_DECADE]
    for word in sorted(
        {w.strip().lstrip(APOSTROPHES) for w in words if w.strip()}, key=lambda s: (-len(s), s)
    ):
        alternatives.append(
            "".join(f"[{APOSTROPHES}]" if ch in APOSTROPHES else regex.escape(ch) for ch in word)
        )
    return regex_cache.compile(
        rf"(?<!\w)[{APOSTROPHES}](?:{'|'.join(alternatives)})(?!\w)",
        regex.IGNORECASE,
    )


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _may_follow_opening(ch: str) -> bool:
    """May `ch` stand right after an opening mark (not a space, full stop or comma)?"""
    return not (
        _is_space(ch) or ch in _SENTENCE_PUNCTUATION or unicodedata.category(ch) in ("Pe", "Pf")
    )


def _may_precede_closing(ch: str) -> bool:
    """May `ch` stand right before a closing mark (not a space, an opening bracket or
    guillemet; other quote marks are looked through, so German “ is no opener here)?"""
    return not (_is_space(ch) or unicodedata.category(ch) in ("Ps", "Pi"))


def _may_precede_opening(ch: str) -> bool:
    """May `ch` stand right before an opening mark (a space, bracket, dash)?"""
    return (
        _is_space(ch)
        or ch in _EDGE_EXTRA
        or ch in _INITIAL_QUOTES
        or unicodedata.category(ch) in _CATEGORIES_BEFORE_OPEN
    )


def _may_follow_closing(ch: str) -> bool:
    """May `ch` stand right after a closing mark (a space, punctuation)?"""
    return (
        _is_space(ch)
        or ch in _EDGE_EXTRA
        or ch in GLYPHS
        or unicodedata.category(ch) in _CATEGORIES_AFTER_CLOSE
    )


def classify(before: str, char: str, after: str, outer_before: str, outer_after: str) -> Role:
    """The role of the mark `char` between the characters `before` and `after` ("" at
    the edge of a paragraph). `outer_before` and `outer_after` are the nearest characters
    that are not quote marks: a run of marks faces the way the run does (in `said.”“We`
    or `6'2"“`, what counts is the text on either side of the run)."""
    glyph = GLYPHS[char]
    if glyph.family is Family.SINGLE and before.isalnum() and after.isalnum():
        return Role.APOSTROPHE
    if glyph.family is Family.DOUBLE and before.isdigit() and char in '"”':
        return Role.CLOSE_OR_PRIME
    if glyph.style is Style.GUILLEMET:
        # French spacing (« Oui ») defeats flanking; English copy never reverses them
        return glyph.facing
    can_open = _may_follow_opening(outer_after) and _may_precede_opening(outer_before)
    can_close = _may_precede_closing(outer_before) and _may_follow_closing(outer_after)
    if can_open and not can_close:
        return Role.OPEN
    if can_close and not can_open:
        return Role.CLOSE
    return glyph.facing


def mark_offsets(text: str) -> list[int]:
    """Where the quote marks of `text` stand: one scan for a whole document."""
    return [match.start() for match in MARK_PATTERN.finditer(text)]


def find_marks(
    text: str,
    start: int,
    end: int,
    elisions: regex.Pattern[str],
    offsets: Sequence[int] | None = None,
) -> list[Mark]:
    """Every quote mark of `text[start:end]` (one paragraph), with its role. `offsets`
    are the marks' offsets in the paragraph, when known (`mark_offsets`); `elisions` is
    an `elision_pattern`."""
    if offsets is None:
        offsets = [match.start() for match in MARK_PATTERN.finditer(text, start, end)]
    elided = _elided(text, end, elisions, offsets)
    marks = []
    first_opening = text.find("«", start, end)
    # the text either side of the current run of marks, found once per run (looking
    # through the run again for each of its marks made a long run quadratic)
    outer_before = outer_after = next_before = -1
    for offset in offsets:
        char = text[offset]
        if offset >= outer_after:
            outer_before = _skip_marks(text, offset - 1, start, -1)
            outer_after = _skip_marks(text, offset + 1, end, 1)
        else:
            outer_before = next_before
        # a mark that does not join runs is where the run of the next marks begins
        next_before = outer_before if char in _RUN_MARKS else offset
        no_opening = first_opening == -1 or first_opening > offset
        if char == "»" and no_opening and _spaced(text, offset, start, end):
            continue  # a separator: "Home » World", "Read more »"
        if offset in elided:
            marks.append(Mark(offset, char, GLYPHS[char], Role.APOSTROPHE))
            continue
        role = classify(
            _char_at(text, offset - 1, start, end),
            char,
            _char_at(text, offset + 1, start, end),
            _char_at(text, outer_before, start, end),
            _char_at(text, outer_after, start, end),
        )
        if role is Role.CLOSE_OR_PRIME and (
            _follows_feet(text, start, offset) or _char_at(text, offset + 1, start, end) in '"”»'
        ):
            # 6'2" is a height; in '55"".' the first mark is the inch, the second the quote
            role = Role.PRIME
        marks.append(Mark(offset, char, GLYPHS[char], role))
    return marks


def _spaced(text: str, offset: int, start: int, end: int) -> bool:
    """Is the mark at `offset` spaced on both sides (or at an edge of its paragraph)?
    A » so spaced, with no « before it, separates ("Samson » October 25th")."""
    return _is_space(_char_at(text, offset - 1, start, end)) and _is_space(
        _char_at(text, offset + 1, start, end)
    )


def _elided(text: str, end: int, elisions: regex.Pattern[str], offsets: Sequence[int]) -> set[int]:
    """The apostrophes of the elisions among the marks at `offsets`: the matches that
    `elisions.finditer` would find in the paragraph. Each of them begins with an
    apostrophe, so it is tried only where one stands, past the previous match."""
    elided: set[int] = set()
    searched_to = 0
    for offset in offsets:
        if offset < searched_to or text[offset] not in APOSTROPHES:
            continue
        match = elisions.match(text, offset, end)
        if match is not None:
            elided.update(
                match.start() + i for i, ch in enumerate(match.group()) if ch in APOSTROPHES
            )
            searched_to = match.end()
    return elided


def _char_at(text: str, index: int, start: int, end: int) -> str:
    return text[index] if start <= index < end else ""


def _skip_marks(text: str, index: int, limit: int, step: int) -> int:
    while (index >= limit if step < 0 else index < limit) and text[index] in _RUN_MARKS:
        index += step
    return index


_FEET = regex_cache.compile(r"\d['’′]\s?\d{1,2}(?:\.\d+)?$")


def _follows_feet(text: str, start: int, offset: int) -> bool:
    """Is the double mark at `offset` the inches of a height such as 6'2"?"""
    return bool(_FEET.search(text, max(start, offset - 8), offset))
