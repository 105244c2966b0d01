"""One article's section: its heading with the reference date, its timeline, its text
with every finding marked, and the list of its findings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from claimlint.diagnostics import Diagnostic, Location
from claimlint.findings import Level
from claimlint.report.html import timeline
from claimlint.report.html.marks import Span, attr, markup, text
from claimlint.report.html.timeline import Placed
from claimlint.sources import text_digest

ICONS = {"error": "✖", "warning": "▲", "info": "i"}
NAMES = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "info"}
_SOURCES = {
    "option": "given with --date",
    "front-matter": "from the front matter",
    "dateline": "from the dateline",
}


def badge(level: str) -> str:
    return f'<span class="badge {level}">{ICONS.get(level, "")} {level}</span>'


def consistent(article: str, meta: Mapping[str, Any], diagnostics: Sequence[Diagnostic]) -> bool:
    """Whether `article` is the text the findings were made on (a file edited since it
    was checked is shown without its text rather than with marks in the wrong places):
    its digest is the one the run recorded, or, when the run recorded none, each
    finding's (and secondary location's) line still reads as it did."""
    digest = meta.get("text_sha256")
    if isinstance(digest, str):
        return text_digest(article) == digest
    for d in diagnostics:
        places = [(d.location, d.source_line)] + [(r.location, r.source_line) for r in d.related]
        for location, line in places:
            if location.end > len(article) or _line_at(article, location) != line:
                return False
    return True


def _line_at(article: str, location: Location) -> str:
    offset = location.start
    start = max(article.rfind("\n", 0, offset), article.rfind("\r", 0, offset)) + 1
    ends = [i for i in (article.find("\n", offset), article.find("\r", offset)) if i >= 0]
    return article[start : min(ends) if ends else len(article)]


def describe_fix(d: Diagnostic) -> str | None:
    if d.fix is not None:
        shown = repr(d.fix) if not d.fix.strip() else d.fix
        return f"{'Fix (safe)' if d.fix_safe else 'Suggested fix'}: {shown}"
    suggestion = d.data.get("suggestion")
    return f"Suggestion: {suggestion}" if isinstance(suggestion, str) else None


def _title(d: Diagnostic) -> str:
    level = NAMES[d.level]
    lines = [f"{ICONS[level]} {level} · {d.category} · {d.rule}", d.message]
    fix = describe_fix(d)
    if fix:
        lines.append(fix)
    return "\n".join(lines)


def render(
    number: int,
    path: str,
    meta: Mapping[str, Any],
    diagnostics: Sequence[Diagnostic],
    article: str | None,
    unavailable: str,
    categories: Mapping[str, int],
) -> str:
    """The section of article `number`; `article` is its text, or None (then
    `unavailable` says why)."""
    prefix = f"a{number}"
    placed = [Placed(f"{prefix}-f{i}", d) for i, d in enumerate(diagnostics)]
    if article is not None and not consistent(article, meta, diagnostics):
        article, unavailable = None, "the file has changed since it was checked"
    linked = article is not None
    out = [
        f'<section class="article" id="{prefix}" aria-labelledby="{prefix}-h">',
        f'<h2 id="{prefix}-h">{text(path)}</h2>',
        _counts(diagnostics),
        _reference(prefix, meta, linked),
        timeline.render(prefix, meta, placed, linked),
        '<div class="body">',
    ]
    if article is None:
        out.append(f'<p class="unavailable">Text not shown: {text(unavailable)}.</p>')
    else:
        spans = _spans(prefix, meta, placed, categories)
        out.append(f'<div class="text" lang="en">{markup(article, spans)}</div>')
    out.append(_list(prefix, placed, categories, linked))
    out.append("</div></section>\n")
    return "".join(out)


def _counts(diagnostics: Sequence[Diagnostic]) -> str:
    if not diagnostics:
        return '<p class="meta">No findings.</p>'
    counts = Counter(NAMES[d.level] for d in diagnostics)
    shown = [f"{badge(level)} {counts[level]}" for level in ICONS if counts[level]]
    return f'<p class="meta">{"  ".join(shown)}</p>'


def _reference(prefix: str, meta: Mapping[str, Any], linked: bool) -> str:
    day = meta.get("reference_date")
    if not day:
        if "reference_date" not in meta:
            return ""
        return '<p class="meta">No article date found: relative dates are not resolved.</p>'
    source = _SOURCES.get(str(meta.get("reference_source")), "")
    detail = meta.get("reference_detail")
    where = f" ({text(str(detail))})" if detail else ""
    if linked and meta.get("reference_span"):
        where = f' (<a href="#{prefix}-ref">{text(str(detail or "in the text"))}</a>)'
    return f'<p class="meta">Dated <strong>{text(str(day))}</strong>, {source}{where}.</p>'


def _spans(
    prefix: str, meta: Mapping[str, Any], placed: Sequence[Placed], categories: Mapping[str, int]
) -> list[Span]:
    spans = []
    reference = meta.get("reference_span")
    if isinstance(reference, list) and len(reference) == 2:
        spans.append(
            Span(reference[0], reference[1], f"{prefix}-ref", "refdate", title="article date")
        )
    for index, entry in enumerate(meta.get("date_expressions") or []):
        reads = entry.get("description") or "unresolved"
        kind = "relative date" if entry.get("relative") else "date"
        spans.append(
            Span(
                entry["start"],
                entry["end"],
                f"{prefix}-d{index}",
                "dx",
                title=f"{kind}: {entry.get('text', '')} = {reads}",
            )
        )
    for index, event in enumerate(meta.get("facts_events") or []):
        for k, mention in enumerate(event.get("mentions") or []):
            spans.append(
                Span(
                    mention["start"],
                    mention["end"],
                    f"{prefix}-e{index}-{k}",
                    "ev",
                    title=f"facts event: {event.get('title', '')} ({event.get('date', '')})",
                )
            )
    for item in placed:
        d = item.diagnostic
        level, cat = NAMES[d.level], categories[d.category]
        spans.append(
            Span(
                d.location.start,
                d.location.end,
                item.id,
                f"f l-{level} c-{cat}",
                f'tabindex="-1" data-level="{level}" data-cat="{cat}"',
                _title(d),
            )
        )
        for k, related in enumerate(d.related):
            spans.append(
                Span(
                    related.location.start,
                    related.location.end,
                    f"{item.id}-r{k}",
                    "rel",
                    title=f"{d.rule}: {related.message}",
                )
            )
    return spans


def _list(
    prefix: str, placed: Sequence[Placed], categories: Mapping[str, int], linked: bool
) -> str:
    if not placed:
        return '<aside class="list"><h3>Findings</h3><p class="note">None.</p></aside>'
    items = []
    for item in placed:
        d = item.diagnostic
        level, cat = NAMES[d.level], categories[d.category]
        where = f"line {d.location.line}, column {d.location.column}"
        head = f'{badge(level)} <span class="cat">{text(d.category)}</span> · {where}'
        if linked:
            head = f'<a href="#{item.id}">{head}</a>'
        parts = [
            f'<li class="finding l-{level} c-{cat}" data-target="{item.id}" '
            f'data-rule="{attr(d.rule)}">{head} <code>{text(d.rule)}</code>',
            f'<p class="msg">{text(d.message)}</p>',
        ]
        fix = describe_fix(d)
        if fix:
            parts.append(f'<p class="fix">{text(fix)}</p>')
        absorbed = d.data.get("absorbed_by")
        if isinstance(absorbed, str):
            parts.append(f'<p class="note">A note under <code>{text(absorbed)}</code>.</p>')
        if d.related:
            related = []
            for k, r in enumerate(d.related):
                label = f"line {r.location.line}"
                link = f'<a href="#{item.id}-r{k}">{label}</a>' if linked else label
                related.append(f"<li>{link}: {text(r.message)}</li>")
            parts.append(f'<ul class="related">{"".join(related)}</ul>')
        parts.append("</li>")
        items.append("".join(parts))
    return (
        f'<aside class="list" aria-labelledby="{prefix}-lh"><h3 id="{prefix}-lh">'
        f'Findings ({len(placed)})</h3><ol class="findings">{"".join(items)}</ol></aside>'
    )
