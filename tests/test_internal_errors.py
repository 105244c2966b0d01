"""Inputs that used to abort the whole run with an internal error: each is now one
clear line and exit 2 (the other files still checked), or simply works."""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimlint import parallel
from tests.cli_helpers import Result, claimlint

CLEAN = "The talks resumed.\n"
BROKEN = "Troops left Baghdad airport .\n"
RULE = "rules:\n  - id: r\n    kind: existence\n    category: c\n    level: info\n    message: m\n"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(BROKEN)


def assert_one_clear_line(result: Result, expected: str) -> None:
    assert result.exit_code == 2, result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert expected in result.stderr


def with_pack(text: str) -> Result:
    Path("pack.yaml").write_text(text)
    Path(".claimlint.yaml").write_text("rules: [pack.yaml]\n")
    return claimlint(["check", "a.txt"])


@pytest.mark.parametrize("depth", [250, 999])
def test_yaml_nested_deeply(depth: int) -> None:
    result = with_pack("rules: " + "[" * depth + "]" * depth + "\n")
    assert_one_clear_line(result, "pack.yaml:1: nested more than 64 levels deep")


def test_a_list_as_a_mapping_key() -> None:
    result = with_pack("rules:\n  - ? [a, b]\n    : 1\n")
    assert_one_clear_line(result, "pack.yaml:2: a key must be a plain value")


def test_regex_version_flags() -> None:
    result = with_pack(RULE + "    pattern: '(?V1)[[a-z]--[aeiou]]'\n")
    assert_one_clear_line(result, "rules[0].pattern: invalid regular expression")


def test_a_replacement_that_cannot_be_expanded_is_refused_at_load() -> None:
    result = with_pack(RULE + "    pattern: airport\n    fix: {replace: '\\', safe: true}\n")
    assert_one_clear_line(result, "rules[0].fix.replace: invalid replacement: bad escape")


def test_an_explicit_link_loop() -> None:
    Path("loop.txt").symlink_to("loop.txt")
    result = claimlint(["check", "loop.txt", "a.txt"])
    assert_one_clear_line(result, "loop.txt: symbolic link loop")
    assert "space-before-punctuation" in result.stdout


def test_an_unreadable_folder_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    Path("desk/locked").mkdir(parents=True)
    Path("desk/locked/b.txt").write_text(BROKEN)
    Path("desk/c.txt").write_text(BROKEN)
    real = os.scandir

    def scandir(path: object = ".") -> object:  # root reads every folder: say it cannot
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    result = claimlint(["check", "--isolated", "desk"])
    assert_one_clear_line(result, "locked: permission denied; the files in it were not checked")
    assert "c.txt" in result.stdout


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_a_file_name_that_is_not_utf8(tmp_path: Path, fmt: str) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    Path(name).write_text(BROKEN)
    result = claimlint(["check", "--isolated", "--format", fmt, name])
    assert result.exit_code == 0, result.stderr
    assert "\udce9" not in result.stdout
    if fmt == "json":
        assert json.loads(result.stdout)["findings"][0]["path"] == "caf\\xe9.txt"
    elif fmt == "sarif":
        location = json.loads(result.stdout)["runs"][0]["results"][0]["locations"][0]
        assert location["physicalLocation"]["artifactLocation"]["uri"] == "caf%E9.txt"
    else:
        assert "caf\\xe9.txt" in result.stdout


def test_an_absurd_number_of_jobs() -> None:
    result = claimlint(["check", "--jobs", "99999999999999999999", "a.txt"])
    assert result.exit_code == 2
    assert "--jobs" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "findings",
    ["null", "[[[[]]]]", '[{"path": 1, "rule": "r", "text": "t", "context": "c"}]', "{}"],
)
def test_a_malformed_baseline(findings: str) -> None:
    Path("base.json").write_text(f'{{"claimlint_baseline": 1, "findings": {findings}}}')
    result = claimlint(["check", "--baseline", "base.json", "a.txt"])
    assert_one_clear_line(result, "base.json: ")


def test_a_deeply_nested_baseline() -> None:
    Path("base.json").write_text("[" * 100_000 + "]" * 100_000)
    assert_one_clear_line(claimlint(["check", "--baseline", "base.json", "a.txt"]), "base.json")


def test_a_broken_pyproject_of_another_tool_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.black\nline-length = \n")
    Path("desk").mkdir()
    Path("desk/b.txt").write_text(BROKEN)
    result = claimlint(["check", "desk"])
    assert result.exit_code == 0, result.stderr
    assert "space-before-punctuation" in result.stdout


def test_a_broken_pyproject_that_configures_claimlint_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.claimlint\nfail_on = \n")
    assert_one_clear_line(claimlint(["check", "a.txt"]), "pyproject.toml: cannot read")


@pytest.fixture
def garbage_server() -> Iterator[str]:
    """A TCP server that answers anything with bytes no Dask scheduler would send."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(30)

    def serve() -> None:
        try:
            while True:
                conn, _ = server.accept()
                conn.sendall(b"\xff" * 64)
                time.sleep(0.5)
                conn.close()
        except OSError:
            return

    threading.Thread(target=serve, daemon=True).start()
    yield f"tcp://127.0.0.1:{server.getsockname()[1]}"
    server.close()


@pytest.mark.parametrize("address", ["garbage", "tcp://", "http://x:1", "tcp://a b:1"])
def test_a_scheduler_address_that_is_not_one(address: str) -> None:
    pytest.importorskip("distributed")
    started = time.monotonic()
    result = claimlint(["check", "--scheduler", address, "a.txt"])
    assert_one_clear_line(result, "not a scheduler address")
    assert time.monotonic() - started < 5


def test_a_server_that_is_not_a_dask_scheduler(
    garbage_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("distributed")
    monkeypatch.setattr(parallel, "CONNECT_TIMEOUT", "3s")
    result = claimlint(["check", "--scheduler", garbage_server, "a.txt"])
    assert_one_clear_line(result, "is not a Dask scheduler")
