"""`debris`: site furniture, photo captions and credits wherever they sit in an article.

Two layers. The phrase lexicons of the packs (options `furniture`, `glued`, the credit
and caption lists) name what furniture says: whole lines ("Leave a Reply"), labels
that take their line ("Read also: …"), labels glued to the end of prose ("… said.
Source link"). The structural tests find the body of the article (`debris.layout`)
and judge the other lines by where they stand and what they look like: a date line
before the body, the headline printed twice, a run of other stories' headlines after
it, a short line among furniture, a caption by its shape (`debris.captions`).

Lexicon phrases count wherever their group says; structural evidence is only taken
outside the body, except a caption's shape, which must be clearer inside it. Each
line gets one finding; a label glued to prose gets a finding on the label alone,
with a fix that deletes it, safe when what remains still ends a sentence.
"""

from collections.abc import Iterator
from typing import Any

import msgspec
import regex

from claimlint import regex_cache
from claimlint.checks.base import Check, CheckContext, CheckOptions, RuleTable
from claimlint.debris import lexicon
from claimlint.debris.captions import CaptionModel, CaptionSettings, Credit, final_stop
from claimlint.debris.layout import Layout, Region, find_layout, is_sentence, prose_shape
from claimlint.debris.lexicon import (
    GluedGroup,
    LexiconGroup,
    Slots,
    Where,
)
from claimlint.debris.metadata import MetadataModel
from claimlint.debris.runs import TeaserSettings, teaser_runs
from claimlint.debris.units import Unit, Units, Wrap
from claimlint.debris.words import content_words, glued_double, normalised, overlap, without_section
from claimlint.document import Analysis, Document
from claimlint.findings import Finding, Fix
from claimlint.kinds.base import OptionError

LINK = "scraped-link-label"
COMMENT = "scraped-comment-form"
SHARE = "scraped-share-line"
WIDGET = "scraped-widget"
PROMO = "scraped-promo"
TRANSLATION = "translation-notice"
NAVIGATION = "page-navigation"
METADATA = "page-metadata"
FOOTER = "scraped-footer"
BIO = "author-bio"
DUPLICATE = "duplicate-headline"
TEASERS = "teaser-tail"
FURNITURE_LINE = "furniture-line"
REPEATED = "repeated-paragraph"
GLUED = "glued-label"
CAPTION = "caption-with-credit"
PHOTO_CAPTION = "photo-caption"
CREDIT_LINE = "photo-credit-line"
GLUED_CREDIT = "glued-credit"

_SHOWN = 70
#: a caption's words are at most this long on average (a longer run is not prose)
_CAPTION_CHARS = 20
# (?r): these patterns end at \Z, so a reverse search tries the end of the text first
# instead of every offset of it (only whether they match is used)
_SENTENCE_END = regex_cache.compile(r"(?r)(?<![.…])[.!?][\"”’')\]]*\Z")
_PARENTHESIS = regex_cache.compile(r"\([^()]*\)")


