"""A check's options, merged from layers: the built-in packs (the defaults), then the
user's packs in order, then the config's `checks:` section.

Within a layer, `key: value` replaces what earlier layers set, and `extend_key: [...]`
appends to a list option (or adds entries to a mapping option) (as ruff's `extend-select` does), so a newsroom can add an
honorific without restating the built-in list. The merged mapping is decoded strictly
into the check's options type; an error names the file, line and field of the layer
that set the offending key.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import msgspec

from claimlint.checks.base import CheckOptions
from claimlint.kinds.base import OptionError
from claimlint.yamlfile import LineDict, YamlError

EXTEND = "extend_"
#: the most items one option (a list or a mapping, at any depth) may hold
MAX_OPTION_ITEMS = 5_000
#: the most characters the strings of one option may hold together (its words and
#: patterns become regular expressions: compiling costs time and memory)
MAX_OPTION_CHARS = 200_000


class OptionLayer(msgspec.Struct, frozen=True):
    """One file's settings for one check: `data` is the YAML mapping, `where` the
    dotted field it stood under (`checks.names`) for error messages."""

    path: str
    data: LineDict
    where: str


def merge_options(
    check: str, options_type: type[CheckOptions], layers: Sequence[OptionLayer]
) -> tuple[CheckOptions, Callable[[OptionError], YamlError]]:
    """The options of `check`, decoded from `layers` merged in order, and a function that
    turns a check's complaint about one of them into an error at the line that set it."""
    merged: dict[str, Any] = {}
    origin: dict[str, tuple[OptionLayer, str]] = {}
    fields = frozenset(options_type.__struct_fields__)
    for layer in layers:
        for key, value in layer.data.items():
            key = str(key)
            if key.startswith(EXTEND):
                name = key[len(EXTEND) :]
                if name not in fields:
                    _fail(layer, key, f"unknown option {name!r} for the {check} check")
                current = merged.get(name)
                if isinstance(value, list) and isinstance(current, list | None):
                    merged[name] = [*(current or []), *value]
                elif isinstance(value, dict) and isinstance(current, dict | None):
                    merged[name] = {**(current or {}), **value}
                else:
                    _fail(
                        layer, key, f"extend_ adds to a list or mapping option; {name!r} is not one"
                    )
                origin[name] = (layer, key)
            else:
                merged[key] = value
                origin[key] = (layer, key)

    def blame(exc: OptionError) -> YamlError:
        top = exc.field.split(".")[0].split("[")[0]
        if top in origin:
            layer, key = origin[top]
            line = layer.data.key_lines.get(key, layer.data.line) or None
            return YamlError(layer.path, line, exc.problem, f"{layer.where}.{key}")
        return YamlError(check, None, exc.problem, exc.field)

    for name, value in merged.items():
        problem = _too_big(value)
        if problem and name in origin:
            _fail(*origin[name], problem)

    try:
        return msgspec.convert(merged, options_type, strict=True), blame
    except msgspec.ValidationError as exc:
        problem, _, json_path = str(exc).partition(" - at `")
        top = json_path.rstrip("`").removeprefix("$.").split(".")[0].split("[")[0]
        unknown = problem.startswith("Object contains unknown field `")
        if unknown:
            top = problem.split("`")[1]
            problem = f"unknown option for the {check} check"
        if problem.startswith("Object missing required field `"):
            name = problem.split("`")[1]
            where = layers[-1].path if layers else f"the {check} check"
            raise YamlError(where, None, f"required option {name!r} is not set") from None
        if top in origin:
            layer, key = origin[top]
            _fail(layer, key, problem)
        raise YamlError(check, None, problem) from None


def _too_big(value: Any) -> str | None:
    """Why an option's value is larger than any check needs, or None."""
    items = chars = 0
    pending = [value]
    while pending:
        current = pending.pop()
        if isinstance(current, str):
            chars += len(current)
        elif isinstance(current, list | tuple):
            items += len(current)
            pending.extend(current)
        elif isinstance(current, dict):
            items += len(current)
            pending.extend(current.keys())
            pending.extend(current.values())
        if items > MAX_OPTION_ITEMS:
            return f"more than {MAX_OPTION_ITEMS:,} items"
        if chars > MAX_OPTION_CHARS:
            return f"more than {MAX_OPTION_CHARS:,} characters"
    return None


def _fail(layer: OptionLayer, key: str, problem: str) -> None:
    line = layer.data.key_lines.get(key, layer.data.line) or None
    raise YamlError(layer.path, line, problem, f"{layer.where}.{key}")


def layers_of(section: Any, path: str, where: str) -> dict[str, OptionLayer]:
    """The per-check layers of a `checks:` mapping read from `path`."""
    if section is None:
        return {}
    if not isinstance(section, dict):
        raise YamlError(path, getattr(section, "line", None), "a mapping of check names", where)
    result = {}
    for name, data in section.items():
        if data is None:
            data = {}
        if isinstance(data, dict) and not isinstance(data, LineDict):
            data = _with_lines(data)
        if not isinstance(data, LineDict):
            line = section.key_lines.get(name) if isinstance(section, LineDict) else None
            raise YamlError(path, line, "a mapping of options", f"{where}.{name}")
        result[str(name)] = OptionLayer(path, data, f"{where}.{name}")
    return result


def _with_lines(data: dict[Any, Any]) -> LineDict:
    """A plain mapping (from TOML) as a `LineDict` without line numbers."""
    result = LineDict(data)
    result.key_lines = {}
    return result


#: an item of a list option (a pattern, a group of phrases) is cut to this many characters
_ITEM_CHARS = 60


def describe_value(value: Any, limit: int = 8) -> str:
    """An option's value in a line, for `claimlint explain`."""
    if isinstance(value, tuple | list):
        shown = ", ".join(_item(v) for v in value[:limit])
        more = f", … ({len(value)} in all)" if len(value) > limit else ""
        return f"[{shown}{more}]"
    if isinstance(value, dict) and len(str(value)) > _ITEM_CHARS * limit:
        keys = list(value)
        shown = ", ".join(f"{k}: {_item(value[k])}" for k in keys[:limit])
        more = f", … ({len(keys)} in all)" if len(keys) > limit else ""
        return "{" + shown + more + "}"
    if isinstance(value, msgspec.Struct):
        return str(msgspec.to_builtins(value))
    return str(value)


def _item(value: Any) -> str:
    if isinstance(value, msgspec.Struct):
        # a group of an option (a rule's phrases): its settings, its lists as counts
        fields = msgspec.to_builtins(value)
        return (
            "("
            + ", ".join(
                f"{key}: {len(v)} items" if isinstance(v, list | tuple) else f"{key}: {v}"
                for key, v in fields.items()
                if v is not None
            )
            + ")"
        )
    text = str(value)
    return text if len(text) <= _ITEM_CHARS else text[: _ITEM_CHARS - 1] + "…"
