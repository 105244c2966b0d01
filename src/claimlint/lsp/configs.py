"""Which configuration, rule set and facts apply to a document, found exactly as the
CLI finds them (the file's folder upward, then the workspace root instead of the
working directory), and which files on disk they were read from, so that a change to
any of them re-lints the open documents."""

from __future__ import annotations

import threading
from pathlib import Path

from claimlint.config import CONFIG_NAMES, Config, ConfigResolver, find_config
from claimlint.engine import RuleSets
from claimlint.ruleset import RuleSet

#: file names that can hold a configuration, wherever they are in the workspace
CONFIG_FILE_NAMES = (*CONFIG_NAMES, "pyproject.toml")


class Configs:
    """The configurations and rule sets of one workspace, each loaded once until
    `reload`. A bad config raises `YamlError` from `for_path`, every time it is asked."""

    def __init__(self, root: Path | None) -> None:
        self.root = root
        self._resolver = ConfigResolver(root=root)
        self._rulesets = RuleSets()
        #: every file a loaded configuration was read from or names (facts, packs);
        #: written on the engine's thread, read on the server's
        self._files: set[Path] = set()
        self._lock = threading.Lock()

    def for_path(self, path: str) -> tuple[Config, RuleSet]:
        config = self._resolver.for_path(path)
        with self._lock:
            self._files.update(config_files(config))
        return config, self._rulesets.for_file(config, path)

    def reload(self) -> None:
        """Forget every configuration and rule set (and the cached config lookups), so
        the next document is resolved afresh: a new config file nearer to it counts."""
        find_config.cache_clear()
        self._resolver = ConfigResolver(root=self.root)
        self._rulesets = RuleSets()
        with self._lock:
            self._files = set()

    @property
    def files(self) -> frozenset[Path]:
        """The files the configurations in use were read from or name."""
        with self._lock:
            return frozenset(self._files)

    def concerns(self, path: Path) -> bool:
        """Whether a change to the file at `path` may change some document's findings."""
        return path.name in CONFIG_FILE_NAMES or _resolved(path) in self.files


def config_files(config: Config) -> list[Path]:
    """The config file itself, the configs it extends, and the facts files and rule
    packs they name."""
    if config.path is None:
        return []
    named = [config.resolve(p) for p in (*config.spec.facts, *config.spec.rules)]
    return [config.path, *config.bases, *(_resolved(p) for p in named)]


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path
