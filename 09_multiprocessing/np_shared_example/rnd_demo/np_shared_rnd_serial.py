"""Fill the array with random numbers row by row in one process: the parallel demo's baseline.

Chapter 9, "Sharing numpy Data with multiprocessing" (the random-fill demo):
the same rows, from the same per-row generators, as
``np_shared_rnd_parallel.py``, so both print the same checksum.

Run:
    python np_shared_rnd_serial.py
"""

import time

import numpy as np
from np_shared_rnd_parallel import DEFAULT_VALUE, SIZE_A, SIZE_B, row_generator

main_nparray = None  # the array being filled: fill_serially sets it
SEED = 0


# book: 2nd ed. code, "np_shared_rnd_serial.py" (the parallel demo's worker, called in one process)
def worker_fn(idx):
    """Fill row idx of ``main_nparray`` with random numbers."""
    # confirm that nothing has filled this row already
    assert main_nparray[idx, 0] == DEFAULT_VALUE
    main_nparray[idx, :] = row_generator(SEED, idx).random(main_nparray.shape[1])


# book: end


def fill_serially(rows=SIZE_A, cols=SIZE_B, seed=0):
    """The array filled by ``worker_fn``, row after row, in this process."""
    global main_nparray, SEED
    main_nparray, SEED = np.full((rows, cols), float(DEFAULT_VALUE)), seed
    for idx in range(rows):
        worker_fn(idx)
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
