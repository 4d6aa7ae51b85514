"""The one-byte flag file behind the three mmap examples (not what they teach)."""

import contextlib
import mmap
import os
import tempfile

from _prime_validation_workers import FLAG_CLEAR


@contextlib.contextmanager
def mmap_flag():
    """Yield ``(path, sh_mem)``: a temporary one-byte file and the parent's mapping of it."""
    handle, path = tempfile.mkstemp(prefix="prime_flag_", suffix=".bin")
    try:
        os.write(handle, FLAG_CLEAR)
        sh_mem = mmap.mmap(handle, 1)
        try:
            yield path, sh_mem
        finally:
            sh_mem.close()
    finally:
        os.close(handle)
        os.unlink(path)
