"""The cache of the built-in packs' parsed data: what comes out of it is what the YAML
gives (line numbers included), it is used when warm, and anything wrong with it means
parsing the YAML as without it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimlint import pack_cache, yamlfile
from claimlint.config import DEFAULT
from claimlint.rules_loader import builtin_pack_paths, load_pack
from claimlint.ruleset import RuleSet, build_ruleset
from claimlint.yamlfile import LineDict, LineList, YamlError

SAMPLE = """\
description: a sample
rules:
  - id: one
    when: 2021-03-23
    at: 2021-03-23 10:15:00+02:00
    numbers: [1, 2.5, -3, .inf]
    flags: {on: true, off: false, none: null}
    text: |
      two
      lines
checks:
  names:
    extend_honorifics: [Sheikh]
    7: seven
"""


def same(a: Any, b: Any) -> bool:
    """Equal, and equal in the line numbers the loader keeps."""
    if isinstance(a, LineDict):
        return (
            isinstance(b, LineDict)
            and a.line == b.line
            and a.key_lines == b.key_lines
            and list(a) == list(b)
            and all(same(a[k], b[k]) for k in a)
        )
    if isinstance(a, LineList):
        return (
            isinstance(b, LineList)
            and a.line == b.line
            and a.item_lines == b.item_lines
            and len(a) == len(b)
            and all(same(x, y) for x, y in zip(a, b, strict=True))
        )
    return type(a) is type(b) and (a == b or (a != a and b != b))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("CLAIMLINT_NO_CACHE", raising=False)
    return tmp_path / "xdg" / "claimlint" / "packs"


def test_an_entry_gives_back_the_data_with_its_lines(cache: Path, tmp_path: Path) -> None:
    pack = tmp_path / "sample.yaml"
    raw = SAMPLE.encode()
    data = yamlfile.load_bytes(raw, str(pack))
    pack_cache.store(pack, raw, data)
    (entry,) = cache.iterdir()
    assert entry.name.startswith("sample-") and entry.stat().st_mode & 0o077 == 0
    assert same(data, pack_cache.load(pack, raw))
    assert pack_cache.load(pack, raw + b"\n# edited\n") is None  # keyed by the contents


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(),
    st.text(max_size=20),
    st.dates(),
)


def _line_data(draw: Any, depth: int) -> Any:
    if depth == 0 or draw(st.booleans()):
        return draw(scalars)
    if draw(st.booleans()):
        result = LineDict()
        result.line = draw(st.integers(1, 10_000))
        result.key_lines = {}
        for key in draw(st.lists(st.text(max_size=8), max_size=4, unique=True)):
            result[key] = _line_data(draw, depth - 1)
            result.key_lines[key] = draw(st.integers(1, 10_000))
        return result
    items = LineList(_line_data(draw, depth - 1) for _ in range(draw(st.integers(0, 4))))
    items.line = draw(st.integers(1, 10_000))
    items.item_lines = [draw(st.integers(1, 10_000)) for _ in items]
    return items


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])  # nested draws
@given(st.data())
def test_any_loaded_data_round_trips(data: st.DataObject) -> None:
    value = _line_data(data.draw, 4)
    assert same(value, pack_cache._decode(pack_cache._encode(value)))


def _equal_rulesets(a: RuleSet, b: RuleSet) -> bool:
    def rules(ruleset: RuleSet) -> list[tuple[Any, ...]]:
        return [
            (r.id, r.kind_name, r.category, r.level, r.message, r.enabled, r.examples, r.source)
            for r in ruleset.all_rules
        ]

    options = [(c.name, c.options) for c in a.checks] == [(c.name, c.options) for c in b.checks]
    return rules(a) == rules(b) and options


def test_a_warm_cache_is_used_and_gives_the_same_rule_set(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = build_ruleset(DEFAULT)
    assert len(list(cache.iterdir())) == len(builtin_pack_paths())

    def no_yaml(raw: bytes, path: str) -> Any:
        raise AssertionError(f"{path} parsed again")

    monkeypatch.setattr(yamlfile, "load_bytes", no_yaml)
    assert _equal_rulesets(cold, build_ruleset(DEFAULT))


def test_a_damaged_entry_is_parsed_again_and_replaced(cache: Path) -> None:
    cold = build_ruleset(DEFAULT)
    for entry in cache.iterdir():
        entry.write_bytes(b"\xc1 not msgpack")
    assert _equal_rulesets(cold, build_ruleset(DEFAULT))
    for entry in cache.iterdir():
        assert entry.read_bytes() != b"\xc1 not msgpack"


def test_an_entry_is_validated_like_the_yaml(cache: Path, tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text("rules: []\n")
    raw = pack.read_bytes()
    forged = yamlfile.load_bytes(b"rules: []\nsurprise: 1\n", str(pack))
    pack_cache.store(pack, raw, forged)
    with pytest.raises(YamlError, match="surprise: unknown key"):
        load_pack(pack, cache=True)


def test_each_version_of_a_pack_in_use_keeps_an_entry_up_to_keep(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two installs (checkouts, virtual environments) with two versions of a pack do
    not evict each other; past `KEEP` versions, the oldest entries go."""
    monkeypatch.setattr(pack_cache, "KEEP", 2)
    pack = tmp_path / "pack.yaml"
    for number, version in enumerate(("v1", "v2", "v3")):
        pack.write_text(f"rules: []\ndescription: {version}\n")
        load_pack(pack, cache=True)
        for entry in cache.iterdir():  # mtimes a second apart, oldest first
            os.utime(entry, (entry.stat().st_mtime - 1, entry.stat().st_mtime - 1))
        assert len(list(cache.iterdir())) == min(number + 1, 2)
    pack.write_text("rules: []\ndescription: v2\n")
    assert pack_cache.load(pack, pack.read_bytes()) is not None  # still there
    pack.write_text("rules: []\ndescription: v1\n")
    assert pack_cache.load(pack, pack.read_bytes()) is None  # the oldest went


def test_what_the_cache_cannot_encode_is_not_cached(cache: Path, tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text("rules: []\ndescription: !!binary aGVsbG8=\n")
    with pytest.raises(YamlError):
        load_pack(pack, cache=True)  # bytes are no description; nothing is cached either
    assert not cache.exists()
    pack_cache.store(pack, b"x", {"a set": {1, 2}})
    assert not cache.exists()


def test_the_cache_can_be_turned_off(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMLINT_NO_CACHE", "1")
    build_ruleset(DEFAULT)
    assert not cache.exists()


def test_an_unwritable_cache_is_no_error(cache: Path) -> None:
    cache.parent.mkdir(parents=True)
    cache.write_text("a file where the folder would go")
    build_ruleset(DEFAULT)
    assert cache.is_file()


def test_a_relative_cache_home_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert pack_cache.cache_dir() is None
    monkeypatch.setenv("XDG_CACHE_HOME", os.path.abspath("somewhere"))
    assert pack_cache.cache_dir() == Path(os.path.abspath("somewhere"), "claimlint", "packs")
