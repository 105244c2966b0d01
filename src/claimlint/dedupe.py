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

from collections import defaultdict

import msgspec

from claimlint.findings import Finding, Level

#: categories whose findings mark text to delete (furniture, captions, debris) ...
_DELETED = ("boilerplate", "captions", "debris")
#: ... and the categories whose findings inside such text are collateral
_COLLATERAL = frozenset({"punctuation", "quotes"})


def one_per_problem(findings: list[Finding]) -> list[Finding]:
    """`findings` with each warning or error covered by a stronger one made a note."""
    result = list(findings)
    spans: dict[tuple[int, int], list[int]] = defaultdict(list)
    for index, finding in enumerate(result):
        if finding.level >= Level.WARNING:
            spans[(finding.start, finding.end)].append(index)
    if sum(len(members) for members in spans.values()) < 2:
        return result
    # Spans by start, widest first: a span can only lie inside one decided before it.
    # `standing` holds, per category, the findings still standing that may contain
    # later spans (pruned once they end before the next span starts).
    standing: dict[str, list[int]] = defaultdict(list)
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        members = spans[span]
        for index in members:
            finding = result[index]
            active = standing[finding.category]
            active[:] = [j for j in active if result[j].end >= finding.start]
            host = next((j for j in active if _absorbs(result[j], finding)), None)
            if host is None and finding.category in _COLLATERAL:
                host = _deleted_around(standing, result, finding)
            if host is not None:
                result[index] = _as_note(finding, result[host])
        alive = [i for i in members if result[i].level >= Level.WARNING]
        if alive:
            strongest = max(alive, key=lambda i: (result[i].level, -i))
            for index in alive:
                if result[index].rule != result[strongest].rule:
                    result[index] = _as_note(result[index], result[strongest])
        for index in members:
            if result[index].level >= Level.WARNING:
                standing[result[index].category].append(index)
    return result


def _deleted_around(
    standing: dict[str, list[int]], result: list[Finding], finding: Finding
) -> int | None:
    """A standing finding of text to delete that covers `finding`, if any."""
    for category in _DELETED:
        active = standing[category]
        active[:] = [j for j in active if result[j].end >= finding.start]
        for j in active:
            if _covers(result[j], finding):
                return j
    return None


def _absorbs(outer: Finding, inner: Finding) -> bool:
    """A wider finding of the same category, at least as strong, over `inner`."""
    return (
        outer.rule != inner.rule
        and outer.level >= inner.level
        and (outer.start, outer.end) != (inner.start, inner.end)
        and _covers(outer, inner)
    )


def _covers(outer: Finding, inner: Finding) -> bool:
    if inner.end <= inner.start:
        return outer.start <= inner.start < max(outer.end, outer.start + 1)
    return outer.start <= inner.start and inner.end <= outer.end


def _as_note(weaker: Finding, stronger: Finding) -> Finding:
    data = {**weaker.data, "absorbed_by": stronger.rule, "level_declared": str(weaker.level)}
    return msgspec.structs.replace(weaker, level=Level.INFO, data=data)
