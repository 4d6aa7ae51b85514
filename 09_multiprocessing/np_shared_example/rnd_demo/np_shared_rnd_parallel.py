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

import ctypes
import time

import numpy as np

# book: 2nd ed. code, "np_shared_rnd_parallel.py"
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


def duplicate_rows(array):
    """How many rows repeat another row exactly."""
    return len(array) - len(np.unique(array, axis=0))


def time_fill_in_parallel(
    rows=SIZE_A, cols=SIZE_B, nbr_workers=4, seed=0, start_method=None, global_random=False
):
    """Fill the shared array with the Pool, timed; print what is left, the duplicates and the sums."""
    t1 = time.time()
    array = fill_in_parallel(rows, cols, nbr_workers, seed, start_method, global_random)
    print("Took:", time.time() - t1)
    print(f"default value left = {bool(np.any(array == DEFAULT_VALUE))}")
    print(f"duplicate rows = {duplicate_rows(array)}")
    print(f"mean = {array.mean():.6f}")
    print(f"checksum = {float(array.sum()):.6f}")


SMOKE_ARGS = ["--rows", "40", "--cols", "500", "--workers", "2"]


def add_fill_arguments(parser):
    """``--rows``, ``--cols`` and the rows' ``--seed``: this script's and the serial one's."""
    from hpp.script import positive_int, seed

    parser.add_argument("--rows", type=positive_int, default=SIZE_A, help="rows (one task each)")
    parser.add_argument("--cols", type=positive_int, default=SIZE_B, help="columns")
    parser.add_argument("--seed", type=seed, default=0, help="seed of every row's generator")


def main(argv=None):
    from hpp.script import START_METHODS, example_parser, positive_int

    parser = example_parser(__doc__)
    add_fill_arguments(parser)
    parser.add_argument("--workers", type=positive_int, default=4, help="worker processes")
    parser.add_argument("--global-random", action="store_true", help="np.random's global state, as the book")
    parser.add_argument(
        "--start-method", choices=START_METHODS, help="how workers start (default: the platform's)"
    )
    args = parser.parse_args(argv)
    time_fill_in_parallel(
        args.rows, args.cols, args.workers, args.seed, args.start_method, args.global_random
    )


if __name__ == "__main__":
    main()