class DebrisOptions(CheckOptions, frozen=True, kw_only=True):
    #: named sub-patterns the lexicon entries use as <name>
    slots: dict[str, str]
    #: whole-line and prefix phrases of site furniture, by rule and position
    furniture: tuple[LexiconGroup, ...]
    #: labels glued to the end of a line of prose
    glued: tuple[GluedGroup, ...]
    #: link labels that stand above the headline they link to ("ALSO READ")
    link_introducers: tuple[str, ...]
    #: picture agencies and services, the <agency> slot
    credit_agencies: tuple[str, ...]
    #: credits that make a line a caption even when it reports speech
    strong_credits: tuple[str, ...]
    #: an agency after a separator: a caption's credit, or a tag glued to a paragraph
    agency_credits: tuple[str, ...]
    #: lines that are only a credit
    credit_lines: tuple[str, ...]
    #: how captions open ("FILE -", "This photo shows"): enough alone
    caption_leads: tuple[str, ...]
    #: picture tags anywhere in a line ("(archive)", "- file picture"): enough alone
    caption_tags: tuple[str, ...]
    #: weaker marks of a caption ("(L)", ", right,"): one point
    caption_hints: tuple[str, ...]
    #: verbs of what a picture shows, in the base form ("wave", "carry")
    picture_verbs: tuple[str, ...]
    #: words before a verb form that make it something else ("to wave", "the walks")
    verb_blockers: tuple[str, ...]
    #: words of reported speech: a line with them is copy, not a caption
    speech_words: tuple[str, ...]
    #: first- and second-person words: a line with them is not a caption
    person_words: tuple[str, ...]
    #: articles: a line without a stop that has one reads as a caption, not a headline
    article_words: tuple[str, ...]
    #: points a line without a credit needs to be a caption (one more before the body
    #: and for a line that ends with a full stop)
    caption_min_score: int = 2
    #: a caption has at most this many words
    caption_max_words: int = 120
    #: label words a page-metadata line may have besides names ("posted", "on")
    metadata_words: tuple[str, ...]
    #: words that make a dated line a headline ("Kyodo News Digest: Aug. 28, 2024")
    dated_title_words: tuple[str, ...] = ()
    metadata_max_words: int = 14
    metadata_max_label_words: int = 4
    #: words after which a line cannot end (a hard wrap follows)
    continuation_words: tuple[str, ...]
    #: a hard-wrapped block: at least this many lines, the widest at least this many
    #: characters, every line but the last at least this share of the widest
    wrap_min_lines: int = 3
    wrap_min_width: int = 50
    wrap_fill: float = 0.7
    #: a headline has at most this many words
    headline_max_words: int = 30
    #: words too common to tell two stories apart
    common_words: tuple[str, ...]
    #: a body paragraph has at least this many words
    body_min_words: int = 8
    #: a sentence this long after the body still belongs to it ("No injuries were
    #: reported.")
    last_paragraph_min_words: int = 3
    #: the page's closing furniture: a run of this many furniture lines or more ...
    closing_run: int = 3
    #: ... with one of these rules' lines in it; after it, prose is other stories'
    closing_rules: tuple[str, ...] = ()
    #: a teaser line has this many words ...
    teaser_min_words: int = 5
    teaser_max_words: int = 30
    #: ... a teaser tail at least this many of them ...
    teaser_min_lines: int = 2
    #: ... and a teaser shares at most this share of its words with the article
    teaser_max_overlap: float = 0.5
    #: lines this short (a source name, "01:00") do not break a run of teasers
    filler_words: int = 3
    #: a furniture line between two lines of furniture has at most this many words
    stray_max_words: int = 8
    #: a paragraph printed again word for word is reported from this many words (a
    #: shorter line may repeat on purpose: a refrain, a subhead)
    repeat_min_words: int = 12
    #: image alt text left beside a caption: at most this many words, sharing at
    #: least this share of them with the headline
    alt_text_max_words: int = 6
    alt_text_min_overlap: float = 0.5
    #: the words of a transcript's cues: "(LAUGHTER)", "(SOUNDBITE OF MUSIC)" are the
    #: transcript's, never furniture however often they come
    transcript_cues: tuple[str, ...] = ()


class _Verdict(msgspec.Struct, frozen=True):
    """What one unit was found to be (whole line) before the layout is known."""

    rule: str
    where: Where = "anywhere"


