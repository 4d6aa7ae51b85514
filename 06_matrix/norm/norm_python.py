"""The squared norm of a vector with a Python ``for`` loop over a list.

Chapter 6, "Understanding the Problem" / "Making Decisions with perf": the
baseline of the norm example. Each element is a boxed Python int fetched
through a pointer, multiplied by the interpreter and added to a growing
Python int: many instructions and cache misses per element.
sum(i * i for i in range(10**6)) = 333332833333500000.

Run:
    python 06_matrix/norm/norm_python.py --size 1000000 --repeat 10
    perf stat -e cycles,instructions,cache-references,cache-misses python 06_matrix/norm/norm_python.py
"""

# book: 2nd ed. code, "norm_python.py"
import timeit


def make_vector(size):
    return list(range(size))


def norm_square_list(vector):
    norm = 0
    for v in vector:
        norm += v * v
    return norm


def run_experiment(size, num_iter=10):
    """The book's timing: the best of ``num_iter`` single calls on a vector of ``size`` (seconds)."""
    vector = make_vector(size)
    return min(timeit.repeat(lambda: norm_square_list(vector), number=1, repeat=num_iter))


# book: end


def main(argv=None):
    from _norm_cli import run_main

    run_main(__doc__, make_vector, norm_square_list, argv)


if __name__ == "__main__":
    main()
