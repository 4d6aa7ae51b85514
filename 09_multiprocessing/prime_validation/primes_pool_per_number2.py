"""The Pool version with a serial pre-check of the small factors first.

Chapter 9, "Verifying Primes Using Interprocess Communication": most non-primes
have a small factor (half are even, a third divisible by 3...). Trying the odd
numbers below ``SERIAL_CHECK_CUTOFF`` (21) in the parent answers them at once,
without starting any parallel work; only the rest go to the Pool, from 21 up.

Run:
    python 09_multiprocessing/prime_validation/primes_pool_per_number2.py --workers 4
"""

import multiprocessing

from _prime_validation_common import (add_arguments, chosen_numbers, has_small_factor, odd_ranges,
                                      run_numbers, trivial_answer)
from _prime_validation_workers import SERIAL_CHECK_CUTOFF, check_prime_in_range
from hpp.script import example_parser

SMOKE_ARGS = ["--size", "small", "--workers", "2"]


def check_prime(n, pool, nbr_processes):
    answer = trivial_answer(n, SERIAL_CHECK_CUTOFF)
    if answer is not None:
        return answer
    if has_small_factor(n):
        return False
    ranges_to_check = odd_ranges(n, nbr_processes, SERIAL_CHECK_CUTOFF)
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
