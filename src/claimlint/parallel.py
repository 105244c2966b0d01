"""The per-file map, run in this process, over a local process pool, or on a Dask cluster.

Every file is linted independently (`engine.lint_source`), so the files of a run are
a map; whole-corpus checks only need the per-file `summaries` that come back in each
`FileResult`, and `engine.reduce_summaries` does the reduce (see `runner`). Results
come in input order whatever the number of workers, and only a bounded window of work
is in flight at any time, so a run never holds all documents (or all results) at once.

- Process pool: workers read the files themselves (they share this machine's disk)
  and build their rule sets once, from the same `RunOptions`, on first use.
- Dask (`--scheduler ADDRESS`): workers may not see this machine's files or configs,
  so this process resolves configs, reads and decodes each file, and sends the text;
  each rule set is shipped to the cluster once (`scatter`) and reused by every task.
"""

from __future__ import annotations

import itertools
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from claimlint.config import ConfigResolver
from claimlint.engine import (
    FileResult,
    RuleSets,
    RunOptions,
    check_file,
    lint_source,
    selection_of,
    unreadable,
)
from claimlint.sources import STDIN, InputError, Source, expand_paths, read_source
from claimlint.yamlfile import YamlError

if TYPE_CHECKING:
    from concurrent.futures import Future

    from claimlint.ruleset import RuleSet

#: files per task: enough to make the cost of a task small next to the work in it
LOCAL_CHUNK = 16
DASK_CHUNK = 32
#: tasks in flight per worker: keeps workers busy while bounding memory
WINDOW_PER_WORKER = 8
#: below this many files a pool costs more (start-up, pickling) than it saves
MIN_FILES_PER_WORKER = 4
#: how long to wait for a Dask scheduler to answer
CONNECT_TIMEOUT = "10s"


class SchedulerError(Exception):
    """The Dask scheduler cannot be used (dask not installed, or not reachable)."""


def default_jobs() -> int:
    """The number of cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def map_paths(
    paths: Sequence[str],
    options: RunOptions,
    resolver: ConfigResolver,
    rulesets: RuleSets,
    *,
    jobs: int = 1,
    scheduler: str | None = None,
) -> Iterator[FileResult]:
    """Lint every file under `paths`, yielding one `FileResult` per file in input order.

    `jobs` 1 runs in this process; more runs a local process pool (unless the run has
    too few files to pay for one); `scheduler` sends the work to a Dask cluster.
    """
    if scheduler is not None:
        yield from _map_dask(paths, options, resolver, rulesets, scheduler)
        return
    selection = options.selection_override or selection_of(resolver.for_path("."))
    items = expand_paths(paths, selection)
    if jobs <= 1:
        yield from _serial(items, options, resolver, rulesets)
        return
    head = list(itertools.islice(items, jobs * MIN_FILES_PER_WORKER))
    if len(head) < jobs * MIN_FILES_PER_WORKER:
        yield from _serial(head, options, resolver, rulesets)
        return
    _prepare_workers(head, options, resolver, rulesets)
    yield from _map_local(itertools.chain(head, items), options, resolver, rulesets, jobs)


def _prepare_workers(
    head: list[str | InputError],
    options: RunOptions,
    resolver: ConfigResolver,
    rulesets: RuleSets,
) -> None:
    """Build the first rule set here, before the pool forks: workers inherit it instead of
    each loading the packs again (with spawn they still build their own)."""
    first = next((i for i in head if isinstance(i, str) and i != STDIN), None)
    if first is not None:
        try:
            rulesets.for_config(resolver.for_path(first))
        except YamlError:
            return  # reported for that file by the worker
    _WORKER_STATE[options] = (resolver, rulesets)


def _serial(
    items: Iterable[str | InputError],
    options: RunOptions,
    resolver: ConfigResolver,
    rulesets: RuleSets,
) -> Iterator[FileResult]:
    for item in items:
        yield (
            unreadable(item)
            if isinstance(item, InputError)
            else check_file(item, resolver, rulesets, options)
        )


# -- local process pool ------------------------------------------------------------

_WORKER_STATE: dict[RunOptions, tuple[ConfigResolver, RuleSets]] = {}


def _check_chunk(options: RunOptions, paths: list[str]) -> list[FileResult]:
    """Worker side: lint a chunk of files with this process's resolver and rule sets."""
    state = _WORKER_STATE.get(options)
    if state is None:
        state = (
            ConfigResolver(options.config_path, isolated=options.isolated),
            RuleSets.of_run(options),
        )
        _WORKER_STATE[options] = state
    resolver, rulesets = state
    return [check_file(path, resolver, rulesets, options) for path in paths]


