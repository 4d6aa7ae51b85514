"""The counter file of the ``ex1`` examples (not what they teach)."""

import contextlib
import tempfile
from pathlib import Path

from hpp.script import fail


@contextlib.contextmanager
def counter_file(given=None):
    """Yield the path of a counter file holding 0: ``given`` (created, must not exist) or a temporary one."""
    if given is not None:
        path = Path(given)
        if path.exists():
            fail(f"{path} already exists: choose a new --count-file (it is never overwritten)")
        try:
            path.write_text("0")
        except OSError as error:
            fail(f"cannot write {path}: {error.strerror}")
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="hpp_locking_") as folder:
        path = Path(folder) / "count.txt"
        path.write_text("0")
        yield path
