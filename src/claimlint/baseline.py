"""Baselines: record the findings of a legacy archive, then report only new ones.

An entry is the file (relative to the baseline), the rule, the flagged text and a
hash of the text around it on its line, never the line number, so findings still
match when lines move. Entries form a multiset: two identical findings in a file
need two entries.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import msgspec

from claimlint.atomic import write_file
from claimlint.diagnostics import Diagnostic
from claimlint.fsguard import NotReadable, read_bytes
from claimlint.sources import STDIN, InputError, read_source

FORMAT_VERSION = 1
#: the largest baseline read (an archive with a few hundred thousand findings)
MAX_BASELINE_BYTES = 256 * 1024 * 1024
_CONTEXT_CHARS = 40
_ENTRY_KEYS = ("path", "rule", "text", "context")


class BaselineError(Exception):
    """A baseline file that cannot be read: the message names the file and the reason."""


class Entry(msgspec.Struct, frozen=True, order=True):
    path: str
    rule: str
    text: str
    context: str


def context_hash(text: str, start: int, end: int) -> str:
    """Hash of the same-line text around `text[start:end]`, whitespace collapsed."""
    # searched only as far as the context reaches: a line of megabytes costs no more
    floor = max(0, start - _CONTEXT_CHARS)
    line_start = max(text.rfind("\n", floor, start) + 1, floor)
    ceiling = min(len(text), end + _CONTEXT_CHARS)
    newline = text.find("\n", end, ceiling)
    line_end = ceiling if newline < 0 else newline
    before = " ".join(text[line_start:start].split())
    after = " ".join(text[end:line_end].split())
    return hashlib.sha256(f"{before}\x00{after}".encode()).hexdigest()[:16]


def entries(diagnostics: Sequence[Diagnostic], root: Path) -> list[tuple[Diagnostic, Entry]]:
    """The baseline entry of each diagnostic (stdin and unreadable files have none)."""
    texts: dict[str, str | None] = {}
    out = []
    for d in diagnostics:
        if d.path not in texts:
            texts[d.path] = _read(d.path)
        text = texts[d.path]
        if text is None:
            continue
        start, end = d.location.start, d.location.end
        entry = Entry(
            path=_relative(d.path, root),
            rule=d.rule,
            text=text[start:end].replace("\r\n", "\n"),
            context=context_hash(text, start, end),
        )
        out.append((d, entry))
    return out


def _read(path: str) -> str | None:
    if path == STDIN:
        return None
    try:
        return read_source(path).text
    except InputError:
        return None


def _relative(path: str, root: Path) -> str:
    return Path(os.path.relpath(os.path.abspath(path), root)).as_posix()


def load(path: Path) -> Counter[Entry]:
    try:
        data = json.loads(read_bytes(path, MAX_BASELINE_BYTES).decode("utf-8"))
    except FileNotFoundError:
        raise BaselineError(
            f"{path}: no such baseline (create it with --update-baseline)"
        ) from None
    except NotReadable as exc:
        raise BaselineError(f"{path}: not read: {exc.reason}") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: not a claimlint baseline: {exc}") from None
    except RecursionError:
        raise BaselineError(f"{path}: not a claimlint baseline: nested too deeply") from None
    if not isinstance(data, dict) or data.get("claimlint_baseline") != FORMAT_VERSION:
        raise BaselineError(f"{path}: not a claimlint baseline (version {FORMAT_VERSION})")
    findings = data.get("findings", [])
    if not isinstance(findings, list):
        raise BaselineError(f"{path}: 'findings' is a list of findings")
    counter: Counter[Entry] = Counter()
    for index, item in enumerate(findings):
        values = [item.get(key) for key in _ENTRY_KEYS] if isinstance(item, dict) else []
        fields = [v for v in values if isinstance(v, str)]
        if len(fields) != len(_ENTRY_KEYS):
            raise BaselineError(
                f"{path}: findings[{index}] needs path, rule, text and context (strings)"
            )
        counter[Entry(*fields)] += 1
    return counter


def save(path: Path, diagnostics: Sequence[Diagnostic]) -> int:
    """Write the baseline of `diagnostics`; the number of entries written."""
    rows = []
    for d, entry in entries(diagnostics, path.resolve().parent):
        rows.append(
            {
                "path": entry.path,
                "rule": entry.rule,
                "text": entry.text,
                "context": entry.context,
                "line": d.location.line,
                "message": d.message,
            }
        )
    rows.sort(key=lambda r: (r["path"], r["line"], r["rule"], r["text"]))
    payload = {"claimlint_baseline": FORMAT_VERSION, "findings": rows}
    text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    # a file name that is not UTF-8 keeps its bytes as \udcNN escapes: the same on load
    write_file(str(path), text.encode("utf-8", "backslashreplace"))
    return len(rows)


def new_findings(
    diagnostics: Iterable[Diagnostic], baseline: Counter[Entry], baseline_path: Path
) -> tuple[list[Diagnostic], int]:
    """The diagnostics not in the baseline, and how many were in it."""
    remaining = Counter(baseline)
    matched: set[int] = set()
    listed = list(diagnostics)
    for d, entry in entries(listed, baseline_path.resolve().parent):
        if remaining[entry] > 0:
            remaining[entry] -= 1
            matched.add(id(d))
    new = [d for d in listed if id(d) not in matched]
    return new, len(listed) - len(new)
