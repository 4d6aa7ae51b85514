"""The mmap flag, polled with a modulo of the loop counter instead of a countdown.

Chapter 9, "Using mmap as a flag" (the second version): the same shared byte as
``primes_pool_per_number_mmap.py``; only the bookkeeping of when to look at it
changes (``nbr_iterations % CHECK_EVERY`` on an ``enumerate`` counter), and its
cost shows in the timings.

Run:
    python 09_multiprocessing/prime_validation/primes_pool_per_number_mmap2.py --workers 4
"""

import multiprocessing

from _mmap_flag import mmap_flag
from _prime_validation_common import (add_arguments, chosen_numbers, has_small_factor, odd_ranges,
                                      run_numbers, trivial_answer)
from _prime_validation_workers import (FLAG_CLEAR, SERIAL_CHECK_CUTOFF,
                                       check_prime_in_range_mmap2, init_mmap)
from hpp.script import example_parser

SMOKE_ARGS = ["--size", "small", "--workers", "2"]


def check_prime(n, pool, nbr_processes, sh_mem):
    answer = trivial_answer(n, SERIAL_CHECK_CUTOFF)
    if answer is not None:
        return answer
    if has_small_factor(n):
        return False
    ranges_to_check = odd_ranges(n, nbr_processes, SERIAL_CHECK_CUTOFF)
    ranges_to_check = zip(len(ranges_to_check) * [n], ranges_to_check)
    results = pool.map(check_prime_in_range_mmap2, ranges_to_check)
    sh_mem[0] = FLAG_CLEAR[0]  # ready for the next number
    return False not in results


def main(argv=None):
    parser = example_parser(__doc__)
    add_arguments(parser)
    args = parser.parse_args(argv)
    context = multiprocessing.get_context(args.start_method)
    with mmap_flag() as (path, sh_mem), \
            context.Pool(processes=args.workers, initializer=init_mmap, initargs=(path,)) as pool:
        run_numbers(lambda n: check_prime(n, pool, args.workers, sh_mem), chosen_numbers(args))


if __name__ == "__main__":
    main()
