"""The files a run checked, each with its metadata (reference date and source), kept
packed: one short MessagePack string per file. Past a bound the table moves to a private
temporary SQLite database on disk (deleted when the table is closed or collected), so a
run over a million files holds no more of it in memory than a short run does; it is
still read by path and in the order files were added.

Paths go in as UTF-8 bytes with surrogates passed through (a file name that is not
UTF-8 is decoded with surrogate escapes), so any path a run can meet is stored."""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import TYPE_CHECKING, Any

import msgspec

if TYPE_CHECKING:
    import sqlite3

_ENCODE = msgspec.msgpack.Encoder()
_DECODE = msgspec.msgpack.Decoder(dict[str, Any])

#: files kept in memory before the table moves to disk
IN_MEMORY = 500
#: rows read at a time when the table is walked in order
PAGE = 500


def _key(path: str) -> bytes:
    return path.encode("utf-8", "surrogatepass")


def _path(key: bytes) -> str:
    return key.decode("utf-8", "surrogatepass")


class FileTable(MutableMapping[str, dict[str, Any]]):
    """`path -> metadata`, in the order files were added; each value read is a new dict."""

    def __init__(
        self, items: dict[str, dict[str, Any]] | None = None, *, in_memory: int = IN_MEMORY
    ) -> None:
        self._in_memory = in_memory
        self._packed: dict[str, bytes] = {}
        self._db: sqlite3.Connection | None = None
        self._count = 0
        for path, meta in (items or {}).items():
            self[path] = meta

    def __setitem__(self, path: str, meta: dict[str, Any]) -> None:
        packed = _ENCODE.encode(meta)
        if self._db is None:
            self._packed[path] = packed
            if len(self._packed) > self._in_memory:
                self._move_to_disk()
            return
        key = _key(path)
        added = self._db.execute(
            "INSERT OR IGNORE INTO files (path, meta) VALUES (?, ?)", (key, packed)
        ).rowcount
        if added:
            self._count += 1
        else:  # a path added again keeps its place, as in a dict
            self._db.execute("UPDATE files SET meta = ? WHERE path = ?", (packed, key))

    def _move_to_disk(self) -> None:
        import sqlite3  # only a run of many files pays for it

        # "" is a private temporary database on disk, deleted when closed; a report may
        # be built in one thread and written in another, never in two at once
        db = sqlite3.connect("", isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        db.execute("PRAGMA cache_size = -256")  # KiB: the OS caches the file; SQLite needs little
        db.execute("CREATE TABLE files (seq INTEGER PRIMARY KEY, path BLOB UNIQUE, meta BLOB)")
        db.execute("BEGIN")  # one transaction, never committed: nothing needs to last
        db.executemany(
            "INSERT INTO files (path, meta) VALUES (?, ?)",
            ((_key(path), packed) for path, packed in self._packed.items()),
        )
        self._count = len(self._packed)
        self._packed = {}
        self._db = db

    def __getitem__(self, path: str) -> dict[str, Any]:
        if self._db is None:
            return _DECODE.decode(self._packed[path])
        row = self._db.execute("SELECT meta FROM files WHERE path = ?", (_key(path),)).fetchone()
        if row is None:
            raise KeyError(path)
        return _DECODE.decode(row[0])

    def __delitem__(self, path: str) -> None:
        if self._db is None:
            del self._packed[path]
            return
        if not self._db.execute("DELETE FROM files WHERE path = ?", (_key(path),)).rowcount:
            raise KeyError(path)
        self._count -= 1

    def __iter__(self) -> Iterator[str]:
        return (path for path, _ in self._rows())

    def entries(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """`items()` read in one pass, in order (without a look-up per path)."""
        return ((path, _DECODE.decode(packed)) for path, packed in self._rows())

    def _rows(self) -> Iterator[tuple[str, bytes]]:
        if self._db is None:
            yield from list(self._packed.items())
            return
        # page by page, holding no cursor open between pages (the table may change)
        last = 0
        while self._db is not None:
            page = self._db.execute(
                "SELECT seq, path, meta FROM files WHERE seq > ? ORDER BY seq LIMIT ?",
                (last, PAGE),
            ).fetchall()
            for seq, key, packed in page:
                last = seq
                yield _path(key), packed
            if len(page) < PAGE:
                return

    def __len__(self) -> int:
        return len(self._packed) if self._db is None else self._count

    def __contains__(self, path: object) -> bool:
        if not isinstance(path, str):
            return False
        if self._db is None:
            return path in self._packed
        found = self._db.execute("SELECT 1 FROM files WHERE path = ?", (_key(path),))
        return found.fetchone() is not None

    def close(self) -> None:
        """Delete the table's file, if it has one; the table is empty after."""
        if self._db is not None:
            self._db.close()
            self._db = None
        self._packed = {}
        self._count = 0

    def __del__(self) -> None:
        self.close()
