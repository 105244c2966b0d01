"""The `claimlint` command's entry point. Before the command line (`cli`) and what it
imports load: the collector is paused while the command starts (`collector`), and
`re`'s cache is filled with the patterns the libraries compile as they load
(`regex_cache.prime_standard_library`). Both only here: a program that imports
claimlint as a library keeps its collector and its `re` cache as it has them."""

from __future__ import annotations

from claimlint import collector


def main() -> None:
    collector.pause()
    try:
        from claimlint import regex_cache

        regex_cache.prime_standard_library()
        from claimlint.cli import main as run_command

        run_command()
    finally:
        collector.resume()  # a command that built no rule set (`--help`, a usage error)
