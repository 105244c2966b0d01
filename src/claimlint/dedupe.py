"""One problem, one finding: where warnings or errors of different rules cover the same
text, the stronger claim stands and the weaker becomes a note (level info) that names
it. The same text is the same span, or one span inside another of the same category.

A caption line with a credit is a caption, and its credit is not a second warning; a
"last January" that contradicts the facts file is a timeline error, and its ambiguity
is kept as a note beside it. The stronger is the higher level, then the wider span,
then the first reported. A finding of another category inside a wider span (a
misspelt name inside a caption) is a problem of its own and stays; so is a stronger
finding inside a weaker one. Info findings (resolutions, notes) are never touched.

A line reported as site furniture or a caption is one the editor deletes: what rules
of punctuation and quotation marks find inside it ("Views : 594" has a space before
its colon, "Read more »" a stray guillemet) is collateral and becomes a note too,
whatever its level. Names and dates inside a caption are problems of their own.
"""

from __future__ import annotations

import dataclasses

from claimlint.findings import Finding, Level

#: categories whose findings mark text to delete (furniture, captions, debris) ...
_DELETED = frozenset({"boilerplate", "captions", "debris"})
#: ... and the categories whose findings inside such text are collateral
_COLLATERAL = frozenset({"punctuation", "quotes"})


def one_per_problem(findings: list[Finding]) -> list[Finding]:
    """`findings` with each warning or error covered by a stronger one made a note."""
    serious = [i for i, f in enumerate(findings) if f.level >= Level.WARNING]
    if len(serious) < 2:
        return findings
    # Spans by start, widest first: a span can only lie inside one that starts at or
    # before it. `open_spans` holds the standing spans that may still contain later ones.
    serious.sort(key=lambda i: (findings[i].start, -findings[i].end, i))
    result = list(findings)
    open_spans: list[int] = []
    for i in serious:
        finding = result[i]
        while open_spans and result[open_spans[-1]].end < finding.end:
            open_spans.pop()
        host = next(
            (j for j in reversed(open_spans) if _same_problem(result[j], finding)),
            None,
        )
        if host is None or result[host].rule == finding.rule:
            open_spans.append(i)
            continue
        if result[host].level >= finding.level or _collateral(result[host], finding):
            result[i] = _as_note(finding, result[host])
        elif _same_span(result[host], finding):
            # the later one stronger ("last January": ambiguous, then wrong)
            result[host] = _as_note(result[host], finding)
            open_spans.remove(host)
            open_spans.append(i)
        else:
            # a stronger problem inside a weaker one (a misspelt name in a caption) is a
            # problem of its own
            open_spans.append(i)
    return result


def _same_problem(outer: Finding, inner: Finding) -> bool:
    if _same_span(outer, inner):
        return True
    return (outer.category == inner.category or _collateral(outer, inner)) and _covers(outer, inner)


def _collateral(outer: Finding, inner: Finding) -> bool:
    return (
        outer.category in _DELETED
        and inner.category in _COLLATERAL
        and (_covers(outer, inner) or _same_span(outer, inner))
    )


def _covers(outer: Finding, inner: Finding) -> bool:
    if inner.end <= inner.start:
        return outer.start <= inner.start < max(outer.end, outer.start + 1)
    return outer.start <= inner.start and inner.end <= outer.end


def _same_span(a: Finding, b: Finding) -> bool:
    return a.start == b.start and a.end == b.end


def _as_note(weaker: Finding, stronger: Finding) -> Finding:
    data = {**weaker.data, "absorbed_by": stronger.rule, "level_declared": str(weaker.level)}
    return dataclasses.replace(weaker, level=Level.INFO, data=data)
