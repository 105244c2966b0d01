"""Load rule packs (YAML) into `Rule` objects, strictly: every error names the file,
the line and the field."""

from __future__ import annotations

import dataclasses
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import msgspec

from claimlint import yamlfile
from claimlint.facts import facts_from_data
from claimlint.findings import Level
from claimlint.kinds import kind_class, kind_names
from claimlint.kinds.base import KindContext, OptionError
from claimlint.rule import Examples, Rule, check_template
from claimlint.safe_text import excerpt
from claimlint.yamlfile import LineDict, YamlError

_COMMON_KEYS = frozenset(
    {"id", "kind", "category", "level", "message", "description", "enabled", "examples"}
)


class ExamplesSpec(msgspec.Struct, forbid_unknown_fields=True):
    flag: list[str] = []
    ok: list[str] = msgspec.field(default_factory=list, name="pass")
    facts: dict[str, Any] | None = None  # inline facts (facts-file format) the examples need


class RuleSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    id: str
    kind: str
    category: str
    level: Literal["error", "warning", "info"]
    message: str
    description: str = ""
    enabled: bool = True
    examples: ExamplesSpec | None = None


class PackSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    rules: list[dict[str, Any]]
    description: str = ""


def builtin_packs_dir() -> Path:
    """The built-in packs: inside the installed wheel, or `rules/` of a source checkout."""
    packaged = resources.files("claimlint") / "_builtin_rules"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "rules"


def builtin_pack_paths() -> list[Path]:
    return sorted(builtin_packs_dir().glob("*.yaml"))


def load_pack(path: Path | str, context: KindContext) -> list[Rule]:
    """All rules of one pack file, validated."""
    name = str(path)
    data = yamlfile.load_file(path)
    if not isinstance(data, dict) or "rules" not in data:
        # said before any key is named: a path in a config may point at any file
        raise YamlError(
            name,
            getattr(data, "line", 1),
            "not a rule pack (a rule pack is a mapping with a 'rules' list)",
        )
    yamlfile.convert(data, PackSpec, name)
    pack_name = Path(path).stem
    rules = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(data["rules"]):
        rule = _load_rule(raw, index, name, pack_name, context)
        line = _line(raw)
        if rule.id in seen:
            raise YamlError(
                name,
                line,
                f"duplicate rule id (first on line {seen[rule.id]})",
                f"rules[{index}].id",
            )
        seen[rule.id] = line or 0
        rules.append(rule)
    return rules


def _line(node: Any) -> int | None:
    return getattr(node, "line", None)


def _load_rule(raw: Any, index: int, path: str, pack: str, context: KindContext) -> Rule:
    where = f"rules[{index}]"
    if not isinstance(raw, dict):
        raise YamlError(path, _line(raw), "each rule is a mapping", where)
    common = {k: v for k, v in raw.items() if k in _COMMON_KEYS}
    options = {k: v for k, v in raw.items() if k not in _COMMON_KEYS}
    spec = _convert(common, RuleSpec, path, raw, where)
    kind_cls = kind_class(spec.kind)
    if kind_cls is None:
        raise YamlError(
            path,
            _key_line(raw, "kind"),
            f"unknown kind {excerpt(spec.kind)} (known: {', '.join(kind_names())})",
            f"{where}.kind",
        )
    opts = _convert(options, kind_cls.options_type, path, raw, where)
    try:
        kind = kind_cls(opts, context)
    except OptionError as exc:
        key = exc.field.split(".")[0].split("[")[0]
        raise YamlError(path, _key_line(raw, key), exc.problem, f"{where}.{exc.field}") from None
    problem = check_template(spec.message)
    if problem:
        raise YamlError(path, _key_line(raw, "message"), problem, f"{where}.message")
    examples = spec.examples or ExamplesSpec()
    example_facts = None
    if examples.facts is not None:
        node = raw["examples"]["facts"]
        example_facts = facts_from_data(node, f"{path} (rules[{index}].examples.facts)")
    return Rule(
        id=spec.id,
        kind_name=spec.kind,
        category=spec.category,
        level=Level.parse(spec.level),
        message=spec.message,
        kind=kind,
        description=spec.description.strip(),
        enabled=spec.enabled,
        pack=pack,
        source=path,
        examples=Examples(tuple(examples.flag), tuple(examples.ok), example_facts),
    )


def _key_line(raw: Any, key: str) -> int | None:
    if isinstance(raw, LineDict):
        return raw.key_lines.get(key, raw.line)
    return None


def _convert(data: dict[str, Any], into: Any, path: str, raw: Any, where: str) -> Any:
    try:
        return yamlfile.convert(data, into, path, where=raw)
    except YamlError as exc:
        field = f"{where}.{exc.field}" if exc.field else where
        line = exc.line or _line(raw)
        raise YamlError(path, line, exc.problem, field) from None


def with_example_facts(rule: Rule) -> Rule:
    """The rule rebuilt with the inline facts of its examples (for running them)."""
    if rule.examples.facts is None:
        return rule
    context = KindContext(facts=rule.examples.facts, model=rule.kind.context.model)
    return dataclasses.replace(rule, kind=type(rule.kind)(rule.kind.options, context))
