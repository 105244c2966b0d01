"""A cache of the built-in rule packs as parsed, so a run need not parse their YAML (or
import PyYAML) at every start.

An entry is the pack's YAML data, line numbers included, keyed by a digest of the
pack's bytes (and of the format and claimlint's version), in
`$XDG_CACHE_HOME/claimlint/packs` (`~/.cache/claimlint/packs`). It is MessagePack
(msgspec): decoding it runs no code, and what comes out goes through the same strict
validation as the YAML would, so an entry written by anyone else can do no more than
a pack could. An entry is written only after its pack loaded, atomically (a temporary
file renamed into place); at most `KEEP` per pack (the oldest go). The
cache is never needed: any problem reading or writing it means parsing the YAML, as
without it. `CLAIMLINT_NO_CACHE=1` turns it off.
"""

from __future__ import annotations

import contextlib
import os
from datetime import date, datetime
from pathlib import Path
from typing import Any

import msgspec

from claimlint import __version__
from claimlint.digest import sha256_hex
from claimlint.fsguard import read_bytes
from claimlint.yamlfile import MAX_DATA_BYTES, LineDict, LineList

#: bump when the encoding below or the YAML loader's output changes
FORMAT = 1
#: entries kept per pack (one per version of the pack in use)
KEEP = 4
_SUFFIX = ".msgpack"


class _Unsupported(Exception):
    """A value this cache does not encode (the pack is then parsed from YAML each time)."""


def cache_dir() -> Path | None:
    """Where entries go, or None when the cache is off."""
    if os.environ.get("CLAIMLINT_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):
        return None  # the XDG spec: a relative path is invalid and ignored
    return Path(base) / "claimlint" / "packs"


def _entry(folder: Path, pack: Path, raw: bytes) -> Path:
    digest = sha256_hex(f"{FORMAT}:{__version__}:".encode() + raw)[:32]
    return folder / f"{pack.stem}-{digest}{_SUFFIX}"


def load(pack: Path, raw: bytes) -> Any | None:
    """The data of the pack whose file holds `raw`, from the cache; None on a miss."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        encoded = read_bytes(_entry(folder, pack, raw), MAX_DATA_BYTES)
        return _decode(msgspec.msgpack.decode(encoded))
    except (OSError, msgspec.DecodeError, _Unsupported, ValueError, TypeError, IndexError):
        return None


def store(pack: Path, raw: bytes, data: Any) -> None:
    """Keep the (validated) data of a pack for the next run; never fails."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        encoded = msgspec.msgpack.encode(_encode(data))
    except (_Unsupported, OverflowError, ValueError):
        return
    target = _entry(folder, pack, raw)
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        import tempfile  # only when an entry is written

        fd, temporary = tempfile.mkstemp(prefix=".tmp-", suffix=_SUFFIX, dir=folder)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(encoded)
            os.replace(temporary, target)
        except OSError:
            os.unlink(temporary)
            raise
        _prune(folder, pack.stem, len(target.name))


def _prune(folder: Path, stem: str, name_length: int) -> None:
    """Keep the `KEEP` newest entries of a pack: two installs of claimlint (two
    checkouts, two virtual environments) then each find their own."""
    entries = []
    for entry in folder.glob(f"{stem}-*{_SUFFIX}"):
        with contextlib.suppress(OSError):
            if len(entry.name) == name_length:
                entries.append((entry.stat().st_mtime, entry))
    entries.sort(reverse=True)
    for _, old in entries[KEEP:]:
        with contextlib.suppress(OSError):
            old.unlink()


# The YAML data as MessagePack: mappings and sequences carry their line numbers, as the
# loader's `LineDict` and `LineList` do; each is a list that starts with its tag.


def _encode(node: Any) -> Any:
    if isinstance(node, LineDict):
        return [
            "m",
            node.line,
            [[_encode(k), node.key_lines.get(k, 0), _encode(v)] for k, v in node.items()],
        ]
    if isinstance(node, LineList):
        items = zip(node.item_lines, node, strict=True)
        return ["s", node.line, [[line, _encode(v)] for line, v in items]]
    if isinstance(node, datetime):
        return ["t", node.isoformat()]
    if isinstance(node, date):
        return ["d", node.isoformat()]
    if node is None or isinstance(node, str | bool | int | float):
        return node
    raise _Unsupported(type(node).__name__)


#: what MessagePack decodes a scalar to (exact types: a leaf needs no call to `_decode`,
#: and most of a pack's nodes are leaves)
_LEAVES = frozenset({str, int, float, bool, type(None)})


def _decode(node: Any) -> Any:
    if type(node) is not list:
        if type(node) in _LEAVES:
            return node
        raise _Unsupported(type(node).__name__)
    tag = node[0]
    leaves = _LEAVES
    if tag == "m":
        mapping = LineDict()
        mapping.line = int(node[1])
        key_lines: dict[Any, int] = {}
        for key_node, key_line, value in node[2]:
            key = key_node if type(key_node) in leaves else _decode(key_node)
            mapping[key] = value if type(value) in leaves else _decode(value)
            if key_line:
                key_lines[key] = int(key_line)
        mapping.key_lines = key_lines
        return mapping
    if tag == "s":
        sequence = LineList(
            value if type(value) in leaves else _decode(value) for _, value in node[2]
        )
        sequence.line = int(node[1])
        sequence.item_lines = [int(line) for line, _ in node[2]]
        return sequence
    if tag == "t":
        return datetime.fromisoformat(node[1])
    if tag == "d":
        return date.fromisoformat(node[1])
    raise _Unsupported(str(tag))
