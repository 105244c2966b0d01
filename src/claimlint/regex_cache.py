"""Compiled patterns kept between runs, so a run does not parse them again.

Parsing is most of the cost of a short run: the built-in packs hold a few hundred
patterns (the debris lexicons alone are several thousand alternatives), and both
`regex` and the standard `re` parse each in Python before a C engine takes the
compiled code. What is kept is that code:

- a `regex` pattern pickles as its compiled code (`regex` registers that reduction),
  and unpickling hands the code straight to the C engine;
- a `re` pattern's code is what `re._compiler` hands `_sre.compile`; it is kept as
  MessagePack (numbers and strings) and given back to `_sre.compile`, which validates
  it. This leans on a private interface, so the file is keyed by the Python version and
  the engine's magic number, and anything unexpected means compiling as usual.

The entries of one claimlint, engine and Python version share one file in
`$XDG_CACHE_HOME/claimlint/` (`CLAIMLINT_NO_CACHE=1` turns it off, as for the pack
cache). The file is a MessagePack list of (pattern, flags, code, whether a library
compiled it); decoding it runs no code, and each `regex` pickle is loaded by an
unpickler that may call one thing, the `regex` engine's own compile. Either way the
result must be a pattern with the same source and flags as the key. Like Python's own
`__pycache__`, the file is trusted only as far as its folder: it is read only when the
folder belongs to the user running claimlint and no one else may write to it. The file
is written (atomically) by the process that read it, at exit, only when the run
compiled something new; it keeps at most `MAX_ENTRIES` patterns, those of the latest
runs first. Any problem reading or writing it means compiling, as without it.

The command (`launch`) also primes `re`'s own cache with the patterns the libraries
it imports compiled in the last run (`prime_standard_library`), so PyYAML, markdown-it
and click find them there instead of parsing them at import.
"""

from __future__ import annotations

import atexit
import contextlib
import io
import os
import pickle
import re
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

import msgspec
import regex

from claimlint import __version__

MAX_ENTRIES = 2048
#: the most patterns kept from `re`'s own cache at exit (it holds 512 at most)
_LIBRARY_ENTRIES = 512
#: files kept per engine: this version's and a few others' (two checkouts, an upgrade)
KEEP = 4
MAX_FILE_BYTES = 32 * 1024 * 1024
_FORMAT = 2

_Key = tuple[str, int]
#: where the engine's compile lives (the module's name moved between `regex` releases)
_ENGINE_COMPILE = frozenset({("regex._regex", "compile"), ("_regex", "compile")})


