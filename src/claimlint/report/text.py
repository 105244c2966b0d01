"""The terminal report: ruff-style diagnostics with a code frame, colour on a TTY,
plain text when piped or when NO_COLOR is set (rich decides, on a terminal).

Output that cannot be a terminal (a pipe or a file, with no FORCE_COLOR or
TTY_COMPATIBLE to say otherwise) is written without loading rich's console at all:
loading it is a large part of a one-file run (pre-commit's case)."""

from __future__ import annotations

import functools
import itertools
import os
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from rich.cells import cell_len

from claimlint.diagnostics import Diagnostic, Location
from claimlint.findings import Level
from claimlint.report import RunReport
from claimlint.safe_text import neutralise, printable_path

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

LEVEL_STYLE = {Level.ERROR: "bold red", Level.WARNING: "bold yellow", Level.INFO: "bold cyan"}
#: extra fields of a finding shown under its frame, in this order
SHOWN_DATA = ("resolution", "suggestion", "note")
_DATE_CATEGORIES = frozenset({"dates", "timeline"})
#: the width a code frame fits when the report is not going to a terminal (and
#: COLUMNS does not say)
PIPED_WIDTH = 100


class Output(Protocol):
    """Where the report goes: a rich Console, or a `PlainOutput`."""

    @property
    def file(self) -> Any: ...
    @property
    def is_terminal(self) -> bool: ...
    @property
    def no_color(self) -> bool: ...
    @property
    def width(self) -> int: ...

    def print(self, line: Any = "", style: str | None = None) -> None: ...


class PlainOutput:
    """A stream that is no terminal: lines written as they are, no styles."""

    is_terminal = False
    no_color = True

    def __init__(self, stream: TextIO) -> None:
        self.file = stream
        self.width = PIPED_WIDTH

    def print(self, line: Any = "", style: str | None = None) -> None:
        self.file.write(_plain(line) + "\n")


class Styled:
    """A line made of (text, style) pieces, turned into rich's Text only on a terminal.
    Made by `_assemble` alone, which makes every piece safe to print."""

    __slots__ = ("pieces",)

    def __init__(self, pieces: tuple[tuple[str, str | None], ...]) -> None:
        self.pieces = pieces

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self.pieces)

    def rich(self) -> Text:
        from rich.text import Text

        return Text.assemble(*((t, s) if s else t for t, s in self.pieces))


def _plain(line: Any) -> str:
    return line if isinstance(line, str) else str(line.plain)


def make_console(stream: TextIO | None = None, color: bool | None = None) -> Output:
    """Output for `stream` (standard output when None): rich's console where colour may
    be shown, else plain."""
    import sys

    target = sys.stdout if stream is None else stream
    if color is False or (color is None and not _may_be_terminal(target)):
        return PlainOutput(target)
    return rich_console(stream, color)


def rich_console(stream: TextIO | None = None, color: bool | None = None) -> Console:
    from rich.console import Console

    return Console(
        file=stream,
        highlight=False,
        soft_wrap=True,
        emoji=False,
        markup=False,
        force_terminal=color if color else None,
        no_color=True if color is False else None,
    )


def _may_be_terminal(stream: TextIO) -> bool:
    """Whether rich might treat `stream` as a terminal (the variables it reads to force
    one, or a TTY)."""
    if os.environ.get("FORCE_COLOR") or os.environ.get("TTY_COMPATIBLE"):
        return True
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def _print(console: Output, line: Styled | str = "", style: str | None = None) -> None:
    """Print one line; without colour, write it straight to the stream (rich's layout
    costs more than the rest of a large run's report). Article text, messages, paths
    and rule ids are untrusted: control characters never reach the terminal."""
    line = safe_line(line)
    if console.no_color or not console.is_terminal:
        console.file.write(_plain(line) + "\n")
    else:
        console.print(line.rich() if isinstance(line, Styled) else line, style=style)


def _assemble(*parts: str | tuple[str, str]) -> Styled:
    """The pieces of a line, made safe first (rich would drop some control characters
    itself, silently, and shift a code frame's caret)."""
    return Styled(
        tuple((_safe(p), None) if isinstance(p, str) else (_safe(p[0]), p[1]) for p in parts)
    )


@functools.lru_cache(maxsize=4096)
def _safe(piece: str) -> str:
    # cached: most pieces come back (a file's path, rule ids, the frame's bars)
    return neutralise(printable_path(piece))


def safe_line(line: Styled | str) -> Styled | str:
    """`line` with control, bidi and undecodable characters made visible (one for one,
    so styles stay on their characters). A `Styled` line is safe already: its pieces
    were made so when it was assembled."""
    if isinstance(line, Styled):
        return line
    return neutralise(printable_path(line))


