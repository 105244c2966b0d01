"""`claimlint init`: write a commented `.claimlint.yaml` and an example facts file."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

CONFIG_NAME = ".claimlint.yaml"
FACTS_NAME = "facts.yaml"
_TEMPLATES = {CONFIG_NAME: "claimlint.yaml", FACTS_NAME: "facts.yaml"}


class InitError(Exception):
    """Nothing was written: the message says why."""


def template(name: str) -> str:
    return (resources.files("claimlint.init_templates") / _TEMPLATES[name]).read_text("utf-8")


def write_starter_files(directory: Path, force: bool = False) -> list[Path]:
    """Write the starter files into `directory`; refuse (writing nothing) when one
    exists, unless `force`."""
    if not directory.is_dir():
        raise InitError(f"{directory}: no such directory")
    targets = [directory / name for name in _TEMPLATES]
    existing = [str(t) for t in targets if t.exists()]
    if existing and not force:
        raise InitError(
            f"{', '.join(existing)} already exist{'s' if len(existing) == 1 else ''}; "
            "nothing written (use --force to overwrite)"
        )
    for target in targets:
        target.write_text(template(target.name), encoding="utf-8")
    return targets
