"""The SHA-256 of `digest` is hashlib's, whichever implementation it finds."""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from claimlint.digest import sha256_hex


@given(st.binary(max_size=5000))
def test_the_digest_is_sha256(data: bytes) -> None:
    assert sha256_hex(data) == hashlib.sha256(data).hexdigest()
