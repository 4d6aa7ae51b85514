"""The squared norm with a generator expression and ``sum``.

Chapter 6, the norm example (the 2nd edition's ``norm_python_generator.py``):
the comprehension's square brackets dropped, so ``sum`` pulls each square from
a generator as it needs it and no list of 10**6 squares is built. The result
is the list version's, 333332833333500000 for range(10**6); the speed is about
the same (each element still a boxed Python int), the memory is not.

Run:
    python 06_matrix/norm/norm_python_generator.py --size 1000000 --repeat 10
"""

# book: 2nd ed. code, "norm_python_generator.py"
import timeit


def make_vector(size):
    return list(range(size))


def norm_square_list_generator(vector):
    return sum(v * v for v in vector)


# book: end


# book: 2nd ed. code, "norm_python_generator.py" (continued)
def run_experiment(size, num_iter=10):
    """The book's timing: the best of ``num_iter`` single calls on a vector of ``size`` (seconds)."""
    vector = make_vector(size)
    return min(timeit.repeat(lambda: norm_square_list_generator(vector), number=1, repeat=num_iter))


# book: end


def main(argv=None):
    from _norm_cli import run_main

    run_main(__doc__, make_vector, norm_square_list_generator, argv)


if __name__ == "__main__":
    main()
