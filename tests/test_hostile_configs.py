"""A config, pack or facts file is untrusted: it cannot make claimlint print another
file's content, nor run code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from claimlint.rules_loader import load_pack
from claimlint.yamlfile import YamlError
from tests.cli_helpers import claimlint

# Lines of files a config may point at; each parses as YAML or fails to, in its own way.
SECRETS = {
    "shadow": "alice:$6$SECRETsalt$SECREThash:19000:0:99999:7:::\n",
    "passwd": "root:x:0:0:SECRETroot:/root:/bin/bash\nbob:x:1000:1000::/home/SECRETbob:/bin/sh\n",
    "ini": "[default]\naws_secret_access_key = SECRETkey\n",
    "tagged": "!SECRETtag value\n",
    "alias": "key: *SECRETalias\n",
    "mapping": "SECRETtoken: abc\nSECRETother: def\n",
    "dupes": "SECRET:1\nSECRET:2\n",
}


@pytest.fixture(autouse=True)
def _isolate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize("key", ["rules", "facts"])
@pytest.mark.parametrize("name", sorted(SECRETS))
def test_no_line_of_a_foreign_file_is_printed(tmp_path: Path, key: str, name: str) -> None:
    secret = tmp_path / name
    secret.write_text(SECRETS[name])
    (tmp_path / ".claimlint.yaml").write_text(f"{key}: [{name}]\n")
    (tmp_path / "a.txt").write_text("A clean sentence.\n")
    result = claimlint(["check", "a.txt"])
    assert result.exit_code == 2
    assert "SECRET" not in result.stdout + result.stderr
    assert f"{name}" in result.stderr  # the file is named, with a reason


@pytest.mark.parametrize("name", sorted(SECRETS))
def test_a_foreign_file_as_the_config_is_not_quoted(tmp_path: Path, name: str) -> None:
    (tmp_path / "cfg").write_text(SECRETS[name])
    (tmp_path / "a.txt").write_text("A clean sentence.\n")
    result = claimlint(["check", "--config", "cfg", "a.txt"])
    assert result.exit_code == 2
    assert "SECRET" not in result.stdout + result.stderr


def test_keys_of_a_real_pack_are_quoted_short_and_escaped(tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    long_key = "x" * 300 + "\\e]0;owned\\a"  # YAML escapes for ESC and BEL
    pack.write_text(
        "rules:\n  - id: a\n    kind: existence\n    category: c\n    level: info\n"
        f'    message: m\n    pattern: a\n    "{long_key}": 1\n'
    )
    with pytest.raises(YamlError) as info:
        load_pack(pack)
    message = str(info.value)
    assert "unknown key" in message
    assert "x" * 41 not in message
    assert "\x1b" not in message and "\x07" not in message


def test_an_enum_value_is_quoted_short(tmp_path: Path) -> None:
    (tmp_path / ".claimlint.yaml").write_text("fail_on: " + "SECRET" * 50 + "\n")
    (tmp_path / "a.txt").write_text("A clean sentence.\n")
    result = claimlint(["check", "a.txt"])
    assert result.exit_code == 2
    assert "SECRET" * 8 not in result.stderr
    assert "fail_on" in result.stderr


# -- model: only installed spaCy pipeline packages, never a module path -------------


def test_a_dotted_model_name_imports_nothing(tmp_path: Path) -> None:
    (tmp_path / ".claimlint.yaml").write_text("model: this.x\n")
    (tmp_path / "a.txt").write_text("A clean sentence.\n")
    result = claimlint(["check", "a.txt"])
    assert result.exit_code == 2
    assert "Beautiful is better than ugly" not in result.stdout + result.stderr
    assert "not a spaCy pipeline package name" in result.stderr


@pytest.mark.parametrize("model", ["evilpkg", "evilpkg.x", "./evilpkg", "evilpkg/x"])
def test_a_package_in_the_working_directory_never_runs(tmp_path: Path, model: str) -> None:
    package = tmp_path / "evilpkg"
    package.mkdir()
    marker = tmp_path / "ran"
    (package / "__init__.py").write_text(f"open({str(marker)!r}, 'w').close()\n")
    (package / "x.py").write_text("")
    (tmp_path / ".claimlint.yaml").write_text(f"model: {model!r}\n")
    (tmp_path / "a.txt").write_text("A clean sentence.\n")
    result = subprocess.run(
        [sys.executable, "-m", "claimlint", "check", "a.txt"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert not marker.exists()
    assert "Traceback" not in result.stderr


def _fake_model(site: Path, name: str, body: str = "") -> None:
    """An installed spaCy pipeline package, as `spacy package` builds one."""
    (site / name).mkdir(parents=True)
    (site / name / "__init__.py").write_text(
        "import spacy\n\ndef load(**overrides):\n    return spacy.blank('en')\n" + body
    )
    info = site / f"{name}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[spacy_models]\n{name} = {name}\n")


def test_an_installed_pipeline_package_is_allowed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimlint import nlp

    site = tmp_path / "site"
    _fake_model(site, "xx_fake_pipeline")
    monkeypatch.syspath_prepend(str(site))
    assert "xx_fake_pipeline" in nlp.installed_models()
    nlp.check_model("xx_fake_pipeline")
    assert nlp.pipeline("xx_fake_pipeline")("One two.").text == "One two."


def test_a_module_shadowing_an_installed_pipeline_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimlint import nlp

    site = tmp_path / "site"
    _fake_model(site, "xx_shadowed_pipeline")
    shadow = tmp_path / "shadow"
    (shadow / "xx_shadowed_pipeline").mkdir(parents=True)
    (shadow / "xx_shadowed_pipeline" / "__init__.py").write_text("raise SystemExit('ran')\n")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.syspath_prepend(str(shadow))
    with pytest.raises(nlp.ModelNotAvailable, match="not the installed package"):
        nlp.check_model("xx_shadowed_pipeline")