class _EngineOnly(pickle.Unpickler):
    """Unpickles a compiled pattern: the engine's compile is the only callable found."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ENGINE_COMPILE:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed")


class Engine:
    """How one regular-expression engine compiles a pattern (with the bytes that keep
    its compiled code, None when they cannot be made) and gives it back from those
    bytes (`restore`: None when they are not usable)."""

    def compile(self, pattern: str, flags: int) -> tuple[Any, bytes | None]:
        raise NotImplementedError

    def restore(self, data: bytes, key: _Key) -> Any:
        raise NotImplementedError


class RegexEngine(Engine):
    def compile(self, pattern: str, flags: int) -> tuple[Any, bytes | None]:
        compiled = regex.compile(pattern, flags)
        try:
            return compiled, pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, RecursionError):
            return compiled, None

    def restore(self, data: bytes, key: _Key) -> Any:
        return _unpickle(data, key)


class _SreCode(msgspec.Struct, array_like=True):
    pattern: str  # the source again: code filed under another pattern is not used
    flags: int
    code: list[int]
    groups: int
    groupindex: dict[str, int]
    indexgroup: list[str | None]


class StandardEngine(Engine):
    """The standard `re`: parsed and turned into code by `re._compiler`, as `re.compile`
    does, keeping the code it hands `_sre.compile`."""

    def compile(self, pattern: str, flags: int) -> tuple[Any, bytes | None]:
        try:
            parsed = _parser.parse(pattern, flags)
            state = parsed.state
            indexgroup: list[str | None] = [None] * state.groups
            for name, index in state.groupdict.items():
                indexgroup[index] = name
            parts = _SreCode(
                pattern,
                flags | state.flags,
                [int(op) for op in _compiler._code(parsed, flags)],
                state.groups - 1,
                dict(state.groupdict),
                indexgroup,
            )
            data = msgspec.msgpack.encode(parts)
            compiled = self._build(pattern, parts)
            # on a miss only: the flags `re.compile` gives say the code was built alike
            if compiled.pattern == pattern and compiled.flags == re.compile(pattern, flags).flags:
                return compiled, data
        except Exception:  # a Python whose internals differ: compile as usual
            pass
        return re.compile(pattern, flags), None

    def restore(self, data: bytes, key: _Key) -> Any:
        try:
            parts = msgspec.msgpack.decode(data, type=_SreCode)
            if parts.pattern != key[0]:
                return None
            compiled = self._build(key[0], parts)
        except Exception:  # damaged or foreign code, which `_sre` refuses: compile instead
            return None
        if not isinstance(compiled, re.Pattern) or compiled.pattern != key[0]:
            return None
        if compiled.flags & key[1] != key[1]:
            return None
        return compiled

    @staticmethod
    def _build(pattern: str, parts: _SreCode) -> Any:
        return _compiler._sre.compile(
            pattern,
            parts.flags,
            parts.code,
            parts.groups,
            parts.groupindex,
            tuple(parts.indexgroup),
        )


class PatternCache:
    """The patterns of the file `locate()` names (None: no file), loaded at first use."""

    def __init__(self, locate: Callable[[], Path | None], engine: Engine) -> None:
        self._locate = locate
        self._engine = engine
        self._loaded = False
        self._pid = 0
        self._stored: dict[_Key, bytes] = {}
        self._used: dict[_Key, bytes] = {}
        self._new = False
        #: the stored patterns a library compiled (`prime`), not claimlint
        self._library_keys: set[_Key] = set()
        #: a cache of compiled patterns keyed as `re` keys its own, to fill and to keep
        self._library: dict[Any, Any] | None = None
        self._registered = False

    def compile(self, pattern: str, flags: int) -> Any:
        key = (pattern, flags)
        if not self._loaded:
            self._load()
        data = self._stored.get(key)
        if data is not None:
            compiled = self._engine.restore(data, key)
            if compiled is not None:
                self._used[key] = data
                return compiled
        if self._pid != os.getpid() or len(self._used) >= MAX_ENTRIES or not _storable(pattern):
            return self._engine.compile(pattern, flags)[0]
        compiled, data = self._engine.compile(pattern, flags)
        if data is not None:
            self._used[key] = data
            self._new = True
            self._save_at_exit()
        return compiled

    def _save_at_exit(self) -> None:
        if not self._registered:
            self._registered = True
            atexit.register(self.save)

    def _load(self) -> None:
        self._loaded = True
        self._pid = os.getpid()
        path = self._locate()
        if path is None:
            self._pid = 0  # no cache: nothing to keep for a later run
            return
        if path.parent.exists() and not _trusted_folder(path.parent):
            self._pid = 0  # neither read nor written
            return
        with contextlib.suppress(OSError, msgspec.DecodeError, ValueError, TypeError):
            with open(path, "rb") as handle:
                raw = handle.read(MAX_FILE_BYTES + 1)
            if len(raw) <= MAX_FILE_BYTES:
                entries = msgspec.msgpack.decode(raw, type=list[tuple[str, int, bytes, bool]])
                self._stored = {(p, f): d for p, f, d, _ in entries[:MAX_ENTRIES]}
                self._library_keys = {(p, f) for p, f, _, lib in entries[:MAX_ENTRIES] if lib}

    def prime(self, library: dict[Any, Any], room_for: int) -> None:
        """Restore the libraries' patterns the file holds into `library`, a cache keyed
        (type, pattern, flags) as `re` keys its own: a library that compiles one of them
        at import then finds it there. At most `room_for` patterns are put there (with
        what it holds); those in `library` at exit are kept, as the libraries'."""
        if not self._loaded:
            self._load()
        if self._pid != os.getpid():
            return  # no usable cache folder
        self._library = library
        self._save_at_exit()
        # the latest runs' patterns first, as many as leave `re` room in its cache
        room = room_for - len(library)
        for key, data in self._stored.items():
            if room <= 0:
                break
            if key in self._library_keys:
                compiled = self._engine.restore(data, key)
                if compiled is not None:
                    library.setdefault((str, *key), compiled)
                    room -= 1

    def _library_entries(self) -> dict[_Key, bytes]:
        """The code of the libraries' patterns in the primed cache now (compiled, or
        found there, by this run), those the file lacks compiled again."""
        found: dict[_Key, bytes] = {}
        for entry in list(self._library or ())[:_LIBRARY_ENTRIES]:
            if not (isinstance(entry, tuple) and len(entry) == 3 and entry[0] is str):
                continue
            _, pattern, flags = entry
            if not isinstance(flags, int) or flags & re.DEBUG or not _storable(pattern):
                continue
            key = (pattern, flags)
            if key in self._used:
                continue  # one of claimlint's own, kept after the libraries'
            data = self._stored.get(key)
            if data is None:
                data = self._engine.compile(pattern, flags)[1]
                if data is None:
                    continue
                self._new = True
            found[key] = data
        return found

    def save(self) -> None:
        """Write this run's patterns, if it compiled any the file did not hold."""
        path = self._locate()
        if path is None or self._pid != os.getpid():
            return
        library = self._library_entries() if self._library is not None else {}
        if not self._new:
            return
        # this run's patterns first, then the others this file held, up to the bound
        merged = {**library, **self._used}
        for key, data in self._stored.items():
            if len(merged) >= MAX_ENTRIES:
                break
            merged.setdefault(key, data)
        libraries = set(library) | (self._library_keys - set(self._used))
        try:
            encoded = msgspec.msgpack.encode(
                [(p, f, d, (p, f) in libraries) for (p, f), d in merged.items()]
            )
        except (ValueError, TypeError):  # nothing unstorable is kept; never fail at exit
            return
        if len(encoded) > MAX_FILE_BYTES:
            return
        import tempfile  # only when writing, at the end of a run

        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            if not _trusted_folder(path.parent):
                return
            fd, temporary = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(encoded)
                os.replace(temporary, path)
            except OSError:
                os.unlink(temporary)
                raise
            self._stored, self._library_keys, self._new = merged, libraries, False
            _prune(path)


