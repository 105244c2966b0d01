"""`RuleSet`: the rules and built-in checks that apply under one configuration, loaded
once and shared by every file that configuration covers."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Collection, Mapping
from functools import cached_property
from typing import Any

import msgspec

from claimlint import collector
from claimlint.checks import check_class
from claimlint.checks.base import Check, CheckContext, CheckOptions, RuleTable
from claimlint.checks.options import OptionLayer, layers_of, merge_options
from claimlint.config import Config
from claimlint.facts import load_facts
from claimlint.findings import Level
from claimlint.kinds.base import KindContext, OptionError
from claimlint.nlp import ModelNotAvailable, check_model
from claimlint.patterns import pattern_budget, trusting
from claimlint.rule import Rule
from claimlint.rules_loader import builtin_pack_paths, load_pack
from claimlint.safe_text import excerpt
from claimlint.yamlfile import YamlError


class RuleFilter(msgspec.Struct, frozen=True):
    """The command line's say over which rules run, after the config's: `select` (when
    given) is all that runs, off-by-default rules included; `ignore` is turned off."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()

    def enabled(self, rule: Rule, enabled: bool) -> bool:
        names = (rule.id, rule.category)
        if self.select is not None:
            enabled = any(n in self.select for n in names)
        return enabled and not any(n in self.ignore for n in names)


NO_FILTER = RuleFilter()


class RuleSet:
    """Every rule (enabled or not), the built-in checks with their resolved options, and
    the level that fails a run. Not changed once built: `only`, `without` and
    `with_facts` make new ones."""

    # a plain class: a dataclass costs a millisecond to define at every start
    def __init__(
        self,
        all_rules: tuple[Rule, ...],
        checks: tuple[Check, ...],
        fail_on: Level,
        context: CheckContext,
        report_level: Level = Level.INFO,
    ) -> None:
        self.all_rules = all_rules
        self.checks = checks
        self.fail_on = fail_on
        self.context = context
        #: the lowest level the report shows
        self.report_level = report_level

    def _replace(self, **changes: Any) -> RuleSet:
        fields = {
            "all_rules": self.all_rules,
            "checks": self.checks,
            "fail_on": self.fail_on,
            "context": self.context,
            "report_level": self.report_level,
        }
        return RuleSet(**{**fields, **changes})

    @cached_property
    def rules(self) -> tuple[Rule, ...]:
        """The enabled rules."""
        return tuple(r for r in self.all_rules if r.enabled)

    @cached_property
    def pattern_rules(self) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.kind is not None)

    @cached_property
    def tables(self) -> dict[str, RuleTable]:
        """Each check's rules, by check name."""
        running = frozenset(r.id for r in self.rules) | {r.category for r in self.rules}
        return {
            check.name: RuleTable(
                (r for r in self.all_rules if r.check == check.name), self.known_names, running
            )
            for check in self.checks
        }

    @cached_property
    def active_checks(self) -> tuple[Check, ...]:
        """The checks with at least one enabled rule."""
        return tuple(c for c in self.checks if self.tables[c.name].any_on())

    @cached_property
    def known_names(self) -> frozenset[str]:
        """Every rule id and category, enabled or not."""
        return frozenset(r.id for r in self.all_rules) | {r.category for r in self.all_rules}

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.all_rules if r.id == rule_id), None)

    def check_of(self, rule: Rule) -> Check | None:
        return next((c for c in self.checks if c.name == rule.check), None)

    def only(self, rule_ids: Collection[str]) -> RuleSet:
        """The same rule set with only `rule_ids` enabled."""
        return self._replace(
            all_rules=tuple(
                msgspec.structs.replace(r, enabled=r.id in rule_ids) for r in self.all_rules
            ),
        )

    def without(self, names: Collection[str]) -> RuleSet:
        """The same rule set with the rules `names` lists (ids or categories) off."""
        return self._replace(
            all_rules=tuple(
                msgspec.structs.replace(r, enabled=False)
                if r.id in names or r.category in names
                else r
                for r in self.all_rules
            ),
        )

    def with_facts(self, facts: Any) -> RuleSet:
        """The same rule set with its checks built on other facts (rule examples)."""
        context = msgspec.structs.replace(self.context, facts=facts)
        checks = tuple(type(c)(c.options, context) for c in self.checks)
        return self._replace(checks=checks, context=context)


def build_ruleset(
    config: Config, model: str | None = None, rule_filter: RuleFilter = NO_FILTER
) -> RuleSet:
    """Load the built-in packs and the config's packs; resolve every check's options;
    apply enable, disable and levels, then the command line's `rule_filter`. The
    patterns compiled on the way are bounded in size, together (`pattern_budget`)."""
    try:
        with pattern_budget():
            return _build_ruleset(config, model, rule_filter)
    finally:
        collector.resume()  # the command's start is done (a no-op after the first time)


