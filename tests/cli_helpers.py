"""Run the `claimlint` command in-process, as a user would from a shell."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from typer.testing import CliRunner

from claimlint.cli import app


@dataclass(frozen=True)
class Result:
    exit_code: int
    stdout: str
    stderr: str


def claimlint(args: Sequence[str], input: str | None = None) -> Result:
    runner = CliRunner()
    result = runner.invoke(app, list(args), input=input)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Result(result.exit_code, result.stdout, result.stderr)
