"""Find the primes in a range serially: the baseline for the pool and queue versions.

Chapter 9, "Finding Prime Numbers": trial division by odd numbers of every
number in the range. The book's range C, [100,000,000, 101,000,000), holds
54,208 primes (the book: 16-24 s serially); range A, the first 10,000 of it, 551.

Run:
    python 09_multiprocessing/prime_generation/primes.py              # range C
    python 09_multiprocessing/prime_generation/primes.py --range A
"""

import time

from _prime_generation_workers import add_range_arguments, check_prime, chosen_range, report
from hpp.script import example_parser

SMOKE_ARGS = ["--range", "A"]


def find_primes(start, stop):
    return [n for n in range(start, stop) if check_prime(n)]


def main(argv=None):
    parser = example_parser(__doc__)
    add_range_arguments(parser)
    args = parser.parse_args(argv)
    start, stop, expected = chosen_range(args)
    t0 = time.perf_counter()
    primes = find_primes(start, stop)
    report(primes, start, stop, expected, time.perf_counter() - t0)


if __name__ == "__main__":
    main()
