"""The book's ranges, their flags and the report of the prime-generation examples (not what they teach).

The trial division (``check_prime``) and the queue worker are in the scripts
the book names: ``primes.py``, ``primes_pool.py``, ``primes_queue.py``.
"""

from hpp.script import START_METHODS, example_parser, fail, non_negative_int, positive_int

# The book's ranges [start, stop) and how many primes each holds.
RANGES = {
    "A": (100_000_000, 100_010_000, 551),
    "B": (100_000_000, 100_100_000, 5_411),
    "C": (100_000_000, 101_000_000, 54_208),
    "D": (1_000_000_000, 1_000_100_000, 4_832),
    "E": (100_000_000_000, 100_000_100_000, 4_019),
}


def add_range_arguments(parser, default="C"):
    parser.add_argument(
        "--range",
        choices=sorted(RANGES),
        default=default,
        help="the book's ranges: A [1e8, 1e8+1e4), B [1e8, 1e8+1e5), "
        "C [1e8, 1.01e8), D [1e9, 1e9+1e5), E [1e11, 1e11+1e5)",
    )
    parser.add_argument("--start", type=non_negative_int, help="first number (overrides --range)")
    parser.add_argument("--stop", type=non_negative_int, help="end of the range, excluded")


def range_parser(doc, default="C", start_method=False):
    """The example's parser with the range flags every prime finder takes (and ``--start-method``)."""
    parser = example_parser(doc)
    add_range_arguments(parser, default)
    if start_method:
        add_start_method_argument(parser)
    return parser


def queue_parser(doc):
    """The parser of the queue scripts: the range, the workers, ``--queue`` and ``--start-method``."""
    parser = range_parser(doc, start_method=True)
    add_queue_arguments(parser)
    return parser


def add_pool_arguments(parser):
    """The Pool scripts' ``--workers`` and ``--shuffle``."""
    parser.add_argument("--workers", type=positive_int, default=4, help="Pool size (the book: 8)")
    parser.add_argument("--shuffle", action="store_true", help="shuffle the numbers first")


def add_chunk_arguments(parser):
    """``--workers`` and ``--chunksize``: the numbers travel to the workers in chunks."""
    parser.add_argument("--workers", type=positive_int, default=4, help="worker processes or threads")
    parser.add_argument("--chunksize", type=positive_int, default=1000, help="numbers per message")


def add_executor_arguments(parser):
    """The futures script's ``--workers``, ``--chunksize`` and ``--processes`` / ``--threads``."""
    add_chunk_arguments(parser)
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument(
        "--processes", action="store_true", default=True, help="a ProcessPoolExecutor (default)"
    )
    kind.add_argument(
        "--threads", dest="processes", action="store_false", help="a ThreadPoolExecutor (default: processes)"
    )


def add_queue_arguments(parser):
    """The queue scripts' workers (the book's ``nbr_workers`` or ``--workers``) and ``--queue``."""
    parser.add_argument("nbr_workers", nargs="?", type=positive_int, help="worker processes (the book's)")
    parser.add_argument(
        "--workers", type=positive_int, default=4, help="workers when nbr_workers is not given"
    )
    parser.add_argument(
        "--queue",
        choices=("manager", "multiprocessing"),
        default="manager",
        help="Manager().Queue() as in the book",
    )


def chosen_range(args):
    """``(start, stop, expected count or None)`` from the parsed flags."""
    start, stop, expected = RANGES[args.range]
    if args.start is not None or args.stop is not None:
        start = args.start if args.start is not None else start
        stop = args.stop if args.stop is not None else stop
        expected = None
    if not start < stop:
        fail(f"expected --start < --stop, got {start} and {stop}")
    return start, stop, expected


def add_start_method_argument(parser):
    parser.add_argument(
        "--start-method", choices=START_METHODS, help="how workers start (default: the platform's)"
    )


def report(primes, start, stop, expected, elapsed):
    print(f"range = [{start}, {stop})")
    print(f"primes found = {len(primes)}")
    if primes:
        print(f"first = {min(primes)}, last = {max(primes)}")
    if expected is not None:
        print(f"the book's count = {expected}")
    print(f"time = {elapsed:.2f} s")
