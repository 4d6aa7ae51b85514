"""The squared norm with a loop over an ``array.array``: contiguous storage, no speedup.

Chapter 6, "Python's array module": the numbers are stored contiguously as C
longs, but the loop still runs in the interpreter and every element read
creates a new Python int, so it is no faster (usually slower) than the list.
``array`` is for storing fixed-type data, not for doing maths on it.

Run:
    python 06_matrix/norm/norm_array.py --size 1000000 --repeat 10
"""

# book: 2nd ed. code, "norm_array.py"
import timeit
from array import array


def make_vector(size):
    return array("q", range(size))


def norm_square_array(vector):
    norm = 0
    for v in vector:
        norm += v * v
    return norm


def run_experiment(size, num_iter=10):
    """The book's timing: the best of ``num_iter`` single calls on a vector of ``size`` (seconds)."""
    vector = make_vector(size)
    return min(timeit.repeat(lambda: norm_square_array(vector), number=1, repeat=num_iter))


# book: end


def main(argv=None):
    from _norm_cli import run_main

    run_main(__doc__, make_vector, norm_square_array, argv)


if __name__ == "__main__":
    main()
