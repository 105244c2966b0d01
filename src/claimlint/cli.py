"""The `claimlint` command: wiring only; the work happens in engine, rules and report."""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from claimlint import __version__, fixes
from claimlint import baseline as baseline_file
from claimlint.config import ConfigResolver
from claimlint.engine import RuleSets, RunOptions
from claimlint.findings import Level
from claimlint.init import InitError, write_starter_files
from claimlint.progress import FileProgress
from claimlint.report import DiagnosticLog, RunReport, github, html, json_format, sarif, text
from claimlint.ruleset import RuleSet
from claimlint.runner import article_reader, run, source_linter
from claimlint.safe_text import neutralise, neutralise_lines
from claimlint.sources import STDIN, InputError, read_source
from claimlint.yamlfile import YamlError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

app = typer.Typer(
    name="claimlint",
    help="Lint English news copy: names, quotes, dates, timelines and translation debris.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    html = "html"


class ListFormat(StrEnum):
    text = "text"
    json = "json"


class FailLevel(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


def _fail(message: str) -> typer.Exit:
    typer.echo(neutralise(f"claimlint: {message}"), err=True)
    return typer.Exit(EXIT_USAGE)


def _say(console: Console, line: str = "", style: str | None = None) -> None:
    """Print a line that may hold text from files, packs or articles: control
    characters never reach the terminal."""
    console.print(text.safe_line(line), style=style)


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", "-c", help="Use this config file instead of searching for one."),
]
IsolatedOption = Annotated[
    bool, typer.Option("--isolated", help="Ignore config files: built-in rules and defaults only.")
]


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.text,
    fail_on: Annotated[
        FailLevel | None,
        typer.Option(
            "--fail-on", help="Exit 1 when a finding is at or above this level [default: error]."
        ),
    ] = None,
    reference_date: Annotated[
        str | None,
        typer.Option("--date", help="Publication date (YYYY-MM-DD) for relative dates."),
    ] = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    model: Annotated[
        str | None, typer.Option("--model", help="spaCy model to use (e.g. en_core_web_sm).")
    ] = None,
    no_frames: Annotated[
        bool, typer.Option("--no-frames", help="Text output: one line per finding.")
    ] = False,
    fix: Annotated[
        bool, typer.Option("--fix", help="Apply the fixes that rules mark safe, then report.")
    ] = False,
    diff: Annotated[
        bool,
        typer.Option("--diff", help="Show the safe fixes as a unified diff; write nothing."),
    ] = False,
    baseline: Annotated[
        Path | None,
        typer.Option("--baseline", help="Report only findings not recorded in this JSON file."),
    ] = None,
    update_baseline: Annotated[
        bool,
        typer.Option("--update-baseline", help="Record today's findings in the --baseline file."),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="Findings only: no summary, notices or progress."),
    ] = False,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Show counts per rule instead of each finding.")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Worker processes [default: the number of cores; 1: no pool].",
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Run the per-file work on this Dask scheduler (e.g. tcp://host:8786).",
        ),
    ] = None,
) -> None:
    """Check articles and report findings."""
    from claimlint.parallel import SchedulerError, default_jobs

    if update_baseline and baseline is None:
        raise _fail("--update-baseline needs --baseline FILE")
    if statistics and output_format not in (OutputFormat.text, OutputFormat.json):
        raise _fail("--statistics works with --format text or json")
    options = RunOptions(
        config_path=config,
        isolated=isolated,
        date_override=_parse_date(reference_date),
        model=model,
        jobs=jobs if jobs is not None else default_jobs(),
        scheduler=scheduler,
        details=output_format is OutputFormat.html,
    )
    recorded = _load_baseline(baseline) if baseline and not update_baseline else None
    err = text.make_console(sys.stderr)
    try:
        with FileProgress(enabled=not quiet) as progress:
            report, configured_fail_level = run(paths, options, progress)
        if diff:
            raise typer.Exit(_show_diff(report, options, err, quiet))
        if fix:
            fixed, not_written = _apply_fixes(report, options)
            if fixed:
                report, configured_fail_level = _recheck(paths, options, report)
            report.errors += not_written
            if not quiet:
                _say(err, _fixed_summary(fixed, len(report.diagnostics)))
    except YamlError as exc:
        raise _fail(str(exc)) from None
    except SchedulerError as exc:
        raise _fail(str(exc)) from None
    if baseline is not None and update_baseline:
        written = baseline_file.save(baseline, list(report.diagnostics))
        if not quiet:
            _say(err, f"Recorded {_plural(written, 'finding')} in {baseline}.")
        report.diagnostics = DiagnosticLog()
    elif baseline is not None and recorded is not None:
        kept, hidden = baseline_file.new_findings(list(report.diagnostics), recorded, baseline)
        report.diagnostics = DiagnosticLog(kept)
        if hidden and not quiet:
            _say(err, f"{_plural(hidden, 'finding')} recorded in {baseline} not shown.")
    threshold = Level.parse(fail_on.value) if fail_on else configured_fail_level
    _emit(
        report,
        output_format,
        no_frames=no_frames,
        quiet=quiet,
        statistics=statistics,
        options=options,
    )
    if report.errors:
        raise typer.Exit(EXIT_USAGE)
    if any(d.level >= threshold for d in report.diagnostics):
        raise typer.Exit(EXIT_FINDINGS)


