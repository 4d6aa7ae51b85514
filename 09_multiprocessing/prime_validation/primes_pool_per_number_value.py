"""Early exit with the flag in a ``RawValue``: one byte of shared memory, no lock, no server.

Chapter 9, "Using RawValue as a Flag": reading a ``multiprocessing.RawValue``
is a memory read, so polling it every ``CHECK_EVERY`` divisions costs almost
nothing (the book: 1.55 s for a prime against 5.6 s with the Manager). The
book keeps the ``RawValue`` in a module global that forked children inherit; a
spawned child would get a fresh ``None``. Here the Pool's initializer
(``init_worker``) hands the same shared value to every worker, and the parent
calls it too, so every start method works.

Run:
    python primes_pool_per_number_value.py --workers 4
"""

# book: 2nd ed. code, "primes_pool_per_number_value.py"
import math

import create_range

SERIAL_CHECK_CUTOFF = 21
CHECK_EVERY = 1000
FLAG_CLEAR = 0
FLAG_SET = 1

value = None  # the shared flag, a RawValue("b"): set by init_worker in every process


def init_worker(shared_value):
    """Pool initializer (and the parent's own call): keep the shared flag as ``value``."""
    global value
    value = shared_value


def check_prime_in_range(n_from_i_to_i):
    """``(n, (from_i, to_i))``: trial division that reads the shared flag every CHECK_EVERY steps."""
    (n, (from_i, to_i)) = n_from_i_to_i
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


def check_prime(n, pool, nbr_processes):
    from _prime_validation_common import is_prime_serially

    if n < SERIAL_CHECK_CUTOFF**2:
        return is_prime_serially(n)
    # cheaply check high probability set of possible factors
    from_i = 3
    to_i = SERIAL_CHECK_CUTOFF
    value.value = FLAG_CLEAR
    if not check_prime_in_range((n, (from_i, to_i))):
        return False
    value.value = FLAG_CLEAR

    from_i = to_i
    to_i = math.isqrt(n) + 1
    ranges_to_check = create_range.create(from_i, to_i, nbr_processes)
    ranges_to_check = list(zip(len(ranges_to_check) * [n], ranges_to_check))
    results = pool.map(check_prime_in_range, ranges_to_check)
    if False in results:
        return False
    return True


def make_pool(nbr_processes, start_method=None):
    """A Pool whose workers share one flag with this process (which gets it too)."""
    import multiprocessing

    context = multiprocessing.get_context(start_method)
    shared_value = context.RawValue("b", FLAG_CLEAR)
    init_worker(shared_value)
    return context.Pool(processes=nbr_processes, initializer=init_worker, initargs=(shared_value,))


# book: end


def main(argv=None):
    from _prime_validation_common import run_validator

    run_validator(__doc__, check_prime, argv, make_pool)


if __name__ == "__main__":
    main()
