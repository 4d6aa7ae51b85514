"""How long does ``check_prime(n)`` take? One time per number, plotted: primes cost the most.

Chapter 9, "Finding Prime Numbers" (the figure of the time to check each
number): for n = 10,001 ... 999,991 in steps of 10 (99,000 numbers, 19,311 of
them prime), each ``check_prime(n)`` is timed ``--repeat`` times and the best
time kept (the book: 200). A non-prime usually stops at a small factor (about a
microsecond); a prime tries every odd number up to sqrt(n), so its time grows
like sqrt(n) (the book: median 64.6 us for primes against 1.2 us for
non-primes). That spread is why the chunksize matters and why shuffling helps.
Writes ``primes_timed.png``.

Run:
    python primes_timed_makes_graph.py                          # the book's sweep (slow: 200 timings per n)
    python primes_timed_makes_graph.py --repeat 3 --stop 200001
"""

# book: 3rd ed. code, "diagrams/primes_timed_makes_graph.py"
import math
import time


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


def time_check_prime(numbers, repeat):
    """``[(n, is prime, best time in seconds), ...]``: the best of ``repeat`` calls for each n."""
    timer = time.perf_counter
    results = []
    for n in numbers:
        best = math.inf
        for _ in range(repeat):
            t0 = timer()
            is_prime = check_prime(n)
            best = min(best, timer() - t0)
        results.append((n, is_prime, best))
    return results


def plot(results, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 5))
    for label, wanted, color in (("non-prime", False, "tab:blue"), ("prime", True, "tab:red")):
        ns = [n for n, p, _ in results if p is wanted]
        ts = [t * 1e6 for _, p, t in results if p is wanted]
        ax.scatter(ns, ts, s=1, color=color, label=f"{label} ({len(ns):,})")
    ax.set_xlabel("n")
    ax.set_ylabel("time to check_prime(n), microseconds (best of the repeats)")
    ax.set_yscale("log")
    ax.set_title("Primes take longest: every odd factor up to sqrt(n) is tried")
    ax.legend(markerscale=8)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


# book: end


def main(argv=None):
    from _prime_generation_common import run_sweep

    run_sweep(__doc__, time_check_prime, plot, argv)


if __name__ == "__main__":
    main()
