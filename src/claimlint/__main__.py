import os
import sys

# `python -m claimlint` puts the working directory first on the import path; a repo
# being checked is untrusted, so nothing may be imported from it.
_cwd = os.path.realpath(os.getcwd())
sys.path[:] = [p for p in sys.path if p and os.path.realpath(p) != _cwd]

from claimlint.launch import main  # noqa: E402

main()
