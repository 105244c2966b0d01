"""`--fix` and `--diff`: apply the fixes that rules mark safe.

Offsets of a diagnostic (`location.start`/`end`) index the decoded file as read,
so edits apply to `Source.text` directly. Overlapping edits are resolved in text
order (the first wins); the text is then checked again and fixed again until no
safe fix is left, so that a second `--fix` changes nothing. Files are written back
in their own encoding, with their BOM and line endings (see `atomic`); a file that
changed on disk, or was deleted, after it was read is skipped with a message.
"""

from __future__ import annotations

import codecs
import difflib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

import msgspec

from claimlint.atomic import Change, Written, write_files
from claimlint.diagnostics import Diagnostic
from claimlint.fsguard import read_bytes
from claimlint.sources import InputError, Source, decode

#: fix passes over one file before giving up on reaching a fixed point
MAX_PASSES = 10
#: how much the safe fixes may lengthen a file: a tenth, and this many characters more
GROWTH_SLACK = 1_000

Linter = Callable[[Source], Sequence[Diagnostic]]


class Edit(msgspec.Struct, frozen=True, order=True):
    start: int
    end: int
    replacement: str
    rule: str


class FixOutcome(msgspec.Struct):
    source: Source
    text: str
    applied: Counter[str] = msgspec.field(default_factory=Counter)
    converged: bool = True
    #: why the fixes were refused (the text is then the source's, unchanged)
    refused: str | None = None

    @property
    def changed(self) -> bool:
        return self.text != self.source.text


def safe_edits(diagnostics: Iterable[Diagnostic], crlf: bool = False) -> list[Edit]:
    """The safe fixes as edits that do not overlap, chosen deterministically."""
    candidates = sorted(
        {
            Edit(
                d.location.start,
                d.location.end,
                d.fix.replace("\r\n", "\n").replace("\n", "\r\n") if crlf else d.fix,
                d.rule,
            )
            for d in diagnostics
            if d.fix is not None and d.fix_safe
        }
    )
    chosen: list[Edit] = []
    for edit in candidates:
        if chosen:
            last = chosen[-1]
            if (last.start, last.end, last.replacement) == (edit.start, edit.end, edit.replacement):
                continue  # two rules proposing the same change: apply it once
            if edit.start < last.end or (edit.start == last.start == last.end):
                continue
        chosen.append(edit)
    return chosen


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    parts: list[str] = []
    position = 0
    for edit in edits:
        parts.append(text[position : edit.start])
        parts.append(edit.replacement)
        position = edit.end
    parts.append(text[position:])
    return "".join(parts)


def fix_source(source: Source, lint: Linter) -> FixOutcome:
    """Apply safe fixes to `source` until none is left. Fixes that have not settled
    after `MAX_PASSES` passes, or that would lengthen the text by more than a tenth
    and `GROWTH_SLACK` characters, are refused: the outcome says why and changes
    nothing (a pack's fix that feeds on itself must not fill the disk)."""
    outcome = FixOutcome(source, source.text)
    current = source
    crlf = "\r\n" in source.text
    limit = len(source.text) + len(source.text) // 10 + GROWTH_SLACK
    for done in range(MAX_PASSES + 1):
        edits = [
            e
            for e in safe_edits(lint(current), crlf)
            if current.text[e.start : e.end] != e.replacement
        ]
        if not edits:
            return outcome
        rules = ", ".join(sorted({e.rule for e in edits}))
        growth = sum(len(e.replacement) - (e.end - e.start) for e in edits)
        if len(current.text) + growth > limit:
            return _refuse(
                outcome, f"the safe fixes ({rules}) would make it longer than {limit:,} characters"
            )
        if done == MAX_PASSES:
            outcome.converged = False
            return _refuse(
                outcome, f"the safe fixes ({rules}) did not settle in {MAX_PASSES} passes"
            )
        outcome.text = apply_edits(current.text, edits)
        outcome.applied.update(e.rule for e in edits)
        current = Source(source.path, outcome.text, source.encoding, source.bom)
    return outcome


def _refuse(outcome: FixOutcome, reason: str) -> FixOutcome:
    outcome.text = outcome.source.text
    outcome.applied.clear()
    outcome.refused = f"{reason}; not fixed (check the pack's fix)"
    return outcome


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def encode(text: str, original: bytes) -> bytes:
    """`text` in the encoding of the `original` bytes, with the same byte-order mark."""
    for bom, codec in _BOMS:
        if original.startswith(bom):
            return bom + text.encode(codec)
    return text.encode("utf-8")


def write(outcomes: Sequence[FixOutcome]) -> Written:
    """Write every changed file back (see `atomic`: all staged before any is changed; a
    file changed on disk since it was read is skipped; links and owners are kept).

    Raises `OSError` when nothing could be staged; then no file has been changed.
    """
    changes: list[Change] = []
    skipped: list[tuple[str, str]] = []
    for outcome in outcomes:
        if not outcome.changed:
            continue
        path = outcome.source.path
        try:
            current = read_bytes(path, 4 * len(outcome.source.text) + 4)
            unchanged = decode(path, current).text == outcome.source.text
        except FileNotFoundError:
            skipped.append((path, "deleted during the run; not recreated"))
            continue
        except (OSError, InputError):
            unchanged = False
        if not unchanged:
            skipped.append((path, "changed on disk during the run; not written (run again)"))
            continue
        changes.append(Change(path, encode(outcome.text, current), current))
    result = write_files(changes)
    result.skipped[:0] = skipped
    return result


def unified_diff(outcome: FixOutcome) -> str:
    path = outcome.source.path
    lines = difflib.unified_diff(
        outcome.source.text.splitlines(keepends=True),
        outcome.text.splitlines(keepends=True),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )
