"""How often should a worker look at the shared flag? Count the looks, time the answers.

Chapter 9, "Verifying Primes Using Interprocess Communication" (the
communication-frequency discussion): a worker that reads the flag often stops
soon after another finds a factor, but every read costs time, and for a prime
(where nobody ever sets the flag) that cost buys nothing. This sweeps the
polling interval (the ``CHECK_EVERY`` of the other examples, 1000) with the
``RawValue`` flag and prints, for each number, the flag reads and the time.
(The official script is Python 2 and no longer runs.)

Run:
    python primes_understand_comms_frequency.py --workers 4 --scale small
"""

# book: 2nd ed. code, "primes_understand_comms_frequency.py"
import math
import time

import create_range

SERIAL_CHECK_CUTOFF = 21
FLAG_CLEAR = 0
FLAG_SET = 1

value = None  # the shared flag, a RawValue("b"): set by init_worker in every process


def init_worker(shared_value):
    """Pool initializer (and the parent's own call): keep the shared flag as ``value``."""
    global value
    value = shared_value


def check_prime_in_range(n_from_i_to_i_check_every):
    """``(n, (from_i, to_i), check_every)`` -> ``(no factor found, flag reads)``.

    The RawValue checker with the polling interval as a parameter, counting its
    looks at the flag.
    """
    (n, (from_i, to_i), check_every_n) = n_from_i_to_i_check_every
    if n % 2 == 0:
        return False, 0
    assert from_i % 2 != 0
    nbr_polls = 0
    check_every = check_every_n
    for i in range(from_i, int(to_i), 2):
        check_every -= 1
        if not check_every:
            nbr_polls += 1
            if value.value == FLAG_SET:
                return False, nbr_polls
            check_every = check_every_n
        if n % i == 0:
            value.value = FLAG_SET
            return False, nbr_polls
    return True, nbr_polls


def check_prime(n, pool, nbr_processes, check_every):
    """``(is prime, flag reads by all workers)``."""
    from _prime_validation_common import is_prime_serially

    if n < SERIAL_CHECK_CUTOFF**2:
        return is_prime_serially(n), 0
    if not check_prime_in_range((n, (3, SERIAL_CHECK_CUTOFF), check_every))[0]:
        return False, 0
    value.value = FLAG_CLEAR
    ranges_to_check = create_range.create(SERIAL_CHECK_CUTOFF, math.isqrt(n) + 1, nbr_processes)
    jobs = [(n, r, check_every) for r in ranges_to_check]
    results = pool.map(check_prime_in_range, jobs)
    return all(found for found, _ in results), sum(polls for _, polls in results)


def make_pool(nbr_processes, start_method=None):
    """A Pool whose workers share one flag with this process."""
    import multiprocessing

    context = multiprocessing.get_context(start_method)
    shared_value = context.RawValue("b", FLAG_CLEAR)
    init_worker(shared_value)
    return context.Pool(processes=nbr_processes, initializer=init_worker, initargs=(shared_value,))


def time_the_polls(
    numbers, nbr_workers=4, check_every_values=(10, 100, 1000, 10000, 100000), start_method=None
):
    """Check each of ``numbers`` at each polling interval; print the answer, the flag reads and the time."""
    with make_pool(nbr_workers, start_method) as pool:
        for n in numbers:
            for check_every in check_every_values:
                t0 = time.perf_counter()
                is_prime, polls = check_prime(n, pool, nbr_workers, check_every)
                elapsed = time.perf_counter() - t0
                print(
                    f"{n} is prime: {is_prime}  check every {check_every:>6}: "
                    f"{polls:>9} flag reads, {elapsed:.4f} s"
                )


# book: end


def main(argv=None):
    from _prime_validation_common import run_poll_timings

    run_poll_timings(__doc__, time_the_polls, argv)


if __name__ == "__main__":
    main()
