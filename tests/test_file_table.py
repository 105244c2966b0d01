"""The report's table of checked files: what goes in comes out, in order, and the JSON
report writes it file by file exactly as `json.dumps` writes the whole mapping."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from claimlint.report import RunReport
from claimlint.report.file_table import FileTable
from claimlint.report.json_format import render
from claimlint.safe_text import json_safe

metadata = st.dictionaries(
    st.text(max_size=12),
    st.one_of(st.text(max_size=30), st.integers(-(2**40), 2**40), st.booleans(), st.none()),
    max_size=4,
)
tables = st.dictionaries(st.text(min_size=1, max_size=40), metadata, max_size=6)


@given(tables)
def test_what_goes_in_comes_out_in_order(items: dict[str, dict[str, Any]]) -> None:
    table = FileTable(items)
    assert list(table) == list(items)
    assert dict(table.items()) == items
    assert len(table) == len(items)


@given(tables)
def test_the_json_report_writes_the_files_as_one_dump_would(
    items: dict[str, dict[str, Any]],
) -> None:
    document = json.loads(render(RunReport(files=FileTable(items))))
    assert document["files"] == items
    assert document["summary"]["files"] == len(items)
    whole = json_safe(json.dumps(items, ensure_ascii=False, indent=2)).replace("\n", "\n  ")
    assert '"files": ' + whole in render(RunReport(files=FileTable(items)))


@given(tables, st.integers(0, 3))
def test_a_table_on_disk_reads_as_one_in_memory(
    items: dict[str, dict[str, Any]], in_memory: int
) -> None:
    table = FileTable(items, in_memory=in_memory)
    assert list(table) == list(items)
    assert list(table.entries()) == list(items.items())
    assert len(table) == len(items)
    for path, meta in items.items():
        assert path in table
        assert table[path] == meta
    assert "not a checked file\x00" not in table
    table.close()


def test_a_path_added_again_keeps_its_place_and_takes_the_new_metadata() -> None:
    table = FileTable(in_memory=1)
    table["a.txt"] = {"n": 1}
    table["b.txt"] = {"n": 2}
    table["c.txt"] = {"n": 3}
    table["a.txt"] = {"n": 4}
    assert list(table.entries()) == [("a.txt", {"n": 4}), ("b.txt", {"n": 2}), ("c.txt", {"n": 3})]
    del table["b.txt"]
    assert list(table) == ["a.txt", "c.txt"] and len(table) == 2
    assert table.get("b.txt") is None


def test_a_path_that_is_not_utf8_is_kept_on_disk() -> None:
    odd = "caf\udce9.txt"  # a Latin-1 file name, decoded with surrogate escapes
    table = FileTable({"a.txt": {}, odd: {"reference_date": None}}, in_memory=0)
    assert list(table) == ["a.txt", odd]
    assert table[odd] == {"reference_date": None}


def test_the_json_report_of_a_table_on_disk_is_the_same() -> None:
    items = {f"desk/{n:04}.txt": {"reference_date": f"2024-01-{n % 28 + 1:02}"} for n in range(30)}
    assert render(RunReport(files=FileTable(items, in_memory=4))) == render(
        RunReport(files=FileTable(items))
    )
