"""Every prime validator on the book's five numbers: the figure, measured here beside the book's.

Chapter 9, "Verifying Primes Using Interprocess Communication" (the 3rd
edition's ``plot_prime_validation_times.py``, which drew hard-coded timings):
the serial check, the Pool without a flag (``primes_pool_per_number2``) and the
Pools that share an early-exit flag (``Manager().Value``, ``RawValue``, an
``mmap`` byte, read every iteration or every ``CHECK_EVERY``), each timed on a
trivial non-prime, two non-primes with large factors and two primes (best of
``--repeat``), every answer checked. Without a flag a non-prime costs its
workers as much as a prime; with one, the worker that finds the factor stops
the others. The book (3rd edition, 8 processes, seconds for non-prime 1, 2,
prime 1, 2): serial 2.5 / 4.5 / 8.3 / 8.3; Pool 1.07 / 1.05 / 1.05 / 1.06;
Manager 2.25 / 1.87 / 5.6 / 5.6; RawValue 0.63 / 0.50 / 1.55 / 1.55; mmap
0.61 / 0.52 / 1.57 / 1.57; mmap3 0.43 / 0.35 / 1.06 / 1.06. Writes
``prime_validation_times.csv`` and ``prime_validation_times.png``.

Run:
    python plot_prime_validation_times.py --scale small --workers 2
    python plot_prime_validation_times.py                   # the book's 18-digit numbers (minutes)
"""

# taught: 3rd ed., "Verifying Primes Using Interprocess Communication": a shared flag stops the others
import contextlib
import time


def time_validators(labels, numbers, workers=4, repeat=1, start_method=None):
    """Rows ``(variant, number label, n, best seconds, is prime)`` for every variant and number."""
    from _prime_validation_common import variant_check

    rows = []
    for label in labels:
        with contextlib.ExitStack() as stack:
            check = variant_check(label, workers, start_method, stack)
            for name, n in numbers.items():
                best = float("inf")
                for _ in range(repeat):
                    t0 = time.perf_counter()
                    answer = check(n)
                    best = min(best, time.perf_counter() - t0)
                rows.append((label, name, n, best, answer))
    return rows


# taught: end


# book: 3rd ed. code, "plot_prime_validation_times.py" (its timings, 8 processes, seconds)
BOOK_TIMES = {
    "serial": [0.000001, 2.5, 4.5, 8.3, 8.3],
    "pool": [0.000001, 1.07, 1.05, 1.05, 1.06],
    "manager": [0.000054, 2.25, 1.87, 5.6, 5.6],
    "rawvalue": [0.000001, 0.63, 0.50, 1.55, 1.55],
    "mmap": [0.000001, 0.61, 0.52, 1.57, 1.57],
    "mmap3": [0.000001, 0.43, 0.35, 1.06, 1.06],
}
# book: end


def main(argv=None):
    from _prime_validation_common import run_validation_times

    run_validation_times(__doc__, time_validators, BOOK_TIMES, argv)


if __name__ == "__main__":
    main()
