"""The command line and the report shared by the prime-validation examples (not what they teach)."""

import math
import time

from _prime_validation_workers import (BOOK_ANSWERS, BOOK_NUMBERS, SERIAL_CHECK_CUTOFF,
                                       SMALL_ANSWERS, SMALL_NUMBERS, check_prime)
from create_range import create
from hpp.script import positive_int

START_METHODS = ("fork", "spawn", "forkserver")
KNOWN = dict(zip(BOOK_NUMBERS, BOOK_ANSWERS)) | dict(zip(SMALL_NUMBERS, SMALL_ANSWERS))


def add_arguments(parser, workers=True):
    parser.add_argument("--numbers", type=positive_int, nargs="+", default=None,
                        help="numbers to check (default: the book's five, or the small five)")
    parser.add_argument("--size", choices=("book", "small"), default="book",
                        help="the book's five 18-digit numbers, or five of the same kinds "
                             "about 1e14 (100 times less work each)")
    if workers:
        parser.add_argument("--workers", type=positive_int, default=4, help="worker processes")
        parser.add_argument("--start-method", choices=START_METHODS, default=None,
                            help="how worker processes start (default: the platform's)")


def chosen_numbers(args):
    if args.numbers:
        return args.numbers
    return list(BOOK_NUMBERS if args.size == "book" else SMALL_NUMBERS)


def odd_ranges(n, nbr_ranges, from_i=3):
    """The slices of odd candidate factors [from_i, isqrt(n)] for ``nbr_ranges`` workers."""
    to_i = math.isqrt(n) + 1
    if to_i <= from_i:
        return []
    return create(from_i, to_i, nbr_ranges)


def trivial_answer(n, from_i=3):
    """True/False when n needs no parallel work (tiny, even, or below from_i**2), else None."""
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    if n < from_i * from_i:
        return check_prime(n)
    return None


def has_small_factor(n):
    """The serial pre-check: does an odd number below SERIAL_CHECK_CUTOFF divide n?"""
    for i in range(3, SERIAL_CHECK_CUTOFF, 2):
        if n % i == 0:
            return True
    return False


def run_numbers(check, numbers):
    """Check each number, print its answer and time; return the answers."""
    answers = []
    for n in numbers:
        t0 = time.perf_counter()
        is_prime = check(n)
        elapsed = time.perf_counter() - t0
        known = KNOWN.get(n)
        note = "" if known is None else ("  (right)" if known == is_prime else "  (WRONG)")
        print(f"{n} is prime: {is_prime}  ({elapsed:.4f} s){note}")
        answers.append(is_prime)
    return answers
