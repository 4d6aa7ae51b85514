"""Reading a cProfile result with ``pstats``: stats, callers, callees (section "Using the cProfile Module").

``python -m cProfile -o profile.stats julia1_nopil.py`` saves the profile;
``pstats.Stats`` loads it. ``sort_stats("cumulative").print_stats()`` lists the
functions by cumulative time, ``print_callers()`` shows who called each one
(``abs`` 34,219,980 times from ``calculate_z_serial_purepython``) and
``print_callees()`` what each one called (``append`` 2,002,000 times from
``calc_pure_python``). At the book's size the whole run makes 36,221,995
function calls.

Without ``--stats`` this script makes the profile itself, with
``cProfile.run("calc_pure_python(WIDTH, ITERATIONS)")`` on the book's driver,
saves it as ``profile.stats`` and prints it.

Run:
    python -m cProfile -s cumulative 02_profiling/julia1_nopil.py
    python -m cProfile -o profile.stats 02_profiling/julia1_nopil.py
    python 02_profiling/print_pstats.py --stats profile.stats
    python 02_profiling/print_pstats.py --width 200          # profile, save and print
    snakeviz profile.stats                                    # the same profile in a browser
"""

# taught: python -m cProfile -o profile.stats, in code: the stats saved, then loaded with pstats
import cProfile
import pstats

import julia1_nopil


def profile_julia(width, max_iterations, path):
    """Profile the book's driver with cProfile, save the stats to ``path`` and load them."""
    namespace = {"calc_pure_python": julia1_nopil.calc_pure_python}
    cProfile.runctx(f"calc_pure_python({width}, {max_iterations})", namespace, namespace, filename=str(path))
    return pstats.Stats(str(path))


# taught: end


# book: 3rd ed., "Using the cProfile Module" (pstats)
def show(stats, limit):
    stats.sort_stats(pstats.SortKey.CUMULATIVE)
    stats.print_stats(limit)
    stats.print_callers(limit)
    stats.print_callees(limit)


# book: end


def main(argv=None):
    from _profiling_tools import run_print_pstats

    run_print_pstats(__doc__, profile_julia, show, argv)


if __name__ == "__main__":
    main()
