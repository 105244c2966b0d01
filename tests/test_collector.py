"""The collector during a command's start: paused, then frozen and running again; a
program that turned it off itself keeps it off."""

from __future__ import annotations

import subprocess
import sys

DRIVER = """
import gc
{setup}
from claimlint import collector
collector.pause()
paused = not gc.isenabled()
collector.resume()
collector.resume()  # a second resume changes nothing
print(paused, gc.isenabled(), gc.get_freeze_count() > 0)
"""


def run(setup: str) -> str:
    code = DRIVER.format(setup=setup)
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_the_command_pauses_the_collector_then_freezes_and_resumes() -> None:
    assert run("") == "True True True"


def test_a_collector_the_program_turned_off_stays_off() -> None:
    assert run("gc.disable()") == "True False False"


def test_the_command_runs_with_its_collector_on_after_start() -> None:
    # the command itself: after the rule set is built the collector runs for the articles
    code = (
        "import gc, sys\n"
        "import claimlint.engine as engine\n"
        "build = engine.build_ruleset\n"
        "def watched(*a, **k):\n"
        "    assert not gc.isenabled()  # paused while the command starts\n"
        "    return build(*a, **k)\n"
        "engine.build_ruleset = watched\n"
        "sys.argv = ['claimlint', 'check', '-']\n"
        "from claimlint.launch import main\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    print(gc.isenabled(), file=sys.stderr)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        input="The talks resumed on Tuesday, officials said.\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode in (0, 1), proc.stderr
    assert proc.stderr.strip().endswith("True")
