"""The per-file map gives the serial run's findings, in the same order, whatever runs it:
this process, a local process pool (`--jobs`), or a Dask cluster (`--scheduler`)."""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimlint import parallel
from claimlint.cli import app
from claimlint.engine import RunOptions
from claimlint.runner import run

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import corpus

ARTICLES = 60


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    corpus.write_corpus(root, ARTICLES, seed=3)
    (root / "desk-000" / "broken.txt").write_bytes(b"Caf\xe9 owner said.\n")  # Latin-1, not UTF-8
    return root


def findings(paths: list[str], **options: object) -> list[tuple[object, ...]]:
    report, _ = run(paths, RunOptions(isolated=True, **options))  # type: ignore[arg-type]
    assert report.files, "nothing was checked"
    return [
        (d.path, d.rule, d.location.start, d.location.end, d.message, d.fix)
        for d in report.diagnostics
    ] + [("error", e) for e in report.errors]


def test_generated_corpus_has_findings_and_an_unreadable_file(generated: Path) -> None:
    serial = findings([str(generated)])
    rules = {f[1] for f in serial if f[0] != "error"}
    assert len(rules) >= 3
    assert any("broken.txt" in str(f[1]) for f in serial if f[0] == "error")


def test_jobs_2_gives_exactly_the_serial_findings(
    generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pools: list[int] = []
    real = parallel._map_local

    def spy(*args: object) -> Iterator[object]:
        pools.append(args[-1])  # type: ignore[arg-type]
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "_map_local", spy)
    assert findings([str(generated)], jobs=2) == findings([str(generated)])
    assert pools == [2]


def test_pool_keeps_input_order_with_stdin_and_missing_paths_in_between(
    generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "LOCAL_CHUNK", 3)
    files = sorted(str(p) for p in generated.rglob("*.txt"))[:20]
    paths = [*files[:7], str(generated / "missing.txt"), *files[7:]]
    serial, _ = run(paths, RunOptions(isolated=True))
    pooled, _ = run(paths, RunOptions(isolated=True, jobs=2))
    assert list(pooled.files) == list(serial.files) == [p for p in paths if "missing" not in p]
    assert pooled.errors == serial.errors
    assert list(pooled.diagnostics) == list(serial.diagnostics)


def test_a_small_run_stays_in_process(generated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: object, **kwargs: object) -> Iterator[object]:
        raise AssertionError("a pool was started for two files")

    monkeypatch.setattr(parallel, "_map_local", no_pool)
    files = sorted(str(p) for p in generated.rglob("*.txt"))[:2]
    assert findings(files, jobs=8) == findings(files)


def test_ordered_keeps_task_order_and_bounds_the_window() -> None:
    from concurrent.futures import ThreadPoolExecutor

    started: list[int] = []
    yielded: list[int] = []

    def work(value: int) -> int:
        # later tasks finish first, so completion order is the reverse of task order
        threading.Event().wait(0.001 * (10 - value))
        return value

    with ThreadPoolExecutor(max_workers=4) as pool:

        def task(value: int) -> object:
            def submit() -> object:
                started.append(value)
                assert value - len(yielded) <= 3, "more than 3 tasks in flight"
                return pool.submit(work, value)

            return submit

        def tasks() -> Iterator[object]:
            for value in range(12):
                yield parallel.Ready(value) if value % 4 == 0 else task(value)

        for result in parallel._ordered(tasks(), window=3):  # type: ignore[arg-type]
            yielded.append(result)
    assert yielded == list(range(12))


def test_cli_jobs_and_default_match_serial_json(generated: Path) -> None:
    runner = CliRunner()
    outputs = []
    for extra in (["--jobs", "1"], ["--jobs", "2"], []):
        result = runner.invoke(
            app, ["check", "--isolated", "--format", "json", *extra, str(generated)]
        )
        assert result.exit_code == 2  # the unreadable file
        outputs.append(json.loads(result.stdout))
    assert outputs[0]["findings"]
    assert outputs[0] == outputs[1] == outputs[2]


def test_scheduler_without_dask_or_cluster_is_a_usage_error(
    generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "CONNECT_TIMEOUT", "1s")
    result = CliRunner().invoke(
        app, ["check", "--isolated", "--scheduler", "tcp://127.0.0.1:9", str(generated)]
    )
    assert result.exit_code == 2
    assert "Dask" in result.stderr or "dask" in result.stderr


def test_dask_cluster_gives_exactly_the_serial_findings(generated: Path) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        on_dask = findings([str(generated)], scheduler=cluster.scheduler_address)
    assert on_dask == findings([str(generated)])