class DebrisCheck(Check):
    name = "debris"
    options_type = DebrisOptions
    rule_ids = (
        LINK,
        COMMENT,
        SHARE,
        WIDGET,
        PROMO,
        TRANSLATION,
        NAVIGATION,
        METADATA,
        FOOTER,
        BIO,
        DUPLICATE,
        TEASERS,
        FURNITURE_LINE,
        REPEATED,
        GLUED,
        CAPTION,
        PHOTO_CAPTION,
        CREDIT_LINE,
        GLUED_CREDIT,
    )

    def __init__(self, options: Any, context: CheckContext) -> None:
        super().__init__(options, context)
        opts: DebrisOptions = options
        for name in ("caption_min_score", "body_min_words", "teaser_min_lines", "repeat_min_words"):
            if getattr(opts, name) < 1:
                raise OptionError(name, "must be at least 1")
        if opts.teaser_max_words < opts.teaser_min_words:
            raise OptionError("teaser_max_words", "must be at least teaser_min_words")
        agencies = sorted(
            {a.strip() for a in opts.credit_agencies if a.strip()}, key=lambda a: (len(a), a)
        )
        if not agencies:
            raise OptionError("credit_agencies", "give at least one agency")
        agency = "|".join(regex.escape(a).replace(r"\ ", r"\s+") for a in reversed(agencies))
        slots = Slots({**opts.slots, "agency": agency}, "slots")
        for needed in ("date", "stamp"):
            if needed not in opts.slots:
                raise OptionError("slots", f"the {needed!r} slot is not defined")
        self.furniture = lexicon.Lexicon(
            lexicon.compile_groups(opts.furniture, slots, self.rule_ids, "furniture")
        )
        self.glued = lexicon.compile_glued(opts.glued, slots, self.rule_ids, "glued")
        self.any_glued = lexicon.any_of([g.pattern for g in self.glued], "glued")
        self.introducers = lexicon.CompiledGroup(
            LINK, "anywhere", slots.compile(opts.link_introducers, "link_introducers")
        )
        self.captions = CaptionModel(
            CaptionSettings(
                strong_tails=opts.strong_credits,
                weak_tails=opts.agency_credits,
                credit_lines=opts.credit_lines,
                leads=opts.caption_leads,
                tags=opts.caption_tags,
                hints=opts.caption_hints,
                picture_verbs=opts.picture_verbs,
                verb_blockers=opts.verb_blockers,
                speech=opts.speech_words,
                persons=opts.person_words,
                articles=opts.article_words,
                min_score=opts.caption_min_score,
            ),
            slots,
            "captions",
        )
        self.stamps = MetadataModel(
            stamp=slots.compile(["<stamp>"], "slots.stamp"),
            label_words=frozenset(w.casefold() for w in opts.metadata_words),
            title_words=frozenset(w.casefold() for w in opts.dated_title_words),
            max_words=opts.metadata_max_words,
            max_label_words=opts.metadata_max_label_words,
        )
        self.common = frozenset(w.casefold() for w in opts.common_words)
        cues = "|".join(regex.escape(w.strip()) for w in opts.transcript_cues if w.strip())
        self.cue = regex_cache.compile(
            rf"(?i:[(\[]\s*(?:{cues or '(?!)'})\b[^()\[\]]{{0,80}}[)\]])"
        )
        self.teasers = TeaserSettings(
            min_words=opts.teaser_min_words,
            max_words=opts.teaser_max_words,
            min_lines=opts.teaser_min_lines,
            max_overlap=opts.teaser_max_overlap,
            filler_words=opts.filler_words,
            common_words=self.common,
        )
        self.units = Units(
            frozenset(w.casefold() for w in opts.continuation_words),
            Wrap(opts.wrap_min_lines, opts.wrap_min_width, opts.wrap_fill),
            self._furniture,
        )
        self.opts = opts
        self.reading = _Reading(self)

    def _furniture(self, line: str) -> bool:
        """Is `line` a whole line of furniture wherever it stands?"""
        key = lexicon.line_key(line)[1]
        return any(group.where == "anywhere" for group in self.furniture.matches(key))

    def check(self, doc: Document, rules: RuleTable) -> Iterator[Finding]:
        page = doc.analysis(self.reading)
        for finding in page.findings:
            if rules.on(finding.rule):
                yield rules.finding(
                    finding.rule,
                    finding.start,
                    finding.end,
                    finding.values,
                    fix=finding.fix,
                )


class _Found(msgspec.Struct, frozen=True):
    rule: str
    start: int
    end: int
    values: dict[str, Any]
    fix: Fix | None = None


class _Page(msgspec.Struct):
    findings: list[_Found]


class _Reading(Analysis[_Page]):
    """The whole reading of one document, shared by every rule of the check (it is the
    same whichever of them are on: the body is found with all the lexicons)."""

    def __init__(self, check: DebrisCheck) -> None:
        self.check = check

    def compute(self, doc: Document) -> _Page:
        return _Reader(self.check, doc).read()


class _Glued(msgspec.Struct, frozen=True):
    rule: str
    #: where the label starts in the unit's `full` text
    at: int
    where: Where = "anywhere"
    #: a wire's sign-off, in place at the end of the last body paragraph
    sign_off: bool = False


