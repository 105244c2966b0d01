"""Write files back without surprises.

- A symbolic link is written through to its target only when that target is a regular
  file inside one of the folders the caller allows; otherwise the file is refused (the
  link is never replaced by a regular file, nothing outside the tree is written).
- Just before a file is changed, what is on disk is compared with what the caller
  read: a file changed or deleted meanwhile is skipped, not overwritten or recreated.
- A file with other hard links, or owned by another user or group than a new file
  would be, is rewritten in place (same inode: links, owner and mode stay). Any other
  file is replaced atomically: a temporary file beside it, then `os.replace`, with the
  file's permission bits.
- Every new content is staged (written and synced) before the first file is changed,
  so a full disk changes nothing.
- Temporary files are named `.NAME.claimlint-PID-RANDOM.tmp` and removed whatever
  happens (a signal included, see `interrupts`); those a killed run left behind are
  swept by the next write in their folder.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable, Sequence

import msgspec

from claimlint import interrupts, regex_cache
from claimlint.fsguard import NotReadable, is_inside, read_bytes

TEMP_MARK = ".claimlint-"
_TEMP_NAME = regex_cache.re_compile(r"\..+\.claimlint-(\d+)-\w+\.tmp")


class Refused(Exception):
    """A path that is not written, and why (one line)."""


class Change(msgspec.Struct, frozen=True):
    """New bytes for `path`; `original` is what the caller read (None: no such file)."""

    path: str
    data: bytes
    original: bytes | None


class Written(msgspec.Struct):
    """What a write did: the paths written, and each path not written with the reason."""

    written: list[str] = msgspec.field(default_factory=list)
    skipped: list[tuple[str, str]] = msgspec.field(default_factory=list)


def target_of(path: str, folders: Sequence[str]) -> str:
    """The file a write to `path` changes: `path`, or the target of a symbolic link when
    that is a regular file (or nothing yet) inside one of `folders`."""
    if not os.path.islink(path):
        if os.path.exists(path) and not os.path.isfile(path):
            raise Refused("not a regular file; not written")
        return path
    try:
        real = os.path.realpath(path, strict=True)
    except OSError:
        raise Refused("a symbolic link to a missing file (or a loop); not written") from None
    if not os.path.isfile(real):
        raise Refused("a symbolic link to something that is not a regular file; not written")
    if not any(is_inside(real, folder) for folder in folders):
        raise Refused(f"a symbolic link to {real}, outside {', '.join(folders)}; not written")
    return real


def write_files(changes: Sequence[Change], folders: Sequence[str] | None = None) -> Written:
    """Write each change (see the module's rules); `folders` are where links may point
    (default: the working directory and each link's own folder).

    Raises `OSError` when staging fails: then no file has been changed.
    """
    result = Written()
    targets: list[tuple[Change, str]] = []
    staged: list[tuple[Change, str, str]] = []
    try:
        for change in changes:
            allowed = list(folders) if folders is not None else _default_folders(change.path)
            try:
                targets.append((change, target_of(change.path, allowed)))
            except Refused as exc:
                result.skipped.append((change.path, str(exc)))
        sweep({os.path.dirname(os.path.abspath(target)) for _, target in targets})
        for change, target in targets:
            with interrupts.deferred():  # a temporary file is made and listed, or neither
                staged.append((change, target, _stage(target, change.data)))
        while staged:
            change, target, temp = staged[0]
            with interrupts.deferred():  # a file is written and counted, or neither
                try:
                    _put(change, target, temp)
                    result.written.append(change.path)
                except Refused as exc:
                    result.skipped.append((change.path, str(exc)))
                except OSError as exc:
                    result.skipped.append((change.path, f"not written: {exc.strerror or exc}"))
                staged.pop(0)
                with contextlib.suppress(OSError):
                    os.unlink(temp)
    except interrupts.Interrupted as exc:
        exc.written = list(result.written)
        exc.unwritten = [c.path for c in changes if c.path not in set(result.written)]
        raise
    finally:
        for _, _, temp in staged:
            with contextlib.suppress(OSError):
                os.unlink(temp)
    return result


def sweep(folders: Iterable[str]) -> list[str]:
    """Remove the temporary files that runs no longer alive left in `folders`."""
    removed = []
    for folder in folders:
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            match = _TEMP_NAME.fullmatch(name)
            if match and not _alive(int(match.group(1))):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(folder, name))
                    removed.append(os.path.join(folder, name))
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError, OSError):
        return True  # someone else's process, or not ours to judge: leave its files
    return True


def write_file(path: str, data: bytes) -> None:
    """Write one file whatever it held (a file the caller owns: a baseline)."""
    try:
        with open(path, "rb") as handle:
            original: bytes | None = handle.read()
    except FileNotFoundError:
        original = None
    result = write_files([Change(path, data, original)])
    for _, reason in result.skipped:
        raise OSError(f"{path}: {reason}")


def _default_folders(path: str) -> list[str]:
    return [os.getcwd(), os.path.dirname(os.path.abspath(path))]


def _stage(target: str, data: bytes) -> str:
    directory = os.path.dirname(os.path.abspath(target))
    fd, temp = tempfile.mkstemp(
        prefix=f".{os.path.basename(target)}{TEMP_MARK}{os.getpid()}-", suffix=".tmp", dir=directory
    )
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode)
        except FileNotFoundError:
            mode = 0o666 & ~_umask()  # a new file: what open() would have made
        os.chmod(temp, mode)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return temp


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _unchanged(change: Change, target: str) -> None:
    """Raise `Refused` unless `target` still holds what the caller read."""
    limit = len(change.original) if change.original is not None else 0
    try:
        current: bytes | None = read_bytes(target, limit)
    except FileNotFoundError:
        current = None
    except NotReadable as exc:
        if exc.size is None:
            raise Refused(f"{exc.reason}; not written") from None
        current = b""  # grew: differs
    if current == change.original:
        return
    if change.original is None:
        raise Refused("created by another process during the run; not overwritten")
    if current is None:
        raise Refused("deleted during the run; not recreated")
    raise Refused("changed on disk during the run; not written (run again)")


def _put(change: Change, target: str, temp: str) -> None:
    _unchanged(change, target)
    if change.original is None or not _keep_inode(target, temp):
        os.replace(temp, target)
        return
    _rewrite_in_place(change, target)


def _keep_inode(target: str, temp: str) -> bool:
    """True when replacing `target` would lose something: other hard links, its owner."""
    info, new = os.stat(target), os.stat(temp)
    return info.st_nlink > 1 or (info.st_uid, info.st_gid) != (new.st_uid, new.st_gid)


def _rewrite_in_place(change: Change, target: str) -> None:
    fd = os.open(target, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "r+b") as handle:
        assert change.original is not None
        current = handle.read(len(change.original) + 1)
        if not stat.S_ISREG(os.fstat(fd).st_mode) or current != change.original:
            raise Refused("changed on disk during the run; not written (run again)")
        handle.seek(0)
        handle.write(change.data)
        handle.truncate()
        handle.flush()
        os.fsync(fd)
