"""SHA-256 without loading OpenSSL at every start.

`hashlib` loads OpenSSL's library when it is imported: about 12 million instructions,
2% of a one-article run, for the one digest a run needs (the pack cache's key).
CPython ships its own SHA-256 as a built-in module (`_sha256` up to 3.11, `_sha2`
from 3.12); the digest is the same. Any other Python uses `hashlib`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any


@cache
def _constructor() -> Callable[[bytes], Any]:
    try:
        from _sha256 import sha256  # type: ignore[import-not-found]
    except ImportError:
        try:
            from _sha2 import sha256  # type: ignore[import-not-found]
        except ImportError:
            from hashlib import sha256
    constructor: Callable[[bytes], Any] = sha256
    return constructor


def sha256_hex(data: bytes) -> str:
    """The SHA-256 digest of `data`, as 64 hexadecimal digits."""
    return str(_constructor()(data).hexdigest())
