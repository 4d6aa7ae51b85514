"""The worker side of ``np_shared.py``: attach to the shared block once, then fill rows.

Pool initializers run once per worker process and keep a NumPy view of the
shared memory in this module; each task then writes one row in place. Nothing
relies on globals inherited through ``fork``, so every start method works.
"""

import os

import numpy as np

_view = None
_shm = None


def attach_array(shared_array, shape):
    """Initializer for ``--method array``: wrap a ``multiprocessing.Array`` (lock=False)."""
    global _view
    _view = np.frombuffer(shared_array, dtype=np.float64).reshape(shape)


def attach_shared_memory(name, shape):
    """Initializer for ``--method shared_memory``: open the named block, without owning it."""
    global _view, _shm
    from multiprocessing import shared_memory

    try:
        _shm = shared_memory.SharedMemory(name=name, track=False)  # Python 3.13+
    except TypeError:
        # Before 3.13 attaching registers the block with the resource tracker too;
        # the Pool's workers share the parent's tracker, so that registration is
        # the parent's own and its unlink() clears it.
        _shm = shared_memory.SharedMemory(name=name)
    _view = np.ndarray(shape, dtype=np.float64, buffer=_shm.buf)


def fill_row_with_pid(row):
    """Write this process's id into every cell of ``row``; return ``(row, pid)``."""
    pid = os.getpid()
    _view[row, :] = pid
    return row, pid


def worker_pid(_):
    return os.getpid()
