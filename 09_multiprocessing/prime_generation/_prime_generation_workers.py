"""Trial division and the queue worker of the prime-generation examples.

In a module of its own so that worker processes started with ``spawn`` or
``forkserver`` can import it (this folder is on their ``sys.path``).
"""

import math

# The book's ranges [start, stop) and how many primes each holds.
RANGES = {
    "A": (100_000_000, 100_010_000, 551),
    "B": (100_000_000, 100_100_000, 5_411),
    "C": (100_000_000, 101_000_000, 54_208),
    "D": (1_000_000_000, 1_000_100_000, 4_832),
    "E": (100_000_000_000, 100_000_100_000, 4_019),
}

FLAG_ALL_DONE = b"WORK_FINISHED"
FLAG_WORKER_FINISHED_PROCESSING = b"WORKER_FINISHED_PROCESSING"


def check_prime(n):
    """Trial division by odd numbers up to sqrt(n) (integer arithmetic: exact for any n)."""
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    for i in range(3, math.isqrt(n) + 1, 2):
        if n % i == 0:
            return False
    return True


def check_prime_worker(job_queue, results_queue):
    """Take candidates from ``job_queue`` until the poison pill; put the primes in ``results_queue``.

    Each worker answers the pill with ``FLAG_WORKER_FINISHED_PROCESSING``, so the
    parent knows when every result has arrived.
    """
    while True:
        candidate = job_queue.get()
        if candidate == FLAG_ALL_DONE:
            results_queue.put(FLAG_WORKER_FINISHED_PROCESSING)
            break
        if check_prime(candidate):
            results_queue.put(candidate)


START_METHODS = ("fork", "spawn", "forkserver")


def add_range_arguments(parser, default="C"):
    parser.add_argument("--range", choices=sorted(RANGES), default=default,
                        help="the book's ranges: A [1e8, 1e8+1e4), B [1e8, 1e8+1e5), "
                             "C [1e8, 1.01e8), D [1e9, 1e9+1e5), E [1e11, 1e11+1e5)")
    parser.add_argument("--start", type=int, default=None, help="first number (overrides --range)")
    parser.add_argument("--stop", type=int, default=None, help="end of the range, excluded")


def chosen_range(args):
    """``(start, stop, expected count or None)`` from the parsed flags."""
    from hpp.script import fail

    start, stop, expected = RANGES[args.range]
    if args.start is not None or args.stop is not None:
        start = args.start if args.start is not None else start
        stop = args.stop if args.stop is not None else stop
        expected = None
    if not 0 <= start < stop:
        fail(f"expected 0 <= --start < --stop, got {start} and {stop}")
    return start, stop, expected


def add_start_method_argument(parser):
    parser.add_argument("--start-method", choices=START_METHODS, default=None,
                        help="how worker processes start (default: the platform's)")


def report(primes, start, stop, expected, elapsed):
    print(f"range = [{start}, {stop})")
    print(f"primes found = {len(primes)}")
    if primes:
        print(f"first = {min(primes)}, last = {max(primes)}")
    if expected is not None:
        print(f"the book's count = {expected}")
    print(f"time = {elapsed:.2f} s")
