"""A pack's templates and patterns are bounded: no message allocates gigabytes, no
pattern takes minutes to compile, no error prints megabytes of a pattern."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimlint import patterns
from claimlint.config import Config, ConfigSpec
from claimlint.document import Document
from claimlint.engine import lint_document
from claimlint.kinds.base import KindContext
from claimlint.rule import check_template, render
from claimlint.rules_loader import load_pack
from claimlint.ruleset import build_ruleset
from claimlint.yamlfile import YamlError
from tests.cli_helpers import claimlint
from tests.conftest import pack_ruleset

RULE = """\
  - id: {id}
    kind: existence
    category: c
    level: warning
    message: {message}
    {option}
"""


def pack(tmp_path: Path, *rules: str) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text("rules:\n" + "".join(rules))
    return path


def rule(rule_id: str = "r", message: str = "'found {match}'", option: str = "pattern: a") -> str:
    return RULE.format(id=rule_id, message=message, option=option)


def load_error(path: Path) -> str:
    with pytest.raises(YamlError) as info:
        load_pack(path, KindContext())
    return str(info.value)


@pytest.mark.parametrize(
    "template",
    ["{match:>1000000000}", "{match:>{match}}", "{match.__class__}", "{match[0]}", "{0}"],
)
def test_templates_with_huge_widths_or_lookups_are_refused(tmp_path: Path, template: str) -> None:
    assert check_template(template) is not None
    message = load_error(pack(tmp_path, rule(message=repr(template))))
    assert "rules[0].message: bad message template" in message
    started = time.process_time()
    assert render(template, {"match": "x"}) == template  # never rendered, never allocated
    assert time.process_time() - started < 0.1


def test_modest_formats_still_work() -> None:
    assert check_template("{match!r:>12} and {mark}") is None
    assert render("[{match:>5}]", {"match": "ab"}) == "[   ab]"


def test_a_long_match_is_quoted_short_in_the_message(tmp_path: Path) -> None:
    ruleset = pack_ruleset(pack(tmp_path, rule(option="pattern: 'x+'")))
    findings, _ = lint_document(Document.from_text("x" * 100_000), ruleset)
    assert len(findings[0].message) < 300


def test_a_huge_pattern_is_refused_quickly(tmp_path: Path) -> None:
    started = time.process_time()
    message = load_error(pack(tmp_path, rule(option=f"pattern: '{'a' * 2_000_000}'")))
    assert "rules[0].pattern: 2,000,000 characters; a pattern has at most 10,000" in message
    assert len(message) < 300
    assert time.process_time() - started < 5


def test_too_many_phrases_are_refused_quickly(tmp_path: Path) -> None:
    phrases = ", ".join(f"phrase{i}" for i in range(100_000))
    started = time.process_time()
    message = load_error(pack(tmp_path, rule(option=f"phrases: [{phrases}]")))
    assert "rules[0].phrases: 100,000 phrases; a rule lists at most 5,000" in message
    assert time.process_time() - started < 10


def test_the_patterns_of_a_rule_set_are_bounded_in_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(patterns, "MAX_TOTAL_PATTERN_CHARS", 20_000)
    rules = [rule(f"r{i}", option=f"pattern: '{'b' * 4_000}'") for i in range(10)]
    config = Config(ConfigSpec(rules=[str(pack(tmp_path, *rules))], builtin_rules=False))
    with pytest.raises(YamlError, match="would exceed 20,000 characters"):
        build_ruleset(config)


def test_a_timeout_error_quotes_a_short_excerpt_of_the_pattern(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(patterns, "MATCH_TIMEOUT", 0.05)
    slow = "(a|aa)+$" + "|zzz" * 2000
    ruleset = pack_ruleset(pack(tmp_path, rule(option=f"pattern: '{slow}'")))
    _, problems = lint_document(Document.from_text("a" * 5000 + "b"), ruleset)
    assert len(problems) == 1 and "took over" in problems[0].message
    assert len(problems[0].message) < 200


@pytest.mark.parametrize(
    ("option", "problem"),
    [
        ("extend_elisions", "more than 5,000 items"),
        ("sentence_openers", "more than 5,000 items"),
    ],
)
def test_a_check_option_of_a_config_is_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, option: str, problem: str
) -> None:
    words = ", ".join(f"w{i}q" for i in range(20_000))
    (tmp_path / ".claimlint.yaml").write_text(f"checks:\n  quotes:\n    {option}: [{words}]\n")
    (tmp_path / "a.txt").write_text("The talks resumed.\n")
    monkeypatch.chdir(tmp_path)
    started = time.process_time()
    result = claimlint(["check", "a.txt"])
    assert time.process_time() - started < 10
    assert result.exit_code == 2
    assert f".claimlint.yaml:3: checks.quotes.{option}: {problem}" in result.stderr


def test_the_characters_of_a_check_option_are_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    long = "x" * 60_000
    (tmp_path / ".claimlint.yaml").write_text(
        f"checks:\n  quotes:\n    extend_elisions: [{long}, {long}, {long}, {long}]\n"
    )
    (tmp_path / "a.txt").write_text("The talks resumed.\n")
    monkeypatch.chdir(tmp_path)
    result = claimlint(["check", "a.txt"])
    assert result.exit_code == 2
    assert "checks.quotes.extend_elisions: more than 200,000 characters" in result.stderr


def test_slots_that_use_slots_many_times_over_are_refused_before_they_expand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    b_uses = "<b>" * 20_000  # each <b> holds 20,000 <c>: 400 million characters in all
    c_uses = "<c>" * 20_000
    (tmp_path / ".claimlint.yaml").write_text(
        "checks:\n  debris:\n"
        f"    extend_slots: {{a: '{b_uses}', b: '{c_uses}', c: x}}\n"
        "    extend_furniture: [{rule: scraped-link-label, patterns: ['<a>']}]\n"
    )
    (tmp_path / "a.txt").write_text("The talks resumed.\n")
    monkeypatch.chdir(tmp_path)
    started = time.process_time()
    result = claimlint(["check", "a.txt"])
    assert time.process_time() - started < 10
    assert result.exit_code == 2
    assert "slots expand to more than 200,000 characters" in result.stderr


@settings(max_examples=400, deadline=None)
@given(
    template=st.text(alphabet=st.sampled_from("{}!:<>^=+-0123456789rsa.,x _"), max_size=24),
    match=st.one_of(st.text(max_size=8), st.integers(-99, 99), st.floats(allow_nan=False)),
)
def test_a_message_renders_as_the_standard_formatter_would(template: str, match: object) -> None:
    """`render` fills a template with `str.format_map`; for every template it accepts,
    the message is the one `string.Formatter` gives, or the template as written."""
    import string

    from claimlint.rule import _Lenient

    if check_template(template) is not None:
        return
    try:
        expected = string.Formatter().vformat(template, (), _Lenient({"a": match, "x": "y"}))
    except (ValueError, IndexError, AttributeError, KeyError, TypeError):
        expected = template
    assert render(template, {"a": match, "x": "y"}) == expected
