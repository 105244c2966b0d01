"""The cyclic garbage collector during a command's start.

Starting a run makes hundreds of thousands of objects that all live to its end: the
modules, the rule packs, their compiled patterns and lexicons. Each time they pass the
collector's threshold it walks every object of the process, and at exit it walks them
once more: about a tenth of the instructions of a one-article run, for no garbage. So
the command pauses the collector while it starts, and once the first rule set is built
(or fails to build) freezes what exists (`gc.freeze`: later collections and the one
at exit skip it) and lets the collector run again for the articles. The language
server, a long-lived process, lets it run from its start.

Only a process that `pause` paused is touched: a program that imports claimlint as a
library (a script, the tests) keeps its collector as it set it.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Pause the collector, if it runs, until `resume`."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Start done: freeze what exists and let the collector run again (only if `pause`
    paused it)."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
