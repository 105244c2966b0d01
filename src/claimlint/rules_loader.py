"""Load rule packs (YAML) strictly: every error names the file, the line and the field.

A pack holds `rules:` (each either a pattern rule, `kind: existence|substitution|…`,
with its options beside the common keys, or a rule reported by a built-in check,
`check: dates|names|…`) and optionally `checks:`, the options of built-in checks
(the built-in packs give the defaults; see `checks.options`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import msgspec

from claimlint import pack_cache, yamlfile
from claimlint.checks import check_class, check_names
from claimlint.checks.options import OptionLayer, layers_of
from claimlint.facts import facts_from_data
from claimlint.findings import Level
from claimlint.kinds import kind_class, kind_names
from claimlint.kinds.base import KindContext, OptionError
from claimlint.rule import Examples, Rule, check_template
from claimlint.safe_text import excerpt
from claimlint.yamlfile import LineDict, YamlError

_COMMON_KEYS = frozenset(
    {"id", "kind", "check", "category", "level", "message", "description", "enabled", "examples"}
)


class ExamplesSpec(msgspec.Struct, forbid_unknown_fields=True):
    flag: list[str] = []
    ok: list[str] = msgspec.field(default_factory=list, name="pass")
    facts: dict[str, Any] | None = None  # inline facts (facts-file format) the examples need


class RuleSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    id: str
    kind: str | None = None
    check: str | None = None
    category: str
    level: Literal["error", "warning", "info"]
    message: str
    description: str = ""
    enabled: bool = True
    examples: ExamplesSpec | None = None


class PackSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    rules: list[dict[str, Any]] = []
    checks: dict[str, Any] | None = None
    description: str = ""


class Pack(msgspec.Struct, frozen=True):
    """A loaded pack: its rules and its settings for built-in checks, by check name."""

    rules: list[Rule]
    check_options: dict[str, OptionLayer]


def builtin_packs_dir() -> Path:
    """The built-in packs: inside the installed wheel, or `rules/` of a source checkout."""
    # beside this module in an installed package (read from disk, as every pack is;
    # importlib.resources would add tempfile and zipfile to every start)
    packaged = Path(__file__).resolve().parent / "_builtin_rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rules"


def builtin_pack_paths() -> list[Path]:
    return sorted(builtin_packs_dir().glob("*.yaml"))


def load_pack(path: Path | str, context: KindContext | None = None, *, cache: bool = False) -> Pack:
    """The rules and check settings of one pack file, validated. With `cache` (the
    built-in packs), its parsed data comes from and goes to `pack_cache`."""
    context = context or KindContext()
    name = str(path)
    content = yamlfile.read_file(path)
    data = pack_cache.load(Path(path), content) if cache else None
    cached = data is not None
    if data is None:
        data = yamlfile.load_bytes(content, name)
    if not isinstance(data, dict) or not ({"rules", "checks"} & set(data)):
        # said before any key is named: a path in a config may point at any file
        raise YamlError(
            name,
            getattr(data, "line", 1),
            "not a rule pack (a rule pack is a mapping with a 'rules' list or 'checks' options)",
        )
    yamlfile.convert(data, PackSpec, name)
    options = layers_of(data.get("checks"), name, "checks")
    for check in options:
        if check_class(check) is None:
            raise YamlError(
                name,
                _key_line(data["checks"], check),
                f"unknown check {excerpt(check)} (known: {', '.join(check_names())})",
                f"checks.{check}",
            )
    pack_name = Path(path).stem
    rules = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(data.get("rules") or []):
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
    if cache and not cached:
        pack_cache.store(Path(path), content, data)
    return Pack(rules, options)


def _line(node: Any) -> int | None:
    return getattr(node, "line", None)


def _load_rule(raw: Any, index: int, path: str, pack: str, context: KindContext) -> Rule:
    where = f"rules[{index}]"
    if not isinstance(raw, dict):
        raise YamlError(path, _line(raw), "each rule is a mapping", where)
    common = {k: v for k, v in raw.items() if k in _COMMON_KEYS}
    options = {k: v for k, v in raw.items() if k not in _COMMON_KEYS}
    spec = _convert(common, RuleSpec, path, raw, where)
    if (spec.kind is None) == (spec.check is None):
        raise YamlError(
            path,
            _line(raw),
            "give exactly one of 'kind' (a pattern rule) or 'check' (a built-in check)",
            where,
        )
    kind = None
    if spec.check is not None:
        check_cls = check_class(spec.check)
        if check_cls is None:
            raise YamlError(
                path,
                _key_line(raw, "check"),
                f"unknown check {excerpt(spec.check)} (known: {', '.join(check_names())})",
                f"{where}.check",
            )
        if spec.id not in check_cls.rule_ids:
            raise YamlError(
                path,
                _key_line(raw, "id"),
                f"the {spec.check} check reports {', '.join(check_cls.rule_ids)}; not {spec.id!r}",
                f"{where}.id",
            )
        if options:
            key = next(iter(options))
            raise YamlError(
                path,
                _key_line(raw, key),
                f"unknown key; options of the {spec.check} check go under "
                f"'checks: {{{spec.check}: ...}}'",
                f"{where}.{key}",
            )
    else:
        assert spec.kind is not None
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
            raise YamlError(
                path, _key_line(raw, key), exc.problem, f"{where}.{exc.field}"
            ) from None
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
        kind_name=spec.kind or spec.check or "",
        check=spec.check,
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
