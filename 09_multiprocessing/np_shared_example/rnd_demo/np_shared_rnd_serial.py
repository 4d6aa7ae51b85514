"""Fill the array with random numbers row by row in one process: the parallel demo's baseline.

Chapter 9, "Sharing numpy Data with multiprocessing" (the random-fill demo):
the same rows, from the same per-row generators, as
``np_shared_rnd_parallel.py``, so both print the same checksum.

Run:
    python np_shared_rnd_serial.py
"""

# book: 2nd ed. code, "np_shared_rnd_serial.py" (the parallel demo's worker, called in one process)
import numpy as np
from np_shared_rnd_parallel import DEFAULT_VALUE, SIZE_A, SIZE_B, row_generator

main_nparray = None  # the array being filled: fill_serially sets it
SEED = 0


def worker_fn(idx):
    """Fill row idx of ``main_nparray`` with random numbers."""
    # confirm that nothing has filled this row already
    assert main_nparray[idx, 0] == DEFAULT_VALUE
    main_nparray[idx, :] = row_generator(SEED, idx).random(main_nparray.shape[1])


def fill_serially(rows=SIZE_A, cols=SIZE_B, seed=0):
    """The array filled by ``worker_fn``, row after row, in this process."""
    global main_nparray, SEED
    main_nparray, SEED = np.full((rows, cols), float(DEFAULT_VALUE)), seed
    for idx in range(rows):
        worker_fn(idx)
    return main_nparray


# book: end


def main(argv=None):
    from _rnd_demo_common import run_fill

    run_fill(__doc__, fill_serially, (SIZE_A, SIZE_B), DEFAULT_VALUE, argv, parallel=False)


if __name__ == "__main__":
    main()