def _load_baseline(path: Path) -> Counter[baseline_file.Entry]:
    try:
        return baseline_file.load(path)
    except baseline_file.BaselineError as exc:
        raise _fail(str(exc)) from None


def _recheck(paths: list[str], options: RunOptions, before: RunReport) -> tuple[RunReport, Level]:
    """Check again after fixing; stdin cannot be read twice, so its findings stay."""
    report, fail_level = run([p for p in paths if p != STDIN], options)
    if STDIN in paths:
        report.diagnostics.insert(d for d in before.diagnostics if d.path == STDIN)
        if STDIN in before.files:
            report.files[STDIN] = before.files[STDIN]
        if STDIN in before.texts:
            report.texts[STDIN] = before.texts[STDIN]
    return report, fail_level


def _fix_outcomes(report: RunReport, options: RunOptions) -> list[fixes.FixOutcome]:
    paths = sorted({d.path for d in report.diagnostics if d.fix_safe and d.path != STDIN})
    lint = source_linter(options)
    outcomes = []
    for path in paths:
        try:
            source = read_source(path)
        except InputError as exc:
            report.errors.append(str(exc))
            continue
        outcome = fixes.fix_source(source, lint)
        if outcome.changed:
            outcomes.append(outcome)
    return outcomes


def _show_diff(report: RunReport, options: RunOptions, err: Console, quiet: bool) -> int:
    outcomes = _fix_outcomes(report, options)
    # a diff is a patch when piped; on a terminal it is a report like any other
    shown = neutralise_lines if sys.stdout.isatty() else str
    for outcome in outcomes:
        sys.stdout.write(shown(fixes.unified_diff(outcome)))
    if not quiet:
        count = sum(sum(o.applied.values()) for o in outcomes)
        _say(err, f"Would fix {_plural(count, 'finding')} in {_plural(len(outcomes), 'file')}.")
    return EXIT_FINDINGS if outcomes else EXIT_OK


def _apply_fixes(report: RunReport, options: RunOptions) -> tuple[Counter[str], list[str]]:
    """The fixes written, by rule (and "<files>"), and why each file not written was not."""
    outcomes = _fix_outcomes(report, options)
    try:
        result = fixes.write(outcomes)
    except OSError as exc:
        raise _fail(f"could not write fixes, no file was changed: {exc}") from None
    written = set(result.written)
    fixed: Counter[str] = Counter()
    for outcome in outcomes:
        if outcome.source.path in written:
            fixed.update(outcome.applied)
    fixed["<files>"] = len(written)
    problems = [f"{path}: {reason}" for path, reason in result.skipped]
    return (fixed if written else Counter()), problems


