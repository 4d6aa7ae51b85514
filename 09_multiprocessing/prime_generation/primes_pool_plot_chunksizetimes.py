"""Time ``Pool.map`` by chunksize, or by number of chunks, and plot it.

Chapter 9, "Finding Prime Numbers" (the chunksize figures). ``--by chunksize``
sweeps the chunk size on range B (100,000 numbers): size 1 sends one message
per number and is slowest (the book: 2.06 s with 8 processes), sizes of about
10 to 1,000 are fastest (0.21 s), and huge chunks leave workers idle again
(50,000: 0.79 s). ``--by nbrchunks`` splits the range into 1 to 32 equal chunks:
the time falls in a sawtooth, lowest when the number of chunks is a multiple of
the number of workers (no worker is left with one extra chunk at the end).
Every point is the best of ``--repeats`` runs (the book: 10); every run's prime
count is checked. Writes ``primes_pool_chunksize[_shuffled].png`` or
``primes_pool_nbrchunks[_shuffled].png``.

Run:
    python 09_multiprocessing/prime_generation/primes_pool_plot_chunksizetimes.py --workers 4
    python 09_multiprocessing/prime_generation/primes_pool_plot_chunksizetimes.py --by nbrchunks --shuffle
"""

import itertools
import math
import multiprocessing
import random
import time

from primes_pool import check_prime

SMOKE_ARGS = [
    "--start",
    "100000000",
    "--stop",
    "100002000",
    "--workers",
    "2",
    "--repeats",
    "1",
    "--chunksizes",
    "1",
    "100",
    "1000",
]

BOOK_CHUNKSIZES = (1, 2, 4, 10, 100, 1000, 5000, 10000, 50000)
# The book's times (3rd edition, Pool(8) over range B, best of 10), drawn beside ours.
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


def time_map(pool, numbers, chunksize, repeats):
    """The best time of ``repeats`` runs of ``pool.map``, and the primes found."""
    best = math.inf
    for _ in range(repeats):
        t0 = time.perf_counter()
        are_primes = pool.map(check_prime, numbers, chunksize=chunksize)
        best = min(best, time.perf_counter() - t0)
    return best, list(itertools.compress(numbers, are_primes))


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


def main(argv=None):
    from _prime_generation_common import add_range_arguments, add_start_method_argument, chosen_range

    from hpp.script import example_parser, fail, output_dir, positive_int, writable_dir

    parser = example_parser(__doc__)
    add_range_arguments(parser, default="B")
    parser.add_argument("--workers", type=positive_int, default=4, help="Pool size (the book: 8)")
    parser.add_argument("--by", choices=("chunksize", "nbrchunks"), default="chunksize")
    parser.add_argument(
        "--chunksizes",
        type=positive_int,
        nargs="+",
        default=list(BOOK_CHUNKSIZES),
        help="chunk sizes to time (--by chunksize)",
    )
    parser.add_argument(
        "--max-chunks", type=positive_int, default=32, help="time 1 .. this many chunks (--by nbrchunks)"
    )
    parser.add_argument("--repeats", type=positive_int, default=10, help="runs per point")
    parser.add_argument("--shuffle", action="store_true", help="shuffle the numbers first")
    parser.add_argument("--output-dir", type=writable_dir, default=None, help="where the PNG goes")
    add_start_method_argument(parser)
    args = parser.parse_args(argv)
    start, stop, expected = chosen_range(args)

    numbers = list(range(start, stop))
    if args.shuffle:
        random.Random(0).shuffle(numbers)
    if args.by == "chunksize":
        xs = args.chunksizes
        chunksizes = xs
    else:
        xs = list(range(1, args.max_chunks + 1))
        chunksizes = [math.ceil(len(numbers) / nbr_chunks) for nbr_chunks in xs]
    reference = None
    times = []
    with multiprocessing.get_context(args.start_method).Pool(processes=args.workers) as pool:
        for x, chunksize in zip(xs, chunksizes):
            best, primes = time_map(pool, numbers, chunksize, args.repeats)
            count = len(primes)
            if reference is None:
                reference = count
            if count != reference or (expected is not None and count != expected):
                fail(f"{args.by} {x}: {count} primes, expected {expected or reference}")
            times.append(best)
            print(f"{args.by} = {x:>6}  (chunksize {chunksize:>6}): {best:.3f} s")
    shuffled = "_shuffled" if args.shuffle else ""
    path = output_dir("09_multiprocessing", args.output_dir) / f"primes_pool_{args.by}{shuffled}.png"
    title = f"Pool({args.workers}).map over [{start}, {stop})" + (", shuffled" if args.shuffle else "")
    plot(xs, times, args.by, title, path)
    print(f"primes found = {reference}")
    best_x = xs[times.index(min(times))]
    print(f"fastest {args.by} = {best_x}")
    print(f"figure = {path}")


if __name__ == "__main__":
    main()
