"""Run the `claimlint` command in-process, as a user would from a shell."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from typer.testing import CliRunner

from claimlint.cli import app_for


@dataclass(frozen=True)
class Result:
    exit_code: int
    stdout: str
    stderr: str


def claimlint(args: Sequence[str], input: str | None = None) -> Result:
    runner = CliRunner()
    # the app `main` runs for this command line (one command's alone when it names one)
    result = runner.invoke(app_for(["claimlint", *args]), list(args), input=input)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Result(result.exit_code, result.stdout, result.stderr)
