"""The squared norm with a list comprehension and ``sum``.

Chapter 6, the norm example: the loop moves into a comprehension and the
built-in ``sum``, so less bytecode runs per element; the data are still
boxed Python ints scattered in memory.

Run:
    python 06_matrix/norm/norm_python_comprehension.py --size 1000000 --repeat 10
"""

# book: 2nd ed. code, "norm_python_comprehension.py"
import timeit


def make_vector(size):
    return list(range(size))


def norm_square_list_comprehension(vector):
    return sum([v * v for v in vector])


def run_experiment(size, num_iter=10):
    """The book's timing: the best of ``num_iter`` single calls on a vector of ``size`` (seconds)."""
    vector = make_vector(size)
    return min(timeit.repeat(lambda: norm_square_list_comprehension(vector), number=1, repeat=num_iter))


# book: end


def main(argv=None):
    from _norm_cli import run_main

    run_main(__doc__, make_vector, norm_square_list_comprehension, argv)


if __name__ == "__main__":
    main()
