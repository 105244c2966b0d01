"""The run's findings read back in report order: the files' findings as they came, the
cross-file findings merged into place, whether these stay in memory or go to disk in
sorted runs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimlint import report as report_module
from claimlint.diagnostics import Diagnostic, Location
from claimlint.findings import Level
from claimlint.report import DiagnosticLog


def finding(path: str, start: int, rule: str, message: str) -> Diagnostic:
    loc = Location(1, start + 1, 1, start + 2, start, start + 1)
    return Diagnostic(path, rule, "names", Level.WARNING, message, loc, "x")


findings = st.builds(
    finding,
    st.sampled_from(["a.txt", "b.txt", "c.txt"]),
    st.integers(0, 5),
    st.sampled_from(["r1", "r2"]),
    st.text(max_size=3),
)


@given(st.lists(findings, max_size=30), st.lists(st.lists(findings, max_size=12), max_size=4))
def test_cross_file_findings_on_disk_merge_as_in_memory(
    files: list[Diagnostic], inserted: list[list[Diagnostic]]
) -> None:
    files.sort(key=Diagnostic.sort_key)
    expected = sorted([*files, *(d for batch in inserted for d in batch)], key=Diagnostic.sort_key)
    batch, read = report_module.LATER_BATCH, report_module.RUN_READ
    try:
        report_module.LATER_BATCH, report_module.RUN_READ = 3, 2
        log = DiagnosticLog(files)
        for group in inserted:
            log.insert(group)
    finally:
        report_module.LATER_BATCH, report_module.RUN_READ = batch, read
    assert list(log) == expected  # sorted() is stable: ties keep the order they came in
    assert len(log) == len(expected)
    assert sum(log.counts().values()) == len(expected)
