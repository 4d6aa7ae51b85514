"""Find the primes in a range with ``Pool.map`` and ``itertools.compress``.

Chapter 9, "Finding Prime Numbers": ``pool.map(check_prime, numbers,
chunksize)`` returns one True/False per number, in order; ``compress`` keeps
the primes. The chunksize sets how many numbers travel to a worker per message:
too small and the messaging dominates, too large and one slow chunk leaves the
other workers idle (see ``primes_pool_plot_chunksizetimes.py``). Primes cost far
more than non-primes, so ``--shuffle`` spreads them evenly over the chunks.

Run:
    python 09_multiprocessing/prime_generation/primes_pool.py --workers 4
    python 09_multiprocessing/prime_generation/primes_pool.py --range B --chunksize 10 --shuffle
"""

import itertools
import multiprocessing
import random
import time

from _prime_generation_workers import (add_range_arguments, add_start_method_argument, check_prime,
                                       chosen_range, report)
from hpp.script import example_parser, positive_int

SMOKE_ARGS = ["--range", "A", "--workers", "2"]


def find_primes(numbers, nbr_workers, chunksize=None, start_method=None):
    """The primes among ``numbers`` (in their order), checked by a Pool of ``nbr_workers``."""
    with multiprocessing.get_context(start_method).Pool(processes=nbr_workers) as pool:
        are_primes = pool.map(check_prime, numbers, chunksize=chunksize)
    return list(itertools.compress(numbers, are_primes))


def main(argv=None):
    parser = example_parser(__doc__)
    add_range_arguments(parser)
    parser.add_argument("--workers", type=positive_int, default=4, help="worker processes")
    parser.add_argument("--chunksize", type=positive_int, default=None,
                        help="numbers per task (default: Pool.map's own choice)")
    parser.add_argument("--shuffle", action="store_true", help="shuffle the numbers first")
    add_start_method_argument(parser)
    args = parser.parse_args(argv)
    start, stop, expected = chosen_range(args)

    numbers = list(range(start, stop))
    if args.shuffle:
        random.Random(0).shuffle(numbers)
    t0 = time.perf_counter()
    primes = find_primes(numbers, args.workers, args.chunksize, args.start_method)
    report(primes, start, stop, expected, time.perf_counter() - t0)


if __name__ == "__main__":
    main()
