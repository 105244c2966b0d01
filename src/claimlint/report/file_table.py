"""The files a run checked, each with its metadata (reference date and source), kept
packed: one short MessagePack string per file instead of a dictionary of strings, which
made most of a long run's memory grow with the number of files."""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import Any

import msgspec

_ENCODE = msgspec.msgpack.Encoder()
_DECODE = msgspec.msgpack.Decoder(dict[str, Any])


class FileTable(MutableMapping[str, dict[str, Any]]):
    """`path -> metadata`, in the order files were added; each value read is a new dict."""

    def __init__(self, items: dict[str, dict[str, Any]] | None = None) -> None:
        self._packed: dict[str, bytes] = {}
        for path, meta in (items or {}).items():
            self[path] = meta

    def __setitem__(self, path: str, meta: dict[str, Any]) -> None:
        self._packed[path] = _ENCODE.encode(meta)

    def __getitem__(self, path: str) -> dict[str, Any]:
        return _DECODE.decode(self._packed[path])

    def __delitem__(self, path: str) -> None:
        del self._packed[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)

    def __contains__(self, path: object) -> bool:
        return path in self._packed
