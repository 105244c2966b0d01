"""`--format html`: one self-contained page an editor can open, attach to a ticket or
publish as a CI artifact.

Per article: the text with every finding marked by level (colour, line style and an
icon) and category (the colour of its underline), the message and fix on hover and in
a side list, the reference date and where it came from, and a timeline strip (see
`timeline`). For a run over several files, an index with one row per file. Filters by
level and category and keyboard navigation (j/k) need a few lines of script; without
it the page is complete, only static.

The page loads nothing: styles and script are inline and a Content-Security-Policy
allows only them (by hash), so an article's text — always escaped, as data — could not
run code even if it got past the escaping.

Pure function of the run's results plus the articles' texts, which `read_text` gives
one at a time (the runner reads each file again as it was read for the check; see
`runner.article_reader`), so a large run never holds every text at once.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from typing import TextIO

import msgspec

from claimlint import __version__
from claimlint.diagnostics import Diagnostic
from claimlint.findings import Level
from claimlint.report import RunReport
from claimlint.report.html import article
from claimlint.report.html.marks import text
from claimlint.safe_text import printable_path
from claimlint.sources import InputError, display_path

ReadText = Callable[[str], str]
LEVELS = ("error", "warning", "info")
#: underline colours of categories (each at least 3:1 against white), in turn
PALETTE = ("#1b5e20", "#0d47a1", "#6a1b9a", "#b71c1c", "#8a4500", "#00695c", "#4e342e", "#ad1457")


@cache
def _asset(name: str) -> str:
    return (resources.files(__package__) / name).read_text("utf-8")


def _digest(content: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(content.encode("utf-8")).digest()).decode()


class _Survey(msgspec.Struct):
    """What the page's head and index need before the articles: one pass over the run's
    findings, keeping counts only."""

    paths: list[str]
    categories: dict[str, int]
    levels: Counter[str]
    by_category: Counter[str]
    per_file: dict[str, Counter[str]]

    @classmethod
    def of(cls, report: RunReport) -> _Survey:
        levels: Counter[str] = Counter()
        by_category: Counter[str] = Counter()
        per_file: dict[str, Counter[str]] = {}
        for d in report.diagnostics:
            level = article.NAMES[d.level]
            levels[level] += 1
            by_category[d.category] += 1
            counts = per_file.get(d.path)
            if counts is None:
                counts = per_file[d.path] = Counter()
            counts[level] += 1
            counts["c:" + d.category] += 1
        # report order: the findings come by path, so the articles do too
        paths = sorted(set(report.files) | set(per_file))
        categories = {name: i for i, name in enumerate(sorted(by_category))}
        return cls(paths, categories, levels, by_category, per_file)


def write(report: RunReport, stream: TextIO, read_text: ReadText) -> None:
    """Write the page to `stream`, article by article, in report order (by path): the
    run's findings are read twice (counts first, for the head and the index; then each
    article's as its section is written), never all held at once."""
    survey = _Survey.of(report)
    style = _asset("report.css") + _category_css(survey.categories)
    script = _asset("report.js")
    stream.write(_head(style, script))
    stream.write(_toolbar(survey))
    stream.write("<main>")
    stream.write(_summary(report, len(survey.paths)))
    if len(survey.paths) > 1:
        stream.write(_index(survey))
    findings = iter(report.diagnostics)
    pending = next(findings, None)
    for number, path in enumerate(survey.paths, start=1):
        mine: list[Diagnostic] = []
        while pending is not None and pending.path == path:
            mine.append(pending)
            pending = next(findings, None)
        try:
            content: str | None = read_text(path)
            why = ""
        except InputError as exc:
            content, why = None, exc.reason
        stream.write(
            article.render(
                number,
                _shown_path(path),
                report.files.get(path, {}),
                mine,
                content,
                why,
                survey.categories,
            )
        )
        del content
    stream.write(f"</main><script>{script}</script></body></html>\n")


def _shown_path(path: str) -> str:
    return "stdin" if path == "-" else printable_path(display_path(path))


def _head(style: str, script: str) -> str:
    policy = (
        f"default-src 'none'; style-src '{_digest(style)}'; script-src '{_digest(script)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="claimlint {__version__}">'
        f"<title>claimlint report</title><style>{style}</style></head>\n<body>"
    )


