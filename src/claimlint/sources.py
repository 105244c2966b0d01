"""Find the files to check, read their bytes and decode them, refusing what is not text.

Everything here reports bad input as `InputError` (one line, no traceback); the
caller records it and goes on with the other files.
"""

from __future__ import annotations

import codecs
import fnmatch
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import msgspec

from claimlint import regex_cache
from claimlint.digest import sha256_hex
from claimlint.fsguard import NotReadable, is_inside, read_bytes

DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown")
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
#: the largest `max_file_size` a config may set (a document is held in memory whole)
MAX_FILE_SIZE_LIMIT = 100 * 1024 * 1024
STDIN = "-"
_BINARY_SNIFF = 8192
#: control characters other than the whitespace ones ("\t\n\v\f\r")
_CONTROL = regex_cache.re_compile(r"[\x00-\x08\x0e-\x1f]")


class InputError(Exception):
    """A file that cannot be checked: the message names the path and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class SkippedFile(InputError):
    """A file deliberately not checked (too large): a warning, not an error."""


class Source(msgspec.Struct, frozen=True):
    """A decoded file. `text` is exactly the decoded content (BOM removed, line endings kept)."""

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False

    @property
    def is_markdown(self) -> bool:
        return self.path.lower().endswith((".md", ".markdown", ".mdx"))


class Selection(msgspec.Struct, frozen=True):
    """Which files a directory walk picks up."""

    include: Sequence[str] = DEFAULT_INCLUDE
    exclude: Sequence[str] = ()

    def wants(self, path: Path, root: Path) -> bool:
        rel = path.relative_to(root).as_posix() if path != root else path.name
        if any(glob_match(rel, pat) or glob_match(path.name, pat) for pat in self.exclude):
            return False
        return any(glob_match(path.name, pat) or glob_match(rel, pat) for pat in self.include)


def glob_match(name: str, pattern: str) -> bool:
    return fnmatch.fnmatchcase(name, pattern) or (
        pattern.endswith("/**") and (name + "/").startswith(pattern[:-2])
    )


_SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox"}


def expand_paths(paths: Sequence[str], selection: Selection) -> Iterator[str | InputError]:
    """Yield the files to check in a stable order, or an `InputError` for a bad path.

    Files named explicitly are always checked (as ruff does); directories are walked
    and filtered by the selection.
    """
    seen: set[str] = set()
    # a walk yields each file once, so only walks that overlap another path named can
    # repeat a file; other walks' files are not remembered (an archive's worth of paths)
    overlapping = _overlapping(paths)
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if not path.exists():
            yield _missing(path, raw)
        elif path.is_dir():
            found = False
            for file in _walk(path):
                if isinstance(file, InputError):
                    yield file
                elif selection.wants(file, path):
                    key = os.path.normpath(file)
                    if key not in seen:
                        if overlapping:
                            seen.add(key)
                        found = True
                        yield _link_problem(file, path) or str(file)
            if not found:
                yield SkippedFile(raw, "no files matching " + ", ".join(selection.include))
        else:
            key = os.path.normpath(path)
            if key not in seen:
                seen.add(key)
                yield raw


def _overlapping(paths: Sequence[str]) -> bool:
    """Whether a folder is named twice in `paths`, or holds another path named."""
    named = [raw for raw in paths if raw != STDIN]
    folders = [os.path.normpath(raw) for raw in named if os.path.isdir(raw)]
    if not folders or len(named) < 2:
        return False
    if len(set(folders)) < len(folders):
        return True
    inside = set(folders)
    return any(parent in inside for raw in named for parent in _parents(os.path.normpath(raw)))


def _parents(key: str) -> Iterator[str]:
    """The folders that hold the normalised path `key`, as a walk would name them (the
    current folder holds every relative path that does not climb out of it)."""
    child, parent = key, os.path.dirname(key)
    while parent and parent != child:
        yield parent
        child, parent = parent, os.path.dirname(parent)
    climbs = key == os.pardir or key.startswith(os.pardir + os.sep)
    if not os.path.isabs(key) and key != os.curdir and not climbs:
        yield os.curdir


def _missing(path: Path, raw: str) -> InputError:
    if path.is_symlink():
        try:
            os.stat(path)
        except FileNotFoundError:
            return InputError(raw, "broken symbolic link (its target does not exist)")
        except OSError:
            return InputError(raw, "symbolic link loop")
    return InputError(raw, "no such file or directory")


def _link_problem(file: Path, root: Path) -> InputError | None:
    """Why a file found by a walk is a symbolic link not to follow: a loop, a missing
    target, or a target outside the walked tree (skipped: a repo's link to a file
    elsewhere is not the repo's copy)."""
    if not file.is_symlink():
        return None
    try:
        real = os.path.realpath(file, strict=True)
    except FileNotFoundError:
        return InputError(str(file), "broken symbolic link (its target does not exist)")
    except OSError:
        return InputError(str(file), "symbolic link loop")
    if not is_inside(real, str(root)):
        return SkippedFile(str(file), f"skipped: a symbolic link to a file outside {root}")
    return None


def _walk(root: Path) -> Iterator[Path | InputError]:
    """The files under `root`, in order; a folder that cannot be listed is an error (its
    files would otherwise go unchecked without a word)."""
    failures: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=failures.append):
        while failures:
            yield _unlisted(failures.pop(0))
        dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS)
        for name in sorted(filenames):
            yield Path(dirpath) / name
    while failures:
        yield _unlisted(failures.pop(0))


