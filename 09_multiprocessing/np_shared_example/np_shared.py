"""Share one NumPy array between processes without copying it.

Chapter 9, "Sharing numpy Data with multiprocessing": the parent allocates the
array in shared memory, ``multiprocessing.Array(ctypes.c_double, lock=False)``
viewed with ``np.frombuffer`` (the book's way), fills it with
``DEFAULT_VALUE`` (42), and a Pool maps ``worker_fn`` over the row indices:
each call checks its row still holds 42 and writes the worker's process id
into it, in place. The parent then reads the array it never sent anywhere:
no 42 left, every cell counted, one row per index, as many writers as workers
did work, and ``main_nparray.base.base is shared_array_base`` (no copy).

The book's ``worker_fn`` reads ``main_nparray``, a global its forked children
inherit. Here the Pool's initializer (``init_worker``) builds that global in
each worker from the shared block, so spawned workers work too.
``--method shared_memory`` uses ``multiprocessing.shared_memory`` instead.

The book's array is 10,000 x 320,000 (2nd ed.) or x 400,000 (3rd ed.)
doubles, 25-32 GB; the default here, 1,000 x 25,000 (200 MB), fits a laptop.
There are no ``input()`` pauses: watch the memory with ``top`` by giving bigger
sizes.

Run:
    python np_shared.py
    python np_shared.py --method shared_memory --rows 10000 --cols 10000
"""

# book: 2nd ed. code, "np_shared.py"
import ctypes
import os

import numpy as np

DEFAULT_VALUE = 42
SIZE_A, SIZE_B = 1_000, 25_000  # rows, columns (the book: 10_000, 320_000: 24 GB)

main_nparray = None  # the shared array: built by init_worker in every worker


def init_worker(buffer, shape, shm_name=None):
    """Pool initializer: wrap the shared block (an Array, or a SharedMemory by name) as ``main_nparray``."""
    global main_nparray, _shm
    if shm_name is not None:
        from multiprocessing import shared_memory

        try:
            _shm = shared_memory.SharedMemory(name=shm_name, track=False)  # Python 3.13+
        except TypeError:
            _shm = shared_memory.SharedMemory(name=shm_name)
        buffer = _shm.buf
    main_nparray = np.frombuffer(buffer, dtype=ctypes.c_double).reshape(shape)


def worker_fn(idx):
    """Do some work on the shared np array on row idx."""
    # confirm that no other process has modified this value already
    assert main_nparray[idx, 0] == DEFAULT_VALUE
    # we can do any work on the array: here every item of this row gets this process's id
    main_nparray[idx, :] = os.getpid()
    return os.getpid()


def run(rows=SIZE_A, cols=SIZE_B, nbr_of_processes=4, method="array", start_method=None):
    """Allocate, fill in parallel, verify: returns a dict of findings."""
    import multiprocessing
    from multiprocessing import shared_memory

    context = multiprocessing.get_context(start_method)
    nbr_items_in_array = rows * cols
    shm = None
    if method == "array":
        shared_array_base = context.Array(ctypes.c_double, nbr_items_in_array, lock=False)
        parent_view = np.frombuffer(shared_array_base, dtype=ctypes.c_double).reshape(rows, cols)
        no_copy = parent_view.base.base is shared_array_base  # the book's check
        initargs = (shared_array_base, (rows, cols))
    else:
        shm = shared_memory.SharedMemory(create=True, size=nbr_items_in_array * 8)
        parent_view = np.ndarray((rows, cols), dtype=ctypes.c_double, buffer=shm.buf)
        no_copy = np.shares_memory(parent_view, np.frombuffer(shm.buf, dtype=np.uint8))
        initargs = (None, (rows, cols), shm.name)
    try:
        parent_view.fill(DEFAULT_VALUE)
        with context.Pool(processes=nbr_of_processes, initializer=init_worker, initargs=initargs) as pool:
            writers = pool.map(worker_fn, range(rows))
        pids, counts = np.unique(parent_view, return_counts=True)  # the book: Counter(.flat)
        counter = dict(zip(pids.astype(np.int64).tolist(), counts.tolist()))
        rows_by_their_writer = int(np.sum(parent_view[:, 0] == np.array(writers)))
        one_value_per_row = int(np.sum(parent_view.min(axis=1) == parent_view.max(axis=1)))
        findings = {
            "cells": nbr_items_in_array,
            "counter": counter,
            "default value left": DEFAULT_VALUE in counter,
            "rows written by the worker that reported them": rows_by_their_writer,
            "rows holding one value": one_value_per_row,
            "distinct writers": len(set(writers)),
            "no copy": bool(no_copy),
        }
    finally:
        if shm is not None:
            del parent_view
            shm.close()
            shm.unlink()
    return findings


# book: end


def main(argv=None):
    from _np_shared_common import run_shared

    run_shared(__doc__, run, (SIZE_A, SIZE_B), argv)


if __name__ == "__main__":
    main()
