"""Early exit: the first worker to find a factor raises a flag held by a ``Manager``.

Chapter 9, "Using Manager.Value as a flag": a ``Manager().Value`` lives in a
server process; its proxy travels with each task. Every ``CHECK_EVERY`` (1000)
divisions a worker reads the flag and stops if it is set; the worker that finds
a factor sets it. Non-primes now finish early, but every read is a round trip to
the manager, so primes are slower than with no flag (the book: 5.6 s against
1.05 s for pool version 1).

Run:
    python 09_multiprocessing/prime_validation/primes_pool_per_number_manager.py --workers 4
"""

import multiprocessing

from _prime_validation_common import (add_arguments, chosen_numbers, has_small_factor, odd_ranges,
                                      run_numbers, trivial_answer)
from _prime_validation_workers import (FLAG_CLEAR, SERIAL_CHECK_CUTOFF,
                                       check_prime_in_range_manager)
from hpp.script import example_parser

SMOKE_ARGS = ["--size", "small", "--workers", "2"]


def check_prime(n, pool, nbr_processes, value):
    answer = trivial_answer(n, SERIAL_CHECK_CUTOFF)
    if answer is not None:
        return answer
    if has_small_factor(n):
        return False
    ranges_to_check = odd_ranges(n, nbr_processes, SERIAL_CHECK_CUTOFF)
    ranges_to_check = zip(len(ranges_to_check) * [n], ranges_to_check,
                          len(ranges_to_check) * [value])
    results = pool.map(check_prime_in_range_manager, ranges_to_check)
    value.value = FLAG_CLEAR  # ready for the next number
    return False not in results


def main(argv=None):
    parser = example_parser(__doc__)
    add_arguments(parser)
    args = parser.parse_args(argv)
    context = multiprocessing.get_context(args.start_method)
    with context.Manager() as manager, context.Pool(processes=args.workers) as pool:
        value = manager.Value(b"c", FLAG_CLEAR)
        run_numbers(lambda n: check_prime(n, pool, args.workers, value), chosen_numbers(args))


if __name__ == "__main__":
    main()
