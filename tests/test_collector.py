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


def test_a_rule_set_that_fails_to_build_still_lets_the_collector_run(tmp_path: object) -> None:
    # a bad config ends the build with an error; the command (`facts learn`, the
    # language server) may go on, so the collector must not stay paused
    code = (
        "import gc, pathlib, tempfile\n"
        "from claimlint import collector\n"
        "collector.pause()\n"
        "from claimlint.config import load_config\n"
        "from claimlint.ruleset import build_ruleset\n"
        "folder = pathlib.Path(tempfile.mkdtemp())\n"
        "(folder / 'bad.yaml').write_text('rules:\\n  - id: x\\n    kind: existence\\n')\n"
        "(folder / '.claimlint.yaml').write_text('rules: [bad.yaml]\\n')\n"
        "config = load_config(folder / '.claimlint.yaml')\n"
        "try:\n"
        "    build_ruleset(config)\n"
        "except Exception as exc:\n"
        "    print(type(exc).__name__, gc.isenabled())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out.endswith("True") and out != "True", out
