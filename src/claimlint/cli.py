"""The `claimlint` command: wiring only; the work happens in engine, rules and report."""

# No `from __future__ import annotations` here: the commands' annotations are evaluated
# once, when defined, so typer reads their types without compiling each string at every
# start (a twentieth of a one-article run).

import contextlib
import copy
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import msgspec
import typer

from claimlint import __version__, collector, interrupts, usage
from claimlint.config import ConfigResolver
from claimlint.engine import RuleSets, RunOptions
from claimlint.findings import Level
from claimlint.progress import FileProgress
from claimlint.report import DiagnosticLog, RunReport
from claimlint.report.file_table import FileTable
from claimlint.ruleset import RuleFilter
from claimlint.runner import article_reader, run, source_linter
from claimlint.safe_text import neutralise, neutralise_lines, printable_path
from claimlint.sources import STDIN, InputError, read_source
from claimlint.yamlfile import YamlError

if TYPE_CHECKING:
    # what only some commands need is imported where it is used: one short article,
    # as pre-commit checks it, should not pay for fixes, baselines, SARIF or rich
    from claimlint import baseline as baseline_file
    from claimlint import fixes
    from claimlint.report.text import Output
    from claimlint.ruleset import RuleSet

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

app = typer.Typer(
    name="claimlint",
    help="Lint English news copy: names, quotes, dates, timelines and translation debris.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    cls=usage.Group,
    context_settings=usage.HELP_OPTIONS,
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
    typer.echo(usage.error_line(message), err=True)
    return typer.Exit(EXIT_USAGE)


class _Lines:
    """Lines for a stream, through rich (which styles them on a terminal); rich is
    loaded only when there is something to say."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._console: Output | None = None

    @property
    def console(self) -> "Output":
        if self._console is None:
            from claimlint.report import text

            self._console = text.make_console(self._stream)
        return self._console


def _say(lines: "_Lines | Output", line: str = "", style: str | None = None) -> None:
    """Print a line that may hold text from files, packs or articles: control
    characters never reach the terminal."""
    from claimlint.report.text import safe_line

    console = lines.console if isinstance(lines, _Lines) else lines
    console.print(safe_line(line), style=style)


def _level_option(flag: str, help: str) -> Any:
    return typer.Option(
        flag, parser=usage.choice(FailLevel), metavar=usage.metavar(FailLevel), help=help
    )


ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        "-c",
        metavar="FILE",
        help="Use this config file instead of searching for one.",
    ),
]
IsolatedOption = Annotated[
    bool, typer.Option("--isolated", help="Ignore config files: built-in rules and defaults only.")
]


@app.command(cls=usage.Command)
def check(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH",
            help="Files, directories, or - for stdin [default: the current directory].",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            parser=usage.choice(OutputFormat),
            metavar=usage.metavar(OutputFormat),
            help="Output format.",
        ),
    ] = OutputFormat.text,
    fail_on: Annotated[
        FailLevel | None,
        _level_option(
            "--fail-on", "Exit 1 when a finding is at or above this level [default: error]."
        ),
    ] = None,
    report_level: Annotated[
        FailLevel | None,
        _level_option(
            "--report-level",
            "Report findings at or above this level [default: info]; "
            "the exit code still counts the others.",
        ),
    ] = None,
    exit_zero: Annotated[
        bool,
        typer.Option("--exit-zero", help="Exit 0 even when findings fail the run."),
    ] = False,
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select",
            metavar="RULES",
            help="Run only these rules (ids or categories, comma-separated).",
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore",
            metavar="RULES",
            help="Do not run these rules (ids or categories, comma-separated).",
        ),
    ] = None,
    reference_date: Annotated[
        date | None,
        typer.Option(
            "--date",
            parser=usage.parse_day,
            metavar="YYYY-MM-DD",
            help="Publication date for relative dates.",
        ),
    ] = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    model: Annotated[
        str | None,
        typer.Option(
            "--model", metavar="PACKAGE", help="spaCy pipeline to use (e.g. en_core_web_sm)."
        ),
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
        typer.Option(
            "--baseline",
            metavar="FILE",
            help="Report only findings not recorded in this JSON file.",
        ),
    ] = None,
    update_baseline: Annotated[
        bool,
        typer.Option("--update-baseline", help="Record today's findings in the --baseline file."),
    ] = False,
    output_file: Annotated[
        Path | None,
        typer.Option(
            "--output-file",
            "-o",
            metavar="FILE",
            help="Write the report to FILE instead of standard output.",
        ),
    ] = None,
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
            parser=usage.parse_jobs,
            metavar="N",
            help="Worker processes [default: the number of cores; 1: no pool].",
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="ADDRESS",
            help="Run the per-file work on this Dask scheduler (e.g. tcp://host:8786).",
        ),
    ] = None,
) -> None:
    """Check articles and report findings."""
    from claimlint.parallel import SchedulerError, default_jobs

    _refuse_config_with_isolated(config, isolated)
    if update_baseline and baseline is None:
        raise _fail("--update-baseline needs --baseline FILE")
    if statistics and output_format not in (OutputFormat.text, OutputFormat.json):
        raise _fail("--statistics works with --format text or json")
    if fix and diff:
        raise _fail(
            "--fix and --diff do not go together "
            "(--diff shows the safe fixes and writes nothing; --fix writes them)"
        )
    paths = paths or ["."]
    if (fix or diff) and STDIN in paths and len(paths) > 1:
        raise _fail("--fix and --diff take standard input alone: give - without other paths")
    options = RunOptions(
        config_path=config,
        isolated=isolated,
        date_override=reference_date,
        model=model,
        jobs=jobs if jobs is not None else default_jobs(),
        scheduler=scheduler,
        rule_filter=RuleFilter(
            select=_names(select) if select is not None else None,
            ignore=_names(ignore),
        ),
        details=output_format is OutputFormat.html,
    )
    if (fix or diff) and paths == [STDIN]:
        threshold = Level.parse(fail_on.value) if fail_on else None
        shown = Level.parse(report_level.value) if report_level else None
        raise typer.Exit(
            _fix_stdin(
                options,
                StdinReport(diff, quiet, no_frames, threshold, shown, exit_zero, output_file),
            )
        )
    recorded = _load_baseline(baseline) if baseline and not update_baseline else None
    err = _Lines(sys.stderr)
    try:
        with FileProgress(enabled=not quiet) as progress:
            report, configured_fail_level = run(paths, options, progress)
        if diff:
            raise typer.Exit(_show_diff(report, options, err, quiet))
        if fix:
            try:
                fixed, not_written = _apply_fixes(report, options)
            except interrupts.Interrupted as exc:
                if exc.written is None:  # stopped before writing began
                    exc.written, exc.unwritten = [], []
                raise
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
        from claimlint import baseline as baseline_file

        try:
            written = baseline_file.save(baseline, list(report.diagnostics))
        except OSError as exc:
            raise _fail(f"{baseline}: could not write the baseline: {exc}") from None
        if not quiet:
            _say(err, f"Recorded {_plural(written, 'finding')} in {baseline}.")
        report.diagnostics = DiagnosticLog()
    elif baseline is not None and recorded is not None:
        from claimlint import baseline as baseline_file

        kept, hidden = baseline_file.new_findings(list(report.diagnostics), recorded, baseline)
        report.diagnostics = DiagnosticLog(kept)
        if hidden and not quiet:
            _say(err, f"{_plural(hidden, 'finding')} recorded in {baseline} not shown.")
    threshold = Level.parse(fail_on.value) if fail_on else configured_fail_level
    failed = any(n for level, n in report.counts().items() if level >= threshold)
    shown = Level.parse(report_level.value) if report_level else report.report_level
    report.hide_below(min(shown, threshold))  # what fails the run is always shown
    with _output(output_file) as out:
        _emit(
            report,
            output_format,
            out,
            no_frames=no_frames,
            quiet=quiet,
            statistics=statistics,
            options=options,
        )
    if report.errors:
        raise typer.Exit(EXIT_USAGE)
    if failed and not exit_zero:
        raise typer.Exit(EXIT_FINDINGS)


def _names(values: list[str] | None) -> tuple[str, ...]:
    """`--select a,b --select c`: every name, in order."""
    return tuple(name for value in values or () for name in usage.parse_names(value))


def _refuse_config_with_isolated(config: Path | None, isolated: bool) -> None:
    if config is not None and isolated:
        raise _fail(
            "--config and --isolated do not go together "
            "(--isolated ignores every config file; drop one of them)"
        )


@contextlib.contextmanager
def _output(path: Path | None) -> Iterator[TextIO]:
    """Standard output, or the `--output-file` (created with the umask's permissions)."""
    if path is None:
        yield sys.stdout
        return
    try:
        handle = path.open("w", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise _fail(f"{path}: cannot write the report: {exc.strerror or exc}") from None
    with handle:
        yield handle


class StdinReport(msgspec.Struct, frozen=True):
    """What `--fix -` / `--diff -` was asked to show."""

    diff: bool
    quiet: bool
    no_frames: bool
    fail_on: Level | None
    report_level: Level | None
    exit_zero: bool
    output_file: Path | None


def _fix_stdin(options: RunOptions, asked: StdinReport) -> int:
    """Fix standard input: the fixed text (or its diff) to stdout or the output file,
    the findings that remain and a summary to stderr; the exit code."""
    from claimlint.fix_stdin import fix_stdin

    try:
        done = fix_stdin(options)
    except (InputError, YamlError) as exc:
        raise _fail(str(exc)) from None
    from claimlint import fixes
    from claimlint.report import text

    err = text.make_console(sys.stderr)
    count = sum(done.outcome.applied.values())
    if asked.diff:
        with _output(asked.output_file) as out:
            out.write(fixes.unified_diff(done.outcome))
        if not asked.quiet:
            _say(err, f"Would fix {_plural(count, 'finding')} in standard input.")
        return EXIT_FINDINGS if done.outcome.changed else EXIT_OK
    if asked.output_file is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(done.data)
        sys.stdout.buffer.flush()
    else:
        try:
            asked.output_file.write_bytes(done.data)
        except OSError as exc:
            raise _fail(f"{asked.output_file}: cannot write: {exc.strerror or exc}") from None
    threshold = asked.fail_on if asked.fail_on is not None else done.fail_on
    failed = any(d.level >= threshold for d in done.remaining)
    report = RunReport(diagnostics=DiagnosticLog(done.remaining), files=FileTable(done.meta))
    report.errors = done.errors
    shown = asked.report_level if asked.report_level is not None else done.report_level
    report.hide_below(min(shown, threshold))
    text.render(report, err, show_frames=not asked.no_frames, summary=False, headers=False)
    for error in report.errors:
        _say(err, usage.error_line(error), style="bold red")
    if not asked.quiet:
        left = len(done.remaining)
        remain = f"{_plural(left, 'finding')} remain{'s' if left == 1 else ''}"
        _say(err, f"Fixed {_plural(count, 'finding')} in standard input; {remain}.")
    if report.errors:
        return EXIT_USAGE
    return EXIT_FINDINGS if failed and not asked.exit_zero else EXIT_OK


def _load_baseline(path: Path) -> "Counter[baseline_file.Entry]":
    from claimlint import baseline as baseline_file

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


def _fix_outcomes(report: RunReport, options: RunOptions) -> "list[fixes.FixOutcome]":
    from claimlint import fixes

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
        if outcome.refused:
            report.errors.append(f"{path}: {outcome.refused}")
        elif outcome.changed:
            outcomes.append(outcome)
    return outcomes


def _show_diff(report: RunReport, options: RunOptions, err: _Lines, quiet: bool) -> int:
    from claimlint import fixes

    outcomes = _fix_outcomes(report, options)
    # a diff is a patch when piped; on a terminal it is a report like any other
    shown = neutralise_lines if sys.stdout.isatty() else str
    for outcome in outcomes:
        sys.stdout.write(shown(fixes.unified_diff(outcome)))
    if not quiet:
        count = sum(sum(o.applied.values()) for o in outcomes)
        _say(err, f"Would fix {_plural(count, 'finding')} in {_plural(len(outcomes), 'file')}.")
    for error in report.errors:
        _say(err, usage.error_line(error), style="bold red")
    if report.errors:
        return EXIT_USAGE
    return EXIT_FINDINGS if outcomes else EXIT_OK


def _apply_fixes(report: RunReport, options: RunOptions) -> tuple[Counter[str], list[str]]:
    """The fixes written, by rule (and "<files>"), and why each file not written was not."""
    from claimlint import fixes

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
    out: TextIO,
    *,
    no_frames: bool,
    quiet: bool,
    statistics: bool,
    options: RunOptions,
) -> None:
    err = _Lines(sys.stderr)
    if not quiet:
        for notice in report.notices:
            _say(err, usage.warning_line(notice), style="yellow")
    for error in report.errors:
        _say(err, usage.error_line(error), style="bold red")
    if output_format is OutputFormat.json and not statistics:
        from claimlint.report import json_format

        json_format.write(report, out)
        return
    if output_format is OutputFormat.sarif:
        from claimlint.report import sarif

        out.write(sarif.render(report) + "\n")
        return
    if output_format is OutputFormat.html:
        from claimlint.report import html

        html.write(report, out, article_reader(options, report))
        return
    if output_format is OutputFormat.github:
        from claimlint.report import github

        rendered = github.render(report)
        out.write(rendered + "\n" if rendered else "")
        return
    from claimlint.report import text

    if statistics and output_format is OutputFormat.json:
        out.write(json.dumps(text.statistics(report), indent=2) + "\n")
    elif statistics:
        text.render_statistics(report, text.make_console(out))
    else:
        text.render(
            report,
            text.make_console(out),
            show_frames=not no_frames,
            summary=not quiet,
            headers=not quiet,
        )


@app.command("rules", cls=usage.Command)
def list_rules(
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    output_format: Annotated[
        ListFormat,
        typer.Option(
            "--format",
            "-f",
            parser=usage.choice(ListFormat),
            metavar=usage.metavar(ListFormat),
            help="Output format.",
        ),
    ] = ListFormat.text,
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

    from claimlint.report import text

    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("id", "kind", "category", "level", "pack", "on"):
        table.add_column(column)
    for r in ruleset.all_rules:
        cells = (r.id, r.kind_name, r.category, str(r.level), r.pack)
        table.add_row(*(neutralise(c) for c in cells), "yes" if r.enabled else "no")
    console = text.rich_console(sys.stdout)
    if not console.is_terminal:
        console.width = 250  # piped: never truncate rule ids
    console.print(table)


@app.command(cls=usage.Command)
def explain(
    rule_id: Annotated[
        str, typer.Argument(metavar="RULE", help="A rule id, as shown by `claimlint rules`.")
    ],
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

    out = _Lines(sys.stdout)
    title, *rest = explain_lines(ruleset, rule)
    _say(out, title, style="bold")
    for line in rest:
        _say(out, line)


@app.command(cls=usage.Command)
def lsp(
    stdio: Annotated[
        bool, typer.Option("--stdio", help="Talk over stdin and stdout (the only transport).")
    ] = True,
) -> None:
    """Run the language server (LSP over stdio) for editors."""
    from claimlint.lsp import MissingExtra, serve

    collector.resume()  # a long-lived process: the collector runs from its start
    try:
        serve()
    except MissingExtra as exc:
        raise _fail(str(exc)) from None


@app.command(cls=usage.Command)
def init(
    directory: Annotated[
        Path,
        typer.Argument(
            metavar="DIRECTORY",
            help="Where to write the files [default: the current directory].",
            show_default=False,
        ),
    ] = Path("."),
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files.")] = False,
) -> None:
    """Write a commented .claimlint.yaml and an example facts.yaml."""
    from claimlint.init import InitError, write_starter_files

    try:
        written = write_starter_files(directory, force=force)
    except InitError as exc:
        raise _fail(str(exc)) from None
    for path in written:
        typer.echo(neutralise(f"wrote {path}"))


def _ruleset(config: Path | None, isolated: bool) -> "RuleSet":
    _refuse_config_with_isolated(config, isolated)
    try:
        resolver = ConfigResolver(config, isolated=isolated)
        return RuleSets().for_config(resolver.for_path("."))
    except YamlError as exc:
        raise _fail(str(exc)) from None


facts_app = typer.Typer(
    help="Work with facts files (people and events).", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(facts_app, name="facts")


@facts_app.command("check", cls=usage.Command)
def facts_check(
    files: Annotated[
        list[Path], typer.Argument(metavar="FILE", help="Facts files (YAML) to validate.")
    ],
) -> None:
    """Validate facts files: every problem names the file, the line and the field.
    Cues that cannot name one event are warned about (the exit code stays 0)."""
    from claimlint.facts import Facts, check_facts, describe

    facts, problems = check_facts(files)
    for problem in problems:
        typer.echo(usage.error_line(str(problem)), err=True)
    for advice in _facts_advice(facts):
        typer.echo(usage.warning_line(advice), err=True)
    failed = {problem.path for problem in problems}
    for file in files:
        if str(file) not in failed:
            mine = [p for p in facts.people if p.source == str(file)]
            events = [e for e in facts.events if e.source == str(file)]
            shown = describe(Facts(tuple(mine), tuple(events)))
            typer.echo(neutralise(f"{file}: ok ({shown})"))
    if problems:
        raise typer.Exit(EXIT_USAGE)


def _facts_advice(facts: Any) -> list[str]:
    """Advice on the events' cues, read with the built-in pack's timeline words."""
    from claimlint.config import DEFAULT
    from claimlint.ruleset import build_ruleset
    from claimlint.timeline.advice import advise
    from claimlint.timeline.terms import Vocabulary

    if not facts.events:
        return []
    options = build_ruleset(DEFAULT).context.options_of("timeline")
    vocabulary = Vocabulary(
        facts.events,
        facts.people,
        options.event_kinds,
        options.competing_words,
        options.generic_words,
    )
    return [str(a) for a in advise(vocabulary)]


@facts_app.command("learn", cls=usage.Command)
def facts_learn(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="PATH", help="Articles or folders of an archive."),
    ],
    facts: Annotated[
        list[Path] | None,
        typer.Option(
            "--facts", metavar="FILE", help="Existing facts: propose only what they lack."
        ),
    ] = None,
    min_articles: Annotated[
        int,
        typer.Option(
            "--min-articles",
            parser=usage.parse_positive,
            metavar="N",
            help="Propose what this many articles show.",
        ),
    ] = 3,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output-file",
            "--output",
            "-o",
            metavar="FILE",
            help="Write the draft here, not to stdout.",
        ),
    ] = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", parser=usage.parse_jobs, metavar="N", help="Worker processes."
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or notices.")] = False,
) -> None:
    """Propose a facts file from an archive: people's majority spellings with their
    variants and misspellings, the titles they held when, and dated events."""
    from claimlint.facts import load_facts
    from claimlint.learn import proposal
    from claimlint.parallel import default_jobs
    from claimlint.runner import learn

    _refuse_config_with_isolated(config, isolated)
    options = RunOptions(
        config_path=config, isolated=isolated, jobs=jobs if jobs is not None else default_jobs()
    )
    try:
        existing = load_facts(facts) if facts else None
        with FileProgress(enabled=not quiet) as progress:
            found = learn(paths, options, progress)
    except YamlError as exc:
        raise _fail(str(exc)) from None
    err = _Lines(sys.stderr)
    if not quiet:
        for notice in found.notices:
            _say(err, usage.warning_line(notice), style="yellow")
    for error in found.errors:
        _say(err, usage.error_line(error), style="bold red")
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


def _interrupted(exc: interrupts.Interrupted) -> str:
    """One line: the signal, and for `--fix` which files were and were not written."""
    line = f"claimlint: interrupted by {exc.name}"
    if exc.written is None:
        return line
    if not exc.written and not exc.unwritten:
        return line + "; no file was written"

    def names(paths: list[str]) -> str:
        shown = ", ".join(printable_path(p) for p in paths[:10])
        return shown + (f" and {len(paths) - 10} more" if len(paths) > 10 else "")

    line += f"; written: {names(exc.written)}" if exc.written else "; no file was written"
    if exc.unwritten:
        line += f"; not written: {names(exc.unwritten)}"
    return line


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


def app_for(argv: list[str]) -> typer.Typer:
    """The app to run for `argv`. Typer builds the click command of every registered
    command at each start; when the line names one of them first (`claimlint check …`,
    pre-commit's case), an app of that command alone behaves the same and builds only
    it. Anything else (a group such as `facts`, an option, a typo) gets the whole app."""
    name = argv[1] if len(argv) > 1 else ""
    commands = [
        c
        for c in app.registered_commands
        if c.callback is not None
        and (c.name or typer.main.get_command_name(c.callback.__name__)) == name
    ]
    if not commands:
        return app
    narrowed = copy.copy(app)
    narrowed.registered_commands = commands
    narrowed.registered_groups = []
    return narrowed


def main() -> None:
    interrupts.install()
    try:
        app_for(sys.argv)()
    except interrupts.Interrupted as exc:
        sys.stderr.write(neutralise(printable_path(_interrupted(exc))) + "\n")
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.stderr.write("claimlint: interrupted\n")
        sys.exit(130)
    except Exception as exc:  # the last guard: one line, never a traceback
        if os.environ.get("CLAIMLINT_DEBUG"):
            raise
        sys.stderr.write(
            usage.error_line(
                f"internal error: {type(exc).__name__}: {exc} "
                "(set CLAIMLINT_DEBUG=1 for the traceback)"
            )
            + "\n"
        )
        sys.exit(EXIT_USAGE)
