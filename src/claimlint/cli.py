"""The `claimlint` command: wiring only; the work happens in engine, rules and report."""

from __future__ import annotations

import os
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from claimlint import __version__
from claimlint.config import ConfigResolver
from claimlint.engine import RuleSets, RunOptions, run
from claimlint.findings import Level
from claimlint.report import RunReport, json_format, text
from claimlint.ruleset import RuleSet
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


class FailLevel(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


def _fail(message: str) -> typer.Exit:
    typer.echo(f"claimlint: {message}", err=True)
    return typer.Exit(EXIT_USAGE)


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

    options = RunOptions(
        config_path=config,
        isolated=isolated,
        date_override=_parse_date(reference_date),
        model=model,
        jobs=jobs if jobs is not None else default_jobs(),
        scheduler=scheduler,
    )
    try:
        report, configured_fail_level = run(paths, options)
    except YamlError as exc:
        raise _fail(str(exc)) from None
    except SchedulerError as exc:
        raise _fail(str(exc)) from None
    threshold = Level.parse(fail_on.value) if fail_on else configured_fail_level
    _emit(report, output_format, no_frames)
    if report.errors:
        raise typer.Exit(EXIT_USAGE)
    if any(d.level >= threshold for d in report.diagnostics):
        raise typer.Exit(EXIT_FINDINGS)


def _emit(report: RunReport, output_format: OutputFormat, no_frames: bool) -> None:
    err = text.make_console(sys.stderr)
    for notice in report.notices:
        err.print(f"warning: {notice}", style="yellow")
    for error in report.errors:
        err.print(f"error: {error}", style="bold red")
    if output_format is OutputFormat.json:
        json_format.write(report, sys.stdout)
    else:
        text.render(report, text.make_console(sys.stdout), show_frames=not no_frames)


@app.command("rules")
def list_rules(
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.text,
) -> None:
    """List the rules: id, kind, category, level, pack, and whether each is on."""
    ruleset = _ruleset(config, isolated)
    if output_format is OutputFormat.json:
        import json

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
        table.add_row(
            r.id, r.kind_name, r.category, str(r.level), r.pack, "yes" if r.enabled else "no"
        )
    text.make_console(sys.stdout).print(table)


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
    out = text.make_console(sys.stdout)
    out.print(f"{rule.id}", style="bold")
    out.print(
        f"kind: {rule.kind_name}   category: {rule.category}   level: {rule.level}   "
        f"pack: {rule.pack}   {'enabled' if rule.enabled else 'disabled'}"
    )
    out.print()
    out.print(rule.description or rule.message)
    if rule.examples.flag or rule.examples.ok:
        out.print()
        for example in rule.examples.flag:
            out.print(f"  flagged:  {example}")
        for example in rule.examples.ok:
            out.print(f"  fine:     {example}")


def _ruleset(config: Path | None, isolated: bool) -> RuleSet:
    try:
        resolver = ConfigResolver(config, isolated=isolated)
        return RuleSets().for_config(resolver.for_path("."))
    except YamlError as exc:
        raise _fail(str(exc)) from None


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