class _Reader:
    def __init__(self, check: DebrisCheck, doc: Document) -> None:
        self.c = check
        self.doc = doc
        self.units: list[Unit] = doc.analysis(check.units)
        self.keys = [lexicon.line_key(u.text)[1] for u in self.units]
        #: what each unit may be as a whole, in order of precedence; the first whose
        #: position fits once the body is known is reported
        self.candidates: dict[int, list[_Verdict]] = {}
        self.glued: dict[int, _Glued] = {}
        self.found: list[_Found] = []
        #: units reported as a whole (the neighbours a furniture line is judged by)
        self.whole: dict[int, str] = {}
        self.captions: set[int] = set()
        self.credits: set[int] = set()
        self.credit_tails: dict[int, Credit | None] = {}
        self.body_cache: dict[tuple[int, int], bool] = {}
        #: whether a unit (without a glued label) reads as prose and not as a caption,
        #: whatever the number of words asked of a body paragraph
        self.prose_cache: dict[tuple[int, int | None], bool] = {}
        #: whether a bare stamp stands inside the body (a live file's time heads)
        self.time_heads: bool | None = None
        #: each unit's words, case and punctuation folded (lines printed twice)
        self.norms: dict[int, str] = {}
        #: whether a unit is a transcript's cue on a line of its own
        self.cues: dict[int, bool] = {}

    # -- the reading ---------------------------------------------------------

    def read(self) -> _Page:
        for unit in self.units:
            if unit.markup == "image" or self._cue(unit):
                continue
            found = self._lexicon(unit) + self._credit_verdicts(unit)
            if found:
                self.candidates[unit.index] = found
            glued = self._glued(unit, headline=False)
            if glued is not None:
                self.glued[unit.index] = glued
        layout = find_layout(
            self.units, self._is_body, self._ends_body, self._may_be_headline, self._closing
        )
        for unit in self.units:
            region = layout.region(unit.index)
            fitting = [v for v in self.candidates.get(unit.index, ()) if _fits(v.where, region)]
            if fitting:
                self._whole(unit, fitting[0].rule)
        if layout.headline is not None:
            headline = self.units[layout.headline]
            glued = self._glued(headline, headline=True)
            if glued is not None:
                self.glued[headline.index] = glued
        for index, glued in self.glued.items():
            if glued.sign_off and index == layout.last_body:
                continue
            if index not in self.whole and _fits(glued.where, layout.region(index)):
                self._report_glued(self.units[index], glued)
        self._between_furniture(layout)
        self._stamps_and_repeats(layout)
        self._repeated_paragraphs()
        self._captions(layout)
        self._teasers(layout)
        self._linked_headlines(layout)
        self._alt_text(layout)
        return _Page(sorted(self.found, key=lambda f: (f.start, f.end, f.rule)))

    def _lexicon(self, unit: Unit) -> list[_Verdict]:
        return [
            _Verdict(group.rule, group.where)
            for group in self.c.furniture.matches(self.keys[unit.index])
        ]

    def _credit_verdicts(self, unit: Unit) -> list[_Verdict]:
        key = self.keys[unit.index]
        if not key or len(key) > lexicon.LINE_WINDOW:
            return []
        if self.c.captions.is_credit_line(key):
            self.credits.add(unit.index)
            return [_Verdict(CREDIT_LINE)]
        credit = self._credit(unit)
        if credit is None:
            return []
        before = unit.full[: credit.start].strip()
        if not before:
            self.credits.add(unit.index)
            return [_Verdict(CREDIT_LINE)]
        if self._caption_text(before, credit.strong):
            return [_Verdict(CAPTION)]
        return []

    def _credit(self, unit: Unit) -> Credit | None:
        if unit.index not in self.credit_tails:
            self.credit_tails[unit.index] = self.c.captions.credit(unit.full)
        return self.credit_tails[unit.index]

    def _caption_text(self, before: str, strong: bool) -> bool:
        words = _PARENTHESIS.sub(" ", before).split()
        if len(before.split()) > self.c.opts.caption_max_words:
            return False
        if strong:
            return True
        # "Sfax (Tunisia) (AFP)" is a dateline; a caption names what a picture shows,
        # and may quote a sign or a slogan, but reports no speech
        if len(words) < 3 or self.c.captions.reports_speech(before):
            return False
        # a sentence of prose before a bare agency ("… in the capital. (Yonhap)") is a
        # wire sign-off ending a paragraph, unless it shows a picture ("Protesters
        # gather outside the court. (AFP)")
        return not self.c.captions.ends_as_prose(before) or self.c.captions.shows_picture(before)

    def _is_body(self, unit: Unit, min_words: int | None = None) -> bool:
        words = self.c.opts.body_min_words if min_words is None else min_words
        known = self.body_cache.get((unit.index, words))
        if known is None:
            known = self.body_cache[unit.index, words] = self._reads_as_body(unit, words)
        return known

    def _reads_as_body(self, unit: Unit, min_words: int) -> bool:
        if unit.index in self.candidates or unit.index + 1 in self.credits:
            return False
        glued = self.glued.get(unit.index)
        prose = unit if glued is None else msgspec.structs.replace(unit, text=unit.full[: glued.at])
        if len(prose.words) < max(min_words, 1):
            return False
        key = (unit.index, None if glued is None else glued.at)
        known = self.prose_cache.get(key)
        if known is None:
            known = self.prose_cache[key] = prose_shape(prose) and not self.c.captions.strong_shape(
                unit.text
            )
        return known

    def _ends_body(self, unit: Unit) -> bool:
        return self._is_body(unit, self.c.opts.last_paragraph_min_words)

    def _closing(self, after: int) -> int | None:
        """Where the page's closing furniture begins after unit `after`: the first run of
        `closing_run` lines of furniture or more, one of them of `closing_rules` (comment
        forms, share rows, related links, footers)."""
        start: int | None = None
        length = 0
        ends = False
        for unit in self.units[after + 1 :]:
            found = self.candidates.get(unit.index)
            if not found:
                start, length, ends = None, 0, False
                continue
            if start is None:
                start = unit.index
            length += 1
            ends = ends or any(v.rule in self.c.opts.closing_rules for v in found)
            if ends and length >= self.c.opts.closing_run:
                return start
        return None

    def _may_be_headline(self, unit: Unit) -> bool:
        return (
            unit.index not in self.candidates
            and unit.markup != "image"
            and len(unit.words) <= self.c.opts.headline_max_words
            and unit.index + 1 not in self.credits
            and not self.c.stamps.is_metadata(unit.text)
            and not self.c.captions.strong_shape(unit.text)
        )

    # -- reporting ------------------------------------------------------------

    def _whole(self, unit: Unit, rule: str, **values: Any) -> None:
        self.whole[unit.index] = rule
        if rule in (CAPTION, PHOTO_CAPTION):
            self.captions.add(unit.index)
        self.found.append(
            _Found(rule, unit.start, unit.end, {"match": _shown(unit.text), **values})
        )

    def _glued(self, unit: Unit, *, headline: bool) -> _Glued | None:
        text = unit.full
        for group in self.c.glued if lexicon.ends_with_any(self.c.any_glued, text) else ():
            if (group.where == "headline") != headline:
                continue
            at = lexicon.match_glued(group, text)
            if at is None or not text[:at].strip():
                continue
            if group.after == "sentence" and not _ends_sentence(text[:at]):
                continue
            if self.c.cue.fullmatch(text[at:].strip()):
                continue  # "... the report. (END VIDEO CLIP)": the transcript's
            return _Glued(group.rule, at, "anywhere" if headline else group.where, group.sign_off)
        if headline:
            return None
        credit = self._credit(unit)
        if credit is None or not text[: credit.start].strip():
            return None
        if credit.strong or _ends_sentence(text[: credit.start]):
            return _Glued(GLUED_CREDIT, credit.start)
        return None

    def _report_glued(self, unit: Unit, glued: _Glued) -> None:
        text = unit.full
        rest = text[: glued.at].rstrip()
        safe = bool(_SENTENCE_END.search(rest))
        self.found.append(
            _Found(
                glued.rule,
                unit.start + len(rest),
                unit.full_end,
                {"match": _shown(text[glued.at :])},
                fix=Fix("", safe=safe),
            )
        )

    def _judged(self, unit: Unit, layout: Layout, *, body_too: bool = False) -> bool:
        """Is `unit` left to the structural tests (not reported, not markup, not the
        headline, not a body paragraph unless `body_too`)?"""
        return not (
            unit.index in self.whole
            or unit.index in self.glued
            or unit.markup in ("image", "heading")
            or unit.index == layout.headline
            or (not body_too and self._is_body(unit))
            or self._cue(unit)
        )

    def _cue(self, unit: Unit) -> bool:
        """Is `unit` a transcript's cue on a line of its own, "(LAUGHTER)" or "[CROSSTALK]"?
        Its line is read whole: Markdown decoration would hide a cue's square brackets."""
        known = self.cues.get(unit.index)
        if known is None:
            text = self.doc.lint_text
            line = text[text.rfind("\n", 0, unit.start) + 1 : unit.full_end]
            known = self.cues[unit.index] = self.c.cue.fullmatch(line.strip()) is not None
        return known

    def _between_furniture(self, layout: Layout) -> None:
        """A short line between two lines of furniture, one of them not a caption."""
        for unit in self.units:
            i = unit.index
            if not self._judged(unit, layout) or len(unit.words) > self.c.opts.stray_max_words:
                continue
            if is_sentence(unit.text) or unit.text.lower().startswith("by "):
                continue
            before, after = self.whole.get(i - 1), self.whole.get(i + 1)
            captions = (CAPTION, PHOTO_CAPTION, CREDIT_LINE)
            if before and after and not (before in captions and after in captions):
                self._whole(unit, FURNITURE_LINE, reason="between furniture lines")

    def _captions(self, layout: Layout) -> None:
        """Captions by their shape; a caption may read as a sentence of the body (it
        then needs every sign: a picture verb, a date, a hint such as "in Ankara,
        Turkey May 15.")."""
        for unit in self.units:
            if not self._judged(unit, layout, body_too=True) or unit.markup == "bullet":
                continue
            if self._is_caption(unit, layout.region(unit.index)):
                self._whole(unit, PHOTO_CAPTION)

    def _is_caption(self, unit: Unit, region: Region) -> bool:
        text = unit.text
        model = self.c.captions
        words = len(unit.words)
        if not 2 <= words <= self.c.opts.caption_max_words or len(text) > _CAPTION_CHARS * words:
            return False
        if model.speaks(text) or model.is_question(text):
            return False
        if model.strong_shape(text):
            return True
        if unit.index + 1 in self.credits:
            return model.scores(text, 1)
        need = self.c.opts.caption_min_score
        if final_stop(text):
            need += 1
        if region in ("before", "outside"):
            need += 1
        elif region != "inside":
            return False
        if unit.index - 1 in self.credits:
            need -= 1  # the next picture of a gallery: caption, credit, caption
        return model.scores(text, need)

    # -- outside the body ---------------------------------------------------------

    def _stamps_and_repeats(self, layout: Layout) -> None:
        headline = layout.units[layout.headline] if layout.headline is not None else None
        head_norm = normalised(without_section(headline.text)) if headline else ""
        seen: set[str] = set()
        for unit in self.units:
            norm = self.norms[unit.index] = normalised(unit.text)
            if self._judged(unit, layout):
                inside = layout.region(unit.index) == "inside"
                if head_norm and self._repeats_headline(unit, norm, head_norm, inside):
                    self._whole(unit, DUPLICATE)
                elif (
                    not inside
                    and self.c.stamps.is_metadata(unit.text)
                    and not self._time_head(unit, layout)
                ):
                    self._whole(unit, METADATA)
                elif (
                    norm in seen
                    and len(unit.words) <= self.c.opts.stray_max_words
                    and not is_sentence(unit.text)
                ):
                    self._whole(unit, FURNITURE_LINE, reason="printed twice")
            if norm:
                seen.add(norm)

    def _repeated_paragraphs(self) -> None:
        """A paragraph printed again word for word: a scraper that took the story, or a
        part of it, twice. The later copy is reported; the first stands. Runs after
        `_stamps_and_repeats`, which folded every unit's words."""
        first: dict[str, Unit] = {}
        for unit in self.units:
            if (
                unit.index in self.whole
                or unit.index in self.glued  # its label is the finding ("… said. [...]")
                or unit.markup in ("image", "heading")
                or len(unit.words) < self.c.opts.repeat_min_words
            ):
                continue
            earlier = first.setdefault(self.norms[unit.index], unit)
            if earlier is not unit:
                self._whole(unit, REPEATED, first_line=self.doc.position(earlier.start).line)

    def _time_head(self, unit: Unit, layout: Layout) -> bool:
        """Is `unit` the first of a live file's time heads ("3:45 p.m." over each entry,
        as in AP's "The Latest")? So it is when it is a bare stamp and another stands
        inside the body."""
        if not self.c.stamps.is_bare_stamp(unit.text):
            return False
        if self.time_heads is None:
            self.time_heads = any(
                layout.region(u.index) == "inside" and self.c.stamps.is_bare_stamp(u.text)
                for u in self.units
            )
        return self.time_heads

    def _repeats_headline(self, unit: Unit, norm: str, head_norm: str, inside: bool) -> bool:
        if norm == head_norm:
            return True
        if inside:
            return False
        double = glued_double(unit.text)
        if double is not None and normalised(without_section(double)) == head_norm:
            return True
        return (
            len(head_norm) >= 20 and norm.startswith(head_norm + " ") and not is_sentence(unit.text)
        )

    def _teasers(self, layout: Layout) -> None:
        if layout.last_body is None:
            return
        known: list[set[str]] = []

        def article() -> set[str]:
            if not known:
                words: set[str] = set()
                for unit in layout.body_units():
                    words |= content_words(unit.text, self.c.common)
                if layout.headline is not None:
                    words |= content_words(layout.units[layout.headline].text, self.c.common)
                known.append(words)
            return known[0]

        tail = list(self.units[layout.last_body + 1 :])
        runs = teaser_runs(tail, self.c.teasers, article, lambda u: u.index in self.whole)
        for run in runs:
            first, last = self.units[run.first], self.units[run.last]
            self.found.append(
                _Found(
                    TEASERS,
                    first.start,
                    last.full_end,
                    {"match": _shown(first.text), "count": run.teasers},
                )
            )
            for index in range(run.first, run.last + 1):
                self.whole.setdefault(index, TEASERS)

    def _linked_headlines(self, layout: Layout) -> None:
        """The headline a cross-link label introduces on the next line ("ALSO READ" /
        "Iraq's parliament to vote again on waterway deal")."""
        for unit in self.units:
            i = unit.index
            if self.whole.get(i - 1) != LINK or not self._judged(unit, layout):
                continue
            if not self.c.introducers.matches(self.keys[i - 1]):
                continue  # "Read more »" closes an excerpt; the next line is another
            if not is_sentence(unit.text) and len(unit.words) <= self.c.opts.teaser_max_words:
                self._whole(unit, FURNITURE_LINE, reason="the headline of a cross-link")

    def _alt_text(self, layout: Layout) -> None:
        """Image alt text left beside a caption: a few words, mostly the headline's."""
        headline = layout.units[layout.headline] if layout.headline is not None else None
        head_words = content_words(headline.text, self.c.common) if headline else set()
        opts = self.c.opts
        for unit in self.units:
            i = unit.index
            if not self._judged(unit, layout) or is_sentence(unit.text):
                continue
            beside_caption = (i - 1 in self.captions) or (i + 1 in self.captions)
            if (
                beside_caption
                and len(unit.words) <= opts.alt_text_max_words
                and overlap(content_words(unit.text, self.c.common), head_words)
                >= opts.alt_text_min_overlap
            ):
                self._whole(unit, PHOTO_CAPTION)


def _fits(where: Where, region: Region) -> bool:
    """Does a phrase found `where` count in `region`? Without a body (a listing page, a
    few lines) every line is outside it, before and after at once."""
    if where == "anywhere" or (region == "outside" and where != "headline"):
        return True
    if where == "outside_body":
        return region != "inside"
    if where == "before_body":
        return region in ("before", "outside")
    if where == "after_body":
        return region == "after"
    return False


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip()
    return bool(_SENTENCE_END.search(stripped)) or stripped.endswith(("…", "...", "]"))


def _shown(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _SHOWN else flat[: _SHOWN - 1] + "…"
