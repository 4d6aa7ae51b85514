"""The queue version of prime finding, sending only the odd candidates.

Chapter 9, "Queues of Work": half the candidates are even and cost nothing to
reject, but each still costs a round trip through the queues. Queuing only the
odd numbers halves the messages for the same primes (the range's even numbers
above 2 are never prime).

Run:
    python primes_queue_less_work.py 4 --range A
"""

import time

from primes_queue import find_primes

SMOKE_ARGS = ["--range", "A", "--workers", "2"]


# book: 2nd ed. code, "primes_queue_less_work.py"
def odd_candidates(start, stop):
    """The numbers of [start, stop) that can be prime: the odd ones, and 2 when it is there."""
    first_odd = start if start % 2 else start + 1
    candidates = range(first_odd, stop, 2)
    return [2, *candidates] if start <= 2 < stop else candidates


# book: end


def time_find_primes(start, stop, expected=None, nbr_workers=4, kind="manager", start_method=None):
    """Queue only the odd candidates of [start, stop), timed, and print the primes beside the book's count."""
    from _prime_generation_common import report

    candidates = odd_candidates(start, stop)
    t0 = time.perf_counter()
    primes = find_primes(candidates, nbr_workers, kind, start_method)
    print(f"candidates queued = {len(candidates)} of {stop - start}")
    report(primes, start, stop, expected, time.perf_counter() - t0)


def main(argv=None):
    from _prime_generation_common import chosen_range, queue_parser

    args = queue_parser(__doc__).parse_args(argv)
    time_find_primes(*chosen_range(args), args.nbr_workers or args.workers, args.queue, args.start_method)


if __name__ == "__main__":
    main()