def _prune(path: Path) -> None:
    """Keep the `KEEP` newest files of `path`'s family (other claimlint, engine or
    Python versions write their own): upgrades do not pile files up."""
    family = "re-patterns-" if path.name.startswith("re-patterns-") else "patterns-"
    entries = []
    for entry in path.parent.glob(f"{family}*.msgpack"):  # "patterns-*" is not "re-patterns-*"
        with contextlib.suppress(OSError):
            entries.append((entry.stat().st_mtime, entry.name, entry))
    entries.sort(reverse=True)
    for _, _, old in entries[KEEP:]:
        if old != path:
            with contextlib.suppress(OSError):
                old.unlink()


def _storable(pattern: str) -> bool:
    """Whether the file can hold `pattern` (a lone surrogate, which a pack's escape can
    make, has no UTF-8 form)."""
    try:
        pattern.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _folder() -> Path | None:
    if os.environ.get("CLAIMLINT_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):
        return None
    return Path(base) / "claimlint"


def _python() -> str:
    return f"py{sys.version_info[0]}{sys.version_info[1]}{sys.version_info[2]}"


def _regex_path() -> Path | None:
    folder = _folder()
    version = f"{__version__}-regex{regex.__version__}-{_python()}"
    return None if folder is None else folder / f"patterns-{_FORMAT}-{version}.msgpack"


def _standard_path() -> Path | None:
    folder = _folder()
    version = f"{__version__}-sre{_compiler._sre.MAGIC}-{_python()}-{sys.implementation.name}"
    return None if folder is None else folder / f"re-patterns-{_FORMAT}-{version}.msgpack"


def _trusted_folder(folder: Path) -> bool:
    """The user's own folder, which no one else may write to."""
    try:
        info = os.stat(folder)
    except OSError:
        return False
    getuid = getattr(os, "getuid", None)
    if getuid is not None and info.st_uid != getuid():
        return False
    return stat.S_ISDIR(info.st_mode) and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _unpickle(data: bytes, key: _Key) -> Any:
    try:
        compiled = _EngineOnly(io.BytesIO(data)).load()
    except Exception:  # a damaged entry: compile instead
        return None
    # the flags a pattern reports include those its source sets and the defaults
    if not isinstance(compiled, regex.Pattern) or compiled.pattern != key[0]:
        return None
    if compiled.flags & key[1] != key[1]:
        return None
    return compiled


_CACHE = PatternCache(_regex_path, RegexEngine())
_STANDARD_CACHE = PatternCache(_standard_path, StandardEngine())


def compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """`regex.compile(pattern, flags)`, from the cache when an earlier run compiled it."""
    compiled: regex.Pattern[str] = _CACHE.compile(pattern, flags)
    return compiled


def re_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)` of one of claimlint's own patterns, from the cache
    when an earlier run compiled it."""
    compiled: re.Pattern[str] = _STANDARD_CACHE.compile(pattern, int(flags))
    return compiled


def prime_standard_library() -> None:
    """Fill `re`'s own cache with the patterns earlier runs compiled, before the
    libraries claimlint imports compile theirs at import (PyYAML's reader spends 9 ms
    parsing one character class, markdown-it a dozen more): they find them there.
    `re` looks in that cache first and compiles only on a miss; a Python whose `re`
    keeps no such cache is left alone."""
    library = getattr(re, "_cache", None)
    size = getattr(re, "_MAXCACHE", None)
    if isinstance(library, dict) and isinstance(size, int):
        _STANDARD_CACHE.prime(library, size // 2)
