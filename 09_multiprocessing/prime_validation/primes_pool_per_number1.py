"""Check one big number with a Pool: every worker tests a slice of the candidate factors.

Chapter 9, "Verifying Primes Using Interprocess Communication" / "Naive Pool
Solution": [3, sqrt(n)] is cut into one slice of odd numbers per worker
(``create_range.create``); n is prime if no slice holds a factor. Primes get
the full speedup (the book: 8.3 s serially, 1.05 s with 8 processes). A
non-prime waits for the slowest worker even after another has found a factor:
there is no way yet to say "stop".

Run:
    python primes_pool_per_number1.py --workers 4
    python primes_pool_per_number1.py --scale small --start-method spawn
"""

# book: 2nd ed. code, "primes_pool_per_number1.py"
import math

import create_range


def check_prime_in_range(n_from_i_to_i):
    """``(n, (from_i, to_i))`` -> False if an odd number in [from_i, to_i) divides n."""
    (n, (from_i, to_i)) = n_from_i_to_i
    if n % 2 == 0:
        return False
    assert from_i % 2 != 0
    for i in range(from_i, int(to_i), 2):
        if n % i == 0:
            return False
    return True


def check_prime(n, pool, nbr_processes):
    from _prime_validation_common import is_prime_serially

    if n < 9:  # no odd factor to split over the workers
        return is_prime_serially(n)
    from_i = 3
    to_i = math.isqrt(n) + 1
    ranges_to_check = create_range.create(from_i, to_i, nbr_processes)
    ranges_to_check = list(zip(len(ranges_to_check) * [n], ranges_to_check))
    results = pool.map(check_prime_in_range, ranges_to_check)
    if False in results:
        return False
    return True


# book: end


def main(argv=None):
    from _prime_validation_common import run_validator

    run_validator(__doc__, check_prime, argv)


if __name__ == "__main__":
    main()