def _fixed_summary(fixed: Counter[str], remaining: int) -> str:
    files = fixed.pop("<files>", 0)
    total = sum(fixed.values())
    left = f"{_plural(remaining, 'finding')} remain{'s' if remaining == 1 else ''}"
    if not total:
        return f"No safe fixes to apply; {left}."
    by_rule = ", ".join(f"{rule}: {n}" for rule, n in sorted(fixed.items()))
    return f"Fixed {_plural(total, 'finding')} in {_plural(files, 'file')} ({by_rule}); {left}."


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _emit(
    report: RunReport,
    output_format: OutputFormat,
    *,
    no_frames: bool,
    quiet: bool,
    statistics: bool,
    options: RunOptions,
) -> None:
    err = text.make_console(sys.stderr)
    if not quiet:
        for notice in report.notices:
            _say(err, f"warning: {notice}", style="yellow")
    for error in report.errors:
        _say(err, f"error: {error}", style="bold red")
    if statistics and output_format is OutputFormat.json:
        sys.stdout.write(json.dumps(text.statistics(report), indent=2) + "\n")
    elif statistics:
        text.render_statistics(report, text.make_console(sys.stdout))
    elif output_format is OutputFormat.json:
        json_format.write(report, sys.stdout)
    elif output_format is OutputFormat.sarif:
        sys.stdout.write(sarif.render(report) + "\n")
    elif output_format is OutputFormat.html:
        html.write(report, sys.stdout, article_reader(options, report))
    elif output_format is OutputFormat.github:
        rendered = github.render(report)
        sys.stdout.write(rendered + "\n" if rendered else "")
    else:
        text.render(
            report, text.make_console(sys.stdout), show_frames=not no_frames, summary=not quiet
        )


@app.command("rules")
def list_rules(
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    output_format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.text,
) -> None:
    """List the rules: id, kind, category, level, pack, and whether each is on."""
    ruleset = _ruleset(config, isolated)
    if output_format is ListFormat.json:
        rows = [
            {
                "id": r.id,
                "kind": r.kind_name,
                "category": r.category,
                "level": str(r.level),
                "pack": r.pack,
                "enabled": r.enabled,
            }
            for r in ruleset.all_rules
        ]
        typer.echo(json.dumps(rows, indent=2))
        return
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("id", "kind", "category", "level", "pack", "on"):
        table.add_column(column)
    for r in ruleset.all_rules:
        cells = (r.id, r.kind_name, r.category, str(r.level), r.pack)
        table.add_row(*(neutralise(c) for c in cells), "yes" if r.enabled else "no")
    console = text.make_console(sys.stdout)
    if not console.is_terminal:
        console.width = 250  # piped: never truncate rule ids
    console.print(table)


