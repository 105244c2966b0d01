"""Events from an archive: an event noun dated explicitly, with the names around it,
counted per (noun, name) and per date; a date most articles agree on is proposed, and
the articles that give another date are counted as disagreeing — worth an editor's
look either way."""

from __future__ import annotations

from collections import Counter, defaultdict

import msgspec

from claimlint import regex_cache
from claimlint.learn.evidence import ArticleEvidence

_EXAMPLES = 2
_MAX_CUES = 3
_SLUG = regex_cache.re_compile(r"[^a-z0-9]+")


class CueStats(msgspec.Struct):
    dates: Counter[str] = msgspec.field(default_factory=Counter)
    examples: dict[str, list[str]] = msgspec.field(default_factory=dict)


class EventProposal(msgspec.Struct, frozen=True):
    id: str
    noun: str
    date: str
    cues: tuple[str, ...]
    agreeing: int
    disagreeing: tuple[tuple[str, int], ...]  # other dates and how many articles give each
    examples: tuple[str, ...]
    contrary: tuple[str, ...]  # where another date is given


class EventLearner:
    def __init__(self) -> None:
        self.nodes: dict[tuple[str, str], CueStats] = defaultdict(CueStats)

    def add(self, evidence: ArticleEvidence) -> None:
        for use in evidence.events:
            for cue in use.cues:
                stats = self.nodes[(use.noun, cue)]
                stats.dates[use.date] += 1
                where = stats.examples.setdefault(use.date, [])
                if len(where) < _EXAMPLES:
                    where.append(f"{evidence.path}:{use.line}")

    def events(self, min_articles: int) -> list[EventProposal]:
        by_event: dict[tuple[str, str], list[tuple[str, CueStats, int]]] = defaultdict(list)
        for (noun, cue), stats in self.nodes.items():
            day, support = _top_date(stats.dates)
            if support >= min_articles:
                by_event[(noun, day)].append((cue, stats, support))
        proposals = []
        for (noun, day), cues in by_event.items():
            cues.sort(key=lambda c: (-c[2], c[0]))
            cue, stats, support = cues[0]
            others = Counter({d: n for d, n in stats.dates.items() if not _agrees(d, day)})
            contrary = [e for d in others for e in stats.examples.get(d, [])][:_EXAMPLES]
            proposals.append(
                EventProposal(
                    id=f"{_slug(cue)}-{_slug(noun)}",
                    noun=noun,
                    date=day,
                    cues=tuple(c for c, _, _ in cues[:_MAX_CUES]),
                    agreeing=support,
                    disagreeing=tuple(others.most_common()),
                    examples=tuple(stats.examples.get(day, [])),
                    contrary=tuple(contrary),
                )
            )
        return _unique_ids(sorted(proposals, key=lambda p: (-p.agreeing, p.date, p.id)))


def _top_date(dates: Counter[str]) -> tuple[str, int]:
    """The date most uses agree with (a month agrees with every day in it), at the
    finest precision given, and how many uses agree with it."""
    best = max(dates, key=lambda d: (sum(n for o, n in dates.items() if _agrees(o, d)), len(d), d))
    return best, sum(n for o, n in dates.items() if _agrees(o, best))


def _agrees(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _slug(text: str) -> str:
    return _SLUG.sub("-", text.casefold()).strip("-") or "event"


def _unique_ids(proposals: list[EventProposal]) -> list[EventProposal]:
    seen: Counter[str] = Counter()
    result = []
    for proposal in proposals:
        seen[proposal.id] += 1
        if seen[proposal.id] > 1:
            proposal = msgspec.structs.replace(proposal, id=f"{proposal.id}-{proposal.date}")
        result.append(proposal)
    return result
