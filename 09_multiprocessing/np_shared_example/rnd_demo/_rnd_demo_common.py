"""The random-fill demo's driver: flags, timing and the checksum both scripts print.

``np_shared_rnd_parallel.py`` and ``np_shared_rnd_serial.py`` hold the book's
listings; their ``main`` hands the fill to ``run_fill`` here.
"""

import time

import numpy as np

from hpp.script import add_start_method_argument, example_parser, positive_int, seed


def duplicate_rows(array):
    """How many rows repeat another row exactly."""
    return len(array) - len(np.unique(array, axis=0))


def run_fill(doc, fill, sizes, default_value, argv=None, parallel=True):
    """``fill(rows, cols, [workers,] seed[, start_method, global_random])``, timed; print what
    is left of ``default_value``, the duplicate rows (parallel), the mean and the checksum."""
    rows, cols = sizes
    parser = example_parser(doc)
    parser.add_argument("--rows", type=positive_int, default=rows, help="rows (one task each)")
    parser.add_argument("--cols", type=positive_int, default=cols, help="columns")
    parser.add_argument("--seed", type=seed, default=0, help="seed of every row's generator")
    if parallel:
        parser.add_argument("--workers", type=positive_int, default=4, help="worker processes")
        parser.add_argument(
            "--global-random", action="store_true", help="np.random's global state, as the book"
        )
        add_start_method_argument(parser)
    args = parser.parse_args(argv)
    t1 = time.time()
    if parallel:
        array = fill(args.rows, args.cols, args.workers, args.seed, args.start_method, args.global_random)
    else:
        array = fill(args.rows, args.cols, args.seed)
    print("Took:", time.time() - t1)
    if parallel:
        print(f"default value left = {bool(np.any(array == default_value))}")
        print(f"duplicate rows = {duplicate_rows(array)}")
    print(f"mean = {array.mean():.6f}")
    print(f"checksum = {float(array.sum()):.6f}")
