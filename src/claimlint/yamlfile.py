"""Safe YAML loading that remembers where every value stood, for errors that name
the file, the line and the field; and strict decoding into typed structures."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from claimlint import regex_cache
from claimlint.fsguard import NotReadable, read_bytes
from claimlint.safe_text import excerpt, scrub_quotes, shorten_quotes

T = TypeVar("T")
#: the largest config, rule pack or facts file read (a pack of a few thousand rules is
#: well under a megabyte)
MAX_DATA_BYTES = 8 * 1024 * 1024
_FIELD_NAME = regex_cache.re_compile(r"[\w.\[\]-]{1,80}")
_PLAIN_WORD = regex_cache.re_compile(r"[A-Za-z0-9_][\w.-]{0,39}")
#: how deep mappings and lists may nest in a data file (packs need four or five levels)
MAX_DEPTH = 64


class YamlError(Exception):
    """A data file that cannot be used: `file:line: field: problem`."""

    def __init__(self, path: str, line: int | None, problem: str, field: str | None = None) -> None:
        where = f"{path}:{line}" if line else path
        if field is not None and not _FIELD_NAME.fullmatch(field):
            field = excerpt(field)  # a key of the file: quoted short, never a whole line
        what = f"{field}: {problem}" if field else problem
        super().__init__(f"{where}: {what}")
        self.path = path
        self.line = line
        self.field = field
        self.problem = problem


class LineDict(dict[Any, Any]):
    """A mapping that knows the line of each of its keys."""

    line: int = 0
    key_lines: dict[Any, int]


class LineList(list[Any]):
    """A sequence that knows the line of each of its items."""

    line: int = 0
    item_lines: list[int]


def _name(value: Any) -> str:
    """`value` quoted when it is a short plain word or date, else nothing: the file
    being read may not be a data file at all, and its lines are not for an error."""
    text = str(value)
    return f"'{text}'" if _PLAIN_WORD.fullmatch(text) else ""


@lru_cache(maxsize=1)
def _yaml() -> tuple[Any, type[Any], type[Exception]]:
    """PyYAML, the loader built on it and its error for a bad scalar; imported on first
    use, since a run whose rule packs come from the cache and that has no config, facts
    or front matter parses no YAML at all."""
    import yaml

    class ValueProblem(yaml.constructor.ConstructorError):
        """A scalar that cannot be what it looks like; `field` is the key it stood under."""

        def __init__(self, problem: str, mark: yaml.Mark, *, in_field: bool = True) -> None:
            super().__init__(None, None, problem, mark)
            self.field: str | None = None
            self.in_field = in_field

    # libyaml's parser when PyYAML has it (several times faster); it reports the same
    # marks, so errors still name the line.
    safe_loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(safe_loader):  # type: ignore[valid-type,misc]
        depth = 0

        def _enter(self, node: yaml.Node) -> None:
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise ValueProblem(
                    f"nested more than {MAX_DEPTH} levels deep", node.start_mark, in_field=False
                )

        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineDict:
            self._enter(node)
            try:
                return self._mapping(node)
            finally:
                self.depth -= 1

        def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> LineList:
            self._enter(node)
            try:
                result = LineList(self.construct_object(child, deep=True) for child in node.value)
            finally:
                self.depth -= 1
            result.line = node.start_mark.line + 1
            result.item_lines = [child.start_mark.line + 1 for child in node.value]
            return result

        def _mapping(self, node: yaml.MappingNode) -> LineDict:
            result = LineDict()
            result.line = node.start_mark.line + 1
            result.key_lines = {}
            for key_node, value_node in node.value:
                key = self.construct_object(key_node, deep=True)
                try:
                    hash(key)
                except TypeError:
                    raise ValueProblem(
                        "a key must be a plain value, not a list or a mapping",
                        key_node.start_mark,
                        in_field=False,
                    ) from None
                if key in result:
                    problem = f"duplicate key {_name(key)}".rstrip()
                    raise ValueProblem(problem, key_node.start_mark, in_field=False)
                try:
                    result[key] = self.construct_object(value_node, deep=True)
                except ValueProblem as exc:
                    if exc.in_field:
                        exc.field = exc.field or _name(key).strip("'") or None
                    raise
                result.key_lines[key] = key_node.start_mark.line + 1
            return result

        def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
            try:
                return super().construct_yaml_timestamp(node)
            except ValueError as exc:  # "2020-13-01" looks like a date and is not one
                problem = f"invalid date {_name(node.value)}".rstrip() + f": {exc}"
                raise ValueProblem(problem, node.start_mark) from None

    Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_timestamp)
    Loader.add_constructor("tag:yaml.org,2002:map", Loader.construct_mapping)
    Loader.add_constructor("tag:yaml.org,2002:seq", Loader.construct_sequence)
    return yaml, Loader, ValueProblem


def load(text: str, path: str) -> Any:
    """Parse YAML text safely (no tags that run code); raise `YamlError` with the line."""
    yaml, loader, value_problem = _yaml()
    try:
        return yaml.load(text, Loader=loader)
    except value_problem as exc:
        bad: Any = exc
        line = bad.problem_mark.line + 1 if bad.problem_mark else None
        raise YamlError(path, line, str(bad.problem), bad.field) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        # the file did not parse: its content is not quoted, not even a word of it
        problem = scrub_quotes(str(exc.problem or exc.context or "invalid YAML"))
        raise YamlError(path, line, problem) from None
    except yaml.YAMLError as exc:
        raise YamlError(path, None, f"invalid YAML: {scrub_quotes(str(exc))}") from None
    except RecursionError:
        raise YamlError(path, None, "nested too deeply") from None


def load_file(path: Path | str) -> Any:
    return load_bytes(read_file(path), str(path))


def read_file(path: Path | str) -> bytes:
    """The bytes of a data file (config, pack, facts), bounded; `YamlError` if unreadable."""
    name = str(path)
    try:
        return read_bytes(path, MAX_DATA_BYTES)
    except FileNotFoundError:
        raise YamlError(name, None, "no such file") from None
    except NotReadable as exc:
        raise YamlError(name, None, exc.reason) from None
    except OSError as exc:
        raise YamlError(name, None, exc.strerror or str(exc)) from None


def load_bytes(raw: bytes, path: str) -> Any:
    """Parse a data file's bytes (UTF-8, with or without BOM) as YAML."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise YamlError(path, None, f"not valid UTF-8 at byte {exc.start}") from None
    return load(text, path)


