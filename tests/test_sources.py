from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from claimlint.sources import InputError, Selection, SkippedFile, decode, expand_paths, read_source


def test_plain_utf8_is_read_as_is() -> None:
    source = decode("a.txt", "Café “quoted”\r\n".encode())
    assert source.text == "Café “quoted”\r\n"
    assert source.encoding == "utf-8"
    assert not source.bom


def test_utf8_bom_is_removed_and_remembered() -> None:
    source = decode("a.txt", codecs.BOM_UTF8 + b"Hello")
    assert source.text == "Hello"
    assert source.bom and source.encoding == "utf-8-sig"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_read(encoding: str) -> None:
    bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
    source = decode("a.txt", bom + "Ünïcode text\n".encode(encoding))
    assert source.text == "Ünïcode text\n"


def test_invalid_utf8_names_the_byte_offset() -> None:
    with pytest.raises(InputError) as info:
        decode("bad.txt", b"Hello caf\xe9 world")
    assert "offset 9" in str(info.value)
    assert str(info.value).startswith("bad.txt: ")


def test_binary_file_is_refused() -> None:
    with pytest.raises(InputError, match="binary"):
        decode("img.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_empty_file_is_fine() -> None:
    assert decode("empty.txt", b"").text == ""


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_source(str(tmp_path / "nope.txt"))


def test_directory_given_as_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="directory"):
        read_source(str(tmp_path))


def test_oversized_file_is_skipped(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("x" * 2000)
    with pytest.raises(SkippedFile, match="limit"):
        read_source(str(big), max_bytes=1000)


def test_directory_walk_filters_and_sorts(tmp_path: Path) -> None:
    (tmp_path / "b.md").write_text("b")
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "notes.docx").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.markdown").write_text("c")
    (tmp_path / "sub" / "draft.txt").write_text("d")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("x")
    found = list(expand_paths([str(tmp_path)], Selection(exclude=("draft.*",))))
    names = [Path(str(p)).relative_to(tmp_path).as_posix() for p in found]
    assert names == ["a.txt", "b.md", "sub/c.markdown"]


def test_explicit_file_is_checked_whatever_its_suffix(tmp_path: Path) -> None:
    f = tmp_path / "article.text"
    f.write_text("x")
    assert list(expand_paths([str(f)], Selection())) == [str(f)]


def test_missing_path_and_empty_dir_are_reported(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    items = list(expand_paths([str(tmp_path / "nope"), str(tmp_path / "empty")], Selection()))
    assert isinstance(items[0], InputError) and not isinstance(items[0], SkippedFile)
    assert isinstance(items[1], SkippedFile)


def test_a_file_reached_twice_is_checked_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "desk" / "sub").mkdir(parents=True)
    for name in ("desk/a.txt", "desk/sub/b.txt", "c.txt"):
        (tmp_path / name).write_text("x")
    selection = Selection()
    cases = [
        ["desk", "desk/sub"],
        ["desk/sub", "desk"],
        ["desk/sub/b.txt", "desk"],
        ["desk", "./desk/sub/b.txt"],
        ["desk", "desk/"],
        [".", "desk"],
        ["c.txt", "."],
        [str(tmp_path / "desk"), str(tmp_path / "desk" / "sub")],
    ]
    for paths in cases:
        found = [p for p in expand_paths(paths, selection) if isinstance(p, str)]
        keys = [str(Path(p)) for p in found]
        assert len(keys) == len(set(keys)), paths