def _unlisted(error: OSError) -> InputError:
    reason = "permission denied" if isinstance(error, PermissionError) else error.strerror
    return InputError(str(error.filename), f"{reason or error}; the files in it were not checked")


def read_source(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read and decode one file (or stdin for "-")."""
    if path == STDIN:
        return decode(path, _read_stdin(max_bytes))
    try:
        data = read_bytes(path, max_bytes)
    except NotReadable as exc:
        if exc.size is not None:
            raise SkippedFile(path, f"skipped: {exc.reason}") from None
        raise InputError(path, exc.reason) from None
    except FileNotFoundError:
        raise InputError(path, "no such file or directory") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None
    return decode(path, data)


def _read_stdin(max_bytes: int) -> bytes:
    """Standard input up to `max_bytes`; more is refused (an endless pipe stops here)."""
    chunks: list[bytes] = []
    total = 0
    while total <= max_bytes:
        chunk = sys.stdin.buffer.read(min(1 << 20, max_bytes + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
    raise SkippedFile(STDIN, f"skipped: over the {max_bytes:,}-byte limit")


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(path: str, data: bytes) -> Source:
    """Decode bytes as UTF-8 (or UTF-8/16/32 with a BOM); refuse binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    path, f"not valid {encoding.upper()} at byte {exc.start}"
                ) from None
            return Source(path, text, encoding=encoding, bom=True)
    if b"\x00" in data[:_BINARY_SNIFF]:
        raise InputError(path, "binary file (contains NUL bytes); not checked")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            path, f"not valid UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start}"
        ) from None
    if _looks_binary(text):
        raise InputError(path, "binary file (mostly control characters); not checked")
    return Source(path, text)


def _looks_binary(text: str) -> bool:
    sample = text[:_BINARY_SNIFF]
    if not sample or not _CONTROL.search(sample):
        return False
    return len(_CONTROL.findall(sample)) / len(sample) > 0.1


def text_digest(text: str) -> str:
    """A digest of a decoded text: a report that reads a file again knows by it whether
    the file still holds the text that was checked."""
    return sha256_hex(text.encode("utf-8", "surrogatepass"))


def display_path(path: str) -> str:
    """`path` relative to the working directory when it lies below it, else as given."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if relative.startswith("..") else relative
