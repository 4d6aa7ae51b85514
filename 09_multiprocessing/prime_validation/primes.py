"""Check the book's five numbers for primality serially: the baseline of prime validation.

Chapter 9, "Verifying Primes Using Interprocess Communication" / "Serial
Solution": trial division by every odd number up to sqrt(n). 112272535095295
is divisible by 5 and is rejected at once; 100109100129100369 and
100109100129101027 have no factor below 9.5e7 and 1.7e8; the primes
100109100129100151 and 100109100129162907 need all 1.6e8 odd divisions (the
book: 8.3 s each in the 3rd edition, 16.3 s in the 2nd; pure Python here may
take longer). ``--scale small`` checks five numbers of the same kinds around 1e14.

Run:
    python primes.py               # the book's five (a minute or more)
    python primes.py --scale small
"""

# book: 2nd ed. code, "prime_validation/primes.py"
import math


def check_prime(n):
    """True when ``n`` is prime: every odd factor up to sqrt(n) is tried (``isqrt``: exact)."""
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    from_i = 3
    to_i = math.isqrt(n) + 1
    for i in range(from_i, to_i, 2):
        if n % i == 0:
            return False
    return True


# book: end


def main(argv=None):
    from _prime_validation_common import run_serial

    run_serial(__doc__, check_prime, argv)


if __name__ == "__main__":
    main()
