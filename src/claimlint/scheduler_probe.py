"""Check a `--scheduler` address before handing it to `distributed.Client`.

The client takes 20 s and prints a traceback for an address that is not one, and
hangs or dies (a frame length read from another protocol: "MemoryError: 3.07 EiB")
when something else answers at a real address. Here the address must look like one,
and a plain TCP scheduler must answer an `identity` request as a scheduler, all within
the connection timeout.
"""

from __future__ import annotations

import asyncio
import gc
import importlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from claimlint import regex_cache

_ADDRESS = regex_cache.re_compile(
    r"(?:(?P<scheme>tcp|tls|ucx|ucxx|ws|wss|inproc)://)?(?P<rest>[^\s/]+(?::\d{1,5})?(?:/\S*)?)"
)
_HOST_PORT = regex_cache.re_compile(r"(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+):\d{1,5}")


class NotAScheduler(Exception):
    """The address is not one, or what answers there is not a Dask scheduler."""


def check_address(address: str) -> None:
    """Raise `NotAScheduler` unless `address` reads as a Dask scheduler address."""
    match = _ADDRESS.fullmatch(address)
    if match is None or (
        match.group("scheme") in (None, "tcp", "tls")
        and not _HOST_PORT.fullmatch(match.group("rest"))
    ):
        raise NotAScheduler("not a scheduler address (like tcp://host:8786)")


def probe(address: str, timeout: float) -> None:
    """For a plain TCP address: raise `NotAScheduler` unless a Dask scheduler answers
    within `timeout` seconds."""
    scheme = _ADDRESS.fullmatch(address)
    if scheme is None or scheme.group("scheme") not in (None, "tcp"):
        return  # TLS needs the client's security settings; UCX its own stack
    try:
        reply = asyncio.run(asyncio.wait_for(_identity(address, timeout), timeout * 1.5))
    except TimeoutError:
        raise NotAScheduler(f"no answer as a Dask scheduler within {timeout:g}s") from None
    except (MemoryError, ValueError):  # a frame length or header read from another protocol
        raise NotAScheduler("what answers there is not a Dask scheduler") from None
    except Exception as exc:
        raise NotAScheduler(f"cannot reach a Dask scheduler: {type(exc).__name__}: {exc}") from None
    if not (isinstance(reply, dict) and reply.get("type") == "Scheduler"):
        raise NotAScheduler("what answers there is not a Dask scheduler")


async def _identity(address: str, timeout: float) -> Any:
    # typed as Any: distributed is an optional extra, typed or not where it is installed
    comm_core: Any = importlib.import_module("distributed.comm.core")
    comm = await comm_core.connect(address, timeout=timeout)
    try:
        await comm.write({"op": "identity", "reply": True})
        return await comm.read()
    finally:
        comm.abort()


@contextmanager
def quiet_teardown() -> Iterator[None]:
    """Keep the tracebacks a half-built `Client` prints from its `__del__` (when its
    constructor failed) off the user's terminal."""
    previous = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: None
    try:
        yield
    finally:
        gc.collect()
        sys.unraisablehook = previous
