"""The cache of compiled patterns: a pattern another run compiled is loaded, not parsed
again, and finds what a fresh compile finds; a damaged, foreign or hostile file means
compiling, as without the cache."""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Any

import msgspec
import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from claimlint import regex_cache
from claimlint.regex_cache import PatternCache

FLAGS = regex.VERSION0 | regex.MULTILINE | regex.IGNORECASE
PATTERN = r"(?r)(?<!\S)(?P<label>source\s+link|read\s+more)\s*\Z"


@pytest.fixture
def cache_file(tmp_path: Path) -> Path:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    return folder / "patterns.msgpack"


def warm(path: Path, *patterns: str) -> None:
    """What a first run leaves: the file holding `patterns`."""
    first = PatternCache(lambda: path)
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
    loaded = PatternCache(lambda: cache_file).compile(PATTERN, FLAGS)
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
    loaded = PatternCache(lambda: path).compile(pattern, FLAGS)
    fresh = regex.compile(pattern, FLAGS)
    assert [m.span() for m in loaded.finditer(text)] == [m.span() for m in fresh.finditer(text)]


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\xff garbage", msgspec.msgpack.encode([[PATTERN, FLAGS, b"not a pickle"]])],
)
def test_a_damaged_file_means_compiling(cache_file: Path, content: bytes) -> None:
    cache_file.write_bytes(content)
    compiled = PatternCache(lambda: cache_file).compile(PATTERN, FLAGS)
    assert compiled.search("Read more") is not None


class _Hostile:
    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return (os.system, ("touch hacked",))


def test_an_entry_that_would_call_anything_but_the_engine_is_refused(
    cache_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    cache_file.write_bytes(msgspec.msgpack.encode([[PATTERN, FLAGS, pickle.dumps(_Hostile())]]))
    compiled = PatternCache(lambda: cache_file).compile(PATTERN, FLAGS)
    assert compiled.pattern == PATTERN
    assert not (tmp_path / "hacked").exists()


def test_an_entry_filed_under_another_pattern_is_not_used(cache_file: Path) -> None:
    other = pickle.dumps(regex.compile("nothing", FLAGS))
    cache_file.write_bytes(msgspec.msgpack.encode([[PATTERN, FLAGS, other]]))
    compiled = PatternCache(lambda: cache_file).compile(PATTERN, FLAGS)
    assert compiled.pattern == PATTERN


def test_a_folder_others_may_write_to_is_neither_read_nor_written(
    cache_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warm(cache_file, PATTERN)
    cache_file.parent.chmod(0o777)
    before = cache_file.read_bytes()
    cache = PatternCache(lambda: cache_file)
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
    assert [pattern for pattern, _, _ in entries] == ["b1", "b2", "a1"]


def test_off_with_claimlint_no_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("CLAIMLINT_NO_CACHE", "1")
    assert regex_cache._path() is None
    monkeypatch.delenv("CLAIMLINT_NO_CACHE")
    assert regex_cache._path() is not None and str(regex_cache._path()).startswith(str(tmp_path))