@app.command()
def explain(
    rule_id: Annotated[str, typer.Argument(help="A rule id, as shown by `claimlint rules`.")],
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
) -> None:
    """Show what a rule checks, why, and its examples."""
    ruleset = _ruleset(config, isolated)
    rule = ruleset.get(rule_id)
    if rule is None:
        import difflib

        close = difflib.get_close_matches(rule_id, [r.id for r in ruleset.all_rules], n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise _fail(f"no rule named {rule_id!r}{hint}")
    from claimlint.explain import explain_lines

    out = text.make_console(sys.stdout)
    title, *rest = explain_lines(ruleset, rule)
    _say(out, title, style="bold")
    for line in rest:
        _say(out, line)


@app.command()
def lsp(
    stdio: Annotated[
        bool, typer.Option("--stdio", help="Talk over stdin and stdout (the only transport).")
    ] = True,
) -> None:
    """Run the language server (LSP over stdio) for editors."""
    from claimlint.lsp import MissingExtra, serve

    try:
        serve()
    except MissingExtra as exc:
        raise _fail(str(exc)) from None


@app.command()
def init(
    directory: Annotated[
        Path, typer.Argument(help="Where to write the files [default: current directory].")
    ] = Path("."),
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files.")] = False,
) -> None:
    """Write a commented .claimlint.yaml and an example facts.yaml."""
    try:
        written = write_starter_files(directory, force=force)
    except InitError as exc:
        raise _fail(str(exc)) from None
    for path in written:
        typer.echo(neutralise(f"wrote {path}"))


def _ruleset(config: Path | None, isolated: bool) -> RuleSet:
    try:
        resolver = ConfigResolver(config, isolated=isolated)
        return RuleSets().for_config(resolver.for_path("."))
    except YamlError as exc:
        raise _fail(str(exc)) from None


facts_app = typer.Typer(
    help="Work with facts files (people and events).", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(facts_app, name="facts")


@facts_app.command("check")
def facts_check(
    files: Annotated[list[Path], typer.Argument(help="Facts files (YAML) to validate.")],
) -> None:
    """Validate facts files: every problem names the file, the line and the field."""
    from claimlint.facts import describe, load_facts, load_facts_file

    try:
        for file in files:
            typer.echo(neutralise(f"{file}: ok ({describe(load_facts_file(file))})"))
        if len(files) > 1:
            load_facts(files)  # spellings and event ids must not clash across files
    except YamlError as exc:
        raise _fail(str(exc)) from None


@facts_app.command("learn")
def facts_learn(
    paths: Annotated[list[str], typer.Argument(help="Articles or folders of an archive.")],
    facts: Annotated[
        list[Path] | None,
        typer.Option("--facts", help="Existing facts: propose only what they lack."),
    ] = None,
    min_articles: Annotated[
        int, typer.Option("--min-articles", min=1, help="Propose what this many articles show.")
    ] = 3,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the draft here, not to stdout.")
    ] = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or notices.")] = False,
) -> None:
    """Propose a facts file from an archive: people's majority spellings with their
    variants and misspellings, the titles they held when, and dated events."""
    from claimlint.facts import load_facts
    from claimlint.learn import proposal
    from claimlint.parallel import default_jobs
    from claimlint.runner import learn

    options = RunOptions(
        config_path=config, isolated=isolated, jobs=jobs if jobs is not None else default_jobs()
    )
    try:
        existing = load_facts(facts) if facts else None
        with FileProgress(enabled=not quiet) as progress:
            found = learn(paths, options, progress)
    except YamlError as exc:
        raise _fail(str(exc)) from None
    err = text.make_console(sys.stderr)
    if not quiet:
        for notice in found.notices:
            _say(err, f"warning: {notice}", style="yellow")
    for error in found.errors:
        _say(err, f"error: {error}", style="bold red")
    draft = proposal.render(
        found.people.people(min_articles),
        found.events.events(min_articles),
        articles=found.articles,
        span=(found.first, found.last),
        existing=existing,
        names=found.people.names,
    )
    if output is None:
        sys.stdout.write(draft)
    else:
        from claimlint.atomic import Refused, write_file

        try:
            write_file(str(output), draft.encode("utf-8"))
        except Refused as exc:
            raise _fail(f"{output}: {exc}") from None
        except OSError as exc:
            raise _fail(f"cannot write {output}: {exc.strerror or exc}") from None
    if found.errors:
        raise typer.Exit(EXIT_USAGE)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimlint {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """claimlint: a linter for English news copy."""


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("claimlint: interrupted\n")
        sys.exit(130)
    except Exception as exc:  # the last guard: one line, never a traceback
        if os.environ.get("CLAIMLINT_DEBUG"):
            raise
        sys.stderr.write(
            f"claimlint: internal error: {type(exc).__name__}: {exc} "
            "(set CLAIMLINT_DEBUG=1 for the traceback)\n"
        )
        sys.exit(EXIT_USAGE)
