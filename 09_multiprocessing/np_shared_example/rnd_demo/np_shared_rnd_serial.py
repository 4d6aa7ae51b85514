"""Fill the array with random numbers row by row in one process: the parallel demo's baseline.

Chapter 9, "Sharing numpy Data with multiprocessing" (the random-fill demo):
the same rows, from the same per-row generators, as
``np_shared_rnd_parallel.py``, so both print the same checksum.

Run:
    python np_shared_rnd_serial.py
"""

import time

import numpy as np
from np_shared_rnd_parallel import SIZE_A, SIZE_B, row_generator


def fill_serially(rows=SIZE_A, cols=SIZE_B, seed=0):
    main_nparray = np.empty((rows, cols))
    for idx in range(rows):
        main_nparray[idx, :] = row_generator(seed, idx).random(cols)
    return main_nparray


def time_fill_serially(rows=SIZE_A, cols=SIZE_B, seed=0):
    """Fill the array row by row, timed, and print its mean and checksum."""
    t1 = time.time()
    array = fill_serially(rows, cols, seed)
    print("Took:", time.time() - t1)
    print(f"mean = {array.mean():.6f}")
    print(f"checksum = {float(array.sum()):.6f}")


SMOKE_ARGS = ["--rows", "40", "--cols", "500"]


def main(argv=None):
    from np_shared_rnd_parallel import add_fill_arguments

    from hpp.script import example_parser

    parser = example_parser(__doc__)
    add_fill_arguments(parser)
    args = parser.parse_args(argv)
    time_fill_serially(args.rows, args.cols, args.seed)


if __name__ == "__main__":
    main()
