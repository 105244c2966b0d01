"""Configuration: `.claimlint.yaml` (or `[tool.claimlint]` in pyproject.toml), found
upward from each checked file, then from the working directory; merged with flags."""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import msgspec

from claimlint import yamlfile
from claimlint.fsguard import NotReadable, read_bytes
from claimlint.sources import DEFAULT_INCLUDE, DEFAULT_MAX_BYTES
from claimlint.yamlfile import YamlError

CONFIG_NAMES = (".claimlint.yaml", ".claimlint.yml")
LevelName = Literal["error", "warning", "info"]


class ConfigSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    rules: list[str] = []
    builtin_rules: bool = True
    disable: list[str] = []
    enable: list[str] = []
    levels: dict[str, LevelName] = {}
    include: list[str] = msgspec.field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = []
    fail_on: LevelName = "error"
    facts: list[str] = []
    model: str | None = None
    max_file_size: int = DEFAULT_MAX_BYTES
    #: options of built-in checks, by check name (see checks.options)
    checks: dict[str, Any] = {}


CONFIG_KEYS = tuple(f.name for f in msgspec.structs.fields(ConfigSpec))


@dataclass(frozen=True)
class Config:
    """A validated configuration; relative paths in it are resolved against `root`."""

    spec: ConfigSpec
    path: Path | None = None
    #: the `checks:` section as read, with its line numbers for errors
    checks: Any = None

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def resolve(self, relative: str) -> Path:
        path = Path(relative).expanduser()
        return path if path.is_absolute() else self.root / path

    @property
    def key(self) -> str:
        return str(self.path) if self.path else "<defaults>"


DEFAULT = Config(ConfigSpec())


def load_config(path: Path) -> Config:
    """Read and validate one config file (YAML, or pyproject.toml's `[tool.claimlint]`)."""
    name = str(path)
    if path.name == "pyproject.toml":
        data = _pyproject_section(path)
        if data is None:
            raise YamlError(name, None, "has no [tool.claimlint] table")
    else:
        data = yamlfile.load_file(path)
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise YamlError(name, getattr(data, "line", 1), "the config is a mapping of settings")
    _check_unknown_keys(data, name)
    spec = yamlfile.convert(data, ConfigSpec, name)
    if spec.max_file_size <= 0:
        raise YamlError(
            name,
            _key_line(data, "max_file_size"),
            "must be a positive number of bytes",
            "max_file_size",
        )
    return Config(spec, path.resolve(), checks=data.get("checks"))


def _check_unknown_keys(data: dict[str, Any], name: str) -> None:
    any_setting = any(key in CONFIG_KEYS for key in data)
    for key in data:
        if key not in CONFIG_KEYS:
            close = difflib.get_close_matches(str(key), CONFIG_KEYS, n=1)
            if not close and not any_setting:
                # nothing here is a setting: the file may be anything, so no key is quoted
                raise YamlError(
                    name,
                    getattr(data, "line", 1),
                    f"not a claimlint config: none of its keys is a setting "
                    f"(known: {', '.join(CONFIG_KEYS)})",
                )
            hint = (
                f" (did you mean '{close[0]}'?)" if close else f" (known: {', '.join(CONFIG_KEYS)})"
            )
            raise YamlError(name, _key_line(data, key), f"unknown key{hint}", str(key))


def _key_line(data: Any, key: str) -> int | None:
    lines = getattr(data, "key_lines", None)
    return lines.get(key) if lines else None


def _pyproject_section(path: Path) -> dict[str, Any] | None:
    try:
        doc = tomllib.loads(read_bytes(path, yamlfile.MAX_DATA_BYTES).decode("utf-8"))
    except NotReadable as exc:
        raise YamlError(str(path), None, f"cannot read: {exc.reason}") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise YamlError(str(path), None, f"cannot read: {exc}") from None
    section = doc.get("tool", {}).get("claimlint")
    return section if isinstance(section, dict) else None


@lru_cache(maxsize=256)
def find_config(directory: Path) -> Path | None:
    """The nearest config file at or above `directory`."""
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _pyproject_section(pyproject) is not None:
            return pyproject
    return None


class ConfigResolver:
    """Maps each checked file to its configuration, loading each config file once."""

    def __init__(
        self, explicit: Path | None = None, isolated: bool = False, root: Path | None = None
    ) -> None:
        self._explicit = load_config(explicit) if explicit else None
        self._isolated = isolated
        #: where the lookup ends up when nothing is found above a file (default: the
        #: working directory; the language server gives its workspace folder)
        self._root = root
        self._loaded: dict[Path, Config] = {}

    def for_path(self, file: str) -> Config:
        if self._explicit is not None:
            return self._explicit
        if self._isolated:
            return DEFAULT
        root = (self._root or Path.cwd()).resolve()
        start = root if file == "-" else Path(file).resolve().parent
        found = find_config(start) or find_config(root)
        if found is None:
            return DEFAULT
        if found not in self._loaded:
            self._loaded[found] = load_config(found)
        return self._loaded[found]
