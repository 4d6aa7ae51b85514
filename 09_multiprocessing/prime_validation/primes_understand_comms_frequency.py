"""How often should a worker look at the shared flag? Count the looks, time the answers.

Chapter 9, "Verifying Primes Using Interprocess Communication" (the
communication-frequency discussion): a worker that reads the flag often stops
soon after another finds a factor, but every read costs time, and for a prime
(where nobody ever sets the flag) that cost buys nothing. This sweeps the
polling interval (the ``CHECK_EVERY`` of the other examples, 1000) with the
``RawValue`` flag and prints, for each number, the flag reads and the time.
(The official script is Python 2 and no longer runs.)

Run:
    python 09_multiprocessing/prime_validation/primes_understand_comms_frequency.py --workers 4 --size small
"""

import multiprocessing
import time

from _prime_validation_common import (add_arguments, chosen_numbers, has_small_factor, odd_ranges,
                                      trivial_answer)
from _prime_validation_workers import (FLAG_CLEAR, SERIAL_CHECK_CUTOFF,
                                       check_prime_in_range_counting, init_value)
from hpp.script import example_parser, positive_int

SMOKE_ARGS = ["--numbers", "1000000432799", "1000000000039", "--workers", "2",
              "--check-every", "100", "10000"]


def check_prime(n, pool, nbr_processes, value, check_every):
    """``(is prime, flag reads by all workers)``."""
    answer = trivial_answer(n, SERIAL_CHECK_CUTOFF)
    if answer is not None:
        return answer, 0
    if has_small_factor(n):
        return False, 0
    ranges_to_check = odd_ranges(n, nbr_processes, SERIAL_CHECK_CUTOFF)
    jobs = [(n, r, check_every) for r in ranges_to_check]
    results = pool.map(check_prime_in_range_counting, jobs)
    value.value = FLAG_CLEAR[0]
    return all(found for found, _ in results), sum(polls for _, polls in results)


def main(argv=None):
    parser = example_parser(__doc__)
    add_arguments(parser)
    parser.add_argument("--check-every", type=positive_int, nargs="+",
                        default=[10, 100, 1000, 10000, 100000],
                        help="polling intervals to try (trial divisions between flag reads)")
    args = parser.parse_args(argv)
    numbers = chosen_numbers(args)
    context = multiprocessing.get_context(args.start_method)
    value = context.RawValue("b", FLAG_CLEAR[0])
    with context.Pool(processes=args.workers, initializer=init_value, initargs=(value,)) as pool:
        for n in numbers:
            for check_every in args.check_every:
                t0 = time.perf_counter()
                is_prime, polls = check_prime(n, pool, args.workers, value, check_every)
                elapsed = time.perf_counter() - t0
                print(f"{n} is prime: {is_prime}  check every {check_every:>6}: "
                      f"{polls:>9} flag reads, {elapsed:.4f} s")


if __name__ == "__main__":
    main()
