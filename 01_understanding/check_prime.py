"""Is a number prime? The book's trial division, and an exact version beside it.

Chapter 1 ("Understanding Performant Python") uses ``check_prime`` to talk
about what the computer does: a loop, a division, a comparison. The book's
version tests divisibility with float division, ``(number / i).is_integer()``.
That is fine for the book's numbers, but a float holds only 53 bits: above
2**53 the number itself is rounded before it is divided. Every odd number
above 2**53 rounds to an even float, so the float version calls the first
prime above 2**53, 9007199254740997, divisible by 2. ``check_prime_exact``
changes one thing, the test (integer ``%`` and ``math.isqrt``), and is right
for every integer.

Run:
    python 01_understanding/check_prime.py              # the book's two numbers and the 2**53 trap
    python 01_understanding/check_prime.py --number 97  # any number, both versions
"""

import math
import time

import _environment  # noqa: F401 (run outside .venv: one line, exit 2, no traceback)

from hpp.script import example_parser, positive_int

SMOKE_ARGS = ["--number", "10000019"]

BOOK_NUMBERS = (10_000_000, 10_000_019)
FIRST_PRIME_ABOVE_2_POW_53 = 9_007_199_254_740_997


# book: 3rd ed., "Idealized Computing Versus the Python Virtual Machine"
def check_prime(number):
    """The book's version: float division, so only exact below 2**53."""
    sqrt_number = math.sqrt(number)
    for i in range(2, int(sqrt_number) + 1):  # noqa: SIM110 (the book's loop, as printed)
        if (number / i).is_integer():
            return False
    return True


# book: end


def check_prime_exact(number):
    """The same loop with integer arithmetic: exact for every integer."""
    if number < 2:
        return False
    for i in range(2, math.isqrt(number) + 1):  # noqa: SIM110 (the same loop as the book's)
        if number % i == 0:
            return False
    return True


def show(function, number):
    start = time.perf_counter()
    answer = function(number)
    elapsed = time.perf_counter() - start
    print(f"{function.__name__}({number}) = {answer}    ({elapsed:.3f} s)")
    return answer


def compare_versions(number=None):
    """Both versions on ``number``; without one, the book's two numbers and the first prime above 2**53."""
    if number is not None:
        book_answer = show(check_prime, number)
        exact_answer = show(check_prime_exact, number)
        if book_answer != exact_answer:
            print(
                f"The two versions disagree: the book's loop is wrong for {number} "
                f"(as a float it is {float(number):.1f})."
            )
        return
    # book: 3rd ed., "Idealized Computing Versus the Python Virtual Machine" (continued)
    print(f"check_prime(10,000,000) = {check_prime(10000000)}")
    # check_prime(10,000,000) = False
    print(f"check_prime(10,000,019) = {check_prime(10000019)}")
    # check_prime(10,000,019) = True
    # book: end
    print()
    number = FIRST_PRIME_ABOVE_2_POW_53
    print(f"The first prime above 2**53 = {2**53} is {number}; as a float it becomes {float(number):.1f}.")
    show(check_prime, number)
    show(check_prime_exact, number)


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--number", type=positive_int, help="check this number with both versions instead")
    compare_versions(parser.parse_args(argv).number)


if __name__ == "__main__":
    main()
