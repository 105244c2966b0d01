"""How the command talks to its user: one error style (`claimlint: error: …`, one line,
exit 2), `-h` as well as `--help`, help pages without the parser's internals, and
option values checked with plain messages."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

import typer
from typer import _click as click  # the click typer bundles (its exceptions are raised)
from typer.core import TyperCommand, TyperGroup

from claimlint import regex_cache
from claimlint.safe_text import neutralise, printable_path

EXIT_USAGE = 2
HELP_OPTIONS = {"help_option_names": ["-h", "--help"]}
ERROR_PREFIX = "claimlint: error: "
#: the most worker processes --jobs may ask for
MAX_JOBS = 256
WARNING_PREFIX = "claimlint: warning: "

E = TypeVar("E", bound=StrEnum)
_ISO_DAY = regex_cache.re_compile(r"(\d{4})-(\d{2})-(\d{2})")


def error_line(message: str) -> str:
    """The one form every error takes on stderr (a file name that is not UTF-8 shown
    with `\\xNN` for its other bytes)."""
    return neutralise(printable_path(ERROR_PREFIX + message))


def warning_line(message: str) -> str:
    return neutralise(printable_path(WARNING_PREFIX + message))


class Group(TyperGroup):
    """The top-level command: usage errors are printed in the one error style."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:
            exc.show()
            code = EXIT_USAGE
        except click.exceptions.ClickException as exc:
            sys.stderr.write(error_line(_usage_message(exc)) + "\n")
            code = exc.exit_code
        except typer.Abort:
            sys.stderr.write(error_line("aborted") + "\n")
            code = 1
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)


def _usage_message(exc: click.exceptions.ClickException) -> str:
    message = exc.format_message()
    message = (message[:1].lower() + message[1:]).rstrip(".")
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, click.exceptions.UsageError) and ctx is not None:
        message += f" (see '{ctx.command_path} -h')"
    return message


class Command(TyperCommand):
    """A subcommand whose help names its arguments as users write them ("PATH..."),
    not by their Python types."""

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = param.metavar or (param.name or "").upper()
                name = name if param.required else f"[{name}]"
                pieces.append(name + ("..." if param.nargs != 1 else ""))
        return pieces

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        arguments = []
        options = []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument" and not param.hidden:  # type: ignore[attr-defined]
                name = param.metavar or (param.name or "").upper()
                if param.nargs != 1:
                    name += "..."
                arguments.append((name, getattr(param, "help", None) or ""))
            elif param.param_type_name == "option":
                record = param.get_help_record(ctx)
                if record is not None:
                    options.append(record)
        if arguments:
            with formatter.section("Arguments"):
                formatter.write_dl(arguments)
        if options:
            with formatter.section("Options"):
                formatter.write_dl(options)


def choice(enum: type[E]) -> Callable[[str], E]:
    """A parser for an option whose values are an enumeration's."""
    names = ", ".join(member.value for member in enum)

    def parse(value: str | E) -> E:
        if isinstance(value, enum):
            return value
        try:
            return enum(value)
        except ValueError:
            raise typer.BadParameter(f"{neutralise(repr(value))} is not one of {names}") from None

    return parse


def metavar(enum: type[StrEnum]) -> str:
    return "[" + "|".join(member.value for member in enum) + "]"


def parse_day(value: str) -> date:
    """A `--date` value: exactly YYYY-MM-DD, and a day that exists."""
    match = _ISO_DAY.fullmatch(value.strip())
    if match is None:
        raise typer.BadParameter(f"{neutralise(repr(value))} is not in YYYY-MM-DD form")
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        raise typer.BadParameter(f"{value!r}: there is no month {month}")
    try:
        return date(year, month, day)
    except ValueError:
        last = (date(year + month // 12, month % 12 + 1, 1) - date(year, month, 1)).days
        month_name = date(year, month, 1).strftime("%B")
        raise typer.BadParameter(
            f"{value!r}: there is no such day ({month_name} {year} has {last} days)"
        ) from None


def parse_positive(value: str | int) -> int:
    try:
        number = int(value)
    except ValueError:
        raise typer.BadParameter(f"{neutralise(repr(value))} is not a number") from None
    if number < 1:
        raise typer.BadParameter(f"{number} is less than 1")
    return number


def parse_jobs(value: str | int) -> int:
    """`--jobs`: a positive number of worker processes, at most `MAX_JOBS`."""
    number = parse_positive(value)
    if number > MAX_JOBS:
        raise typer.BadParameter(f"more than {MAX_JOBS} worker processes")
    return number


def parse_names(value: str) -> tuple[str, ...]:
    """`--select` / `--ignore`: rule ids or categories, comma-separated."""
    return tuple(name.strip() for name in value.split(",") if name.strip())
