"""`claimlint init`: write a commented `.claimlint.yaml` and an example facts file."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from claimlint import atomic
from claimlint.fsguard import read_bytes

CONFIG_NAME = ".claimlint.yaml"
FACTS_NAME = "facts.yaml"
_TEMPLATES = {CONFIG_NAME: "claimlint.yaml", FACTS_NAME: "facts.yaml"}
#: the largest existing file `--force` reads (to overwrite it only if unchanged meanwhile)
MAX_EXISTING = 16 * 1024 * 1024


class InitError(Exception):
    """Nothing was written: the message says why."""


def template(name: str) -> str:
    return (resources.files("claimlint.init_templates") / _TEMPLATES[name]).read_text("utf-8")


def write_starter_files(directory: Path, force: bool = False) -> list[Path]:
    """Write the starter files into `directory`; refuse (writing nothing) when one
    exists, unless `force`. A symbolic link is written through only to a regular file
    inside `directory`; the files keep their owner, mode and hard links."""
    if not directory.is_dir():
        raise InitError(f"{directory}: no such directory")
    targets = [directory / name for name in _TEMPLATES]
    existing = [str(t) for t in targets if t.exists() or t.is_symlink()]
    if existing and not force:
        raise InitError(
            f"{', '.join(existing)} already exist{'s' if len(existing) == 1 else ''}; "
            "nothing written (use --force to overwrite)"
        )
    folders = [str(directory)]
    changes = []
    for target in targets:
        try:
            real = atomic.target_of(str(target), folders)
            original = read_bytes(real, MAX_EXISTING) if os.path.exists(real) else None
        except atomic.Refused as exc:
            raise InitError(f"{target}: {exc}; nothing written") from None
        except OSError as exc:
            raise InitError(f"{target}: {exc.strerror or exc}; nothing written") from None
        changes.append(atomic.Change(str(target), template(target.name).encode(), original))
    try:
        result = atomic.write_files(changes, folders)
    except OSError as exc:
        raise InitError(f"could not write the starter files, none written: {exc}") from None
    if result.skipped:
        done = f"; wrote {', '.join(result.written)}" if result.written else "; nothing written"
        raise InitError("; ".join(f"{p}: {why}" for p, why in result.skipped) + done)
    return targets
