"""The cache of compiled patterns: a pattern another run compiled is loaded, not parsed
again, and finds what a fresh compile finds; a damaged, foreign or hostile file means
compiling, as without the cache."""

from __future__ import annotations

import os
import pickle
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import msgspec
import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from claimlint import regex_cache
from claimlint.regex_cache import PatternCache, RegexEngine, StandardEngine

FLAGS = regex.VERSION0 | regex.MULTILINE | regex.IGNORECASE
PATTERN = r"(?r)(?<!\S)(?P<label>source\s+link|read\s+more)\s*\Z"


@pytest.fixture
def cache_file(tmp_path: Path) -> Path:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    return folder / "patterns.msgpack"


def warm(path: Path, *patterns: str) -> None:
    """What a first run leaves: the file holding `patterns`."""
    first = PatternCache(lambda: path, RegexEngine())
    for pattern in patterns:
        first.compile(pattern, FLAGS)
    first.save()


def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: Any, **__: Any) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(regex_cache.regex, "compile", refuse)


def test_a_pattern_another_run_compiled_is_loaded_not_parsed(
    cache_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warm(cache_file, PATTERN)
    no_parsing(monkeypatch)
    loaded = PatternCache(lambda: cache_file, RegexEngine()).compile(PATTERN, FLAGS)
    assert loaded.search("He said so. Read more").group("label") == "Read more"


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(st.from_regex(r"[a-z]{1,6}", fullmatch=True), min_size=1, max_size=6),
    text=st.text(alphabet="abcdefghij \n.", max_size=60),
)
def test_a_loaded_pattern_finds_what_a_fresh_one_finds(
    tmp_path_factory: pytest.TempPathFactory, words: list[str], text: str
) -> None:
    path = tmp_path_factory.mktemp("cache") / "patterns.msgpack"
    pattern = r"\b(?:" + "|".join(words) + r")\b|(?r)\.\s*$"
    warm(path, pattern)
    loaded = PatternCache(lambda: path, RegexEngine()).compile(pattern, FLAGS)
    fresh = regex.compile(pattern, FLAGS)
    assert [m.span() for m in loaded.finditer(text)] == [m.span() for m in fresh.finditer(text)]


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\xff garbage", msgspec.msgpack.encode([[PATTERN, FLAGS, b"not a pickle", False]])],
)
def test_a_damaged_file_means_compiling(cache_file: Path, content: bytes) -> None:
    cache_file.write_bytes(content)
    compiled = PatternCache(lambda: cache_file, RegexEngine()).compile(PATTERN, FLAGS)
    assert compiled.search("Read more") is not None


class _Hostile:
    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return (os.system, ("touch hacked",))


