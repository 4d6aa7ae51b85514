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


def odd_candidates(start, stop):
    """The numbers of [start, stop) that can be prime: the odd ones, and 2 when it is there."""
    first_odd = start if start % 2 else start + 1
    candidates = range(first_odd, stop, 2)
    return [2, *candidates] if start <= 2 < stop else candidates


def main(argv=None):
    from _prime_generation_common import add_range_arguments, add_start_method_argument, chosen_range, report

    from hpp.script import example_parser, positive_int

    parser = example_parser(__doc__)
    add_range_arguments(parser)
    parser.add_argument(
        "nbr_workers",
        nargs="?",
        type=positive_int,
        default=None,
        help="worker processes (the book's argument)",
    )
    parser.add_argument(
        "--workers", type=positive_int, default=4, help="worker processes when nbr_workers is not given"
    )
    parser.add_argument(
        "--queue",
        choices=("manager", "multiprocessing"),
        default="manager",
        help="Manager().Queue() as in the book, or multiprocessing.Queue",
    )
    add_start_method_argument(parser)
    args = parser.parse_args(argv)
    start, stop, expected = chosen_range(args)
    candidates = odd_candidates(start, stop)
    t0 = time.perf_counter()
    primes = find_primes(candidates, args.nbr_workers or args.workers, args.queue, args.start_method)
    print(f"candidates queued = {len(candidates)} of {stop - start}")
    report(primes, start, stop, expected, time.perf_counter() - t0)


if __name__ == "__main__":
    main()
