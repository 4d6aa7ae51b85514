"""Check one big number with a Pool: every worker tests a slice of the candidate factors.

Chapter 9, "Verifying Primes Using Interprocess Communication" / "Serial
Solution" and the first pool version: [3, sqrt(n)] is cut into one slice of odd
numbers per worker (``create_range.create``); n is prime if no slice holds a
factor. Primes get the full speedup (the book: 8.3 s serially, 1.05 s with 8
processes). A non-prime waits for the slowest worker even after another has
found a factor: there is no way yet to say "stop".

Run:
    python 09_multiprocessing/prime_validation/primes_pool_per_number1.py --workers 4
    python 09_multiprocessing/prime_validation/primes_pool_per_number1.py --size small --start-method spawn
"""

import multiprocessing

from _prime_validation_common import add_arguments, chosen_numbers, odd_ranges, run_numbers, trivial_answer
from _prime_validation_workers import check_prime_in_range
from hpp.script import example_parser

SMOKE_ARGS = ["--size", "small", "--workers", "2"]


def check_prime(n, pool, nbr_processes):
    answer = trivial_answer(n)
    if answer is not None:
        return answer
    ranges_to_check = odd_ranges(n, nbr_processes)
    ranges_to_check = zip(len(ranges_to_check) * [n], ranges_to_check)
    results = pool.map(check_prime_in_range, ranges_to_check)
    return False not in results


def main(argv=None):
    parser = example_parser(__doc__)
    add_arguments(parser)
    args = parser.parse_args(argv)
    with multiprocessing.get_context(args.start_method).Pool(processes=args.workers) as pool:
        run_numbers(lambda n: check_prime(n, pool, args.workers), chosen_numbers(args))


if __name__ == "__main__":
    main()
