"""Text from files, configs and articles made safe to show.

Two uses: `excerpt` quotes a value read from a data file in an error message (short,
escaped, so an error never prints a line of some other file); `neutralise` makes any
text safe for a terminal (no escape sequences, no control or bidi characters, no
undecodable bytes), keeping one visible cell per replaced character so code frames
still line up.
"""

from __future__ import annotations

import re

from claimlint import regex_cache

#: characters of a file's content an error message may quote
EXCERPT_CHARS = 40

# C0 and C1 controls, DEL, bidi embeddings, overrides, isolates and marks, line and
# paragraph separators, and lone surrogates (undecodable bytes of a file name). Written
# as escapes the engine reads: a pattern holding lone surrogates themselves has no UTF-8
# form, so the pattern cache could not keep it.
_UNSAFE = regex_cache.re_compile(
    r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_SURROGATE = regex_cache.re_compile(r"[\ud800-\udfff]")


def _picture(char: str) -> str:
    code = ord(char)
    if char == "\t":
        return " "
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛ for ESC, ␊ for LF
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def neutralise(text: str) -> str:
    """`text` with every control, bidi-control and undecodable character replaced by a
    visible stand-in, one for one (a code frame's caret still lines up), so printing it
    cannot move the cursor, retitle a terminal, reorder a line or fail to encode."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: _picture(m.group()), text)


def excerpt(value: object, limit: int = EXCERPT_CHARS) -> str:
    """A short, quoted, escaped rendering of `value` for an error message."""
    text = str(value)
    if len(text) > limit:
        return repr(text[:limit]) + "…"
    return repr(text)


def printable_path(path: str) -> str:
    """A path for a report: bytes that were not UTF-8 shown as `\\xNN`, so the report
    can be encoded (and the path is still recognisable)."""
    if not _SURROGATE.search(path):
        return path
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


_QUOTED = regex_cache.re_compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`")
_ONE_CHAR = regex_cache.re_compile(r"""(['"])(?:[^\\]|\\[a-z]|\\x[0-9a-f]{2}|\\u[0-9a-f]{4})\1""")


def scrub_quotes(message: str) -> str:
    """`message` (from a parser or a validator) with any quoted fragment of the file
    longer than one character removed: what a file that did not parse may show."""
    return _QUOTED.sub(lambda m: m.group() if _ONE_CHAR.fullmatch(m.group()) else "'…'", message)


def shorten_quotes(message: str, limit: int = EXCERPT_CHARS) -> str:
    """`message` with each quoted fragment cut to `limit` characters and escaped."""

    def shorten(match: re.Match[str]) -> str:
        quoted = match.group()
        inner = quoted[1:-1]
        if len(inner) <= limit and inner.isprintable():
            return quoted
        return excerpt(inner, limit)

    return _QUOTED.sub(shorten, message)


def neutralise_lines(text: str) -> str:
    """`neutralise` for text of several lines: the line feeds stay."""
    return "\n".join(neutralise(line) for line in text.split("\n"))


_JSON_UNSAFE = regex_cache.re_compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def json_safe(encoded: str) -> str:
    """JSON text (as `json.dumps(..., ensure_ascii=False)` writes it) with the characters
    it leaves raw that a terminal acts on (C1 controls, DEL, bidi controls) written as
    `\\uXXXX` escapes (the same JSON value, safe to print), and the bytes of a file name
    that were not UTF-8 as the text `\\xNN` (as `printable_path` shows them)."""
    if not _JSON_UNSAFE.search(encoded):
        return encoded
    return _JSON_UNSAFE.sub(_json_escape, encoded)


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that was not UTF-8: shown as \xNN
        return f"\\\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"
