"""Outside the project's environment, stop with one line instead of a traceback.

The examples need the packages ``make install`` puts in ``.venv`` (``hpp``, NumPy,
the profilers). Run with another interpreter (``/usr/bin/python3 julia1_nopil.py``),
a script would end in a ``ModuleNotFoundError`` traceback at its first ``import hpp``.
A script that imports this module first ends instead with one line on stderr, naming
the commands that set the environment up, and exit status 2.

It uses only the standard library, since it runs where nothing else is installed,
and it sits beside the scripts that import it, since only the script's own folder is
on such an interpreter's path: the same file in each of those folders (a test in
``tests/test_hpp.py`` keeps the copies equal and names the scripts it covers).
"""

import importlib.util
import os
import sys

NEEDS = (
    "needs the project's environment: run 'make install' and "
    "'source .venv/bin/activate' (or use .venv/bin/python)"
)

if importlib.util.find_spec("hpp") is None:
    print(f"{os.path.basename(sys.argv[0]) or 'this script'} {NEEDS}", file=sys.stderr)
    raise SystemExit(2)
