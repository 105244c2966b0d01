"""Read a file only when it is a regular file, and never more than a bound.

A path from a config, a walk or the command line may name a FIFO (opening it would
block), a device (`/dev/zero` never ends) or a file that grows while it is read; here
each is refused with a reason instead. The file is opened without blocking and
checked on the open descriptor, so a path swapped for something else between a check
and the read cannot slip through.
"""

from __future__ import annotations

import os
import stat


class NotReadable(OSError):
    """The path cannot be read as a file: `reason` says why, in a few words."""

    def __init__(self, reason: str, size: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.size = size


def describe_mode(mode: int) -> str:
    """What a non-regular file is, for a message."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_bytes(path: str | os.PathLike[str], limit: int) -> bytes:
    """The content of the regular file at `path` (symbolic links followed), at most
    `limit` bytes; `NotReadable` when it is something else or holds more.

    Other failures (missing file, permission) are the usual `OSError`s.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotReadable(f"{describe_mode(info.st_mode)}, not a regular file")
        if info.st_size > limit:
            raise NotReadable(
                f"{info.st_size:,} bytes is over the {limit:,}-byte limit", info.st_size
            )
        chunks = []
        remaining = limit + 1  # one byte more tells a file that grew past the limit
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        data = b"".join(chunks)
        if len(data) > limit:
            raise NotReadable(
                f"over the {limit:,}-byte limit (it grew while being read)", len(data)
            )
        return data
    finally:
        os.close(fd)


def is_inside(path: str, folder: str) -> bool:
    """True when the real `path` lies in the real `folder` (or is it)."""
    real = os.path.realpath(path)
    root = os.path.realpath(folder)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)
