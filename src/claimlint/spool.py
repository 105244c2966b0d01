"""A list that spills to disk: what a run accumulates (findings, cross-file summaries)
stays in memory up to a bound, then goes to a temporary file in pickled batches, so a
million-article run holds no more than a batch at a time. It can be read any number
of times, in the order it was written.

Only this process writes and reads the file (it is created private and deleted when
the spool is closed or collected), so unpickling it is unpickling our own data.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterable, Iterator
from typing import IO, Generic, TypeVar

T = TypeVar("T")

#: items kept in memory before a batch is written out (a file's summary of a check
#: or one finding: small batches keep the run's peak memory flat, and cost nothing)
BATCH = 500


class Spool(Generic[T]):
    def __init__(self, batch: int = BATCH) -> None:
        self._batch = batch
        self._memory: list[T] = []
        self._file: IO[bytes] | None = None
        self._batches: list[tuple[int, int]] = []  # (offset, size) of each pickled batch
        self._end = 0
        self._spilled = 0

    def append(self, item: T) -> None:
        self._memory.append(item)
        if len(self._memory) >= self._batch:
            self._spill()

    def extend(self, items: Iterable[T]) -> None:
        for item in items:
            self.append(item)

    def _spill(self) -> None:
        if self._file is None:
            import tempfile  # only once a run has this much to keep

            self._file = tempfile.TemporaryFile(prefix="claimlint-spool-")  # noqa: SIM115 (kept open for reading back; closed by close())
        data = pickle.dumps(self._memory, protocol=pickle.HIGHEST_PROTOCOL)
        os.pwrite(self._file.fileno(), data, self._end)
        self._batches.append((self._end, len(data)))
        self._end += len(data)
        self._spilled += len(self._memory)
        self._memory = []

    def __len__(self) -> int:
        return self._spilled + len(self._memory)

    def __bool__(self) -> bool:
        return len(self) > 0

    def __iter__(self) -> Iterator[T]:
        # each pass reads at its own offsets, so passes may overlap
        for offset, size in list(self._batches):
            assert self._file is not None
            batch: list[T] = pickle.loads(os.pread(self._file.fileno(), size, offset))
            yield from batch
        yield from list(self._memory)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        self._memory = []
        self._batches = []
        self._end = 0
        self._spilled = 0

    def __del__(self) -> None:
        self.close()
