"""The book's unit test for ``some_fn`` (Example 2-20): run with ``pytest test_utility.py``."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # pytest --import-mode=importlib

from utility import some_fn  # noqa: E402


# book: Example 2-20
def test_some_fn():
    """Check basic behaviours for our function"""
    assert some_fn(2) == 4
    assert some_fn(1) == 1
    assert some_fn(-1) == 1


# book: end
