"""Replace files atomically: write a temporary file beside each, then `os.replace`.

With several files, every temporary file is written (and synced) before the first
is moved into place, so a failure while writing leaves every file untouched, and a
failure while replacing leaves each file either untouched or fully rewritten.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Mapping


def write_files(contents: Mapping[str, bytes]) -> None:
    """Write each path's new bytes, keeping its permission bits."""
    staged: list[tuple[str, str]] = []
    try:
        for path, data in contents.items():
            staged.append((_stage(path, data), path))
        while staged:
            temp, path = staged[0]
            os.replace(temp, path)
            staged.pop(0)
    finally:
        for temp, _ in staged:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def write_file(path: str, data: bytes) -> None:
    write_files({path: data})


def _stage(path: str, data: bytes) -> str:
    directory = os.path.dirname(os.path.abspath(path))
    fd, temp = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temp, stat.S_IMODE(os.stat(path).st_mode))
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return temp
