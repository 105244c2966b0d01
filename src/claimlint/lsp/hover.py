"""Hover over a finding: what `claimlint explain RULE` says about its rule."""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol import types

from claimlint.diagnostics import Diagnostic
from claimlint.explain import explain_lines
from claimlint.ruleset import RuleSet
from claimlint.safe_text import neutralise


def hover_text(ruleset: RuleSet, diagnostics: Sequence[Diagnostic], offset: int) -> str | None:
    """Markdown explaining the rules of the findings at `offset` (each rule once), or
    None when no finding is there. Rule text comes from packs, so it is shown in a code
    block and stripped of control characters: a pack cannot inject links or markup."""
    rules: list[str] = []
    for d in diagnostics:
        if d.location.start <= offset <= d.location.end and d.rule not in rules:
            rules.append(d.rule)
    sections = []
    for rule_id in rules:
        rule = ruleset.get(rule_id)
        if rule is None:
            continue
        lines = [neutralise(line) for line in explain_lines(ruleset, rule)]
        body = "\n".join(lines[1:]).strip("\n")
        fence = "`" * max(3, _longest_backtick_run(body) + 1)
        sections.append(f"**claimlint: {neutralise(rule_id)}**\n\n{fence}text\n{body}\n{fence}")
    return "\n\n---\n\n".join(sections) or None


def hover(text: str, range_: types.Range) -> types.Hover:
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text), range=range_
    )


def _longest_backtick_run(text: str) -> int:
    longest = run = 0
    for char in text:
        run = run + 1 if char == "`" else 0
        longest = max(longest, run)
    return longest
