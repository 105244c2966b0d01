"""Configuration: `.claimlint.yaml` (or `[tool.claimlint]` in pyproject.toml), found
upward from each checked file, then from the working directory; merged with flags.

A config may `extends:` others (a path relative to it, or `pkg:PACKAGE/FILE` inside an
installed package, located without importing it). The bases are read first, in order;
then the file's own keys apply: a key it sets replaces the inherited value, except that
`rules` and `facts` add to the inherited lists (each path relative to the file that names
it), `enable`/`disable` add too (a name one file enables and a later one disables ends
disabled, and the other way round), `levels` and `per_file_ignores` merge key by key,
and `checks:` sections apply in order, so `extend_key:` adds to what a base set.
"""

from __future__ import annotations

import difflib
import importlib.util
import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import msgspec

from claimlint import regex_cache, yamlfile
from claimlint.fsguard import NotReadable, is_inside, read_bytes
from claimlint.safe_text import excerpt
from claimlint.sources import (
    DEFAULT_INCLUDE,
    DEFAULT_MAX_BYTES,
    MAX_FILE_SIZE_LIMIT,
    STDIN,
    glob_match,
)
from claimlint.yamlfile import YamlError

CONFIG_NAMES = (".claimlint.yaml", ".claimlint.yml")
LevelName = Literal["error", "warning", "info"]
#: how many configs one may extend through, one inside the other
MAX_EXTENDS_DEPTH = 16
PACKAGE_PREFIX = "pkg:"
_PACKAGE_NAME = regex_cache.re_compile(r"[A-Za-z_][A-Za-z0-9_]*")


class ConfigSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    #: configs this one builds on (see the module's docstring)
    extends: str | list[str] = []
    rules: list[str] = []
    builtin_rules: bool = True
    disable: list[str] = []
    enable: list[str] = []
    levels: dict[str, LevelName] = {}
    include: list[str] = msgspec.field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = []
    fail_on: LevelName = "error"
    #: findings below this level are left out of the report (they still fail a run)
    report_level: LevelName = "info"
    #: glob (relative to the config's folder) -> rule ids or categories not reported there
    per_file_ignores: dict[str, list[str]] = {}
    facts: list[str] = []
    model: str | None = None
    max_file_size: int = DEFAULT_MAX_BYTES
    #: options of built-in checks, by check name (see checks.options)
    checks: dict[str, Any] = {}


CONFIG_KEYS = ConfigSpec.__struct_fields__


class Config(msgspec.Struct, frozen=True):
    """A validated configuration; relative paths in it are resolved against `root`."""

    spec: ConfigSpec
    path: Path | None = None
    #: the `checks:` sections as read (with their line numbers for errors), each with the
    #: file it stood in: the bases' first
    checks: tuple[tuple[str, Any], ...] = ()
    #: the keys this config's file, or one it extends, sets
    set_keys: frozenset[str] = frozenset()
    #: the files of the configs it extends, however deep
    bases: tuple[Path, ...] = ()

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def resolve(self, relative: str) -> Path:
        path = Path(relative).expanduser()
        return path if path.is_absolute() else self.root / path

    @property
    def key(self) -> str:
        return str(self.path) if self.path else "<defaults>"

    def ignored_for(self, path: str) -> tuple[str, ...]:
        """The rule ids and categories `per_file_ignores` turns off for `path`."""
        if not self.spec.per_file_ignores or path == STDIN:
            return ()
        relative = Path(os.path.relpath(os.path.abspath(path), self.root)).as_posix()
        name = relative.rpartition("/")[2]
        ignored: set[str] = set()
        for pattern, names in self.spec.per_file_ignores.items():
            if glob_match(relative, pattern) or ("/" not in pattern and glob_match(name, pattern)):
                ignored.update(names)
        return tuple(sorted(ignored))


DEFAULT = Config(ConfigSpec())


