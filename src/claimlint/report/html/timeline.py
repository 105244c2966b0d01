"""An article's timeline: a strip (inline SVG) with the article's resolved dates, the
facts events it names, its reference date, and the contradictions drawn between a
claimed date and the real one; and the same entries as tables, which are exact and
read by screen readers.

Everything comes from the run's results: the dates and timeline checks' details
(`date_expressions`, `facts_events`, `reference_date` in the file's metadata) and the
data of the findings that contradict a date (`resolved` with `event_date` or
`anchor_date`).
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Mapping, Sequence
from datetime import MAXYEAR, date
from typing import Any

import msgspec

from claimlint.diagnostics import Diagnostic
from claimlint.report.html.marks import attr, text

# the strip's drawing area (SVG user units)
_WIDTH, _LEFT, _RIGHT = 1000, 120, 985
_ARTICLE_Y, _FACTS_Y, _AXIS_Y, _HEIGHT = 34, 78, 100, 122
_MAX_TICKS = 10


class Placed(msgspec.Struct, frozen=True):
    """A finding of the article with the id its mark has in the text."""

    id: str
    diagnostic: Diagnostic


class Contradiction(msgspec.Struct, frozen=True):
    finding: Placed
    claimed: tuple[date, date]
    real: tuple[date, date]
    against: str  # "facts" or "article"
    event: str | None


def parse_range(value: object) -> tuple[date, date] | None:
    """An ISO date, an ISO interval "start/end", or a facts-file date (2020-01, 2020)."""
    if not isinstance(value, str):
        return None
    try:
        if "/" in value:
            first, _, last = value.partition("/")
            return date.fromisoformat(first), date.fromisoformat(last)
        parts = value.split("-")
        if len(parts) == 3:
            day = date.fromisoformat(value)
            return day, day
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if len(parts) == 1:
            year = int(parts[0])
            return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None
    return None


def contradictions(findings: Sequence[Placed]) -> list[Contradiction]:
    """The findings that set a claimed date against a real one."""
    out = []
    for placed in findings:
        data = placed.diagnostic.data
        claimed = parse_range(data.get("resolved"))
        if claimed is None:
            continue
        if "event_date" in data:
            real, against = parse_range(data["event_date"]), "facts"
        elif "anchor_date" in data:
            real, against = parse_range(data["anchor_date"]), "article"
        else:
            continue
        if real is not None:
            event = data.get("event")
            out.append(
                Contradiction(
                    placed, claimed, real, against, event if isinstance(event, str) else None
                )
            )
    return out


def render(prefix: str, meta: Mapping[str, Any], findings: Sequence[Placed], linked: bool) -> str:
    """The strip and the tables for one article (`prefix` is its id, e.g. "a3")."""
    expressions: list[dict[str, Any]] = list(meta.get("date_expressions") or [])
    events: list[dict[str, Any]] = list(meta.get("facts_events") or [])
    drawn = contradictions(findings)
    reference = parse_range(meta.get("reference_date"))
    parts = ['<section class="timeline" aria-label="Timeline">', "<h3>Timeline</h3>"]
    parts.append(_strip(prefix, expressions, events, drawn, reference, linked))
    parts.append(_tables(prefix, expressions, events, drawn, linked))
    omitted = meta.get("date_expressions_omitted")
    if omitted:
        parts.append(f'<p class="note">{int(omitted)} more date expressions not listed.</p>')
    parts.append("</section>")
    return "".join(parts)


class _Scale:
    """Days to x: a month at least, with a little room on either side (in ordinals, so
    dates at the ends of the calendar cannot overflow)."""

    def __init__(self, low: date, high: date) -> None:
        first, last = low.toordinal(), high.toordinal()
        if last - first < 30:
            middle = (first + last) // 2
            first, last = middle - 15, middle + 15
        pad = max(1, (last - first) // 30)
        self.first = max(1, first - pad)
        self.last = min(date.max.toordinal(), last + pad + 1)
        self.days = self.last - self.first
        self.low, self.high = date.fromordinal(self.first), date.fromordinal(self.last)

    def x(self, day: date) -> float:
        return _LEFT + (day.toordinal() - self.first) / self.days * (_RIGHT - _LEFT)

    def span(self, value: tuple[date, date]) -> tuple[float, float]:
        left = self.x(value[0])
        return left, left + (value[1].toordinal() - value[0].toordinal() + 1) / self.days * (
            _RIGHT - _LEFT
        )

    def middle(self, value: tuple[date, date]) -> float:
        left, right = self.span(value)
        return (left + right) / 2

    def ticks(self) -> list[tuple[date, str]]:
        low, high = self.low, self.high
        if self.days > 3 * 366:
            step = max(1, math.ceil((high.year - low.year + 1) / _MAX_TICKS))
            return [
                (date(year, 1, 1), str(year))
                for year in range(low.year + 1, high.year + 1)
                if year % step == 0
            ]
        if self.days > 62:
            months = (high.year - low.year) * 12 + high.month - low.month
            step = max(1, math.ceil(months / _MAX_TICKS))
            out = []
            year, month = low.year, low.month
            for index in range(months + 1):
                month += 1
                if month > 12:
                    year, month = year + 1, 1
                if year > MAXYEAR:
                    break
                if index % step == 0 and date(year, month, 1) < high:
                    out.append((date(year, month, 1), f"{calendar.month_abbr[month]} {year}"))
            return out
        step = max(1, math.ceil(self.days / _MAX_TICKS))
        return [
            (day, f"{calendar.month_abbr[day.month]} {day.day}")
            for ordinal in range(self.first + step, self.last, step)
            for day in [date.fromordinal(ordinal)]
        ]


def _strip(
    prefix: str,
    expressions: list[dict[str, Any]],
    events: list[dict[str, Any]],
    drawn: list[Contradiction],
    reference: tuple[date, date] | None,
    linked: bool,
) -> str:
    dated = [
        (i, e, r)
        for i, e in enumerate(expressions)
        if (r := parse_range(e.get("resolved"))) is not None
    ]
    facts = [
        (i, e, r) for i, e in enumerate(events) if (r := parse_range(e.get("range"))) is not None
    ]
    ranges = [r for _, _, r in dated] + [r for _, _, r in facts]
    ranges += [c.claimed for c in drawn] + [c.real for c in drawn]
    if reference is not None:
        ranges.append(reference)
    if not ranges:
        return '<p class="note">No dates to place on a timeline.</p>'
    scale = _Scale(min(r[0] for r in ranges), max(r[1] for r in ranges))
    out = [
        f'<svg class="strip" viewBox="0 0 {_WIDTH} {_HEIGHT}" role="img" '
        f'aria-labelledby="{prefix}-tl-t"><title id="{prefix}-tl-t">Timeline: '
        f"{len(dated)} dates in the article, {len(facts)} events of the facts file"
        f"{f', {len(drawn)} contradicted' if drawn else ''}</title>",
        f'<text class="lane" x="4" y="{_ARTICLE_Y + 4}">In the article</text>',
        f'<text class="lane" x="4" y="{_FACTS_Y + 4}">Facts file</text>',
        f'<line class="axis" x1="{_LEFT}" y1="{_AXIS_Y}" x2="{_RIGHT}" y2="{_AXIS_Y}"/>',
    ]
    for day, label in scale.ticks():
        x = scale.x(day)
        out.append(
            f'<line class="tick" x1="{x:.1f}" y1="{_AXIS_Y}" x2="{x:.1f}" y2="{_AXIS_Y + 5}"/>'
            f'<text class="tick" x="{x:.1f}" y="{_AXIS_Y + 17}">{label}</text>'
        )
    if reference is not None:
        x = scale.middle(reference)
        out.append(
            f'<g class="ref"><title>Article dated {reference[0].isoformat()}</title>'
            f'<line x1="{x:.1f}" y1="14" x2="{x:.1f}" y2="{_AXIS_Y}"/>'
            f'<text x="{x:.1f}" y="10">dated</text></g>'
        )
    for index, entry, value in dated:
        reads = entry.get("description") or entry.get("resolved")
        title = f"'{entry.get('text', '')}', line {entry.get('line', '?')} = {reads}"
        title += " (relative)" if entry.get("relative") else ""
        shape = _marker(scale, value, _ARTICLE_Y, "rel" if entry.get("relative") else "abs")
        out.append(_link(f"{prefix}-d{index}", linked, f"<title>{text(title)}</title>{shape}"))
    for index, entry, value in facts:
        title = f"{entry.get('title', '')}: {entry.get('date', '')} (facts file)"
        shape = _marker(scale, value, _FACTS_Y, "fact")
        out.append(_link(f"{prefix}-e{index}-0", linked, f"<title>{text(title)}</title>{shape}"))
    for item in drawn:
        out.append(_contradiction(scale, item, linked))
    out.append("</svg>")
    out.append(
        '<p class="legend"><span class="key abs">●</span> date as written '
        '<span class="key rel">○</span> relative date, as resolved '
        '<span class="key fact">◆</span> facts event '
        '<span class="key contra">╱</span> contradiction (claimed → real) '
        '<span class="key ref">┊</span> article date</p>'
    )
    return "".join(out)


def _marker(scale: _Scale, value: tuple[date, date], y: int, kind: str) -> str:
    left, right = scale.span(value)
    if value[0] == value[1] or right - left < 6:
        x = (left + right) / 2
        if kind == "fact":
            return f'<path class="m {kind}" d="M{x:.1f} {y - 7}l7 7-7 7-7-7z"/>'
        return f'<circle class="m {kind}" cx="{x:.1f}" cy="{y}" r="6"/>'
    return f'<rect class="m {kind}" x="{left:.1f}" y="{y - 6}" width="{right - left:.1f}" height="12" rx="3"/>'


def _contradiction(scale: _Scale, item: Contradiction, linked: bool) -> str:
    claimed_x = scale.middle(item.claimed)
    real_x = scale.middle(item.real)
    d = item.finding.diagnostic
    if item.against == "facts":
        path = f"M{claimed_x:.1f} {_ARTICLE_Y + 7}L{real_x:.1f} {_FACTS_Y - 8}"
    else:
        top = 14
        path = f"M{claimed_x:.1f} {_ARTICLE_Y - 7}Q{(claimed_x + real_x) / 2:.1f} {top} {real_x:.1f} {_ARTICLE_Y - 7}"
    body = (
        f"<title>{text(f'✖ {d.rule}, line {d.location.line}: {d.message}')}</title>"
        f'<path class="contra-line" d="{path}"/>'
        f"{_marker(scale, item.claimed, _ARTICLE_Y, 'contra')}"
    )
    return _link(
        item.finding.id, linked, f'<g class="tl-contra" data-rule="{attr(d.rule)}">{body}</g>'
    )


def _link(target: str, linked: bool, body: str) -> str:
    return f'<a href="#{target}">{body}</a>' if linked else f"<g>{body}</g>"


def _tables(
    prefix: str,
    expressions: list[dict[str, Any]],
    events: list[dict[str, Any]],
    drawn: list[Contradiction],
    linked: bool,
) -> str:
    by_span = {
        (c.finding.diagnostic.location.start, c.finding.diagnostic.location.end): c for c in drawn
    }
    rows = []
    for index, entry in enumerate(expressions):
        start, end = entry.get("start"), entry.get("end")
        where = _where(f"{prefix}-d{index}", f"line {entry.get('line', '?')}", linked)
        resolved = entry.get("resolved")
        reads = (entry.get("description") or "") if resolved else "unresolved (no article date)"
        notes = []  # HTML
        alternatives = entry.get("alternatives") or []
        if alternatives:
            notes.append(text("other reading: " + ", ".join(str(a) for a in alternatives)))
        found = (
            by_span.get((start, end)) if isinstance(start, int) and isinstance(end, int) else None
        )
        if found is not None:
            label = _where(found.finding.id, "✖ contradicted", linked)
            notes.append(f"{label}: {text(found.finding.diagnostic.message)}")
        rows.append(
            f'<tr class="tl-date{" contra" if found else ""}" data-start="{start}" data-end="{end}" '
            f'data-resolved="{attr(str(resolved or ""))}"><td>{where}</td>'
            f"<td>{text(str(entry.get('text', '')))}</td>"
            f"<td>{'relative' if entry.get('relative') else 'as written'}</td>"
            f"<td>{text(str(reads))}</td><td>{text(str(resolved or '—'))}</td>"
            f"<td>{'; '.join(notes)}</td></tr>"
        )
    out = []
    if rows:
        out.append(
            f"<details><summary>Dates in the article ({len(rows)})</summary>"
            '<table class="tl-dates"><thead><tr><th scope="col">Where</th>'
            '<th scope="col">As written</th><th scope="col">Kind</th>'
            '<th scope="col">Reads as</th><th scope="col">Resolved</th><th scope="col">Notes</th>'
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table></details>"
        )
    if events:
        event_rows = []
        for index, event in enumerate(events):
            mentions = event.get("mentions") or []
            places = ", ".join(
                _where(f"{prefix}-e{index}-{k}", f"line {m.get('line', '?')}", linked)
                for k, m in enumerate(mentions)
            )
            count = event.get("count", len(mentions))
            more = f" ({count} in all)" if isinstance(count, int) and count > len(mentions) else ""
            event_rows.append(
                f'<tr class="tl-event" data-event="{attr(str(event.get("id", "")))}">'
                f"<td>{text(str(event.get('title', '')))}</td>"
                f"<td>{text(str(event.get('date', '')))}</td><td>{places}{more}</td></tr>"
            )
        out.append(
            f"<details><summary>Facts events named in the article ({len(events)})</summary>"
            '<table class="tl-events"><thead><tr><th scope="col">Event</th>'
            '<th scope="col">Date (facts file)</th><th scope="col">Named at</th></tr></thead>'
            f"<tbody>{''.join(event_rows)}</tbody></table></details>"
        )
    return "".join(out)


def _where(target: str, label: str, linked: bool) -> str:
    return f'<a href="#{target}">{text(label)}</a>' if linked else text(label)
