from __future__ import annotations

from pathlib import Path

import pytest

from claimlint.rules_loader import builtin_pack_paths, load_pack
from claimlint.yamlfile import YamlError

GOOD_RULE = """\
rules:
  - id: no-foo
    kind: existence
    category: style
    level: warning
    message: "found {match}"
    pattern: 'foo'
    examples: {flag: ["a foo"], pass: ["a bar"]}
"""


def load(tmp_path: Path, text: str) -> list[object]:
    pack = tmp_path / "pack.yaml"
    pack.write_text(text)
    return load_pack(pack).rules  # type: ignore[return-value]


def error_of(tmp_path: Path, text: str) -> str:
    with pytest.raises(YamlError) as info:
        load(tmp_path, text)
    return str(info.value)


def test_a_good_pack_loads(tmp_path: Path) -> None:
    (rule,) = load(tmp_path, GOOD_RULE)
    assert rule.id == "no-foo"  # type: ignore[attr-defined]
    assert rule.examples.flag == ("a foo",)  # type: ignore[attr-defined]


def test_builtin_packs_load() -> None:
    assert builtin_pack_paths()
    for path in builtin_pack_paths():
        assert load_pack(path).rules


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            GOOD_RULE.replace("level: warning", "level: fatal"),
            "pack.yaml:5: rules[0].level: Invalid enum value 'fatal'",
        ),
        (
            GOOD_RULE.replace("kind: existence", "kind: magic"),
            "pack.yaml:3: rules[0].kind: unknown kind 'magic'",
        ),
        (
            GOOD_RULE.replace("    pattern: 'foo'", "    pattern: 'foo('"),
            "pack.yaml:7: rules[0].pattern: invalid regular expression",
        ),
        (
            GOOD_RULE.replace("    pattern: 'foo'", "    pattern: 'foo'\n    colour: red"),
            "pack.yaml:8: rules[0].colour: unknown key",
        ),
        (
            GOOD_RULE.replace("    category: style\n", ""),
            "rules[0].category: required key is missing",
        ),
        (
            GOOD_RULE.replace('message: "found {match}"', 'message: "found {match"'),
            "pack.yaml:6: rules[0].message: bad message template",
        ),
        (
            GOOD_RULE + GOOD_RULE.split("rules:\n")[1],
            "pack.yaml:9: rules[1].id: duplicate rule id (first on line 2)",
        ),
        ("rules:\n  - id: [unclosed\n", "pack.yaml:3:"),
        ("- just a list\n", "pack.yaml:1: not a rule pack (a rule pack is a mapping"),
        ("rules: []\nextra: 1\n", "pack.yaml:2: extra: unknown key"),
        (
            GOOD_RULE.replace(
                "    pattern: 'foo'", "    pattern: 'foo'\n    fix: {replace: '\\\\2'}"
            ),
            "rules[0].fix.replace: the pattern has no group '2'",
        ),
        (
            GOOD_RULE.replace("    pattern: 'foo'", "    phrases: [foo]\n    pattern: 'foo'"),
            "give exactly one of 'pattern' or 'phrases'",
        ),
        ("rules:\n  - id: a\n    id: b\n", "pack.yaml:3: duplicate key 'id'"),
    ],
)
def test_malformed_packs_name_file_line_and_field(tmp_path: Path, text: str, expected: str) -> None:
    assert expected in error_of(tmp_path, text)


def test_yaml_tags_that_run_code_are_refused(tmp_path: Path) -> None:
    message = error_of(tmp_path, "rules: !!python/object/apply:os.system ['echo hi']\n")
    assert "pack.yaml:1" in message


def test_message_template_with_unknown_placeholder_renders_verbatim(tmp_path: Path) -> None:
    from claimlint.document import Document

    (rule,) = load(tmp_path, GOOD_RULE.replace("found {match}", "found {match} {nothing}"))
    doc = Document.from_text("a foo here")
    (finding,) = list(rule.kind.check(doc, rule))  # type: ignore[attr-defined]
    assert finding.message == "found foo {nothing}"


def test_builtin_patterns_are_compiled_on_first_use_and_run_without_a_limit(
    tmp_path: Path,
) -> None:
    from claimlint.config import DEFAULT
    from claimlint.patterns import MATCH_TIMEOUT
    from claimlint.ruleset import build_ruleset
    from tests.conftest import pack_ruleset

    builtin = build_ruleset(DEFAULT).get("space-before-punctuation")
    assert builtin is not None and builtin.kind is not None
    assert "pattern" not in vars(builtin.kind)  # not compiled yet
    assert builtin.kind.timeout is None  # type: ignore[attr-defined]
    pack = tmp_path / "pack.yaml"
    pack.write_text(GOOD_RULE)
    (user,) = pack_ruleset(pack).all_rules
    assert user.kind is not None and "pattern" in vars(user.kind)  # checked at load
    assert user.kind.timeout == MATCH_TIMEOUT  # type: ignore[attr-defined]
