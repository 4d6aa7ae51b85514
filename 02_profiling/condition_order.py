"""``abs(z) < 2`` or ``n < maxiter`` first? The micro-benchmark, and why the order saves so little.

The book times the two tests in IPython: ``%timeit abs(z) < 2`` (66.8 ns) and
``%timeit n < maxiter`` (20.7 ns), and reasons that the cheap test should go
first because ``and`` stops at the first False. But ``n < maxiter`` is almost
always True: it is False once per point, and only for the points that reach
``maxiter``. So swapping the order saves one ``abs`` call per such point, and
nothing else.

This script times the two expressions with ``timeit`` (as the book does) and
counts, for both orders, how many times each test is evaluated on the book's
grid. The counts are exact: in the original order ``abs`` runs
``sum(output) + points`` times (34,219,980 at width 1000); swapped, it runs
once fewer for each point that reaches ``maxiter`` (100,321 points at width
1000), a saving of 0.3%.

Run (section "Using line_profiler for Line-by-Line Measurements"):
    cd 02_profiling
    python condition_order.py                 # the book's grid, about 30 s
    python condition_order.py --width 200
"""

# taught: the escape test's order: abs(z) < 2 costs 3x n < maxiter; swapping saves an abs per point at maxiter
import timeit


def count_evaluations(maxiter, zs, cs, swapped=False):
    """How many times ``abs(z) < 2`` and ``n < maxiter`` are evaluated by the escape loop.

    The loop is the book's, with each test written as its own statement so it
    can be counted; ``and`` evaluates its right side only when the left is True.
    Returns ``(abs_tests, n_tests, output)``.
    """
    abs_tests = n_tests = 0
    output = [0] * len(zs)
    for i in range(len(zs)):
        n = 0
        z = zs[i]
        c = cs[i]
        while True:
            if swapped:
                n_tests += 1
                if not n < maxiter:
                    break
                abs_tests += 1
                if not abs(z) < 2:
                    break
            else:
                abs_tests += 1
                if not abs(z) < 2:
                    break
                n_tests += 1
                if not n < maxiter:
                    break
            z = z * z + c
            n += 1
        output[i] = n
    return abs_tests, n_tests, output


def time_the_tests(number=1_000_000):
    """Nanoseconds per evaluation of each test, timed as the book's %timeit does (best of 7)."""
    setup = "z = 0+0j; n = 1; maxiter = 300"
    return {
        stmt: min(timeit.repeat(stmt, setup, number=number, repeat=7)) / number * 1e9
        for stmt in ("abs(z) < 2", "n < maxiter")
    }


# taught: end


def main(argv=None):
    from _profiling_tools import run_condition_order

    run_condition_order(__doc__, count_evaluations, time_the_tests, argv)


if __name__ == "__main__":
    main()
