"""The Pool version with a serial pre-check: most non-primes have a small factor.

Chapter 9, "A Less Naive Pool Solution": before splitting the work, the parent
tries the factors below ``SERIAL_CHECK_CUTOFF`` (21) itself. Most non-primes
are divisible by 3, 5, 7, ... and are rejected without sending any work to the
Pool: the trivial non-prime costs microseconds instead of a round of
messages.

Run:
    python primes_pool_per_number2.py --workers 4
"""

# book: 2nd ed. code, "primes_pool_per_number2.py"
import math

import create_range

SERIAL_CHECK_CUTOFF = 21


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

    if n < SERIAL_CHECK_CUTOFF**2:  # too small to split: its factors are all below the cut-off
        return is_prime_serially(n)
    # cheaply check high probability set of possible factors
    from_i = 3
    to_i = SERIAL_CHECK_CUTOFF
    if not check_prime_in_range((n, (from_i, to_i))):
        return False

    from_i = to_i
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