def _category_css(categories: dict[str, int]) -> str:
    rules = []
    for i in categories.values():
        rules.append(f".c-{i}{{--cat:{PALETTE[i % len(PALETTE)]}}}")
    selectors = [f".hide-l-{level} .l-{level}" for level in LEVELS]
    selectors += [f".hide-c-{i} .c-{i}" for i in categories.values()]
    if selectors:
        marks = ",".join(f"{s}.f" for s in selectors)
        rules.append(f"{marks}{{background:none;border-bottom-color:transparent}}")
        rules.append(",".join(f"{s}.f::before" for s in selectors) + "{content:none}")
        rules.append(",".join(f"{s}.finding" for s in selectors) + "{display:none}")
    return "\n" + "\n".join(rules) + "\n"


def _toolbar(survey: _Survey) -> str:
    levels, by_category, categories = survey.levels, survey.by_category, survey.categories
    level_boxes = "".join(
        f'<label><input type="checkbox" checked data-hide="l-{level}"> '
        f"{article.badge(level)} ({levels[level]})</label>"
        for level in LEVELS
    )
    category_boxes = "".join(
        f'<label class="c-{i}"><input type="checkbox" checked data-hide="c-{i}"> '
        f'<span class="cat swatch">{text(name)}</span> ({by_category[name]})</label>'
        for name, i in categories.items()
    )
    return (
        '<header class="top"><h1>claimlint report</h1><div class="filters">'
        f"<fieldset><legend>Levels</legend>{level_boxes}</fieldset>"
        + (
            f"<fieldset><legend>Categories</legend>{category_boxes}</fieldset>"
            if categories
            else ""
        )
        + "</div>"
        '<p class="keys">Next / previous finding: <kbd>j</kbd> / <kbd>k</kbd> '
        "(or <kbd>n</kbd> / <kbd>p</kbd>); hover a mark for its message and fix.</p>"
        '<p id="status" role="status" aria-live="polite"></p></header>'
    )


def _summary(report: RunReport, files: int) -> str:
    counts = report.counts()
    parts = [
        f'<section class="summary" aria-label="Summary"><p>{files} '
        f"file{'' if files == 1 else 's'} checked, {len(report.diagnostics)} "
        f"finding{'' if len(report.diagnostics) == 1 else 's'}: "
        + ", ".join(f"{counts.get(Level.parse(level), 0)} {level}" for level in LEVELS)
        + f". claimlint {text(__version__)}.</p>"
    ]
    parts += _problems("Errors", report.errors)
    parts += _problems("Notices", report.notices)
    parts.append("</section>")
    return "".join(parts)


def _problems(title: str, items: Iterable[str]) -> list[str]:
    listed = [f"<li>{text(item)}</li>" for item in items]
    return [f'<h2>{title}</h2><ul class="problems">{"".join(listed)}</ul>'] if listed else []


def _index(survey: _Survey) -> str:
    categories = survey.categories
    head = ['<th scope="col" aria-sort="ascending"><button data-type="text">File</button></th>']
    head += ['<th scope="col" class="n"><button data-type="num">All</button></th>']
    head += [
        f'<th scope="col" class="n"><button data-type="num">{article.ICONS[level]} {level}</button></th>'
        for level in LEVELS
    ]
    head += [
        f'<th scope="col" class="n"><button data-type="num">{text(name)}</button></th>'
        for name in categories
    ]
    rows = []
    for number, path in enumerate(survey.paths, start=1):
        counts = survey.per_file.get(path, Counter())
        cells = [f'<th scope="row"><a href="#a{number}">{text(_shown_path(path))}</a></th>']
        values = [sum(counts[level] for level in LEVELS)] + [counts[level] for level in LEVELS]
        values += [counts["c:" + name] for name in categories]
        cells += [
            f'<td class="n{" zero" if value == 0 else ""}" data-v="{value}">{value}</td>'
            for value in values
        ]
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (
        '<section aria-labelledby="index-h"><h2 id="index-h">Files</h2>'
        '<p class="note">Select a column heading to sort.</p>'
        f'<div class="scroll"><table class="index"><thead><tr>{"".join(head)}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div></section>\n"
    )