def render(
    report: RunReport,
    console: Output,
    *,
    show_frames: bool = True,
    summary: bool = True,
    headers: bool = True,
) -> None:
    """The findings, each with its code frame (unless not `show_frames`), each file's
    reference date above its first date finding (if `headers`), and the summary line
    (if `summary`; not when nothing was checked for a broken configuration)."""
    width = frame_width(console)
    # findings come by path, so one file's are together: read a file's, then print them
    for path, group in itertools.groupby(report.diagnostics, key=_path_of):
        found = list(group)
        # the reference date matters only where dates were read against it
        if headers and show_frames and any(d.category in _DATE_CATEGORIES for d in found):
            _reference_date(console, path, report.files.get(path, {}))
        for diagnostic in found:
            _diagnostic(console, diagnostic, show_frames, width)
    if summary and (report.files or not report.errors):
        _summary(console, report)


def _path_of(diagnostic: Diagnostic) -> str:
    return diagnostic.path


def frame_width(console: Output) -> int:
    """The columns a code frame may fill: the terminal's, else COLUMNS, else PIPED_WIDTH."""
    if console.is_terminal:
        return console.width
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 0 else PIPED_WIDTH


def statistics(report: RunReport) -> list[dict[str, object]]:
    """Findings counted per rule, most frequent first (`--statistics`)."""
    rows: dict[str, dict[str, object]] = {}
    for d in report.diagnostics:
        row = rows.setdefault(
            d.rule,
            {
                "rule": d.rule,
                "category": d.category,
                "level": str(d.level),
                "count": 0,
                "fixable": 0,
            },
        )
        row["count"] = int(str(row["count"])) + 1
        if d.fix is not None and d.fix_safe:
            row["fixable"] = int(str(row["fixable"])) + 1
    return sorted(rows.values(), key=lambda r: (-int(str(r["count"])), str(r["rule"])))


def render_statistics(report: RunReport, console: Output) -> None:
    """One row per rule, in aligned columns: count, rule, level, fixable."""
    rows = statistics(report)
    count_width = max((len(str(r["count"])) for r in rows), default=1)
    rule_width = max((cell_len(neutralise(str(r["rule"]))) for r in rows), default=1)
    level_width = max((len(str(r["level"])) for r in rows), default=1)
    for row in rows:
        level = Level.parse(str(row["level"]))
        rule = neutralise(str(row["rule"]))
        fixable = f"  ({row['fixable']} fixable)" if row["fixable"] else ""
        line = _assemble(
            f"{row['count']!s:>{count_width}}  ",
            (rule, "magenta"),
            " " * (rule_width - cell_len(rule) + 2),
            (str(row["level"]), LEVEL_STYLE[level]),
            " " * (level_width - len(str(row["level"]))) if fixable else "",
            fixable,
        )
        _print(console, line)
    if report.files or not report.errors:
        _summary(console, report)


def _reference_date(console: Output, path: str, meta: dict[str, object]) -> None:
    """Once per file: the date its relative dates were read against, and its source."""
    if "reference_date" not in meta:
        return
    if meta["reference_date"] is None:
        line = "no reference date (no --date, front matter date or dateline)"
    else:
        line = f"reference date {meta['reference_date']} from {meta.get('reference_detail')}"
    _print(console, _assemble((f"{path}: ", "bold"), (line, "dim")))
    _print(
        console,
    )


def _diagnostic(console: Output, d: Diagnostic, show_frames: bool, width: int) -> None:
    loc = d.location
    head = _assemble(
        (f"{d.path}:{loc.line}:{loc.column}:", "bold"),
        " ",
        (str(d.level), LEVEL_STYLE[d.level]),
        ("[", "dim"),
        (d.rule, "magenta"),
        ("]", "dim"),
        " ",
        d.message,
    )
    _print(console, head)
    if not show_frames:
        return
    gutter = " " * len(str(loc.line))
    for line in _frame(d.source_line, loc, gutter, d.level, width):
        _print(console, line)
    if d.fix is not None:
        kind = "fix" if d.fix_safe else "suggested fix"
        shown = repr(d.fix) if d.fix.strip() != d.fix or not d.fix else f"'{d.fix}'"
        _print(
            console,
            _assemble(f"{gutter} = ", (f"{kind}: ", "bold green"), f"replace with {shown}"),
        )
    for related in d.related:
        rl = related.location
        _print(
            console,
            _assemble(
                f"{gutter} = ", ("note: ", "bold"), f"{related.message} ({rl.line}:{rl.column})"
            ),
        )
    for key in SHOWN_DATA:
        value = d.data.get(key)
        if value and str(value) not in d.message:
            _print(console, _assemble(f"{gutter} = ", (f"{key}: ", "bold"), str(value)))
    _print(
        console,
    )


