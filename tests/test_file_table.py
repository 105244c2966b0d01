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
