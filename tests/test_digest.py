"""The SHA-256 of `digest` is hashlib's, whichever implementation it finds."""

from __future__ import annotations

import hashlib
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from claimlint.digest import sha256_hex


@given(st.binary(max_size=5000))
def test_the_digest_is_sha256(data: bytes) -> None:
    assert sha256_hex(data) == hashlib.sha256(data).hexdigest()


def test_a_short_run_does_not_load_openssl() -> None:
    code = (
        "import sys\n"
        "sys.argv = ['claimlint', 'check', '-']\n"
        "from claimlint.launch import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('_hashlib' in sys.modules, file=sys.stderr)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        input="The talks resumed on 3 May 2021, officials said.\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.stderr.strip().endswith("False"), proc.stderr