def _map_local(
    items: Iterator[str | InputError],
    options: RunOptions,
    resolver: ConfigResolver,
    rulesets: RuleSets,
    jobs: int,
) -> Iterator[FileResult]:
    """Chunks of paths to a process pool; stdin and unreadable paths stay here."""
    from concurrent.futures import ProcessPoolExecutor  # only runs with a pool pay for it

    with ProcessPoolExecutor(max_workers=jobs, mp_context=_mp_context()) as pool:

        def submit(chunk: list[str]) -> Callable[[], Future[list[FileResult]]]:
            return lambda: pool.submit(_check_chunk, options, chunk)

        def tasks() -> Iterator[Callable[[], Future[list[FileResult]]] | Ready]:
            chunk: list[str] = []
            for item in items:
                if isinstance(item, InputError) or item == STDIN:
                    if chunk:
                        yield submit(chunk)
                        chunk = []
                    yield Ready(
                        [unreadable(item)]
                        if isinstance(item, InputError)
                        else [check_file(item, resolver, rulesets, options)]
                    )
                    continue
                chunk.append(item)
                if len(chunk) == LOCAL_CHUNK:
                    yield submit(chunk)
                    chunk = []
            if chunk:
                yield submit(chunk)

        for batch in _ordered(tasks(), jobs * WINDOW_PER_WORKER):
            yield from batch


def _mp_context() -> Any:
    import multiprocessing

    # fork starts workers in milliseconds with claimlint already imported; where it is
    # unsafe or missing (macOS, Windows) spawn is the portable choice.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


class Ready:
    """A result computed in this process that keeps its place among submitted tasks."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def result(self) -> Any:
        return self.value


def _ordered(tasks: Iterator[Callable[[], Any] | Ready], window: int) -> Iterator[Any]:
    """Results of `tasks` in task order, with at most `window` tasks in flight.

    A task is a function that submits work and returns its future (concurrent or Dask),
    or a `Ready` result that only keeps its place in the order.
    """
    pending: deque[Any] = deque()
    in_flight = 0
    for task in tasks:
        if isinstance(task, Ready):
            pending.append(task)
        else:
            pending.append(task())
            in_flight += 1
        while pending and (in_flight >= window or isinstance(pending[0], Ready)):
            done = pending.popleft()
            if not isinstance(done, Ready):
                in_flight -= 1
            yield done.result()
    while pending:
        yield pending.popleft().result()


# -- Dask ----------------------------------------------------------------------------


def lint_sources(
    ruleset: RuleSet,
    sources: list[Source],
    date_override: date | None,
    details: bool = False,
    learn: bool = False,
) -> Any:
    """Dask worker side: lint decoded files with a rule set shipped from the client."""
    return [
        lint_source(source, ruleset, date_override, details=details, learn=learn)
        for source in sources
    ]


def _map_dask(
    paths: Sequence[str],
    options: RunOptions,
    resolver: ConfigResolver,
    rulesets: RuleSets,
    address: str,
) -> Iterator[FileResult]:
    try:
        from distributed import Client
    except ImportError:
        raise SchedulerError(
            "--scheduler needs dask.distributed: pip install 'claimlint[distributed]'"
        ) from None
    try:
        client: Any = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, ValueError) as exc:
        raise SchedulerError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    try:
        for batch in _ordered(
            _dask_tasks(paths, options, resolver, rulesets, client), _dask_window(client)
        ):
            yield from batch
    finally:
        client.close()


def _dask_window(client: Any) -> int:
    workers = sum(client.nthreads().values()) or 1
    return workers * WINDOW_PER_WORKER


def _dask_tasks(
    paths: Sequence[str],
    options: RunOptions,
    resolver: ConfigResolver,
    rulesets: RuleSets,
    client: Any,
) -> Iterator[Callable[[], Any] | Ready]:
    """Read and decode here; ship chunks of sources that share a rule set."""
    shipped: dict[int, Any] = {}
    chunk: list[Source] = []
    chunk_ruleset: RuleSet | None = None

    def flush() -> Callable[[], Any]:
        assert chunk_ruleset is not None
        key = id(chunk_ruleset)
        if key not in shipped:
            shipped[key] = client.scatter(chunk_ruleset, broadcast=True, hash=False)
        remote, sources = shipped[key], list(chunk)
        return lambda: client.submit(
            lint_sources,
            remote,
            sources,
            options.date_override,
            options.details,
            options.learn,
            pure=False,
        )

    selection = options.selection_override or selection_of(resolver.for_path("."))
    for item in expand_paths(paths, selection):
        if isinstance(item, InputError):
            yield Ready([unreadable(item)])
            continue
        try:
            config = resolver.for_path(item)
            ruleset = rulesets.for_file(config, item)
            source = read_source(item, max_bytes=config.spec.max_file_size)
        except YamlError as exc:
            yield Ready([FileResult(path=item, errors=[str(exc)])])
            continue
        except InputError as exc:
            yield Ready([unreadable(exc)])
            continue
        if chunk and (ruleset is not chunk_ruleset or len(chunk) == DASK_CHUNK):
            yield flush()
            chunk = []
        chunk_ruleset = ruleset
        chunk.append(source)
    if chunk:
        yield flush()
