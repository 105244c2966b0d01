"""The learner's per-file step, run where linting runs (this process, a pool worker,
a Dask worker) with the rule set of the file's configuration."""

from __future__ import annotations

from claimlint.checks.names import NamesCheck
from claimlint.checks.timeline import TimelineCheck
from claimlint.document import Document
from claimlint.learn.evidence import ArticleEvidence, Lexicon, gather
from claimlint.ruleset import RuleSet

_LEXICONS: dict[int, tuple[RuleSet, Lexicon]] = {}


def evidence_of(doc: Document, ruleset: RuleSet) -> ArticleEvidence:
    return gather(doc, _lexicon(ruleset))


def _lexicon(ruleset: RuleSet) -> Lexicon:
    cached = _LEXICONS.get(id(ruleset))
    if cached is not None and cached[0] is ruleset:
        return cached[1]
    names = next(c for c in ruleset.checks if isinstance(c, NamesCheck))
    timeline = next(c for c in ruleset.checks if isinstance(c, TimelineCheck))
    lexicon = Lexicon(
        analyzer=names.analyzer,
        speller=names.speller,
        title_words=(names.lexicon.titles | names.lexicon.title_parts)
        - {"former", "late", "then", "acting"},
        settings=ruleset.context.options_of("dates").temporal(),
        nouns=timeline.nouns,
    )
    _LEXICONS[id(ruleset)] = (ruleset, lexicon)
    return lexicon
