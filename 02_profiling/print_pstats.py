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

import argparse
import cProfile
import pstats

import julia1_nopil

from hpp.julia import add_julia_arguments
from hpp.script import add_output_dir_argument, example_parser, existing_file, output_dir, positive_int

SMOKE_ARGS = ["--width", "50"]


# taught: python -m cProfile -o profile.stats, in code: the stats saved, then loaded with pstats
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


def print_profile(stats=None, width=1000, max_iterations=300, limit=None, folder=None):
    """Print the listings of ``stats`` (or of a new profile of the Julia set, saved in ``folder``)."""
    if stats is None:
        path = folder / "profile.stats"
        stats = profile_julia(width, max_iterations, path)
        print(f"profile saved to {path}")
    show(stats, limit)
    print(f"function calls = {stats.total_calls}")
    return stats


def _saved_profile(text):
    """argparse type: a file saved by ``python -m cProfile -o FILE``, loaded as ``pstats.Stats``."""
    path = existing_file(text)
    try:
        return pstats.Stats(str(path))
    except Exception as error:  # a file that is not a cProfile dump
        raise argparse.ArgumentTypeError(f"{path} is not a profile saved by cProfile: {error}") from None


def main(argv=None):
    parser = add_julia_arguments(example_parser(__doc__))
    parser.add_argument("--stats", type=_saved_profile, help="a file saved by `python -m cProfile -o FILE`")
    parser.add_argument("--limit", type=positive_int, help="print the first LIMIT functions of each listing")
    add_output_dir_argument(parser, "02_profiling", "profile.stats")
    args = parser.parse_args(argv)
    folder = None if args.stats is not None else output_dir("02_profiling", args.output_dir)
    print_profile(args.stats, args.width, args.max_iterations, args.limit, folder)


if __name__ == "__main__":
    main()
