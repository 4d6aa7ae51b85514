"""Which factor rejects a non-prime? Count the smallest factor of every non-prime below 10**7.

Chapter 9, "Verifying Primes Using Interprocess Communication" (the figure of
how often each smallest factor occurs, behind "Serial Pre-check"): a Pool maps
``check_prime`` over range(3, stop) and a ``Counter`` tallies the smallest
factors of the non-primes. Half the numbers are even, a third are divisible by 3, and so on: the
book's counts below 10**7 are 2: 4,999,998, 3: 1,666,666, 5: 666,666,
7: 380,952, 11: 207,791, with 446 distinct smallest factors among 9,335,419
non-primes. So trying the few smallest factors serially rejects most
non-primes before any work is sent to other processes. Writes
``primes_validation_count_of_factors.png`` (log-scale bars).

Run:
    python create_count_of_factors_for_nonprimes.py                   # the book's 10**7 (minutes)
    python create_count_of_factors_for_nonprimes.py --stop 1000000 --workers 2
"""

# book: 3rd ed. code, "create_count_of_factors_for_nonprimes.py"
import collections
import math


def check_prime(n):
    """``(is_prime, smallest factor)`` for ``n`` >= 2: ``(True, None)`` or ``(False, factor)``.

    Integer square root (the official ``int(math.sqrt(n))`` can be off above 2**52),
    2 counted as prime, and no progress print every 100,000 numbers.
    """
    if n % 2 == 0:
        return (True, None) if n == 2 else (False, 2)
    for i in range(3, math.isqrt(n) + 1, 2):
        if n % i == 0:
            return False, i
    return True, None


# book: end


# book: 3rd ed. code, "create_count_of_factors_for_nonprimes.py" (continued)
def count_smallest_factors(upper, nbr_processes=4, start_method=None, chunksize=10_000):
    """``Counter({smallest factor: how many non-primes in [3, upper) have it})``."""
    import multiprocessing

    with multiprocessing.get_context(start_method).Pool(processes=nbr_processes) as pool:
        are_primes = pool.imap(check_prime, range(3, upper), chunksize=chunksize)
        return collections.Counter(factor for is_prime, factor in are_primes if not is_prime)


def plot(counts, upper, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    top = sorted(counts.items(), key=lambda item: -item[1])[:30]
    fig, ax = plt.subplots(figsize=(8, 8))
    ax.barh([str(f) for f, _ in reversed(top)], [c for _, c in reversed(top)])
    ax.set_xscale("log")
    ax.set_xlabel("non-primes with this smallest factor (log scale)")
    ax.set_ylabel("smallest factor")
    ax.set_title(f"Smallest factors of the {sum(counts.values()):,} non-primes in [3, {upper:,})")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def count_and_plot(upper, nbr_processes, start_method, path):
    """Count the smallest factors of the non-primes below ``upper``, print the commonest, plot to ``path``."""
    counts = count_smallest_factors(upper, nbr_processes, start_method)
    print(f"non-primes in [3, {upper}) = {sum(counts.values()):,}")
    print(f"distinct smallest factors = {len(counts)}")
    for factor, count in sorted(counts.items(), key=lambda item: -item[1])[:5]:
        print(f"smallest factor {factor}: {count:,}")
    plot(counts, upper, path)
    print(f"figure = {path}")


# book: end


def main(argv=None):
    from _prime_validation_common import run_count_of_factors

    run_count_of_factors(__doc__, count_and_plot, argv)


if __name__ == "__main__":
    main()
