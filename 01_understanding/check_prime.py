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
    python 01_understanding/check_prime.py                 # the book's two numbers and the 2**53 trap
    python 01_understanding/check_prime.py --candidate 97  # any number, both versions
"""

# book: 3rd ed., "Idealized Computing Versus the Python Virtual Machine"
import math

# book: end
import _environment  # noqa: F401 (run outside .venv: one line, exit 2, no traceback)

# book: 3rd ed., "Idealized Computing Versus the Python Virtual Machine"


def check_prime(number):
    """The book's version: float division, so only exact below 2**53."""
    sqrt_number = math.sqrt(number)
    for i in range(2, int(sqrt_number) + 1):  # noqa: SIM110 (the book's loop, as printed)
        if (number / i).is_integer():
            return False
    return True


def print_book_values():
    """The book's two calls, with the answers it prints."""
    print(f"check_prime(10,000,000) = {check_prime(10000000)}")
    # check_prime(10,000,000) = False
    print(f"check_prime(10,000,019) = {check_prime(10000019)}")
    # check_prime(10,000,019) = True


# book: end


# taught: the book's float test rounds numbers above 2**53; the same loop in integers is exact
FIRST_PRIME_ABOVE_2_POW_53 = 9_007_199_254_740_997


def check_prime_exact(number):
    """The same loop with integer arithmetic: exact for every integer."""
    if number < 2:
        return False
    for i in range(2, math.isqrt(number) + 1):  # noqa: SIM110 (the same loop as the book's)
        if number % i == 0:
            return False
    return True


# taught: end


def main(argv=None):
    from _check_prime_family import run_check_prime

    run_check_prime(__doc__, print_book_values, check_prime, check_prime_exact, argv)


if __name__ == "__main__":
    main()
