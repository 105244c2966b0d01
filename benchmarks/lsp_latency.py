"""How long an editor waits for new diagnostics after a change: `claimlint lsp` over
stdio, driven by pygls' client, on a generated article of about 1,500 words.

Each round sends one incremental didChange (a word typed into, then deleted from, a
paragraph in the middle) and times until the publishDiagnostics for that version
arrives. Changes are sent --interval-ms apart (default 250: a word every quarter
second), each after the previous one's diagnostics. The figure includes the server's
debounce (its default unless --debounce-ms is given), the JSON-RPC round trip and the
lint itself. The in-process time of the lint alone is reported beside it, as wall
time and as CPU time (which a busy machine inflates less).

    python benchmarks/lsp_latency.py [--rounds 60] [--words 1500] [--json]

Needs the `lsp` extra (pip install -e '.[lsp]').
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus

TIMEOUT = 60.0


def article(words: int, seed: int = corpus.DEFAULT_SEED) -> str:
    """A plain-text article of at least `words` words, written by the corpus generator
    (invented names, datelines, quotes, dates, some debris)."""
    writer = corpus._Writer(random.Random(f"claimlint-lsp-latency:{seed}"))
    body = writer.paragraphs()
    while sum(len(p.split()) for p in body) < words:
        body.append(writer.paragraph())
    return writer.headline() + "\n\n" + "\n\n".join(body) + "\n"


def lint_alone(text: str, rounds: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds of linting `text` in this process, as the server
    does (after one warm-up run)."""
    from claimlint.lsp.configs import Configs
    from claimlint.lsp.linting import lint_text

    with tempfile.TemporaryDirectory(prefix="claimlint-lsp-latency-") as folder:
        configs = Configs(Path(folder))
        path = str(Path(folder) / "article.txt")
        lint_text(configs, path, text, 1, None)
        wall, cpu = [], []
        for _ in range(rounds):
            started, started_cpu = time.perf_counter(), time.process_time()
            lint_text(configs, path, text, 1, None)
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


async def measure(
    text: str, rounds: int, debounce_ms: int | None, interval_ms: int
) -> dict[str, Any]:
    client = LanguageClient("claimlint-lsp-latency", "0")
    arrived: dict[int, float] = {}
    counts: dict[int, int] = {}
    event = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        if params.version is not None:
            arrived[params.version] = time.perf_counter()
            counts[params.version] = len(params.diagnostics)
            event.set()

    with tempfile.TemporaryDirectory(prefix="claimlint-lsp-latency-") as folder:
        root = Path(folder)
        path = root / "article.txt"
        path.write_text(text, encoding="utf-8")
        uri = from_fs_path(str(path))
        assert uri is not None
        await client.start_io(sys.executable, "-m", "claimlint", "lsp")
        options = {"debounceMs": debounce_ms} if debounce_ms is not None else None
        await client.initialize_async(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(),
                root_uri=from_fs_path(folder),
                initialization_options=options,
            )
        )
        client.initialized(types.InitializedParams())

        async def wait_for(version: int) -> float:
            while version not in arrived:
                event.clear()
                await asyncio.wait_for(event.wait(), TIMEOUT)
            return arrived[version]

        started = time.perf_counter()
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=uri, language_id="plaintext", version=1, text=text
                )
            )
        )
        first = await wait_for(1) - started
        lines = text.split("\n")
        line = len(lines) // 2
        while not lines[line].strip():
            line += 1
        column = lines[line].index(" ") + 1
        latencies = []
        for version in range(2, rounds + 2):
            typed = version % 2 == 0
            change = types.TextDocumentContentChangePartial(
                range=types.Range(
                    start=types.Position(line=line, character=column),
                    end=types.Position(line=line, character=column + (0 if typed else 5)),
                ),
                text="very " if typed else "",
            )
            if latencies:
                await asyncio.sleep(max(0.0, interval_ms / 1000 - latencies[-1]))
            sent = time.perf_counter()
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    content_changes=[change],
                )
            )
            latencies.append((await wait_for(version)) - sent)
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
    ms = sorted(x * 1000 for x in latencies)
    return {
        "words": len(text.split()),
        "diagnostics": counts.get(1, 0),
        "rounds": rounds,
        "debounce_ms": debounce_ms if debounce_ms is not None else "server default",
        "interval_ms": interval_ms,
        "first_lint_ms": round(first * 1000, 1),
        "median_ms": round(statistics.median(ms), 1),
        "p90_ms": round(ms[int(0.9 * (len(ms) - 1))], 1),
        "min_ms": round(ms[0], 1),
        "max_ms": round(ms[-1], 1),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "cpus": os.cpu_count(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=60, help="changes to time")
    parser.add_argument("--words", type=int, default=1500, help="size of the article")
    parser.add_argument("--debounce-ms", type=int, default=None, help="the server's debounce")
    parser.add_argument("--interval-ms", type=int, default=250, help="time between changes")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    text = article(args.words)
    result = asyncio.run(measure(text, args.rounds, args.debounce_ms, args.interval_ms))
    wall, cpu = lint_alone(text, min(args.rounds, 30))
    result["lint_alone_median_ms"] = round(wall, 1)
    result["lint_alone_cpu_median_ms"] = round(cpu, 1)
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"didChange → diagnostics on a {result['words']}-word article "
            f"({result['diagnostics']} findings), {result['rounds']} changes "
            f"{result['interval_ms']} ms apart, debounce {result['debounce_ms']}:\n"
            f"  median {result['median_ms']} ms   p90 {result['p90_ms']} ms   "
            f"min {result['min_ms']} ms   max {result['max_ms']} ms\n"
            f"  the lint alone, in process: median {result['lint_alone_median_ms']} ms "
            f"({result['lint_alone_cpu_median_ms']} ms CPU)\n"
            f"  first lint after didOpen (rule set built): {result['first_lint_ms']} ms\n"
            f"  load average {result['load_average']} on {result['cpus']} CPUs"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
