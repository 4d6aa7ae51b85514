"""The squared norm with NumPy: ``numpy.sum(vector * vector)``.

Chapter 6, "Enter numpy": the loop runs in compiled, vectorised code over a
contiguous int64 array; ``vector * vector`` makes one temporary array first.
The exact result 333332833333500000 fits in an int64.

Run:
    python 06_matrix/norm/norm_numpy.py --size 1000000 --repeat 10
"""

# book: 2nd ed. code, "norm_numpy.py"
import timeit

import numpy as np


def make_vector(size):
    return np.arange(size, dtype=np.int64)


def norm_square_numpy(vector):
    return np.sum(vector * vector)


def run_experiment(size, num_iter=10):
    """The book's timing: the best of ``num_iter`` single calls on a vector of ``size`` (seconds)."""
    vector = make_vector(size)
    return min(timeit.repeat(lambda: norm_square_numpy(vector), number=1, repeat=num_iter))


# book: end


def main(argv=None):
    from _norm_cli import run_main

    run_main(__doc__, make_vector, norm_square_numpy, argv)


if __name__ == "__main__":
    main()
