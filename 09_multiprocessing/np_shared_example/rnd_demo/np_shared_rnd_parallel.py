"""Fill a shared NumPy array with random numbers in parallel, row by row, in place.

Chapter 9, "Sharing numpy Data with multiprocessing" (the random-fill demo):
the shared array of ``np_shared.py``, every row filled by a Pool worker with
random numbers. The book's worker draws from ``np.random``'s global generator;
forked workers inherit one state and fill different rows with the same numbers
(``--global-random`` shows it: duplicate rows). Here each row draws from its own
generator, ``default_rng([seed, row])``, so the fill does not depend on which
worker takes which row: the parallel array equals, bit for bit, the one
``np_shared_rnd_serial.py`` fills in one process.

Run:
    python np_shared_rnd_parallel.py
    python np_shared_rnd_parallel.py --global-random --start-method fork   # duplicate rows
"""

# book: 2nd ed. code, "np_shared_rnd_parallel.py"
import ctypes

import numpy as np

SIZE_A, SIZE_B = 1_000, 25_000  # the book: 10_000, 320_000
DEFAULT_VALUE = 42

main_nparray = None  # the shared array, built by init_worker in every worker
SEED = 0
GLOBAL_RANDOM = False


def init_worker(shared_array_base, shape, seed, global_random):
    """Pool initializer: wrap the shared block as ``main_nparray``; remember the seed."""
    global main_nparray, SEED, GLOBAL_RANDOM
    main_nparray = np.frombuffer(shared_array_base, dtype=ctypes.c_double).reshape(shape)
    SEED, GLOBAL_RANDOM = seed, global_random


# book: end


# taught: 1st ed.: forked processes share one random state unless each reseeds (a generator per row)
def row_generator(seed, idx):
    """Row ``idx``'s own generator: the same numbers whichever process fills the row."""
    return np.random.default_rng([seed, idx])


# taught: end


# book: 2nd ed. code, "np_shared_rnd_parallel.py" (continued)
def worker_fn(idx):
    """Fill row idx of the shared array with random numbers."""
    assert main_nparray[idx, 0] == DEFAULT_VALUE
    if GLOBAL_RANDOM:  # the book's: the generator state every forked worker inherited
        main_nparray[idx, :] = np.random.random(main_nparray.shape[1])
    else:
        main_nparray[idx, :] = row_generator(SEED, idx).random(main_nparray.shape[1])


def fill_in_parallel(
    rows=SIZE_A, cols=SIZE_B, nbr_of_processes=4, seed=0, start_method=None, global_random=False
):
    """The filled array (a copy, for the caller to compare)."""
    import multiprocessing

    context = multiprocessing.get_context(start_method)
    shared_array_base = context.Array(ctypes.c_double, rows * cols, lock=False)
    main = np.frombuffer(shared_array_base, dtype=ctypes.c_double).reshape(rows, cols)
    main.fill(DEFAULT_VALUE)
    with context.Pool(
        processes=nbr_of_processes,
        initializer=init_worker,
        initargs=(shared_array_base, (rows, cols), seed, global_random),
    ) as pool:
        pool.map(worker_fn, range(rows))
    return main.copy()


# book: end


def main(argv=None):
    from _rnd_demo_common import run_fill

    run_fill(__doc__, fill_in_parallel, (SIZE_A, SIZE_B), DEFAULT_VALUE, argv)


if __name__ == "__main__":
    main()
