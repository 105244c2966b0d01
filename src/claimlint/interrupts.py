"""SIGINT, SIGTERM and SIGHUP end a run with one line and the usual exit code
(128 + the signal's number), after `finally` blocks have cleaned up: the temporary
files of `--fix`, and a word on what was and was not written.

Workers of the process pool leave these signals to the main process (a Ctrl-C reaches
the whole process group; the main process shuts the pool down).
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class Interrupted(BaseException):
    """A signal asked the run to stop. `written` and `unwritten` are set by a write
    that it stopped (None: no write had begun)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
        self.written: list[str] | None = None
        self.unwritten: list[str] | None = None

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


def _raise(signum: int, frame: object) -> None:
    raise Interrupted(signum)


def install() -> None:
    """Turn the stopping signals into `Interrupted` in this (main) process."""
    for sig in _SIGNALS:
        signal.signal(sig, _raise)


def leave_to_main_process() -> None:
    """In a pool worker: ignore Ctrl-C (the main process stops the pool); die on
    SIGTERM and SIGHUP as processes do."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for sig in _SIGNALS:
        if sig != signal.SIGINT:
            signal.signal(sig, signal.SIG_DFL)


@contextmanager
def deferred() -> Iterator[None]:
    """Hold the stopping signals until the block is done (a file half written, or
    written and not yet counted, is never left behind by one)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
