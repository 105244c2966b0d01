"""claimlint: a linter for English news copy."""

__version__ = "0.1.0"