def _frame(source_line: str, loc: Location, gutter: str, level: Level, width: int) -> list[Styled]:
    line = neutralise(source_line.replace("\t", " "))  # one for one: columns still match
    start = min(loc.column - 1, len(line))
    end = loc.end_column - 1 if loc.end_line == loc.line else len(line)
    end = min(max(end, start + 1), max(len(line), start + 1))
    # "12 | " before the excerpt; one column spare so that no terminal wraps the line
    room = max(20, width - len(gutter) - 4)
    left, right = excerpt_window(line, start, end, room)
    shown = line[left:right]
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    pad = cell_len(prefix + line[left:start])
    carets = max(1, cell_len(line[start : min(end, right)]))
    bar = _assemble((f"{gutter} |", "blue"))
    return [
        bar,
        _assemble((f"{loc.line} |", "blue"), " ", prefix, shown, suffix),
        _assemble((f"{gutter} |", "blue"), " ", " " * pad, ("^" * carets, LEVEL_STYLE[level])),
    ]


def excerpt_window(line: str, start: int, end: int, room: int) -> tuple[int, int]:
    """The part `[left, right)` of `line` to show in `room` columns (counting the "…" that
    marks a cut end): all of it if it fits, else the span `[start, end)` with as much
    context on each side as fits, the span's start always in view."""
    if len(line) <= room and cell_len(line) <= room:
        return 0, len(line)
    # every character the window may reach takes one column (most copy): count them
    reach = line[max(0, start - room) : max(end, start + 1) + room]
    if all(_char_width(char) == 1 for char in set(reach)):
        return _narrow_window(len(line), start, end, room)
    return _measured_window(line, start, end, room)


def _measured_window(line: str, start: int, end: int, room: int) -> tuple[int, int]:
    """`excerpt_window`, each character's width measured."""
    width = _char_width
    budget = room - 2  # an ellipsis at each end
    left = right = start
    used = 0
    while right < min(end, len(line)) and used + (w := width(line[right])) <= budget:
        used += w
        right += 1
    right = max(right, min(start + 1, len(line)))
    # context: half the room left over before the span, the rest after it, and what one
    # side cannot use goes to the other
    before_budget = (budget - used) // 2
    while left > 0 and (w := width(line[left - 1])) <= before_budget:
        before_budget -= w
        used += w
        left -= 1
    while right < len(line) and used + (w := width(line[right])) <= budget:
        used += w
        right += 1
    while left > 0 and used + (w := width(line[left - 1])) <= budget:
        used += w
        left -= 1
    return left, right


def _narrow_window(size: int, start: int, end: int, room: int) -> tuple[int, int]:
    """`excerpt_window` for a line of `size` characters that all take one column."""
    budget = room - 2
    right = start + max(0, min(min(end, size) - start, budget))
    used = right - start
    right = max(right, min(start + 1, size))
    before = min(start, max(0, (budget - used) // 2))
    left, used = start - before, used + before
    after = min(size - right, max(0, budget - used))
    right, used = right + after, used + after
    more = min(left, max(0, budget - used))
    return left - more, right


@functools.lru_cache(maxsize=4096)
def _char_width(char: str) -> int:
    """The columns one character takes (asked for every character of an excerpt)."""
    return cell_len(char)


def _summary(console: Output, report: RunReport) -> None:
    counts = report.counts()
    total = sum(counts.values())
    files = len(report.files)
    file_word = "file" if files == 1 else "files"
    hidden = _hidden(report)
    if total == 0:
        _print(console, _assemble((f"No findings in {files} {file_word}{hidden}.", "bold green")))
        return
    parts = []
    for level in (Level.ERROR, Level.WARNING, Level.INFO):
        n = counts.get(level, 0)
        if n:
            noun = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "info"}[level]
            parts.append(
                (f"{n} {noun}{'s' if n != 1 and level != Level.INFO else ''}", LEVEL_STYLE[level])
            )
    pieces: list[str | tuple[str, str]] = [f"Found {total} finding{'s' if total != 1 else ''} ("]
    for i, part in enumerate(parts):
        if i:
            pieces.append(", ")
        pieces.append(part)
    pieces.append(f") in {files} {file_word}{hidden}.")
    _print(console, _assemble(*pieces))


def _hidden(report: RunReport) -> str:
    """ ", 12 info not shown" when the report level hid findings."""
    if not report.hidden:
        return ""
    parts = []
    for level in (Level.WARNING, Level.INFO):
        n = report.hidden.get(level, 0)
        if n:
            parts.append(f"{n} {level}{'s' if n != 1 and level != Level.INFO else ''}")
    return f"; {' and '.join(parts)} below the report level not shown"