_PATH_PART = regex_cache.re_compile(r"\.([A-Za-z_][\w-]*)|\[(\d+)\]")


def line_of(data: Any, json_path: str) -> tuple[int | None, str]:
    """Line and dotted field name of a msgspec error path like `$.rules[0].level`."""
    line = getattr(data, "line", None) or None
    node = data
    names: list[str] = []
    for key, index in _PATH_PART.findall(json_path):
        if key:
            names.append(key)
            if isinstance(node, LineDict) and key in node:
                line = node.key_lines.get(key, line)
                node = node[key]
            else:
                break
        else:
            i = int(index)
            names.append(f"[{i}]")
            if isinstance(node, LineList) and i < len(node):
                line = node.item_lines[i]
                node = node[i]
            else:
                break
    field = ".".join(names).replace(".[", "[") or None
    return line, field or ""


def convert(data: Any, into: type[T], path: str, where: Any = None) -> T:
    """Decode `data` strictly into `into`; unknown keys and wrong types raise `YamlError`.

    `where` is the YAML node whose line numbers the error path refers to (default `data`).
    """
    try:
        return msgspec.convert(data, into, strict=True)
    except msgspec.ValidationError as exc:
        message = str(exc)
        problem, _, json_path = message.partition(" - at `")
        json_path = json_path.rstrip("`")
        node = data if where is None else where
        line, field = line_of(node, json_path)
        unknown = re.match(r"Object contains unknown field `(.+)`", problem)
        if unknown:
            key = unknown.group(1)
            target = _resolve(node, json_path)
            if isinstance(target, LineDict):
                line = target.key_lines.get(key, line)
            field = f"{field}.{key}" if field else key
            problem = "unknown key"
        missing = re.match(r"Object missing required field `(.+)`", problem)
        if missing:
            field = f"{field}.{missing.group(1)}" if field else missing.group(1)
            problem = "required key is missing"
        raise YamlError(path, line, shorten_quotes(problem), field or None) from None


def _resolve(data: Any, json_path: str) -> Any:
    node = data
    for key, index in _PATH_PART.findall(json_path):
        try:
            node = node[key] if key else node[int(index)]
        except (KeyError, IndexError, TypeError):
            return None
    return node
