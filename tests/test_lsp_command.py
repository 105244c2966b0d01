"""`claimlint lsp` without the `lsp` extra: a one-line message, exit 2 (runs whether or
not pygls is installed)."""

from __future__ import annotations

import sys

import pytest

from tests.cli_helpers import claimlint


def test_without_pygls_the_command_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "claimlint.lsp.server", raising=False)
    monkeypatch.setitem(sys.modules, "pygls.lsp.server", None)
    result = claimlint(["lsp"])
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        == "claimlint: error: the language server needs pygls: pip install 'claimlint[lsp]'"
    )
