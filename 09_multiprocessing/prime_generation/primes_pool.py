"""Find the primes in a range with ``Pool.map`` and ``itertools.compress``.

Chapter 9, "Finding Prime Numbers": ``pool.map(check_prime, number_range,
chunksize)`` returns one True/False per number, in order; ``compress`` keeps
the primes. The chunksize sets how many numbers travel to a worker per message:
too small and the messaging dominates, too large and one slow chunk leaves the
other workers idle (see ``primes_pool_plot_chunksizetimes.py``). Primes cost far
more than non-primes, so ``--shuffle`` spreads them evenly over the chunks.
``check_prime`` is defined here, so spawned workers import it from this file.

Run:
    python primes_pool.py --workers 4
    python primes_pool.py --range B --chunksize 10 --shuffle
"""

# book: 2nd ed. code, "primes_pool.py"
import itertools
import math


def check_prime(n):
    """True when ``n`` is prime: trial division by the odd numbers up to sqrt(n) (exact)."""
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    for i in range(3, math.isqrt(n) + 1, 2):
        if n % i == 0:
            return False
    return True


def find_primes(number_range, nbr_processes, chunksize=None, start_method=None):
    """The primes among ``number_range`` (in its order), checked by a Pool of ``nbr_processes``."""
    import multiprocessing

    number_range = list(number_range)
    with multiprocessing.get_context(start_method).Pool(processes=nbr_processes) as pool:
        are_primes = pool.map(check_prime, number_range, chunksize=chunksize)
    return list(itertools.compress(number_range, are_primes))


# book: end


def main(argv=None):
    from _prime_generation_common import run_finder

    run_finder(__doc__, find_primes, argv, shuffle=True)


if __name__ == "__main__":
    main()
