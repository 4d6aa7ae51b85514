"""Early exit: the first worker to find a factor raises a flag held by a ``Manager``.

Chapter 9, "Using Manager.Value as a Flag": a ``Manager().Value`` lives in a
server process; its proxy travels with each task. Every ``CHECK_EVERY`` (1000)
divisions a worker reads the flag and stops if it is set; the worker that finds
a factor sets it. Non-primes now finish early, but every read is a round trip to
the manager, so primes are slower than with no flag (the book: 5.6 s against
1.05 s for the naive pool).

Run:
    python primes_pool_per_number_manager.py --workers 4
"""

# book: 2nd ed. code, "primes_pool_per_number_manager.py"
import math

import create_range

SERIAL_CHECK_CUTOFF = 21
CHECK_EVERY = 1000
FLAG_CLEAR = b"0"
FLAG_SET = b"1"


def check_prime_in_range(n_from_i_to_i):
    """``(n, (from_i, to_i), value)``: trial division, looking at the shared flag every CHECK_EVERY steps."""
    (n, (from_i, to_i), value) = n_from_i_to_i
    if n % 2 == 0:
        return False
    assert from_i % 2 != 0
    check_every = CHECK_EVERY
    for i in range(from_i, int(to_i), 2):
        check_every -= 1
        if not check_every:
            if value.value == FLAG_SET:
                return False
            check_every = CHECK_EVERY

        if n % i == 0:
            value.value = FLAG_SET
            return False
    return True


def check_prime(n, pool, nbr_processes, value):
    from _prime_validation_common import is_prime_serially

    if n < SERIAL_CHECK_CUTOFF**2:
        return is_prime_serially(n)
    # cheaply check high probability set of possible factors
    from_i = 3
    to_i = SERIAL_CHECK_CUTOFF
    value.value = FLAG_CLEAR
    if not check_prime_in_range((n, (from_i, to_i), value)):
        return False
    value.value = FLAG_CLEAR

    from_i = to_i
    to_i = math.isqrt(n) + 1
    ranges_to_check = create_range.create(from_i, to_i, nbr_processes)
    ranges_to_check = list(zip(len(ranges_to_check) * [n], ranges_to_check, len(ranges_to_check) * [value]))
    results = pool.map(check_prime_in_range, ranges_to_check)
    if False in results:
        return False
    return True


# book: end


def main(argv=None):
    from _prime_validation_common import run_validator

    run_validator(__doc__, check_prime, argv, flag="manager")


if __name__ == "__main__":
    main()
