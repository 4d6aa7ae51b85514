"""The squared norm with ``numpy.dot(vector, vector)``: one pass, no temporary.

Chapter 6, "Enter numpy": the dot product multiplies and adds in a single
pass over the data, so it reads the vector once and allocates nothing: the
fastest of the five.

Run:
    python 06_matrix/norm/norm_numpy_dot.py --size 1000000 --repeat 10
"""

# book: 2nd ed. code, "norm_numpy_dot.py"
import timeit

import numpy as np


def make_vector(size):
    return np.arange(size, dtype=np.int64)


def norm_square_numpy_dot(vector):
    return np.dot(vector, vector)


def run_experiment(size, num_iter=10):
    """The book's timing: the best of ``num_iter`` single calls on a vector of ``size`` (seconds)."""
    vector = make_vector(size)
    return min(timeit.repeat(lambda: norm_square_numpy_dot(vector), number=1, repeat=num_iter))


# book: end


def main(argv=None):
    from _norm_cli import run_main

    run_main(__doc__, make_vector, norm_square_numpy_dot, argv)


if __name__ == "__main__":
    main()