def _build_ruleset(config: Config, model: str | None, rule_filter: RuleFilter) -> RuleSet:
    spec = config.spec
    facts = load_facts(config.resolve(p) for p in spec.facts) if spec.facts else None
    model_name = model or spec.model
    if model_name:
        try:
            check_model(model_name)
        except ModelNotAvailable as exc:
            if model:
                raise YamlError("--model", None, str(exc)) from None
            raise YamlError(config_name(config), None, str(exc), "model") from None
    builtin = builtin_pack_paths()
    user = [config.resolve(p) for p in spec.rules]
    loaded: list[Rule] = []
    where: dict[str, str] = {}
    layers: dict[str, list[OptionLayer]] = {}
    #: checks with options set outside the built-in packs (a user's pack, the config)
    foreign: set[str] = set()
    kind_context = KindContext(facts=facts, model=model_name)
    trusted = KindContext(facts=facts, model=model_name, trusted=True)
    for path in [*builtin, *user]:
        ours = path in builtin
        pack = load_pack(path, trusted if ours else kind_context, cache=ours)
        for check, layer in pack.check_options.items():
            layers.setdefault(check, []).append(layer)
            if not ours:
                foreign.add(check)
        if path in builtin and not spec.builtin_rules:
            continue
        for rule in pack.rules:
            if rule.id in where:
                raise YamlError(
                    str(path),
                    None,
                    f"rule id {excerpt(rule.id)} is already defined in {where[rule.id]}",
                )
            where[rule.id] = str(path)
            loaded.append(rule)
    for source, section in config.checks:
        for check, layer in layers_of(section, source, "checks").items():
            if check_class(check) is None:
                raise YamlError(layer.path, layer.data.line or None, "unknown check", layer.where)
            layers.setdefault(check, []).append(layer)
            foreign.add(check)
    options, blame = _check_options(layers, {r.check for r in loaded if r.check})
    context = CheckContext(facts=facts, model=model_name, options=options)
    checks = []
    for name in sorted(options):
        cls = check_class(name)
        assert cls is not None, name  # packs and configs name known checks only
        try:
            # the patterns of options the built-in packs alone set are ours: no time limit
            with trusting(foreign.isdisjoint((name, *cls.reads_options))):
                checks.append(cls(options[name], context))
        except OptionError as exc:
            raise blame[name](exc) from None
    _check_names(config, loaded, rule_filter)
    result = []
    for rule in loaded:
        enabled = rule.enabled
        if rule.id in spec.enable or rule.category in spec.enable:
            enabled = True
        if rule.id in spec.disable or rule.category in spec.disable:
            enabled = False
        enabled = rule_filter.enabled(rule, enabled)
        level = spec.levels.get(rule.id) or spec.levels.get(rule.category)
        rule = msgspec.structs.replace(
            rule, enabled=enabled, level=Level.parse(level) if level else rule.level
        )
        result.append(rule)
    return RuleSet(
        all_rules=tuple(result),
        checks=tuple(checks),
        fail_on=Level.parse(spec.fail_on),
        context=context,
        report_level=Level.parse(spec.report_level),
    )


def _check_options(
    layers: Mapping[str, list[OptionLayer]], used: set[str]
) -> tuple[dict[str, CheckOptions], dict[str, Callable[[OptionError], YamlError]]]:
    """Resolved options of every check that has settings or rules."""
    options: dict[str, CheckOptions] = {}
    blame: dict[str, Callable[[OptionError], YamlError]] = {}
    for name in sorted(set(layers) | used):
        cls = check_class(name)
        assert cls is not None, name  # packs and configs name known checks only
        options[name], blame[name] = merge_options(name, cls.options_type, layers.get(name, []))
    return options, blame


def _check_names(config: Config, loaded: list[Rule], rule_filter: RuleFilter) -> None:
    """Every rule id or category the config and the command line name exists."""
    spec = config.spec
    known = {r.id for r in loaded} | {r.category for r in loaded}
    config_file = config_name(config)
    named: list[tuple[str, str | None, str]] = [
        (config_file, key, name)
        for key in ("disable", "enable", "levels")
        for name in getattr(spec, key)
    ]
    named += [
        (config_file, "per_file_ignores", name)
        for names in spec.per_file_ignores.values()
        for name in names
    ]
    named += [("--select", None, name) for name in rule_filter.select or ()]
    named += [("--ignore", None, name) for name in rule_filter.ignore]
    for where, key, name in named:
        if name not in known:
            close = difflib.get_close_matches(name, sorted(known), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise YamlError(where, None, f"no rule or category named {excerpt(name)}{hint}", key)


def config_name(config: Config) -> str:
    return str(config.path) if config.path else "configuration"
