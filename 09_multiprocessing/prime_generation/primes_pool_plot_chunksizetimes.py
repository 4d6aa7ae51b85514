"""Time ``Pool.map`` by chunksize, or by number of chunks, and plot it.

Chapter 9, "Finding Prime Numbers" (the chunksize figures). ``--by chunksize``
sweeps the chunk size on range B (100,000 numbers): size 1 sends one message
per number and is slowest (the book: 2.06 s with 8 processes), sizes of about
10 to 1,000 are fastest (0.21 s), and huge chunks leave workers idle again
(50,000: 0.79 s). ``--by nbrchunks`` splits the range into 1 to 32 equal chunks:
the time falls in a sawtooth, lowest when the number of chunks is a multiple of
the number of workers (no worker is left with one extra chunk at the end).
Every point is the best of ``--repeat`` runs (the book: 10); every run's prime
count is checked. Beside each time it prints the counts behind it: the tasks
``pool.map`` sends (one message per chunk) and how many workers the last round
of tasks leaves idle. Writes ``primes_pool_chunksize[_shuffled].png`` or
``primes_pool_nbrchunks[_shuffled].png``.

Run:
    python 09_multiprocessing/prime_generation/primes_pool_plot_chunksizetimes.py --workers 4
    python 09_multiprocessing/prime_generation/primes_pool_plot_chunksizetimes.py --by nbrchunks --shuffle
"""

# book: 3rd ed. code, "diagrams/primes_pool_plot_chunksizetimes.py" (its times: Pool(8), range B)
import itertools
import math
import multiprocessing
import random
import time

from primes_pool import check_prime

BOOK_CHUNKSIZES = (1, 2, 4, 10, 100, 1000, 5000, 10000, 50000)
BOOK_TIMES = {
    "chunksize": {
        1: 2.06,
        2: 1.04,
        4: 0.56,
        10: 0.27,
        100: 0.21,
        1000: 0.21,
        5000: 0.24,
        10000: 0.32,
        50000: 0.79,
    },
    "nbrchunks": {1: 2.15, 4: 0.56, 5: 0.86, 8: 0.55},
}
# book: end


# book: 3rd ed. code, "diagrams/primes_pool_plot_chunksizetimes.py"
def time_map(pool, numbers, chunksize, repeat):
    """The best time of ``repeat`` runs of ``pool.map``, and the primes found."""
    best = math.inf
    for _ in range(repeat):
        t0 = time.perf_counter()
        are_primes = pool.map(check_prime, numbers, chunksize=chunksize)
        best = min(best, time.perf_counter() - t0)
    return best, list(itertools.compress(numbers, are_primes))


# book: end


# taught: 1st ed.: the chunksize trades messages for balance (idle workers in the last round)
def tasks_and_idle(nbr_numbers, chunksize, nbr_workers):
    """The messages ``pool.map`` sends (one task per chunk) and the workers idle in the last round.

    The workers take the tasks in rounds of ``nbr_workers``; when the count of tasks is not a
    multiple of it, the last round leaves some workers with nothing to do: the sawtooth.
    """
    tasks = math.ceil(nbr_numbers / chunksize)
    idle = -tasks % nbr_workers
    return tasks, idle


# taught: end


# book: 3rd ed. code, "diagrams/primes_pool_plot_chunksizetimes.py" (continued)
def plot(xs, times, xlabel, title, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 4))
    ax.plot(xs, times, marker="o", label="this machine")
    book = BOOK_TIMES[xlabel]
    ax.plot(
        sorted(book),
        [book[x] for x in sorted(book)],
        marker="s",
        linestyle="--",
        color="grey",
        label="the book (3rd ed.)",
    )
    ax.legend()
    if xlabel == "chunksize":
        ax.set_xscale("log")
    ax.set_xlabel(xlabel)
    ax.set_ylabel("seconds (best of the repeats)")
    ax.set_title(title)
    ax.grid(True)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def time_chunksizes(
    start,
    stop,
    expected,
    nbr_workers=4,
    by="chunksize",
    xs=BOOK_CHUNKSIZES,
    repeat=10,
    shuffle=False,
    start_method=None,
    folder=".",
):
    """Time ``pool.map`` at each chunk size (or number of chunks) in ``xs``, check the counts, plot."""
    from pathlib import Path

    from hpp.script import fail

    numbers = list(range(start, stop))
    if shuffle:
        random.Random(0).shuffle(numbers)
    if by == "chunksize":
        chunksizes = xs
    else:
        chunksizes = [math.ceil(len(numbers) / nbr_chunks) for nbr_chunks in xs]
    reference = None
    times = []
    with multiprocessing.get_context(start_method).Pool(processes=nbr_workers) as pool:
        for x, chunksize in zip(xs, chunksizes):
            best, primes = time_map(pool, numbers, chunksize, repeat)
            count = len(primes)
            if reference is None:
                reference = count
            if count != reference or (expected is not None and count != expected):
                fail(f"{by} {x}: {count} primes, expected {expected or reference}")
            times.append(best)
            tasks, idle = tasks_and_idle(len(numbers), chunksize, nbr_workers)
            print(
                f"{by} = {x:>6}  (chunksize {chunksize:>6}): {best:.3f} s, "
                f"{tasks} tasks, {idle} of {nbr_workers} workers idle in the last round"
            )
    shuffled = "_shuffled" if shuffle else ""
    path = Path(folder) / f"primes_pool_{by}{shuffled}.png"
    title = f"Pool({nbr_workers}).map over [{start}, {stop})" + (", shuffled" if shuffle else "")
    plot(xs, times, by, title, path)
    print(f"primes found = {reference}")
    best_x = xs[times.index(min(times))]
    print(f"fastest {by} = {best_x}")
    print(f"figure = {path}")


# book: end


def main(argv=None):
    from _prime_generation_common import run_chunksizes

    run_chunksizes(__doc__, time_chunksizes, BOOK_CHUNKSIZES, argv)


if __name__ == "__main__":
    main()