def load_config(path: Path, _chain: Sequence[Path] = ()) -> Config:
    """Read and validate a config file (YAML, or pyproject.toml's `[tool.claimlint]`)
    and the configs it extends."""
    name = str(path)
    data = _read(path)
    _check_unknown_keys(data, name)
    spec = yamlfile.convert(data, ConfigSpec, name)
    if not 0 < spec.max_file_size <= MAX_FILE_SIZE_LIMIT:
        raise YamlError(
            name,
            _key_line(data, "max_file_size"),
            f"must be a positive number of bytes, at most {MAX_FILE_SIZE_LIMIT:,}",
            "max_file_size",
        )
    for pattern, names in spec.per_file_ignores.items():
        if not pattern.strip() or not names:
            raise YamlError(
                name,
                _key_line(data, "per_file_ignores"),
                "each glob needs a list of rule ids or categories",
                "per_file_ignores",
            )
    resolved = path.resolve()
    own = Config(
        spec,
        resolved,
        checks=((name, data.get("checks")),),
        set_keys=frozenset(str(key) for key in data),
    )
    bases = [spec.extends] if isinstance(spec.extends, str) else spec.extends
    if not bases:
        return own
    chain = [*_chain, resolved]
    merged: Config | None = None
    for reference in bases:
        base_path = _base_path(reference, own, data)
        if base_path.resolve() in chain:
            cycle = " -> ".join(str(p) for p in [*chain, base_path.resolve()])
            raise YamlError(
                name, _key_line(data, "extends"), f"configs extend each other: {cycle}", "extends"
            )
        if len(chain) > MAX_EXTENDS_DEPTH:
            raise YamlError(
                name,
                _key_line(data, "extends"),
                f"more than {MAX_EXTENDS_DEPTH} configs extend one another",
                "extends",
            )
        base = load_config(base_path, chain)
        merged = base if merged is None else _inherit(merged, base)
    assert merged is not None
    return _inherit(merged, own)


def _read(path: Path) -> Any:
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
    return data


def _base_path(reference: str, config: Config, data: Any) -> Path:
    """The file an `extends:` entry names: relative to the config, or in a package."""
    name = str(config.path)
    line = _key_line(data, "extends")
    if not reference.startswith(PACKAGE_PREFIX):
        return config.resolve(reference)
    package, _, inner = reference[len(PACKAGE_PREFIX) :].partition("/")
    if not _PACKAGE_NAME.fullmatch(package) or not inner:
        raise YamlError(
            name, line, "write a package's config as pkg:PACKAGE/path/to/file.yaml", "extends"
        )
    # a top-level name: found on the import path without importing (running) anything
    spec = importlib.util.find_spec(package)
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    if not folders:
        raise YamlError(name, line, f"no installed package named {package!r}", "extends")
    for folder in folders:
        candidate = Path(folder) / inner
        if candidate.is_file() and is_inside(str(candidate), folder):
            return candidate
    raise YamlError(name, line, f"package {package!r} has no file {excerpt(inner)}", "extends")


def _inherit(base: Config, config: Config) -> Config:
    """`config` applied over `base` (see the module's docstring)."""
    mine, theirs = config.spec, base.spec
    values: dict[str, Any] = {}
    for field in msgspec.structs.fields(ConfigSpec):
        name = field.name
        own = getattr(mine, name)
        inherited = getattr(theirs, name)
        if name == "extends":
            value = own
        elif name in ("rules", "facts"):
            value = [str(base.resolve(p)) for p in inherited] + own
        elif name in ("enable", "disable"):
            undone = set(mine.disable if name == "enable" else mine.enable)
            value = [n for n in inherited if n not in undone]
            value += [n for n in own if n not in value]
        elif name in ("levels", "per_file_ignores", "checks"):
            value = {**inherited, **own}
        else:
            value = own if name in config.set_keys else inherited
        values[name] = value
    return Config(
        ConfigSpec(**values),
        config.path,
        checks=(*base.checks, *config.checks),
        set_keys=base.set_keys | config.set_keys,
        bases=tuple(
            dict.fromkeys((*base.bases, *((base.path,) if base.path else ()), *config.bases))
        ),
    )


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
    import tomllib  # only where a pyproject.toml is found

    try:
        doc = tomllib.loads(read_bytes(path, yamlfile.MAX_DATA_BYTES).decode("utf-8"))
    except NotReadable as exc:
        raise YamlError(str(path), None, f"cannot read: {exc.reason}") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise YamlError(str(path), None, f"cannot read: {exc}") from None
    section = doc.get("tool", {}).get("claimlint")
    return section if isinstance(section, dict) else None


def _claimlint_pyproject(path: Path) -> bool:
    """Has `path` a `[tool.claimlint]` table? A pyproject.toml that does not parse is
    another tool's problem unless it names claimlint; then it is an error here."""
    try:
        raw = read_bytes(path, yamlfile.MAX_DATA_BYTES)
    except OSError:
        raw = None
    # most projects' pyproject.toml is not claimlint's: no TOML parser for those (a key
    # can only spell "claimlint" without those letters through a \u escape)
    if raw is not None and not any(word in raw for word in (b"claimlint", b"\\u", b"\\U")):
        return False
    try:
        return _pyproject_section(path) is not None
    except YamlError:
        if raw is not None and b"claimlint" in raw:
            raise
        return False


@lru_cache(maxsize=256)
def find_config(directory: Path) -> Path | None:
    """The nearest config file at or above `directory`."""
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _claimlint_pyproject(pyproject):
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
