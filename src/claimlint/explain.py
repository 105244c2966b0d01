"""What `claimlint explain RULE` says about a rule, as lines of plain text (the CLI
prints them; the language server shows them on hover)."""

from __future__ import annotations

import msgspec

from claimlint.checks.options import describe_value
from claimlint.rule import Rule
from claimlint.ruleset import RuleSet


def explain_lines(ruleset: RuleSet, rule: Rule) -> list[str]:
    """The rule's id, where it comes from, its description, examples and the options of
    the check behind it."""
    origin = f"check: {rule.check}" if rule.check else f"kind: {rule.kind_name}"
    lines = [
        rule.id,
        f"{origin}   category: {rule.category}   level: {rule.level}   "
        f"pack: {rule.pack}   {'enabled' if rule.enabled else 'disabled'}",
        "",
        *(rule.description or rule.message).splitlines(),
    ]
    if rule.examples.flag or rule.examples.ok:
        lines.append("")
        lines += [f"  flagged:  {example!r}" for example in rule.examples.flag]
        lines += [f"  fine:     {example!r}" for example in rule.examples.ok]
    check = ruleset.check_of(rule)
    if check is not None:
        lines += [
            "",
            f"Options of the {check.name} check (set them under 'checks: {{{check.name}: ...}}'"
            " in the config; extend_NAME adds to a list):",
        ]
        lines += [
            f"  {field.name}: {describe_value(getattr(check.options, field.name))}"
            for field in msgspec.structs.fields(check.options)
        ]
    return lines
