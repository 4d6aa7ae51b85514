"""Share one NumPy array between processes without copying it.

Chapter 9, "Sharing numpy Data with multiprocessing": the parent allocates the
array in shared memory, ``multiprocessing.Array(ctypes.c_double, lock=False)``
viewed with ``np.frombuffer`` (the book's way) or a
``multiprocessing.shared_memory.SharedMemory`` block (``--method shared_memory``).
A Pool's workers attach to the same memory once (in the Pool's initializer) and
each task writes the worker's process id into one row, in place. The parent then
reads the array it never sent anywhere: every cell written, each row by exactly
one worker, and the array still a view on the shared block (no copy was made).

The book's array is 10,000 x 320,000 (2nd ed.) or x 400,000 (3rd ed.) doubles,
25-32 GB; the default here, 1,000 x 25,000 (200 MB), fits a laptop. There are
no ``input()`` pauses: watch the memory with ``top`` by giving bigger sizes.

Run:
    python 09_multiprocessing/np_shared_example/np_shared.py --workers 4
    python 09_multiprocessing/np_shared_example/np_shared.py --method shared_memory --rows 10000 --cols 10000
"""

import collections
import ctypes
import multiprocessing
import time
from multiprocessing import shared_memory

import numpy as np

from _np_shared_workers import attach_array, attach_shared_memory, fill_row_with_pid
from hpp.script import example_parser, fail, positive_int

SMOKE_ARGS = ["--rows", "40", "--cols", "1000", "--workers", "2"]
START_METHODS = ("fork", "spawn", "forkserver")


def fill_with_pool(pool, nbr_rows):
    """Each row written by some worker; returns {row: pid} as the workers reported it."""
    return dict(pool.map(fill_row_with_pid, range(nbr_rows)))


def verify(main_nparray, writers, shared_buffer):
    """The checks on the parent's view; returns a dict of findings (raises on a failure)."""
    rows = main_nparray.shape[0]
    unwritten = int(np.count_nonzero(main_nparray == 0))
    distinct_per_row = [len(np.unique(row)) for row in main_nparray]
    rows_by_their_writer = sum(1 for r in range(rows) if main_nparray[r, 0] == writers[r])
    counts = collections.Counter(main_nparray[:, 0].astype(np.int64).tolist())
    no_copy = np.shares_memory(main_nparray, np.frombuffer(shared_buffer, dtype=np.uint8))
    return {"cells": main_nparray.size, "unwritten": unwritten,
            "rows with one writer": sum(1 for d in distinct_per_row if d == 1),
            "rows matching the report": rows_by_their_writer,
            "writers": counts, "view of the shared block": bool(no_copy)}


def run(rows, cols, nbr_workers, method="array", start_method=None):
    """Allocate, fill in parallel, verify: returns the findings of ``verify``."""
    context = multiprocessing.get_context(start_method)
    shape = (rows, cols)
    if method == "array":
        shared_array = context.Array(ctypes.c_double, rows * cols, lock=False)
        main_nparray = np.frombuffer(shared_array, dtype=np.float64).reshape(shape)
        assert main_nparray.base is not None  # a view, not a copy
        initializer, initargs, buffer, shm = attach_array, (shared_array, shape), shared_array, None
    else:
        shm = shared_memory.SharedMemory(create=True, size=rows * cols * 8)
        main_nparray = np.ndarray(shape, dtype=np.float64, buffer=shm.buf)
        main_nparray[:] = 0
        initializer, initargs, buffer = attach_shared_memory, (shm.name, shape), shm.buf
    try:
        with context.Pool(processes=nbr_workers, initializer=initializer,
                          initargs=initargs) as pool:
            writers = fill_with_pool(pool, rows)
        findings = verify(main_nparray, writers, buffer)
    finally:
        if shm is not None:
            del main_nparray, buffer
            shm.close()
            shm.unlink()
    return findings


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--rows", type=positive_int, default=1_000, help="rows (one task each)")
    parser.add_argument("--cols", type=positive_int, default=25_000, help="columns")
    parser.add_argument("--workers", type=positive_int, default=4, help="worker processes")
    parser.add_argument("--method", choices=("array", "shared_memory"), default="array",
                        help="multiprocessing.Array (the book) or shared_memory.SharedMemory")
    parser.add_argument("--start-method", choices=START_METHODS, default=None,
                        help="how worker processes start (default: the platform's)")
    args = parser.parse_args(argv)

    nbytes = args.rows * args.cols * 8
    print(f"array = {args.rows} x {args.cols} doubles = {nbytes / 1e6:,.1f} MB in shared memory")
    t0 = time.perf_counter()
    try:
        findings = run(args.rows, args.cols, args.workers, args.method, args.start_method)
    except (MemoryError, OSError) as error:
        fail(f"cannot allocate {nbytes / 1e6:,.0f} MB of shared memory: {error}")
    elapsed = time.perf_counter() - t0
    print(f"cells written = {findings['cells'] - findings['unwritten']} of {findings['cells']}")
    print(f"rows written by a single worker = {findings['rows with one writer']} of {args.rows}")
    print(f"rows holding the pid their worker reported = {findings['rows matching the report']}")
    print(f"distinct writers = {len(findings['writers'])} (of {args.workers} workers)")
    for pid, nbr_rows in sorted(findings["writers"].items()):
        print(f"  pid {pid}: {nbr_rows} rows")
    print(f"parent's array is a view of the shared block = {findings['view of the shared block']}")
    print(f"time = {elapsed:.2f} s")


if __name__ == "__main__":
    main()
