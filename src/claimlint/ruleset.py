"""`RuleSet`: the rules that apply under one configuration, loaded once and shared."""

from __future__ import annotations

import dataclasses
import difflib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from claimlint.config import Config
from claimlint.facts import load_facts
from claimlint.findings import Level
from claimlint.kinds.base import KindContext
from claimlint.nlp import ModelNotAvailable, check_model
from claimlint.patterns import pattern_budget
from claimlint.rule import Rule
from claimlint.rules_loader import builtin_pack_paths, load_pack
from claimlint.safe_text import excerpt
from claimlint.yamlfile import YamlError


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    all_rules: tuple[Rule, ...]
    fail_on: Level
    context: KindContext

    @cached_property
    def known_names(self) -> frozenset[str]:
        """Every rule id and category, enabled or not."""
        return frozenset(r.id for r in self.all_rules) | {r.category for r in self.all_rules}

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.all_rules if r.id == rule_id), None)


def build_ruleset(config: Config, model: str | None = None) -> RuleSet:
    """Load the built-in packs and the config's packs; apply enable, disable and levels."""
    spec = config.spec
    facts = load_facts(config.resolve(p) for p in spec.facts) if spec.facts else None
    context = KindContext(facts=facts, model=model or spec.model)
    if context.model:
        try:
            check_model(context.model)
        except ModelNotAvailable as exc:
            if model:
                raise YamlError("--model", None, str(exc)) from None
            raise YamlError(config_name(config), None, str(exc), "model") from None
    paths: list[Path] = builtin_pack_paths() if spec.builtin_rules else []
    paths += [config.resolve(p) for p in spec.rules]
    loaded: list[Rule] = []
    where: dict[str, str] = {}
    with pattern_budget():
        packs = [(path, load_pack(path, context)) for path in paths]
    for path, rules in packs:
        for rule in rules:
            if rule.id in where:
                raise YamlError(
                    str(path),
                    None,
                    f"rule id {excerpt(rule.id)} is already defined in {where[rule.id]}",
                )
            where[rule.id] = str(path)
            loaded.append(rule)
    ids = {r.id for r in loaded}
    categories = {r.category for r in loaded}
    config_file = config_name(config)
    for key in ("disable", "enable", "levels"):
        for name in getattr(spec, key):
            if name not in ids and name not in categories:
                close = difflib.get_close_matches(name, sorted(ids | categories), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                raise YamlError(
                    config_file, None, f"no rule or category named {excerpt(name)}{hint}", key
                )
    result = []
    for rule in loaded:
        enabled = rule.enabled
        if rule.id in spec.enable or rule.category in spec.enable:
            enabled = True
        if rule.id in spec.disable or rule.category in spec.disable:
            enabled = False
        level = spec.levels.get(rule.id) or spec.levels.get(rule.category)
        rule = dataclasses.replace(
            rule, enabled=enabled, level=Level.parse(level) if level else rule.level
        )
        result.append(rule)
    return RuleSet(
        rules=tuple(r for r in result if r.enabled),
        all_rules=tuple(result),
        fail_on=Level.parse(spec.fail_on),
        context=context,
    )


def config_name(config: Config) -> str:
    return str(config.path) if config.path else "configuration"
