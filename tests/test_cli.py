"""The command line as users and CI see it: exit codes, JSON contract, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimlint.cli import app

runner = CliRunner()
MESSY = "The era .. America sets the date.\n\nOutside Baghdad airport .\n\nSource link\n"
CLEAN = "The White House said that talks would resume.\n"
CONTRACT = {
    "path",
    "rule",
    "category",
    "level",
    "message",
    "line",
    "column",
    "end_line",
    "end_column",
    "start",
    "end",
    "fix",
}


def invoke(*args: str, cwd: Path | None = None, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(autouse=True)
def _isolate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def write(tmp_path: Path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def test_clean_file_exits_0(tmp_path: Path) -> None:
    code, out, _ = invoke("check", write(tmp_path, "a.txt", CLEAN))
    assert code == 0
    assert "No findings" in out


def test_warnings_exit_0_by_default_and_1_with_fail_on_warning(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", MESSY)
    assert invoke("check", path)[0] == 0
    assert invoke("check", "--fail-on", "warning", path)[0] == 1


def test_error_level_from_config_fails(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", MESSY)
    write(tmp_path, ".claimlint.yaml", "levels: {punctuation: error}\n")
    assert invoke("check", path)[0] == 1
    write(tmp_path, ".claimlint.yaml", "fail_on: warning\n")
    assert invoke("check", path)[0] == 1


def test_text_report_shows_location_rule_frame_and_fix(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", MESSY)
    _, out, _ = invoke("check", path)
    assert f"{path}:3:24: warning[space-before-punctuation] space before '.'" in out
    assert "3 | Outside Baghdad airport ." in out
    assert "  |                        ^^" in out
    assert "fix: replace with '.'" in out
    assert "Found 3 findings (3 warnings) in 1 file." in out
    assert "\x1b[" not in out


def test_json_contract(tmp_path: Path) -> None:
    content = "Title\r\n\r\nThe era .. America.\r\nOutside Baghdad airport .\r\n"
    path = write(tmp_path, "a.txt", content.encode("utf-8"))
    code, out, _ = invoke("check", "--format", "json", path)
    assert code == 0
    data = json.loads(out)
    findings = data["findings"]
    assert [f["rule"] for f in findings] == ["doubled-punctuation", "space-before-punctuation"]
    lines = content.replace("\r\n", "\n").split("\n")
    for f in findings:
        assert f.keys() >= CONTRACT
        assert f["path"] == path
        assert f["level"] == "warning"
        assert (
            content[f["start"] : f["end"]]
            == lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1]
        )
    assert findings[1]["fix"] == "." and findings[1]["fix_safe"] is True
    assert findings[0]["fix"] is None
    assert data["summary"] == {"files": 1, "error": 0, "warning": 2, "info": 0}


def test_stdin(tmp_path: Path) -> None:
    code, out, _ = invoke("check", "--format", "json", "-", stdin=MESSY)
    assert code == 0
    assert {f["path"] for f in json.loads(out)["findings"]} == {"-"}


def test_directory_is_walked(tmp_path: Path) -> None:
    write(tmp_path, "desk/a.txt", MESSY)
    write(tmp_path, "desk/b.md", MESSY)
    write(tmp_path, "desk/image.png", b"\x89PNG\x00")
    _, out, _ = invoke("check", "--format", "json", str(tmp_path / "desk"))
    assert {Path(f["path"]).name for f in json.loads(out)["findings"]} == {"a.txt", "b.md"}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bin.txt", b"\x00\x01\x02binary\x00", "binary file"),
        (
            "latin1.txt",
            "Caf\xe9 .. here".encode("latin-1"),
            "not valid UTF-8: byte 0xe9 at offset 3",
        ),
    ],
)
def test_bad_file_exits_2_and_others_still_report(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    bad = write(tmp_path, name, content)
    good = write(tmp_path, "good.txt", MESSY)
    code, out, err = invoke("check", "--format", "json", bad, good)
    assert code == 2
    assert f"error: {bad}: {message}" in err
    assert "Traceback" not in err
    data = json.loads(out)
    assert {f["path"] for f in data["findings"]} == {good}
    (error,) = data["errors"]
    assert error.startswith(f"{bad}: {message}")


def test_missing_path_exits_2(tmp_path: Path) -> None:
    code, _, err = invoke("check", str(tmp_path / "nope.txt"))
    assert code == 2
    assert "nope.txt: no such file or directory" in err


def test_directory_without_articles_warns_and_exits_0(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, _, err = invoke("check", str(tmp_path / "empty"))
    assert code == 0
    assert "no files matching" in err


def test_empty_and_bom_files_are_fine(tmp_path: Path) -> None:
    empty = write(tmp_path, "empty.txt", b"")
    bom16 = write(tmp_path, "u16.txt", "Baghdad airport .\n".encode("utf-16"))
    code, out, _ = invoke("check", "--format", "json", empty, bom16)
    assert code == 0
    (finding,) = json.loads(out)["findings"]
    assert finding["path"] == bom16 and finding["column"] == 16


def test_malformed_config_exits_2_with_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", CLEAN)
    write(tmp_path, ".claimlint.yaml", "fail_on: warning\nlevels: [oops]\n")
    code, _, err = invoke("check", path)
    assert code == 2
    assert ".claimlint.yaml:2: levels: Expected `object`, got `array`" in err


def test_malformed_explicit_config_exits_2(tmp_path: Path) -> None:
    cfg = write(tmp_path, "my.yaml", "rules: [missing-pack.yaml]\n")
    code, _, err = invoke("check", "--config", cfg, write(tmp_path, "a.txt", CLEAN))
    assert code == 2
    assert "missing-pack.yaml: no such file" in err


def test_bad_options_exit_2(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", CLEAN)
    assert invoke("check", "--format", "xml", path)[0] == 2
    assert invoke("check", "--date", "23/03/2021", path)[0] == 2
    assert invoke("check", "--fail-on", "fatal", path)[0] == 2


def test_rules_and_explain() -> None:
    code, out, _ = invoke("rules")
    assert code == 0
    assert "space-before-punctuation" in out and "existence" in out and "punctuation" in out
    code, out, _ = invoke("explain", "space-before-punctuation")
    assert code == 0
    assert "Baghdad airport ." in out
    code, _, err = invoke("explain", "space-before-punctuaton")
    assert code == 2 and "did you mean 'space-before-punctuation'" in err


def test_module_entry_point_and_no_color(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", MESSY)
    proc = subprocess.run(
        [sys.executable, "-m", "claimlint", "check", "--fail-on", "warning", path],
        capture_output=True,
        text=True,
        env={"NO_COLOR": "1", "PATH": ""},
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    assert "warning[doubled-punctuation]" in proc.stdout
    assert "\x1b[" not in proc.stdout


def test_missing_model_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = invoke("check", "--model", "no_such_model_xyz", write(tmp_path, "a.txt", CLEAN))
    assert code == 2
    assert err.count("spaCy model 'no_such_model_xyz' is not installed") == 1