def test_an_entry_that_would_call_anything_but_the_engine_is_refused(
    cache_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    cache_file.write_bytes(
        msgspec.msgpack.encode([[PATTERN, FLAGS, pickle.dumps(_Hostile()), False]])
    )
    compiled = PatternCache(lambda: cache_file, RegexEngine()).compile(PATTERN, FLAGS)
    assert compiled.pattern == PATTERN
    assert not (tmp_path / "hacked").exists()


def test_an_entry_filed_under_another_pattern_is_not_used(cache_file: Path) -> None:
    other = pickle.dumps(regex.compile("nothing", FLAGS))
    cache_file.write_bytes(msgspec.msgpack.encode([[PATTERN, FLAGS, other, False]]))
    compiled = PatternCache(lambda: cache_file, RegexEngine()).compile(PATTERN, FLAGS)
    assert compiled.pattern == PATTERN


def test_a_folder_others_may_write_to_is_neither_read_nor_written(
    cache_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warm(cache_file, PATTERN)
    cache_file.parent.chmod(0o777)
    before = cache_file.read_bytes()
    cache = PatternCache(lambda: cache_file, RegexEngine())
    cache.compile(PATTERN, FLAGS)  # parsed, since the file is not trusted
    cache.compile("another", FLAGS)
    cache.save()
    assert cache_file.read_bytes() == before


def test_the_file_keeps_at_most_max_entries_this_runs_first(
    cache_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(regex_cache, "MAX_ENTRIES", 3)
    warm(cache_file, "a1", "a2", "a3")
    warm(cache_file, "b1", "b2")
    entries = msgspec.msgpack.decode(cache_file.read_bytes())
    assert [pattern for pattern, _, _, _ in entries] == ["b1", "b2", "a1"]


def test_off_with_claimlint_no_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("CLAIMLINT_NO_CACHE", "1")
    assert regex_cache._regex_path() is None and regex_cache._standard_path() is None
    monkeypatch.delenv("CLAIMLINT_NO_CACHE")
    for path in (regex_cache._regex_path(), regex_cache._standard_path()):
        assert path is not None and str(path).startswith(str(tmp_path))
    assert regex_cache._regex_path() != regex_cache._standard_path()


# The standard `re` engine: its code is kept as numbers and handed back to `_sre`.

STANDARD_PATTERN = r"(?P<day>\d{1,2})\s+(?P<month>[A-Z][a-z]+)(?:,?\s+(?P<year>\d{4}))?"


def no_standard_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: Any, **__: Any) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(regex_cache._parser, "parse", refuse)


def test_a_standard_pattern_another_run_compiled_is_loaded_not_parsed(
    cache_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = PatternCache(lambda: cache_file, StandardEngine())
    first.compile(STANDARD_PATTERN, re.IGNORECASE)
    first.save()
    no_standard_parsing(monkeypatch)
    loaded = PatternCache(lambda: cache_file, StandardEngine()).compile(
        STANDARD_PATTERN, re.IGNORECASE
    )
    assert isinstance(loaded, re.Pattern)
    assert loaded.flags == re.compile(STANDARD_PATTERN, re.IGNORECASE).flags
    found = loaded.search("on 3 january 2020.")
    assert found is not None and found.group("month", "year") == ("january", "2020")
    assert loaded.groupindex == {"day": 1, "month": 2, "year": 3}


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(st.from_regex(r"[a-z]{1,6}", fullmatch=True), min_size=1, max_size=6),
    text=st.text(alphabet="abcdefghijABC \n.", max_size=60),
    flags=st.sampled_from([0, re.IGNORECASE, re.MULTILINE | re.IGNORECASE]),
)
def test_a_loaded_standard_pattern_finds_what_a_fresh_one_finds(
    tmp_path_factory: pytest.TempPathFactory, words: list[str], text: str, flags: int
) -> None:
    path = tmp_path_factory.mktemp("cache") / "re.msgpack"
    pattern = r"\b(?P<w>" + "|".join(words) + r")\b|(?:(?<=a)|^)\.\s*$"
    first = PatternCache(lambda: path, StandardEngine())
    first.compile(pattern, flags)
    first.save()
    loaded = PatternCache(lambda: path, StandardEngine()).compile(pattern, flags)
    fresh = re.compile(pattern, flags)
    assert [m.span() for m in loaded.finditer(text)] == [m.span() for m in fresh.finditer(text)]


@pytest.mark.parametrize(
    "entry",
    [
        b"not msgpack",
        msgspec.msgpack.encode([STANDARD_PATTERN, 0, [1, 2, 3], 0, {}, []]),  # `_sre` refuses
        msgspec.msgpack.encode([STANDARD_PATTERN, 0, [], 0, {}, []]),
        msgspec.msgpack.encode([STANDARD_PATTERN, 0, ["x"], 0, {}, []]),
        msgspec.msgpack.encode([STANDARD_PATTERN, 0, [2**40], 0, {}, []]),
    ],
)
def test_damaged_or_foreign_standard_code_means_compiling(cache_file: Path, entry: bytes) -> None:
    cache_file.write_bytes(msgspec.msgpack.encode([[STANDARD_PATTERN, 0, entry, False]]))
    compiled = PatternCache(lambda: cache_file, StandardEngine()).compile(STANDARD_PATTERN, 0)
    found = compiled.search("3 May 2020")
    assert found is not None and found.group("year") == "2020"


def test_standard_code_filed_under_another_pattern_is_not_used(cache_file: Path) -> None:
    first = PatternCache(lambda: cache_file, StandardEngine())
    first.compile("nothing", 0)
    first.save()
    ((_, _, code, _),) = msgspec.msgpack.decode(cache_file.read_bytes())
    cache_file.write_bytes(msgspec.msgpack.encode([[STANDARD_PATTERN, 0, code, False]]))
    compiled = PatternCache(lambda: cache_file, StandardEngine()).compile(STANDARD_PATTERN, 0)
    assert compiled.pattern == STANDARD_PATTERN and compiled.search("3 May") is not None


def test_the_folder_keeps_a_few_files_per_engine(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    for index in range(6):  # files other versions left, oldest first
        for family in ("patterns", "re-patterns"):
            old = folder / f"{family}-1-0.0.{index}-x.msgpack"
            old.write_bytes(b"")
            os.utime(old, (1_000 + index, 1_000 + index))
    unrelated = folder / "packs"
    unrelated.mkdir()
    path = folder / "patterns-1-9.9.9-x.msgpack"
    cache = PatternCache(lambda: path, RegexEngine())
    cache.compile(PATTERN, FLAGS)
    cache.save()
    kept = sorted(p.name for p in folder.glob("patterns-*"))
    assert path.name in kept and len(kept) == regex_cache.KEEP
    assert "patterns-1-0.0.5-x.msgpack" in kept and "patterns-1-0.0.0-x.msgpack" not in kept
    assert len(list(folder.glob("re-patterns-*"))) == 6  # the other engine's files stay
    assert unrelated.is_dir()


@pytest.mark.parametrize("engine", ["regex", "re"])
def test_a_pattern_the_file_cannot_hold_is_compiled_and_the_run_ends_quietly(
    tmp_path: Path, engine: str
) -> None:
    # a pack's "\ud800" escape gives a lone surrogate, which has no UTF-8 form
    driver = (
        "from claimlint import regex_cache\n"
        f"compile = regex_cache.{'compile' if engine == 'regex' else 're_compile'}\n"
        "assert compile('a\\ud800b').search('xa\\ud800b') is not None\n"
        "assert compile('kept') is not None\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "CLAIMLINT_NO_CACHE": ""}
    proc = subprocess.run(
        [sys.executable, "-c", driver], capture_output=True, text=True, env=env, check=False
    )
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    family = "patterns-" if engine == "regex" else "re-patterns-"
    stored = next((tmp_path / "claimlint").glob(f"{family}*.msgpack"))
    kept = [p for p, _, _, _ in msgspec.msgpack.decode(stored.read_bytes())]
    assert "kept" in kept and not any("\ud800" in p for p in kept)


# `re`'s own cache, filled before the libraries claimlint imports compile their patterns.

LIBRARY_PATTERN = "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd]"  # PyYAML's


def test_a_library_pattern_compiled_in_one_run_is_in_res_cache_in_the_next(
    cache_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, library = PatternCache(lambda: cache_file, StandardEngine()), {}
    first.prime(library, 256)
    library[(str, LIBRARY_PATTERN, 0)] = re.compile(LIBRARY_PATTERN)  # what `re` does
    library[(bytes, b"[a-z]+", 0)] = re.compile(b"[a-z]+")  # not kept: bytes
    first.save()
    no_standard_parsing(monkeypatch)
    second, primed = PatternCache(lambda: cache_file, StandardEngine()), {}
    second.prime(primed, 256)
    assert list(primed) == [(str, LIBRARY_PATTERN, 0)]
    found = primed[str, LIBRARY_PATTERN, 0].search("ok\x07ok")
    assert found is not None and found.start() == 2


def test_priming_leaves_res_cache_room(cache_file: Path) -> None:
    first, library = PatternCache(lambda: cache_file, StandardEngine()), {}
    first.prime(library, 256)
    for index in range(10):
        library[(str, f"word{index}", 0)] = re.compile(f"word{index}")
    first.save()
    crowded: dict[Any, Any] = {(str, f"other{index}", 0): None for index in range(5)}
    PatternCache(lambda: cache_file, StandardEngine()).prime(crowded, 8)
    assert len(crowded) == 8


def test_only_the_libraries_patterns_are_primed(cache_file: Path) -> None:
    # claimlint's own are restored when asked for; re's cache is left the room
    first, library = PatternCache(lambda: cache_file, StandardEngine()), {}
    first.prime(library, 256)
    first.compile(STANDARD_PATTERN, re.IGNORECASE)
    library[(str, LIBRARY_PATTERN, 0)] = re.compile(LIBRARY_PATTERN)
    first.save()
    second, primed = PatternCache(lambda: cache_file, StandardEngine()), {}
    second.prime(primed, 256)
    assert list(primed) == [(str, LIBRARY_PATTERN, 0)]
    assert second.compile(STANDARD_PATTERN, re.IGNORECASE).search("on 3 may") is not None


def test_library_patterns_another_run_did_not_use_stay_marked(cache_file: Path) -> None:
    # a Markdown run's libraries, then a plain-text run's: the next Markdown run still
    # finds PyYAML's pattern primed
    markdown, library = PatternCache(lambda: cache_file, StandardEngine()), {}
    markdown.prime(library, 256)
    library[(str, LIBRARY_PATTERN, 0)] = re.compile(LIBRARY_PATTERN)
    markdown.save()
    plain, library = PatternCache(lambda: cache_file, StandardEngine()), {}
    plain.prime(library, 256)
    library.clear()  # this run's libraries compiled other patterns
    library[(str, "plain", 0)] = re.compile("plain")
    plain.compile(STANDARD_PATTERN, 0)
    plain.save()
    again, primed = PatternCache(lambda: cache_file, StandardEngine()), {}
    again.prime(primed, 256)
    assert set(primed) == {(str, "plain", 0), (str, LIBRARY_PATTERN, 0)}


def test_a_run_finds_the_libraries_patterns_of_the_last_run_in_res_cache(tmp_path: Path) -> None:
    driver = (
        "import re, sys\n"
        "from claimlint import regex_cache\n"
        "regex_cache.prime_standard_library()\n"
        f"print((str, {LIBRARY_PATTERN!r}, 0) in re._cache)\n"
        f"assert re.compile({LIBRARY_PATTERN!r}).search('a\\x07') is not None\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "CLAIMLINT_NO_CACHE": ""}
    runs = [
        subprocess.run(
            [sys.executable, "-c", driver], capture_output=True, text=True, env=env, check=True
        ).stdout.strip()
        for _ in range(2)
    ]
    assert runs == ["False", "True"]


def test_importing_claimlint_leaves_res_cache_alone(tmp_path: Path) -> None:
    # a program using claimlint as a library (the language server, a script) keeps its
    # own `re` cache: only the command primes it
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "CLAIMLINT_NO_CACHE": ""}
    command_run = (
        "import re\nfrom claimlint import regex_cache\n"
        f"regex_cache.prime_standard_library()\nre.compile({LIBRARY_PATTERN!r})\n"
    )
    library_use = (
        f"import re\nimport claimlint.cli\nprint((str, {LIBRARY_PATTERN!r}, 0) in re._cache)\n"
    )
    for driver in (command_run, command_run):
        subprocess.run([sys.executable, "-c", driver], env=env, check=True)
    run = subprocess.run(
        [sys.executable, "-c", library_use], capture_output=True, text=True, env=env, check=True
    )
    assert run.stdout.strip() == "False"
