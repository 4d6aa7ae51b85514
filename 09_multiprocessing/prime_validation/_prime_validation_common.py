"""What the prime-validation examples share and the book does not teach.

The book's numbers and labels, the command line, the report in the book's
format, the one-byte flag file of the mmap examples and a throw-away Redis.
The range checkers and ``check_prime`` of each variant are in its own script.
"""

import argparse
import contextlib
import math
import os
import tempfile
import time

from hpp.script import START_METHODS, example_parser, fail, positive_int

# The book's five numbers: a trivial non-prime, two 18-digit non-primes with large
# factors, two 18-digit primes (sqrt about 3.16e8: seconds of trial division each).
BOOK_NUMBERS = {
    "trivial non-prime": 112272535095295,
    "expensive non-prime18_1": 100109100129100369,
    "expensive non-prime18_2": 100109100129101027,
    "prime18_1": 100109100129100151,
    "prime18_2": 100109100129162907,
}
# Five numbers of the same kinds about 1e14 (sqrt about 1e7, 100 times less work):
# 3000017 x 33333161, 5400001 x 18518531, and the primes 100000000000031, 400000000000063.
SMALL_NUMBERS = {
    "trivial non-prime": 112272535095295,
    "expensive non-prime14_1": 100000049663737,
    "expensive non-prime14_2": 100000085918531,
    "prime14_1": 100000000000031,
    "prime14_2": 400000000000063,
}
KNOWN = {
    112272535095295: False,
    100109100129100369: False,
    100109100129101027: False,
    100109100129100151: True,
    100109100129162907: True,
    100000049663737: False,
    100000085918531: False,
    100000000000031: True,
    400000000000063: True,
}


def is_prime_serially(n):
    """Plain trial division, for numbers too small to be worth splitting over workers."""
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    return all(n % i for i in range(3, math.isqrt(n) + 1, 2))


def add_arguments(parser, workers=True):
    parser.add_argument(
        "--numbers",
        type=positive_int,
        nargs="+",
        help="numbers to check (default: the book's five, or the small five)",
    )
    parser.add_argument(
        "--size",
        choices=("book", "small"),
        default="book",
        help="the book's five 18-digit numbers, or five of the same kinds "
        "about 1e14 (100 times less work each)",
    )
    parser.add_argument(
        "--repeat", type=positive_int, default=1, help="timings per number, best kept (the book: 20)"
    )
    if workers:
        parser.add_argument(
            "--workers",
            type=positive_int,
            default=4,
            help="worker processes (the book: 4, 8 in the 3rd edition)",
        )
        parser.add_argument(
            "--start-method", choices=START_METHODS, help="how workers start (default: the platform's)"
        )


def validation_parser(doc, workers=True):
    """The example's parser with the numbers, ``--repeat`` and (with ``workers``) the pool flags."""
    parser = example_parser(doc)
    add_arguments(parser, workers)
    return parser


def chosen_numbers(args):
    """``{label: number}``, in the book's order."""
    if args.numbers:
        return {f"n{i}": n for i, n in enumerate(args.numbers, start=1)}
    return dict(BOOK_NUMBERS if args.size == "book" else SMALL_NUMBERS)


def run_numbers(check, numbers, repeat=1):
    """Check each number; print the book's line (label, number, best time) and ours; return the answers."""
    answers = []
    for label, n in numbers.items():
        best = math.inf
        for _ in range(repeat):
            t0 = time.perf_counter()
            is_prime = check(n)
            best = min(best, time.perf_counter() - t0)
        print(f"{label:19} ({n}) {best: 3.6f}s")
        known = KNOWN.get(n)
        note = "" if known is None else ("  (right)" if known == is_prime else "  (WRONG)")
        print(f"{n} is prime: {is_prime}{note}")
        answers.append(is_prime)
    return answers


@contextlib.contextmanager
def flag_file(clear=b"\x00"):
    """The path of a temporary one-byte file holding ``clear``: the mmap examples' shared flag."""
    handle, path = tempfile.mkstemp(prefix="prime_flag_", suffix=".bin")
    try:
        os.write(handle, clear)
        os.close(handle)
        yield path
    finally:
        os.unlink(path)


def redis_url(text):
    """argparse type: a ``redis://`` URL where a Redis server answers PING."""
    if not text.startswith(("redis://", "rediss://", "unix://")):
        raise argparse.ArgumentTypeError(f"expected redis://HOST:PORT/DB, got {text!r}")
    try:
        import redis

        client = redis.Redis.from_url(text, socket_timeout=3, socket_connect_timeout=3)
        try:
            client.ping()
        finally:
            client.close()
    except ImportError:
        raise argparse.ArgumentTypeError("needs redis-py: pip install -e '.[multiprocessing]'") from None
    except Exception as error:  # redis.RedisError, ValueError for a malformed URL
        raise argparse.ArgumentTypeError(f"cannot reach Redis at {text}: {error}") from None
    return text


@contextlib.contextmanager
def redis_url_or_own_server(url):
    """Yield ``url``, or the URL of a throw-away local redis-server when url is None."""
    from hpp.service import ServiceError, redis_server

    if url is not None:
        yield url
        return
    try:
        with redis_server() as service:
            yield f"redis://{service.host}:{service.port}/0"
    except ServiceError as error:
        fail(f"cannot start a local redis-server: {error}")
